"""A partner organization's data-sharing agreement: what the partnership may send it."""

from __future__ import annotations

from datetime import date

from pydantic import Field, field_validator

from facilitate.models.base import Record
from facilitate.models.enums import SharedKind, Visibility


class SharingAgreement(Record):
    """One version of what an organization agreed to receive, for every body or for one.

    Versions are never rewritten: setting new terms adds the next version, so the sharing log's
    "sent under version 2" keeps meaning what it meant. A review that changes nothing moves only
    the review date of the current version.
    """

    table = "sharing_agreements"

    organization_id: str
    # None: the organization's agreement for every body that has no agreement of its own.
    body_id: str | None = None
    version: int = Field(default=1, ge=1)
    # The widest visibility it receives: public, partners or internal (never confidential).
    highest: Visibility = Visibility.PARTNERS
    excluded_kinds: list[SharedKind] = Field(default_factory=list)
    # Who receives it: people on record; empty means the people the packets find themselves.
    distribution: list[str] = Field(default_factory=list)
    adopted_on: date
    adopting_decision_id: str | None = None
    review_on: date | None = None
    notes: str = ""

    @field_validator("highest")
    @classmethod
    def _not_confidential(cls, value: Visibility) -> Visibility:
        if value is Visibility.CONFIDENTIAL:
            raise ValueError(
                "confidential entries are never shared; choose public, partners or internal"
            )
        return value
