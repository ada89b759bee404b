"""Today's roles: the fair suggestion with its reasons, accepted or overridden with a reason."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from facilitate.models import Meeting, MeetingSeries, Person
from facilitate.services.lead import roles
from facilitate.services.lead.rotation import RotationSuggestion
from facilitate.services.people import directory
from facilitate.tui.dialogs.override_role import OverrideDialog
from facilitate.tui.feedback import reported
from facilitate.tui.screens.fairness import FairnessScreen
from facilitate.tui.widgets.key_bar import KeyBar
from facilitate.tui.widgets.table import Table

if TYPE_CHECKING:
    from facilitate.tui.app import FacilitateApp


class RolesScreen(Screen[None]):
    BINDINGS = [
        Binding("a", "accept", "Accept suggestion", id="roles.accept"),
        Binding("o", "override", "Override", id="roles.override"),
        Binding("f", "fairness", "Fairness report", id="roles.fairness"),
        Binding("escape", "back", "Back", id="roles.back"),
    ]

    def __init__(self, meeting_id: str) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.suggestion: RotationSuggestion | None = None

    @property
    def facilitate(self) -> FacilitateApp:
        return cast("FacilitateApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="roles-heading")
        yield Table(id="roles", cursor_type="row", zebra_stripes=True)
        yield Static("History: suggested and chosen", classes="panel-title")
        yield Table(id="role-history", cursor_type="row")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#roles", DataTable).add_columns("Role", "Person", "Org", "Status", "Why")
        self.query_one("#role-history", DataTable).add_columns(
            "Date", "Role", "Chosen", "Suggested", "Reason"
        )
        self.reload()

    def reload(self) -> None:
        store = self.facilitate.store
        meeting = store.get(Meeting, self.meeting_id)
        series = store.get(MeetingSeries, meeting.series_id)
        self.title = f"Roles — {meeting.title}"
        people = {p.id: p for p in store.find(Person)}
        orgs = {c.value: c.label for c in directory.organization_choices(store)}
        names = {r.key: r.name for r in series.roles}
        table = self.query_one("#roles", DataTable)
        keep = table.cursor_row
        table.clear()
        held = roles.assignments(store, meeting.id)
        heading = self.query_one("#roles-heading", Static)
        if held:
            heading.update(
                f"[b]{escape(meeting.title)}[/b] — roles recorded. o overrides one (with a "
                "reason); a takes a fresh suggestion."
            )
            for a in held:
                person = people.get(a.person_id or "")
                status = f"overridden: {a.override_reason}" if a.override_reason else "accepted"
                table.add_row(
                    names.get(a.role_key, a.role_key),
                    person.name if person else "(open)",
                    orgs.get(person.organization_id or "", "") if person else "",
                    status,
                    a.why,
                    key=a.role_key,
                )
        else:
            self.suggestion = roles.suggest(store, meeting.id)
            heading.update(
                f"[b]{escape(meeting.title)}[/b] — suggested roles. a accepts them all; "
                "o puts someone else in the highlighted role."
            )
            for pick in self.suggestion.assignments:
                person = people.get(pick.person_id or "")
                table.add_row(
                    pick.role_name,
                    pick.person_name or "(open)",
                    orgs.get(person.organization_id or "", "") if person else "",
                    "suggested",
                    pick.why,
                    key=pick.role_key,
                )
        if table.row_count:
            table.move_cursor(row=min(keep, table.row_count - 1))
        history = self.query_one("#role-history", DataTable)
        history.clear()
        for row in roles.history_rows(store, series.id):
            history.add_row(
                f"{row.meeting_date:%Y-%m-%d}",
                row.role_name,
                row.chosen,
                row.suggested if row.overridden else "same",
                row.override_reason,
            )

    def action_accept(self) -> None:
        store = self.facilitate.store
        with reported(self.app):
            roles.accept(store, self.meeting_id, roles.suggest(store, self.meeting_id))
            self.notify("Roles recorded for this meeting.")
            self.reload()

    @work
    async def action_override(self) -> None:
        store = self.facilitate.store
        table = self.query_one("#roles", DataTable)
        if not table.row_count:
            return
        role_key = str(table.coordinate_to_cell_key(table.cursor_coordinate)[0].value)
        if not roles.assignments(store, self.meeting_id):
            # Overriding one role of a suggestion records the rest as suggested.
            roles.accept(store, self.meeting_id, roles.suggest(store, self.meeting_id))
        current = next(
            a for a in roles.assignments(store, self.meeting_id) if a.role_key == role_key
        )
        role_name = str(table.get_row_at(table.cursor_row)[0])
        choice = await self.app.push_screen_wait(
            OverrideDialog(role_name, directory.person_choices(store), current.person_id)
        )
        if choice is None:
            self.reload()
            return
        try:
            roles.override(store, self.meeting_id, role_key, choice.person_id, choice.reason)
        except roles.RolesError as error:
            self.notify(str(error), severity="error", timeout=8)
        self.reload()

    def action_fairness(self) -> None:
        meeting = self.facilitate.store.get(Meeting, self.meeting_id)
        self.app.push_screen(FairnessScreen(meeting.series_id))

    def action_back(self) -> None:
        self.dismiss(None)
