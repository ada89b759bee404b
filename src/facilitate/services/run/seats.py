"""Someone's seat at the table: the capacity they sat in, whether they vote, how they attended,
whom a stand-in sat for, and the wall-clock times they came and went.

The roll call's dialog and `facilitate attendance set` both come here, with the zone the times
are typed in (`time_zone.zone_named`). A change writes only
the fields the note-taker changed, to the row as it is now (another window may be checking in
the same meeting), and the status follows the times: a departure time is "left early", an
arrival after the scheduled start is "late".
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import UTC, datetime, time, tzinfo

from facilitate.errors import Refusal
from facilitate.models import Attendance, Meeting, Person
from facilitate.models.enums import AttendanceCapacity, AttendanceMode, AttendanceStatus
from facilitate.services.people.people_lookup import current_members
from facilitate.services.quorum import body_of
from facilitate.services.run.capture import capturable
from facilitate.services.time_zone import wall_clock
from facilitate.store import Store

CAPACITY_LABEL = {
    AttendanceCapacity.MEMBER: "member",
    AttendanceCapacity.ALTERNATE: "stand-in",
    AttendanceCapacity.STAFF: "staff",
    AttendanceCapacity.GUEST: "guest",
}
MODE_LABEL = {
    AttendanceMode.IN_PERSON: "in person",
    AttendanceMode.PHONE: "phone",
    AttendanceMode.VIDEO: "video",
}


class SeatError(Refusal):
    """A seat that cannot be recorded; the message names the field."""


@dataclass(frozen=True)
class Seat:
    """What the note-taker says of one attendee; times are wall-clock times of the meeting."""

    capacity: AttendanceCapacity = AttendanceCapacity.MEMBER
    voting: bool = True
    for_person_id: str | None = None
    mode: AttendanceMode = AttendanceMode.IN_PERSON
    arrived: time | None = None
    left: time | None = None


def _wall(moment: datetime | None, zone: tzinfo) -> time | None:
    return None if moment is None else wall_clock(moment, zone)


def _moment(meeting: Meeting, at: time | None, zone: tzinfo) -> datetime | None:
    """A wall-clock time on the meeting's day, as the UTC moment stored."""
    if at is None:
        return None
    return datetime.combine(meeting.starts_at.date(), at, tzinfo=zone).astimezone(UTC)


def seat_of_row(store: Store, row: Attendance, zone: tzinfo) -> Seat:
    """The seat as the record has it, for a form to start from. The arrival shows only for a
    late arrival: anyone else's is the moment the roll call reached them, not a time to print."""
    meeting = store.get(Meeting, row.meeting_id)
    arrived = _wall(row.arrived_at, zone)
    late = row.status is AttendanceStatus.LATE or (
        row.status is AttendanceStatus.LEFT_EARLY
        and arrived is not None
        and arrived > meeting.starts_at.time()
    )
    return Seat(
        capacity=row.capacity,
        voting=row.voting,
        for_person_id=row.for_person_id,
        mode=row.mode,
        arrived=arrived if late else None,
        left=_wall(row.left_at, zone),
    )


def _check(store: Store, meeting: Meeting, person_id: str | None, new: Seat) -> None:
    if new.capacity is AttendanceCapacity.ALTERNATE:
        if new.for_person_id is None:
            raise SeatError("For whom: a stand-in sits for a named member of the body")
        if new.for_person_id == person_id:
            raise SeatError("For whom: a member cannot stand in for themself")
        body = body_of(store, meeting)
        members = {m.person_id for m in current_members(store, body.id, meeting.starts_at.date())}
        if new.for_person_id not in members:
            name = store.get(Person, new.for_person_id).name
            raise SeatError(f"For whom: {name} is not a member of {body.name} on that day")
    if new.arrived is not None and new.left is not None and new.left <= new.arrived:
        raise SeatError(f"Left: {new.left:%H:%M} is not after the arrival at {new.arrived:%H:%M}")


def _status(meeting: Meeting, row: Attendance, new: Seat) -> AttendanceStatus:
    """The status the times say; an attendee given a seat is at the table. One marked left
    early with no time recorded stays so until a time is given (or `p` marks them present)."""
    if new.left is not None:
        return AttendanceStatus.LEFT_EARLY
    if row.status is AttendanceStatus.LEFT_EARLY and row.left_at is None:
        return AttendanceStatus.LEFT_EARLY
    if new.arrived is not None and new.arrived > meeting.starts_at.time():
        return AttendanceStatus.LATE
    return AttendanceStatus.PRESENT


def seat(
    store: Store,
    meeting_id: str,
    new: Seat,
    zone: tzinfo,
    *,
    person_id: str | None = None,
    attendance_id: str | None = None,
    was: Seat | None = None,
) -> Attendance:
    """Record a seat for a person (checked in now if they were not) or an existing row (a guest
    by name). `was` is the seat the form started from: only the fields that differ from it are
    written, onto the row as stored now; None writes every field of `new`."""
    with store.transaction():
        meeting = capturable(store, meeting_id)
        if attendance_id is not None:
            row: Attendance | None = store.get(Attendance, attendance_id)
        else:
            found = store.find(Attendance, meeting_id=meeting_id, person_id=person_id, limit=1)
            row = found[0] if found else None
        current = seat_of_row(store, row, zone) if row is not None else Seat()
        changed = [
            f.name
            for f in fields(Seat)
            if was is None or getattr(new, f.name) != getattr(was, f.name)
        ]
        merged = replace(current, **{name: getattr(new, name) for name in changed})
        if merged.capacity is not AttendanceCapacity.ALTERNATE:
            merged = replace(merged, for_person_id=None)
        _check(store, meeting, person_id or (row.person_id if row else None), merged)
        if row is None:
            if person_id is None:
                raise SeatError("Who: name someone to seat")
            person = store.get(Person, person_id)
            row = Attendance(
                meeting_id=meeting_id, person_id=person.id, organization_id=person.organization_id
            )
            _apply(meeting, row, merged, zone)
            return store.insert(row)
        written = _apply(meeting, row, merged, zone)
        return store.update_fields(row, written) if written else row


def _apply(meeting: Meeting, row: Attendance, new: Seat, zone: tzinfo) -> list[str]:
    """Put `new` on `row`; the names of the columns that changed."""
    values = {
        "capacity": new.capacity,
        "voting": new.voting,
        "for_person_id": new.for_person_id,
        "mode": new.mode,
        "status": _status(meeting, row, new),
        "arrived_at": _moment(meeting, new.arrived, zone),
        "left_at": _moment(meeting, new.left, zone),
    }
    if new.arrived is None and row.arrived_at is not None:
        # No late arrival: keep the roll call's stamp (quorum counts from it).
        values["arrived_at"] = row.arrived_at
    written = []
    for name, value in values.items():
        if _differs(getattr(row, name), value):
            setattr(row, name, value)
            written.append(name)
    return written


def _differs(old: object, new: object) -> bool:
    if isinstance(old, datetime) and isinstance(new, datetime):
        # A stored stamp to the second and the same minute typed back are the same time.
        return old.replace(second=0, microsecond=0) != new.replace(second=0, microsecond=0)
    return old != new


def describe(store: Store, row: Attendance, zone: tzinfo) -> str:
    """A seat in words: "stand-in for Colonel Pollock · phone · late, arrived 09:25"."""
    seat = seat_of_row(store, row, zone)
    parts = [CAPACITY_LABEL[seat.capacity]]
    if seat.for_person_id:
        parts[0] += f" for {store.get(Person, seat.for_person_id).name}"
    if not seat.voting:
        parts.append("non-voting")
    parts.append(MODE_LABEL[seat.mode])
    status = row.status.value.replace("_", " ")
    if seat.arrived:
        status += f", arrived {seat.arrived:%H:%M}"
    if seat.left:
        status += f", left {seat.left:%H:%M}"
    parts.append(status)
    return " · ".join(parts)
