"""The live meeting as drawn at the sizes of the laptops in the room (pytest-textual-snapshot).

The meeting is opened, and its entries taken, at fixed times, and the screen reads a fixed clock,
so the pictures do not change with the day or the speed of the machine. A change to what the
live screen shows fails here until the new pictures are looked at and accepted with
``pytest --snapshot-update tests/test_snapshots_live.py``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import pytest
from textual.pilot import Pilot

from facilitate.models import Meeting, Note
from facilitate.models.enums import MeetingStatus
from facilitate.services.plan import agenda
from facilitate.services.run import capture, live
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.screens.live import LiveMeetingScreen

from .conftest import TODAY

SnapCompare = Callable[..., bool]
OPENED = datetime(TODAY.year, TODAY.month, TODAY.day, 14, 0, tzinfo=UTC)
NOW = OPENED + timedelta(minutes=23, seconds=15)
LONG = (
    "Families told the outreach team that evening sessions at the library would let working "
    "parents come, and that childcare on site matters more than the time of day"
)


@pytest.fixture(autouse=True)
def utc_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Entry times are shown in local time: the pictures are drawn in UTC wherever they run."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def live_meeting(store: Store) -> str:
    """A meeting 23 minutes in, its second item running, with notes, a decision and actions."""
    meeting = next(
        m
        for m in store.find(Meeting, order_by="starts_at")
        if m.status == MeetingStatus.PLANNED and m.title.startswith("Steering")
    )
    items = agenda.items(store, meeting.id)
    live.open_meeting(store, meeting.id, now=OPENED)
    live.start_item(store, items[0].id, now=OPENED)
    live.start_item(store, items[1].id, now=OPENED + timedelta(minutes=15))
    lines = [
        LONG,
        "/d Adopt the shared referral form method:consensus",
        "/a Draft the MOU with the county @dana due:12/5",
        "Court liaison will join from January",
        "/a Book the library room for evening sessions @keisha due:fri",
        "/p Transport costs for families @dana",
        "Keisha to check interpreter budget with the county before the next meeting",
    ]
    for n, line in enumerate(lines):
        saved = capture.capture_line(store, meeting.id, line).entry
        assert saved is not None, line
        at = OPENED + timedelta(minutes=16 + n)
        store.save(saved.model_copy(update={"created_at": at}))
    assert store.count(Note, meeting_id=meeting.id) == 3
    return meeting.id


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (120, 40), (200, 60)])
def test_live_meeting_at_each_size(
    demo_store: Store, snap_compare: SnapCompare, size: tuple[int, int]
) -> None:
    meeting_id = live_meeting(demo_store)

    async def open_live(pilot: Pilot[None]) -> None:
        await pilot.app.push_screen(LiveMeetingScreen(meeting_id, now=lambda: NOW))
        await pilot.pause()

    app = FacilitateApp(demo_store, today=TODAY)
    assert snap_compare(app, terminal_size=size, run_before=open_live)
