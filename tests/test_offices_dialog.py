"""A body's officers set by keys, from the body form (ctrl+o): give an office, end a term."""

from __future__ import annotations

from datetime import date

from textual.widgets import DataTable, Input, Label, Select

from facilitate.models import Body, Office
from facilitate.services.people import bodies, offices
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.body_form import BodyDialog
from facilitate.tui.dialogs.offices import OfficeForm, OfficesDialog

from .conftest import TODAY
from .helpers.demo_lookup import person


def _steering(store: Store) -> Body:
    return next(b for b in store.find(Body) if "Steering" in b.name)


async def _open(app: FacilitateApp, pilot: object, store: Store, body: Body) -> None:
    app.push_screen(BodyDialog([], bodies.fields_of(body), officers=(store, body.id, TODAY)))
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.press("ctrl+o")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, OfficesDialog)


async def _give(pilot: object, app: FacilitateApp, title: str, who: str, start: str) -> None:
    await pilot.press("a")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    form = app.screen
    assert isinstance(form, OfficeForm)
    form.query_one("#office-title", Input).value = title
    form.query_one("#office-person", Select).value = who
    form.query_one("#office-from", Input).value = start
    await pilot.press("ctrl+s")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


async def test_officers_are_given_and_handed_on_from_the_body_form(demo_store: Store) -> None:
    body = _steering(demo_store)
    dana = person(demo_store, "Dana Whitfield").id
    marcus = person(demo_store, "Marcus Reyes").id
    before = {o.id for o in demo_store.find(Office, body_id=body.id)}
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 34)) as pilot:
        await _open(app, pilot, demo_store, body)
        await _give(pilot, app, "Treasurer", dana, "2026-01-01")
        await _give(pilot, app, "Treasurer", marcus, "2026-07-01")
        dialog = app.screen
        assert isinstance(dialog, OfficesDialog)
        table = dialog.query_one("#offices", DataTable)
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert ["Treasurer", "Marcus Reyes", "2026-07-01", "serving"] in rows
        assert ["Treasurer", "Dana Whitfield", "2026-01-01", "2026-06-30"] in rows

        # A date that cannot be read stays in the form, named.
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, OfficeForm)
        form.query_one("#office-title", Input).value = "Secretary"
        form.query_one("#office-person", Select).value = dana
        form.query_one("#office-from", Input).value = "someday"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert str(form.query_one("#error", Label).render()).startswith("From:")
        await pilot.press("escape")
        await pilot.pause()

        # End Marcus's term from the list.
        table.move_cursor(row=rows.index(["Treasurer", "Marcus Reyes", "2026-07-01", "serving"]))
        await pilot.press("u")
        await pilot.pause()
        app.screen.query_one("#term-until", Input).value = "2026-12-31"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BodyDialog)
    new = [o for o in demo_store.find(Office, body_id=body.id) if o.id not in before]
    assert sorted((o.person_id, o.starts_on, o.ends_on) for o in new) == sorted(
        [
            (dana, date(2026, 1, 1), date(2026, 6, 30)),
            (marcus, date(2026, 7, 1), date(2026, 12, 31)),
        ]
    )
    assert [
        line.person
        for line in offices.officers(demo_store, body.id, date(2026, 8, 1))
        if line.office.title == "Treasurer"
    ] == ["Marcus Reyes"]


async def test_a_new_body_has_no_officers_key(demo_store: Store) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 34)) as pilot:
        dialog = BodyDialog([])
        app.push_screen(dialog)
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert app.screen is dialog


async def test_an_office_given_by_mistake_is_removed_by_keys(demo_store: Store) -> None:
    body = _steering(demo_store)
    marcus = person(demo_store, "Marcus Reyes").id
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 34)) as pilot:
        await _open(app, pilot, demo_store, body)
        await _give(pilot, app, "Treasurer", marcus, "2026-11-01")
        dialog = app.screen
        assert isinstance(dialog, OfficesDialog)
        table = dialog.query_one("#offices", DataTable)
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        table.move_cursor(row=rows.index(["Treasurer", "Marcus Reyes", "2026-11-01", "serving"]))
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.screen is dialog
    assert not demo_store.find(Office, body_id=body.id, person_id=marcus, title="Treasurer")
