"""Closing the loop: what was shared with whom, approvals of minutes, and links from input to
what became of it."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from facilitate.models.base import Record
from facilitate.models.enums import DecisionMethod, Visibility


class ShareRecord(Record):
    """One export: so a coordinator can answer "who got what, when, in which form"."""

    table = "share_log"

    meeting_id: str | None = None
    series_id: str | None = None
    audience: Visibility
    organization_id: str | None = None
    # What was exported: "minutes", "decision-log", "action-register", "you-said-we-did", ...
    document: str = "minutes"
    format: str
    path: str = ""
    content_hash: str
    minutes_status: str = ""
    at: datetime
    # The version of the organization's sharing agreement the export followed (None: none on
    # record), and the coordinator's reason when it went beyond that agreement.
    agreement_version: int | None = None
    beyond_agreement_reason: str = ""
    # For a calendar invitation: a hash of the schedule it carried ("" for anything else).
    schedule: str = ""


class MinutesApproval(Record):
    """Minutes of `meeting_id` approved at `approved_in_meeting_id` as it happened: who moved
    and seconded, how the room decided, and the corrections agreed."""

    table = "minutes_approvals"

    meeting_id: str
    approved_in_meeting_id: str | None = None
    moved_by: str = ""
    seconded_by: str = ""
    # Who approved, as typed before schema 9 ("consensus", names); kept, never reinterpreted.
    approved_by: str = ""
    # What the facilitator said; nothing said is NOT_RECORDED, never a guessed default.
    method: DecisionMethod = DecisionMethod.NOT_RECORDED
    votes_for: int | None = Field(default=None, ge=0)
    votes_against: int | None = Field(default=None, ge=0)
    abstentions: int | None = Field(default=None, ge=0)
    corrections: str = ""
    # Why minutes were approved at another body's meeting; "" at the same body's.
    other_body_reason: str = ""
    # The decision entry this approval made in the approving meeting (None before schema 9).
    decision_id: str | None = None
    at: datetime


class EntryLink(Record):
    """A decision or action that responds to an earlier piece of input (a note, a parking-lot
    entry): the backbone of "you said, we did"."""

    table = "entry_links"

    from_table: str
    from_id: str
    to_table: str
    to_id: str
    note: str = ""
