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
from facilitate.tui.dialogs.memberships import MembershipsDialog
from facilitate.tui.dialogs.organization_form import OrganizationDialog
from facilitate.tui.dialogs.person_form import PersonDialog
from facilitate.tui.dialogs.role_catalogue import RoleCatalogueDialog, SeriesPickerDialog
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

        # A new organization.
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OrganizationDialog)
        await _type(pilot, "Harbor Housing")
        await pilot.press("tab")
        await _type(pilot, "Housing")
        await pilot.press("tab", "enter")
        await _type(pilot, "Agency")
        await pilot.press("enter", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RosterScreen)
        # The same name again is refused in the form, which stays open with what was typed.
        await pilot.press("o")
        await pilot.pause()
        await _type(pilot, "harbor housing")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, OrganizationDialog)
        assert "already an organization" in str(app.screen.query_one("#error").render())
        await pilot.press("escape")
        await pilot.pause()

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
