"""Retire or delete people and organizations: nothing the record names is deleted, so a person
is deactivated and an organization retired instead, and a refusal says where it is named."""

from __future__ import annotations

from collections.abc import Mapping

from facilitate.models import Organization, Person
from facilitate.services.people.roster_rules import RosterError
from facilitate.store import Store, queries


def set_active(store: Store, person_id: str, active: bool) -> Person:
    """Deactivate a person (kept in the record, suggested for nothing) or bring them back."""
    with store.transaction():
        person = store.get(Person, person_id)
        person.active = active
        return store.save(person)


# How each kind of reference reads in a refusal: (one, many).
_REFERENCE_WORDS: dict[str, tuple[str, str]] = {
    "people": ("person's record", "people's records"),
    "attendance": ("meeting's attendance", "meetings' attendance"),
    "role_assignments": ("role assignment", "role assignments"),
    "action_items": ("action item", "action items"),
    "notes": ("note", "notes"),
    "agenda_items": ("agenda item", "agenda items"),
    "parking_lot": ("parking-lot item", "parking-lot items"),
    "memberships": ("membership", "memberships"),
    "bodies": ("body's quorum rule", "bodies' quorum rules"),
    "share_log": ("entry of the sharing log", "entries of the sharing log"),
    "entry_revisions": ("correction kept in the history", "corrections kept in the history"),
}


def describe_references(counts: Mapping[str, int]) -> str:
    """What `queries.references` counted, in words: "3 meetings' attendance and 2 action
    items"."""
    parts = [f"{n} {_REFERENCE_WORDS[kind][0 if n == 1 else 1]}" for kind, n in counts.items() if n]
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def delete_person(store: Store, person_id: str) -> str:
    """Delete someone nothing in the record names (say, a person added by mistake), returning
    their name. Anyone named anywhere is refused, saying where: deactivate them instead."""
    with store.transaction():
        person = store.get(Person, person_id)
        counts = queries.references(store, "people", person_id)
        if counts:
            raise RosterError(
                f"{person.name} is named in {describe_references(counts)}: "
                "deactivate instead, which keeps the history"
            )
        store.delete(Person, person_id)
    return person.name


def set_organization_active(store: Store, organization_id: str, active: bool) -> Organization:
    """Retire a partner that has left (still shown wherever the record names it, offered for
    nothing new), or bring it back."""
    with store.transaction():
        organization = store.get(Organization, organization_id)
        organization.active = active
        return store.save(organization)


def delete_organization(store: Store, organization_id: str) -> str:
    """Delete an organization nothing names (say, one added by mistake), returning its name;
    one still named anywhere is refused, saying where: retire it instead."""
    with store.transaction():
        organization = store.get(Organization, organization_id)
        counts = queries.references(store, "organizations", organization_id)
        if counts:
            raise RosterError(
                f"{organization.name} is named in {describe_references(counts)}: "
                "retire it instead, which keeps the history"
            )
        store.delete(Organization, organization_id)
    return organization.name
