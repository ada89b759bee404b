"""Who is here: check-in, guests, each one's seat at the table, today's roles, and quorum.

A seat is the capacity someone sat in (member, a stand-in for a named member, staff, guest),
whether they vote, how they attended (in person, phone, video) and when they came and went.

Quorum is the one rule of `facilitate.services.quorum`, re-exported here for the screens that
take attendance; nothing here restates it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, tzinfo

from facilitate.errors import Refusal
from facilitate.models import (
    Attendance,
    Body,
    Meeting,
    MeetingSeries,
    Membership,
    Organization,
    Person,
    RoleAssignment,
    RoleDef,
)
from facilitate.models.enums import AttendanceCapacity, AttendanceStatus
from facilitate.services.people.people_lookup import current_members, normalize, people_by_id
from facilitate.services.quorum import NOW_COUNTED, Quorum, quorum, seat_of, stand_ins
from facilitate.services.run import seats
from facilitate.services.run.capture import capturable
from facilitate.services.run.live import as_utc
from facilitate.store import Store

__all__ = [
    "COUNTED",
    "Arrival",
    "AttendanceError",
    "OnRoster",
    "Quorum",
    "RoleLine",
    "RosterLine",
    "add_guest",
    "arrive",
    "check_in",
    "mark_away",
    "on_roster",
    "quorum",
    "roles_today",
    "roster",
    "set_status",
]

COUNTED = NOW_COUNTED


class AttendanceError(Refusal):
    """A check-in that cannot be recorded; the message says why."""


def _members(store: Store, body_id: str, meeting: Meeting) -> list[Membership]:
    return current_members(store, body_id, meeting.starts_at.date())


def _member_ids(store: Store, meeting: Meeting) -> set[str]:
    return {m.person_id for m in _members(store, _body(store, meeting).id, meeting)}


def _body(store: Store, meeting: Meeting) -> Body:
    return store.get(Body, store.get(MeetingSeries, meeting.series_id).body_id)


def _stamp(row: Attendance, status: AttendanceStatus, at: datetime) -> None:
    row.status = status
    if status in COUNTED:
        row.arrived_at = row.arrived_at or at
        row.left_at = None
    elif status is AttendanceStatus.LEFT_EARLY:
        row.arrived_at = row.arrived_at or at
        row.left_at = at
    else:
        row.arrived_at = None
        row.left_at = None


def check_in(
    store: Store,
    meeting_id: str,
    person_id: str,
    status: AttendanceStatus = AttendanceStatus.PRESENT,
    *,
    organization_id: str | None = None,
    now: datetime | None = None,
) -> Attendance:
    """Record (or change) a person's attendance; one row per person per meeting.

    The organization defaults to the person's own; pass one when they sit for another today.
    Present and late stamp ``arrived_at``; left early stamps ``left_at``.
    """
    at = as_utc(now)
    with store.transaction():
        capturable(store, meeting_id)
        person = store.get(Person, person_id)
        existing = store.find(Attendance, meeting_id=meeting_id, person_id=person_id, limit=1)
        row = existing[0] if existing else None
        if row is None:
            member = person.id in _member_ids(store, capturable(store, meeting_id))
            row = Attendance(
                meeting_id=meeting_id,
                person_id=person.id,
                organization_id=organization_id or person.organization_id,
                capacity=AttendanceCapacity.MEMBER if member else AttendanceCapacity.GUEST,
            )
            _stamp(row, status, at)
            return store.insert(row)
        if organization_id is not None:
            row.organization_id = organization_id
        _stamp(row, status, at)
        return store.save(row)


def add_guest(
    store: Store,
    meeting_id: str,
    name: str,
    *,
    organization_id: str | None = None,
    status: AttendanceStatus = AttendanceStatus.PRESENT,
    now: datetime | None = None,
) -> Attendance:
    """Check in someone who is not in the records, by name and (optionally) organization."""
    name = " ".join(name.split())
    if not name:
        raise AttendanceError("a guest needs a name")
    capturable(store, meeting_id)
    row = Attendance(
        meeting_id=meeting_id,
        guest_name=name,
        organization_id=organization_id,
        capacity=AttendanceCapacity.GUEST,
    )
    _stamp(row, status, as_utc(now))
    return store.insert(row)


@dataclass(frozen=True)
class OnRoster:
    """The person on record a guest's typed name is: their id, name and organization's label."""

    person_id: str
    name: str
    organization: str

    @property
    def question(self) -> str:
        """What the guest form asks before checking in a stranger of the same name."""
        org = f" ({self.organization})" if self.organization else ""
        return (
            f"{self.name} is on the roster{org}: check in their own record, not a guest? "
            "y: yes · n: no, a guest of that name"
        )


def on_roster(store: Store, name: str) -> OnRoster | None:
    """The one active person on record whose name is `name` (as names are compared everywhere,
    `people_lookup.normalize`: any case, spacing or accents), so a guest typed with a roster name
    is offered as themselves; None when nobody, or several, match."""
    wanted = normalize(name)
    if not wanted:
        return None
    found = [
        person for person in store.find(Person, active=True) if normalize(person.name) == wanted
    ]
    if len(found) != 1:
        return None
    [person] = found
    org = store.get(Organization, person.organization_id) if person.organization_id else None
    return OnRoster(person.id, person.name, org.label if org else "")


@dataclass(frozen=True)
class Arrival:
    """Someone checked in from the guest form: their row, the roster line's key on the opening
    screen, and what to tell the user."""

    row: Attendance
    key: str
    said: str


def arrive(
    store: Store,
    meeting_id: str,
    name: str,
    *,
    organization_id: str | None = None,
    person_id: str | None = None,
) -> Arrival:
    """Check in what the guest form returned: the person on record when the user said the name
    is theirs (`person_id`), else a guest of that name."""
    if person_id is not None:
        row = check_in(store, meeting_id, person_id, organization_id=organization_id)
        person = store.get(Person, person_id)
        return Arrival(row, f"person:{person_id}", f"{person.name} checked in from the roster.")
    row = add_guest(store, meeting_id, name, organization_id=organization_id)
    return Arrival(row, f"guest:{row.id}", f"{row.guest_name} checked in as a guest.")


def set_status(
    store: Store, attendance_id: str, status: AttendanceStatus, *, now: datetime | None = None
) -> Attendance:
    """Change anyone's attendance row (guests included): arrived late, left early, ..."""
    with store.transaction():
        row = store.get(Attendance, attendance_id)
        capturable(store, row.meeting_id)
        _stamp(row, status, as_utc(now))
        return store.save(row)


AWAY = frozenset({AttendanceStatus.REGRETS, AttendanceStatus.ABSENT})
"""Statuses of someone not at the table: nobody may sit beside them, only in their place."""


def mark_away(
    store: Store,
    meeting_id: str,
    person_id: str,
    status: AttendanceStatus,
    *,
    stand_in_id: str | None = None,
    zone: tzinfo,
) -> Attendance:
    """Mark someone not at the table (regrets or absent) and seat who stands in for them, both
    or neither: a stand-in who cannot be seated (`seats.SeatError`, raised as is) leaves the
    absent member as they were. Only the stand-in's capacity and whom they sit for are written,
    onto their row as stored now."""
    if status not in AWAY:
        raise AttendanceError(f"Status: {status.value} is at the table, not away from it")
    with store.transaction():
        away = check_in(store, meeting_id, person_id, status)
        if stand_in_id is not None:
            rows = store.find(Attendance, meeting_id=meeting_id, person_id=stand_in_id, limit=1)
            was = seats.seat_of_row(store, rows[0], zone) if rows else seats.Seat()
            sits = replace(was, capacity=AttendanceCapacity.ALTERNATE, for_person_id=person_id)
            seats.seat(
                store, meeting_id, sits, zone, person_id=stand_in_id, was=was if rows else None
            )
        return away


@dataclass(frozen=True)
class RosterLine:
    """One line of the check-in list. `attendance` is None for a member not yet checked in."""

    name: str
    organization: str
    member: bool
    person: Person | None
    attendance: Attendance | None
    # The seat this line's row really had (`quorum.seat_of`); None before check-in.
    capacity: AttendanceCapacity | None = None
    # For a member: who sat in their place (so they are not absent). For a stand-in: for whom.
    stand_in: str = ""
    sits_for: str = ""

    @property
    def status(self) -> AttendanceStatus | None:
        return self.attendance.status if self.attendance else None


def roster(store: Store, meeting_id: str) -> list[RosterLine]:
    """The body's members, then everyone else checked in (guests too), by organization and name."""
    meeting = store.get(Meeting, meeting_id)
    body = _body(store, meeting)
    orgs = {o.id: o.label for o in store.find(Organization)}
    rows = store.find(Attendance, meeting_id=meeting_id, order_by="created_at")
    by_person = {r.person_id: r for r in rows if r.person_id}
    members = _members(store, body.id, meeting)
    on_body = {m.person_id for m in members}
    sitting_for = stand_ins(rows)
    people = people_by_id(
        store,
        [*by_person, *on_body, *(r.for_person_id for r in rows if r.for_person_id)],
    )

    def name_of(row: Attendance) -> str:
        person = people.get(row.person_id) if row.person_id else None
        return person.name if person else row.guest_name

    lines = []
    member_ids: set[str] = set()
    for membership in members:
        person = people.get(membership.person_id)
        if person is None or person.id in member_ids:
            continue
        member_ids.add(person.id)
        row = by_person.get(person.id)
        org = (row.organization_id if row else None) or person.organization_id
        stand_in = sitting_for.get(person.id)
        lines.append(
            RosterLine(
                person.name,
                orgs.get(org or "", ""),
                True,
                person,
                row,
                seat_of(row, on_body) if row else None,
                stand_in=name_of(stand_in) if stand_in else "",
            )
        )
    for row in rows:
        if row.person_id in member_ids:
            continue
        person = people.get(row.person_id) if row.person_id else None
        stood_for = people.get(row.for_person_id) if row.for_person_id else None
        lines.append(
            RosterLine(
                name_of(row),
                orgs.get(row.organization_id or "", ""),
                False,
                person,
                row,
                seat_of(row, on_body),
                sits_for=stood_for.name if stood_for else "",
            )
        )
    return sorted(lines, key=lambda line: (not line.member, line.organization, line.name))


@dataclass(frozen=True)
class RoleLine:
    """A role of today's meeting and who holds it (None when nobody has been assigned)."""

    role: RoleDef
    assignment: RoleAssignment | None
    person: Person | None


def roles_today(store: Store, meeting_id: str) -> list[RoleLine]:
    """The series' roles in catalogue order with today's holders, then any other role assigned."""
    meeting = store.get(Meeting, meeting_id)
    series = store.get(MeetingSeries, meeting.series_id)
    assignments = store.find(RoleAssignment, meeting_id=meeting_id, order_by="created_at")
    people = people_by_id(store, (a.person_id for a in assignments))
    catalogue = {role.key: role for role in series.roles}
    lines = []
    for role in series.roles:
        held: list[RoleAssignment | None] = [a for a in assignments if a.role_key == role.key]
        for assignment in held or [None]:
            person = people.get(assignment.person_id or "") if assignment else None
            lines.append(RoleLine(role, assignment, person))
    for assignment in assignments:
        if assignment.role_key not in catalogue:
            role = RoleDef(key=assignment.role_key, name=assignment.role_key.replace("_", " "))
            lines.append(RoleLine(role, assignment, people.get(assignment.person_id or "")))
    return lines
