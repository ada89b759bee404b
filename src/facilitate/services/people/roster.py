"""The roster behind shared leadership: who the partners are, which roles each is willing to take
and ready for, when they are away, which bodies they sit on, and each series' role catalogue.

Rules kept here so every caller gets them:

* Being ready for a role implies being willing to take it: saving a person adds every ready role
  to their willing roles.
* Unavailable dates are kept sorted and without repeats.
* The five standard roles stay in every series' catalogue; only custom roles can be removed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from facilitate.models import (
    DEFAULT_ROLE_CATALOGUE,
    Body,
    MeetingSeries,
    Membership,
    Organization,
    Person,
    RoleDef,
)
from facilitate.models.enums import OrgKind
from facilitate.services.dates import DateParseError, parse_date
from facilitate.services.people.directory import Choice
from facilitate.store import RecordNotFound, Store

DEFAULT_ROLE_KEYS: tuple[str, ...] = tuple(role.key for role in DEFAULT_ROLE_CATALOGUE)

ORG_KIND_LABELS: dict[OrgKind, str] = {
    OrgKind.AGENCY: "Agency",
    OrgKind.TREATMENT_PROVIDER: "Treatment provider",
    OrgKind.COURT: "Court",
    OrgKind.TRIBE: "Tribe",
    OrgKind.COMMUNITY_ORGANIZATION: "Community organization",
    OrgKind.FAMILY_LIVED_EXPERIENCE: "Family / lived experience",
    OrgKind.OTHER: "Other",
}


def missing_sectors(body: Body, kinds_present: Iterable[OrgKind]) -> tuple[str, ...]:
    """The sectors a body requires for quorum that nobody present represents, as labels."""
    present = set(kinds_present)
    return tuple(
        f"someone from {ORG_KIND_LABELS[kind].lower()}"
        for kind in body.quorum_org_kinds
        if kind not in present
    )


class RosterError(ValueError):
    """Input the roster refuses; the message says why, in words for the person at the keyboard."""


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


@dataclass(frozen=True)
class MembershipChange:
    """Which bodies a person joined and left, by body id."""

    added: tuple[str, ...]
    removed: tuple[str, ...]

    @property
    def is_empty(self) -> bool:
        return not self.added and not self.removed


# -- checks shared by the service and the forms ------------------------------------------------


def require_name(text: str, what: str = "Name") -> str:
    name = " ".join(text.split())
    if not name:
        raise RosterError(f"{what} is empty: it is required")
    return name


def clean_email(text: str) -> str:
    email = text.strip()
    if email and ("@" not in email or " " in email or email.startswith("@") or email[-1] == "@"):
        raise RosterError(f"Email “{email}” does not look like an address (name@example.org)")
    return email


def parse_unavailable(text: str, today: date) -> list[date]:
    """Dates typed as one comma-separated line, in any form `parse_date` reads.

    A year after a comma belongs to the date before it ("Dec 5, 2026, Jan 9"). A date that cannot
    be read, or that is already past, is refused with a message that names it.
    """
    pieces: list[str] = []
    for piece in re.split(r"[,;\n]", text):
        piece = piece.strip()
        if not piece:
            continue
        if re.fullmatch(r"\d{4}", piece) and pieces:
            pieces[-1] = f"{pieces[-1]} {piece}"
        else:
            pieces.append(piece)
    days: list[date] = []
    for piece in pieces:
        try:
            day = parse_date(piece, today)
        except DateParseError as error:
            raise RosterError(
                f"Unavailable dates: could not read “{error.text}” ({error.reason})"
            ) from None
        if day < today:
            raise RosterError(
                f"Unavailable dates: “{piece}” is {day:%b %d, %Y}, already past; "
                "only dates from today on are kept"
            )
        days.append(day)
    return sorted(set(days))


def _unique(keys: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for key in keys:
        key = key.strip()
        if key:
            seen.setdefault(key, None)
    return list(seen)


def _normalize(store: Store, person: Person) -> Person:
    person.name = require_name(person.name)
    person.email = clean_email(person.email)
    person.phone = person.phone.strip()
    person.notes = person.notes.strip()
    if person.organization_id is not None:
        try:
            store.get(Organization, person.organization_id)
        except RecordNotFound:
            raise RosterError(
                "That organization is no longer in the roster; pick another"
            ) from None
    ready = _unique(person.ready_roles)
    willing = _unique(person.willing_roles)
    person.ready_roles = ready
    person.willing_roles = willing + [key for key in ready if key not in willing]
    person.unavailable = sorted(set(person.unavailable))
    return person


# -- people ------------------------------------------------------------------------------------


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
    name = require_name(name)
    person = Person(
        name=name,
        organization_id=organization_id,
        email=email,
        phone=phone,
        notes=notes,
        active=active,
        willing_roles=list(willing_roles),
        ready_roles=list(ready_roles),
        unavailable=list(unavailable),
    )
    return store.insert(_normalize(store, person))


def update_person(store: Store, person: Person) -> Person:
    """Save an edited person: name required, ready roles also willing, dates sorted and unique."""
    return store.save(_normalize(store, person))


def set_active(store: Store, person_id: str, active: bool) -> Person:
    person = store.get(Person, person_id)
    person.active = active
    return store.save(person)


# -- organizations -----------------------------------------------------------------------------


def _check_organization_name(store: Store, name: str, exclude_id: str | None) -> str:
    name = require_name(name, "Organization name")
    for other in store.find(Organization):
        if other.id != exclude_id and other.name.casefold() == name.casefold():
            raise RosterError(f"There is already an organization called “{other.name}”")
    return name


def check_organization(store: Store, name: str, *, exclude_id: str | None = None) -> None:
    """Raise RosterError when `name` is empty or already used by another organization."""
    _check_organization_name(store, name, exclude_id)


def add_organization(
    store: Store,
    name: str,
    *,
    short_name: str = "",
    kind: OrgKind = OrgKind.OTHER,
    notes: str = "",
) -> Organization:
    name = _check_organization_name(store, name, None)
    return store.insert(
        Organization(name=name, short_name=short_name.strip(), kind=kind, notes=notes.strip())
    )


def update_organization(store: Store, organization: Organization) -> Organization:
    organization.name = _check_organization_name(store, organization.name, organization.id)
    organization.short_name = organization.short_name.strip()
    organization.notes = organization.notes.strip()
    return store.save(organization)


# -- memberships -------------------------------------------------------------------------------


def _is_current(membership: Membership, today: date | None) -> bool:
    return today is None or membership.end_date is None or membership.end_date >= today


def body_choices(store: Store) -> list[Choice]:
    return [Choice(b.id, b.name) for b in store.find(Body, order_by="name")]


def current_body_ids(store: Store, person_id: str, today: date | None = None) -> set[str]:
    """Bodies the person sits on: every membership, or with `today` those not yet ended."""
    return {m.body_id for m in store.find(Membership, person_id=person_id) if _is_current(m, today)}


def set_memberships(
    store: Store, person_id: str, body_ids: Iterable[str], *, today: date | None = None
) -> MembershipChange:
    """Make the person a member of exactly `body_ids`.

    Memberships of bodies still wanted are left as they are (their role and dates kept); new
    bodies get a plain "member" row; rows of bodies no longer wanted are removed. With `today`,
    memberships that already ended are history and are neither counted nor removed.
    """
    store.get(Person, person_id)
    wanted = set(body_ids)
    for body_id in wanted:
        store.get(Body, body_id)
    rows = [m for m in store.find(Membership, person_id=person_id) if _is_current(m, today)]
    have = {m.body_id for m in rows}
    added = sorted(wanted - have)
    removed = sorted(have - wanted)
    with store.transaction():
        for body_id in added:
            store.insert(Membership(body_id=body_id, person_id=person_id))
        for row in rows:
            if row.body_id in removed:
                store.delete(Membership, row.id)
    return MembershipChange(added=tuple(added), removed=tuple(removed))


# -- the roster table --------------------------------------------------------------------------


def roster_rows(store: Store, today: date) -> list[RosterRow]:
    """Everyone, active or not, by name, with what the roster table shows."""
    orgs = {o.id: o.label for o in store.find(Organization)}
    bodies = {b.id: b.short_name or b.name for b in store.find(Body)}
    sits_on: dict[str, set[str]] = {}
    for membership in store.find(Membership):
        if _is_current(membership, today) and membership.body_id in bodies:
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


# -- role catalogues ---------------------------------------------------------------------------


def role_key(name: str) -> str:
    """The key a custom role is stored under: "Cultural liaison" -> "cultural_liaison"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_name.lower()).strip("_")


def role_catalogue(store: Store, series_id: str) -> list[RoleDef]:
    return list(store.get(MeetingSeries, series_id).roles)


def all_role_defs(store: Store) -> list[RoleDef]:
    """Every role any series uses: the five standard roles first, then custom ones by series."""
    found: dict[str, RoleDef] = {role.key: role for role in DEFAULT_ROLE_CATALOGUE}
    for series in store.find(MeetingSeries, order_by="name"):
        for role in series.roles:
            found.setdefault(role.key, role)
    return list(found.values())


def add_role(
    store: Store,
    series_id: str,
    name: str,
    *,
    requires_readiness: bool = False,
    lead: bool = False,
) -> RoleDef:
    name = require_name(name, "Role name")
    key = role_key(name)
    if not key:
        raise RosterError(f"Role name “{name}” needs at least one letter or digit")
    series = store.get(MeetingSeries, series_id)
    for existing in series.roles:
        if existing.key == key:
            raise RosterError(
                f"{series.name} already has a role with the key “{key}” ({existing.name})"
            )
    role = RoleDef(key=key, name=name, requires_readiness=requires_readiness, lead=lead)
    series.roles = [*series.roles, role]
    store.save(series)
    return role


def update_role(
    store: Store,
    series_id: str,
    key: str,
    *,
    name: str | None = None,
    requires_readiness: bool | None = None,
    lead: bool | None = None,
) -> RoleDef:
    """Change a role's name or flags; its key never changes, so past assignments still match."""
    series = store.get(MeetingSeries, series_id)
    roles = list(series.roles)
    index = _role_index(series, key)
    changes: dict[str, object] = {}
    if name is not None:
        changes["name"] = require_name(name, "Role name")
    if requires_readiness is not None:
        changes["requires_readiness"] = requires_readiness
    if lead is not None:
        changes["lead"] = lead
    roles[index] = roles[index].model_copy(update=changes)
    series.roles = roles
    store.save(series)
    return roles[index]


def remove_role(store: Store, series_id: str, key: str) -> None:
    series = store.get(MeetingSeries, series_id)
    index = _role_index(series, key)
    if key in DEFAULT_ROLE_KEYS:
        raise RosterError(
            f"{series.roles[index].name} is one of the five shared-leadership roles every series "
            "keeps (facilitator, co-facilitator, note-taker, timekeeper, process observer); "
            "only custom roles can be removed"
        )
    series.roles = [role for role in series.roles if role.key != key]
    store.save(series)


def _role_index(series: MeetingSeries, key: str) -> int:
    for index, role in enumerate(series.roles):
        if role.key == key:
            return index
    raise RosterError(f"{series.name} has no role “{key}”")
