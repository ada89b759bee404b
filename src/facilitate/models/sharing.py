"""Closing the loop: what was shared with whom, approvals of minutes, and links from input to
what became of it."""

from __future__ import annotations

from datetime import datetime

from facilitate.models.base import Record
from facilitate.models.enums import Visibility


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


class MinutesApproval(Record):
    """Minutes of `meeting_id` approved at `approved_in_meeting_id`, with any corrections."""

    table = "minutes_approvals"

    meeting_id: str
    approved_in_meeting_id: str | None = None
    moved_by: str = ""
    approved_by: str = ""
    corrections: str = ""
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
