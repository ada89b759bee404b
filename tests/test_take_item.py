"""Taking agenda items in any order (issue #17), through the services against a real file: the
item under way is paused, not finished; its clock counts only the time it was current."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from facilitate.models import AgendaItem, Meeting, Note
from facilitate.models.enums import ItemState
from facilitate.services.plan import agenda
from facilitate.services.run import capture, closing, live
from facilitate.services.run.live import LiveError
from facilitate.store import Store

from .helpers.demo_lookup import upcoming

T0 = datetime(2026, 11, 29, 21, 0, tzinfo=UTC)


def minutes(n: float) -> datetime:
    return T0 + timedelta(minutes=n)


Running = tuple[Store, Meeting, list[AgendaItem]]


@pytest.fixture
def running(demo_store: Store) -> Running:
    meeting = upcoming(demo_store)
    live.open_meeting(demo_store, meeting.id, now=T0)
    items = agenda.items(demo_store, meeting.id)
    live.start_item(demo_store, items[0].id, now=minutes(0))
    return demo_store, meeting, items


def test_taking_an_item_out_of_order_pauses_the_one_under_way(running: Running) -> None:
    store, meeting, items = running
    capture.capture_line(store, meeting.id, "Welcome, everyone")
    taken = live.take_item(store, items[3].id, now=minutes(4))

    assert taken.view.meeting.current_item_id == items[3].id
    assert taken.paused is not None and taken.paused.id == items[0].id
    paused = store.get(AgendaItem, items[0].id)
    # Pending again, with its start kept and its clock stopped where it was.
    assert (paused.state, paused.started_at, paused.ended_at) == (
        ItemState.PENDING,
        minutes(0),
        minutes(4),
    )
    assert live.is_paused(paused)
    assert live.item_timer(paused, minutes(30)).elapsed == timedelta(minutes=4)
    # What was captured stays under it; what is captured now goes under the item taken.
    capture.capture_line(store, meeting.id, "Budget first, the chair asks")
    notes = {n.text: n.agenda_item_id for n in store.find(Note, meeting_id=meeting.id)}
    assert notes == {
        "Welcome, everyone": items[0].id,
        "Budget first, the chair asks": items[3].id,
    }


def test_a_paused_item_is_not_asked_about_at_closing_as_never_taken(running: Running) -> None:
    store, meeting, items = running
    live.take_item(store, items[3].id, now=minutes(4))
    never_taken = [i.id for i in closing.untaken(store, meeting.id)]
    assert items[0].id not in never_taken and items[3].id not in never_taken
    assert items[1].id in never_taken


def test_a_resumed_item_counts_only_the_time_it_was_current(running: Running) -> None:
    store, meeting, items = running
    live.take_item(store, items[3].id, now=minutes(4))  # item 1 ran 4 minutes
    view = live.take_item(store, items[0].id, now=minutes(11)).view  # item 4 ran 7
    assert view.current is not None and view.current.id == items[0].id
    later = live.live_view(store, meeting.id, now=minutes(13))
    assert later.item_timer is not None
    assert later.item_timer.elapsed == timedelta(minutes=6)  # 4 before, 2 since
    assert later.item_timer.running
    fourth = store.get(AgendaItem, items[3].id)
    assert live.item_timer(fourth, minutes(13)).elapsed == timedelta(minutes=7)
    # Twice away, twice resumed: still only its own time.
    live.take_item(store, items[3].id, now=minutes(20))  # item 1 has 13 minutes now
    live.take_item(store, items[0].id, now=minutes(25))
    again = live.live_view(store, meeting.id, now=minutes(26))
    assert again.item_timer is not None and again.item_timer.elapsed == timedelta(minutes=14)
    # Its start stays its first take (the minutes' order); the time away is kept beside it.
    first = store.get(AgendaItem, items[0].id)
    assert (first.started_at, first.paused_seconds) == (minutes(0), 12 * 60)


def test_the_agenda_left_counts_only_what_a_paused_item_has_left(running: Running) -> None:
    store, meeting, items = running
    first = items[0]
    live.take_item(store, items[3].id, now=minutes(4))
    view = live.live_view(store, meeting.id, now=minutes(4))
    open_items = [i for i in view.items if i.state in (ItemState.PENDING, ItemState.ACTIVE)]
    booked = sum(
        (timedelta(minutes=i.minutes + i.extended_minutes) for i in open_items), start=timedelta(0)
    )
    assert view.meeting_timer.agenda_left == booked - timedelta(minutes=4)
    assert live.item_timer(store.get(AgendaItem, first.id), minutes(4)).remaining == timedelta(
        minutes=first.minutes - 4
    )


def test_next_item_moves_on_from_the_item_taken_and_comes_back_to_the_paused_one(
    running: Running,
) -> None:
    store, meeting, items = running
    last = items[-1]
    live.take_item(store, last.id, now=minutes(2))
    # After the last item of the agenda, the first pending one: the paused item 1.
    view = live.next_item(store, meeting.id, last.id, now=minutes(5))
    assert view.current is not None and view.current.id == items[0].id
    assert store.get(AgendaItem, last.id).state is ItemState.DONE
    assert view.item_timer is not None and view.item_timer.elapsed == timedelta(minutes=2)


def test_taking_the_item_under_way_or_in_a_meeting_not_running_is_refused(
    running: Running,
) -> None:
    store, meeting, items = running
    with pytest.raises(LiveError, match="already the item under way"):
        live.take_item(store, items[0].id, now=minutes(1))
    closing.close_meeting(store, meeting.id, now=minutes(2))
    with pytest.raises(LiveError, match="not running"):
        live.take_item(store, items[1].id, now=minutes(3))
    assert store.get(AgendaItem, items[1].id).started_at is None


def test_taking_an_item_keeps_what_the_other_window_wrote_meanwhile(running: Running) -> None:
    store, meeting, items = running
    # The other window gave the item under way more time just before this one takes item 4.
    live.extend_item(store, items[0].id, 5, now=minutes(3))
    live.take_item(store, items[3].id, now=minutes(4))
    assert store.get(AgendaItem, items[0].id).extended_minutes == 5
    assert store.get(Meeting, meeting.id).opened_at == T0
