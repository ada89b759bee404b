"""Who an ``@handle`` typed during a meeting means, and which organization an ``org:`` names.

The people a handle can mean are those at the table: everyone checked in as present, late or
left early (guests included), then the members of the meeting's body. A handle matches, ignoring
case, accents and the separators ``.``, ``_``, ``-`` and spaces:

* strongly: the full name (``@maria.lopez``, ``@maria_lopez``, ``@"Maria Lopez"``), the name
  without a title (``@ellen.marsh`` for "Judge Ellen Marsh"), or the local part of the email
  (``@dwhitfield`` for dwhitfield@harborcounty.example);
* weakly: the first name (``@maria``; a title such as "Judge" is skipped).

The best group wins: people in the room before absent members, and within each, strong matches
before weak ones (so ``@dana`` means the Dana at the table, not an absent member whose email
starts ``dana@``). One person in that group is a match; two or more is ambiguous and nothing is
guessed: the caller keeps the handle as typed (``ActionItem.owner_text``) so it is never lost.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import date

from facilitate.models import Attendance, Meeting, MeetingSeries, Membership, Organization, Person
from facilitate.models.enums import AttendanceStatus
from facilitate.store import RecordNotFound, Store

# Statuses of people who are (or were, today) in the room.
IN_ROOM = frozenset({AttendanceStatus.PRESENT, AttendanceStatus.LATE, AttendanceStatus.LEFT_EARLY})

_TITLES = frozenset({"judge", "dr", "mr", "mrs", "ms", "mx", "rev", "hon", "prof", "chief"})
_SEPARATORS = re.compile(r"[\s._\-]+")


def normalize(text: str) -> str:
    """Lowercase, accents removed, ``._-`` and runs of spaces read as one space."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SEPARATORS.sub(" ", plain).strip()


def _without_title(words: list[str]) -> list[str]:
    rest = list(words)
    while len(rest) > 1 and rest[0].rstrip(".") in _TITLES:
        rest.pop(0)
    return rest


@dataclass(frozen=True)
class Candidate:
    """Someone a handle may name: a known person, or a guest checked in by name only."""

    name: str
    person: Person | None = None
    guest: Attendance | None = None
    organization_id: str | None = None
    in_room: bool = False

    def strong_keys(self) -> set[str]:
        words = normalize(self.name).split()
        keys = {" ".join(words), " ".join(_without_title(words))}
        if self.person is not None and "@" in self.person.email:
            keys.add(normalize(self.person.email.split("@", 1)[0]))
        return {key for key in keys if key}

    def weak_keys(self) -> set[str]:
        words = _without_title(normalize(self.name).split())
        return {words[0]} if words else set()


@dataclass(frozen=True)
class HandleMatch:
    """What a handle resolved to. Unresolved when nobody, or more than one person, matched."""

    handle: str
    candidate: Candidate | None = None
    ambiguous: tuple[str, ...] = ()

    @property
    def resolved(self) -> bool:
        return self.candidate is not None

    @property
    def person(self) -> Person | None:
        return self.candidate.person if self.candidate else None

    @property
    def problem(self) -> str | None:
        """A sentence for the screen when the handle could not be resolved; None when it was."""
        if self.candidate is not None:
            return None
        if self.ambiguous:
            names = ", ".join(self.ambiguous)
            return f"@{self.handle} could mean {names}; kept as typed: use the full name"
        return f"@{self.handle} matches nobody present or on this body; kept as typed"


def resolve_handle(handle: str, candidates: Sequence[Candidate]) -> HandleMatch:
    """Match one handle (without its ``@``) against candidates. Pure: no store access."""
    wanted = normalize(handle)
    if not wanted:
        return HandleMatch(handle)
    groups: list[list[Candidate]] = [[], [], [], []]
    for candidate in candidates:
        room = 0 if candidate.in_room else 2
        if wanted in candidate.strong_keys():
            groups[room].append(candidate)
        elif wanted in candidate.weak_keys():
            groups[room + 1].append(candidate)
    for group in groups:
        if len(group) == 1:
            return HandleMatch(handle, candidate=group[0])
        if group:
            return HandleMatch(handle, ambiguous=tuple(sorted(c.name for c in group)))
    return HandleMatch(handle)


def people_by_id(store: Store, ids: Iterable[str | None]) -> dict[str, Person]:
    """The people with these ids, fetched one by one: a meeting needs dozens, not the registry."""
    found: dict[str, Person] = {}
    for person_id in ids:
        if person_id and person_id not in found:
            with suppress(RecordNotFound):
                found[person_id] = store.get(Person, person_id)
    return found


def current_members(store: Store, body_id: str, day: date) -> list[Membership]:
    """Memberships of a body that had started and not ended on `day`."""
    return [
        m
        for m in store.find(Membership, body_id=body_id)
        if (m.start_date is None or m.start_date <= day)
        and (m.end_date is None or m.end_date >= day)
    ]


def candidates_for(store: Store, meeting: Meeting) -> list[Candidate]:
    """People in the room (present, late or left early; guests too), then the body's members."""
    rows = [r for r in store.find(Attendance, meeting_id=meeting.id) if r.status in IN_ROOM]
    series = store.get(MeetingSeries, meeting.series_id)
    members = current_members(store, series.body_id, meeting.starts_at.date())
    people = people_by_id(store, [*(r.person_id for r in rows), *(m.person_id for m in members)])
    found: dict[str, Candidate] = {}
    guests: list[Candidate] = []
    for row in rows:
        person = people.get(row.person_id) if row.person_id else None
        if person is not None:
            org = row.organization_id or person.organization_id
            found[person.id] = Candidate(person.name, person, row, org, in_room=True)
        elif row.guest_name.strip():
            guests.append(Candidate(row.guest_name.strip(), None, row, row.organization_id, True))
    for membership in members:
        person = people.get(membership.person_id)
        if person is not None and person.id not in found:
            found[person.id] = Candidate(person.name, person, None, person.organization_id)
    return [*found.values(), *guests]


def resolve(store: Store, meeting: Meeting, handle: str) -> HandleMatch:
    return resolve_handle(handle, candidates_for(store, meeting))


def find_organization(organizations: Sequence[Organization], text: str) -> Organization | None:
    """The one organization whose short name (else full name) is `text`, ignoring case."""
    wanted = normalize(text)
    if not wanted:
        return None
    for attribute in ("short_name", "name"):
        hits = [o for o in organizations if normalize(getattr(o, attribute)) == wanted]
        if len(hits) == 1:
            return hits[0]
    return None
