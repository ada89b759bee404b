"""The Loop screen: a series' input, each with what became of it ("you said, we did").

Every input of the series is a row: its number (the one `re:N` names in the room), the meeting's
date, its words, its themes and who may see it, and an answer column that says at a glance
whether anything answers it. `a` lists every numbered note too (a business meeting's discussion
notes, which owe nobody an answer), so one can be answered or filed under a theme after the
meeting, which makes it input. The highlighted input is shown in full below, with every response
and where it stands now. Keys link a decision or action of the series, unlink one, record a
response that is not an entry ("we can't, because …"), choose who may see an input (what may
be public), find any input of the partnership, and export the report partners and the public
read, or the community one-pager.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from facilitate.models import MeetingSeries
from facilitate.services.people.directory import Choice, organization_choices
from facilitate.services.record import loop_links, themes
from facilitate.services.record.input_visibility import VISIBILITY_LABELS, set_input_visibility
from facilitate.services.record.loop_links import LoopRow
from facilitate.store import Store
from facilitate.tui.dialogs.choose import ChoiceDialog
from facilitate.tui.dialogs.confirm import ConfirmDialog
from facilitate.tui.dialogs.input_search import InputSearchDialog
from facilitate.tui.dialogs.loop_response import LoopResponseDialog
from facilitate.tui.dialogs.response_chooser import ResponseChooserDialog
from facilitate.tui.dialogs.theme_name import choose_theme
from facilitate.tui.feedback import TOAST_SECONDS, reported
from facilitate.tui.screens.loop_cells import (
    COLUMNS,
    NO_INPUT,
    answer_cell,
    detail_text,
    info_line,
    response_word,
    row_key,
)
from facilitate.tui.screens.loop_export import export_choices, export_warning, write_export
from facilitate.tui.widgets.key_bar import KeyBar
from facilitate.tui.widgets.table import Table

if TYPE_CHECKING:
    from facilitate.tui.app import FacilitateApp

"""The value of "A new theme…" among the themes offered to file under (no theme is named so)."""

NOTICE_SECONDS = TOAST_SECONDS
"""How long a warning toast stays: the app's one length (`feedback.TOAST_SECONDS`)."""


class LoopScreen(Screen[None]):
    """One series' input and its responses; every change is saved at once."""

    BINDINGS = [
        Binding(
            "l",
            "link",
            "Link",
            id="loop.link",
            tooltip="Link the decision or action that answers the highlighted input (l)",
        ),
        Binding(
            "u",
            "unlink",
            "Unlink",
            id="loop.unlink",
            tooltip="Unlink a response, or remove an answer recorded by mistake (u)",
        ),
        Binding(
            "r",
            "record",
            "Answer",
            id="loop.record",
            tooltip="Record an answer that is not an entry: declined with its reason (r)",
        ),
        Binding(
            "v",
            "visibility",
            "Seen by",
            id="loop.visibility",
            tooltip="Choose who may see the highlighted input: public, partners, internal (v)",
        ),
        Binding(
            "slash",
            "find",
            "Find",
            id="loop.find",
            key_display="/",
            tooltip="Find input of any series by its words or theme (/)",
        ),
        Binding(
            "e",
            "export",
            "Export",
            id="loop.export",
            tooltip="Write the report for the public, partners or internal, or the community "
            "one-pager (e)",
        ),
        Binding(
            "t",
            "file",
            "File under…",
            id="loop.file",
            tooltip="File the highlighted note under a theme (one there is, or a new one) (t)",
        ),
        Binding(
            "a",
            "all_notes",
            "All notes",
            id="loop.all_notes",
            tooltip="List every numbered note too, not only input (a)",
        ),
        # The same key back: the key bar names what a does now (`check_action`).
        Binding(
            "a",
            "input_only",
            "Input only",
            id="loop.input_only",
            tooltip="List only input again (a)",
        ),
        Binding(
            "m",
            "more",
            "More",
            id="loop.more",
            tooltip="Show older input too: the list starts with the newest (m)",
        ),
        Binding(
            "f4",
            "theme_board",
            "Themes",
            id="loop.themes",
            tooltip="The theme board: rename, merge, split, move and file input (F4)",
        ),
        Binding("f5", "refresh", "Refresh", id="loop.refresh"),
        Binding("escape", "back", "Back", id="loop.back"),
    ]

    DEFAULT_CSS = """
    LoopScreen #loop-info { height: 1; padding: 0 1; color: $text-muted; }
    LoopScreen #loop-inputs { height: 1fr; }
    LoopScreen #loop-detail {
        height: auto;
        max-height: 8;
        padding: 0 1;
        border-top: solid $primary-darken-2;
    }
    LoopScreen #loop-status { height: auto; padding: 0 1; color: $text-muted; display: none; }
    """

    def __init__(self, series_id: str) -> None:
        super().__init__()
        self.series_id = series_id
        self.rows: dict[str, LoopRow] = {}
        # How many of the newest inputs are listed: decades of notes load a page at a time.
        self.count = loop_links.LOOP_PAGE
        self.every = False  # every numbered note listed (`a`), not only input
        self.shown = False  # drawn once: a resume then reads the series again

    @property
    def facilitate(self) -> FacilitateApp:
        return cast("FacilitateApp", self.app)

    @property
    def store(self) -> Store:
        return self.facilitate.store

    @property
    def table(self) -> Table:
        return self.query_one("#loop-inputs", Table)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="loop-info")
        yield Table(id="loop-inputs", cursor_type="row", zebra_stripes=True)
        yield Static(id="loop-detail")
        yield Static(id="loop-status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = "You said, we did"
        self.action_refresh()
        self.table.focus()

    def on_screen_resume(self) -> None:
        # Back from the live screen or a dialog: what was captured meanwhile is shown.
        if self.shown:
            self.action_refresh()

    # -- showing ------------------------------------------------------------------------------

    def action_theme_board(self) -> None:
        """The series' themes, tidied after the meeting as during it (F4 there too); the list
        is read again on return (`on_screen_resume`)."""
        from facilitate.tui.screens.theme_board import ThemeBoardScreen

        self.app.push_screen(ThemeBoardScreen(self.series_id))

    def action_refresh(self, select: str | None = None) -> None:
        """Read the series again; the cursor stays on the input it was on (or `select`)."""
        series = self.store.get(MeetingSeries, self.series_id)
        self.sub_title = series.name
        page = loop_links.newest_loop_rows(self.store, self.series_id, self.count, every=self.every)
        rows = page.rows
        self.rows = {row_key(row): row for row in rows}
        self.shown = True
        self.table.fit_rows(
            COLUMNS,
            [
                (
                    key,
                    [
                        str(row.input.number),
                        f"{row.input.meeting_date:%b %d}",
                        answer_cell(row),
                        row.input.visibility.value,
                        " ".join(row.input.text.split()),
                        " ".join(f"+{theme}" for theme in row.input.themes),
                    ],
                )
                for key, row in self.rows.items()
            ],
        )
        if select is not None and select in self.rows:
            self.table.move_cursor(row=self.table.get_row_index(select))
        self.query_one("#loop-info", Static).update(Text(info_line(page, series.name)))
        self.show_detail()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "all_notes":
            return not self.every
        if action == "input_only":
            return self.every
        return True

    def action_input_only(self) -> None:
        """List only input again (`a` once more)."""
        self.action_all_notes()

    def action_all_notes(self) -> None:
        """List every numbered note of the series too (or again only input); the cursor stays
        on the row it was on when that row is still listed."""
        self.every = not self.every
        self.refresh_bindings()
        self.count = loop_links.LOOP_PAGE
        row = self.selected()
        self.action_refresh(select=row_key(row) if row is not None else None)
        self.confirm(
            "Every numbered note is listed: a business note answered or filed becomes input."
            if self.every
            else "Only input is listed."
        )

    def action_more(self) -> None:
        """List the next page of older input; the cursor stays where it was."""
        if len(self.rows) >= self.count:
            self.count += loop_links.LOOP_PAGE
            row = self.selected()
            self.action_refresh(select=row_key(row) if row is not None else None)
        elif self.every:
            self.confirm("Every numbered note of the series is listed.")
        else:
            self.confirm("Every piece of input of the series is listed.")

    def selected(self) -> LoopRow | None:
        table = self.table
        if table.row_count == 0:
            return None
        # By the row, not a cell: before the first layout the table has rows but no columns.
        key = table.ordered_rows[table.cursor_row].key.value
        return self.rows.get(key) if key is not None else None

    def show_detail(self) -> None:
        row = self.selected()
        detail = self.query_one("#loop-detail", Static)
        detail.update(detail_text(row) if row is not None else Text(NO_INPUT))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def _wanted(self) -> LoopRow | None:
        row = self.selected()
        if row is None:
            self.notify(NO_INPUT, severity="warning", timeout=NOTICE_SECONDS)
        return row

    def _input(self, row: LoopRow) -> loop_links.Input:
        return self.store.get(loop_links.INPUT_KINDS[row.input.table], row.input.id)

    # -- changing -----------------------------------------------------------------------------

    @work
    async def action_link(self) -> None:
        """Say which decision or action of the series answers the highlighted input."""
        row = self._wanted()
        if row is None:
            return
        store, series_id = self.store, self.series_id
        if not loop_links.response_candidates(store, series_id, limit=1):
            self.notify(
                "This series has no decision or action yet to link.",
                severity="warning",
                timeout=NOTICE_SECONDS,
            )
            return
        title = f"What answers #{row.input.number}? Type to narrow, Enter links"
        chosen = await self.app.push_screen_wait(
            ResponseChooserDialog(
                lambda words: loop_links.response_candidates(store, series_id, words),
                title=title,
            )
        )
        if chosen is None:
            return
        with reported(self.app):
            response = loop_links.candidate_response(store, chosen)
            loop_links.link_response(store, response, self._input(row))
            self.confirm(f"Linked: the {chosen.kind} answers #{row.input.number}")
        self.action_refresh(select=row_key(row))

    @work
    async def action_unlink(self) -> None:
        """Unlink a decision or action, or remove an answer recorded by mistake."""
        row = self._wanted()
        if row is None:
            return
        if not row.responses:
            self.notify(
                f"Nothing answers #{row.input.number} yet.",
                severity="warning",
                timeout=NOTICE_SECONDS,
            )
            return
        response = row.responses[0]
        if len(row.responses) > 1:
            choices = [
                Choice(str(index), f"{response_word(r)} — {r.text}")
                for index, r in enumerate(row.responses)
            ]
            picked = await self.app.push_screen_wait(
                ChoiceDialog(f"Unlink which response to #{row.input.number}?", choices)
            )
            if picked is None:
                return
            response = row.responses[int(picked)]
        linked = response.link_id is not None
        what = "Unlink" if linked else "Remove the answer"
        question = f"{what} “{response.text}” from #{row.input.number}?"
        if linked:
            question += f" The {response.kind} stays on record."
        if not await self.app.push_screen_wait(ConfirmDialog(question, yes=what)):
            return
        with reported(self.app):
            if response.link_id is not None:
                loop_links.unlink(self.store, response.link_id)
            else:
                loop_links.remove_response(self.store, response.response_id)
            self.confirm(f"{what}: done")
        self.action_refresh(select=row_key(row))

    @work
    async def action_record(self) -> None:
        """A response that is not an entry: declined with its reason, or answered in words."""
        row = self._wanted()
        if row is None:
            return
        organizations = organization_choices(self.store, include_retired=False)
        dialog = LoopResponseDialog(row.input.text, organizations, seen_by=row.input.visibility)
        fields = await self.app.push_screen_wait(dialog)
        if fields is None:
            return
        with reported(self.app):
            loop_links.record_response(
                self.store,
                self._input(row),
                text=fields.text,
                kind=fields.kind,
                reason=fields.reason,
                organization_id=fields.organization_id,
                responded_on=self.facilitate.today,
                visibility=fields.visibility,
            )
            self.confirm(f"Recorded: {fields.kind.value} for #{row.input.number}")
        self.action_refresh(select=row_key(row))

    @work
    async def action_visibility(self) -> None:
        """Choose who may see the highlighted input; only its visibility is written."""
        row = self._wanted()
        if row is None:
            return
        now = row.input.visibility
        choices = [
            Choice(v.value, label + (" (now)" if v is now else ""))
            for v, label in VISIBILITY_LABELS.items()
        ]
        picked = await self.app.push_screen_wait(
            ChoiceDialog(
                f"Who may see #{row.input.number}?",
                choices,
                help_text=" ".join(row.input.text.split()),
                current=now.value,
            )
        )
        if picked is None or picked == now.value:
            return
        with reported(self.app):
            set_input_visibility(self.store, row.input.table, row.input.id, picked)
            self.confirm(f"#{row.input.number} is now seen by: {picked}")
        self.action_refresh(select=row_key(row))

    @work
    async def action_find(self) -> None:
        """Find input by its words or theme, here or in another series (which is then shown)."""
        store = self.store
        dialog = InputSearchDialog(
            lambda words: loop_links.search_inputs(store, words),
            title="Find input: words or a theme",
            home_series_id=self.series_id,
        )
        hit = await self.app.push_screen_wait(dialog)
        if hit is None:
            return
        if hit.series_id != self.series_id:
            self.series_id = hit.series_id
            self.count = loop_links.LOOP_PAGE
            self.confirm(f"Showing {hit.series_name}")
        # An older input than those listed: list back to it.
        self.count = max(self.count, loop_links.newer_rows(self.store, hit, every=self.every))
        self.action_refresh(select=f"{hit.table}:{hit.id}")

    @work
    async def action_file(self) -> None:
        """File the highlighted note under a theme of the series: one there is, or a new one. A
        business note filed becomes input; filed already, it stays under its other themes."""
        row = self._wanted()
        if row is None:
            return
        number = row.input.number
        choices = [Choice(name, f"+{name}") for name in themes.names(self.store, self.series_id)]
        name = await choose_theme(self.app, f"File #{number} under", choices)
        if name is None:
            return
        with reported(self.app):
            theme = themes.file_inputs(
                self.store, self.series_id, [(row.input.table, row.input.id)], name
            )
            self.confirm(f"#{number} filed under +{theme.name}")
        self.action_refresh(select=row_key(row))

    # -- exporting ----------------------------------------------------------------------------

    @work
    async def action_export(self) -> None:
        """The report for one audience, or the community one-pager (public), as Markdown and a
        page that prints, in the exports folder beside the database; logged in the sharing log
        like every export."""
        picked = await self.app.push_screen_wait(
            ChoiceDialog(
                "Export the report for whom?",
                export_choices(),
                help_text="Each audience sees only what it may; a response it may not see is "
                "said to exist, never what it says. v chooses what may be public.",
            )
        )
        if picked is None:
            return
        warning = export_warning(self.store, self.series_id, picked)
        if warning and not await self.app.push_screen_wait(
            ConfirmDialog(f"{warning} Write it anyway?", yes="Write it")
        ):
            return
        status = self.query_one("#loop-status", Static)
        status.display = True
        status.update("Exporting…")
        folder = self.store.path.parent / "exports"
        self.run_worker(
            partial(self._export, picked, folder, self.store.path),
            thread=True,
            exclusive=True,
            group="loop-export",
            name="loop-export",
        )

    def _export(self, picked: str, folder: Path, db_path: Path) -> None:
        """In a worker thread (see `loop_export`)."""
        done = write_export(db_path, self.series_id, picked, folder)
        self.app.call_from_thread(self._exported, done.message, done.severity)

    def _exported(self, message: str, severity: SeverityLevel) -> None:
        self.confirm(message)
        # A warning ("nothing here is public yet") is also raised, briefly: it asks for action.
        if severity != "information":
            self.notify(message, severity=severity, timeout=NOTICE_SECONDS)

    def confirm(self, message: str) -> None:
        """Say what was just done on the status line below the detail, not in a toast: a toast
        sits over the detail pane, hiding the very change it confirms."""
        status = self.query_one("#loop-status", Static)
        status.display = True
        status.update(Text(message))

    def action_back(self) -> None:
        self.dismiss(None)
