"""Agenda templates: the shape of a kind of meeting, read from TOML files a coordinator can edit.

A template is not a stored record: it is copied into a new meeting's agenda, and later edits to
the file never reach meetings that already used it. The models are strict (no unknown fields, no
silent "10" → 10 coercion) because a typo in a hand-edited file should be reported, not guessed.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from facilitate.models.enums import MeetingKind, Purpose

# Upper bounds exist to catch typos ("minutes = 600" meant 60), not to police long meetings.
MAX_ITEM_MINUTES = 480
MAX_MEETING_MINUTES = 720

NonEmptyText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""Text that must say something: surrounding whitespace is dropped, then it may not be empty."""

Text = Annotated[str, StringConstraints(strip_whitespace=True)]

TEMPLATE_CONFIG = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)
"""Shared by every file-backed template model: reject unknown keys and loose types."""


class AgendaItemTemplate(BaseModel):
    """One item of an agenda template.

    `lead` is deliberately free text: a role key of the series' role catalogue ("facilitator",
    "co_facilitator", "note_taker"), an organization kind ("tribe", "family_lived_experience"),
    or a plain description ("workgroup leads"). The agenda builder decides what it resolves to.
    """

    model_config = TEMPLATE_CONFIG

    title: NonEmptyText
    # Enums arrive from TOML as strings, so they are the one place strictness must be relaxed.
    purpose: Annotated[Purpose, Field(strict=False)]
    minutes: Annotated[int, Field(gt=0, le=MAX_ITEM_MINUTES)]
    desired_outcome: Text = ""
    lead: Text = ""
    prompts: list[NonEmptyText] = Field(default_factory=list)
    notes: Text = ""
    # true: the approval of the last meeting's minutes, left out of a series' first agenda. None
    # (not said) on every item of a template leaves the app to judge by the title, as it did
    # for templates written before the field (services/plan/minutes_approval.py).
    approves_minutes: bool | None = None


class AgendaTemplate(BaseModel):
    """A reusable agenda for one kind of meeting (one TOML file)."""

    model_config = TEMPLATE_CONFIG

    name: NonEmptyText
    description: Text = ""
    kind: Annotated[MeetingKind, Field(strict=False)]
    default_minutes: Annotated[int, Field(gt=0, le=MAX_MEETING_MINUTES)] | None = None
    neutral_venue: bool = False
    ground_rule_set: NonEmptyText | None = None
    # Read to the room when the meeting opens (a listening session's consent and recording
    # statement); copied onto each meeting made from the template, so later edits of the file
    # never change what a past session was told.
    consent_statement: Text = ""
    items: Annotated[list[AgendaItemTemplate], Field(min_length=1)]

    @property
    def items_minutes(self) -> int:
        """The time the items add up to, which may differ from the meeting's planned length."""
        return sum(item.minutes for item in self.items)

    @property
    def length_minutes(self) -> int:
        """The planned meeting length: `default_minutes` when given, else the items' total."""
        return self.default_minutes if self.default_minutes is not None else self.items_minutes
