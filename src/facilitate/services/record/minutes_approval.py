"""Minutes lifecycle: draft until a later meeting approves them, with any corrections and who
moved the approval recorded beside the minutes; and those approvals as the minutes state them."""

from __future__ import annotations

from datetime import UTC, datetime

from facilitate.errors import Refusal
from facilitate.models import Meeting, MinutesApproval
from facilitate.models.enums import MeetingStatus
from facilitate.services.record.document import ApprovalLine, MinutesStatus, minutes_status
from facilitate.services.record.wording import clean_text
from facilitate.store import RecordNotFound, Store


class ApprovalError(Refusal):
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


# -- as the minutes state them -------------------------------------------------------------------


def _meeting_or_none(store: Store, meeting_id: str | None) -> Meeting | None:
    if meeting_id is None:
        return None
    try:
        return store.get(Meeting, meeting_id)
    except RecordNotFound:
        return None


def approval_line(store: Store, approval: MinutesApproval) -> ApprovalLine:
    """One approval in words: whose minutes, approved where and when, moved by whom."""
    approved = _meeting_or_none(store, approval.meeting_id)
    at = _meeting_or_none(store, approval.approved_in_meeting_id)
    return ApprovalLine(
        meeting_title=clean_text(approved.title) if approved else "(unknown meeting)",
        meeting_date=approved.starts_at.date() if approved else None,
        at_meeting_title=clean_text(at.title) if at else "",
        approved_on=at.starts_at.date() if at else approval.at.date(),
        moved_by=clean_text(approval.moved_by),
        approved_by=clean_text(approval.approved_by),
        corrections=clean_text(approval.corrections),
    )


def own_approval(store: Store, meeting: Meeting) -> ApprovalLine | None:
    """The approval of `meeting`'s own minutes (the latest, if recorded more than once)."""
    rows = store.find(MinutesApproval, meeting_id=meeting.id, order_by="-at", limit=1)
    if rows:
        return approval_line(store, rows[0])
    at = _meeting_or_none(store, meeting.approved_in_meeting_id)
    if at is None and meeting.approved_at is None:
        return None
    return ApprovalLine(
        meeting_title=clean_text(meeting.title),
        meeting_date=meeting.starts_at.date(),
        at_meeting_title=clean_text(at.title) if at else "",
        approved_on=at.starts_at.date()
        if at
        else (meeting.approved_at.date() if meeting.approved_at else None),
        moved_by="",
        approved_by="",
        corrections="",
    )


def approved_at(store: Store, meeting: Meeting) -> tuple[ApprovalLine, ...]:
    """Earlier minutes approved at `meeting`, in the order they were approved."""
    return tuple(
        approval_line(store, a)
        for a in store.find(MinutesApproval, approved_in_meeting_id=meeting.id, order_by="at")
    )
