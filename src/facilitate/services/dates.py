"""Read the dates and times a note-taker types during a live meeting.

Pure functions: the reference date is always passed in, so parsing never reads the clock and the
same input gives the same answer in tests and in the app.

Date forms understood (case-insensitive, surrounding whitespace and commas ignored):

* ``2026-12-05`` (ISO)
* ``12/5``, ``12/5/2026``, ``12/5/26`` — US month/day order, because the users are US
  partnerships. Two-digit years are 20YY.
* ``dec 5``, ``5 dec``, ``december 5``, ``dec 5th``, ``Dec 5 2026``, ``Dec 5, 2026``,
  ``5 dec 2026``
* ``today``, ``tomorrow``, ``tmrw``
* ``fri``, ``friday`` (and ``tues``/``thur``/``thurs``/``weds``)
* ``next week``, ``next fri``
* ``in 3 days``, ``in 2 weeks``, ``in a week``
* ``eow``, ``end of week``, ``eom``, ``end of month``

Rules for relative forms, chosen to match what people mean when they say them in a meeting:

* A date without a year (``12/5``, ``dec 5``) is the next such date on or after today: if it has
  already passed this year it means next year. If that year lacks the day (``2/29`` said in a
  year before a non-leap year) it is rejected rather than silently pushed years ahead.
* A weekday name is the coming such day, strictly after today: ``fri`` said on a Friday means a
  week from today, since a deadline of "today" would be written ``today``.
* Weeks run Monday to Sunday. ``next week`` is the Monday of next week; ``next fri`` is the
  Friday of next week, so said on a Monday it is 11 days away, and said on a Saturday or Sunday
  it is the same day as ``fri``.
* ``eow`` is the coming Friday on or after today (today when today is Friday; on a weekend, the
  following Friday). ``eom`` is the last day of the current month.

Time forms: ``9:30``, ``14:00`` (24-hour when no am/pm), ``9:30am``, ``9:30 pm``, ``2pm``,
``9 a.m.``, ``noon``, ``midnight``. A bare hour such as ``2`` is rejected because it is
ambiguous between 2am and 2pm.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, time, timedelta

from facilitate.errors import Refusal

__all__ = [
    "DATE_HINT",
    "TIME_HINT",
    "WEEKDAYS",
    "DateParseError",
    "TimeParseError",
    "parse_date",
    "parse_time",
]

DATE_HINT = 'try 2026-12-05, 12/5, dec 5, fri, tomorrow, "next week" or "in 3 days"'
TIME_HINT = "try 9:30, 9:30am, 14:00 or 2pm"


class DateParseError(Refusal):
    """A typed date could not be read.

    ``text`` is what was typed and ``reason`` a short user-facing explanation, so callers can
    phrase their own message (e.g. "could not read due date ...") without re-parsing ``str(e)``.
    """

    def __init__(self, text: str, reason: str = DATE_HINT) -> None:
        self.text = text
        self.reason = reason
        super().__init__(f'could not read date "{text}": {reason}')


class TimeParseError(Refusal):
    """A typed time of day could not be read; same shape as :class:`DateParseError`."""

    def __init__(self, text: str, reason: str = TIME_HINT) -> None:
        self.text = text
        self.reason = reason
        super().__init__(f'could not read time "{text}": {reason}')


_WEEKDAYS: dict[str, int] = {}
for _index, _names in enumerate(
    (
        ("mon", "monday"),
        ("tue", "tues", "tuesday"),
        ("wed", "weds", "wednesday"),
        ("thu", "thur", "thurs", "thursday"),
        ("fri", "friday"),
        ("sat", "saturday"),
        ("sun", "sunday"),
    )
):
    for _name in _names:
        _WEEKDAYS[_name] = _index

# Public for other readers of typed days (services/plan/cadence.py): name -> 0 (Monday) to 6.
WEEKDAYS = _WEEKDAYS

_MONTHS: dict[str, int] = {}
for _number in range(1, 13):
    _MONTHS[calendar.month_name[_number].lower()] = _number
    _MONTHS[calendar.month_abbr[_number].lower()] = _number
_MONTHS["sept"] = 9

_FRIDAY = 4

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_US = re.compile(r"(\d{1,2})/(\d{1,2})(?:/(\d{2}|\d{4}))?")
_IN = re.compile(r"in (\d{1,3}|an?) (day|days|week|weeks)")
_DAY = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?")
_YEAR = re.compile(r"\d{4}")

_FIXED = {
    "today": 0,
    "tomorrow": 1,
    "tmrw": 1,
}
_END_OF_WEEK = {"eow", "end of week", "end of the week"}
_END_OF_MONTH = {"eom", "end of month", "end of the month"}


def parse_date(text: str, today: date) -> date:
    """Read a typed date relative to ``today``.

    Raises :class:`DateParseError` with a user-facing message when the text is not one of the
    understood forms (see the module docstring) or names a day that does not exist.
    """
    shown = text.strip()
    words = text.lower().replace(",", " ").split()
    phrase = " ".join(words)
    try:
        result = _parse_phrase(phrase, words, today)
    except DateParseError as error:
        raise DateParseError(shown, error.reason) from None
    except OverflowError:
        raise DateParseError(shown, "that date is too far away") from None
    if result is None:
        raise DateParseError(shown)
    return result


def _parse_phrase(phrase: str, words: list[str], today: date) -> date | None:
    if phrase in _FIXED:
        return today + timedelta(days=_FIXED[phrase])
    if phrase in _END_OF_WEEK:
        return today + timedelta(days=(_FRIDAY - today.weekday()) % 7)
    if phrase in _END_OF_MONTH:
        return today.replace(day=calendar.monthrange(today.year, today.month)[1])
    if phrase in _WEEKDAYS:
        ahead = (_WEEKDAYS[phrase] - today.weekday()) % 7
        return today + timedelta(days=ahead or 7)
    if len(words) == 2 and words[0] == "next":
        next_monday = today + timedelta(days=7 - today.weekday())
        if words[1] == "week":
            return next_monday
        if words[1] in _WEEKDAYS:
            return next_monday + timedelta(days=_WEEKDAYS[words[1]])
        return None
    if match := _IN.fullmatch(phrase):
        count = 1 if match[1] in ("a", "an") else int(match[1])
        per = 7 if match[2].startswith("week") else 1
        return today + timedelta(days=count * per)
    if match := _ISO.fullmatch(phrase):
        return _exact(int(match[1]), int(match[2]), int(match[3]))
    if match := _US.fullmatch(phrase):
        month, day, year = int(match[1]), int(match[2]), match[3]
        if year is None:
            return _upcoming(month, day, today)
        return _exact(int(year) + (2000 if len(year) == 2 else 0), month, day)
    return _month_name_form(words, today)


def _month_name_form(words: list[str], today: date) -> date | None:
    """``dec 5``, ``5 dec``, ``december 5th 2026``; None when the words are not this form."""
    if len(words) not in (2, 3):
        return None
    first, second = words[0].rstrip("."), words[1].rstrip(".")
    if first in _MONTHS and (day := _DAY.fullmatch(second)):
        month = _MONTHS[first]
    elif second in _MONTHS and (day := _DAY.fullmatch(first)):
        month = _MONTHS[second]
    else:
        return None
    if len(words) == 2:
        return _upcoming(month, int(day[1]), today)
    if not _YEAR.fullmatch(words[2]):
        return None
    return _exact(int(words[2]), month, int(day[1]))


def _check_month_day(month: int, day: int) -> None:
    if not 1 <= month <= 12:
        raise DateParseError("", f"there is no month {month}")
    # Checked against a leap year so that only days no year has are reported here.
    if not 1 <= day <= calendar.monthrange(2000, month)[1]:
        raise DateParseError("", f"there is no {calendar.month_name[month]} {day}")


def _exact(year: int, month: int, day: int) -> date:
    _check_month_day(month, day)
    if year < 1:
        raise DateParseError("", f"there is no year {year}")
    if year > 9999:
        raise DateParseError("", "that date is too far away")
    if day > calendar.monthrange(year, month)[1]:
        raise DateParseError("", f"there is no {calendar.month_name[month]} {day} in {year}")
    return date(year, month, day)


def _upcoming(month: int, day: int, today: date) -> date:
    _check_month_day(month, day)
    year = today.year if (month, day) >= (today.month, today.day) else today.year + 1
    return _exact(year, month, day)


_TIME = re.compile(r"(\d{1,2})(?::(\d{2}))?(am|pm|a|p)?")
_NAMED_TIMES = {"noon": time(12, 0), "midnight": time(0, 0)}


def parse_time(text: str) -> time:
    """Read a typed time of day such as ``9:30``, ``9:30am``, ``14:00`` or ``2pm``.

    Raises :class:`TimeParseError` with a user-facing message when the text cannot be read.
    """
    shown = text.strip()
    compact = "".join(text.lower().split()).replace(".", "")
    if compact in _NAMED_TIMES:
        return _NAMED_TIMES[compact]
    match = _TIME.fullmatch(compact)
    if match is None:
        raise TimeParseError(shown)
    hour, minute, suffix = int(match[1]), int(match[2] or 0), match[3]
    if minute > 59:
        raise TimeParseError(shown, f"there is no minute {minute}")
    if suffix is None:
        if match[2] is None:
            raise TimeParseError(
                shown, f"add am or pm (e.g. {hour}pm) or use 24-hour time like 14:00"
            )
        if hour > 23:
            raise TimeParseError(shown, f"there is no hour {hour}")
        return time(hour, minute)
    if not 1 <= hour <= 12:
        raise TimeParseError(shown, "with am or pm the hour must be 1 to 12")
    return time(hour % 12 + (12 if suffix.startswith("p") else 0), minute)
