"""The one quorum rule: whether a body can decide, now or at a given moment of a meeting.

The live screen, the opening screen, each decision's snapshot and the minutes all ask here, so
they cannot disagree. The rule, where a body defines one (`Body.has_quorum_rule`):

* **Who counts:** the body's members (memberships current on the meeting's date) who are in the
  room in a member's seat (`seat_of`). Regrets and absences never count. Staff and guests never
  count toward the number, nor does a member who does not vote, nor anyone not on the body.
* **A stand-in** (capacity alternate, sitting for a named member) counts in that member's place,
  once, and only while in the room: the member is then represented, not absent (`stand_ins`).
* **In the room at a moment:** someone checked in as present or late counts from their arrival
  (``arrived_at``; a row with no arrival time counts from the start). Someone who left early
  stops counting at their departure (``left_at``); one marked left early with no time recorded
  does not count, since nobody can say when they went.
* **In the room now** (no moment given): present or late; left early does not count. For a
  meeting recorded as it happened the two agree; they differ only when a person who left came
  back, which one attendance row cannot tell (the row keeps the first arrival), and that is why
  each decision keeps its own snapshot.
* **Required organizations and sectors:** each organization the body requires must have someone
  in the room sitting for it (the organization on their attendance row), member or not: a Tribe
  may send a delegate, and a guest may sit for a partner. Each required sector (organization
  kind) likewise.
* **A body with no members** on the meeting's date counts nobody and says so.
* A body with no rule is "no quorum rule", never "met".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from facilitate.models import Attendance, Body, Meeting, MeetingSeries, Organization
from facilitate.models.enums import AttendanceCapacity, AttendanceStatus
from facilitate.models.ids import as_utc
from facilitate.services.people.people_lookup import IN_ROOM, current_members
from facilitate.services.people.roster import missing_sectors
from facilitate.store import Store

NOW_COUNTED = frozenset({AttendanceStatus.PRESENT, AttendanceStatus.LATE})
"""Statuses in the room now."""

_GONE_ORGANIZATION = "an organization no longer on record"


@dataclass(frozen=True)
class Quorum:
    """Whether the body can decide, and why, as numbers and labels: the sentence a reader sees
    is `record.quorum_words.sentence`, in the language of the page."""

    defined: bool
    met: bool
    counted: int
    needed: int | None
    missing_organizations: tuple[str, ...]
    # Members on the body on the meeting's date; 0 means nobody can count.
    members: int = 0
    # Whether anyone's attendance was recorded at all (the minutes say nothing otherwise).
    attendance_taken: bool = False
    # Every organization the body requires at the table, by label, present or not.
    required_organizations: tuple[str, ...] = ()
    body_name: str = ""

    @property
    def nobody_counts(self) -> bool:
        """A number is needed but the body has no members on the meeting's date."""
        return self.defined and self.needed is not None and self.members == 0

    @property
    def reason(self) -> str:
        """The account a decision keeps of quorum (its ``quorum_reason``), in the fixed form the
        record has always stored ("quorum met: 8 of 6 needed"), whatever language the
        minutes are later written in."""
        if not self.defined:
            return f"{self.body_name} has no quorum rule"
        parts = []
        if self.needed is not None:
            parts.append(f"{self.counted} of {self.needed} needed")
            if self.nobody_counts:
                parts.append(f"{self.body_name} has no members on record, so nobody counts")
        parts += [f"{label} not present" for label in self.missing_organizations]
        if not self.met:
            return "no quorum: " + "; ".join(parts)
        present = ["required organizations present"] if self.required_organizations else []
        return "quorum met: " + "; ".join([*parts, *present])


def in_the_room(row: Attendance, at: datetime | None = None) -> bool:
    """Whether this attendance row puts someone in the room at `at` (now when None)."""
    if at is None:
        return row.status in NOW_COUNTED
    if row.status not in IN_ROOM:
        return False
    moment = as_utc(at)
    if row.arrived_at is not None and as_utc(row.arrived_at) > moment:
        return False
    if row.left_at is not None:
        return as_utc(row.left_at) > moment
    return row.status is not AttendanceStatus.LEFT_EARLY


def seat_of(row: Attendance, member_ids: set[str]) -> AttendanceCapacity:
    """The capacity a row really had: a guest checked in by name, or someone recorded as a
    member who is not on the body that day (rows kept before capacities were), is a guest."""
    if row.capacity is AttendanceCapacity.MEMBER and row.person_id not in member_ids:
        return AttendanceCapacity.GUEST
    if row.capacity is AttendanceCapacity.ALTERNATE and row.for_person_id is None:
        return AttendanceCapacity.GUEST
    return row.capacity


def counts_for(row: Attendance, member_ids: set[str]) -> str | None:
    """The member whose seat this row fills toward quorum, or None when it fills none: a voting
    member counts for themself, a voting stand-in for the member they sit for."""
    if not row.voting:
        return None
    seat = seat_of(row, member_ids)
    if seat is AttendanceCapacity.MEMBER:
        return row.person_id
    if seat is AttendanceCapacity.ALTERNATE and row.for_person_id in member_ids:
        return row.for_person_id
    return None


def stand_ins(rows: Iterable[Attendance]) -> dict[str, Attendance]:
    """Member id → the attendance row of whoever sat for them (the first one recorded)."""
    found: dict[str, Attendance] = {}
    for row in rows:
        if row.capacity is AttendanceCapacity.ALTERNATE and row.for_person_id:
            found.setdefault(row.for_person_id, row)
    return found


def judge(
    body: Body,
    member_ids: set[str],
    rows: Iterable[Attendance],
    organizations: Mapping[str, Organization],
    *,
    at: datetime | None = None,
) -> Quorum:
    """The rule itself, on rows already read: pure, so a test can drive it with any timeline."""
    every = list(rows)
    here = [row for row in every if in_the_room(row, at)]
    taken = bool(every)
    if not body.has_quorum_rule:
        return Quorum(False, True, len(here), None, (), len(member_ids), taken, body_name=body.name)
    counted = len({seat for row in here if (seat := counts_for(row, member_ids)) is not None})
    represented = {row.organization_id for row in here if row.organization_id}
    required = {
        org_id: organizations[org_id].label if org_id in organizations else _GONE_ORGANIZATION
        for org_id in body.quorum_organization_ids
    }
    missing = tuple(
        label for org_id, label in required.items() if org_id not in represented
    ) + missing_sectors(body, {organizations[o].kind for o in represented if o in organizations})
    needed = body.quorum_needed(len(member_ids))
    met = (needed is None or counted >= needed) and not missing
    return Quorum(
        True,
        met,
        counted,
        needed,
        missing,
        len(member_ids),
        taken,
        required_organizations=tuple(required.values()),
        body_name=body.name,
    )


def here_now(store: Store, meeting_id: str) -> set[str] | None:
    """The people in the room now (`in_the_room`), by id; None before anyone's attendance is
    taken, when nobody can say who is here."""
    rows = store.find(Attendance, meeting_id=meeting_id)
    if not rows:
        return None
    return {row.person_id for row in rows if row.person_id and in_the_room(row)}


def body_of(store: Store, meeting: Meeting) -> Body:
    return store.get(Body, store.get(MeetingSeries, meeting.series_id).body_id)


# What the rule reads: a remembered answer is redone when any of these changes (here or in
# another window), so a decision's snapshot costs nothing while the room stays as it is.
QUORUM_TABLES = (
    "meetings",
    "meeting_series",
    "bodies",
    "memberships",
    "attendance",
    "organizations",
)


def quorum(store: Store, meeting_id: str, at: datetime | None = None) -> Quorum:
    """Quorum of the meeting's body now (`at` None) or at moment `at` of the meeting, from
    arrival and departure times: the minutes' "reached at / lost at" and each decision's count
    ask this."""
    if at is None:
        return store.remember(
            ("quorum", meeting_id), QUORUM_TABLES, lambda: _quorum(store, meeting_id, None)
        )
    return _quorum(store, meeting_id, at)


def _quorum(store: Store, meeting_id: str, at: datetime | None) -> Quorum:
    meeting = store.get(Meeting, meeting_id)
    body = body_of(store, meeting)
    members = {m.person_id for m in current_members(store, body.id, meeting.starts_at.date())}
    rows = store.find(Attendance, meeting_id=meeting_id)
    organizations = {o.id: o for o in store.find(Organization)}
    return judge(body, members, rows, organizations, at=at)
