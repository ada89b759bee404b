"""Inputs and outputs of the role rotation: plain frozen dataclasses, no behaviour beyond
small predicates. See `facilitate.services.lead.rotation` for the algorithm.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Protocol

__all__ = [
    "CO_FACILITATOR",
    "DEFAULT_ROLES",
    "FACILITATOR",
    "Candidate",
    "PastAssignment",
    "RoleLike",
    "RoleSpec",
    "RotationSuggestion",
    "Suggestion",
    "org_unit",
    "role_specs",
]


@dataclass(frozen=True, slots=True)
class RoleSpec:
    """One role of a series' role catalogue, with what the rotation needs to know about it.

    `rotate_orgs`: organizations take turns at this role before people within them do.
    `mentored_by`: key of a role whose ready holder can mentor a learner in this role.
    `verb` / `verb_past`: phrases for reasons ("facilitate" / "facilitated"); by default
    "serve as <name>" / "served as <name>".
    """

    key: str
    name: str
    requires_readiness: bool = False
    lead: bool = False
    rotate_orgs: bool = False
    mentored_by: str | None = None
    verb: str = ""
    verb_past: str = ""

    @property
    def doing(self) -> str:
        """The role as an infinitive phrase: "facilitate", "serve as note-taker"."""
        return self.verb or f"serve as {self.name.lower()}"

    @property
    def done(self) -> str:
        """The role as a past-tense phrase: "facilitated", "served as note-taker"."""
        return self.verb_past or f"served as {self.name.lower()}"


FACILITATOR = RoleSpec(
    key="facilitator",
    name="Facilitator",
    requires_readiness=True,
    lead=True,
    rotate_orgs=True,
    verb="facilitate",
    verb_past="facilitated",
)
CO_FACILITATOR = RoleSpec(
    key="co_facilitator",
    name="Co-facilitator",
    lead=True,
    mentored_by="facilitator",
    verb="co-facilitate",
    verb_past="co-facilitated",
)

DEFAULT_ROLES: tuple[RoleSpec, ...] = (
    FACILITATOR,
    CO_FACILITATOR,
    RoleSpec(key="note_taker", name="Note-taker"),
    RoleSpec(key="timekeeper", name="Timekeeper"),
    RoleSpec(key="process_observer", name="Process observer"),
)
"""The default catalogue, in order of filling priority."""

_KNOWN_ROLES = {FACILITATOR.key: FACILITATOR, CO_FACILITATOR.key: CO_FACILITATOR}


class RoleLike(Protocol):
    """Anything shaped like a catalogue entry, e.g. `facilitate.models.RoleDef`."""

    @property
    def key(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def requires_readiness(self) -> bool: ...
    @property
    def lead(self) -> bool: ...


def role_specs(defs: Iterable[RoleLike]) -> tuple[RoleSpec, ...]:
    """Turn a stored role catalogue into `RoleSpec`s, keeping its order.

    The series decides names, readiness and lead; the well-known keys `facilitator` and
    `co_facilitator` additionally get organization turns and the learning pairing, because the
    stored catalogue has no place for those.
    """
    specs = []
    for d in defs:
        known = _KNOWN_ROLES.get(d.key)
        specs.append(
            RoleSpec(
                key=d.key,
                name=d.name,
                requires_readiness=d.requires_readiness,
                lead=d.lead,
                rotate_orgs=known.rotate_orgs if known else False,
                mentored_by=known.mentored_by if known else None,
                verb=known.verb if known else "",
                verb_past=known.verb_past if known else "",
            )
        )
    return tuple(specs)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A member of the series' roster as the rotation sees them. `org_id` None: unaffiliated."""

    person_id: str
    name: str
    org_id: str | None
    org_name: str = ""
    willing: frozenset[str] = frozenset()
    ready: frozenset[str] = frozenset()
    active: bool = True
    unavailable: frozenset[date] = frozenset()

    def can_take(self, role: RoleSpec, on: date) -> bool:
        """True when this person may be given `role` on `on`, ignoring the rest of the meeting."""
        return (
            self.active
            and on not in self.unavailable
            and role.key in self.willing
            and (not role.requires_readiness or role.key in self.ready)
        )

    def is_learner_for(self, role_key: str) -> bool:
        """Willing to take `role_key` but not yet ready for it."""
        return role_key in self.willing and role_key not in self.ready


@dataclass(frozen=True, slots=True)
class PastAssignment:
    """A role someone actually held at an earlier meeting of the series.

    `org_id` is the organization they represented then, which may differ from today's.
    """

    meeting_date: date
    role_key: str
    person_id: str
    org_id: str | None


def org_unit(org_id: str | None, person_id: str) -> str:
    """The key organizations take turns by; an unaffiliated person is a unit of their own.

    Lumping all unaffiliated people (often family members with lived experience) into one
    pseudo-organization would make them wait for each other's turns.
    """
    return org_id if org_id is not None else f"\x00person:{person_id}"


@dataclass(frozen=True, slots=True)
class Suggestion:
    """Who is suggested for one role, and why. `person_id` None: the role is left open."""

    role_key: str
    role_name: str
    person_id: str | None
    person_name: str | None
    org_id: str | None
    why: str
    needs_people: bool = False
    """Left open for want of what people say of themselves in People (nobody has said they
    will take the role, or nobody willing is marked ready): marking it there is the fix."""

    @property
    def is_open(self) -> bool:
        """True when nobody could be suggested."""
        return self.person_id is None


@dataclass(frozen=True, slots=True)
class RotationSuggestion:
    """The suggestion for a whole meeting, one entry per catalogue role in catalogue order."""

    meeting_date: date
    assignments: tuple[Suggestion, ...]

    @property
    def open_roles(self) -> tuple[str, ...]:
        """Keys of roles nobody could be suggested for."""
        return tuple(s.role_key for s in self.assignments if s.is_open)

    @property
    def needing_people(self) -> tuple[str, ...]:
        """Keys of roles left open until someone is marked willing or ready in People."""
        return tuple(s.role_key for s in self.assignments if s.needs_people)

    def for_role(self, role_key: str) -> Suggestion:
        """The suggestion for `role_key`; KeyError when the catalogue has no such role."""
        for s in self.assignments:
            if s.role_key == role_key:
                return s
        raise KeyError(role_key)

    def chosen(self) -> dict[str, str]:
        """Role key → person id for every filled role, ready to be stored as history."""
        return {s.role_key: s.person_id for s in self.assignments if s.person_id is not None}
