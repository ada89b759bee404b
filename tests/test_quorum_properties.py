"""A property of the one quorum rule: for any attendance timeline (arrivals, late arrivals,
early departures, guests), the rule's answer at each decision's moment, read back afterwards,
is the quorum snapshot the decision kept when it was taken: what the live screen showed then."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitate.models import (
    Body,
    Decision,
    Meeting,
    MeetingSeries,
    Membership,
    Organization,
    Person,
)
from facilitate.models.enums import AttendanceStatus, MeetingKind, MeetingStatus, OrgKind
from facilitate.services import quorum
from facilitate.services.run import attendance, capture, live
from facilitate.services.run.decisions import snapshot, snapshot_of
from facilitate.store import Store

T0 = datetime(2026, 12, 14, 17, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Attendee:
    """One person's evening: who they are, when they arrived (and how), and if they left."""

    kind: str  # "member", "visitor" (on record, not a member) or "guest" (by name only)
    organization: int  # index into the partnership's organizations
    arrival: int | None  # minute; None for regrets
    late: bool
    leaves: int | None  # minutes after arriving


ATTENDEES = st.builds(
    Attendee,
    kind=st.sampled_from(["member", "member", "member", "visitor", "guest"]),
    organization=st.integers(0, 2),
    arrival=st.none() | st.integers(0, 90),
    late=st.booleans(),
    leaves=st.none() | st.integers(1, 60),
)


@dataclass(frozen=True)
class Evening:
    attendees: list[Attendee]
    decisions: list[int]  # minutes; a decision is taken half a minute after them
    needed: int
    required_organization: bool


EVENINGS = st.builds(
    Evening,
    attendees=st.lists(ATTENDEES, min_size=0, max_size=9),
    decisions=st.lists(st.integers(0, 150), min_size=1, max_size=5),
    needed=st.integers(1, 5),
    required_organization=st.booleans(),
)


def _at(minute: float) -> datetime:
    return T0 + timedelta(minutes=minute)


def _partnership(store: Store, evening: Evening) -> tuple[Meeting, list[str]]:
    organizations = [
        store.insert(Organization(name=name, short_name=short, kind=kind))
        for name, short, kind in (
            ("County Agency", "CFS", OrgKind.AGENCY),
            ("Parent Partners", "PP", OrgKind.FAMILY_LIVED_EXPERIENCE),
            ("Cedar River ICWA", "ICWA", OrgKind.TRIBE),
        )
    ]
    body = store.insert(
        Body(
            name="Steering",
            quorum_count=evening.needed,
            quorum_organization_ids=[organizations[2].id] if evening.required_organization else [],
        )
    )
    series = store.insert(
        MeetingSeries(body_id=body.id, name="Steering", kind=MeetingKind.BUSINESS)
    )
    meeting = store.insert(
        Meeting(
            series_id=series.id,
            title="Steering",
            starts_at=datetime(2026, 12, 14, 17, 0),
            minutes=120,
            kind=MeetingKind.BUSINESS,
            status=MeetingStatus.PLANNED,
        )
    )
    live.open_meeting(store, meeting.id, now=T0)
    return meeting, [o.id for o in organizations]


def _events(evening: Evening) -> list[tuple[float, int, str]]:
    """(minute, attendee, what) for arrivals, departures and regrets; decisions as (minute, -1)."""
    events: list[tuple[float, int, str]] = []
    for n, someone in enumerate(evening.attendees):
        if someone.arrival is None:
            events.append((0, n, "regrets"))
            continue
        events.append((someone.arrival, n, "late" if someone.late else "present"))
        if someone.leaves is not None:
            events.append((someone.arrival + someone.leaves, n, "left_early"))
    # Half a minute apart from any arrival or departure, so the order is never a tie.
    events += [(minute + 0.5, -1, "decide") for minute in evening.decisions]
    return sorted(events)


def _replay(store: Store, meeting: Meeting, organizations: list[str], evening: Evening) -> None:
    rows: dict[int, str] = {}  # attendee -> attendance row id (guests) or person id
    people: dict[int, str] = {}
    for n, someone in enumerate(evening.attendees):
        if someone.kind == "guest":
            continue
        person = store.insert(
            Person(name=f"Person {n}", organization_id=organizations[someone.organization])
        )
        people[n] = person.id
        if someone.kind == "member":
            body_id = store.get(MeetingSeries, meeting.series_id).body_id
            store.insert(Membership(body_id=body_id, person_id=person.id))
    for minute, n, what in _events(evening):
        moment = _at(minute)
        if what == "decide":
            capture.add_decision(store, meeting.id, f"Decided at {minute}", now=moment)
            continue
        status = AttendanceStatus(what)
        someone = evening.attendees[n]
        if n in people:
            attendance.check_in(store, meeting.id, people[n], status, now=moment)
        elif n in rows:
            attendance.set_status(store, rows[n], status, now=moment)
        else:
            guest = attendance.add_guest(
                store,
                meeting.id,
                f"Guest {n}",
                organization_id=organizations[someone.organization],
                status=status,
                now=moment,
            )
            rows[n] = guest.id


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(EVENINGS)
def test_the_rule_at_each_decision_is_the_snapshot_it_kept(evening: Evening) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "record.db")
        try:
            meeting, organizations = _partnership(store, evening)
            _replay(store, meeting, organizations, evening)
            decisions = store.find(Decision, meeting_id=meeting.id)
            assert len(decisions) == len(evening.decisions)
            # A decision taken before anyone's attendance was written keeps "not known", never
            # "no quorum": the rule read afterwards knows the rows written later.
            written = [minute for minute, n, _ in _events(evening) if n >= 0]
            for decision in decisions:
                kept = snapshot_of(decision)
                assert kept is not None
                rule = quorum.quorum(store, meeting.id, at=decision.created_at)
                minute = float(decision.text.removeprefix("Decided at ")) + 0.5
                taken = any(m < minute for m in written)
                assert snapshot(replace(rule, attendance_taken=taken)) == kept
        finally:
            store.close()
