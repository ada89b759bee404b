"""The roster screen driven by keys on the demo partnership, checked against the reopened file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Select, SelectionList

from facilitate.models import (
    DEFAULT_ROLE_CATALOGUE,
    Body,
    MeetingSeries,
    Membership,
    Organization,
    Person,
)
from facilitate.models.enums import OrgKind
from facilitate.services.people import roster
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.confirm import ConfirmDialog
from facilitate.tui.dialogs.memberships import MembershipsDialog
from facilitate.tui.dialogs.organization_form import OrganizationDialog, OrganizationsDialog
from facilitate.tui.dialogs.person_form import PersonDialog
from facilitate.tui.dialogs.role_catalogue import RoleCatalogueDialog, SeriesPickerDialog
from facilitate.tui.screens.people_import import PeopleImportScreen
from facilitate.tui.screens.roster import RosterScreen, column_widths, roles_cell

from .conftest import TODAY


async def _type(pilot: Pilot[None], text: str) -> None:
    for char in text:
        await pilot.press("space" if char == " " else char)


def _names(app: FacilitateApp) -> list[str]:
    table = app.screen.query_one("#people", DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


def _row(app: FacilitateApp, name: str) -> list[str]:
    table = app.screen.query_one("#people", DataTable)
    return [str(c) for c in table.get_row_at(_names(app).index(name))]


async def _select_person(app: FacilitateApp, pilot: Pilot[None], name: str) -> None:
    table = app.screen.query_one("#people", DataTable)
    table.move_cursor(row=_names(app).index(name))
    await pilot.pause()


async def test_roster_by_keys_is_stored(demo_store: Store, db_path: Path) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(RosterScreen())
        await pilot.pause()
        assert isinstance(app.screen, RosterScreen)
        assert "Priya Natarajan" in _names(app)
        assert _row(app, "Priya Natarajan")[5] == "Nov 29"

        # Add a person: name, organization picked by typing, then a bad away date first.
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, PersonDialog)
        await _type(pilot, "Rosa Diaz")
        await pilot.press("tab", "enter")
        await _type(pilot, "Parent")
        await pilot.press("enter")
        await pilot.press("tab")
        await _type(pilot, "rosa@pp.org")
        await pilot.press("tab", "tab", "tab")
        await _type(pilot, "12/24, dec 45")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PersonDialog)
        error = str(app.screen.query_one("#error").render())
        assert "could not read “dec 45”" in error
        assert app.screen.query_one("#unavailable", Input).value == "12/24, dec 45"
        assert app.screen.query_one("#name", Input).value == "Rosa Diaz"
        # Fix the date, then mark Rosa ready to facilitate: willing follows.
        await pilot.press("ctrl+u")
        await _type(pilot, "12/24")
        await pilot.press("tab", "tab", "tab")
        ready = app.screen.query_one("#ready", SelectionList)
        assert ready.has_focus
        await pilot.press("space")
        await pilot.pause()
        assert app.screen.query_one("#willing", SelectionList).selected == ["facilitator"]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RosterScreen)
        assert _row(app, "Rosa Diaz")[1:6] == ["Parent Partners", "yes", "Fac", "Fac", "Dec 24"]

        # Enter on the selected row edits; escape leaves it as it was.
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PersonDialog)
        assert app.screen.query_one("#unavailable", Input).value == "2026-12-24"
        await pilot.press("escape")
        await pilot.pause()

        # Rosa steps back for a while.
        await pilot.press("x")
        await pilot.pause()
        assert _row(app, "Rosa Diaz")[2] == "no"

        # A new organization, from the list of organizations.
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OrganizationsDialog)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, OrganizationDialog)
        await _type(pilot, "Harbor Housing")
        await pilot.press("tab")
        await _type(pilot, "Housing")
        await pilot.press("tab", "enter")
        await _type(pilot, "Agency")
        await pilot.press("enter", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, OrganizationsDialog)
        # The same name again is refused in the form, which stays open with what was typed.
        await pilot.press("a")
        await pilot.pause()
        await _type(pilot, "harbor housing")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, OrganizationDialog)
        assert "already an organization" in str(app.screen.query_one("#error").render())
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RosterScreen)

        # Rosa joins the Core Team and the Listening Circle.
        await _select_person(app, pilot, "Rosa Diaz")
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MembershipsDialog)
        await pilot.press("space", "down", "space", "ctrl+s")
        await pilot.pause()
        assert _row(app, "Rosa Diaz")[6] == "Core, Listening"

        # A custom role on the Core Team's catalogue, marked as needing readiness.
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, SeriesPickerDialog)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, RoleCatalogueDialog)
        await pilot.press("a")
        await _type(pilot, "Cultural liaison")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        roles = app.screen.query_one("#role-table", DataTable)
        assert [str(c) for c in roles.get_row("cultural_liaison")][:3] == [
            "Cultural liaison",
            "cultural_liaison",
            "needed",
        ]
        # A standard role cannot be removed, and the dialog says why.
        roles.move_cursor(row=0)
        await pilot.press("d")
        await pilot.pause()
        assert "only custom roles can be removed" in str(app.screen.query_one("#error").render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RosterScreen)
    demo_store.close()

    reopened = Store.open(db_path)
    rosa = reopened.find(Person, name="Rosa Diaz")[0]
    assert rosa.email == "rosa@pp.org"
    assert rosa.ready_roles == ["facilitator"]
    assert rosa.willing_roles == ["facilitator"]
    assert rosa.unavailable == [date(2026, 12, 24)]
    assert rosa.active is False
    assert reopened.get(Organization, rosa.organization_id or "").name == (
        "Parent Partners of Harbor County"
    )
    housing = reopened.find(Organization, name="Harbor Housing")[0]
    assert (housing.short_name, housing.kind) == ("Housing", OrgKind.AGENCY)
    bodies = {b.id: b.name for b in reopened.find(Body)}
    assert sorted(bodies[m.body_id] for m in reopened.find(Membership, person_id=rosa.id)) == [
        "Community Listening Circle",
        "Core Team",
    ]
    core = next(s for s in reopened.find(MeetingSeries) if s.name.startswith("Core Team"))
    liaison = next(r for r in core.roles if r.key == "cultural_liaison")
    assert liaison.name == "Cultural liaison"
    assert liaison.requires_readiness is True
    assert [r.key for r in core.roles][:5] == list(roster.DEFAULT_ROLE_KEYS)
    reopened.close()


async def test_edit_organization_of_selected_person(demo_store: Store) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(RosterScreen())
        await pilot.pause()
        await _select_person(app, pilot, "Tom Okafor")
        await pilot.press("O")
        await pilot.pause()
        assert isinstance(app.screen, OrganizationDialog)
        short = app.screen.query_one("#short-name", Input)
        assert short.value == "Riverbend"
        assert app.screen.query_one("#kind", Select).value == OrgKind.TREATMENT_PROVIDER
        short.value = "Riverbend RS"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert _row(app, "Tom Okafor")[1] == "Riverbend RS"
    assert demo_store.find(Organization, short_name="Riverbend RS")[0].kind is (
        OrgKind.TREATMENT_PROVIDER
    )


async def test_unticking_willing_unticks_ready_and_clicks_edit(demo_store: Store) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(RosterScreen())
        await pilot.pause()
        # A click on the highlighted row opens the person, as enter does.
        await _select_person(app, pilot, "Dana Whitfield")
        row = _names(app).index("Dana Whitfield")
        await pilot.click("#people", offset=(3, row + 1))
        await pilot.pause()
        assert isinstance(app.screen, PersonDialog)
        willing = app.screen.query_one("#willing", SelectionList)
        willing.focus()
        willing.highlighted = 0
        await pilot.press("space")
        await pilot.pause()
        assert "facilitator" not in app.screen.query_one("#ready", SelectionList).selected
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert _row(app, "Dana Whitfield")[3:5] == ["all but Fac", ""]
    dana = demo_store.find(Person, name="Dana Whitfield")[0]
    assert "facilitator" not in dana.willing_roles
    assert dana.ready_roles == []


def test_table_helpers() -> None:
    defaults = list(DEFAULT_ROLE_CATALOGUE)
    assert roles_cell([r.key for r in defaults], defaults) == "all"
    assert roles_cell(
        ["co_facilitator", "note_taker", "timekeeper", "process_observer"], defaults
    ) == ("all but Fac")
    assert roles_cell(["process_observer", "gone_role"], defaults) == "Obs gone_role"
    assert sum(column_widths(64, {}).values()) == 64
    wide = column_widths(100, {"name": 30, "bodies": 12})
    assert wide["name"] == 30 and wide["bodies"] == 12


async def test_delete_is_refused_for_someone_the_record_names(demo_store: Store) -> None:
    slip = roster.add_person(demo_store, "Dana Whitfeld")
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(RosterScreen())
        await pilot.pause()
        await _select_person(app, pilot, "Dana Whitfield")
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, RosterScreen)
        said = [n.message for n in app._notifications]
        assert any(
            m.startswith("Dana Whitfield is named in ") and "meetings' attendance" in m
            for m in said
        ), said
        assert "Dana Whitfield" in _names(app)

        # The slip nobody names goes; "n" keeps someone.
        await _select_person(app, pilot, "Dana Whitfeld")
        await pilot.press("d", "n")
        await pilot.pause()
        assert "Dana Whitfeld" in _names(app)
        await pilot.press("d", "y")
        await pilot.pause()
        assert "Dana Whitfeld" not in _names(app)
    assert demo_store.find(Person, id=slip.id) == []
    assert demo_store.find(Person, name="Dana Whitfield") != []


async def test_unticking_a_body_ends_the_membership_and_keeps_it(demo_store: Store) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(RosterScreen())
        await pilot.pause()
        await _select_person(app, pilot, "Keisha Brown")
        assert _row(app, "Keisha Brown")[6] == "Core, Steering"
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MembershipsDialog)
        bodies = app.screen.query_one("#bodies", SelectionList)
        core = next(
            i
            for i in range(bodies.option_count)
            if "Core" in str(bodies.get_option_at_index(i).prompt)
        )
        bodies.highlighted = core
        await pilot.press("space", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RosterScreen)
        assert _row(app, "Keisha Brown")[6] == "Steering"
        # The dialog now shows the ended membership as history, unticked.
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MembershipsDialog)
        history = str(app.screen.query_one("#membership-history").render())
        assert "Core Team" in history and "to Nov 22, 2026" in history
        await pilot.press("escape")
        await pilot.pause()
    keisha = demo_store.find(Person, name="Keisha Brown")[0]
    core_body = next(b for b in demo_store.find(Body) if b.name.startswith("Core"))
    rows = demo_store.find(Membership, person_id=keisha.id, body_id=core_body.id)
    assert [m.end_date for m in rows] == [TODAY]


async def test_organizations_retire_and_delete_by_keys(demo_store: Store) -> None:
    roster.add_organization(demo_store, "Harbour Housing")
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(RosterScreen())
        await pilot.pause()
        await _select_person(app, pilot, "Tom Okafor")
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OrganizationsDialog)
        orgs = app.screen.query_one("#org-table", DataTable)
        # Opened on the selected person's organization.
        assert str(orgs.get_row_at(orgs.cursor_row)[0]) == "Riverbend Recovery Services"
        await pilot.press("x")
        await pilot.pause()
        assert str(orgs.get_row_at(orgs.cursor_row)[4]) == "retired"
        # Still in the record, so it cannot be deleted: the dialog says what names it.
        await pilot.press("d", "y")
        await pilot.pause()
        error = str(app.screen.query_one("#error").render())
        assert error.startswith("Riverbend Recovery Services is named in 2 people's records")
        assert error.endswith("retire it instead, which keeps the history")
        names = [str(orgs.get_row_at(i)[0]) for i in range(orgs.row_count)]
        orgs.move_cursor(row=names.index("Harbour Housing"))
        await pilot.press("d", "y")
        await pilot.pause()
        assert "Harbour Housing" not in [str(orgs.get_row_at(i)[0]) for i in range(orgs.row_count)]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RosterScreen)
        assert _row(app, "Tom Okafor")[1] == "Riverbend"  # history still names it
        # A new person cannot be placed in a retired organization: it is not offered.
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, PersonDialog)
        offered = [choice.label for choice in app.screen.organizations]
        assert "Riverbend" not in offered and "CFS" in offered
        await pilot.press("escape")
        await pilot.pause()
    riverbend = demo_store.find(Organization, short_name="Riverbend")[0]
    assert riverbend.active is False
    assert demo_store.find(Organization, name="Harbour Housing") == []


async def test_a_duplicate_email_is_one_line_in_the_form(demo_store: Store) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    before = demo_store.count(Person)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(RosterScreen())
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await _type(pilot, "Rosa Diaz")
        await pilot.press("tab", "tab")
        await _type(pilot, "DWhitfield@harborcounty.example")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PersonDialog)
        error = str(app.screen.query_one("#error").render())
        assert error == "Email “DWhitfield@harborcounty.example” is already Dana Whitfield's"
        # Too long a name is refused the same way.
        name = app.screen.query_one("#name", Input)
        name.value = "R" * 201
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = str(app.screen.query_one("#error").render())
        assert error == "Name is 201 characters long: at most 200 are kept"
        await pilot.press("escape")
        await pilot.pause()
    assert demo_store.count(Person) == before


async def test_i_opens_the_import_screen(demo_store: Store) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(RosterScreen())
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, PeopleImportScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RosterScreen)
