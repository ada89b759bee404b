"""The home screen: the partnership's bodies, the meetings ahead and held, and open commitments.

With no body yet it offers set-up; every meeting is here or one key away (a: all meetings).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from facilitate.services.overview import HomeSummary, home_summary
from facilitate.tui.screens.home_due import ask_to_send_due, show_reviews_due, show_sharing_due
from facilitate.tui.screens.home_tables import fill_actions, fill_bodies, fill_meetings
from facilitate.tui.symbols import mark
from facilitate.tui.widgets.key_bar import KeyBar
from facilitate.tui.widgets.table import Table

# Other screens are imported when first opened: the home screen must be up fast.

if TYPE_CHECKING:
    from facilitate.tui.app import FacilitateApp

NO_PARTNERSHIP = (
    "No partnership here yet. Press s to set up your partnership (organizations, people, bodies, "
    "meeting series), or run `facilitate demo` to explore."
)
NARROW = 80
"""Below this many columns the bodies panel gives its room to the meetings."""
WIDE = 160
"""From this many columns the bodies panel takes more room: enough for a series' follow-through."""
FOCUSED = "▶ "
"""Before the title of the panel that has the keyboard, so it is not told by colour alone."""


class HomeScreen(Screen[None]):
    """Where every session starts."""

    # Until the first refresh says otherwise: n offers set-up rather than an empty form.
    has_partnership = False
    # What the last refresh read, to lay the bodies out again when the width calls for it.
    summary: HomeSummary | None = None

    BINDINGS = [
        Binding("n", "new_meeting", "New meeting", id="home.new_meeting"),
        Binding("o", "open_meeting", "Open agenda", id="home.open_meeting"),
        Binding("m", "run_meeting", "Run meeting", id="home.run_meeting"),
        Binding("l", "roles", "Roles", id="home.roles"),
        Binding("g", "ground_rules", "Ground rules", id="home.ground_rules"),
        Binding("v", "minutes", "Minutes", id="home.minutes"),
        Binding("i", "loop", "Loop", id="home.loop"),
        Binding("f", "follow_through", "Follow-through", id="home.follow_through"),
        Binding("a", "all_meetings", "All meetings", id="home.all_meetings"),
        Binding("p", "people", "People", id="home.people"),
        Binding("s", "setup", "Set up", id="home.setup"),
        # Home is read again whenever a screen over it closes; r is for another window's changes,
        # so it gives its place in the bar to the keys used every meeting (F1 lists it).
        Binding("r", "refresh", "Refresh", show=False, id="home.refresh"),
        Binding("y", "sync", "Sync", id="home.sync"),
        Binding("u", "send_due", "Send due", id="home.send_due"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="reviews-due")
        yield Static(id="sharing-due")
        with Vertical(id="home-top"):
            with Vertical(id="upcoming-panel", classes="panel"):
                yield Static(classes="panel-title", id="upcoming-title")
                yield Static(NO_PARTNERSHIP, id="no-partnership")
                yield Table(id="upcoming", cursor_type="row", zebra_stripes=True)
            with Vertical(id="bodies-panel", classes="panel"):
                yield Static(classes="panel-title", id="bodies-title")
                yield Table(id="bodies", cursor_type="row")
        with Vertical(id="actions-panel", classes="panel"):
            yield Static(classes="panel-title", id="actions-title")
            yield Table(id="actions", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    @property
    def facilitate(self) -> FacilitateApp:
        return cast("FacilitateApp", self.app)

    def on_mount(self) -> None:
        self.titles = {
            "upcoming": "Meetings: ahead, then held · a: all",
            "bodies": "Bodies",
            "actions": "Open action items",
        }
        self.query_one("#reviews-due", Static).display = False
        self.query_one("#sharing-due", Static).display = False
        self.action_refresh()

    def _show_titles(self) -> None:
        """Each panel's title; the one with the keyboard is marked, not only coloured."""
        focused = self.focused
        for panel, title in self.titles.items():
            here = focused is not None and focused.id == panel
            self.query_one(f"#{panel}-title", Static).update(
                mark((FOCUSED if here else "") + title)
            )

    def on_resize(self, event: events.Resize) -> None:
        # Under 80 columns the meetings take the whole width; bodies are one key away (s).
        self.set_class(event.size.width < NARROW, "-narrow")
        wide = event.size.width >= WIDE
        if wide != self.has_class("-wide"):
            self.set_class(wide, "-wide")
            if self.summary is not None:
                # The follow-through column comes or goes (the table keeps its cursor row).
                fill_bodies(self.query_one("#bodies", Table), self.summary, wide=wide)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self._show_titles()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        self._show_titles()

    def action_refresh(self) -> None:
        summary = home_summary(self.facilitate.store, self.facilitate.today)
        self._show(summary)
        show_reviews_due(self.query_one("#reviews-due", Static), summary)
        show_sharing_due(self.query_one("#sharing-due", Static), summary)

    def action_send_due(self) -> None:
        """Write what the protocols say is due (packets, minutes, reminders), after asking."""
        ask_to_send_due(self)

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

    @work
    async def action_run_meeting(self) -> None:
        """Run the highlighted meeting; one planned for another day starts only when asked to,
        and is then moved to today (run_meeting.may_run)."""
        from facilitate.tui.screens.run_meeting import may_run

        meeting_id = self.selected_meeting_id()
        if meeting_id is None:
            self.notify("Plan a meeting first (n).", severity="warning")
            return
        if await may_run(self, meeting_id):
            self.run_meeting(meeting_id)

    def run_meeting(self, meeting_id: str) -> None:
        """Open the live screen on a meeting (it goes live there): no question asked."""
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

    def action_loop(self) -> None:
        """The Loop screen of the highlighted series: its input and what became of it."""
        from facilitate.tui.screens.loop import LoopScreen

        series_id = self.selected_series_id()
        if series_id is None:
            self.notify("Pick a meeting or a series first.", severity="warning")
            return
        self.app.push_screen(LoopScreen(series_id), lambda _: self.action_refresh())

    def action_follow_through(self) -> None:
        """How every series' and organization's action items came out: on time, late, open,
        dropped (the bodies panel has room for a series' line at most)."""
        from facilitate.tui.dialogs.follow_through_figures import FollowThroughFiguresDialog

        store, today = self.facilitate.store, self.facilitate.today
        self.app.push_screen(FollowThroughFiguresDialog(store, today))

    def action_all_meetings(self) -> None:
        from facilitate.tui.screens.meetings import MeetingsScreen

        self.app.push_screen(MeetingsScreen(), lambda _: self.action_refresh())

    def action_setup(self) -> None:
        """Set-up, from an empty file or to revisit a partnership already set up."""
        from facilitate.tui.screens.setup import SetupScreen

        self.app.push_screen(SetupScreen(), lambda _: self.action_refresh())

    def action_sync(self) -> None:
        """Merge another laptop's record: a file it exported, or a copy of its database."""
        from facilitate.tui.screens.sync import SyncScreen

        self.app.push_screen(SyncScreen(), lambda _: self.action_refresh())

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

        if not self.has_partnership:
            self.notify(NO_PARTNERSHIP, severity="warning", timeout=10)
            return
        meeting_id = await plan_meeting(
            self.app,
            self.facilitate.store,
            self.facilitate.today,
            series_id=self.selected_series_id(),
        )
        if meeting_id is not None:
            self.open_agenda(meeting_id)

    def _show(self, summary: HomeSummary) -> None:
        self.summary = summary
        self.has_partnership = summary.has_partnership
        self.query_one("#no-partnership", Static).display = not summary.has_partnership
        # Each table keeps its cursor on the same row (by key) as it is filled again.
        fill_meetings(self.query_one("#upcoming", Table), summary)
        fill_bodies(self.query_one("#bodies", Table), summary, wide=self.has_class("-wide"))
        fill_actions(self.query_one("#actions", Table), summary)
        title = f"Open action items ({summary.open_count}, {summary.overdue_count} overdue)"
        if summary.open_count > len(summary.actions):
            title += f" — the {len(summary.actions)} due soonest"
        self.titles["actions"] = title
        self._show_titles()
