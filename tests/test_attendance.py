"""Check-in, guests, roles and quorum, against a real SQLite file."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from facilitate.models import (
    Attendance,
    Body,
    Meeting,
    MeetingSeries,
    Membership,
    Person,
    RoleAssignment,
)
from facilitate.models.enums import AttendanceStatus
from facilitate.services.record.quorum_words import sentence
from facilitate.services.run import attendance
from facilitate.services.run.attendance import AttendanceError
from facilitate.store import Store

from .helpers.demo_lookup import org, person, upcoming

AT = datetime(2026, 11, 29, 21, 0, tzinfo=UTC)

# The demo steering committee: quorum 6 of 8 members, and Cedar River ICWA and Parent Partners
# must both be at the table.
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


def _check_in(store: Store, meeting: Meeting, names: list[str]) -> None:
    for name in names:
        attendance.check_in(store, meeting.id, person(store, name).id)


def test_quorum_met_with_every_required_organization(demo_store: Store) -> None:
    meeting = upcoming(demo_store)
    _check_in(demo_store, meeting, STEERING[:6])
    attendance.check_in(
        demo_store, meeting.id, person(demo_store, "Tasha Greene").id, AttendanceStatus.LATE
    )
    status = attendance.quorum(demo_store, meeting.id)
    assert (status.defined, status.met, status.counted, status.needed) == (True, True, 7, 6)
    assert sentence(status) == (
        "Quorum met: 7 members present (6 needed); "
        "required organizations present (Cedar River ICWA, Parent Partners)."
    )


def test_quorum_short_of_numbers_and_of_a_required_organization(demo_store: Store) -> None:
    meeting = upcoming(demo_store)
    # Five members, none from Cedar River ICWA; guests and non-members add nothing to the count.
    _check_in(demo_store, meeting, ["Dana Whitfield", "Priya Natarajan", "Judge Ellen Marsh"])
    _check_in(demo_store, meeting, ["Keisha Brown", "Tasha Greene", "Tom Okafor"])
    attendance.add_guest(demo_store, meeting.id, "Visiting Auditor")
    attendance.check_in(
        demo_store, meeting.id, person(demo_store, "Marcus Reyes").id, AttendanceStatus.REGRETS
    )
    status = attendance.quorum(demo_store, meeting.id)
    assert not status.met
    assert status.counted == 5
    assert status.missing_organizations == ("Cedar River ICWA",)
    assert sentence(status) == (
        "Quorum NOT met: 5 members present (6 needed); "
        "required organizations (Cedar River ICWA, Parent Partners): missing Cedar River ICWA."
    )


def test_enough_people_but_a_required_organization_missing(demo_store: Store) -> None:
    meeting = upcoming(demo_store)
    _check_in(demo_store, meeting, [n for n in STEERING if n != "Tasha Greene"])
    status = attendance.quorum(demo_store, meeting.id)
    assert (status.met, status.counted) == (False, 7)
    assert sentence(status) == (
        "Quorum NOT met: 7 members present (6 needed); "
        "required organizations (Cedar River ICWA, Parent Partners): missing Parent Partners."
    )


def test_a_delegate_represents_a_required_organization(demo_store: Store) -> None:
    meeting = upcoming(demo_store)
    others = [n for n in STEERING if n not in ("Lorraine Whitecloud", "Tasha Greene")]
    _check_in(demo_store, meeting, others)
    # Joseph is not on the committee but sits for the Tribe; a guest sits for Parent Partners.
    _check_in(demo_store, meeting, ["Joseph Redhorse"])
    attendance.add_guest(
        demo_store, meeting.id, "Ana Ruiz", organization_id=org(demo_store, "Parent Partners").id
    )
    status = attendance.quorum(demo_store, meeting.id)
    assert (status.met, status.counted) == (True, 6)


def test_leaving_early_drops_out_of_the_count(demo_store: Store) -> None:
    meeting = upcoming(demo_store)
    _check_in(demo_store, meeting, STEERING[:7])
    assert attendance.quorum(demo_store, meeting.id).met
    left = attendance.check_in(
        demo_store,
        meeting.id,
        person(demo_store, "Priya Natarajan").id,
        AttendanceStatus.LEFT_EARLY,
        now=AT,
    )
    attendance.check_in(
        demo_store,
        meeting.id,
        person(demo_store, "Dana Whitfield").id,
        AttendanceStatus.LEFT_EARLY,
        now=AT,
    )
    assert left.left_at == AT and left.arrived_at is not None
    status = attendance.quorum(demo_store, meeting.id)
    assert not status.met
    assert sentence(status).startswith("Quorum NOT met: 5 members present (6 needed); required")


def test_a_body_without_a_quorum_rule_says_so(demo_store: Store) -> None:
    body = demo_store.insert(Body(name="Data Workgroup"))
    series = demo_store.insert(MeetingSeries(body_id=body.id, name="Data Workgroup"))
    meeting = demo_store.insert(
        Meeting(series_id=series.id, title="Data", starts_at=datetime(2026, 12, 1, 9))
    )
    status = attendance.quorum(demo_store, meeting.id)
    assert (status.defined, status.met) == (False, True)
    assert sentence(status) == "Data Workgroup has no quorum rule"


def test_memberships_that_ended_do_not_count(store: Store) -> None:
    body = store.insert(Body(name="Core", quorum_count=2))
    series = store.insert(MeetingSeries(body_id=body.id, name="Core"))
    meeting = store.insert(
        Meeting(series_id=series.id, title="Core", starts_at=datetime(2026, 12, 1, 9))
    )
    ann = store.insert(Person(name="Ann"))
    bob = store.insert(Person(name="Bob"))
    store.insert(Membership(body_id=body.id, person_id=ann.id))
    store.insert(
        Membership(body_id=body.id, person_id=bob.id, end_date=datetime(2026, 6, 30).date())
    )
    attendance.check_in(store, meeting.id, ann.id)
    attendance.check_in(store, meeting.id, bob.id)
    assert sentence(attendance.quorum(store, meeting.id)).startswith("Quorum NOT met: 1 member")


def test_check_in_is_one_row_per_person_and_keeps_arrival(demo_store: Store) -> None:
    meeting = upcoming(demo_store)
    keisha = person(demo_store, "Keisha Brown")
    first = attendance.check_in(demo_store, meeting.id, keisha.id, AttendanceStatus.LATE, now=AT)
    again = attendance.check_in(
        demo_store,
        meeting.id,
        keisha.id,
        AttendanceStatus.PRESENT,
        organization_id=org(demo_store, "CFS").id,
    )
    rows = demo_store.find(Attendance, meeting_id=meeting.id)
    assert [r.id for r in rows] == [first.id]
    assert (again.status, again.arrived_at) == (AttendanceStatus.PRESENT, AT)
    assert rows[0].organization_id == org(demo_store, "CFS").id
    regrets = attendance.check_in(demo_store, meeting.id, keisha.id, AttendanceStatus.REGRETS)
    assert (regrets.arrived_at, regrets.left_at) == (None, None)


def test_guests_and_the_roster(demo_store: Store) -> None:
    meeting = upcoming(demo_store)
    with pytest.raises(AttendanceError):
        attendance.add_guest(demo_store, meeting.id, "   ")
    guest = attendance.add_guest(
        demo_store, meeting.id, "Rosa Delgado", organization_id=org(demo_store, "Northside FRC").id
    )
    attendance.set_status(demo_store, guest.id, AttendanceStatus.LEFT_EARLY, now=AT)
    _check_in(demo_store, meeting, ["Dana Whitfield", "Tom Okafor"])
    lines = attendance.roster(demo_store, meeting.id)
    members = [line for line in lines if line.member]
    assert sorted(line.name for line in members) == sorted(STEERING)
    dana = next(line for line in members if line.name == "Dana Whitfield")
    assert (dana.status, dana.organization) == (AttendanceStatus.PRESENT, "CFS")
    assert next(line for line in members if line.name == "Sofia Alvarez").status is None
    extra = [(line.name, line.organization, line.status) for line in lines if not line.member]
    assert extra == [
        ("Rosa Delgado", "Northside FRC", AttendanceStatus.LEFT_EARLY),
        ("Tom Okafor", "Riverbend", AttendanceStatus.PRESENT),
    ]


def test_roles_today_follow_the_catalogue(demo_store: Store) -> None:
    held = demo_store.find(RoleAssignment, role_key="facilitator")[0]
    lines = attendance.roles_today(demo_store, held.meeting_id)
    keys = [line.role.key for line in lines]
    assert keys == ["facilitator", "co_facilitator", "note_taker", "timekeeper", "process_observer"]
    facilitator = lines[0]
    assert facilitator.person is not None and facilitator.assignment is not None
    assert lines[1].assignment is None and lines[1].person is None


def test_quorum_as_a_fraction_of_members_and_by_sector(demo_store: Store) -> None:
    """A body set up with "half the members" and "someone with lived experience" instead of a
    count and named organizations: half of 8 is 4, and the sector is the one checked."""
    from facilitate.models.enums import OrgKind

    meeting = upcoming(demo_store)
    body = demo_store.get(Body, demo_store.get(MeetingSeries, meeting.series_id).body_id)
    body.quorum_count = None
    body.quorum_organization_ids = []
    body.quorum_fraction = 0.5
    body.quorum_org_kinds = [OrgKind.FAMILY_LIVED_EXPERIENCE]
    demo_store.save(body)
    _check_in(demo_store, meeting, ["Dana Whitfield", "Priya Natarajan", "Judge Ellen Marsh"])
    _check_in(demo_store, meeting, ["Keisha Brown"])
    status = attendance.quorum(demo_store, meeting.id)
    assert (status.met, status.counted, status.needed) == (False, 4, 4)
    assert sentence(status) == (
        "Quorum NOT met: 4 members present (4 needed); "
        "someone from family / lived experience not present."
    )
    _check_in(demo_store, meeting, ["Tasha Greene"])  # Parent Partners: lived experience
    assert sentence(attendance.quorum(demo_store, meeting.id)) == (
        "Quorum met: 5 members present (4 needed)."
    )
