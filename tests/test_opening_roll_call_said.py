"""The opening screen's roll call says what each key did and who is highlighted next: p (or l, r,
e) moves down the list, and the move is said, not a surprise."""

from __future__ import annotations

from textual.widgets import DataTable

from facilitate.models.enums import AttendanceStatus
from facilitate.services.run import attendance, live
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.screens.opening import OpeningScreen

from .conftest import TODAY
from .helpers.demo_lookup import upcoming


def _said(app: FacilitateApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


def _names(app: FacilitateApp) -> list[str]:
    table = app.screen.query_one("#attendance", DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


async def test_p_says_who_is_present_and_who_is_next(demo_store: Store) -> None:
    meeting = upcoming(demo_store)
    live.open_meeting(demo_store, meeting.id)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(OpeningScreen(meeting.id))
        await pilot.pause()
        names = _names(app)
        table = app.screen.query_one("#attendance", DataTable)
        table.move_cursor(row=1)
        await pilot.press("p")
        await pilot.pause()
        assert f"{names[1]} present; next: {names[2]}." in _said(app)
        assert table.cursor_row == 2
        await pilot.press("l")
        await pilot.pause()
        assert f"{names[2]} late; next: {names[3]}." in _said(app)


async def test_at_the_end_of_the_list_p_stays_and_says_so(demo_store: Store) -> None:
    meeting = upcoming(demo_store)
    live.open_meeting(demo_store, meeting.id)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(OpeningScreen(meeting.id))
        await pilot.pause()
        names = _names(app)
        table = app.screen.query_one("#attendance", DataTable)
        table.move_cursor(row=len(names) - 1)
        await pilot.press("p")
        await pilot.pause()
        assert f"{names[-1]} present; that was the last on the list." in _said(app)
        assert table.cursor_row == len(names) - 1
        statuses = {line.name: line.status for line in attendance.roster(demo_store, meeting.id)}
        assert statuses[names[-1]] is AttendanceStatus.PRESENT
