"""Who sat at the table in which capacity, as the minutes list them (issue #17).

Members and stand-ins by organization, a stand-in "for" the member they sat for (who is then
not absent, but listed under regrets with who sat in when they sent them); staff and guests
marked beside their organization's people, or on a line of their own when they have none;
members with no organization are members, never guests. How someone attended (phone, video),
whether they vote, and when a late arrival came or an early departure left, at wall-clock
times of the meeting's zone. Who counts for quorum is not decided here but
by the one rule (`services.quorum`), whose reading of a seat (`seat_of`) this follows.
"""

from __future__ import annotations

from dataclasses import replace

from facilitate.models import Attendance, Body, Meeting
from facilitate.models.enums import (
    AttendanceCapacity,
    AttendanceMode,
    AttendanceStatus,
    MeetingKind,
)
from facilitate.services.people.people_lookup import IN_ROOM, current_members
from facilitate.services.quorum import seat_of, stand_ins
from facilitate.services.record.document import AttendanceSummary, OrgAttendance
from facilitate.services.record.entry_lines import Names
from facilitate.services.record.i18n import Words
from facilitate.services.record.wording import clean_text, clock, wall_clock
from facilitate.store import Store

# At the table at some point of the meeting: the one rule (people_lookup.IN_ROOM).
_PRESENT = IN_ROOM


def away(store: Store, meeting: Meeting) -> set[str]:
    """The people recorded as not there (regrets, absent): a role of the body they hold, such
    as a listening circle's host, was not theirs that day. One with no row is not known away."""
    rows = store.find(Attendance, meeting_id=meeting.id)
    return {row.person_id for row in rows if row.person_id and row.status not in _PRESENT}


def _attendee_org(row: Attendance, names: Names) -> str | None:
    return row.organization_id or names.org_of(row.person_id)


def _attendee_name(row: Attendance, names: Names) -> str:
    return names.person_name(row.person_id) if row.person_id else clean_text(row.guest_name)


def seating(
    store: Store, meeting: Meeting, body: Body, names: Names, w: Words, zone: str
) -> AttendanceSummary | None:
    """Who sat at the table in which capacity, by organization: members unmarked, stand-ins
    "for" the member, staff and guests marked; those with no organization on their own line
    (members, then staff, then guests). Absences leave out a member a stand-in sat for;
    regrets keep them, with who sat in."""
    rows = store.find(Attendance, meeting_id=meeting.id, order_by="created_at")
    listening = meeting.kind is MeetingKind.LISTENING_SESSION
    if not rows and not (listening and meeting.consent_count is not None):
        return None
    members = {m.person_id for m in current_members(store, body.id, meeting.starts_at.date())}
    if listening:
        return replace(_counted(rows, members, names, w), consent_count=meeting.consent_count)
    represented = stand_ins(row for row in rows if row.status in _PRESENT)
    groups: dict[str, list[str]] = {}
    staff: list[str] = []
    guests: list[str] = []
    regrets: list[str] = []
    absent: list[str] = []
    for row in rows:
        org = names.org_label(_attendee_org(row, names))
        name = _attendee_name(row, names) or w.guest
        if row.status not in _PRESENT:
            stand_in = represented.get(row.person_id or "")
            said = [org] if org else []
            if stand_in is not None and row.status is AttendanceStatus.REGRETS:
                # Regrets sent and a seat filled: both are facts the minutes keep.
                said.append(w.sat_in.format(name=_attendee_name(stand_in, names)))
            elif stand_in is not None:
                continue  # represented, so not absent
            labelled = f"{name} ({'; '.join(said)})" if said else name
            (regrets if row.status is AttendanceStatus.REGRETS else absent).append(labelled)
            continue
        seat = _seat(row, members)
        if seat is AttendanceCapacity.ALTERNATE:
            name = w.stand_in_for.format(name=name, member=names.person_name(row.for_person_id))
        how = _how(row, w, zone, meeting)
        mark = {AttendanceCapacity.STAFF: w.staff_mark, AttendanceCapacity.GUEST: w.guest}.get(seat)
        if mark is not None and not org:
            (staff if seat is AttendanceCapacity.STAFF else guests).append(name + how)
            continue
        if mark is not None and name != w.guest:  # a nameless guest already reads "(guest)"
            name = f"{name} {mark}"
        groups.setdefault(org, []).append(name + how)
    ordered = sorted(groups, key=lambda label: (not label, label.casefold()))
    unaffiliated = w.other_members if len(ordered) > 1 else w.members
    return AttendanceSummary(
        present=tuple(
            OrgAttendance(
                organization=org or unaffiliated, people=tuple(groups[org]), count=len(groups[org])
            )
            for org in ordered
        ),
        regrets=tuple(regrets),
        absent=tuple(absent),
        present_count=sum(1 for row in rows if row.status in _PRESENT),
        staff=tuple(staff),
        guests=tuple(guests),
    )


def _seat(row: Attendance, members: set[str]) -> AttendanceCapacity:
    """The capacity to print, by the quorum rule's reading (`seat_of`); but a body with no
    members on record cannot tell a member from a guest, so a person keeps the seat recorded."""
    if not members and row.person_id is not None:
        return row.capacity
    return seat_of(row, members)


def _how(row: Attendance, w: Words, zone: str, meeting: Meeting) -> str:
    """ " (non-voting) (by phone) (arrived 09:25)": what the minutes say of how and when
    someone sat, after their name. An arrival prints for a late arrival (one who came after
    the scheduled start and left early too), never for those the roll call merely reached."""
    said = []
    if not row.voting and row.capacity in (AttendanceCapacity.MEMBER, AttendanceCapacity.ALTERNATE):
        said.append(w.non_voting)
    if row.mode is AttendanceMode.PHONE:
        said.append(w.by_phone)
    elif row.mode is AttendanceMode.VIDEO:
        said.append(w.by_video)
    arrived = wall_clock(row.arrived_at, zone) if row.arrived_at else None
    if row.status is AttendanceStatus.LATE:
        said.append(w.arrived_at.format(time=clock(arrived)) if arrived else w.late)
    elif row.status is AttendanceStatus.LEFT_EARLY:
        if arrived is not None and arrived > meeting.starts_at.time():
            said.append(w.arrived_at.format(time=clock(arrived)))
        left = row.left_at
        said.append(w.left_at.format(time=clock(wall_clock(left, zone))) if left else w.left_early)
    return "".join(f" {part}" for part in said)


def _counted(rows: list[Attendance], hosts: set[str], names: Names, w: Words) -> AttendanceSummary:
    """A listening session's participants: how many came from each organization, never names.
    The hosts (the circle's members) and staff run the session; they are not participants."""
    groups: dict[str, int] = {}
    for row in rows:
        if row.status in _PRESENT and _participant(row, hosts):
            org = names.org_label(_attendee_org(row, names)) or w.guests
            groups[org] = groups.get(org, 0) + 1
    ordered = sorted(groups, key=lambda label: (label == w.guests, label.casefold()))
    return AttendanceSummary(
        present=tuple(OrgAttendance(organization=o, people=(), count=groups[o]) for o in ordered),
        regrets=(),
        absent=(),
        present_count=sum(groups.values()),
        anonymous=True,
    )


def _participant(row: Attendance, hosts: set[str]) -> bool:
    """Whether a row at a listening session is a participant: not a host, not staff."""
    if row.person_id is not None and row.person_id in hosts:
        return False
    return row.capacity is not AttendanceCapacity.STAFF
