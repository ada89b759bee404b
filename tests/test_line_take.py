"""Line mode's `:take N`: an agenda item now, out of order, through the same rule as the live
screen (`live.take_item`); the item under way is paused and said so."""

from __future__ import annotations

from facilitate.line.session import LineSession
from facilitate.models import AgendaItem, Meeting, Note
from facilitate.models.enums import ItemState
from facilitate.services.plan import agenda
from facilitate.store import Store

from .helpers.demo_lookup import upcoming


def _session(store: Store) -> tuple[LineSession, Meeting, list[AgendaItem]]:
    meeting = upcoming(store)
    session = LineSession(store, meeting.id)
    session.start()  # opens it and starts its first item, as running it from the app does
    assert store.get(Meeting, meeting.id).current_item_id is not None
    return session, meeting, agenda.items(store, meeting.id)


def test_take_n_takes_that_item_and_says_which_was_paused(demo_store: Store) -> None:
    session, meeting, items = _session(demo_store)
    reply = session.handle(":take 3")
    assert reply.refused is None
    assert reply.lines[0].startswith(f"Item 3 of {len(items)}: {items[2].title}")
    assert reply.lines[1].startswith(f"Paused: 1. {items[0].title}, at ")
    assert reply.lines[1].endswith(":take 1 takes it up again.")
    session.handle("Court dates first, the chair says")
    note = demo_store.find(Note, meeting_id=meeting.id)[0]
    assert note.agenda_item_id == items[2].id
    # :items says which item is paused; :take 1 takes it up again.
    listed = session.handle(":items").lines
    assert listed[0].startswith(f"1. {items[0].title}, {items[0].minutes} min, paused at ")
    session.handle(":take 1")
    assert demo_store.get(Meeting, meeting.id).current_item_id == items[0].id
    assert demo_store.get(AgendaItem, items[2].id).state is ItemState.PENDING


def test_take_without_a_valid_number_is_refused_and_changes_nothing(demo_store: Store) -> None:
    session, meeting, items = _session(demo_store)
    for line in (":take", ":take budget", f":take {len(items) + 1}", ":take 0"):
        reply = session.handle(line)
        assert reply.refused == (
            f"say which item: :take N, N from 1 to {len(items)} (:items lists them)"
        ), line
    assert session.handle(":take 1").refused == f"“{items[0].title}” is already the item under way"
    assert demo_store.get(Meeting, meeting.id).current_item_id == items[0].id
    assert ":take N" in " ".join(session.handle(":help").lines)


def test_help_names_the_tokens_of_this_session(demo_store: Store) -> None:
    session, _meeting, _items = _session(demo_store)
    said = " ".join(session.handle(":help").lines)
    for token in ("moved:@a", "outcome:unanimous", "roll:@a=yes", "+theme", "re:listening#6"):
        assert token in said, token
