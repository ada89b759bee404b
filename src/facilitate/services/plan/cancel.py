"""Cancelling a planned meeting, and taking a cancellation back.

A cancelled meeting keeps its record (agenda, roles, pre-reads): it is marked with when and why,
so partners get a cancellation invitation for the same calendar event (`share.agenda_out`), the
screens show it as cancelled and it cannot be opened live. Only `cancelled_at` and
`cancel_reason` are written, on the row as it is inside the transaction, so a second window's
edit of the agenda or the place survives.
"""

from __future__ import annotations

from datetime import UTC, datetime

from facilitate.errors import Refusal
from facilitate.models import Meeting
from facilitate.models.enums import MeetingStatus
from facilitate.store import Store

CANCEL_FIELDS = ("cancelled_at", "cancel_reason")


class CancelError(Refusal):
    """A meeting that cannot be cancelled (or un-cancelled); the message says why."""


def is_cancelled(meeting: Meeting) -> bool:
    return meeting.cancelled_at is not None


def cancelled_note(meeting: Meeting) -> str:
    """ "cancelled: the room flooded", or "" for a meeting that is on."""
    if not is_cancelled(meeting):
        return ""
    reason = meeting.cancel_reason.strip()
    return f"cancelled: {reason}" if reason else "cancelled"


def cannot_run(meeting: Meeting) -> str | None:
    """Why a cancelled meeting cannot be opened live (every way into a live meeting asks), or
    None when it is on."""
    if not is_cancelled(meeting):
        return None
    reason = meeting.cancel_reason.strip() or "no reason given"
    return (
        f"“{meeting.title}” is cancelled ({reason}); take the cancellation back "
        "(`facilitate meetings uncancel`) to run it"
    )


def cancel_meeting(
    store: Store, meeting_id: str, reason: str, *, now: datetime | None = None
) -> Meeting:
    """Mark a planned meeting cancelled, with why. Cancelling it again updates the reason."""
    why = " ".join(reason.split())
    if not why:
        raise CancelError("--reason: say why the meeting is cancelled; partners will read it")
    with store.transaction():
        meeting = store.get(Meeting, meeting_id)
        if meeting.status is not MeetingStatus.PLANNED:
            raise CancelError(
                f"“{meeting.title}” is {meeting.status.value}; only a planned meeting can be "
                "cancelled"
            )
        if meeting.cancelled_at is None:
            meeting.cancelled_at = now or datetime.now(UTC)
        meeting.cancel_reason = why
        store.update_fields(meeting, CANCEL_FIELDS)
    return meeting


def uncancel_meeting(store: Store, meeting_id: str) -> Meeting:
    """Take a cancellation made by mistake back: the meeting is on again."""
    with store.transaction():
        meeting = store.get(Meeting, meeting_id)
        if meeting.cancelled_at is None:
            raise CancelError(f"“{meeting.title}” is not cancelled")
        meeting.cancelled_at = None
        meeting.cancel_reason = ""
        store.update_fields(meeting, CANCEL_FIELDS)
    return meeting
