"""The opening screen at 80×24 and 100×30 (#18): the roll call's name, organization and status
stay whole, a long seat ("stand-in for Lorraine Whitecloud · phone") is the one cut and is read
whole under the table for the highlighted line, and the key bar keeps the roll-call keys."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Static

from facilitate.models import Meeting, Person
from facilitate.models.enums import AttendanceCapacity, AttendanceMode, MeetingKind
from facilitate.services.run import live
from facilitate.services.run.seats import Seat, seat
from facilitate.services.time_zone import zone_named
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.screens.opening import OpeningScreen
from facilitate.tui.widgets.key_bar import KeyBar
from facilitate.tui.widgets.table import Table

from .conftest import TODAY
from .helpers.demo_lookup import person, upcoming

STAND_IN = "Bernadette Two Feathers"
SEAT = "stand-in for Lorraine Whitecloud · phone"


def _with_stand_in(store: Store) -> Meeting:
    """The demo's steering meeting, opened, with someone sitting in for Lorraine by phone."""
    meeting = upcoming(store)
    live.open_meeting(store, meeting.id)
    guest = store.insert(Person(name=STAND_IN))
    seat(
        store,
        meeting.id,
        Seat(
            capacity=AttendanceCapacity.ALTERNATE,
            for_person_id=person(store, "Lorraine Whitecloud").id,
            mode=AttendanceMode.PHONE,
        ),
        zone_named(""),
        person_id=guest.id,
    )
    return meeting


def _cells(table: Table, name: str) -> dict[str, str]:
    """The row of `name` as drawn, by column key."""
    row = next(r for r in table.ordered_rows if str(table.get_cell(r.key, "name")) == name)
    return {str(c.key.value): str(table.get_cell(row.key, c.key)) for c in table.ordered_columns}


def _bar(app: FacilitateApp) -> str:
    return str(app.screen.query_one(KeyBar).render())


async def _open(app: FacilitateApp, pilot: Pilot[None], meeting: Meeting) -> Table:
    app.push_screen(OpeningScreen(meeting.id))
    await pilot.pause()
    return app.screen.query_one("#attendance", Table)


async def _highlight(pilot: Pilot[None], table: Table, key: str) -> str:
    """The line under the table once row `key` is highlighted ("" when it is hidden)."""
    table.move_cursor(row=table.get_row_index(key))
    await pilot.pause()
    detail = pilot.app.screen.query_one("#attendance-detail", Static)
    return str(detail.render()) if detail.display else ""


async def test_at_80_columns_long_cells_give_way_and_are_read_whole_below(
    demo_store: Store,
) -> None:
    meeting = _with_stand_in(demo_store)
    stand_in = f"person:{person(demo_store, STAND_IN).id}"
    lorraine = f"person:{person(demo_store, 'Lorraine Whitecloud').id}"
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await _open(app, pilot, meeting)
        widths = {str(c.key.value): c.width for c in table.ordered_columns}
        # Name and organization whole; a seat keeps a word's room and a status more.
        assert widths == {"name": 23, "organization": 16, "seat": 10, "status": 23}
        assert _cells(table, "Sofia Alvarez") == {
            "name": "Sofia Alvarez",
            "organization": "Northside FRC",
            "seat": "member",
            "status": "—",
        }
        assert await _highlight(pilot, table, stand_in) == f"Seat: {SEAT}"
        assert await _highlight(pilot, table, lorraine) == f"Status: for: {STAND_IN}"
        # A line shown whole has nothing below it.
        assert await _highlight(pilot, table, table.ordered_rows[0].key.value or "") == ""
        assert _bar(app).split("f1")[0].split() == [
            "p", "Present", "l", "Late", "r", "Regrets", "s", "Seat", "a", "Agree", "rules",
        ]  # fmt: skip


async def test_at_100_columns_only_a_long_seat_is_cut(demo_store: Store) -> None:
    meeting = _with_stand_in(demo_store)
    stand_in = f"person:{person(demo_store, STAND_IN).id}"
    lorraine = f"person:{person(demo_store, 'Lorraine Whitecloud').id}"
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        table = await _open(app, pilot, meeting)
        widths = {str(c.key.value): c.width for c in table.ordered_columns}
        assert widths == {"name": 23, "organization": 16, "seat": 25, "status": 28}
        assert _cells(table, "Lorraine Whitecloud")["status"] == f"for: {STAND_IN}"
        assert await _highlight(pilot, table, lorraine) == ""
        assert await _highlight(pilot, table, stand_in) == f"Seat: {SEAT}"
        assert "s Seat" in _bar(app) and "e Left early" in _bar(app)


async def test_a_listening_session_keeps_consent_in_the_bar_at_80(demo_store: Store) -> None:
    meeting = upcoming(demo_store)
    demo_store.save(meeting.model_copy(update={"kind": MeetingKind.LISTENING_SESSION}))
    live.open_meeting(demo_store, meeting.id)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(app, pilot, meeting)
        keys = _bar(app).split()
        for key in ("p", "l", "r", "s", "c", "esc"):
            assert key in keys
