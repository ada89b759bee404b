"""The minutes of one meeting as an audience will read them, and exporting them.

Keys 1/2/3 switch the preview between the public, partners' and internal versions, and `l` between
the languages the minutes come in; the preview is the Markdown export as it reads (headings,
bold, tables drawn, not their ``#`` and ``**``), so what you see is what that audience gets.
`e` opens the export
dialog; exports run in a worker thread with their own database connection, so the screen stays
responsive, and packets for many partners show progress.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import Header, Markdown, ProgressBar, Static

from facilitate.export import RENDERERS
from facilitate.export.markdown import render_minutes as render_markdown
from facilitate.models import Meeting
from facilitate.models.enums import Visibility
from facilitate.services.people.directory import Choice
from facilitate.services.record.audience import AUDIENCE_LABELS, AUDIENCES
from facilitate.services.record.audience_reach import minutes_reach
from facilitate.services.record.i18n import CATALOGUES, DEFAULT_LANGUAGE, LANGUAGES
from facilitate.services.record.minutes import build_minutes
from facilitate.services.record.minutes_approval import (
    ApprovalError,
    approve_minutes,
    awaiting_approval,
)
from facilitate.services.share.packets import write_packets
from facilitate.services.share.sharing import ExportError, ExportFormat, export_minutes
from facilitate.store import Store, StoreError
from facilitate.tui.dialogs.approve_minutes import ApprovalInput, ApproveMinutesDialog
from facilitate.tui.dialogs.export import ExportChoice, ExportDialog
from facilitate.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from facilitate.tui.app import FacilitateApp


class MinutesScreen(Screen[None]):
    """Preview and export the minutes of `meeting_id`."""

    # Export first: the key bar keeps the first keys that fit, and 1 2 3 are on the bar above.
    BINDINGS = [
        Binding("e", "export", "Export", id="minutes.export"),
        Binding("l", "language", "Language", id="minutes.language"),
        Binding("a", "approve", "Approve earlier minutes", id="minutes.approve"),
        Binding("1", "audience('public')", "Public", id="minutes.public"),
        Binding("2", "audience('partners')", "Partners", id="minutes.partners"),
        Binding("3", "audience('internal')", "Internal", id="minutes.internal"),
        Binding("escape", "back", "Back", id="minutes.back"),
    ]

    DEFAULT_CSS = """
    MinutesScreen #minutes-bar { height: auto; padding: 0 1; background: $boost; }
    MinutesScreen #minutes-scroll { height: 1fr; }
    MinutesScreen #export-progress { height: 1; padding: 0 1; display: none; }
    MinutesScreen #export-progress.running { display: block; }
    MinutesScreen #export-status { height: auto; padding: 0 1; color: $text-muted; }
    """

    def __init__(self, meeting_id: str, *, audience: Visibility = Visibility.PARTNERS) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.audience = audience
        self.language = DEFAULT_LANGUAGE
        self.markdown_source = ""

    @property
    def facilitate(self) -> FacilitateApp:
        return cast("FacilitateApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="minutes-bar")
        # A scroll of its own, focused, so the arrows and page keys read through long minutes.
        with VerticalScroll(id="minutes-scroll"):
            yield Markdown(id="minutes-preview", open_links=False)
        yield ProgressBar(id="export-progress", show_eta=False)
        yield Static("", id="export-status")
        yield KeyBar()

    async def on_mount(self) -> None:
        meeting = self.facilitate.store.get(Meeting, self.meeting_id)
        self.sub_title = meeting.title
        await self.show()
        self.query_one("#minutes-scroll", VerticalScroll).focus()

    async def show(self) -> None:
        doc = build_minutes(
            self.facilitate.store, self.meeting_id, self.audience, language=self.language
        )
        self.markdown_source = render_markdown(doc)
        preview = self.query_one("#minutes-preview", Markdown)
        await preview.update(self.markdown_source)
        self.query_one("#minutes-scroll", VerticalScroll).scroll_home(animate=False)
        tabs = "  ".join(
            f"[reverse] {n} {AUDIENCE_LABELS[a]} [/]"
            if a is self.audience
            else f" {n} {AUDIENCE_LABELS[a]} "
            for n, a in enumerate(AUDIENCES, start=1)
        )
        # Short enough to end with the language at 80 columns; narrower, it wraps (height auto).
        self.query_one("#minutes-bar", Static).update(
            f"{tabs}   {doc.status.value.upper()} · {AUDIENCE_LABELS[self.audience]} version · "
            f"{CATALOGUES[self.language].name}"
        )

    async def action_audience(self, value: str) -> None:
        self.audience = Visibility(value)
        await self.show()

    async def action_language(self) -> None:
        """The next language the minutes come in; exports from here use it too."""
        self.language = LANGUAGES[(LANGUAGES.index(self.language) + 1) % len(LANGUAGES)]
        await self.show()

    @work
    async def action_approve(self) -> None:
        """Approve earlier minutes at this meeting, as it happened; this meeting's minutes then
        show the approval and its decision. Here rather than on the closing screen: approval is
        usually the first business of a meeting, and this screen reaches any meeting."""
        store = self.facilitate.store
        meeting = store.get(Meeting, self.meeting_id)
        drafts = awaiting_approval(store, meeting)
        if not drafts:
            self.notify("No earlier minutes are waiting for approval.")
            return
        minutes = [Choice(m.id, f"{m.title} · {m.starts_at:%b %d, %Y}") for m in drafts]
        typed: ApprovalInput | None = None
        error = ""
        while True:
            dialog = ApproveMinutesDialog(minutes, typed=typed, error=error)
            typed = await self.app.push_screen_wait(dialog)
            if typed is None:
                return
            try:
                approve_minutes(
                    store,
                    typed.meeting_id,
                    at_meeting_id=meeting.id,
                    moved_by=typed.moved_by,
                    seconded_by=typed.seconded_by,
                    method=typed.method,
                    corrections=typed.corrections,
                    other_body_reason=typed.reason,
                )
            except (ApprovalError, StoreError) as problem:
                error = str(problem)
                continue
            break
        await self.show()
        self.notify("Approved; the approval is also a decision of this meeting.")

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()

    def action_export(self) -> None:
        destination = self.facilitate.store.path.parent / "exports"
        reach = minutes_reach(self.facilitate.store, self.meeting_id, self.audience)
        dialog = ExportDialog(
            audience_label=AUDIENCE_LABELS[self.audience],
            destination=destination,
            warning=reach.warning,
        )
        self.app.push_screen(dialog, self._export_chosen)

    def _export_chosen(self, choice: ExportChoice | None) -> None:
        if choice is None:
            return
        progress = self.query_one("#export-progress", ProgressBar)
        progress.update(total=None, progress=0)
        progress.add_class("running")
        self.query_one("#export-status", Static).update("Exporting…")
        self.run_worker(
            partial(
                self._run_export, choice, self.audience, self.language, self.facilitate.store.path
            ),
            thread=True,
            exclusive=True,
            group="minutes-export",
            name="minutes-export",
        )

    def _run_export(
        self, choice: ExportChoice, audience: Visibility, language: str, db_path: Path
    ) -> None:
        """In a worker thread: its own connection, so the screen's stays free. Packets are in
        each organization's own language; these minutes in the one previewed."""
        formats = [ExportFormat(f) for f in choice.formats]
        try:
            store = Store.open(db_path, create=False)
        except StoreError as error:
            self.app.call_from_thread(self._finished, str(error), True)
            return
        try:
            if choice.packets:
                packets = write_packets(
                    store,
                    self.meeting_id,
                    choice.destination,
                    RENDERERS,
                    formats=formats,
                    progress=lambda done, total, what: self.app.call_from_thread(
                        self._progress, done, total, what
                    ),
                )
                message = (
                    f"Wrote {len(packets)} packets (with email drafts) in {choice.destination}"
                )
                calendar = not packets or "ics" not in packets[0].without
            else:
                written = export_minutes(
                    store,
                    self.meeting_id,
                    audience,
                    formats,
                    choice.destination,
                    RENDERERS,
                    language=language,
                )
                message = f"Wrote {len(written)} files in {choice.destination}"
                calendar = any(f.format == "ics" for f in written)
            if "ics" in choice.formats and not calendar:
                message += "; no calendar file: nothing in these minutes has a date to add"
        except (ExportError, StoreError) as error:
            self.app.call_from_thread(self._finished, str(error), True)
            return
        finally:
            store.close()
        self.app.call_from_thread(self._finished, message, False)

    def _progress(self, done: int, total: int, what: str) -> None:
        self.query_one("#export-progress", ProgressBar).update(total=max(total, 1), progress=done)
        if what != "done":
            self.query_one("#export-status", Static).update(
                f"Packet {done + 1} of {total}: {escape(what)}…"
            )

    def _finished(self, message: str, failed: bool) -> None:
        self.query_one("#export-progress", ProgressBar).remove_class("running")
        self.query_one("#export-status", Static).update(escape(message))
        self.notify(message, severity="error" if failed else "information", timeout=6)
