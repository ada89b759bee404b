"""m on a meeting planned for another day, answered y, moves it to today (Home and the meetings
screen ask the same question and apply the same rule)."""

from __future__ import annotations

from datetime import datetime

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable

from facilitate.models import Meeting
from facilitate.models.enums import MeetingStatus
from facilitate.services.record import settings
from facilitate.services.record.wording import wall_clock
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.confirm import ConfirmDialog
from facilitate.tui.screens.live import LiveMeetingScreen
from facilitate.tui.screens.meetings import MeetingsScreen

from .conftest import TODAY
from .test_minutes import demo_meetings


def _notes(app: FacilitateApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


def _opened_on_today(meeting: Meeting) -> datetime:
    """The start a meeting moved to TODAY gets: the UTC minute it was opened, on TODAY."""
    assert meeting.opened_at is not None
    return datetime.combine(TODAY, wall_clock(meeting.opened_at, "UTC"))


@pytest.fixture(autouse=True)
def meetings_in_utc(demo_store: Store) -> None:
    """The partnership's wall clocks read UTC, so the expected start does not depend on where
    the tests run."""
    settings.set_setting(demo_store, settings.TIME_ZONE, "UTC")


async def _highlight(pilot: Pilot[None], table: DataTable[object], key: str) -> None:
    """Move the cursor down to the row of `key`, as a person does with the arrow keys."""
    table.focus()
    for _ in range(table.row_count):
        if table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value == key:
            return
        await pilot.press("down")
    raise AssertionError(f"no row {key}")


async def test_m_then_y_on_home_moves_the_meeting_to_today(demo_store: Store) -> None:
    november = demo_meetings(demo_store)["november"]  # planned Sun Nov 29, 13:00
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await _highlight(pilot, app.screen.query_one("#upcoming", DataTable), november.id)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert app.screen.question == (
            f"“{november.title}” is planned for Sun Nov 29. Hold it today, Sun Nov 22, "
            "instead? It moves to today and starts now."
        )
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, LiveMeetingScreen)
        held = demo_store.get(Meeting, november.id)
        assert held.status is MeetingStatus.LIVE
        # Started when opened, to the minute, on TODAY (not the planned 13:00).
        assert held.starts_at == _opened_on_today(held)
        assert "Moved to today, Sun Nov 22." in _notes(app)


async def test_n_leaves_it_planned_on_its_day(demo_store: Store) -> None:
    november = demo_meetings(demo_store)["november"]
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await _highlight(pilot, app.screen.query_one("#upcoming", DataTable), november.id)
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert not isinstance(app.screen, (ConfirmDialog, LiveMeetingScreen))
        assert demo_store.get(Meeting, november.id) == november


async def test_m_on_the_meetings_screen_asks_and_moves_the_same(demo_store: Store) -> None:
    november = demo_meetings(demo_store)["november"]
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, MeetingsScreen)
        await _highlight(pilot, app.screen.query_one("#meetings", DataTable), november.id)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert app.screen.question == (
            f"“{november.title}” is planned for Sun Nov 29. Hold it today, Sun Nov 22, "
            "instead? It moves to today and starts now."
        )
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, LiveMeetingScreen)
        held = demo_store.get(Meeting, november.id)
        assert held.starts_at == _opened_on_today(held)
        assert "Moved to today, Sun Nov 22." in _notes(app)
