"""The record's words: labels for the stored enums, dates as partners read them, and record text
cleaned so every format can carry it.

Every output (minutes in each format, the series record, "you said, we did", e-mail drafts) and
the screens that name the same things take their words from here, so a label reads the same
wherever it appears.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, time

from facilitate.models.enums import (
    ActionStatus,
    DecisionMethod,
    DecisionOutcome,
    ItemState,
    MeetingKind,
    Purpose,
)

METHOD_LABELS: dict[DecisionMethod, str] = {
    DecisionMethod.CONSENSUS: "Consensus",
    DecisionMethod.CONSENT: "Consent",
    DecisionMethod.FIST_TO_FIVE: "Fist to five",
    DecisionMethod.GRADIENTS_OF_AGREEMENT: "Gradients of agreement",
    DecisionMethod.MAJORITY_VOTE: "Majority vote",
    DecisionMethod.OTHER: "Other",
}

OUTCOME_LABELS: dict[DecisionOutcome, str] = {
    DecisionOutcome.ADOPTED: "Adopted",
    DecisionOutcome.NOT_ADOPTED: "Not adopted",
    DecisionOutcome.DEFERRED: "Deferred",
}

STATUS_LABELS: dict[ActionStatus, str] = {
    ActionStatus.OPEN: "Open",
    ActionStatus.IN_PROGRESS: "In progress",
    ActionStatus.BLOCKED: "Blocked",
    ActionStatus.DONE: "Done",
    ActionStatus.DROPPED: "Dropped",
}

PURPOSE_LABELS: dict[Purpose, str] = {
    Purpose.INFORM: "For information",
    Purpose.DISCUSS: "For discussion",
    Purpose.DECIDE: "For decision",
}

KIND_LABELS: dict[MeetingKind, str] = {
    MeetingKind.BUSINESS: "Business meeting",
    MeetingKind.PARTNER_FORUM: "Partner forum",
    MeetingKind.LISTENING_SESSION: "Listening session",
}

# What the minutes say under an agenda item that did not run its course.
STATE_NOTES: dict[ItemState, str] = {
    ItemState.PARKED: "Parked.",
    ItemState.CONTINUE_NEXT_TIME: "Continued at the next meeting.",
}
NOT_REACHED = "Not reached."


# -- dates ----------------------------------------------------------------------------------------

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(day: date) -> str:
    """ "Sunday, October 25, 2026": locale-independent, unambiguous to every partner."""
    return f"{_WEEKDAYS[day.weekday()]}, {_MONTHS[day.month - 1]} {day.day}, {day.year}"


def short_date(day: date | None) -> str:
    """ "Oct 25, 2026", or "" for no date."""
    if day is None:
        return ""
    return f"{_MONTHS[day.month - 1][:3]} {day.day}, {day.year}"


def clock(moment: time) -> str:
    """ "13:30": a 24-hour clock, the same for every reader."""
    return f"{moment:%H:%M}"


# -- text -----------------------------------------------------------------------------------------

# Characters no document format can carry: C0/C1 controls other than tab and newline, and the
# XML non-characters. Word refuses them outright; browsers and spreadsheets show garbage.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Record text as every format receives it: one newline convention, no control characters,
    no surrounding blank space. Everything else (markup characters, any script) stays literal;
    escaping is each renderer's job."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _UNPRINTABLE.sub("", text)
    return unicodedata.normalize("NFC", text).strip()
