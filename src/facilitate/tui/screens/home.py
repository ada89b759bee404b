"""The home screen: the partnership's bodies, the meetings ahead, and open commitments."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from facilitate.services.overview import HomeSummary, home_summary
from facilitate.tui.widgets.key_bar import KeyBar
from facilitate.tui.widgets.table import Table, literal

# Other screens are imported when first opened: the home screen must be up fast.

if TYPE_CHECKING:
    from facilitate.tui.app import FacilitateApp


class HomeScreen(Screen[None]):
    """Where every session starts."""

    BINDINGS = [
        Binding("n", "new_meeting", "New meeting", id="home.new_meeting"),
        Binding("o", "open_meeting", "Open agenda", id="home.open_meeting"),
        Binding("m", "run_meeting", "Run meeting", id="home.run_meeting"),
        Binding("l", "roles", "Roles", id="home.roles"),
        Binding("g", "ground_rules", "Ground rules", id="home.ground_rules"),
        Binding("v", "minutes", "Minutes", id="home.minutes"),
        Binding("p", "people", "People", id="home.people"),
        Binding("r", "refresh", "Refresh", id="home.refresh"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="home-top"):
            with Vertical(id="upcoming-panel", classes="panel"):
                yield Static("Meetings: ahead, then held", classes="panel-title")
                yield Table(id="upcoming", cursor_type="row", zebra_stripes=True)
            with Vertical(id="bodies-panel", classes="panel"):
                yield Static("Bodies", classes="panel-title")
                yield Table(id="bodies", cursor_type="row")
        with Vertical(id="actions-panel", classes="panel"):
            yield Static("Open action items", id="actions-title", classes="panel-title")
            yield Table(id="actions", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    @property
    def facilitate(self) -> FacilitateApp:
        return cast("FacilitateApp", self.app)

    def on_mount(self) -> None:
        self.query_one("#upcoming", DataTable).add_columns("When", "Meeting", "Where")
        self.query_one("#bodies", DataTable).add_columns("Body", "Series", "Members")
        self.query_one("#actions", DataTable).add_columns("Due", "Owner", "Org", "Action", "From")
        self.action_refresh()

    def action_refresh(self) -> None:
        summary = home_summary(self.facilitate.store, self.facilitate.today)
        self._show(summary)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "upcoming" and event.row_key.value:
            self.open_agenda(event.row_key.value)

    def action_open_meeting(self) -> None:
        table = self.query_one("#upcoming", DataTable)
        if table.row_count:
            row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
            if row_key.value:
                self.open_agenda(row_key.value)

    def open_agenda(self, meeting_id: str) -> None:
        from facilitate.tui.screens.agenda_editor import AgendaEditorScreen

        self.app.push_screen(AgendaEditorScreen(meeting_id), lambda _: self.action_refresh())

    def selected_series_id(self) -> str | None:
        """The series the user is pointing at: a row of the bodies table, or the series of the
        highlighted meeting."""
        bodies = self.query_one("#bodies", DataTable)
        upcoming = self.query_one("#upcoming", DataTable)
        if bodies.has_focus and bodies.row_count:
            key = bodies.coordinate_to_cell_key(bodies.cursor_coordinate)[0].value
            return None if key is None or key.startswith("body:") else key
        if upcoming.row_count:
            meeting_id = upcoming.coordinate_to_cell_key(upcoming.cursor_coordinate)[0].value
            if meeting_id:
                from facilitate.models import Meeting

                return self.facilitate.store.get(Meeting, meeting_id).series_id
        return None

    def selected_meeting_id(self) -> str | None:
        upcoming = self.query_one("#upcoming", DataTable)
        if not upcoming.row_count:
            return None
        return upcoming.coordinate_to_cell_key(upcoming.cursor_coordinate)[0].value

    def action_run_meeting(self) -> None:
        meeting_id = self.selected_meeting_id()
        if meeting_id is None:
            self.notify("Plan a meeting first (n).", severity="warning")
            return
        self.run_meeting(meeting_id)

    def run_meeting(self, meeting_id: str) -> None:
        from facilitate.tui.screens.live import LiveMeetingScreen

        self.app.push_screen(LiveMeetingScreen(meeting_id), lambda _: self.action_refresh())

    def action_roles(self) -> None:
        from facilitate.tui.screens.roles import RolesScreen

        meeting_id = self.selected_meeting_id()
        if meeting_id is None:
            self.notify("Plan a meeting first (n).", severity="warning")
            return
        self.app.push_screen(RolesScreen(meeting_id))

    def action_minutes(self) -> None:
        from facilitate.tui.screens.minutes import MinutesScreen

        meeting_id = self.selected_meeting_id()
        if meeting_id is None:
            self.notify("Pick a meeting first.", severity="warning")
            return
        self.app.push_screen(MinutesScreen(meeting_id))

    def action_people(self) -> None:
        from facilitate.tui.screens.roster import RosterScreen

        self.app.push_screen(RosterScreen(), lambda _: self.action_refresh())

    def action_ground_rules(self) -> None:
        from facilitate.tui.screens.ground_rules import GroundRulesScreen

        series_id = self.selected_series_id()
        if series_id is None:
            self.notify("Pick a meeting or a series first.", severity="warning")
            return
        self.app.push_screen(GroundRulesScreen(series_id))

    @work
    async def action_new_meeting(self) -> None:
        """Plan a meeting, review what to carry over, then edit its agenda."""
        from facilitate.tui.new_meeting_flow import plan_meeting

        meeting_id = await plan_meeting(self.app, self.facilitate.store, self.facilitate.today)
        if meeting_id is not None:
            self.open_agenda(meeting_id)

    def _show(self, summary: HomeSummary) -> None:
        upcoming = self.query_one("#upcoming", DataTable)
        upcoming.clear()
        for meeting in summary.upcoming:
            when = "LIVE now" if meeting.status == "live" else f"{meeting.starts_at:%a %b %d %H:%M}"
            upcoming.add_row(when, meeting.title, meeting.location, key=meeting.id)
        for meeting in summary.recent:
            # Held meetings follow, newest first: their minutes are a keystroke away (v).
            state = "approved" if meeting.status == "approved" else "minutes draft"
            upcoming.add_row(
                literal(f"{meeting.starts_at:%b %d} · {state}", "dim"),
                literal(meeting.title, "dim"),
                meeting.location,
                key=meeting.id,
            )
        bodies = self.query_one("#bodies", DataTable)
        bodies.clear()
        for entry in summary.series:
            # Keyed by series so g (ground rules) and the like know which series is meant.
            key = entry.series_id or f"body:{entry.body_id}"
            bodies.add_row(entry.body_name, entry.series_name or "—", entry.members, key=key)
        actions = self.query_one("#actions", DataTable)
        actions.clear()
        for line in summary.actions:
            row = line.action
            due: object = f"{row.due:%b %d}" if row.due else "no date"
            if line.overdue:
                due = literal(f"{due} ({line.days_overdue}d late)", "b red")
            actions.add_row(
                due, row.owner, row.organization, row.text, row.meeting_title, key=row.id
            )
        title = f"Open action items ({summary.open_count}, {summary.overdue_count} overdue)"
        if summary.open_count > len(summary.actions):
            title += f" — the {len(summary.actions)} due soonest"
        self.query_one("#actions-title", Static).update(title)
