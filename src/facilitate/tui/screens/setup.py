"""Set-up: a partnership's organizations, people, bodies and meeting series, step by step, and
last who coordinates (the name and address that sign every e-mail draft) and the time zone
meetings are held in.

Each step is a list with its own keys; `n` moves on, `1`–`5` go back to any step, and every
step can be skipped and revisited later (Home's `s` opens this screen again).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static, TabbedContent, TabPane

from facilitate import paths
from facilitate.models import Body, MeetingSeries, Organization
from facilitate.services.people import bodies, directory
from facilitate.services.people.directory import Choice
from facilitate.services.people.roster import ORG_KIND_LABELS
from facilitate.services.plan import series, series_roles
from facilitate.services.plan.series_defaults import series_start
from facilitate.services.record import settings
from facilitate.tui import people_flows
from facilitate.tui.dialogs.body_form import BodyDialog
from facilitate.tui.dialogs.organization_form import add_organization, edit_organization
from facilitate.tui.dialogs.series_form import SeriesDialog
from facilitate.tui.dialogs.settings import settings_dialog
from facilitate.tui.feedback import reported
from facilitate.tui.widgets.key_bar import KeyBar
from facilitate.tui.widgets.table import Table, literal

if TYPE_CHECKING:
    from facilitate.store import Store
    from facilitate.tui.app import FacilitateApp

STEPS = ("orgs", "people", "bodies", "series", "you")
HINTS = {
    "orgs": "The partner organizations: agencies, providers, courts, Tribes, community groups "
    "(g: what each agreed to receive).",
    "people": "Everyone who takes part: type them in (a) or import a spreadsheet (i).",
    "bodies": "Who meets: a steering committee, a core team… with members and quorum (m: members).",
    "series": "How each body meets: cadence, place, agenda template and ground rules.",
    "you": "Who coordinates, and where you meet: your name signs every e-mail draft, your "
    "address sends it, and meetings' times are in your time zone (e: set them; ctrl+p "
    "Settings anywhere).",
}
# Which keys mean something on which step (the key bar shows only those).
STEP_ACTIONS = {
    "add": {"orgs", "people", "bodies", "series"},
    "edit": {"orgs", "bodies", "series", "you"},
    "agreement": {"orgs"},
    "members": {"bodies"},
    "archive": {"bodies", "series"},
    "import_people": {"people"},
    "roster": {"people"},
}


class SetupScreen(Screen[None]):
    """Walks a coordinator through setting up their own partnership."""

    DEFAULT_CSS = """
    SetupScreen #setup-hint { padding: 0 1; height: auto; color: $text-muted; }
    SetupScreen TabbedContent { height: 1fr; }
    SetupScreen ContentSwitcher { height: 1fr; }
    SetupScreen TabPane { padding: 0; height: 1fr; }
    SetupScreen DataTable { height: 1fr; }
    """

    BINDINGS = [
        Binding("a", "add", "Add", id="setup.add"),
        Binding("e,enter", "edit", "Edit", id="setup.edit", key_display="e"),
        Binding("m", "members", "Members", id="setup.members"),
        Binding("g", "agreement", "Agreement", id="setup.agreement"),
        Binding("x", "archive", "Archive", id="setup.archive"),
        Binding("i", "import_people", "Import", id="setup.import"),
        Binding("p", "roster", "Roster", id="setup.roster"),
        Binding("n", "next_step", "Next step", id="setup.next"),
        Binding("1", "step('orgs')", "Organizations", id="setup.step1", show=False),
        Binding("2", "step('people')", "People", id="setup.step2", show=False),
        Binding("3", "step('bodies')", "Bodies", id="setup.step3", show=False),
        Binding("4", "step('series')", "Series", id="setup.step4", show=False),
        Binding("5", "step('you')", "You", id="setup.step5", show=False),
        Binding("escape", "back", "Done", id="setup.back"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="setup-hint")
        with TabbedContent(id="steps"):
            with TabPane("1 Organizations", id="orgs"):
                yield Table(id="orgs-table", cursor_type="row", zebra_stripes=True)
            with TabPane("2 People", id="people"):
                yield Table(id="people-table", cursor_type="row", zebra_stripes=True)
            with TabPane("3 Bodies", id="bodies"):
                yield Table(id="bodies-table", cursor_type="row", zebra_stripes=True)
            with TabPane("4 Meeting series", id="series"):
                yield Table(id="series-table", cursor_type="row", zebra_stripes=True)
            with TabPane("5 You", id="you"):
                yield Table(id="you-table", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    @property
    def facilitate(self) -> FacilitateApp:
        return cast("FacilitateApp", self.app)

    @property
    def store(self) -> Store:
        return self.facilitate.store

    @property
    def step(self) -> str:
        return self.query_one(TabbedContent).active or STEPS[0]

    def on_mount(self) -> None:
        self.sub_title = "Set up your partnership"
        self._table("orgs").add_columns("Organization", "Short", "Kind", "People")
        self._table("people").add_columns("Name", "Organization", "E-mail", "Active")
        self._table("bodies").add_columns("Body", "Members", "Quorum", "Needs", "Series", "Kind")
        self._table("series").add_columns("Body", "Series", "Cadence", "Place", "Meetings")
        self._table("you").add_columns("Setting", "Value", "Used for")
        self.reload()
        self._show_step()

    def _table(self, step: str) -> DataTable[object]:
        return self.query_one(f"#{step}-table", DataTable)

    def _selected(self, step: str) -> str | None:
        table = self._table(step)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate)[0].value

    # -- showing -------------------------------------------------------------------------------

    def reload(self) -> None:
        store, today = self.store, self.facilitate.today
        people = directory.people(store, active_only=False)
        counts: dict[str | None, int] = {}
        for person in people:
            counts[person.organization_id] = counts.get(person.organization_id, 0) + 1
        orgs = store.find(Organization, order_by="name")
        self._fill(
            "orgs",
            [
                (o.id, [o.name, o.short_name, ORG_KIND_LABELS[o.kind], str(counts.get(o.id, 0))])
                for o in orgs
            ],
        )
        labels = {o.id: o.label for o in orgs}
        self._fill(
            "people",
            [
                (
                    p.id,
                    [
                        p.name,
                        labels.get(p.organization_id or "", ""),
                        p.email,
                        "yes" if p.active else "no",
                    ],
                )
                for p in people
            ],
        )
        self._fill(
            "bodies",
            [
                (
                    line.body.id,
                    [
                        line.body.name + (" (archived)" if line.body.archived else ""),
                        str(line.members),
                        line.quorum,
                        line.required,
                        str(line.series),
                        bodies.BODY_KIND_LABELS[line.body.kind],
                    ],
                )
                for line in bodies.body_lines(store, today)
            ],
        )
        self._fill(
            "series",
            [
                (
                    line.series.id,
                    [
                        line.body_name,
                        line.series.name + (" (archived)" if line.series.archived else ""),
                        line.series.cadence or "—",
                        line.series.default_place,
                        str(line.meetings),
                    ],
                )
                for line in series.series_lines(store)
            ],
        )
        current = settings.read(store)
        self._fill(
            "you",
            [
                (
                    settings.COORDINATOR_NAME,
                    ["Your name", current.coordinator_name or "(not set)", "signs e-mail drafts"],
                ),
                (
                    settings.COORDINATOR_EMAIL,
                    ["Your e-mail", current.coordinator_email or "(not set)", "sends them"],
                ),
                (
                    settings.TIME_ZONE,
                    ["Time zone", current.time_zone or _unset_zone(), "meetings' times"],
                ),
            ],
        )

    def _fill(self, step: str, rows: list[tuple[str, list[str]]]) -> None:
        table = self._table(step)
        keep = self._selected(step)
        table.clear()
        for key, cells in rows:
            table.add_row(*(literal(c) for c in cells), key=key)
        keys = [key for key, _ in rows]
        if keep in keys:
            table.move_cursor(row=keys.index(keep))

    def _show_step(self) -> None:
        step = self.step
        number = STEPS.index(step) + 1
        note = "" if self._table(step).row_count else "  Nothing here yet: press a to add."
        if step == "you":
            warnings = [settings.unsigned_warning(self.store), _zone_warning(self.store)]
            note = "".join(f"  {warning}." for warning in warnings if warning)
        self.query_one("#setup-hint", Static).update(
            f"Step {number} of {len(STEPS)}. {HINTS[step]}{note}  (n: next step, esc: done)"
        )
        self._table(step).focus()
        self.refresh_bindings()

    def on_tabbed_content_tab_activated(self, _: TabbedContent.TabActivated) -> None:
        self._show_step()

    def on_data_table_row_selected(self, _: DataTable.RowSelected) -> None:
        """Enter on a row edits it, as the binding says: the table takes Enter first."""
        if self.step in STEP_ACTIONS["edit"]:
            self.action_edit()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        steps = STEP_ACTIONS.get(action)
        if steps is None or not self.is_mounted:
            return True
        return self.step in steps

    # -- moving between steps ------------------------------------------------------------------

    def action_step(self, step: str) -> None:
        self.query_one(TabbedContent).active = step

    def action_next_step(self) -> None:
        index = STEPS.index(self.step)
        if index + 1 < len(STEPS):
            self.action_step(STEPS[index + 1])
        else:
            self.notify("Set-up done: press esc, then n on Home to plan the first meeting.")

    def action_back(self) -> None:
        self.dismiss(None)

    # -- what each step's keys do --------------------------------------------------------------

    @work
    async def action_add(self) -> None:
        step = self.step
        made_id: str | None = None
        if step == "orgs":
            org = await add_organization(self)
            made_id = org.id if org else None
        elif step == "people":
            person = await people_flows.add_person(self.app, self.store, self.facilitate.today)
            made_id = person.id if person else None
        elif step == "bodies":
            made_id = await self._add_body()
        else:
            made_id = await self._add_series()
        self.reload()
        if made_id is not None:
            self._select(step, made_id)
        self._show_step()

    def _select(self, step: str, key: str) -> None:
        table = self._table(step)
        for index, row_key in enumerate(table.rows):
            if row_key.value == key:
                table.move_cursor(row=index)

    async def _add_body(self) -> str | None:
        store = self.store
        fields = await self.app.push_screen_wait(self._body_dialog(None))
        if fields is None:
            return None
        with reported(self.app):
            body = bodies.add_body(store, fields)
            self.notify(f"Added {body.name}: press m to name its members")
            return body.id
        return None

    async def _add_series(self) -> str | None:
        store = self.store
        if not bodies.bodies(store):
            self.notify("Add a body first (step 3): a series is how a body meets.")
            return None
        user_dir = paths.user_templates_dir()
        choice = await self.app.push_screen_wait(self._series_dialog(None))
        if choice is None:
            return None
        with reported(self.app):
            made = series.add_series(
                store, choice.fields, ground_rules_from=choice.ground_rules_from, user_dir=user_dir
            )
            series_roles.set_roles_may_double(store, made.id, choice.roles_may_double)
            self.notify(f"Added {made.name}; plan its first meeting with n on Home")
            return made.id
        return None

    def _body_dialog(self, body: Body | None) -> BodyDialog:
        store = self.store
        exclude = body.id if body else None
        return BodyDialog(
            [Choice(o.id, o.label) for o in store.find(Organization, order_by="name")],
            bodies.fields_of(body) if body else None,
            quorum=bodies.quorum_text(body) if body else "",
            check=lambda f: bodies.check_body(store, f, exclude_id=exclude),
            officers=(store, body.id, self.facilitate.today) if body else None,
        )

    def _series_dialog(self, found: MeetingSeries | None) -> SeriesDialog:
        store, user_dir = self.store, paths.user_templates_dir()
        exclude = found.id if found else None
        return SeriesDialog(
            [Choice(b.id, b.name) for b in bodies.bodies(store, include_archived=True)],
            series.template_names(user_dir),
            series.starting_rule_sets(user_dir),
            self.facilitate.today,
            series.fields_of(found) if found else None,
            check=lambda f: series.check_series(store, f, exclude_id=exclude, user_dir=user_dir),
            roles_may_double=found.roles_may_double if found else False,
            starting=series_start(store, user_dir) if found is None else None,
        )

    @work
    async def action_edit(self) -> None:
        step, key = self.step, self._selected(self.step)
        if key is None:
            return
        store = self.store
        if step == "you":
            # The cursor starts in the field of the row chosen (rows are keyed by setting,
            # and the dialog's fields are named alike); an unset zone comes offered.
            await self.app.push_screen_wait(
                settings_dialog(store, offer_zone=True, first_field=key)
            )
            self.reload()
            self._show_step()  # the hint's warning goes once the name is set
            return
        if step == "orgs":
            await edit_organization(self, key)
        elif step == "bodies":
            body = store.get(Body, key)
            was = bodies.fields_of(body)
            fields = await self.app.push_screen_wait(self._body_dialog(body))
            if fields is not None:
                with reported(self.app):
                    bodies.update_body(store, key, fields, was=was)
        elif step == "series":
            user_dir = paths.user_templates_dir()
            found = store.get(MeetingSeries, key)
            was_series = series.fields_of(found)
            choice = await self.app.push_screen_wait(self._series_dialog(found))
            if choice is not None:
                with reported(self.app):
                    series.update_series(
                        store, key, choice.fields, was=was_series, user_dir=user_dir
                    )
                    series_roles.set_roles_may_double(store, key, choice.roles_may_double)
        self.reload()

    @work
    async def action_members(self) -> None:
        from facilitate.tui.dialogs.body_members import BodyMembersDialog

        key = self._selected("bodies")
        if key is None:
            return
        store, today = self.store, self.facilitate.today
        body = store.get(Body, key)
        dialog = BodyMembersDialog(
            body.name,
            directory.person_choices(store),
            bodies.current_member_ids(store, key, today),
            today,
        )
        choice = await self.app.push_screen_wait(dialog)
        if choice is None:
            return
        with reported(self.app):
            change = bodies.set_members(store, key, choice.person_ids, on=choice.on)
            self.notify(
                f"{body.name}: {len(change.started)} joined, {len(change.ended)} left "
                f"on {choice.on:%b %d %Y}"
            )
        self.reload()

    @work
    async def action_agreement(self) -> None:
        """The selected organization's data-sharing agreement: its terms, as a new version."""
        from facilitate.models import Person
        from facilitate.services.share import agreements
        from facilitate.tui.dialogs.agreement_form import AgreementDialog

        key = self._selected("orgs")
        if key is None:
            return
        store, today = self.store, self.facilitate.today
        org = store.get(Organization, key)
        dialog = AgreementDialog(
            org.label,
            [Choice(b.id, b.name) for b in bodies.bodies(store)],
            [
                Choice(p.id, p.name)
                for p in store.find(Person, organization_id=key, order_by="name")
                if p.active
            ],
            {a.body_id: a for a in agreements.current_agreements(store, key)},
            today,
        )
        choice = await self.app.push_screen_wait(dialog)
        if choice is None:
            return
        with reported(self.app):
            made = agreements.set_terms(store, key, choice.fields, on=today, body_id=choice.body_id)
            self.notify(f"{org.label}: sharing agreement version {made.version} recorded")
        self.reload()

    def action_archive(self) -> None:
        step, key = self.step, self._selected(self.step)
        if key is None:
            return
        with reported(self.app):
            if step == "bodies":
                body = bodies.set_archived(self.store, key, not self.store.get(Body, key).archived)
                state = "archived" if body.archived else "active again"
                self.notify(f"{body.name}: {state} (x again undoes it)")
            else:
                found = series.set_archived(
                    self.store, key, not self.store.get(MeetingSeries, key).archived
                )
                state = "archived" if found.archived else "active again"
                self.notify(f"{found.name}: {state} (x again undoes it)")
        self.reload()

    def action_import_people(self) -> None:
        from facilitate.tui.screens.people_import import PeopleImportScreen

        self.app.push_screen(PeopleImportScreen(), lambda _: self._after_people())

    def action_roster(self) -> None:
        from facilitate.tui.screens.roster import RosterScreen

        self.app.push_screen(RosterScreen(), lambda _: self._after_people())

    def _after_people(self) -> None:
        self.reload()
        self._show_step()


def _unset_zone() -> str:
    """The time zone row while none is set: the clock meetings' times are then printed in."""
    offered = settings.zone_to_offer()
    return f"(not set: this computer's, {offered})" if offered else "(not set: times print in UTC)"


def _zone_warning(store: Store) -> str:
    """What step 5 says while no time zone is set and this computer's is only UTC (a meeting
    at 9:00 would print as 15:00 UTC), or ""."""
    if settings.read(store).time_zone or settings.zone_to_offer():
        return ""
    return "No time zone yet: meetings' times print in UTC until you set yours (e)"
