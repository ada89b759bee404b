"""The closing question (issue #17): an item never stepped through in the live screen is asked
about at closing (taken? not reached? moved to the next meeting?), never assumed. The list
itself is tested in test_closing_untaken_list.py."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from facilitate.models import AgendaItem, Meeting
from facilitate.models.enums import ItemState, MeetingStatus
from facilitate.services.run import closing, live
from facilitate.services.run.live import LiveError
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.untaken import UntakenDialog
from facilitate.tui.screens.closing import ClosingScreen

from .conftest import TODAY
from .helpers.demo_lookup import upcoming


def _items(store: Store, meeting: Meeting) -> list[AgendaItem]:
    return store.find(AgendaItem, meeting_id=meeting.id, order_by="position")


def _running(store: Store) -> Meeting:
    """The demo's steering meeting, opened, its second item taken (the first is stepped past)."""
    meeting = upcoming(store)
    live.open_meeting(store, meeting.id)
    first, second = _items(store, meeting)[:2]
    live.start_item(store, first.id)
    live.next_item(store, meeting.id, first.id)
    assert store.get(AgendaItem, second.id).state is ItemState.ACTIVE
    return meeting


async def _closing(app: FacilitateApp, pilot: Pilot[None], meeting: Meeting) -> None:
    app.push_screen(ClosingScreen(meeting.id))
    await pilot.pause()
    await pilot.press("ctrl+k")
    await pilot.pause()


async def test_escape_leaves_the_meeting_open_and_nothing_assumed(demo_store: Store) -> None:
    meeting = _running(demo_store)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await _closing(app, pilot, meeting)
        assert isinstance(app.screen, UntakenDialog)
        await pilot.press("t", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ClosingScreen)
        assert any("needs an answer" in str(n.message) for n in app._notifications)
        # "Not yet": the answer given waits for the next ctrl+k, not written yet.
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert isinstance(app.screen, UntakenDialog)
        assert len(app.screen.given) == 1
    assert demo_store.get(Meeting, meeting.id).status is MeetingStatus.LIVE
    assert all(i.state is ItemState.PENDING for i in _items(demo_store, meeting)[2:])


def test_an_item_started_meanwhile_keeps_its_own_state(demo_store: Store) -> None:
    meeting = _running(demo_store)
    third = _items(demo_store, meeting)[2]
    live.start_item(demo_store, third.id)  # the other window took it up
    kept = closing.settle_untaken(demo_store, third.id, ItemState.NOT_REACHED)
    assert kept.state is ItemState.ACTIVE
    with pytest.raises(LiveError, match="one of: taken, not reached, moved to the next meeting"):
        closing.settle_untaken(demo_store, third.id, ItemState.PARKED)
