"""What is captured in the room: notes, decisions, action items and the parking lot.

Every captured entry carries a visibility; CONFIDENTIAL never leaves the database.
"""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from facilitate.models.base import Record
from facilitate.models.enums import (
    ActionStatus,
    Attribution,
    DecisionMethod,
    DecisionOutcome,
    ReflectionKind,
    RollCallVote,
    Visibility,
)


class CapturedEntry(Record):
    meeting_id: str
    agenda_item_id: str | None = None
    text: str
    visibility: Visibility = Visibility.PARTNERS


class Note(CapturedEntry):
    table = "notes"

    attribution: Attribution = Attribution.NONE
    attributed_person_id: str | None = None
    attributed_organization_id: str | None = None
    # Set when the note records a ground rule invoked in the room (internal by default).
    ground_rule_id: str | None = None


class Someone(BaseModel):
    """Who took a position in a decision: a person or an organization on record, or a name kept
    as typed when it matched neither. `who` is always the name to print.

    Stand-asides, blocks and consent objections name someone today; a motion's mover and
    seconder (issue #17) are the same shape.
    """

    model_config = ConfigDict(defer_build=True)

    who: str = ""
    person_id: str | None = None
    organization_id: str | None = None


class Objection(Someone):
    """A stand-aside or a block, with whoever raised it and why."""

    reason: str = ""


class ConsentObjection(Someone):
    """An objection raised under consent, and how the group resolved it ("" while open)."""

    objection: str
    resolution: str = ""


class RollCall(Someone):
    """How one member voted when the body voted by roll call."""

    vote: RollCallVote


class Amendment(BaseModel):
    """An amendment to a motion: what it changed, who moved and seconded it, how it was decided."""

    model_config = ConfigDict(defer_build=True)

    text: str
    moved_by: Someone | None = None
    seconded_by: Someone | None = None
    outcome: DecisionOutcome = DecisionOutcome.ADOPTED


class Decision(CapturedEntry):
    table = "decisions"

    # What the facilitator said; nothing said is NOT_RECORDED, never a guessed default.
    method: DecisionMethod = DecisionMethod.NOT_RECORDED
    outcome: DecisionOutcome = DecisionOutcome.ADOPTED
    # The body a REFERRED decision was sent to.
    referred_to: str = ""
    votes_for: int | None = Field(default=None, ge=0)
    votes_against: int | None = Field(default=None, ge=0)
    abstentions: int | None = Field(default=None, ge=0)
    # For scales such as fist-to-five or gradients of agreement: level -> count.
    distribution: dict[str, int] = Field(default_factory=dict)
    stand_asides: list[Objection] = Field(default_factory=list)
    blocks: list[Objection] = Field(default_factory=list)
    objections: list[ConsentObjection] = Field(default_factory=list)
    # A motion's mover and seconder: at most one each, kept as a list so the store holds them as
    # JSON like the other positions; empty when the decision was not moved.
    moved_by: list[Someone] = Field(default_factory=list, max_length=1)
    seconded_by: list[Someone] = Field(default_factory=list, max_length=1)
    amendments: list[Amendment] = Field(default_factory=list)
    # Each member's vote, in the order called, when the body voted by roll call; empty otherwise.
    roll_call: list[RollCall] = Field(default_factory=list)
    # Why the group adopted a consensus decision despite a block; "" when it did not.
    override_reason: str = ""
    rationale: str = ""
    review_date: date | None = None
    # Quorum when the decision was taken, as the one quorum rule (services/quorum.py) judged it.
    # quorum_defined is None for decisions recorded before schema 6: no snapshot was taken.
    quorum_defined: bool | None = None
    quorum_met: bool | None = None
    quorum_counted: int | None = None
    quorum_needed: int | None = None
    quorum_missing: list[str] = Field(default_factory=list)
    quorum_reason: str = ""


class ActionItem(CapturedEntry):
    table = "action_items"

    owner_person_id: str | None = None
    # What was typed for the owner when it matched no person; kept so nothing is lost.
    owner_text: str = ""
    organization_id: str | None = None
    # Owners after the first (issue #17): people or organizations sharing the action. The first
    # stays in owner_person_id/owner_text for everything that reads one owner.
    co_owners: list[Someone] = Field(default_factory=list)
    # Owned by the whole body ("all members", "everyone") rather than by anyone in particular.
    whole_body: bool = False
    due: date | None = None
    status: ActionStatus = ActionStatus.OPEN


class ActionUpdate(Record):
    """A status change of an action item. History, never an overwrite."""

    table = "action_updates"

    action_id: str
    meeting_id: str | None = None
    status: ActionStatus
    note: str = ""
    at: datetime


class ParkingLotItem(CapturedEntry):
    table = "parking_lot"

    follow_up_person_id: str | None = None
    resolved: bool = False


class EntryRevision(Record):
    """The text an entry had before a correction. Corrections never overwrite history."""

    table = "entry_revisions"

    entry_table: str
    entry_id: str
    field: str
    old_value: str
    new_value: str
    at: datetime


class CaptureDraft(Record):
    """A quick-entry line that could not be read, kept exactly as typed until it is fixed and
    saved as an entry, or discarded. Drafts are not part of the record: no output shows them."""

    table = "capture_drafts"

    meeting_id: str
    agenda_item_id: str | None = None
    line: str
    problems: list[str] = Field(default_factory=list)


class Reflection(Record):
    """A plus/delta remark from the closing round: what worked, what to change."""

    table = "reflections"

    meeting_id: str
    kind: ReflectionKind
    text: str
    visibility: Visibility = Visibility.PARTNERS
