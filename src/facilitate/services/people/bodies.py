"""Governance bodies: who meets, who sits on them (with start and end dates), and what makes quorum.

A partnership sets these up itself (set-up screen, `facilitate body ...`). Nothing here deletes
history: a body is archived, a membership is ended with an end date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Any

from facilitate.models import Body, MeetingSeries, Membership, Organization, Person
from facilitate.models.enums import BodyKind, OrgKind
from facilitate.services.people.people_lookup import current_members
from facilitate.services.people.roster import (
    ORG_KIND_LABELS,
    RosterError,
    reconcile_memberships,
    require_name,
)
from facilitate.store import Store

BODY_KIND_LABELS: dict[BodyKind, str] = {
    BodyKind.EXECUTIVE_COMMITTEE: "Executive / oversight committee",
    BodyKind.STEERING_COMMITTEE: "Steering committee",
    BodyKind.CORE_TEAM: "Core team",
    BodyKind.WORKGROUP: "Workgroup",
    BodyKind.COMMUNITY_ADVISORY_GROUP: "Community advisory group",
    BodyKind.LISTENING_CIRCLE: "Listening circle",
}

_WORD_FRACTIONS = {
    "half": Fraction(1, 2),
    "a half": Fraction(1, 2),
    "one half": Fraction(1, 2),
    "a third": Fraction(1, 3),
    "one third": Fraction(1, 3),
    "two thirds": Fraction(2, 3),
    "two-thirds": Fraction(2, 3),
    "three quarters": Fraction(3, 4),
    "three-quarters": Fraction(3, 4),
    "all": Fraction(1, 1),
}


# "A majority" is more than half: of 8 members 5, of 7 members 4. Stored as a share a hair over
# a half, so Body.quorum_needed's rounding up gives exactly that for any body under 100,000.
MAJORITY = 0.500001


class BodyError(RosterError):
    """A body or membership change that cannot be made; the message says why."""


@dataclass(frozen=True)
class QuorumRule:
    """What makes quorum: a count, or a fraction of current members (or neither)."""

    count: int | None = None
    fraction: float | None = None

    def describe(self) -> str:
        if self.count is not None:
            return f"{self.count} members"
        if self.fraction is not None:
            return f"{describe_fraction(self.fraction)} of members"
        return "no quorum rule"


def describe_fraction(value: float) -> str:
    if value == MAJORITY:
        return "majority"
    exact = Fraction(value).limit_denominator(12)
    if exact == Fraction(1, 2):
        return "half"
    if exact == 1:
        return "all"
    return f"{exact.numerator}/{exact.denominator}"


def parse_quorum(text: str) -> QuorumRule:
    """Read quorum as people write it: "6", "half", "majority", "2/3", "two thirds", "60%", or
    nothing (no rule)."""
    cleaned = " ".join(text.strip().lower().removesuffix("of members").split())
    if not cleaned or cleaned in {"none", "no quorum", "-"}:
        return QuorumRule()
    if cleaned.isdigit():
        count = int(cleaned)
        if count < 1:
            raise BodyError("Quorum must be at least 1 member, or a fraction such as “half”")
        return QuorumRule(count=count)
    if cleaned in {"majority", "a majority", "simple majority"}:
        return QuorumRule(fraction=MAJORITY)
    if cleaned in _WORD_FRACTIONS:
        return QuorumRule(fraction=float(_WORD_FRACTIONS[cleaned]))
    if match := re.fullmatch(r"(\d{1,3}(?:\.\d+)?)\s*%", cleaned):
        share = float(match.group(1)) / 100
    elif match := re.fullmatch(r"(\d+)\s*/\s*(\d+)", cleaned):
        if int(match.group(2)) == 0:
            raise BodyError(f"Quorum “{text.strip()}” divides by zero")
        share = int(match.group(1)) / int(match.group(2))
    else:
        raise BodyError(
            f"Quorum “{text.strip()}” is not a number of members or a share of them "
            "(e.g. 6, half, majority, 2/3, 60%)"
        )
    if not 0 < share <= 1:
        raise BodyError(f"Quorum “{text.strip()}” must be more than none and at most all members")
    return QuorumRule(fraction=share)


def quorum_text(body: Body) -> str:
    """The body's quorum as it would be typed back into the form."""
    if body.quorum_count is not None:
        return str(body.quorum_count)
    if body.quorum_fraction is not None:
        return describe_fraction(body.quorum_fraction)
    return ""


@dataclass(frozen=True)
class BodyFields:
    """What the body form and `facilitate body add|edit` set."""

    name: str
    short_name: str = ""
    kind: BodyKind = BodyKind.STEERING_COMMITTEE
    description: str = ""
    quorum: QuorumRule = QuorumRule()
    required_organization_ids: tuple[str, ...] = ()
    required_kinds: tuple[OrgKind, ...] = ()


def _check_name(store: Store, name: str, exclude_id: str | None) -> str:
    try:
        name = require_name(name, "Body name")
    except RosterError as error:
        raise BodyError(str(error)) from error
    for other in store.find(Body):
        if other.id != exclude_id and other.name.casefold() == name.casefold():
            raise BodyError(f"There is already a body called “{other.name}”")
    return name


def _check_required(store: Store, fields: BodyFields) -> None:
    known = {o.id for o in store.find(Organization)}
    unknown = [o for o in fields.required_organization_ids if o not in known]
    if unknown:
        raise BodyError(f"Required organization not on record: {', '.join(unknown)}")


def _values(fields: BodyFields) -> dict[str, Any]:
    return {
        "name": fields.name,
        "short_name": fields.short_name.strip(),
        "kind": fields.kind,
        "description": fields.description.strip(),
        "quorum_count": fields.quorum.count,
        "quorum_fraction": fields.quorum.fraction,
        "quorum_organization_ids": list(dict.fromkeys(fields.required_organization_ids)),
        "quorum_org_kinds": list(dict.fromkeys(fields.required_kinds)),
    }


def check_body(store: Store, fields: BodyFields, *, exclude_id: str | None = None) -> None:
    """Refuse, with the reason, what add_body or update_body would refuse (for a form)."""
    _check_name(store, fields.name, exclude_id)
    _check_required(store, fields)


def add_body(store: Store, fields: BodyFields) -> Body:
    name = _check_name(store, fields.name, None)
    _check_required(store, fields)
    values = _values(fields) | {"name": name}
    return store.insert(Body(**values))


def update_body(store: Store, body_id: str, fields: BodyFields, *, was: BodyFields) -> Body:
    """Save what the user changed between `was` (what the form was opened with) and `fields`,
    on the row as it is now: a co-facilitator's change to another field is kept, and a change
    to the same field is an EditConflict (Store.edit)."""
    name = _check_name(store, fields.name, body_id)
    _check_required(store, fields)
    after = _values(fields) | {"name": name}
    return store.edit(Body, body_id, _values(was), after, what=f"The body “{was.name}”")


def fields_of(body: Body) -> BodyFields:
    return BodyFields(
        name=body.name,
        short_name=body.short_name,
        kind=body.kind,
        description=body.description,
        quorum=QuorumRule(body.quorum_count, body.quorum_fraction),
        required_organization_ids=tuple(body.quorum_organization_ids),
        required_kinds=tuple(body.quorum_org_kinds),
    )


def set_archived(store: Store, body_id: str, archived: bool) -> Body:
    """Archive a body that no longer meets (its series and history stay), or bring it back."""
    with store.transaction():
        body = store.get(Body, body_id)
        body.archived = archived
        return store.save(body)


def bodies(store: Store, *, include_archived: bool = False) -> list[Body]:
    return [b for b in store.find(Body, order_by="name") if include_archived or not b.archived]


def find_body(store: Store, ref: str) -> Body:
    """A body by id, name or short name (any case), or a part of its name that only it has."""
    every = store.find(Body, order_by="name")
    wanted = ref.strip().casefold()
    for body in every:
        if wanted in {body.id, body.name.casefold(), body.short_name.casefold()}:
            return body
    partial = [b for b in every if wanted and wanted in b.name.casefold()]
    if len(partial) == 1:
        return partial[0]
    if partial:
        names = ", ".join(b.name for b in partial)
        raise BodyError(f"“{ref}” matches several bodies: {names}")
    known = ", ".join(b.name for b in every) or "none yet"
    raise BodyError(f"No body called “{ref}” (bodies: {known})")


# -- members -----------------------------------------------------------------------------------


def current_member_ids(store: Store, body_id: str, day: date) -> set[str]:
    return {m.person_id for m in current_members(store, body_id, day)}


@dataclass(frozen=True)
class MembersChange:
    started: tuple[str, ...]
    ended: tuple[str, ...]


def set_members(
    store: Store, body_id: str, person_ids: Iterable[str], *, on: date, role: str = "member"
) -> MembersChange:
    """Make exactly `person_ids` the body's members from `on`, by the roster's one rule
    (roster.reconcile_memberships): newcomers start that day, those no longer wanted end that
    day and stay on record."""
    wanted = set(person_ids)
    with store.transaction():
        store.get(Body, body_id)
        people = {p.id for p in store.find(Person)}
        strangers = wanted - people
        if strangers:
            raise BodyError(f"Not on the roster: {', '.join(sorted(strangers))}")
        added, removed = reconcile_memberships(
            store,
            store.find(Membership, body_id=body_id),
            {(body_id, person_id) for person_id in wanted},
            on,
            role=role,
        )
    return MembersChange(
        tuple(person for _, person in added), tuple(person for _, person in removed)
    )


# -- what the set-up screen lists --------------------------------------------------------------


@dataclass(frozen=True)
class BodyLine:
    body: Body
    members: int
    series: int
    quorum: str
    required: str


def body_lines(store: Store, on: date, *, include_archived: bool = True) -> list[BodyLine]:
    orgs = {o.id: o.label for o in store.find(Organization)}
    series_count: dict[str, int] = {}
    for series in store.find(MeetingSeries):
        if not series.archived:
            series_count[series.body_id] = series_count.get(series.body_id, 0) + 1
    lines = []
    for body in bodies(store, include_archived=include_archived):
        required = [orgs.get(o, "?") for o in body.quorum_organization_ids]
        required += [ORG_KIND_LABELS[k] for k in body.quorum_org_kinds]
        lines.append(
            BodyLine(
                body=body,
                members=len(current_member_ids(store, body.id, on)),
                series=series_count.get(body.id, 0),
                quorum=QuorumRule(body.quorum_count, body.quorum_fraction).describe(),
                required=", ".join(required),
            )
        )
    return lines
