"""Who is at the table: organizations, people, governance bodies and their members."""

from __future__ import annotations

import math
from datetime import date

from pydantic import Field, field_validator

from facilitate.models.base import Record
from facilitate.models.enums import BodyKind, OrgKind


def _not_blank(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("must not be empty")
    return value


class Organization(Record):
    table = "organizations"

    name: str
    short_name: str = ""
    kind: OrgKind = OrgKind.OTHER
    notes: str = ""
    # A partner that has left: kept for the history that names it, offered for nothing new.
    active: bool = True

    _name = field_validator("name")(_not_blank)

    @property
    def label(self) -> str:
        return self.short_name or self.name


class Person(Record):
    """A partner. Role readiness lives here because it travels with the person across bodies."""

    table = "people"

    name: str
    organization_id: str | None = None
    email: str = ""
    phone: str = ""
    notes: str = ""
    active: bool = True
    # Role keys (e.g. "facilitator") the person is willing to take, and those they are ready for.
    willing_roles: list[str] = Field(default_factory=list)
    ready_roles: list[str] = Field(default_factory=list)
    unavailable: list[date] = Field(default_factory=list)

    _name = field_validator("name")(_not_blank)


class Body(Record):
    """A governance body: who meets, and what counts as quorum for it."""

    table = "bodies"

    name: str
    short_name: str = ""
    kind: BodyKind = BodyKind.STEERING_COMMITTEE
    description: str = ""
    # Quorum is a count of members, or a fraction of the current members (count wins if both).
    quorum_count: int | None = Field(default=None, ge=1)
    quorum_fraction: float | None = Field(default=None, gt=0, le=1)
    # Organizations that must be present for quorum (e.g. a Tribe on ICWA matters).
    quorum_organization_ids: list[str] = Field(default_factory=list)
    # Sectors (organization kinds) that must be present, e.g. family/lived experience.
    quorum_org_kinds: list[OrgKind] = Field(default_factory=list)
    archived: bool = False

    _name = field_validator("name")(_not_blank)

    @property
    def has_quorum_rule(self) -> bool:
        return (
            self.quorum_count is not None
            or self.quorum_fraction is not None
            or bool(self.quorum_organization_ids)
            or bool(self.quorum_org_kinds)
        )

    def quorum_needed(self, member_count: int) -> int | None:
        """How many members make quorum, given how many the body has today."""
        if self.quorum_count is not None:
            return self.quorum_count
        if self.quorum_fraction is not None:
            # "Half" of 8 is 4; a fraction of a person rounds up (half of 7 is 4).
            return max(1, math.ceil(self.quorum_fraction * member_count - 1e-9))
        return None


class Membership(Record):
    table = "memberships"

    body_id: str
    person_id: str
    role: str = "member"
    start_date: date | None = None
    end_date: date | None = None


class Office(Record):
    """An office of a body (chair, vice chair, secretary, treasurer, or the body's own title),
    held by a person for a term. Offices sit beside meeting roles: the chair may facilitate."""

    table = "offices"

    body_id: str
    title: str
    person_id: str
    starts_on: date | None = None
    ends_on: date | None = None
