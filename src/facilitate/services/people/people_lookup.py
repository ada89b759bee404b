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
from functools import lru_cache

from facilitate.models import Meeting, Membership, Organization, Person
from facilitate.models.enums import AttendanceStatus
from facilitate.store import RecordNotFound, Store, queries

# Statuses of people who are (or were, today) in the room.
IN_ROOM = frozenset({AttendanceStatus.PRESENT, AttendanceStatus.LATE, AttendanceStatus.LEFT_EARLY})

_TITLES = frozenset({"judge", "dr", "mr", "mrs", "ms", "mx", "rev", "hon", "prof", "chief"})
_SEPARATORS = re.compile(r"[\s._\-]+")


@lru_cache(maxsize=4096)
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
    """Someone a handle may name: a known person (`person_id` set), or a guest checked in by
    name only."""

    name: str
    person_id: str | None = None
    email: str = ""
    organization_id: str | None = None
    in_room: bool = False
    # Not in the room: on the meeting's body (True), or only on the partnership's roster.
    member: bool = True

    def strong_keys(self) -> frozenset[str]:
        return _strong_keys(self.name, self.email)

    def weak_keys(self) -> frozenset[str]:
        return _weak_keys(self.name)


# A meeting's few dozen names are matched on every action typed: normalize each name once.
@lru_cache(maxsize=4096)
def _strong_keys(name: str, email: str) -> frozenset[str]:
    words = normalize(name).split()
    keys = {" ".join(words), " ".join(_without_title(words))}
    if "@" in email:
        keys.add(normalize(email.split("@", 1)[0]))
    return frozenset(key for key in keys if key)


@lru_cache(maxsize=4096)
def _weak_keys(name: str) -> frozenset[str]:
    words = _without_title(normalize(name).split())
    return frozenset(words[:1])


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
    def person_id(self) -> str | None:
        return self.candidate.person_id if self.candidate else None

    @property
    def problem(self) -> str | None:
        """A sentence for the screen when the handle could not be resolved; None when it was."""
        if self.candidate is not None:
            return None
        if self.ambiguous:
            names = ", ".join(self.ambiguous)
            return f"@{self.handle} could mean {names}; kept as typed: use the full name"
        return f"@{self.handle} matches nobody on the partnership's roster; kept as typed"


class Room:
    """Candidates indexed by every key that names them, so a handle is one dictionary lookup."""

    def __init__(self, candidates: Iterable[Candidate]) -> None:
        self.candidates = tuple(candidates)
        # key -> (group, candidate); lower groups win: in the room (0 strong, 1 weak), then the
        # body's members (2, 3), then everyone else active on the partnership's roster (4, 5).
        self._by_key: dict[str, list[tuple[int, Candidate]]] = {}
        for candidate in self.candidates:
            group = 0 if candidate.in_room else 2 if candidate.member else 4
            strong = candidate.strong_keys()
            for key in strong:
                self._by_key.setdefault(key, []).append((group, candidate))
            for key in candidate.weak_keys() - strong:
                self._by_key.setdefault(key, []).append((group + 1, candidate))

    def resolve(self, handle: str) -> HandleMatch:
        hits = self._by_key.get(normalize(handle), [])
        if not hits:
            return HandleMatch(handle)
        best = min(group for group, _ in hits)
        chosen = [candidate for group, candidate in hits if group == best]
        if len(chosen) == 1:
            return HandleMatch(handle, candidate=chosen[0])
        return HandleMatch(handle, ambiguous=tuple(sorted(c.name for c in chosen)))


def resolve_handle(handle: str, candidates: Sequence[Candidate]) -> HandleMatch:
    """Match one handle (without its ``@``) against candidates. Pure: no store access."""
    return Room(candidates).resolve(handle)


def people_by_id(store: Store, ids: Iterable[str | None]) -> dict[str, Person]:
    """The people with these ids, fetched one by one: a meeting needs dozens, not the registry."""
    found: dict[str, Person] = {}
    for person_id in ids:
        if person_id and person_id not in found:
            with suppress(RecordNotFound):
                found[person_id] = store.get(Person, person_id)
    return found


def member_on(membership: Membership, day: date) -> bool:
    """Whether the membership holds on `day`, for rows already read: queries.MEMBER_ON in
    Python (a test holds the two equal). Its end date is the last day as a member, so a
    meeting held the day someone steps down still counts them."""
    return (membership.start_date is None or membership.start_date <= day) and (
        membership.end_date is None or membership.end_date >= day
    )


def continues_after(membership: Membership, day: date) -> bool:
    """Whether the membership has not ended by the close of `day`: what the roster shows as a
    body someone sits on. One ended today was left today, though it still counts for today."""
    return membership.end_date is None or membership.end_date > day


def current_members(store: Store, body_id: str, day: date) -> list[Membership]:
    """Memberships of a body that had started and not ended on `day` (queries.MEMBER_ON, the
    one rule every count of members uses)."""
    return queries.current_memberships(store, body_id, day)


def room_for(store: Store, meeting: Meeting) -> Room:
    """People in the room (present, late or left early; guests too), then the body's members.

    Read and indexed once per change of the room, not once per action typed.
    """
    day = meeting.starts_at.date()
    return store.remember(
        ("room", meeting.id, day),
        queries.PEOPLE_AT_MEETING_TABLES,
        lambda: Room(_candidates(queries.people_at_meeting(store, meeting.id, day))),
    )


def partnership_room(store: Store) -> Room:
    """Everyone active on the roster, for a handle nobody in the room or on the body matches.
    Read only then: a capture that names someone at the table never pays for the roster."""
    return store.remember(
        ("partnership",), ("people",), lambda: Room(_candidates(queries.active_people(store)))
    )


def candidates_for(store: Store, meeting: Meeting) -> tuple[Candidate, ...]:
    """The room and the body first, then everyone else on the roster (for completion lists and
    choices between people of one name)."""
    near = room_for(store, meeting).candidates
    known = {c.person_id for c in near if c.person_id}
    wider = tuple(c for c in partnership_room(store).candidates if c.person_id not in known)
    return (*near, *wider)


def _candidates(rows: Iterable[queries.PersonAtMeeting]) -> tuple[Candidate, ...]:
    found: dict[str, Candidate] = {}
    guests: list[Candidate] = []
    members: list[queries.PersonAtMeeting] = []
    for row in rows:
        if row.status is None:
            members.append(row)
        elif row.status in IN_ROOM:
            name = row.name.strip()
            if row.person_id is not None:
                found[row.person_id] = Candidate(
                    row.name, row.person_id, row.email, row.organization_id, in_room=True
                )
            elif name:
                guests.append(Candidate(name, None, "", row.organization_id, in_room=True))
    for row in sorted(members, key=lambda r: not r.member):  # the body before the roster
        if row.person_id is not None and row.person_id not in found:
            found[row.person_id] = Candidate(
                row.name, row.person_id, row.email, row.organization_id, member=row.member
            )
    return (*found.values(), *guests)


def resolve(store: Store, meeting: Meeting, handle: str) -> HandleMatch:
    """A handle in the room, then on the body, then anywhere on the partnership's roster."""
    near = room_for(store, meeting).resolve(handle)
    if near.resolved or near.ambiguous:
        return near
    wider = partnership_room(store).resolve(handle)
    return wider if wider.resolved or wider.ambiguous else near


def organization_named(organizations: Sequence[Organization], text: str) -> Organization | None:
    """The one organization whose short name (else full name) is exactly `text`, ignoring case:
    for a token typed in the room (`org:CFS`). A command-line argument, which may be part of a
    name, is found with people.find.find_organization."""
    wanted = normalize(text)
    if not wanted:
        return None
    for attribute in ("short_name", "name"):
        hits = [o for o in organizations if normalize(getattr(o, attribute)) == wanted]
        if len(hits) == 1:
            return hits[0]
    return None
