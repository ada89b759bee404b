"""The import screen driven by keys, from the roster, against a real file: load a CSV, fix a row,
choose the columns, accept new organizations, confirm, and find the people on the roster."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, ProgressBar, Select

from facilitate.models import Organization, Person
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.confirm import ConfirmDialog
from facilitate.tui.dialogs.person_form import ImportRowDialog
from facilitate.tui.screens.people_import import PeopleImportScreen
from facilitate.tui.screens.roster import RosterScreen

from .conftest import TODAY

ORGS = ("Harbor County CFS", "Riverbend Recovery", "Family Treatment Court", "Parent Partners")


def twelve_partners(folder: Path) -> Path:
    """Twelve people of four organizations; row 8 has no name."""
    lines = ["Full name,E-mail,Agency,Phone,Roles"]
    for i in range(12):
        name = "" if i == 6 else f"Partner {chr(65 + i)}"
        roles = "Facilitator, Note-taker" if i % 3 == 0 else "Timekeeper"
        lines.append(f'{name},p{i}@partners.example,{ORGS[i % 4]},555-01{i:02},"{roles}"')
    path = folder / "partners.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


async def type_text(pilot: Pilot[None], text: str) -> None:
    for char in text:
        await pilot.press("space" if char == " " else char)


async def load(app: FacilitateApp, pilot: Pilot[None], path: Path) -> None:
    """Type the path as a user would, press Enter, and wait for the worker reading it."""
    path_input = app.screen.query_one("#import-path", Input)
    path_input.focus()
    path_input.value = ""
    await type_text(pilot, str(path))
    await pilot.press("enter")
    await read(app, pilot)


async def read(app: FacilitateApp, pilot: Pilot[None]) -> None:
    """Wait for the worker reading the file (not the roster's, waiting for this screen)."""
    reading = [w for w in app.workers if w.group == "people-import"]
    if reading:  # an empty list would mean every worker
        await app.workers.wait_for_complete(reading)
    await pilot.pause()


def status(app: FacilitateApp) -> str:
    return str(app.screen.query_one("#import-status").render())


def table_rows(app: FacilitateApp) -> list[list[str]]:
    table = app.screen.query_one("#import-rows", DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def test_import_twelve_with_one_fixed_row_from_the_roster(
    tmp_path: Path, store: Store, db_path: Path
) -> None:
    path = twelve_partners(tmp_path)
    app = FacilitateApp(store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(RosterScreen())
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, PeopleImportScreen)
        await load(app, pilot, path)
        rows = table_rows(app)
        assert len(rows) == 12
        assert rows[0][:4] == ["2", "Partner A", "p0@partners.example", "Harbor County CFS (new)"]
        assert rows[6][0] == "8" and rows[6][5].startswith("Name is empty: it is required")
        assert status(app).startswith("12 rows: 0 ready to import, 12 with a problem")

        # The organizations are new: accept creating them.
        await pilot.press("c")
        await pilot.pause()
        assert status(app).startswith("12 rows: 11 ready to import, 1 with a problem")

        # Import is refused while a row has a problem; nothing is written.
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PeopleImportScreen)
        assert any("1 row with a problem" in str(n.message) for n in app._notifications)
        assert store.count(Person) == 0

        # n goes to the problem row; e fixes it, and the form refuses a name still empty.
        await pilot.press("n")
        await pilot.pause()
        assert "Row 8: Name is empty" in str(app.screen.query_one("#import-row-detail").render())
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ImportRowDialog)
        assert app.screen.query_one("#row-email", Input).value == "p6@partners.example"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ImportRowDialog)
        assert str(app.screen.query_one("#error").render()) == "Name is empty: it is required"
        await type_text(pilot, "Partner G")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PeopleImportScreen)
        assert table_rows(app)[6][1:2] == ["Partner G"]
        assert table_rows(app)[6][5] == "fixed"
        assert status(app).startswith("12 rows: 12 ready to import · ctrl+s imports")

        # Confirm: asked first, then written, and the roster shows the twelve.
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, RosterScreen)
        roster = app.screen.query_one("#people", DataTable)
        assert roster.row_count == 12
        assert "12 people, 12 active · 4 organizations" in str(
            app.screen.query_one("#roster-info").render()
        )
    store.close()

    reopened = Store.open(db_path)
    assert reopened.count(Person) == 12
    assert sorted(o.name for o in reopened.find(Organization)) == sorted(ORGS)
    g = reopened.find(Person, name="Partner G")[0]
    assert (g.email, g.phone, g.willing_roles) == (
        "p6@partners.example",
        "555-0106",
        ["facilitator", "note_taker"],
    )
    reopened.close()


async def test_choose_the_name_column_and_skip_a_row_by_keys(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "export.csv"
    path.write_text(
        "Attendee;Contact;Notes\nAna Ruiz;ana@river.example;\nBen Cole;ben at hope;\n",
        encoding="utf-8",
    )
    app = FacilitateApp(store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(PeopleImportScreen())
        await pilot.pause()
        await load(app, pilot, path)
        assert "no column holds the names: choose the Name column" in status(app)
        assert "“Attendee”" in status(app)
        # f goes to the file; tab to the first column choice, the Name.
        await pilot.press("f", "tab")
        await pilot.pause()
        name = app.screen.query_one("#map-name", Select)
        assert name.has_focus
        await pilot.press("enter", "down", "enter")
        await pilot.pause()
        assert name.value == 0
        await pilot.press("tab", "enter", "down", "down", "enter")
        await pilot.pause()
        assert app.screen.query_one("#map-email", Select).value == 1
        assert status(app).startswith("2 rows: 1 ready to import, 1 with a problem")
        # Skip the bad row, then import the other.
        table = app.screen.query_one("#import-rows", DataTable)
        table.focus()
        await pilot.press("n", "s")
        await pilot.pause()
        assert table_rows(app)[1][5] == "skipped"
        assert status(app).startswith("2 rows: 1 ready to import, 1 skipped")
        await pilot.press("ctrl+s", "y")
        await pilot.pause()
        assert not isinstance(app.screen, PeopleImportScreen)
    assert [p.name for p in store.find(Person)] == ["Ana Ruiz"]
    assert store.find(Person)[0].email == "ana@river.example"


async def test_a_bad_file_is_one_red_line_and_nothing_else(tmp_path: Path, store: Store) -> None:
    binary = tmp_path / "photo.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    app = FacilitateApp(store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(PeopleImportScreen())
        await pilot.pause()
        await load(app, pilot, binary)
        assert (
            status(app)
            == f"{binary} is not a text file (it holds binary data): save the spreadsheet as CSV"
        )
        assert table_rows(app) == []
        await load(app, pilot, tmp_path / "missing.csv")
        assert status(app) == f"{tmp_path / 'missing.csv'}: no such file"
        # Keys that need a file say so instead of failing.
        app.screen.query_one("#import-rows", DataTable).focus()
        await pilot.press("ctrl+s", "e", "s")
        await pilot.pause()
        assert isinstance(app.screen, PeopleImportScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, PeopleImportScreen)
    assert store.count(Person) == 0


async def test_twenty_thousand_rows_load_behind_a_progress_bar(
    tmp_path: Path, store: Store
) -> None:
    path = tmp_path / "big.csv"
    path.write_text(
        "Name,Email\n" + "".join(f"Person {i},p{i}@big.example\n" for i in range(20_000)),
        encoding="utf-8",
    )
    app = FacilitateApp(store, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(PeopleImportScreen(path))
        await pilot.pause()
        await read(app, pilot)
        progress = app.screen.query_one("#import-progress", ProgressBar)
        assert not progress.has_class("running")
        assert progress.total == 20_000 and progress.progress == 20_000
        assert len(table_rows(app)) == 500
        assert status(app).startswith(
            "20,000 rows: 20,000 ready to import (first 500 of 20,000 shown) · ctrl+s imports"
        )
        await pilot.press("ctrl+s", "y")
        await pilot.pause()
    assert store.count(Person) == 20_000
