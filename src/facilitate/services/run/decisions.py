"""A decision as the room took it: who stood aside, blocked or objected, and quorum at the time.

Quick entry and the decision dialog both name people as they are typed (``@dana``,
``@"Dana Whitfield"``, an organization's short name such as ``@pp``). Here those names become
people or organizations on record; a name that matches nobody is kept as typed, with a problem
for the screen, so nothing said is lost. The quorum snapshot is the one rule's answer
(`facilitate.services.quorum`) at the moment the decision is recorded.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from facilitate.models import (
    Amendment,
    ConsentObjection,
    Decision,
    Meeting,
    Objection,
    Organization,
    RollCall,
    Someone,
)
from facilitate.services.people import people_lookup
from facilitate.services.quorum import Quorum, quorum
from facilitate.services.run.quick_entry import Called, Proposed, Raised, Stance
from facilitate.store import Store


def someone(store: Store, meeting: Meeting, typed: str) -> tuple[Someone, str | None]:
    """Who `typed` names: a person at the table or on the body, else an organization (by short
    name, name, their initials or a word of the short name), else the words as typed with a
    problem saying so."""
    typed = " ".join(typed.removeprefix("@").split())
    match = people_lookup.resolve(store, meeting, typed)
    if match.candidate is not None:
        found = match.candidate
        return Someone(
            who=found.name, person_id=found.person_id, organization_id=found.organization_id
        ), None
    organization = _organization(store.find(Organization), typed)
    if organization is not None:
        return Someone(who=organization.name, organization_id=organization.id), None
    if match.ambiguous:
        return Someone(who=typed), match.problem
    return Someone(who=typed), (
        f"@{typed} matches nobody present, on this body or among the organizations; kept as typed"
    )


def _organization(organizations: Sequence[Organization], typed: str) -> Organization | None:
    """The one organization `typed` names: its short name or name, else their initials
    (``pp`` for Parent Partners), else one word of its short name (``icwa``)."""
    found = people_lookup.organization_named(organizations, typed)
    if found is not None:
        return found
    wanted = people_lookup.normalize(typed)
    for key in (_initials, _short_words):
        hits = [o for o in organizations if o.active and wanted in key(o)]
        if len(hits) == 1:
            return hits[0]
    return None


def _initials(organization: Organization) -> set[str]:
    return {
        "".join(word[0] for word in people_lookup.normalize(name).split())
        for name in (organization.short_name, organization.name)
        if name.strip()
    }


def _short_words(organization: Organization) -> set[str]:
    return set(people_lookup.normalize(organization.short_name).split())


def positions(
    store: Store, meeting: Meeting, stances: Sequence[Stance]
) -> tuple[list[Objection], list[str]]:
    """Stand-asides or blocks as stored, with a problem for each name not matched."""
    found: list[Objection] = []
    problems: list[str] = []
    for stance in stances:
        who, problem = someone(store, meeting, stance.who)
        found.append(Objection(**who.model_dump(), reason=stance.reason))
        if problem:
            problems.append(problem)
    return found, problems


def objections(
    store: Store, meeting: Meeting, raised: Sequence[Raised]
) -> tuple[list[ConsentObjection], list[str]]:
    """Consent objections as stored; one raised by nobody named keeps an empty `who`."""
    found: list[ConsentObjection] = []
    problems: list[str] = []
    for objection in raised:
        who = Someone()
        if objection.who is not None:
            who, problem = someone(store, meeting, objection.who)
            if problem:
                problems.append(problem)
        found.append(
            ConsentObjection(
                **who.model_dump(), objection=objection.objection, resolution=objection.resolution
            )
        )
    return found, problems


def roll_call(
    store: Store, meeting: Meeting, called: Sequence[Called]
) -> tuple[list[RollCall], list[str]]:
    """Each member's vote as stored, in the order called, with a problem for each name not
    matched (kept as typed, with its vote)."""
    found: list[RollCall] = []
    problems: list[str] = []
    for answer in called:
        who, problem = someone(store, meeting, answer.who)
        found.append(RollCall(**who.model_dump(), vote=answer.vote))
        if problem:
            problems.append(problem)
    return found, problems


@dataclass(frozen=True)
class Motion:
    """A motion's people on record: its mover, its seconder and its amendments' (lists of at most
    one, as `Decision` keeps them), and the names that matched nobody."""

    moved_by: list[Someone]
    seconded_by: list[Someone]
    amendments: list[Amendment]
    problems: tuple[str, ...] = ()

    def fields(self) -> dict[str, Any]:
        """As `Decision`'s fields."""
        return {
            "moved_by": self.moved_by,
            "seconded_by": self.seconded_by,
            "amendments": self.amendments,
        }


def motion(
    store: Store,
    meeting: Meeting,
    moved_by: str | None,
    seconded_by: str | None,
    amendments: Sequence[Proposed] = (),
) -> Motion:
    """Who moved, seconded and amended a motion, as people or organizations on record."""
    problems: list[str] = []

    def named(typed: str | None) -> Someone | None:
        if not typed:
            return None
        who, problem = someone(store, meeting, typed)
        if problem:
            problems.append(problem)
        return who

    mover, seconder = named(moved_by), named(seconded_by)
    changed = [
        Amendment(
            text=" ".join(a.text.split()),
            moved_by=named(a.who),
            seconded_by=named(a.seconder),
            outcome=a.outcome,
        )
        for a in amendments
    ]
    return Motion(
        [mover] if mover else [], [seconder] if seconder else [], changed, tuple(problems)
    )


SNAPSHOT_FIELDS = (
    "quorum_defined",
    "quorum_met",
    "quorum_counted",
    "quorum_needed",
    "quorum_missing",
    "quorum_reason",
)
"""A decision's fields that keep quorum as it was; never corrected afterwards."""


def snapshot(status: Quorum) -> dict[str, Any]:
    """A quorum answer as the decision's ``quorum_*`` fields. Before anyone's attendance is
    taken nobody knows whether there was quorum: `quorum_met` is then None ("not known"), never
    False, so no record says a decision was taken without quorum when nobody checked."""
    known = status.attendance_taken or not status.defined
    return {
        "quorum_defined": status.defined,
        "quorum_met": status.met if known else None,
        "quorum_counted": status.counted,
        "quorum_needed": status.needed,
        "quorum_missing": list(status.missing_organizations),
        "quorum_reason": status.reason if known else "attendance not taken yet",
    }


def quorum_now(store: Store, meeting_id: str) -> dict[str, Any]:
    """The snapshot a decision taken now keeps: what the live screen shows at this moment."""
    return snapshot(quorum(store, meeting_id))


def snapshot_of(decision: Decision) -> dict[str, Any] | None:
    """The snapshot stored on a decision, as `snapshot` wrote it; None when none was taken
    (decisions recorded before schema 6)."""
    if decision.quorum_defined is None:
        return None
    return {name: getattr(decision, name) for name in SNAPSHOT_FIELDS}
