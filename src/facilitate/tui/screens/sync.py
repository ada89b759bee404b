"""The Sync screen: take in another laptop's records, after a preview of what they change.

Type the path of a changeset file (from `facilitate sync export`) or of the other laptop's
database file; ctrl+r (or Enter) previews: counts by kind, table by table, and every conflict
named. ctrl+s applies, in one transaction. ctrl+e writes this laptop's records to the file
typed instead, for the other laptop. All run in a child process (see
`services.sync.isolated`), so the app's own connection is never disturbed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Header, Input, Static

from facilitate.services.sync.errors import SyncError
from facilitate.services.sync.isolated import export_in_child, merge_in_child
from facilitate.services.sync.report import MergeReport
from facilitate.services.sync.rules import Kind
from facilitate.tui.widgets.key_bar import KeyBar
from facilitate.tui.widgets.table import Table
from facilitate.tui.widgets.text_field import TextField

if TYPE_CHECKING:
    from facilitate.tui.app import FacilitateApp

HINT = (
    "Another laptop's records: type the path of its changeset file or its database file, "
    "then ctrl+r to preview and ctrl+s to merge. To send this laptop's records instead, type "
    "the file to write and press ctrl+e."
)


class SyncScreen(Screen[None]):
    """Preview and merge another laptop's records."""

    DEFAULT_CSS = """
    SyncScreen #sync-counts { height: auto; max-height: 12; }
    SyncScreen #sync-conflicts { height: 1fr; }
    """

    BINDINGS = [
        Binding("ctrl+r", "preview", "Preview", id="sync.preview", priority=True),
        Binding("ctrl+s", "apply", "Merge", id="sync.apply", priority=True),
        Binding("ctrl+e", "export", "Export", id="sync.export", priority=True),
        Binding("escape", "back", "Back", id="sync.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.previewed: Path | None = None

    @property
    def facilitate(self) -> FacilitateApp:
        return cast("FacilitateApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(HINT, id="sync-hint")
        yield TextField(placeholder="path to a .changeset or .db file", id="sync-source")
        yield Static("", id="sync-summary")
        yield Table(id="sync-counts", cursor_type="row")
        yield Table(id="sync-conflicts", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = "Sync with another laptop"
        self.query_one("#sync-source", Input).focus()

    def _source(self) -> Path | None:
        text = self.query_one("#sync-source", Input).value.strip()
        if not text:
            self._say("Type the path of the other laptop's changeset or database file first.")
            return None
        return Path(text).expanduser()

    def _say(self, text: str) -> None:
        self.query_one("#sync-summary", Static).update(text)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_preview()

    def action_preview(self) -> None:
        source = self._source()
        if source is not None:
            self._say(f"Reading {source} …")
            self._run(source, preview=True)

    def action_apply(self) -> None:
        source = self._source()
        if source is None:
            return
        if source != self.previewed:
            self._say("Preview first (ctrl+r): see what it changes before merging.")
            return
        self._say(f"Merging {source} …")
        self._run(source, preview=False)

    @work(thread=True, exclusive=True, group="sync")
    def _run(self, source: Path, *, preview: bool) -> None:
        try:
            report = merge_in_child(self.facilitate.store.path, source, preview=preview)
        except SyncError as error:
            self.app.call_from_thread(self._refused, str(error))
            return
        self.app.call_from_thread(self._show, source, report)

    def _refused(self, message: str) -> None:
        self.previewed = None
        self._say(message)

    def _show(self, source: Path, report: MergeReport) -> None:
        self.previewed = None if report.applied else source
        lines = report.lines()
        tail = "" if report.applied or report.nothing_to_do else "  ctrl+s merges it."
        self._say(lines[0] + tail)
        counts = self.query_one("#sync-counts", Table)
        counts.clear(columns=True)
        counts.add_columns("Records", *(kind.value for kind in Kind))
        for table in sorted(report.by_table):
            counted = report.by_table[table]
            counts.add_row(table.replace("_", " "), *(str(counted[kind]) for kind in Kind))
        conflicts = self.query_one("#sync-conflicts", Table)
        conflicts.clear(columns=True)
        conflicts.add_columns("Conflict", "Fields", "Kept")
        for conflict in report.conflicts:
            conflicts.add_row(conflict.label, ", ".join(conflict.fields), conflict.kept)
        if report.applied:
            self.app.notify(f"Merged {source.name}: {report.summary()}")

    def action_export(self) -> None:
        out = self._source()
        if out is not None:
            self._say(f"Writing {out} …")
            self._export(out)

    @work(thread=True, exclusive=True, group="sync")
    def _export(self, out: Path) -> None:
        try:
            result = export_in_child(self.facilitate.store.path, out)
        except SyncError as error:
            self.app.call_from_thread(self._refused, str(error))
            return
        self.app.call_from_thread(
            self._say,
            f"Wrote {result.path}: {result.rows} record(s) and {result.removals} removal(s), "
            f"{result.since}, for {result.audience}; take it to the other laptop and merge it "
            "there (y on Home, or `facilitate sync import`).",
        )

    def action_back(self) -> None:
        self.dismiss(None)
