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
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from facilitate.errors import Refusal
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
from facilitate.services.email_address import is_email_address
from facilitate.services.people.directory import Choice
from facilitate.services.people.people_lookup import continues_after, member_on
from facilitate.store import RecordNotFound, Store, apply_edit, queries

DEFAULT_ROLE_KEYS: tuple[str, ...] = tuple(role.key for role in DEFAULT_ROLE_CATALOGUE)

# The longest name, email or organization name kept: anything longer is a paste gone wrong.
MAX_LENGTH = 200

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


class RosterError(Refusal):
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


def _check_length(what: str, text: str) -> None:
    if len(text) > MAX_LENGTH:
        raise RosterError(f"{what} is {len(text)} characters long: at most {MAX_LENGTH} are kept")


def require_name(text: str, what: str = "Name") -> str:
    """`text` with its spaces tidied; refused when empty or over 200 characters."""
    name = " ".join(text.split())
    if not name:
        raise RosterError(f"{what} is empty: it is required")
    _check_length(what, name)
    return name


def clean_email(text: str) -> str:
    """An email address as typed, trimmed; empty is allowed. Otherwise it must pass the one
    e-mail check (services/email_address.py) that the packets' drafts use too."""
    email = text.strip()
    _check_length("Email", email)
    if not email:
        return email
    if not is_email_address(email):
        raise RosterError(f"Email “{email}” does not look like an address (name@example.org)")
    return email


# An email, casefolded -> (person id, name): `queries.email_owners`.
EmailOwners = Mapping[str, tuple[str, str]]


def check_email_free(store: Store, email: str, *, person_id: str | None = None) -> None:
    """Refuse an email another person (not `person_id`) already has, in any case."""
    if email:
        refuse_taken_email(queries.email_owners(store), email, person_id=person_id)


def refuse_taken_email(owners: EmailOwners, email: str, *, person_id: str | None = None) -> None:
    """`check_email_free` against `queries.email_owners` read once, for a whole file."""
    found = owners.get(email.casefold()) if email else None
    if found is not None and found[0] != person_id:
        raise RosterError(f"Email “{email}” is already {found[1]}'s")


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


def tidy_person(person: Person) -> Person:
    """The rules every saved person obeys, typed or imported: a name, fields trimmed and not too
    long, a plausible email, ready roles also willing, away dates sorted without repeats."""
    person.name = require_name(person.name)
    person.email = clean_email(person.email)
    person.phone = person.phone.strip()
    person.notes = person.notes.strip()
    ready = _unique(person.ready_roles)
    willing = _unique(person.willing_roles)
    person.ready_roles = ready
    person.willing_roles = willing + [key for key in ready if key not in willing]
    person.unavailable = sorted(set(person.unavailable))
    return person


def _check_organization_pick(store: Store, organization_id: str) -> None:
    """A person may be placed only in an organization on record that has not been retired."""
    try:
        organization = store.get(Organization, organization_id)
    except RecordNotFound:
        raise RosterError("That organization is no longer in the roster; pick another") from None
    if not organization.active:
        raise RosterError(
            f"{organization.name} is retired: pick another organization, or reactivate it first"
        )


# -- people ------------------------------------------------------------------------------------


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
            _check_organization_pick(store, person.organization_id)
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
            _check_organization_pick(store, person.organization_id)
        if "email" in changed:
            check_email_free(store, person.email, person_id=person.id)
        return store.save(person)


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


# -- organizations -----------------------------------------------------------------------------


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


# -- memberships -------------------------------------------------------------------------------


def body_choices(store: Store, *, keep: Iterable[str] = ()) -> list[Choice]:
    """Bodies to tick: those not archived, and archived ones in `keep` (already held)."""
    held = set(keep)
    return [
        Choice(b.id, b.name)
        for b in store.find(Body, order_by="name")
        if not b.archived or b.id in held
    ]


def current_body_ids(store: Store, person_id: str, today: date) -> set[str]:
    """Bodies the person sits on after today: memberships not ended (one ended today was left
    today), including ones starting later."""
    return {
        m.body_id for m in store.find(Membership, person_id=person_id) if continues_after(m, today)
    }


def set_memberships(
    store: Store, person_id: str, body_ids: Iterable[str], *, today: date
) -> MembershipChange:
    """Make the person a member of exactly `body_ids` from `today`, keeping history.

    Memberships still wanted are left as they are (role and dates kept). A body newly wanted
    gets a membership starting today, or, if one was ended today, that one goes on as before.
    A membership no longer wanted ends today (its end date is the last day as a member); one
    that had not started before today was never in effect and is removed.
    """
    wanted = set(body_ids)
    with store.transaction():
        store.get(Person, person_id)
        for body_id in wanted:
            store.get(Body, body_id)
        added, removed = reconcile_memberships(
            store,
            store.find(Membership, person_id=person_id),
            {(body_id, person_id) for body_id in wanted},
            today,
        )
    return MembershipChange(
        added=tuple(body for body, _ in added), removed=tuple(body for body, _ in removed)
    )


Pair = tuple[str, str]  # (body_id, person_id)


def reconcile_memberships(
    store: Store, rows: list[Membership], wanted: set[Pair], on: date, *, role: str = "member"
) -> tuple[list[Pair], list[Pair]]:
    """The one rule for joining and leaving a body, for the person-by-person roster and the
    body-by-body set-up alike. Among `rows` (a person's or a body's memberships), make exactly
    the `wanted` (body, person) pairs go on after `on`, keeping history:

    - a pair still wanted is left as it is (role and dates kept);
    - a pair newly wanted starts on `on`, or, if its membership was ended on `on`, that one goes
      on as before;
    - a pair no longer wanted ends on `on` (its last day as a member); one that had not started
      before `on` was never in effect and is removed.

    Returns the pairs added and removed. Call it inside a transaction."""
    going_on = [m for m in rows if continues_after(m, on)]
    have = {(m.body_id, m.person_id) for m in going_on}
    added = sorted(wanted - have)
    removed = sorted(have - wanted)
    for body_id, person_id in added:
        ended = [
            m for m in rows if (m.body_id, m.person_id) == (body_id, person_id) and m.end_date == on
        ]
        if ended:
            ended[0].end_date = None
            store.update_fields(ended[0], ["end_date"])
        else:
            store.insert(Membership(body_id=body_id, person_id=person_id, role=role, start_date=on))
    for row in going_on:
        if (row.body_id, row.person_id) not in removed:
            continue
        if row.start_date is not None and row.start_date >= on:
            store.delete(Membership, row.id)
        else:
            row.end_date = on
            store.update_fields(row, ["end_date"])
    return added, removed


def membership_history(store: Store, person_id: str, today: date) -> list[str]:
    """The memberships the person has left, oldest first, as "Core Team (to Mar 02, 2026)"."""
    bodies = {b.id: b.name for b in store.find(Body)}
    ended = [
        m
        for m in store.find(Membership, person_id=person_id)
        if not continues_after(m, today) and m.body_id in bodies
    ]
    lines = []
    for m in sorted(ended, key=lambda m: (m.end_date or today, bodies[m.body_id])):
        since = f"{m.start_date:%b %d, %Y} " if m.start_date else ""
        lines.append(f"{bodies[m.body_id]} ({since}to {m.end_date:%b %d, %Y})")
    return lines


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
