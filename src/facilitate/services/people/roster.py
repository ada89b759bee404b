"""The roster behind shared leadership: who the partners are, which roles each is willing to take
and ready for, when they are away, which bodies they sit on, and each series' role catalogue.

Rules kept here so every caller gets them:

* Being ready for a role implies being willing to take it: saving a person adds every ready role
  to their willing roles.
* Unavailable dates are kept sorted and without repeats.
* The five standard roles stay in every series' catalogue; only custom roles can be removed.
* A name, email or organization name is at most 200 characters; an email belongs to one person.
* Nothing the record names is deleted: a person or organization still named somewhere is
  deactivated or retired instead, and a membership ends with an end date.

This module reads the roster (`roster_rows`, the sectors a body misses); the rest is split by
job, and its names are importable from here too, as its many callers do: `roster_rules` (the
checks above), `roster_people`, `roster_organizations`, `roster_retire` (deactivate, retire,
delete), `roster_memberships` and `roster_roles`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from facilitate.models import Body, Membership, Organization, Person
from facilitate.models.enums import OrgKind
from facilitate.services.people.directory import ORG_KIND_LABELS
from facilitate.services.people.people_lookup import continues_after, member_on
from facilitate.services.people.roster_memberships import (
    MembershipChange,
    Pair,
    body_choices,
    current_body_ids,
    membership_history,
    reconcile_memberships,
    set_memberships,
)
from facilitate.services.people.roster_organizations import (
    OrganizationFields,
    add_organization,
    check_organization,
    edit_organization,
    organization_fields,
    update_organization,
)
from facilitate.services.people.roster_people import (
    PersonFields,
    add_person,
    person_fields,
    update_person,
)
from facilitate.services.people.roster_retire import (
    delete_organization,
    delete_person,
    describe_references,
    set_active,
    set_organization_active,
)
from facilitate.services.people.roster_roles import (
    DEFAULT_ROLE_KEYS,
    add_role,
    all_role_defs,
    remove_role,
    role_catalogue,
    role_key,
    update_role,
)
from facilitate.services.people.roster_rules import (
    MAX_LENGTH,
    EmailOwners,
    RosterError,
    check_email_free,
    clean_email,
    parse_unavailable,
    refuse_taken_email,
    require_name,
    tidy_person,
)
from facilitate.store import Store

__all__ = [
    "DEFAULT_ROLE_KEYS",
    "MAX_LENGTH",
    "ORG_KIND_LABELS",
    "EmailOwners",
    "MembershipChange",
    "OrganizationFields",
    "Pair",
    "PersonFields",
    "RosterError",
    "RosterRow",
    "add_organization",
    "add_person",
    "add_role",
    "all_role_defs",
    "body_choices",
    "check_email_free",
    "check_organization",
    "clean_email",
    "current_body_ids",
    "delete_organization",
    "delete_person",
    "describe_references",
    "edit_organization",
    "membership_history",
    "missing_sectors",
    "organization_fields",
    "parse_unavailable",
    "person_fields",
    "reconcile_memberships",
    "refuse_taken_email",
    "remove_role",
    "require_name",
    "role_catalogue",
    "role_key",
    "roster_rows",
    "set_active",
    "set_memberships",
    "set_organization_active",
    "tidy_person",
    "update_organization",
    "update_person",
    "update_role",
]


def missing_sectors(body: Body, kinds_present: Iterable[OrgKind]) -> tuple[str, ...]:
    """The sectors a body requires for quorum that nobody present represents, as labels."""
    present = set(kinds_present)
    return tuple(
        f"someone from {ORG_KIND_LABELS[kind].lower()}"
        for kind in body.quorum_org_kinds
        if kind not in present
    )


@dataclass(frozen=True)
class RosterRow:
    """One person as the roster table shows them. Role tuples hold role keys."""

    person_id: str
    name: str
    organization_id: str | None
    organization: str
    email: str
    phone: str
    active: bool
    willing: tuple[str, ...]
    ready: tuple[str, ...]
    # Unavailable dates from today on, soonest first; `next_unavailable` is the first of them.
    upcoming_unavailable: tuple[date, ...]
    bodies: tuple[str, ...]

    @property
    def next_unavailable(self) -> date | None:
        return self.upcoming_unavailable[0] if self.upcoming_unavailable else None


# -- the roster table --------------------------------------------------------------------------


def roster_rows(store: Store, today: date) -> list[RosterRow]:
    """Everyone, active or not, by name, with what the roster table shows."""
    orgs = {o.id: o.label for o in store.find(Organization)}
    bodies = {b.id: b.short_name or b.name for b in store.find(Body)}
    sits_on: dict[str, set[str]] = {}
    for membership in store.find(Membership):
        # The bodies someone sits on now: started, and not left (today included).
        current = member_on(membership, today) and continues_after(membership, today)
        if current and membership.body_id in bodies:
            sits_on.setdefault(membership.person_id, set()).add(bodies[membership.body_id])
    people = sorted(store.find(Person), key=lambda p: (p.name.casefold(), p.id))
    return [
        RosterRow(
            person_id=p.id,
            name=p.name,
            organization_id=p.organization_id,
            organization=orgs.get(p.organization_id or "", ""),
            email=p.email,
            phone=p.phone,
            active=p.active,
            willing=tuple(p.willing_roles),
            ready=tuple(p.ready_roles),
            upcoming_unavailable=tuple(sorted(d for d in set(p.unavailable) if d >= today)),
            bodies=tuple(sorted(sits_on.get(p.id, ()), key=str.casefold)),
        )
        for p in people
    ]
