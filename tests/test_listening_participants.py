"""A listening session's minutes count participants, never the hosts who ran it (issue #13)."""

from __future__ import annotations

from facilitate.export.markdown import render_minutes
from facilitate.models import Attendance, Person
from facilitate.models.enums import AttendanceCapacity, Visibility
from facilitate.services.record.minutes import build_minutes
from facilitate.store import Store

from .test_minutes import GENERATED, demo_meetings


def test_participants_are_counted_without_the_hosts(demo_store: Store) -> None:
    meeting = demo_meetings(demo_store)["listening"]
    people = {p.name: p for p in demo_store.find(Person)}
    # The circle's three hosts, checked in on the roll call.
    for name in ("Sofia Alvarez", "Tasha Greene", "Miguel Santos"):
        person = people[name]
        demo_store.insert(
            Attendance(
                meeting_id=meeting.id,
                person_id=person.id,
                organization_id=person.organization_id,
            )
        )
    dana = people["Dana Whitfield"]  # came to listen, from the county
    demo_store.insert(
        Attendance(
            meeting_id=meeting.id,
            person_id=dana.id,
            organization_id=dana.organization_id,
            capacity=AttendanceCapacity.GUEST,
        )
    )
    for name in ("A parent", "A grandparent"):
        demo_store.insert(
            Attendance(meeting_id=meeting.id, guest_name=name, capacity=AttendanceCapacity.GUEST)
        )
    doc = build_minutes(demo_store, meeting.id, Visibility.PARTNERS, generated_at=GENERATED)
    assert doc.attendance is not None
    assert doc.attendance.present_count == 3
    assert [(g.organization, g.count) for g in doc.attendance.present] == [
        ("CFS", 1),
        ("Guests", 2),
    ]
    assert "3 participants." in render_minutes(doc)
