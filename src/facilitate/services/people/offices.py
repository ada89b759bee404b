"""A body's officers (chair, vice chair, secretary, treasurer, or the body's own titles) with
their terms, and who presided at a meeting.

Offices sit beside meeting roles, never among them: the chair may also facilitate, and the
rotation of meeting roles does not see offices at all. Giving an office to someone ends the
previous holder's term the day before, so the body's history of officers stays whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from facilitate.errors import Refusal
from facilitate.models import Attendance, Body, Meeting, MeetingSeries, Office, Person
from facilitate.models.enums import AttendanceStatus
from facilitate.services.people.people_lookup import IN_ROOM
from facilitate.services.quorum import in_the_room
from facilitate.store import Store

USUAL_TITLES = ("Chair", "Vice chair", "Co-chair", "Secretary", "Treasurer")
"""Offered first; a body may keep its own titles ("Presiding judge", "Convener")."""

# Who presides by default, in this order, when the meeting does not say.
_PRESIDING_TITLES = ("chair", "co-chair", "vice chair")


class OfficeError(Refusal):
    """An office that cannot be recorded; the message names the field."""


@dataclass(frozen=True)
class OfficeLine:
    """One officer as a list shows it."""

    office: Office
    person: str


def _same_title(a: str, b: str) -> bool:
    return " ".join(a.casefold().replace("_", " ").split()) == " ".join(
        b.casefold().replace("_", " ").split()
    )


def is_office_title(text: str) -> bool:
    """Whether `text` (a title or a role key such as ``co_chair``) names a usual office."""
    return any(_same_title(text, title) for title in USUAL_TITLES)


def _holds_on(office: Office, day: date) -> bool:
    return (office.starts_on is None or office.starts_on <= day) and (
        office.ends_on is None or office.ends_on >= day
    )


def set_office(
    store: Store,
    body_id: str,
    title: str,
    person_id: str,
    *,
    starts_on: date | None = None,
    ends_on: date | None = None,
) -> Office:
    """Give `title` on the body to a person from `starts_on` (None: since before the record).

    Whoever held the same title when the new term starts has their term ended the day before;
    giving a person the office they already hold changes nothing.
    """
    title = " ".join(title.split())
    if not title:
        raise OfficeError("Title: name the office (e.g. Chair, Secretary)")
    if starts_on is not None and ends_on is not None and ends_on < starts_on:
        raise OfficeError(f"Until: {ends_on:%Y-%m-%d} is before the term starts ({starts_on})")
    with store.transaction():
        body = store.get(Body, body_id)
        person = store.get(Person, person_id)
        day = starts_on or date.min
        held = [
            o
            for o in store.find(Office, body_id=body.id)
            if _same_title(o.title, title) and _holds_on(o, day)
        ]
        for office in held:
            if office.person_id == person.id:
                return office
            if office.starts_on is not None and starts_on is not None and office.starts_on >= day:
                raise OfficeError(
                    f"From: {store.get(Person, office.person_id).name} is {office.title} from "
                    f"{office.starts_on}; give a later date, or end that term first"
                )
            if starts_on is None:
                raise OfficeError(
                    f"From: {store.get(Person, office.person_id).name} holds {office.title}; "
                    "say from when the office changes hands"
                )
            office.ends_on = starts_on - timedelta(days=1)
            store.update_fields(office, ["ends_on"])
        return store.insert(
            Office(
                body_id=body.id,
                title=title,
                person_id=person.id,
                starts_on=starts_on,
                ends_on=ends_on,
            )
        )


def end_office(store: Store, office_id: str, ends_on: date) -> Office:
    """End a term on `ends_on` (the last day in office)."""
    with store.transaction():
        office = store.get(Office, office_id)
        if office.starts_on is not None and ends_on < office.starts_on:
            raise OfficeError(f"Until: {ends_on} is before the term starts ({office.starts_on})")
        office.ends_on = ends_on
        return store.update_fields(office, ["ends_on"])


def remove_office(store: Store, office_id: str) -> Office:
    """Take back a term given by mistake (the wrong person, the wrong title): it was never held.
    A term that really ended is ended (`end_office`), not removed: the record keeps who held it."""
    with store.transaction():
        office = store.get(Office, office_id)
        store.delete(Office, office_id)
    return office


def find_office(store: Store, body_id: str, title: str, person_id: str) -> Office:
    """The body's newest term of `title` held by the person; OfficeError when there is none."""
    terms = [
        o
        for o in store.find(Office, body_id=body_id, person_id=person_id)
        if _same_title(o.title, title)
    ]
    if not terms:
        raise OfficeError(f"{title!r}: the person holds no such office on this body")
    return max(terms, key=lambda o: o.starts_on or date.min)


def officers(store: Store, body_id: str, day: date | None = None) -> list[OfficeLine]:
    """The body's officers on `day` (every term ever, newest first, when None), usual titles
    in their usual order, then the body's own."""
    offices = store.find(Office, body_id=body_id)
    if day is not None:
        offices = [o for o in offices if _holds_on(o, day)]
    names = {p.id: p.name for p in store.find(Person)} if offices else {}

    def order(office: Office) -> tuple[int, str, int]:
        rank = next(
            (i for i, t in enumerate(USUAL_TITLES) if _same_title(t, office.title)),
            len(USUAL_TITLES),
        )
        started = office.starts_on or date.min
        return rank, office.title.casefold(), -started.toordinal()

    return [OfficeLine(o, names.get(o.person_id, "")) for o in sorted(offices, key=order)]


def presiding(store: Store, meeting_id: str) -> Person | None:
    """Who presided: as recorded on the meeting, else an officer in office on the meeting's day
    (a chair, a co-chair, a vice chair, in that order): first one at the table when the meeting
    was called to order, then one who came later, then one not recorded as there at all; None
    when the body has none on record."""
    meeting = store.get(Meeting, meeting_id)
    if meeting.presided_by_person_id is not None:
        return store.get(Person, meeting.presided_by_person_id)
    return presiding_by_default(store, meeting_id)


def presiding_by_default(store: Store, meeting_id: str) -> Person | None:
    """Who presides when the meeting does not say: the officer `presiding` falls back on, even
    when someone else is recorded (what a form offers as "the chair in office")."""
    meeting = store.get(Meeting, meeting_id)
    body_id = store.get(MeetingSeries, meeting.series_id).body_id
    serving = [line.office for line in officers(store, body_id, meeting.starts_at.date())]
    rows = [
        row
        for row in store.find(Attendance, meeting_id=meeting.id)
        if row.status in IN_ROOM and row.person_id is not None
    ]
    # A chair who came in after the gavel did not preside over the opening: whoever did
    # (a co-chair present from the start) is the one the minutes name.
    at_opening = {row.person_id for row in rows if _there_at_opening(row, meeting)}
    here = {row.person_id for row in rows}
    holders = [o for title in _PRESIDING_TITLES for o in serving if _same_title(o.title, title)]
    for wanted in (at_opening, here, None):
        chair = next((o for o in holders if wanted is None or o.person_id in wanted), None)
        if chair is not None:
            return store.get(Person, chair.person_id)
    return None


def _there_at_opening(row: Attendance, meeting: Meeting) -> bool:
    """Whether an attendee was at the table at the call to order: one marked present was on
    time whenever the roll reached them; anyone else by the one rule's reading of the room at
    that moment (`quorum.in_the_room`)."""
    if row.status is AttendanceStatus.PRESENT:
        return True
    return meeting.opened_at is not None and in_the_room(row, meeting.opened_at)


def presiding_candidates(store: Store, meeting_id: str) -> list[Person]:
    """Who may preside: the people at the table today (`people_lookup.IN_ROOM`: present, late,
    or there and gone early), by name. A guest checked in by name only is no one to record."""
    ids = {
        row.person_id
        for row in store.find(Attendance, meeting_id=meeting_id)
        if row.status in IN_ROOM and row.person_id is not None
    }
    people = [store.get(Person, person_id) for person_id in ids]
    return sorted(people, key=lambda p: (p.name.casefold(), p.id))


def set_presiding(store: Store, meeting_id: str, person_id: str | None) -> Meeting:
    """Record who presided (None: the chair in office, as by default); only someone at the
    table (`presiding_candidates`) may be named."""
    with store.transaction():
        meeting = store.get(Meeting, meeting_id)
        if person_id is not None:
            person = store.get(Person, person_id)
            if person not in presiding_candidates(store, meeting_id):
                raise OfficeError(
                    f"Presiding: {person.name} is not at the table at {meeting.title}; "
                    "check them in first (present or late)"
                )
        meeting.presided_by_person_id = person_id
        return store.update_fields(meeting, ["presided_by_person_id"])
