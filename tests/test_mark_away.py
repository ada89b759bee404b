"""Someone not at the table, and who sits in their place: both written, or neither
(`attendance.mark_away`), on the demo's next steering meeting (2026-11-29 as of TODAY)."""

from __future__ import annotations

import pytest

from facilitate.models import Attendance, Meeting, Person
from facilitate.models.enums import AttendanceCapacity, AttendanceStatus
from facilitate.services.run import attendance
from facilitate.services.run.attendance import AttendanceError
from facilitate.services.run.seats import SeatError
from facilitate.services.time_zone import meeting_time_zone, zone_named
from facilitate.store import Store

NEXT = "2026-11-29"


def _next(store: Store) -> Meeting:
    [meeting] = [m for m in store.find(Meeting) if m.starts_at.date().isoformat() == NEXT]
    return meeting


def _person(store: Store, first: str) -> Person:
    [person] = [p for p in store.find(Person) if p.name.split()[0] == first]
    return person


def _row(store: Store, meeting: Meeting, person: Person) -> Attendance | None:
    rows = store.find(Attendance, meeting_id=meeting.id, person_id=person.id)
    return rows[0] if rows else None


def test_regrets_and_the_stand_in_are_written_together(demo_store: Store) -> None:
    meeting = _next(demo_store)
    tasha, miguel = _person(demo_store, "Tasha"), _person(demo_store, "Miguel")
    zone = zone_named(meeting_time_zone(demo_store))
    away = attendance.mark_away(
        demo_store, meeting.id, tasha.id, AttendanceStatus.REGRETS, stand_in_id=miguel.id, zone=zone
    )
    assert away.status is AttendanceStatus.REGRETS
    stand_in = _row(demo_store, meeting, miguel)
    assert stand_in is not None
    assert (stand_in.capacity, stand_in.for_person_id) == (AttendanceCapacity.ALTERNATE, tasha.id)


def test_a_stand_in_who_cannot_be_seated_leaves_the_member_as_they_were(
    demo_store: Store,
) -> None:
    meeting, tasha = _next(demo_store), _person(demo_store, "Tasha")
    zone = zone_named(meeting_time_zone(demo_store))
    with pytest.raises(SeatError, match="cannot stand in for themself"):
        attendance.mark_away(
            demo_store,
            meeting.id,
            tasha.id,
            AttendanceStatus.ABSENT,
            stand_in_id=tasha.id,
            zone=zone,
        )
    assert _row(demo_store, meeting, tasha) is None


def test_only_regrets_or_absent_are_away(demo_store: Store) -> None:
    meeting, tasha = _next(demo_store), _person(demo_store, "Tasha")
    zone = zone_named(meeting_time_zone(demo_store))
    with pytest.raises(AttendanceError, match="Status: present is at the table"):
        attendance.mark_away(demo_store, meeting.id, tasha.id, AttendanceStatus.PRESENT, zone=zone)
    assert _row(demo_store, meeting, tasha) is None
