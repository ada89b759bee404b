"""Two copies of one record, hundreds of random operations on each, merged both ways.

Captures, corrections (often of the same entries on both laptops), removals (undo), check-ins and
status changes of meetings and actions all go through the app's own services. Whatever they were:
merging A into B and B into A gives the same record, no entry captured on either side is lost
(it is there, or removed with its whole record kept), the search index and foreign keys are in
step, and merging again changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TypeVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitate.models import ActionItem, Decision, Meeting, Note, ParkingLotItem, Person
from facilitate.models.enums import ActionStatus, AttendanceStatus, MeetingStatus
from facilitate.services.demo import build_demo
from facilitate.services.run import attendance, capture, closing, corrections, follow_through, live
from facilitate.services.sync.incoming import merge_database
from facilitate.store import Store

from .conftest import TODAY
from .test_sync_support import copy_record, entry_ids, logical, problems, removed_ids

Op = tuple[object, ...]

TEXT = st.text(alphabet="abcdefgh ijk", min_size=1, max_size=12).filter(lambda t: t.strip())
INDEX = st.integers(0, 10_000)
OPERATION = st.one_of(
    st.tuples(st.sampled_from(["note", "decision", "action", "parking"]), INDEX, TEXT),
    st.tuples(st.just("correct"), INDEX, TEXT),
    st.tuples(st.just("undo"), INDEX),
    st.tuples(st.just("check_in"), INDEX, INDEX, st.sampled_from(list(AttendanceStatus))),
    st.tuples(st.sampled_from(["open", "close"]), INDEX),
    st.tuples(
        st.just("action_status"),
        INDEX,
        st.sampled_from([ActionStatus.DONE, ActionStatus.IN_PROGRESS, ActionStatus.BLOCKED]),
    ),
)
OPERATIONS = st.lists(OPERATION, min_size=150, max_size=300)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "record.db"
    store = Store.open(path)
    build_demo(store, TODAY)
    store.close()
    return path


T = TypeVar("T")


def _pick(items: Sequence[T], index: object) -> T:
    assert isinstance(index, int)
    return items[index % len(items)]


def _add(store: Store, kind: str, meeting_id: str, text: str) -> str:
    if kind == "note":
        return capture.add_note(store, meeting_id, text).id
    if kind == "decision":
        return capture.add_decision(store, meeting_id, text).id
    if kind == "action":
        return capture.add_action(store, meeting_id, text).id
    return capture.add_parking(store, meeting_id, text).id


def _meetings(store: Store) -> list[Meeting]:
    """Meetings that still take entries, in a stable order."""
    found = [m for m in store.find(Meeting) if m.status is not MeetingStatus.APPROVED]
    return sorted(found, key=lambda m: (m.starts_at, m.title))


def _run(store: Store, op: Op, captured: set[str]) -> None:
    meetings = _meetings(store)
    name = op[0]
    if name in ("note", "decision", "action", "parking"):
        captured.add(_add(store, str(name), _pick(meetings, op[1]).id, str(op[2])))
    elif name == "correct":
        entries = sorted(
            (e for m in meetings for e in capture.entries(store, m.id)),
            key=lambda e: (e.text, e.created_at),
        )
        if entries:
            entry = _pick(entries, op[1])
            assert isinstance(entry, Note | Decision | ActionItem | ParkingLotItem)
            corrections.correct_entry(store, entry, {"text": f"{entry.text} {op[2]}"})
    elif name == "undo":
        meeting = _pick(meetings, op[1])
        assert isinstance(meeting, Meeting)
        corrections.undo_last(store, meeting.id)
    elif name == "check_in":
        meeting = _pick(meetings, op[1])
        person = _pick(sorted(store.find(Person), key=lambda p: p.name), op[2])
        assert isinstance(meeting, Meeting) and isinstance(person, Person)
        status = op[3]
        assert isinstance(status, AttendanceStatus)
        attendance.check_in(store, meeting.id, person.id, status)
    elif name == "open":
        meeting = _pick(meetings, op[1])
        assert isinstance(meeting, Meeting)
        live.open_meeting(store, meeting.id)
    elif name == "close":
        meeting = _pick(meetings, op[1])
        assert isinstance(meeting, Meeting)
        closing.close_meeting(store, meeting.id)
    elif name == "action_status":
        actions = sorted(store.find(ActionItem), key=lambda a: (a.text, a.created_at))
        action = _pick(actions, op[1])
        assert isinstance(action, ActionItem)
        status = op[2]
        assert isinstance(status, ActionStatus)
        follow_through.update_action(store, action.id, status, note="from the property test")


def _play(path: Path, ops: Sequence[Op]) -> set[str]:
    """Run every operation on the file; the ones the app refuses in that state are skipped,
    as a person would be told and move on. Returns the ids of the entries captured."""
    captured: set[str] = set()
    store = Store.open(path)
    try:
        for op in ops:
            try:
                _run(store, op, captured)
            except ValueError:
                continue
    finally:
        store.close()
    return captured


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(ops_a=OPERATIONS, ops_b=OPERATIONS)
def test_merging_both_ways_gives_one_record_and_loses_nothing(
    template: Path, tmp_path_factory: pytest.TempPathFactory, ops_a: list[Op], ops_b: list[Op]
) -> None:
    folder = tmp_path_factory.mktemp("laptops")
    a = copy_record(template, folder / "a.db")
    b = copy_record(template, folder / "b.db")
    captured = _play(a, ops_a) | _play(b, ops_b)
    a_before = copy_record(a, folder / "a-as-it-was.db")
    b_before = copy_record(b, folder / "b-as-it-was.db")

    merge_database(a, b_before)
    merge_database(b, a_before)

    merged = logical(a)
    assert merged == logical(b)
    lost = captured - entry_ids(a) - removed_ids(a)
    assert lost == set()
    assert problems(a) == []
    again = merge_database(a, b)
    assert again.nothing_to_do, again.lines()
    assert logical(a) == merged
