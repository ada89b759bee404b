"""The rules every saved person obeys, checked alike by the roster service, its forms and the
import: names and e-mails tidied and bounded, an e-mail belonging to one person, away dates
read and kept sorted, and an organization picked that is on record and not retired."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date

from facilitate.errors import Refusal
from facilitate.models import Organization, Person
from facilitate.services.dates import DateParseError, parse_date
from facilitate.services.email_address import is_email_address
from facilitate.store import RecordNotFound, Store, queries

# The longest name, email or organization name kept: anything longer is a paste gone wrong.
MAX_LENGTH = 200


class RosterError(Refusal):
    """Input the roster refuses; the message says why, in words for the person at the keyboard."""


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


def check_organization_pick(store: Store, organization_id: str) -> None:
    """A person may be placed only in an organization on record that has not been retired."""
    try:
        organization = store.get(Organization, organization_id)
    except RecordNotFound:
        raise RosterError("That organization is no longer in the roster; pick another") from None
    if not organization.active:
        raise RosterError(
            f"{organization.name} is retired: pick another organization, or reactivate it first"
        )
