"""Every meeting, by status and date, with a filter: a meeting held years ago, or closed with a
date still ahead, is one key from its agenda, roles, minutes, packets and preview."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, Static

from facilitate.models.enums import MeetingStatus
from facilitate.services.meetings_list import STATUS_LABELS, list_meetings, status_label
from facilitate.services.plurals import counted
from facilitate.tui.widgets.key_bar import KeyBar
from facilitate.tui.widgets.table import Table, literal

if TYPE_CHECKING:
    from facilitate.tui.app import FacilitateApp

STATUS = Binding.Group("Status", compact=True)
# (label, width): titles and series names are cut so that the place still shows at 120 columns;
# at 80 the date, status and title come first.
COLUMNS = (("Date", 15), ("Status", 13), ("Meeting", 34), ("Series", 22), ("Where", None))


class MeetingsScreen(Screen[None]):
    """All meetings: 0-4 pick a status, / filters by title, series, body or place."""

    BINDINGS = [
        Binding("o", "open_agenda", "Agenda", id="meetings.agenda"),
        Binding("m", "run_meeting", "Run", id="meetings.run"),
        Binding("v", "minutes", "Minutes", id="meetings.minutes"),
        Binding("l", "roles", "Roles", id="meetings.roles"),
        Binding("slash", "filter", "Filter", id="meetings.filter"),
        Binding("0", "status('')", "All", id="meetings.all", group=STATUS),
        Binding("1", "status('planned')", "Planned", id="meetings.planned", group=STATUS),
        Binding("2", "status('live')", "Live", id="meetings.live", group=STATUS),
        Binding("3", "status('closed')", "Draft", id="meetings.draft", group=STATUS),
        Binding("4", "status('approved')", "Approved", id="meetings.approved", group=STATUS),
        Binding("escape", "back", "Back", id="meetings.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.status: MeetingStatus | None = None

    @property
    def facilitate(self) -> FacilitateApp:
        return cast("FacilitateApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(
            placeholder="/ to filter by words of the title, series, body or place",
            id="meetings-filter",
            compact=True,
        )
        yield Static(id="meetings-showing")
        yield Table(id="meetings", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = "All meetings"
        table = self.query_one("#meetings", DataTable)
        for label, width in COLUMNS:
            table.add_column(label, width=width)
        self.reload()
        table.focus()

    # -- showing ------------------------------------------------------------------------------

    def reload(self) -> None:
        """Fill the table from the record, keeping the cursor on the meeting it was on."""
        words = self.query_one("#meetings-filter", Input).value
        rows = list_meetings(
            self.facilitate.store,
            statuses=(self.status,) if self.status else (),
            words=words,
        )
        table = self.query_one("#meetings", DataTable)
        kept = self.selected_meeting_id()
        table.clear()
        for row in rows:
            label = status_label(row)
            table.add_row(
                f"{row.starts_at:%a %b %d %Y}",
                literal(label, "b") if row.status is MeetingStatus.LIVE else label,
                row.title,
                row.series_name,
                row.location,
                key=row.id,
            )
        if kept is not None and kept in {key.value for key in table.rows}:
            table.move_cursor(row=table.get_row_index(kept))
        which = STATUS_LABELS[self.status] if self.status else "every status"
        shown = f"{counted(len(rows), 'meeting')} · {which}"
        if words.strip():
            shown += f" · matching “{words.strip()}”"
        if not rows:
            shown += " · none: 0 shows every status, / changes the words"
        # Text, not markup: the words typed are shown as typed.
        self.query_one("#meetings-showing", Static).update(Text(shown))

    def selected_meeting_id(self) -> str | None:
        table = self.query_one("#meetings", DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def _chosen(self) -> str | None:
        meeting_id = self.selected_meeting_id()
        if meeting_id is None:
            self.notify("No meeting listed: 0 shows every status.", severity="warning")
        return meeting_id

    # -- filtering ----------------------------------------------------------------------------

    def action_status(self, status: str) -> None:
        self.status = MeetingStatus(status) if status else None
        self.reload()

    def action_filter(self) -> None:
        self.query_one("#meetings-filter", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "meetings-filter":
            self.reload()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "meetings-filter":
            self.query_one("#meetings", DataTable).focus()

    # -- opening ------------------------------------------------------------------------------

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "meetings" and event.row_key.value:
            self._open_agenda(event.row_key.value)

    def action_open_agenda(self) -> None:
        meeting_id = self._chosen()
        if meeting_id is not None:
            self._open_agenda(meeting_id)

    def _open_agenda(self, meeting_id: str) -> None:
        from facilitate.tui.screens.agenda_editor import AgendaEditorScreen

        self.app.push_screen(AgendaEditorScreen(meeting_id), lambda _: self.reload())

    @work
    async def action_run_meeting(self) -> None:
        """Run the highlighted meeting as m on Home does: asked first when planned for another
        day, then moved to today."""
        from facilitate.tui.screens.live import LiveMeetingScreen
        from facilitate.tui.screens.run_meeting import may_run

        meeting_id = self._chosen()
        if meeting_id is not None and await may_run(self, meeting_id):
            self.app.push_screen(LiveMeetingScreen(meeting_id), lambda _: self.reload())

    def action_minutes(self) -> None:
        from facilitate.tui.screens.minutes import MinutesScreen

        meeting_id = self._chosen()
        if meeting_id is not None:
            self.app.push_screen(MinutesScreen(meeting_id), lambda _: self.reload())

    def action_roles(self) -> None:
        from facilitate.tui.screens.roles import RolesScreen

        meeting_id = self._chosen()
        if meeting_id is not None:
            self.app.push_screen(RolesScreen(meeting_id), lambda _: self.reload())

    def action_back(self) -> None:
        """Out of the filter first, then back to Home."""
        table = self.query_one("#meetings", DataTable)
        if not table.has_focus:
            table.focus()
            return
        self.dismiss(None)
