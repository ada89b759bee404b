"""A tabled motion counts as taken up by the link its carry-over item keeps, not by the item's
words: renaming the item keeps it taken up, an item typed with the same words takes nothing up,
and items put on agendas before links were kept still count."""

from __future__ import annotations

from facilitate.models import AgendaItem, Decision, EntryLink, Meeting
from facilitate.models.enums import DecisionOutcome, Purpose
from facilitate.services.plan import agenda
from facilitate.services.plan.carry_over import (
    TAKE_UP_OUTCOME,
    TAKEN_UP,
    accept_carry_over,
    carry_over_offer,
    tabled_title,
)
from facilitate.store import Store

from .test_minutes import demo_meetings

CALENDAR = "Adopt the 2027 meeting calendar"


def _tabled(store: Store) -> tuple[Decision, Meeting]:
    """A motion tabled in October, and the November meeting that may take it up."""
    meetings = demo_meetings(store)
    motion = store.insert(
        Decision(meeting_id=meetings["october"].id, text=CALENDAR, outcome=DecisionOutcome.TABLED)
    )
    return motion, meetings["november"]


def _owed(store: Store, meeting: Meeting) -> bool:
    return CALENDAR in [d.text for d in carry_over_offer(store, meeting).tabled]


def _take_up(store: Store, motion: Decision, meeting: Meeting) -> AgendaItem:
    offer = carry_over_offer(store, meeting)
    items = accept_carry_over(
        store, meeting.id, offer, action_ids=(), parking_ids=(), continued_ids={motion.id}
    )
    [item] = [i for i in items if i.title == tabled_title(motion)]
    return item


def test_taking_a_motion_up_links_it_to_its_item(demo_store: Store) -> None:
    motion, november = _tabled(demo_store)
    item = _take_up(demo_store, motion, november)
    [link] = demo_store.find(EntryLink, note=TAKEN_UP)
    assert (link.from_table, link.from_id) == (Decision.table, motion.id)
    assert (link.to_table, link.to_id) == (AgendaItem.table, item.id)


def test_a_renamed_item_still_holds_the_motion_it_took_up(demo_store: Store) -> None:
    motion, november = _tabled(demo_store)
    item = _take_up(demo_store, motion, november)
    item.title = "The 2027 calendar (from October)"
    agenda.update_fields(demo_store, item, ["title"])
    assert not _owed(demo_store, november)


def test_an_item_typed_with_the_same_words_takes_nothing_up(demo_store: Store) -> None:
    motion, november = _tabled(demo_store)
    agenda.add_item(demo_store, november.id, tabled_title(motion), purpose=Purpose.DECIDE)
    assert _owed(demo_store, november)


def test_an_item_from_before_links_were_kept_still_counts(demo_store: Store) -> None:
    motion, november = _tabled(demo_store)
    # As carry-over wrote it before it kept links: the title and its desired outcome, no link.
    agenda.add_item(
        demo_store,
        november.id,
        tabled_title(motion),
        purpose=Purpose.DECIDE,
        desired_outcome=TAKE_UP_OUTCOME,
    )
    assert demo_store.count(EntryLink, note=TAKEN_UP) == 0
    assert not _owed(demo_store, november)


def test_a_deleted_item_makes_the_motion_owed_again(demo_store: Store) -> None:
    motion, november = _tabled(demo_store)
    item = _take_up(demo_store, motion, november)
    agenda.delete_item(demo_store, item.id)
    assert _owed(demo_store, november)
    # The link went with the item: nothing names a row that is gone.
    assert not demo_store.find(EntryLink, to_table=AgendaItem.table, to_id=item.id)
