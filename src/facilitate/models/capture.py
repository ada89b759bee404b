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


class Objection(BaseModel):
    """A stand-aside or a block, with whoever raised it and why."""

    model_config = ConfigDict(defer_build=True)

    who: str = ""
    reason: str = ""


class Decision(CapturedEntry):
    table = "decisions"

    method: DecisionMethod = DecisionMethod.CONSENSUS
    outcome: DecisionOutcome = DecisionOutcome.ADOPTED
    votes_for: int | None = Field(default=None, ge=0)
    votes_against: int | None = Field(default=None, ge=0)
    abstentions: int | None = Field(default=None, ge=0)
    # For scales such as fist-to-five or gradients of agreement: level -> count.
    distribution: dict[str, int] = Field(default_factory=dict)
    stand_asides: list[Objection] = Field(default_factory=list)
    blocks: list[Objection] = Field(default_factory=list)
    rationale: str = ""
    review_date: date | None = None


class ActionItem(CapturedEntry):
    table = "action_items"

    owner_person_id: str | None = None
    # What was typed for the owner when it matched no person; kept so nothing is lost.
    owner_text: str = ""
    organization_id: str | None = None
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


class Reflection(Record):
    """A plus/delta remark from the closing round: what worked, what to change."""

    table = "reflections"

    meeting_id: str
    kind: ReflectionKind
    text: str
    visibility: Visibility = Visibility.PARTNERS
