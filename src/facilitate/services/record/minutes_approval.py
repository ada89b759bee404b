"""Minutes lifecycle: draft until a later meeting approves them, and that approval as it
happened: who moved and seconded it, how the room decided (the method as said, "not recorded"
when nobody said), the corrections agreed, and the approving meeting, of the same body unless a
reason for another body's is recorded. An approval made in a meeting is also a decision of that
meeting, so its minutes show it like any other; and the approvals as the minutes state them."""

from __future__ import annotations

from datetime import UTC, datetime

from facilitate.errors import Refusal
from facilitate.models import Decision, Meeting, MinutesApproval
from facilitate.models.enums import DecisionMethod, DecisionOutcome, MeetingStatus, Visibility
from facilitate.services.quorum import body_of
from facilitate.services.record.document import ApprovalLine, MinutesStatus, minutes_status
from facilitate.services.record.i18n import DEFAULT_LANGUAGE
from facilitate.services.record.wording import clean_text
from facilitate.store import RecordNotFound, Store


class ApprovalError(Refusal):
    """Minutes that cannot be approved as asked; the message says why."""


def approval_text(meeting: Meeting, corrections: str) -> str:
    """The decision an approval makes in the approving meeting, in the record's words."""
    text = f"Approve the minutes of {clean_text(meeting.title)}"
    return f"{text} as corrected: {corrections}" if corrections else text


def approve_minutes(
    store: Store,
    meeting_id: str,
    *,
    at_meeting_id: str,
    moved_by: str,
    seconded_by: str = "",
    method: DecisionMethod = DecisionMethod.NOT_RECORDED,
    votes_for: int | None = None,
    votes_against: int | None = None,
    abstentions: int | None = None,
    approved_by: str = "",
    corrections: str = "",
    other_body_reason: str = "",
    item_id: str | None = None,
    now: datetime | None = None,
) -> MinutesApproval:
    """Approve the minutes of `meeting_id` at the later meeting `at_meeting_id`, as it happened.

    In one transaction: the MinutesApproval (mover, seconder, method and counts, corrections,
    why another body's meeting when it is one), a decision entry of the approving meeting
    ("Approve the minutes of …", under `item_id` or, when none is given, the item the meeting
    is on while live), and the meeting moved from CLOSED to APPROVED. Corrections are kept as
    written, beside the minutes; they never rewrite what was captured.
    """
    moved_by = moved_by.strip()
    corrections = corrections.strip()
    other_body_reason = other_body_reason.strip()
    if not moved_by:
        raise ApprovalError("say who moved the approval (--moved-by)")
    if meeting_id == at_meeting_id:
        raise ApprovalError("minutes are approved at a later meeting, not at the same one")
    at = now or datetime.now(UTC)
    with store.transaction():
        meeting = store.get(Meeting, meeting_id)
        later = store.get(Meeting, at_meeting_id)
        _check(store, meeting, later, other_body_reason)
        decision = store.insert(
            Decision(
                meeting_id=later.id,
                agenda_item_id=item_id if item_id is not None else _item_now(later),
                text=approval_text(meeting, corrections),
                # Approval of minutes is on the public record, like the minutes' own banner.
                visibility=Visibility.PUBLIC,
                method=method,
                outcome=DecisionOutcome.ADOPTED,
                votes_for=votes_for,
                votes_against=votes_against,
                abstentions=abstentions,
            )
        )
        approval = store.insert(
            MinutesApproval(
                meeting_id=meeting.id,
                approved_in_meeting_id=later.id,
                moved_by=moved_by,
                seconded_by=seconded_by.strip(),
                approved_by=approved_by.strip(),
                method=method,
                votes_for=votes_for,
                votes_against=votes_against,
                abstentions=abstentions,
                corrections=corrections,
                other_body_reason=other_body_reason,
                decision_id=decision.id,
                at=at,
            )
        )
        meeting.status = MeetingStatus.APPROVED
        meeting.approved_at = at
        meeting.approved_in_meeting_id = later.id
        store.save(meeting)
    return approval


def _item_now(meeting: Meeting) -> str | None:
    """The item a live meeting is on; None ("Other business") for an approval recorded before
    or after the meeting, when the item it was last on says nothing about this one."""
    return meeting.current_item_id if meeting.status is MeetingStatus.LIVE else None


def _check(store: Store, meeting: Meeting, later: Meeting, other_body_reason: str) -> None:
    """Refuse, in one line, an approval that could not have happened as asked."""
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
    if later.status is MeetingStatus.APPROVED:
        raise ApprovalError(
            f"the minutes of {later.title} are already approved; an approval recorded there "
            "now would change them"
        )
    own, other = body_of(store, meeting), body_of(store, later)
    if own.id != other.id and not other_body_reason:
        raise ApprovalError(
            f"{later.title} is a meeting of {other.name}, not of {own.name}; minutes are "
            "approved by their own body, or say why another body approves them (--reason)"
        )


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


def approval_line(
    store: Store, approval: MinutesApproval, language: str = DEFAULT_LANGUAGE
) -> ApprovalLine:
    """One approval in words: whose minutes, approved where and when, and how."""
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
        seconded_by=clean_text(approval.seconded_by),
        method=approval.method,
        votes_for=approval.votes_for,
        votes_against=approval.votes_against,
        abstentions=approval.abstentions,
        other_body_reason=clean_text(approval.other_body_reason),
        language=language,
    )


def own_approval(
    store: Store, meeting: Meeting, language: str = DEFAULT_LANGUAGE
) -> ApprovalLine | None:
    """The approval of `meeting`'s own minutes (the latest, if recorded more than once)."""
    rows = store.find(MinutesApproval, meeting_id=meeting.id, order_by="-at", limit=1)
    if rows:
        return approval_line(store, rows[0], language)
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
        # Nothing but the date was kept: the line says no more than that.
        how_known=False,
        language=language,
    )


def approved_at(
    store: Store, meeting: Meeting, language: str = DEFAULT_LANGUAGE
) -> tuple[ApprovalLine, ...]:
    """Earlier minutes approved at `meeting`, in the order they were approved."""
    return tuple(
        approval_line(store, a, language)
        for a in store.find(MinutesApproval, approved_in_meeting_id=meeting.id, order_by="at")
    )


def awaiting_approval(store: Store, meeting: Meeting) -> list[Meeting]:
    """Minutes `meeting` could approve: closed meetings held before it, its own body's first
    (newest first), then other bodies' (approved here only with a reason)."""
    own = body_of(store, meeting).id
    earlier = [
        m
        for m in store.find(Meeting, status=MeetingStatus.CLOSED.value)
        if m.starts_at < meeting.starts_at
    ]
    earlier.sort(key=lambda m: m.starts_at, reverse=True)
    return sorted(earlier, key=lambda m: body_of(store, m).id != own)
