"""The language an organization's packets are written in, chosen in its form (until now only by
`facilitate settings language ORG es`): from the roster's list of organizations when adding one,
and from a person's organization (O) when editing, stored where the command line stores it."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Select

from facilitate.models import Organization
from facilitate.services.record import settings
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.organization_form import OrganizationDialog, OrganizationsDialog
from facilitate.tui.screens.roster import RosterScreen

from .conftest import TODAY
from .helpers.demo_lookup import org


async def _type(pilot: Pilot[None], text: str) -> None:
    await pilot.press(*("space" if char == " " else char for char in text))


def _language(db_path: Path, org_id: str) -> str:
    """The organization's packet language as the file says, through a second connection."""
    other = Store.open(db_path)
    try:
        return settings.organization_language(other, org_id)
    finally:
        other.close()


async def _select_person(app: FacilitateApp, pilot: Pilot[None], name: str) -> None:
    table = app.screen.query_one("#people", DataTable)
    names = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
    table.move_cursor(row=names.index(name))
    await pilot.pause()


async def test_a_new_organization_reads_its_packets_in_spanish(
    demo_store: Store, db_path: Path
) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(RosterScreen())
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OrganizationsDialog)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, OrganizationDialog)
        language = app.screen.query_one("#language", Select)
        assert language.value == "en"
        await _type(pilot, "Familias Unidas")
        await pilot.press("tab", "tab", "tab")  # short name, kind, packets in
        assert language.has_focus
        await pilot.press("enter", "down", "enter")
        await pilot.pause()
        assert language.value == "es"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, OrganizationsDialog), app.screen.query_one("#error").render()
    (added,) = demo_store.find(Organization, name="Familias Unidas")
    assert _language(db_path, added.id) == "es"


async def test_editing_an_organization_changes_only_its_language(
    demo_store: Store, db_path: Path
) -> None:
    riverbend = org(demo_store, "Riverbend")
    settings.set_organization_language(demo_store, riverbend.id, "es")
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(RosterScreen())
        await pilot.pause()
        await _select_person(app, pilot, "Tom Okafor")
        await pilot.press("O")
        await pilot.pause()
        assert isinstance(app.screen, OrganizationDialog)
        language = app.screen.query_one("#language", Select)
        assert language.value == "es"
        # Another window renames the organization meanwhile: the form changes the language only.
        other = Store.open(db_path)
        try:
            stored = other.get(Organization, riverbend.id)
            stored.notes = "Contract renewed"
            other.save(stored)
        finally:
            other.close()
        await pilot.press("tab", "tab", "tab")
        assert language.has_focus
        await pilot.press("enter", "up", "enter")
        await pilot.pause()
        assert language.value == "en"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RosterScreen), app.screen.query_one("#error").render()
    assert _language(db_path, riverbend.id) == "en"
    assert demo_store.get(Organization, riverbend.id).notes == "Contract renewed"
