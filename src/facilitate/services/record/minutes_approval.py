"""Minutes lifecycle: draft until a later meeting approves them, with any corrections and who
moved the approval recorded beside the minutes."""

from __future__ import annotations

from datetime import UTC, datetime

from facilitate.models import Meeting, MinutesApproval
from facilitate.models.enums import MeetingStatus
from facilitate.services.record.minutes import MinutesStatus, minutes_status
from facilitate.store import Store


class ApprovalError(ValueError):
    """Minutes that cannot be approved as asked; the message says why."""


def approve_minutes(
    store: Store,
    meeting_id: str,
    *,
    at_meeting_id: str,
    moved_by: str,
    approved_by: str = "",
    corrections: str = "",
    now: datetime | None = None,
) -> MinutesApproval:
    """Approve the minutes of `meeting_id` at the later meeting `at_meeting_id`.

    Records a MinutesApproval (mover, approver, corrections) and moves the meeting from CLOSED
    to APPROVED, in one transaction. Corrections are kept as written, beside the minutes; they
    never rewrite what was captured.
    """
    moved_by = moved_by.strip()
    if not moved_by:
        raise ApprovalError("say who moved the approval (--moved-by)")
    if meeting_id == at_meeting_id:
        raise ApprovalError("minutes are approved at a later meeting, not at the same one")
    at = now or datetime.now(UTC)
    with store.transaction():
        meeting = store.get(Meeting, meeting_id)
        later = store.get(Meeting, at_meeting_id)
        if meeting.status is MeetingStatus.APPROVED:
            raise ApprovalError(f"the minutes of {meeting.title} are already approved")
        if meeting.status is not MeetingStatus.CLOSED:
            raise ApprovalError(
                f"{meeting.title} is {meeting.status.value}; close the meeting before its "
                "minutes can be approved"
            )
        if later.starts_at <= meeting.starts_at:
            raise ApprovalError(
                f"{later.title} ({later.starts_at:%Y-%m-%d}) is not after {meeting.title} "
                f"({meeting.starts_at:%Y-%m-%d}); minutes are approved at a later meeting"
            )
        approval = store.insert(
            MinutesApproval(
                meeting_id=meeting.id,
                approved_in_meeting_id=later.id,
                moved_by=moved_by,
                approved_by=approved_by.strip(),
                corrections=corrections.strip(),
                at=at,
            )
        )
        meeting.status = MeetingStatus.APPROVED
        meeting.approved_at = at
        meeting.approved_in_meeting_id = later.id
        store.save(meeting)
    return approval


def approvals_of(store: Store, meeting_id: str) -> list[MinutesApproval]:
    return store.find(MinutesApproval, meeting_id=meeting_id, order_by="at")


def status_of(store: Store, meeting_id: str) -> MinutesStatus:
    return minutes_status(store.get(Meeting, meeting_id))
