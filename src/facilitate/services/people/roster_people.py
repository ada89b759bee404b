"""Add and edit a person on the roster (each save obeys `roster_rules.tidy_person`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from facilitate.models import Person
from facilitate.services.people.roster_rules import (
    check_email_free,
    check_organization_pick,
    clean_email,
    require_name,
    tidy_person,
)
from facilitate.store import Store, apply_edit


@dataclass(frozen=True)
class PersonFields:
    """A person as a form shows them. `unavailable` holds dates from today on only."""

    name: str
    organization_id: str | None = None
    email: str = ""
    phone: str = ""
    notes: str = ""
    active: bool = True
    willing_roles: tuple[str, ...] = ()
    ready_roles: tuple[str, ...] = ()
    unavailable: tuple[date, ...] = ()


def person_fields(person: Person, today: date) -> PersonFields:
    """What a form opens with for `person`: the `was` of a later `update_person`."""
    return PersonFields(
        name=person.name,
        organization_id=person.organization_id,
        email=person.email,
        phone=person.phone,
        notes=person.notes,
        active=person.active,
        willing_roles=tuple(person.willing_roles),
        ready_roles=tuple(person.ready_roles),
        unavailable=tuple(sorted(d for d in set(person.unavailable) if d >= today)),
    )


def add_person(
    store: Store,
    name: str,
    *,
    organization_id: str | None = None,
    email: str = "",
    phone: str = "",
    notes: str = "",
    active: bool = True,
    willing_roles: Iterable[str] = (),
    ready_roles: Iterable[str] = (),
    unavailable: Iterable[date] = (),
) -> Person:
    """A new person, refused (nothing written) when a rule of `tidy_person` fails, the email
    is someone else's, or the organization is gone or retired."""
    person = Person(
        name=require_name(name),
        organization_id=organization_id,
        email=email,
        phone=phone,
        notes=notes,
        active=active,
        willing_roles=list(willing_roles),
        ready_roles=list(ready_roles),
        unavailable=list(unavailable),
    )
    tidy_person(person)
    with store.transaction():
        if person.organization_id is not None:
            check_organization_pick(store, person.organization_id)
        check_email_free(store, person.email)
        return store.insert(person)


def _person_values(fields: PersonFields, past: list[date]) -> dict[str, Any]:
    return {
        "name": fields.name,
        "organization_id": fields.organization_id,
        "email": fields.email,
        "phone": fields.phone,
        "notes": fields.notes,
        "active": fields.active,
        "willing_roles": list(fields.willing_roles),
        "ready_roles": list(fields.ready_roles),
        "unavailable": sorted({*past, *fields.unavailable}),
    }


def update_person(
    store: Store, person_id: str, fields: PersonFields, *, was: PersonFields, today: date
) -> Person:
    """Save what the user changed between `was` (what the form opened with) and `fields`, on
    the row as it is now (a second window's change to another field is kept; to the same field,
    an EditConflict). Away dates before `today` are history the form does not show: kept."""
    # Refused before anything is set on the record, so the message is ours, not pydantic's.
    fields = replace(fields, name=require_name(fields.name), email=clean_email(fields.email))
    with store.transaction():
        person = store.get(Person, person_id)
        past = [d for d in person.unavailable if d < today]
        before = _person_values(was, past)
        after = _person_values(fields, past)
        changed = apply_edit(person, before, after, what=f"{person.name}'s record")
        if not changed:
            return person
        tidy_person(person)
        if "organization_id" in changed and person.organization_id is not None:
            check_organization_pick(store, person.organization_id)
        if "email" in changed:
            check_email_free(store, person.email, person_id=person.id)
        return store.save(person)
