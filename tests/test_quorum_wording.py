"""Quorum in the same words in the room (the opening screen, `attendance list`) and in the
minutes: one rule says it (services/quorum.py `said`)."""

from __future__ import annotations

from datetime import UTC, datetime

from facilitate.models import (
    Body,
    Decision,
    Meeting,
    MeetingSeries,
    Membership,
    Organization,
    Person,
)
from facilitate.models.enums import Visibility
from facilitate.services.quorum import quorum
from facilitate.services.record.minutes import build_minutes
from facilitate.services.record.quorum_words import sentence
from facilitate.services.run import attendance, capture, live
from facilitate.store import Store

STARTS = datetime(2026, 11, 22, 18, 0)
ARRIVED = datetime(2026, 11, 22, 17, 55, tzinfo=UTC)
OPENED = datetime(2026, 11, 22, 18, 0, tzinfo=UTC)


def _meeting(store: Store, present: int, *, required: bool = False) -> Meeting:
    """A body of eight needing four, `present` members checked in; with `required`, an
    organization that must be at the table and is not."""
    tribe = store.insert(Organization(name="River Nation ICWA", short_name="RN ICWA"))
    body = store.insert(
        Body(
            name="Steering Committee",
            quorum_count=4,
            quorum_organization_ids=[tribe.id] if required else [],
        )
    )
    series = store.insert(MeetingSeries(body_id=body.id, name="Steering (monthly)"))
    meeting = store.insert(Meeting(series_id=series.id, title="Steering", starts_at=STARTS))
    for n in range(8):
        person = store.insert(Person(name=f"Member {n + 1}"))
        store.insert(Membership(body_id=body.id, person_id=person.id))
        if n < present:
            attendance.check_in(store, meeting.id, person.id, now=ARRIVED)
    return meeting


def _minutes_summary(store: Store, meeting: Meeting) -> str:
    doc = build_minutes(store, meeting.id, Visibility.PARTNERS)
    assert doc.quorum is not None
    return doc.quorum.summary


def test_the_room_and_the_minutes_say_quorum_alike(store: Store) -> None:
    meeting = _meeting(store, present=6)
    live.open_meeting(store, meeting.id, now=OPENED)
    said = sentence(quorum(store, meeting.id))
    assert said == "Quorum met: 6 members present (4 needed)."
    assert said == _minutes_summary(store, meeting)


def test_a_missing_organization_is_named_in_the_minutes_words(store: Store) -> None:
    meeting = _meeting(store, present=5, required=True)
    assert sentence(quorum(store, meeting.id)) == (
        "Quorum NOT met: 5 members present (4 needed); "
        "required organizations (RN ICWA): missing RN ICWA."
    )


def test_a_decision_keeps_quorum_as_the_record_has_always_stored_it(store: Store) -> None:
    """The rule holds numbers and labels; what a decision stores (`quorum_reason`) is its
    fixed account, naming the organization missing, not a sentence in one page's language."""
    meeting = _meeting(store, present=5, required=True)
    live.open_meeting(store, meeting.id, now=OPENED)
    decision = capture.add_decision(store, meeting.id, "Adopt the charter")
    assert decision.quorum_reason == "no quorum: 5 of 4 needed; RN ICWA not present"
    assert store.get(Decision, decision.id).quorum_reason == decision.quorum_reason


def test_a_body_without_members_says_nobody_counts(store: Store) -> None:
    body = store.insert(Body(name="Core team", quorum_count=3))
    series = store.insert(MeetingSeries(body_id=body.id, name="Core team"))
    meeting = store.insert(Meeting(series_id=series.id, title="Core", starts_at=STARTS))
    status = quorum(store, meeting.id)
    assert sentence(status) == (
        "Quorum NOT met: 0 members present (3 needed); "
        "Core team has no members on record, so nobody counts."
    )
    assert status.reason == (
        "no quorum: 0 of 3 needed; Core team has no members on record, so nobody counts"
    )
