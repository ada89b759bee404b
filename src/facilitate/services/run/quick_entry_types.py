"""What one quick-entry line was read as: its kind and every field a token set (see
`quick_entry` for the grammar)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from facilitate.models.enums import (
    Attribution,
    DecisionMethod,
    DecisionOutcome,
    RollCallVote,
    Visibility,
)
from facilitate.services.input_reference import InputReference


class EntryKind(StrEnum):
    NOTE = "note"
    DECISION = "decision"
    ACTION = "action"
    PARKING = "parking"


@dataclass(frozen=True, slots=True)
class VoteCounts:
    """Vote tallies typed on a decision; a count not typed is None, not zero."""

    in_favor: int | None = None
    against: int | None = None
    abstain: int | None = None


@dataclass(frozen=True, slots=True)
class Stance:
    """A stand-aside or a block as typed: who (handle or name, without ``@``) and why."""

    who: str
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Raised:
    """A consent objection as typed, with who raised it (if named) and how it was resolved."""

    objection: str
    who: str | None = None
    resolution: str = ""


@dataclass(frozen=True, slots=True)
class Proposed:
    """An amendment to a motion as typed: what it changed, who moved and seconded it (if
    named) and what became of it (adopted unless said)."""

    text: str
    who: str | None = None
    seconder: str | None = None
    outcome: DecisionOutcome = DecisionOutcome.ADOPTED


@dataclass(frozen=True, slots=True)
class Called:
    """One member's answer in a roll call as typed: who (without ``@``) and the vote."""

    who: str
    vote: RollCallVote


@dataclass(frozen=True, slots=True)
class QuickEntry:
    """One parsed quick-entry line. See the module docstring for the grammar."""

    kind: EntryKind
    text: str
    raw: str
    owner_handle: str | None = None
    co_owners: tuple[str, ...] = ()
    whole_body: bool = False
    due: date | None = None
    org_short: str | None = None
    method: DecisionMethod | None = None
    outcome: DecisionOutcome | None = None
    counts: VoteCounts | None = None
    levels: tuple[tuple[str, int], ...] = ()
    stand_asides: tuple[Stance, ...] = ()
    blocks: tuple[Stance, ...] = ()
    objections: tuple[Raised, ...] = ()
    override: str | None = None
    referred_to: str | None = None
    review_date: date | None = None
    moved_by: str | None = None
    seconded_by: str | None = None
    amendments: tuple[Proposed, ...] = ()
    roll_call: tuple[Called, ...] = ()
    visibility: Visibility | None = None
    attribution: Attribution | None = None
    attribution_org: str | None = None
    themes: tuple[str, ...] = ()
    answers: tuple[InputReference, ...] = ()
    tokens: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        """True for a blank line, which should not be saved."""
        return self.kind is EntryKind.NOTE and not self.text and not self.problems
