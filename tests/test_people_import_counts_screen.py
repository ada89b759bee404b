"""The import screen says one organization as one (services/plurals.counted): the offer to create
it, the question before importing, and what was imported. Driven by keys from the roster."""

from __future__ import annotations

from pathlib import Path

from textual.content import Content
from textual.widgets import Checkbox

from facilitate.models import Organization, Person
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.confirm import ConfirmDialog
from facilitate.tui.screens.people_import import PeopleImportScreen
from facilitate.tui.screens.roster import RosterScreen

from .conftest import TODAY
from .test_people_import_screen import load


async def test_one_new_organization_is_said_as_one(tmp_path: Path, store: Store) -> None:
    sheet = tmp_path / "partners.csv"
    sheet.write_text(
        "Name,Email,Organization\n"
        "Rosa Delgado,rd@hha.org,Harbor Housing Authority\n"
        "Sam Ode,so@hha.org,Harbor Housing Authority\n",
        encoding="utf-8",
    )
    app = FacilitateApp(store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(RosterScreen())
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, PeopleImportScreen)
        await load(app, pilot, sheet)
        label = app.screen.query_one("#import-create", Checkbox).label
        assert isinstance(label, Content)
        assert label.plain == ("Create 1 organization not on record (c): Harbor Housing Authority")
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert app.screen.question == "Import 2 people and create 1 organization?"
        await pilot.press("y")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, RosterScreen)
        said = [str(n.message) for n in app._notifications]
        assert "Imported 2 people, created 1 organization" in said
    assert store.count(Person) == 2
    assert [o.name for o in store.find(Organization)] == ["Harbor Housing Authority"]
