"""When a call for agenda items makes sense, and the date it asks partners to answer by.

A call asks partners to shape an agenda still to be held: a cancelled meeting, or one already
live or held, gets none, and a reply-by date must leave partners time (today at the earliest)
and fall before the meeting (its day at the latest). Every way of writing a call (the CLI, the
agenda editor) asks `check_call` first, so nothing is written that asks the impossible.

The parking lot a call (and the agenda) lists is what still waits (`store.queries_owed`, the one
rule carry-over asks too): an entry the loop has answered (declined with its reason, answered in
words, or by a decision or action that settled it) is left out.
"""

from __future__ import annotations

from datetime import date, timedelta

from facilitate.errors import Refusal
from facilitate.models import Meeting
from facilitate.models.enums import MeetingStatus
from facilitate.services.plan.cancel import is_cancelled
from facilitate.services.record.wording import long_date

# Items a week ahead leave the coordinator time to build and send the agenda; fewer than two
# days leave partners none to answer.
WEEK_AHEAD = timedelta(days=7)
TIME_TO_ANSWER = timedelta(days=2)


class CallError(Refusal):
    """A call for items that cannot be written; the message says why and what to do."""


class DeadlineError(CallError):
    """A reply-by date the call cannot ask for; the message names the date, not the field
    (`--by` in the CLI, "Items by" in the dialog), which the face adds."""


def call_deadline(meeting_day: date, today: date) -> date:
    """The reply-by date a call offers: a week before the meeting; when that leaves partners
    less than two days, two days from today but no later than the day before the meeting;
    never before today."""
    by = meeting_day - WEEK_AHEAD
    if by < today + TIME_TO_ANSWER:
        by = min(today + TIME_TO_ANSWER, meeting_day - timedelta(days=1))
    return max(by, today)


def check_call(meeting: Meeting, by: date, today: date) -> None:
    """Refuse a call for a meeting that is cancelled or no longer planned (CallError), or a
    reply-by date before today or after the meeting (DeadlineError)."""
    check_meeting(meeting, today)
    check_deadline(meeting, by, today)


def check_meeting(meeting: Meeting, today: date) -> None:
    """Refuse a call for a cancelled meeting, one already live or held, or one whose day has
    passed."""
    if is_cancelled(meeting):
        reason = meeting.cancel_reason.strip() or "no reason given"
        raise CallError(
            f"“{meeting.title}” is cancelled ({reason}): no call for items was written; "
            "sending the agenda (`facilitate agenda send`) writes partners the cancellation"
        )
    if meeting.status is not MeetingStatus.PLANNED:
        held = "is live" if meeting.status is MeetingStatus.LIVE else "has been held"
        raise CallError(
            f"“{meeting.title}” {held}: a call for items is for a meeting still to come; "
            "call for the series' next meeting instead"
        )
    if meeting.starts_at.date() < today:
        raise CallError(
            f"“{meeting.title}” was planned for {long_date(meeting.starts_at.date())}, which "
            "has passed: no call for items was written"
        )


def check_deadline(meeting: Meeting, by: date, today: date) -> None:
    """Refuse a reply-by date before today or after the meeting's day."""
    day = meeting.starts_at.date()
    if by < today:
        raise DeadlineError(
            f"{long_date(by)} has passed; give today ({today.isoformat()}) or later, "
            f"up to the meeting's day ({day.isoformat()})"
        )
    if by > day:
        raise DeadlineError(
            f"{long_date(by)} is after the meeting ({long_date(day)}); give "
            f"{day.isoformat()} or earlier, e.g. {call_deadline(day, today).isoformat()}"
        )
