"""Follow-through, whole: how every series' and every organization's action items came out.

Opened with f on Home, whose bodies panel has room for one short line per series at most. The
figures are those `facilitate loop --summary` prints (services/record/follow_through_figures.py),
overdue as of the app's today; here they stand in columns, one row per series or organization.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from facilitate.services.record.follow_through_figures import FollowThrough, figures
from facilitate.store import Store
from facilitate.tui.widgets.table import Fit, Table

NOTHING = "No action items recorded yet: nothing to count."
"""What the dialog says on a record with no action item."""


def columns(first: str, undated: bool) -> list[Fit]:
    """The name column, then the counts; "No date" only when some action has one."""
    return [
        Fit("name", first, flexible=True),
        Fit("on_time", "On time"),
        Fit("late", "Late"),
        *([Fit("undated", "No date")] if undated else []),
        Fit("open", "Open"),
        Fit("overdue", "Overdue"),
        Fit("dropped", "Dropped"),
    ]


def rows(found: Sequence[FollowThrough], undated: bool) -> list[tuple[str, list[object]]]:
    """One row per series or organization, its counts as numbers."""
    return [
        (
            f.key or f.label,
            [
                f.label,
                str(f.done_on_time),
                str(f.done_late),
                *([str(f.done_undated)] if undated else []),
                str(f.open),
                str(f.overdue),
                str(f.dropped),
            ],
        )
        for f in found
    ]


class FollowThroughFiguresDialog(ModalScreen[None]):
    """Two tables, by series then by organization. Dismisses with None."""

    DEFAULT_CSS = """
    FollowThroughFiguresDialog .dialog { width: 90; max-height: 90%; }
    FollowThroughFiguresDialog .figures-heading { text-style: bold; padding-top: 1; }
    FollowThroughFiguresDialog .dialog-help { padding-top: 1; }
    """
    BINDINGS = [Binding("escape", "close", "Close", id="follow_through_figures.close")]

    def __init__(self, store: Store, today: date) -> None:
        super().__init__()
        self.found = figures(store, today)
        self.today = today

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static(
                Text(f"Follow-through of action items, overdue as of {self.today:%b %d, %Y}"),
                classes="dialog-title",
            )
            if not self.found.series:
                yield Static(Text(NOTHING), id="figures-none")
            else:
                yield Static(Text("By series"), classes="figures-heading")
                yield Table(id="figures-series", cursor_type="row")
                yield Static(Text("By organization (of the owner)"), classes="figures-heading")
                yield Table(id="figures-organizations", cursor_type="row")
            yield Static(
                Text("Late: done after its due date. Overdue: open, its due date gone."),
                classes="dialog-help",
            )

    def on_mount(self) -> None:
        if not self.found.series:
            return
        for table in self.query(Table):
            # As tall as its rows: app.tcss gives every table the rest of its screen's height.
            table.styles.height = "auto"
        undated = any(f.done_undated for f in (*self.found.series, *self.found.organizations))
        self.query_one("#figures-series", Table).fit_rows(
            columns("Series", undated), rows(self.found.series, undated)
        )
        organizations = self.query_one("#figures-organizations", Table)
        organizations.fit_rows(
            columns("Organization", undated), rows(self.found.organizations, undated)
        )
        self.query_one("#figures-series", Table).focus()

    def action_close(self) -> None:
        self.dismiss(None)
