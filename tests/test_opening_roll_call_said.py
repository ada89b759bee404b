"""The opening screen's roll call says what each key did and who is highlighted next: p (or l, r,
e) moves down the list, and the move is said, not a surprise. It is said on the status line
under the roll call: a toast per key piled up over the roster and the ground rules."""

from __future__ import annotations

from textual.widgets import DataTable, Static

from facilitate.models import Meeting
from facilitate.models.enums import AttendanceStatus, MeetingStatus
from facilitate.services.run import attendance, live
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.feedback import TOAST_SECONDS
from facilitate.tui.screens.opening import OpeningScreen

from .conftest import TODAY
from .helpers.demo_lookup import upcoming


def _said(app: FacilitateApp) -> str:
    return str(app.screen.query_one("#opening-status", Static).render())


def _toasts(app: FacilitateApp) -> list[str]:
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
        assert _said(app) == f"{names[1]} present; next: {names[2]}."
        assert table.cursor_row == 2
        await pilot.press("l")
        await pilot.pause()
        assert _said(app) == f"{names[2]} late; next: {names[3]}."
        assert _toasts(app) == []


async def test_five_check_ins_raise_no_toast_the_line_says_the_last(demo_store: Store) -> None:
    meeting = upcoming(demo_store)
    live.open_meeting(demo_store, meeting.id)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(OpeningScreen(meeting.id))
        await pilot.pause()
        names = _names(app)
        status = app.screen.query_one("#opening-status", Static)
        assert not status.display, "nothing said before a key is pressed"
        await pilot.press("p", "p", "l", "p", "r")
        await pilot.pause()
        assert status.display
        assert _said(app) == f"{names[4]} regrets; next: {names[5]}."
        assert _toasts(app) == []
        assert status.region.bottom <= app.screen.query_one("#today-roles").region.y


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
        assert _said(app) == f"{names[-1]} present; that was the last on the list."
        assert table.cursor_row == len(names) - 1
        statuses = {line.name: line.status for line in attendance.roster(demo_store, meeting.id)}
        assert statuses[names[-1]] is AttendanceStatus.PRESENT


async def test_a_refused_check_in_is_a_short_warning_toast(demo_store: Store) -> None:
    approved = demo_store.find(Meeting, status=MeetingStatus.APPROVED, order_by="starts_at")[0]
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(OpeningScreen(approved.id))
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        toasts = list(app._notifications)
        assert len(toasts) == 1 and "approved" in str(toasts[0].message)
        assert toasts[0].severity == "error" and toasts[0].timeout == TOAST_SECONDS
        assert not app.screen.query_one("#opening-status", Static).display
