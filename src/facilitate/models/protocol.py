"""A body's communication protocol: what goes out after its meetings, to whom, and by when."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import Field, field_validator

from facilitate.models.base import Record
from facilitate.models.enums import Visibility


class Duty(StrEnum):
    """What a protocol promises to send; each counts its days from a different event."""

    # Counted from the meeting's day.
    DRAFT_MINUTES = "draft-minutes"
    # Counted from the day the minutes were approved.
    APPROVED_MINUTES = "approved-minutes"
    # Counted back from each open action's due date.
    ACTION_REMINDERS = "action-reminders"


class ProtocolStep(Record):
    """One promise of a body's protocol: `duty` to `audience` within `days`.

    A body has at most one step per duty; changing it changes the days or the audience. It holds
    for meetings (approvals, due dates) from `since` on, so a protocol adopted today does not
    report a year of older meetings as overdue.
    """

    table = "communication_protocol"

    body_id: str
    duty: Duty
    audience: Visibility = Visibility.PARTNERS
    days: int = Field(ge=0, le=365)
    since: date

    @field_validator("audience")
    @classmethod
    def _not_confidential(cls, value: Visibility) -> Visibility:
        if value is Visibility.CONFIDENTIAL:
            raise ValueError(
                "confidential entries are never sent; choose public, partners or internal"
            )
        return value
