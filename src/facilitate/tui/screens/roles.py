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
from facilitate.services.record import settings
from facilitate.tui.dialogs.override_role import OverrideDialog
from facilitate.tui.feedback import TOAST_SECONDS, reported
from facilitate.tui.screens.fairness import FairnessScreen
from facilitate.tui.widgets.key_bar import KeyBar
from facilitate.tui.widgets.table import Fit, Table

if TYPE_CHECKING:
    from facilitate.tui.app import FacilitateApp


# The role and who takes it are what the room decides; why is the fairness reason, and takes the
# room left. The organization (often in the reason too) and a long status ("overridden: …") give
# way first; what a row loses is shown whole under the table for the highlighted role.
ROLE_COLUMNS = [
    Fit("role", "Role"),
    Fit("person", "Person"),
    Fit("org", "Org", rank=2, least=8),
    Fit("status", "Status", rank=1, least=10),
    Fit("why", "Why", flexible=True),
]
HISTORY_COLUMNS = [
    Fit("date", "Date"),
    Fit("role", "Role"),
    Fit("chosen", "Chosen"),
    Fit("suggested", "Suggested", rank=1, least=10),
    Fit("reason", "Reason", flexible=True),
]
PEOPLE_HINT = (
    "\nNobody has said yet who will take some roles: [b]p[/b] opens People, where [b]e[/b] on a "
    "person marks the roles they are willing to take and ready for."
)


class RolesScreen(Screen[None]):
    """Today's roles of one meeting, suggested or recorded, and the series' history of them."""

    DEFAULT_CSS = """
    RolesScreen #roles-detail { padding: 0 1; height: auto; color: $text-muted; }
    """

    BINDINGS = [
        Binding("a", "accept", "Accept suggestion", id="roles.accept"),
        Binding("o", "override", "Override", id="roles.override"),
        Binding("f", "fairness", "Fairness report", id="roles.fairness"),
        Binding("p", "people", "People: who takes which role", id="roles.people"),
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
        yield Static(id="roles-detail", markup=False)
        yield Static("History: suggested and chosen", classes="panel-title")
        yield Table(id="role-history", cursor_type="row")
        yield KeyBar()

    def on_mount(self) -> None:
        self.reload()

    def reload(self) -> None:
        store = self.facilitate.store
        meeting = store.get(Meeting, self.meeting_id)
        series = store.get(MeetingSeries, meeting.series_id)
        self.title = f"Roles — {meeting.title}"
        people = {p.id: p for p in store.find(Person)}
        orgs = {c.value: c.label for c in directory.organization_choices(store)}
        names = {r.key: r.name for r in series.roles}
        table = self.query_one("#roles", Table)
        keep = table.cursor_row
        rows: list[tuple[str, list[object]]] = []
        held = roles.assignments(store, meeting.id)
        heading = self.query_one("#roles-heading", Static)
        if held:
            said = "roles recorded. o overrides one (with a reason); a takes a fresh suggestion."
            for a in held:
                person = people.get(a.person_id or "")
                status = f"overridden: {a.override_reason}" if a.override_reason else "accepted"
                org = orgs.get(person.organization_id or "", "") if person else ""
                name = person.name if person else "(open)"
                cells: list[object] = [names.get(a.role_key, a.role_key), name, org, status, a.why]
                rows.append((a.role_key, cells))
            # A role recorded open (not set so by hand) that People could fill: ask the rotation.
            open_keys = {a.role_key for a in held if a.person_id is None and not a.override_reason}
            unsaid = bool(open_keys) and bool(
                open_keys & set(roles.suggest(store, meeting.id).needing_people)
            )
        else:
            self.suggestion = roles.suggest(store, meeting.id)
            said = (
                "suggested roles. a accepts them all; o puts someone else in the highlighted role."
            )
            for pick in self.suggestion.assignments:
                person = people.get(pick.person_id or "")
                org = orgs.get(person.organization_id or "", "") if person else ""
                name = pick.person_name or "(open)"
                rows.append((pick.role_key, [pick.role_name, name, org, "suggested", pick.why]))
            unsaid = bool(self.suggestion.needing_people)
        heading.update(f"[b]{escape(meeting.title)}[/b] — {said}" + (PEOPLE_HINT if unsaid else ""))
        table.fit_rows(ROLE_COLUMNS, rows)
        if table.row_count:
            table.move_cursor(row=min(keep, table.row_count - 1))
        self._show_detail()
        history: list[tuple[str, list[object]]] = [
            (
                str(number),
                [
                    f"{row.meeting_date:%Y-%m-%d}",
                    row.role_name,
                    row.chosen,
                    row.suggested if row.overridden else "same",
                    row.override_reason,
                ],
            )
            for number, row in enumerate(roles.history_rows(store, series.id))
        ]
        self.query_one("#role-history", Table).fit_rows(HISTORY_COLUMNS, history)

    def _show_detail(self) -> None:
        """What the highlighted role's row lost to the width (its reason, its organization)."""
        table = self.query_one("#roles", Table)
        key = table.highlighted_key
        cut = table.cut_cells(key) if key else []
        detail = self.query_one("#roles-detail", Static)
        detail.update(" · ".join(f"{label}: {text}" for label, text in cut))
        detail.display = bool(cut)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "roles":
            self._show_detail()

    def action_accept(self) -> None:
        store = self.facilitate.store
        with reported(self.app):
            roles.accept(store, self.meeting_id, roles.suggest(store, self.meeting_id))
            self.notify("Roles recorded for this meeting.")
            self.reload()

    @work
    async def action_override(self) -> None:
        store = self.facilitate.store
        table = self.query_one("#roles", Table)
        role_key = table.highlighted_key
        if role_key is None:
            return
        if not roles.assignments(store, self.meeting_id):
            # Overriding one role of a suggestion records the rest as suggested.
            roles.accept(store, self.meeting_id, roles.suggest(store, self.meeting_id))
        current = next(
            a for a in roles.assignments(store, self.meeting_id) if a.role_key == role_key
        )
        role_name = str(dict(table.fitted_rows)[role_key][0])
        choice = await self.app.push_screen_wait(
            OverrideDialog(role_name, directory.person_choices(store), current.person_id)
        )
        if choice is None:
            self.reload()
            return
        try:
            by = settings.read(store).coordinator_name
            roles.override(store, self.meeting_id, role_key, choice.person_id, choice.reason, by=by)
        except roles.RolesError as error:
            self.notify(str(error), severity="error", timeout=TOAST_SECONDS)
        self.reload()

    def action_fairness(self) -> None:
        meeting = self.facilitate.store.get(Meeting, self.meeting_id)
        self.app.push_screen(FairnessScreen(meeting.series_id))

    def action_people(self) -> None:
        """The roster, where a person's form says which roles they will take; back here, the
        suggestion is made again from what it now says."""
        from facilitate.tui.screens.roster import RosterScreen

        self.app.push_screen(RosterScreen(), lambda _: self.reload())

    def action_back(self) -> None:
        self.dismiss(None)
