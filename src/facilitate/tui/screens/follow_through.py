"""Follow-through: the series' earlier commitments, each given its status in the room.

Every answer is a new update in the action's history (with the note and this meeting); the row
shows it at once and stays on the list, so the round can go on down the table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from facilitate.models import Meeting
from facilitate.models.enums import ActionStatus
from facilitate.services.run import follow_through
from facilitate.services.run.follow_through import FollowThroughError, FollowThroughLine
from facilitate.tui.dialogs.action_update import STATUS_LABEL, ActionUpdateDialog
from facilitate.tui.feedback import reported
from facilitate.tui.symbols import mark as symbol
from facilitate.tui.widgets.key_bar import KeyBar
from facilitate.tui.widgets.table import Table

if TYPE_CHECKING:
    from facilitate.tui.app import FacilitateApp

STATUS_STYLE = {
    ActionStatus.OPEN: "",
    ActionStatus.IN_PROGRESS: "yellow",
    ActionStatus.BLOCKED: "red",
    ActionStatus.DONE: "green",
    ActionStatus.DROPPED: "dim",
}

# Due, owner and status are fixed; the action's text takes what is left of the width.
FIXED_WIDTH = 6 + 16 + 13 + 4 * 2 + 2


def status_text(status: ActionStatus, *, today: bool = False) -> Text:
    return Text((symbol("✓ ") if today else "") + STATUS_LABEL[status], style=STATUS_STYLE[status])


class FollowThroughScreen(Screen[None]):
    """Open actions of the series' earlier meetings (`follow_through.to_review`). Dismisses with
    None."""

    DEFAULT_CSS = """
    FollowThroughScreen #ft-heading { padding: 0 1; height: auto; max-height: 2; }
    FollowThroughScreen #ft-table-box { height: 2fr; min-height: 4; }
    FollowThroughScreen #ft-detail {
        padding: 0 1;
        height: auto;
        max-height: 6;
        border-top: solid $primary-darken-2;
    }
    FollowThroughScreen #ft-history-box { height: 1fr; min-height: 4; display: none; }
    FollowThroughScreen #ft-history-box.-shown { display: block; }
    FollowThroughScreen #ft-history { overflow-x: hidden; }
    """

    UPDATE = Binding.Group("Update")
    BINDINGS = [
        Binding("d", "update('done')", "Done", id="follow.done", group=UPDATE),
        Binding("i", "update('in_progress')", "In progress", id="follow.progress", group=UPDATE),
        Binding("b", "update('blocked')", "Blocked", id="follow.blocked", group=UPDATE),
        Binding("x", "update('dropped')", "Dropped", id="follow.dropped", group=UPDATE),
        Binding("h", "history", "History", id="follow.history", tooltip="Show or hide history"),
        Binding("escape", "back", "Back", id="follow.back"),
    ]

    def __init__(self, meeting_id: str) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.lines: dict[str, FollowThroughLine] = {}
        self._action_width = 0

    @property
    def facilitate(self) -> FacilitateApp:
        return cast("FacilitateApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="ft-heading")
        with Vertical(id="ft-table-box"):
            yield Table(id="commitments", cursor_type="row", zebra_stripes=True)
        yield Static(id="ft-detail")
        with Vertical(id="ft-history-box"):
            yield Static(id="ft-history-title", classes="panel-title")
            yield Table(id="ft-history", cursor_type="none")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#ft-history", DataTable).add_columns("When", "Status", "Note")
        self.reload()
        self.query_one("#commitments", DataTable).focus()

    def on_resize(self, event: events.Resize) -> None:
        if self._action_width and self._wanted_action_width() != self._action_width:
            self.reload()

    # -- showing ------------------------------------------------------------------------------

    def _wanted_action_width(self) -> int:
        return max(20, self.size.width - FIXED_WIDTH)

    def reload(self, select: str | None = None) -> None:
        store = self.facilitate.store
        meeting = store.get(Meeting, self.meeting_id)
        self.title = f"Follow-through — {meeting.title}"
        table = self.query_one("#commitments", DataTable)
        keep = select or self.selected_id()
        table.clear(columns=True)
        self._action_width = self._wanted_action_width()
        table.add_column("Due", width=6)
        table.add_column("Owner", width=16)
        table.add_column("Action", width=self._action_width)
        table.add_column("Status", width=13)
        self.lines = {}
        today = self.facilitate.today
        for line in follow_through.to_review(store, self.meeting_id):
            row = line.action
            self.lines[row.id] = line
            overdue = row.due is not None and row.due < today and line.status.is_open
            due = Text(f"{row.due:%b %d}" if row.due else "—", style="red" if overdue else "")
            table.add_row(
                due,
                row.owner,
                row.text,
                status_text(line.status, today=line.today is not None),
                key=row.id,
            )
        if keep in self.lines:
            table.move_cursor(row=table.get_row_index(keep))
        answered = sum(1 for line in self.lines.values() if line.today is not None)
        heading = self.query_one("#ft-heading", Static)
        if self.lines:
            count = len(self.lines)
            heading.update(
                f"{count} commitment{'' if count == 1 else 's'} from earlier meetings · "
                f"{answered} answered today"
            )
        else:
            heading.update("No open commitments from earlier meetings of this series.")
        self._show_selected()

    def _show_selected(self) -> None:
        line = self.lines.get(self.selected_id() or "")
        detail = self.query_one("#ft-detail", Static)
        if line is None:
            detail.update("")
            self._show_history(None)
            return
        row = line.action
        org = f" ({escape(row.organization)})" if row.organization else ""
        due = f"due {row.due:%b %d, %Y}" if row.due else "no due date"
        text = (
            f"[b]{escape(row.text)}[/b]\n{escape(row.owner)}{org} · {due} · "
            f"from {escape(row.meeting_title)}"
        )
        if line.today is not None:
            note = f" — {escape(line.today.note)}" if line.today.note else ""
            text += f"\nToday: {STATUS_LABEL[line.today.status]}{note}"
        detail.update(text)
        self._show_history(line)

    def _show_history(self, line: FollowThroughLine | None) -> None:
        box = self.query_one("#ft-history-box")
        if not box.has_class("-shown"):
            return
        table = self.query_one("#ft-history", DataTable)
        title = self.query_one("#ft-history-title", Static)
        table.clear()
        if line is None:
            title.update("History")
            return
        updates = follow_through.history(self.facilitate.store, line.action.id)
        title.update(f"History, newest first: {len(updates)} update(s)")
        for update in reversed(updates):
            table.add_row(f"{update.at:%b %d}", status_text(update.status), update.note)

    def selected_id(self) -> str | None:
        table = self.query_one("#commitments", DataTable)
        if table.row_count == 0:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return row_key.value

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "commitments":
            self._show_selected()

    # -- actions ------------------------------------------------------------------------------

    @work
    async def action_update(self, value: str) -> None:
        line = self.lines.get(self.selected_id() or "")
        if line is None:
            return
        status = ActionStatus(value)
        note = await self.app.push_screen_wait(
            ActionUpdateDialog(line.action.text, line.action.owner, status)
        )
        if note is None:
            return
        with reported(self.app):
            try:
                follow_through.update_action(
                    self.facilitate.store,
                    line.action.id,
                    status,
                    note=note,
                    meeting_id=self.meeting_id,
                )
            except FollowThroughError as error:
                self.notify(str(error), severity="error", timeout=8)
                return
            self.notify(f"{line.action.owner}: {STATUS_LABEL[status]}.")
        self.reload(select=line.action.id)

    def action_history(self) -> None:
        box = self.query_one("#ft-history-box")
        box.toggle_class("-shown")
        self._show_selected()

    def action_back(self) -> None:
        self.dismiss(None)
