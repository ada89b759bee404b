"""The home screen: the partnership's bodies, the meetings ahead, and open commitments."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from facilitate.services.overview import HomeSummary, home_summary

if TYPE_CHECKING:
    from facilitate.tui.app import FacilitateApp

BODY_KINDS = {
    "executive_committee": "Executive",
    "steering_committee": "Steering",
    "core_team": "Core team",
    "workgroup": "Workgroup",
    "community_advisory_group": "Advisory",
    "listening_circle": "Listening",
}


class HomeScreen(Screen[None]):
    """Where every session starts."""

    BINDINGS = [Binding("r", "refresh", "Refresh", id="home.refresh")]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="home-top"):
            with Vertical(id="upcoming-panel", classes="panel"):
                yield Static("Upcoming meetings", classes="panel-title")
                yield DataTable(id="upcoming", cursor_type="row", zebra_stripes=True)
            with Vertical(id="bodies-panel", classes="panel"):
                yield Static("Bodies", classes="panel-title")
                yield DataTable(id="bodies", cursor_type="row")
        with Vertical(id="actions-panel", classes="panel"):
            yield Static("Open action items", id="actions-title", classes="panel-title")
            yield DataTable(id="actions", cursor_type="row", zebra_stripes=True)
        yield Footer()

    @property
    def facilitate(self) -> FacilitateApp:
        return cast("FacilitateApp", self.app)

    def on_mount(self) -> None:
        self.query_one("#upcoming", DataTable).add_columns("When", "Meeting", "Where")
        self.query_one("#bodies", DataTable).add_columns("Body", "Kind", "Members")
        self.query_one("#actions", DataTable).add_columns("Due", "Owner", "Org", "Action", "From")
        self.action_refresh()

    def action_refresh(self) -> None:
        summary = home_summary(self.facilitate.store, self.facilitate.today)
        self._show(summary)

    def _show(self, summary: HomeSummary) -> None:
        upcoming = self.query_one("#upcoming", DataTable)
        upcoming.clear()
        for meeting in summary.upcoming:
            when = "LIVE now" if meeting.status == "live" else f"{meeting.starts_at:%a %b %d %H:%M}"
            upcoming.add_row(when, meeting.title, meeting.location, key=meeting.id)
        bodies = self.query_one("#bodies", DataTable)
        bodies.clear()
        for body in summary.bodies:
            bodies.add_row(
                body.name, BODY_KINDS.get(body.kind, body.kind), body.members, key=body.id
            )
        actions = self.query_one("#actions", DataTable)
        actions.clear()
        for line in summary.actions:
            row = line.action
            due = f"{row.due:%b %d}" if row.due else "no date"
            if line.overdue:
                due = f"[b red]{due} ({line.days_overdue}d late)[/]"
            actions.add_row(
                due, row.owner, row.organization, row.text, row.meeting_title, key=row.id
            )
        title = f"Open action items ({len(summary.actions)}, {summary.overdue_count} overdue)"
        self.query_one("#actions-title", Static).update(title)
