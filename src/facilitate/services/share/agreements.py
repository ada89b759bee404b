"""Data-sharing agreements: what each partner organization agreed to receive, and when to review.

An organization has at most one agreement for every body (``body_id`` None) and one per body that
needs other terms (a Tribe's office that sits on the core team receives its internal minutes).
Each change of terms adds the next version and keeps the earlier ones, so the sharing log's
version stays meaningful; a review that changes nothing moves only the review date. What the
terms allow is decided in `record.audience` (`grant`), nowhere here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from facilitate.errors import Refusal
from facilitate.models import Body, Organization, Person, SharingAgreement
from facilitate.models.enums import SharedKind, Visibility
from facilitate.services.record.audience import AUDIENCES, Terms
from facilitate.store import RecordNotFound, Store, queries

KIND_LABELS: dict[SharedKind, str] = {SharedKind.LISTENING_INPUT: "listening-session input"}


class AgreementError(Refusal):
    """Terms that cannot be recorded; the message names the field."""


@dataclass(frozen=True)
class AgreementFields:
    """What a coordinator sets: the terms of the next version."""

    highest: Visibility = Visibility.PARTNERS
    excluded_kinds: tuple[SharedKind, ...] = ()
    distribution: tuple[str, ...] = ()  # person ids
    review_on: date | None = None
    adopting_decision_id: str | None = None
    notes: str = ""


def versions(
    store: Store, organization_id: str, body_id: str | None = None
) -> list[SharingAgreement]:
    """Every version of one organization's agreement (for every body, or for one), oldest first."""
    return store.find(
        SharingAgreement, organization_id=organization_id, body_id=body_id, order_by="version"
    )


def current(
    store: Store, organization_id: str, body_id: str | None = None
) -> SharingAgreement | None:
    """The newest version of the agreement for exactly that organization and body (or None)."""
    found = versions(store, organization_id, body_id)
    return found[-1] if found else None


def current_agreements(store: Store, organization_id: str) -> list[SharingAgreement]:
    """The organization's current agreements: the one for every body first, then one per body."""
    latest: dict[str | None, SharingAgreement] = {}
    for agreement in store.find(
        SharingAgreement, organization_id=organization_id, order_by="version"
    ):
        latest[agreement.body_id] = agreement
    return sorted(latest.values(), key=lambda a: (a.body_id is not None, a.body_id or ""))


def governing(store: Store, organization_id: str, body_id: str | None) -> SharingAgreement | None:
    """The agreement that applies to an export of `body_id`'s record: its own for that body if
    there is one, else the organization's agreement for every body."""
    if body_id is not None:
        own = current(store, organization_id, body_id)
        if own is not None:
            return own
    return current(store, organization_id, None)


def terms_for(store: Store, organization: Organization, body_id: str | None) -> Terms:
    """The terms `audience.grant` decides by: the governing agreement's, or the default."""
    found = governing(store, organization.id, body_id)
    if found is None:
        return Terms(organization=organization.label)
    return Terms(
        organization=organization.label,
        highest=found.highest,
        excluded=frozenset(found.excluded_kinds),
        version=found.version,
    )


def _check(store: Store, fields: AgreementFields) -> None:
    if fields.highest not in AUDIENCES:
        raise AgreementError(
            "highest: confidential entries are never shared; choose public, partners or internal"
        )
    for person_id in fields.distribution:
        try:
            store.get(Person, person_id)
        except RecordNotFound as error:
            raise AgreementError(f"distribution: no person with id {person_id}") from error


def set_terms(
    store: Store,
    organization_id: str,
    fields: AgreementFields,
    *,
    on: date,
    body_id: str | None = None,
) -> SharingAgreement:
    """Record new terms as the next version, adopted `on`. The earlier versions stay."""
    store.get(Organization, organization_id)
    if body_id is not None:
        store.get(Body, body_id)
    _check(store, fields)
    with store.transaction():
        # Read inside the write's transaction: two windows setting terms get versions n and n+1.
        latest = current(store, organization_id, body_id)
        return store.insert(
            SharingAgreement(
                organization_id=organization_id,
                body_id=body_id,
                version=latest.version + 1 if latest else 1,
                highest=fields.highest,
                excluded_kinds=list(dict.fromkeys(fields.excluded_kinds)),
                distribution=list(dict.fromkeys(fields.distribution)),
                adopted_on=on,
                adopting_decision_id=fields.adopting_decision_id,
                review_on=fields.review_on,
                notes=fields.notes.strip(),
            )
        )


def reviewed(
    store: Store, organization_id: str, next_review: date, *, body_id: str | None = None
) -> SharingAgreement:
    """A review that kept the terms: the current version's next review date, nothing else."""
    with store.transaction():
        found = current(store, organization_id, body_id)
        if found is None:
            org = store.get(Organization, organization_id)
            raise AgreementError(f"{org.label} has no sharing agreement to review; set one first")
        found.review_on = next_review
        return store.update_fields(found, ["review_on"])


def reviews_due(store: Store, today: date) -> list[queries.ReviewDueRow]:
    """Current agreements whose review date is today or past, earliest first."""
    return queries.agreement_reviews_due(store, today)


def _label(store: Store, cls: type[Organization] | type[Body], record_id: str | None) -> str:
    if record_id is None:
        return ""
    try:
        found = store.get(cls, record_id)
    except RecordNotFound:
        return "(deleted)"
    return found.label if isinstance(found, Organization) else found.name


def describe(store: Store, agreement: SharingAgreement) -> list[str]:
    """The agreement in plain lines, for the CLI and the app."""
    body = _label(store, Body, agreement.body_id) or "every body"
    people = _names(store, agreement.distribution)
    kinds = ", ".join(KIND_LABELS[k] for k in agreement.excluded_kinds) or "nothing"
    return [
        f"Version {agreement.version}, adopted {agreement.adopted_on:%b %d %Y}, for {body}",
        f"Receives up to: {agreement.highest.value}",
        f"Does not receive: {kinds}",
        f"Distribution: {', '.join(people) if people else 'the people the packets find'}",
        "Review: " + (f"{agreement.review_on:%b %d %Y}" if agreement.review_on else "no date set"),
    ]


def _names(store: Store, person_ids: Iterable[str]) -> list[str]:
    names = []
    for person_id in person_ids:
        try:
            names.append(store.get(Person, person_id).name)
        except RecordNotFound:
            names.append("(deleted)")
    return names


def distribution_people(store: Store, agreement: SharingAgreement | None) -> list[Person] | None:
    """The active people on an agreement's distribution list, or None when it names nobody (the
    packets then find their own recipients)."""
    if agreement is None or not agreement.distribution:
        return None
    people = []
    for person_id in agreement.distribution:
        try:
            person = store.get(Person, person_id)
        except RecordNotFound:
            continue
        if person.active:
            people.append(person)
    return people
