"""Reads remembered between keystrokes (the meeting, who is in the room) are never stale: a write
by this store or a commit by another window makes the next capture read them again."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from facilitate.models import ActionItem, Meeting, Note, Organization, Person
from facilitate.models.enums import MeetingStatus, OrgKind
from facilitate.services.plan import agenda
from facilitate.services.run import attendance, capture, live
from facilitate.services.run.capture import CaptureError
from facilitate.services.run.entry_feed import entries_since
from facilitate.store import Store, queries

from .helpers.demo_lookup import person, upcoming

DAY = date(2026, 11, 29)
T0 = datetime(2026, 11, 29, 21, 0, tzinfo=UTC)


# -- Store.remember ---------------------------------------------------------------------------


class Counting:
    """A read that counts how often it really ran."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.runs = 0

    def __call__(self) -> int:
        self.runs += 1
        return self.store.count(Organization)


def _remembered(store: Store, read: Counting) -> int:
    return store.remember("organizations", ["organizations"], read)


def test_a_remembered_read_runs_once_while_nothing_changes(store: Store) -> None:
    read = Counting(store)
    assert [_remembered(store, read) for _ in range(3)] == [0, 0, 0]
    assert read.runs == 1


def test_a_write_to_the_tables_read_makes_it_run_again(store: Store) -> None:
    read = Counting(store)
    _remembered(store, read)
    store.insert(Organization(name="Harbor County CFS", kind=OrgKind.AGENCY))
    assert _remembered(store, read) == 1
    assert read.runs == 2


def test_a_write_to_another_table_keeps_it(store: Store) -> None:
    read = Counting(store)
    _remembered(store, read)
    store.insert(Person(name="Someone Else"))
    _remembered(store, read)
    assert read.runs == 1


def test_a_commit_by_another_connection_makes_it_run_again(store: Store, db_path: Path) -> None:
    read = Counting(store)
    _remembered(store, read)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute(
        "INSERT INTO organizations (id, created_at, updated_at, name, kind) "
        "VALUES ('o1', '2026-11-22T00:00:00Z', '2026-11-22T00:00:00Z', 'Tribe', 'tribe')"
    )
    other.close()
    assert _remembered(store, read) == 1
    assert read.runs == 2


def test_a_write_rolled_back_still_makes_it_run_again(store: Store) -> None:
    read = Counting(store)
    _remembered(store, read)
    with pytest.raises(RuntimeError), store.transaction():
        store.insert(Organization(name="Gone", kind=OrgKind.OTHER))
        raise RuntimeError("abandon")
    assert _remembered(store, read) == 0
    assert read.runs == 2


# -- capture through remembered reads ---------------------------------------------------------


@pytest.fixture
def meeting(demo_store: Store) -> Meeting:
    found = upcoming(demo_store)
    attendance.check_in(demo_store, found.id, person(demo_store, "Dana Whitfield").id)
    live.open_meeting(demo_store, found.id, now=T0)
    live.start_item(demo_store, agenda.items(demo_store, found.id)[0].id, now=T0)
    return demo_store.get(Meeting, found.id)


@pytest.fixture
def other_window(demo_store: Store, db_path: Path) -> Iterator[Store]:
    """The same file opened by a second Store, as a co-facilitator's window would."""
    opened = Store.open(db_path)
    yield opened
    opened.close()


def _action(store: Store, meeting: Meeting, line: str) -> ActionItem:
    result = capture.capture_line(store, meeting.id, line, DAY)
    assert isinstance(result.entry, ActionItem)
    return result.entry


def test_a_guest_checked_in_after_an_action_can_own_the_next(
    demo_store: Store, meeting: Meeting
) -> None:
    first = _action(demo_store, meeting, "/a Book the room @rosa due:fri")
    assert first.owner_text == "rosa"  # nobody called Rosa yet
    attendance.add_guest(demo_store, meeting.id, "Rosa Delgado")
    second = _action(demo_store, meeting, "/a Send the flyer @rosa due:fri")
    assert second.owner_text == "Rosa Delgado"


def test_a_guest_checked_in_in_the_other_window_is_found(
    demo_store: Store, meeting: Meeting, other_window: Store
) -> None:
    _action(demo_store, meeting, "/a Book the room @rosa due:fri")
    attendance.add_guest(other_window, meeting.id, "Rosa Delgado")
    assert _action(demo_store, meeting, "/a Send the flyer @rosa").owner_text == "Rosa Delgado"


def test_notes_follow_the_item_the_other_window_moved_to(
    demo_store: Store, meeting: Meeting, other_window: Store
) -> None:
    items = agenda.items(demo_store, meeting.id)
    capture.capture_line(demo_store, meeting.id, "on the first item", DAY)
    live.start_item(other_window, items[1].id, now=T0)
    result = capture.capture_line(demo_store, meeting.id, "on the second item", DAY)
    assert isinstance(result.entry, Note)
    assert result.entry.agenda_item_id == items[1].id


def test_capture_stops_once_the_other_window_approves_the_minutes(
    demo_store: Store, meeting: Meeting, other_window: Store
) -> None:
    capture.capture_line(demo_store, meeting.id, "before approval", DAY)
    approved = other_window.get(Meeting, meeting.id)
    approved.status = MeetingStatus.APPROVED
    other_window.save(approved)
    with pytest.raises(CaptureError, match="approved"):
        capture.capture_line(demo_store, meeting.id, "after approval", DAY)


def test_a_poll_with_nothing_new_keeps_its_cursor_and_sees_the_next_entry(
    demo_store: Store, meeting: Meeting, other_window: Store
) -> None:
    first = entries_since(demo_store, meeting.id)
    again = entries_since(demo_store, meeting.id, first.cursor)
    assert again.is_empty and again.cursor is first.cursor  # nothing was read again
    theirs = capture.capture_line(other_window, meeting.id, "from the other window", DAY).entry
    assert theirs is not None
    batch = entries_since(demo_store, meeting.id, again.cursor)
    assert [e.id for e in batch.changed] == [theirs.id]
    mine = capture.capture_line(demo_store, meeting.id, "from this window", DAY).entry
    assert mine is not None
    # An entry this window saved itself is not reported back, though the poll reads again.
    after = entries_since(demo_store, meeting.id, batch.cursor.including(mine))
    assert after.is_empty and after.cursor is not batch.cursor


def test_the_room_is_remembered_against_every_table_its_query_reads(
    demo_store: Store, meeting: Meeting
) -> None:
    """PEOPLE_AT_MEETING_TABLES must name each table the query reads, or a change to one of them
    would leave the remembered room stale; SQLite's authorizer reports what is read."""
    read: set[str] = set()

    def note_reads(action: int, table: str | None, *_: object) -> int:
        if action == sqlite3.SQLITE_READ and table:
            read.add(table)
        return sqlite3.SQLITE_OK

    demo_store.db.conn.set_authorizer(note_reads)
    try:
        queries.people_at_meeting(demo_store, meeting.id, DAY)
    finally:
        demo_store.db.conn.set_authorizer(None)
    assert read == set(queries.PEOPLE_AT_MEETING_TABLES)


def test_the_quorum_rule_declares_every_table_it_reads(demo_store: Store) -> None:
    """The remembered quorum (a snapshot on every decision) is redone when any table the rule
    reads changes: QUORUM_TABLES must name each one; SQLite's authorizer reports what is read."""
    import sqlite3

    from facilitate.services import quorum

    meeting = upcoming(demo_store)
    read: set[str] = set()

    def note_reads(action: int, table: str | None, *_: object) -> int:
        if action == sqlite3.SQLITE_READ and table:
            read.add(table)
        return sqlite3.SQLITE_OK

    demo_store.db.conn.set_authorizer(note_reads)
    try:
        quorum._quorum(demo_store, meeting.id, None)
    finally:
        demo_store.db.conn.set_authorizer(None)
    assert read == set(quorum.QUORUM_TABLES)


def test_a_read_remembered_inside_a_rolled_back_transaction_is_read_again(
    demo_store: Store,
) -> None:
    """Inside a transaction a remembered read sees its own writes; after ROLLBACK they never
    happened, so the next call must not be served the value that saw them."""
    from facilitate.models import Meeting

    meeting = demo_store.find(Meeting, limit=1)[0]
    title = meeting.title

    def read() -> str:
        return demo_store.get(Meeting, meeting.id).title

    try:
        with demo_store.transaction():
            changed = demo_store.get(Meeting, meeting.id)
            changed.title = "Rolled back"
            demo_store.update_fields(changed, ["title"])
            assert demo_store.remember("title", (Meeting.table,), read) == "Rolled back"
            raise RuntimeError("the save failed")
    except RuntimeError:
        pass
    assert demo_store.remember("title", (Meeting.table,), read) == title
