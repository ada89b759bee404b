"""Add and edit the partnership's organizations: a name no other organization has."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from facilitate.models import Organization
from facilitate.models.enums import OrgKind
from facilitate.services.people.roster_rules import RosterError, require_name
from facilitate.store import Store, apply_edit


@dataclass(frozen=True)
class OrganizationFields:
    """An organization as a form shows it."""

    name: str
    short_name: str = ""
    kind: OrgKind = OrgKind.OTHER
    notes: str = ""


def organization_fields(organization: Organization) -> OrganizationFields:
    return OrganizationFields(
        organization.name, organization.short_name, organization.kind, organization.notes
    )


def _check_organization_name(store: Store, name: str, exclude_id: str | None) -> str:
    name = require_name(name, "Organization name")
    for other in store.find(Organization):
        if other.id != exclude_id and other.name.casefold() == name.casefold():
            raise RosterError(f"There is already an organization called “{other.name}”")
    return name


def check_organization(store: Store, name: str, *, exclude_id: str | None = None) -> None:
    """Raise RosterError when `name` is empty, too long or already another organization's."""
    _check_organization_name(store, name, exclude_id)


def _organization_values(fields: OrganizationFields) -> dict[str, Any]:
    return {
        "name": " ".join(fields.name.split()),
        "short_name": fields.short_name.strip(),
        "kind": fields.kind,
        "notes": fields.notes.strip(),
    }


def add_organization(
    store: Store,
    name: str,
    *,
    short_name: str = "",
    kind: OrgKind = OrgKind.OTHER,
    notes: str = "",
) -> Organization:
    with store.transaction():
        name = _check_organization_name(store, name, None)
        return store.insert(
            Organization(name=name, short_name=short_name.strip(), kind=kind, notes=notes.strip())
        )


def edit_organization(
    store: Store, organization_id: str, fields: OrganizationFields, *, was: OrganizationFields
) -> Organization:
    """Save what the user changed between `was` and `fields` on the row as it is now (see
    `update_person`)."""
    with store.transaction():
        organization = store.get(Organization, organization_id)
        _check_organization_name(store, fields.name, organization_id)
        if apply_edit(
            organization,
            _organization_values(was),
            _organization_values(fields),
            what=f"The organization “{organization.name}”",
        ):
            store.save(organization)
        return organization


def update_organization(store: Store, organization: Organization) -> Organization:
    """Save an edited record's name, short name, kind and notes onto the row as it is now (its
    other fields, such as whether it is retired, stay as stored). A form should prefer
    `edit_organization`, which writes only what the user changed."""
    with store.transaction():
        stored = store.get(Organization, organization.id)
        return edit_organization(
            store,
            organization.id,
            organization_fields(organization),
            was=organization_fields(stored),
        )
