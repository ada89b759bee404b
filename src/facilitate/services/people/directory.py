"""Who and what can be picked in forms: series, people and organizations, with display labels."""

from __future__ import annotations

from dataclasses import dataclass

from facilitate.models import Body, MeetingSeries, Organization, Person
from facilitate.models.enums import OrgKind
from facilitate.store import Store

ORG_KIND_LABELS: dict[OrgKind, str] = {
    OrgKind.AGENCY: "Agency",
    OrgKind.TREATMENT_PROVIDER: "Treatment provider",
    OrgKind.COURT: "Court",
    OrgKind.TRIBE: "Tribe",
    OrgKind.COMMUNITY_ORGANIZATION: "Community organization",
    OrgKind.FAMILY_LIVED_EXPERIENCE: "Family / lived experience",
    OrgKind.OTHER: "Other",
}


@dataclass(frozen=True)
class Choice:
    """One pickable thing: a value to store and a label to show."""

    value: str
    label: str


def series_choices(store: Store) -> list[Choice]:
    bodies = {b.id: b.name for b in store.find(Body)}
    return [
        Choice(s.id, s.name if bodies[s.body_id] in s.name else f"{bodies[s.body_id]}: {s.name}")
        for s in store.find(MeetingSeries, order_by="name")
    ]


def organizations(store: Store) -> list[Organization]:
    return store.find(Organization, order_by="name")


def people(store: Store, *, active_only: bool = True) -> list[Person]:
    everyone = store.find(Person, order_by="name")
    return [p for p in everyone if p.active] if active_only else everyone


def person_choices(store: Store) -> list[Choice]:
    orgs = {o.id: o.label for o in organizations(store)}
    return [
        Choice(p.id, f"{p.name} ({orgs[p.organization_id]})" if p.organization_id else p.name)
        for p in people(store)
    ]


def organization_choices(
    store: Store, *, include_retired: bool = True, keep: str | None = None
) -> list[Choice]:
    """Organizations by name. Without `include_retired`, only those a new choice may name,
    plus `keep` (the one already chosen), marked "(retired)" if it is."""
    return [
        Choice(o.id, o.label if o.active else f"{o.label} (retired)")
        for o in organizations(store)
        if include_retired or o.active or o.id == keep
    ]


def lead_label(store: Store, person_id: str | None, org_id: str | None, text: str) -> str:
    """How an item's lead reads on screen and in minutes: a person, else an organization, else
    the template's words (a role such as "facilitator")."""
    if person_id:
        return store.get(Person, person_id).name
    if org_id:
        return store.get(Organization, org_id).label
    if text in {kind.value for kind in OrgKind}:
        return ORG_KIND_LABELS[OrgKind(text)]  # a sector a template names
    return text.replace("_", "-")


def proposer_label(store: Store, person_id: str | None, org_id: str | None) -> str:
    names = []
    if person_id:
        names.append(store.get(Person, person_id).name)
    if org_id:
        names.append(store.get(Organization, org_id).label)
    return ", ".join(names)
