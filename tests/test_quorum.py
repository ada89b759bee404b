"""The one quorum rule: late arrivals, early departures, guests, a body with no members, and the
snapshot each decision keeps, against a real SQLite file."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from facilitate.models import Attendance, Body, Decision, Meeting, MeetingSeries, Membership
from facilitate.models.enums import AttendanceStatus, MeetingKind, MeetingStatus
from facilitate.models.partnership import Organization, Person
from facilitate.services import quorum
from facilitate.services.record.quorum_words import sentence
from facilitate.services.run import attendance, capture, live
from facilitate.services.run.decisions import snapshot, snapshot_of
from facilitate.store import Store

from .helpers.demo_lookup import person, upcoming

T0 = datetime(2026, 11, 29, 18, 0, tzinfo=UTC)


def minutes(n: float) -> datetime:
    return T0 + timedelta(minutes=n)


# The demo steering committee: quorum 6 of 8 members; Cedar River ICWA and Parent Partners must
# both be at the table.
STEERING = [
    "Dana Whitfield",
    "Priya Natarajan",
    "Judge Ellen Marsh",
    "Keisha Brown",
    "Lorraine Whitecloud",
    "Sofia Alvarez",
    "Tasha Greene",
    "Marcus Reyes",
]


def test_three_members_leaving_early_lose_quorum_for_every_reader(demo_store: Store) -> None:
    """The issue's case: the live screen said "no quorum", the minutes said "met, 8 present"."""
    meeting = upcoming(demo_store)
    for name in STEERING:
        attendance.check_in(demo_store, meeting.id, person(demo_store, name).id, now=minutes(0))
    assert quorum.quorum(demo_store, meeting.id).met
    for name in ("Tasha Greene", "Marcus Reyes", "Sofia Alvarez"):
        attendance.check_in(
            demo_store,
            meeting.id,
            person(demo_store, name).id,
            AttendanceStatus.LEFT_EARLY,
            now=minutes(60),
        )
    now = quorum.quorum(demo_store, meeting.id)
    assert (now.met, now.counted, now.needed) == (False, 5, 6)
    assert sentence(now) == (
        "Quorum NOT met: 5 members present (6 needed); "
        "required organizations (Cedar River ICWA, Parent Partners): missing Parent Partners."
    )
    # At any moment after they left, the same; before, they still counted.
    assert quorum.quorum(demo_store, meeting.id, at=minutes(61)) == now
    earlier = quorum.quorum(demo_store, meeting.id, at=minutes(30))
    assert (earlier.met, earlier.counted) == (True, 8)
    # The screen that takes attendance asks the same rule.
    assert attendance.quorum(demo_store, meeting.id) == now


def test_a_late_arrival_counts_from_arrival(demo_store: Store) -> None:
    meeting = upcoming(demo_store)
    for name in STEERING[:5]:
        attendance.check_in(demo_store, meeting.id, person(demo_store, name).id, now=minutes(0))
    attendance.check_in(
        demo_store,
        meeting.id,
        person(demo_store, "Tasha Greene").id,
        AttendanceStatus.LATE,
        now=minutes(25),
    )
    before = quorum.quorum(demo_store, meeting.id, at=minutes(20))
    after = quorum.quorum(demo_store, meeting.id, at=minutes(25))
    assert (before.counted, before.met) == (5, False)
    assert (after.counted, after.met) == (6, True)
    assert sentence(after) == (
        "Quorum met: 6 members present (6 needed); required organizations present "
        "(Cedar River ICWA, Parent Partners)."
    )


def test_guests_never_count_toward_the_number(demo_store: Store) -> None:
    meeting = upcoming(demo_store)
    for name in STEERING[:5]:
        attendance.check_in(demo_store, meeting.id, person(demo_store, name).id)
    for n in range(4):
        attendance.add_guest(demo_store, meeting.id, f"Visitor {n}")
    status = quorum.quorum(demo_store, meeting.id)
    assert (status.counted, status.met) == (5, False)


def _small_body(store: Store, *, members: int, quorum_count: int | None = None) -> Meeting:
    """A body with `members` members and a meeting of it, opened at T0."""
    body = store.insert(Body(name="Core team", quorum_count=quorum_count, quorum_fraction=0.5))
    for n in range(members):
        someone = store.insert(Person(name=f"Member {n}"))
        store.insert(Membership(body_id=body.id, person_id=someone.id))
    series = store.insert(MeetingSeries(body_id=body.id, name="Core", kind=MeetingKind.BUSINESS))
    return store.insert(
        Meeting(
            series_id=series.id,
            title="Core team",
            starts_at=datetime(2026, 11, 29, 18, 0),
            minutes=60,
            kind=MeetingKind.BUSINESS,
            status=MeetingStatus.PLANNED,
        )
    )


def test_a_body_with_no_members_counts_nobody_and_says_so(store: Store) -> None:
    meeting = _small_body(store, members=0)
    visitor = store.insert(Person(name="Someone Here"))
    attendance.check_in(store, meeting.id, visitor.id)
    status = quorum.quorum(store, meeting.id)
    assert (status.defined, status.met, status.counted, status.members) == (True, False, 0, 0)
    assert "Core team has no members on record, so nobody counts" in sentence(status)


def test_left_early_with_no_time_does_not_count_at_any_moment(store: Store) -> None:
    meeting = _small_body(store, members=2, quorum_count=1)
    row = store.find(Membership)[0]
    store.insert(
        Attendance(
            meeting_id=meeting.id,
            person_id=row.person_id,
            status=AttendanceStatus.LEFT_EARLY,
        )
    )
    assert quorum.quorum(store, meeting.id, at=minutes(10)).counted == 0
    assert quorum.quorum(store, meeting.id).counted == 0


def test_each_decision_keeps_quorum_as_it_was_taken(demo_store: Store) -> None:
    meeting = upcoming(demo_store)
    live.open_meeting(demo_store, meeting.id, now=minutes(0))
    for name in STEERING:
        attendance.check_in(demo_store, meeting.id, person(demo_store, name).id, now=minutes(1))
    met = capture.add_decision(demo_store, meeting.id, "Adopt the form", now=minutes(5))
    for name in ("Tasha Greene", "Marcus Reyes", "Sofia Alvarez"):
        attendance.check_in(
            demo_store,
            meeting.id,
            person(demo_store, name).id,
            AttendanceStatus.LEFT_EARLY,
            now=minutes(50),
        )
    short = capture.add_decision(demo_store, meeting.id, "Fund the pilot", now=minutes(55))
    stored_met = demo_store.get(Decision, met.id)
    stored_short = demo_store.get(Decision, short.id)
    assert (stored_met.quorum_met, stored_met.quorum_counted) == (True, 8)
    assert (stored_short.quorum_met, stored_short.quorum_counted, stored_short.quorum_needed) == (
        False,
        5,
        6,
    )
    assert stored_short.quorum_missing == ["Parent Partners"]
    # Read back later, the rule at each decision's moment agrees with what it kept.
    for decision in (stored_met, stored_short):
        at = quorum.quorum(demo_store, meeting.id, at=decision.created_at)
        assert snapshot(at) == snapshot_of(decision)


def test_decisions_recorded_before_schema_6_have_no_snapshot(demo_store: Store) -> None:
    old = next(d for d in demo_store.find(Decision))
    assert snapshot_of(old) is None


def test_the_rule_names_a_required_organization_no_longer_on_record(store: Store) -> None:
    meeting = _small_body(store, members=1, quorum_count=1)
    body = store.find(Body)[0]
    body.quorum_organization_ids = ["gone"]
    store.save(body)
    organizations: dict[str, Organization] = {}
    rows = store.find(Attendance, meeting_id=meeting.id)
    members = {m.person_id for m in store.find(Membership)}
    status = quorum.judge(body, members, rows, organizations)
    assert status.missing_organizations == ("an organization no longer on record",)
