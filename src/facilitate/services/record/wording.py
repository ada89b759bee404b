"""The record's words: English labels for the stored enums, dates and times as partners read
them, and record text cleaned so every format can carry it.

Every output (minutes in each format, the series record, "you said, we did", e-mail drafts) and
the screens that name the same things take their words from here, so a label reads the same
wherever it appears. The minutes in other languages take their labels from `i18n`, whose English
catalogue is built from these; dates in other languages come from babel.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from datetime import date, datetime, time

from facilitate.models.enums import (
    ActionStatus,
    DecisionMethod,
    DecisionOutcome,
    MeetingKind,
    Purpose,
)
from facilitate.services.time_zone import wall_clock as wall_clock
from facilitate.services.time_zone import zone_named

METHOD_LABELS: dict[DecisionMethod, str] = {
    DecisionMethod.NOT_RECORDED: "Not recorded",
    DecisionMethod.CONSENSUS: "Consensus",
    DecisionMethod.CONSENT: "Consent",
    DecisionMethod.FIST_TO_FIVE: "Fist to five",
    DecisionMethod.GRADIENTS_OF_AGREEMENT: "Gradients of agreement",
    DecisionMethod.MAJORITY_VOTE: "Majority vote",
    DecisionMethod.OTHER: "Other",
}

ROLL_CALL_METHOD = "Roll-call vote"
"""How a decision was made when the room took a roll call and named no method: each member's
recorded vote is the method, never "not recorded"."""


def method_recorded(method: DecisionMethod, *, roll_call: bool) -> bool:
    """Whether the record says how a decision was made: a method was named, or a roll call was
    taken (a recorded vote). The one rule the minutes' "method not recorded" asks."""
    return method is not DecisionMethod.NOT_RECORDED or roll_call


def method_label(
    method: DecisionMethod,
    *,
    roll_call: bool,
    labels: Mapping[DecisionMethod, str] = METHOD_LABELS,
    roll_call_label: str = ROLL_CALL_METHOD,
) -> str:
    """How a decision was made, in words: its method's label ("Consensus"); with no method
    named but a roll call taken, the roll call ("Roll-call vote"); with neither, "Not
    recorded". `labels` and `roll_call_label` are another language's (`i18n`)."""
    if not method_recorded(method, roll_call=False) and roll_call:
        return roll_call_label
    return labels[method]


OUTCOME_LABELS: dict[DecisionOutcome, str] = {
    DecisionOutcome.ADOPTED: "Adopted",
    DecisionOutcome.NOT_ADOPTED: "Not adopted",
    DecisionOutcome.DEFERRED: "Deferred",
    DecisionOutcome.REFERRED: "Referred",
    DecisionOutcome.UNANIMOUS: "Carried unanimously",
    DecisionOutcome.TABLED: "Tabled",
    DecisionOutcome.WITHDRAWN: "Withdrawn",
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


def long_date(day: date, language: str = "en") -> str:
    """ "Sunday, October 25, 2026" ("domingo, 25 de octubre de 2026"): unambiguous to every
    partner, whatever the machine's locale."""
    if language != "en":
        # babel only for other languages: English needs no locale data, and `-f md` stays light.
        from babel.dates import format_date

        return str(format_date(day, format="full", locale=language))
    return f"{_WEEKDAYS[day.weekday()]}, {_MONTHS[day.month - 1]} {day.day}, {day.year}"


def short_date(day: date | None, language: str = "en") -> str:
    """ "Oct 25, 2026" ("25 oct 2026"), or "" for no date."""
    if day is None:
        return ""
    if language != "en":
        from babel.dates import format_date

        return str(format_date(day, format="medium", locale=language))
    return f"{_MONTHS[day.month - 1][:3]} {day.day}, {day.year}"


def clock(moment: time) -> str:
    """ "13:30": a 24-hour clock, the same for every reader."""
    return f"{moment:%H:%M}"


def zone_name(zone: str, day: date, moment: time, language: str = "en") -> str:
    """The time zone a wall-clock time is in, as people write it on that date: "PDT" in
    English (as US meeting notices do), "hora de verano del Pacífico" in Spanish, where the
    letters mean nothing. `zone` is an IANA name; "" (unknown) gives ""."""
    if not zone:
        return ""
    when = datetime.combine(day, moment, tzinfo=zone_named(zone))
    if language == "en":
        return when.tzname() or ""
    from babel.dates import get_timezone_name

    return str(get_timezone_name(when, width="long", locale=language))


# IANA names for UTC itself, which people write as "UTC" ("Etc/UTC" means nothing to a partner).
_UTC_NAMES = frozenset(
    {
        "utc",
        "etc/utc",
        "etc/uct",
        "uct",
        "etc/zulu",
        "zulu",
        "etc/universal",
        "universal",
        "gmt",
        "etc/gmt",
        "etc/gmt+0",
        "etc/gmt-0",
        "etc/gmt0",
        "etc/greenwich",
        "greenwich",
        "gmt0",
        "gmt+0",
        "gmt-0",
    }
)


def zone_label(zone: str) -> str:
    """An IANA zone as a notice names it: "UTC" for UTC under any of its names, else the name
    ("America/Chicago"); "" stays ""."""
    return "UTC" if zone.strip().lower() in _UTC_NAMES else zone


def time_span(day: date, starts: time, ends: time | None, zone: str, language: str = "en") -> str:
    """ "13:00–15:00 PST": when a meeting runs, with its zone when known."""
    span = clock(starts) + (f"–{clock(ends)}" if ends is not None else "")
    name = zone_name(zone, day, starts, language)
    return f"{span} {name}" if name else span


def titled_with_year(title: str, day: date) -> str:
    """A meeting title that names its year: "Core Team — Nov 16" becomes "Core Team — Nov 16,
    2026", so minutes forwarded a year later still say when. Titles naming it stay as they are."""
    if str(day.year) in title:
        return title
    return f"{title}, {day.year}"


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
