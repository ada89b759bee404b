"""Rules this session's change added that a review found no test holding: words after a bare
line-mode command are refused, moving an item writes only positions (another window's edit of
it stands), an item holding a report from another body is not deleted, and a roster name is
matched as names are everywhere (accents too)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from facilitate.line.session import LineSession
from facilitate.models import AgendaItem, Body, Note, Person
from facilitate.models.tiers import ReportUp
from facilitate.services.plan import agenda
from facilitate.services.plan.agenda import AgendaError
from facilitate.services.run import attendance
from facilitate.store import Store

from .helpers.demo_lookup import upcoming


def test_undo_with_words_after_it_is_refused_and_undoes_nothing(demo_store: Store) -> None:
    meeting = upcoming(demo_store)
    session = LineSession(demo_store, meeting.id)
    session.start()
    session.handle("a first note")
    session.handle("a second note")
    before = demo_store.count(Note, meeting_id=meeting.id)
    reply = session.handle(":undo 3")
    assert reply.refused == "nothing follows this command (“3”); :help lists them"
    assert demo_store.count(Note, meeting_id=meeting.id) == before


def test_moving_an_item_keeps_another_windows_edit_of_it(demo_store: Store) -> None:
    meeting = upcoming(demo_store)
    first, second, *_ = agenda.items(demo_store, meeting.id)
    other = Store.open(demo_store.path)  # the co-facilitator's window
    try:
        renamed = other.get(AgendaItem, second.id)
        renamed.title = "Renamed in the other window"
        other.update_fields(renamed, ["title"])
    finally:
        other.close()
    written: list[str] = []
    demo_store.conn.set_trace_callback(written.append)
    try:
        ordered = agenda.move_item(demo_store, second.id, -1)
    finally:
        demo_store.conn.set_trace_callback(None)
    assert [i.id for i in ordered[:2]] == [second.id, first.id]
    # Only the positions are written: a title edited meanwhile in the other window cannot be
    # written back over by this one.
    updates = [sql for sql in written if sql.startswith("UPDATE agenda_items")]
    assert updates and all(" title" not in sql for sql in updates), updates
    assert demo_store.get(AgendaItem, second.id).title == "Renamed in the other window"


def test_an_item_holding_a_report_from_another_body_is_not_deleted(demo_store: Store) -> None:
    meeting = upcoming(demo_store)
    item = agenda.items(demo_store, meeting.id)[-1]
    body_ids = [b.id for b in demo_store.find(Body)][:2]
    demo_store.insert(
        ReportUp(
            from_body_id=body_ids[0],
            to_body_id=body_ids[1],
            meeting_id=meeting.id,
            agenda_item_id=item.id,
            covers_until=datetime(2026, 11, 1, tzinfo=UTC),
        )
    )
    with pytest.raises(AgendaError, match="holds a report accepted from another body"):
        agenda.delete_item(demo_store, item.id)
    assert demo_store.get(AgendaItem, item.id).title == item.title


def test_a_roster_name_typed_without_its_accent_is_found(store: Store) -> None:
    store.insert(Person(name="José  Ruiz"))
    found = attendance.on_roster(store, "jose ruiz")
    assert found is not None and found.name == "José  Ruiz"
    assert attendance.on_roster(store, "Josefa Ruiz") is None
