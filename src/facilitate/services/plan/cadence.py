"""Read how often a meeting series meets, as people write it, and find its next date.

Pure: no I/O and no clock; every date is passed in. The series' ``cadence`` text field holds what
the coordinator typed ("monthly, second Tuesday, 13:00–15:00"); :func:`parse_cadence` reads it into
a :class:`Cadence` that proposes the next meeting date and its time.

Understood (case-insensitive; commas, "on", "the", "of", "at" and the like are ignored):

* how often: ``weekly``, ``every week``, ``biweekly``, ``fortnightly``, ``every two weeks``,
  ``every other week``, ``every 3 weeks``, ``monthly``, ``every month``, ``of the month``,
  ``quarterly``, ``every 2 months``;
* which day: ``Tuesday``/``Tuesdays`` (for weekly rules), ``second Tuesday``, ``2nd Tuesday``,
  ``last Thursday`` (monthly), ``the 15th``, ``last day`` (monthly);
* when: ``13:00–15:00``, ``1pm-3pm``, ``1-3pm``, ``13:00 to 15:00``, or one start time such as
  ``10:00`` or ``9:30am``.

A day rule alone implies its frequency: ``second Tuesday`` is monthly and ``Fridays`` weekly.

Rules for ``next_date``:

* It is the first date of the rule strictly after ``after``.
* Rules that repeat every N weeks or months keep their rhythm from ``anchor`` (the series' last
  meeting): ``every two weeks`` meets 14, 28, ... days after it. A weekday rule keeps the
  anchor's fortnight even when that meeting was moved a day. Without an anchor a weekday rule
  takes the next such weekday, and a rule without a day counts one full interval from ``after``.
* ``the 31st`` falls on the last day of shorter months.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal

from facilitate.errors import Refusal
from facilitate.services.dates import WEEKDAYS, TimeParseError, parse_time

__all__ = ["CADENCE_EXAMPLE", "Cadence", "CadenceError", "parse_cadence"]

CADENCE_EXAMPLE = (
    'try "monthly, second Tuesday, 13:00–15:00" or "every two weeks on Wednesday 10:00"'
)

Unit = Literal["week", "month"]

LAST = -1  # ``ordinal`` or ``day`` meaning the last one of the month


class CadenceError(Refusal):
    """A cadence could not be read; the message says what and gives an example."""

    def __init__(self, text: str, reason: str) -> None:
        self.text = text
        self.reason = reason
        super().__init__(f'could not read cadence "{text.strip()}": {reason}; {CADENCE_EXAMPLE}')


@dataclass(frozen=True)
class Cadence:
    """How often a series meets: every ``interval`` weeks or months, on which day, at what time.

    ``weekday`` is 0 (Monday) to 6. Monthly rules name either ``ordinal`` + ``weekday``
    (1-4 or :data:`LAST`; "second Tuesday") or ``day`` (1-31 or :data:`LAST`; "the 15th").
    """

    unit: Unit
    interval: int = 1
    weekday: int | None = None
    ordinal: int | None = None
    day: int | None = None
    start: time | None = None
    minutes: int | None = None

    def next_date(self, after: date, *, anchor: date | None = None) -> date:
        """The first date of this cadence strictly after ``after`` (see the module rules)."""
        if self.unit == "week":
            return self._next_weekly(after, anchor)
        return self._next_monthly(after, anchor)

    def describe(self) -> str:
        """Normalized wording, e.g. ``Monthly, second Tuesday, 13:00–15:00``."""
        parts = [_describe_frequency(self.unit, self.interval)]
        if self.ordinal is not None and self.weekday is not None:
            parts.append(f"{_ORDINAL_WORDS[self.ordinal]} {calendar.day_name[self.weekday]}")
        elif self.weekday is not None:
            parts.append(f"{calendar.day_name[self.weekday]}s")
        elif self.day is not None:
            parts.append("the last day" if self.day == LAST else f"the {_nth(self.day)}")
        if self.start is not None:
            parts.append(_describe_time(self.start, self.minutes))
        return ", ".join(parts)

    def _next_weekly(self, after: date, anchor: date | None) -> date:
        step = 7 * self.interval
        if self.weekday is None:
            base = anchor or after
        elif anchor is None or self.interval == 1:
            return after + timedelta(days=(self.weekday - after.weekday() - 1) % 7 + 1)
        else:
            base = anchor - timedelta(days=anchor.weekday()) + timedelta(days=self.weekday)
        periods = (after - base).days // step + 1
        return base + timedelta(days=periods * step)

    def _next_monthly(self, after: date, anchor: date | None) -> date:
        base = anchor or after
        if self.weekday is None and self.day is None:
            # No day named: keep the anchor's day of the month, one interval at a time.
            periods = (_month_index(after) - _month_index(base)) // self.interval - 1
            while (found := _add_months(base, periods * self.interval)) <= after:
                periods += 1
            return found
        month = _month_index(after)
        phase = _month_index(base) % self.interval if anchor is not None else None
        while True:
            if phase is None or month % self.interval == phase:
                found = self._day_in(month // 12, month % 12 + 1)
                if found > after:
                    return found
            month += 1

    def _day_in(self, year: int, month: int) -> date:
        length = calendar.monthrange(year, month)[1]
        if self.weekday is None:
            assert self.day is not None
            return date(year, month, length if self.day == LAST else min(self.day, length))
        assert self.ordinal is not None
        if self.ordinal == LAST:
            last = date(year, month, length)
            return last - timedelta(days=(last.weekday() - self.weekday) % 7)
        first = date(year, month, 1)
        offset = (self.weekday - first.weekday()) % 7
        return first + timedelta(days=offset + 7 * (self.ordinal - 1))


def parse_cadence(text: str) -> Cadence | None:
    """Read a cadence as people write it; None for an empty text.

    Raises :class:`CadenceError` naming what was not understood.
    """
    phrase = _normalize(text)
    if not phrase:
        return None
    rest, start, minutes = _take_time(phrase, text)
    rest, unit, interval = _take_frequency(rest, text)
    rest, weekday, ordinal, day = _take_day(rest, text)
    if leftover := _unknown_words(rest):
        raise CadenceError(text, f'"{leftover}" is not understood')
    if unit is None:
        if ordinal is not None or day is not None:
            unit, interval = "month", 1
        elif weekday is not None:
            unit, interval = "week", 1
        else:
            raise CadenceError(text, "say how often, such as weekly or monthly")
    if unit == "week" and (ordinal is not None or day is not None):
        raise CadenceError(text, "a weekly rule takes a weekday, not a day of the month")
    if unit == "month" and weekday is not None and ordinal is None:
        name = calendar.day_name[weekday]
        raise CadenceError(text, f"say which {name} of the month, such as second {name}")
    return Cadence(unit, interval, weekday, ordinal, day, start, minutes)


_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_NUMBER_NAMES = {value: name for name, value in _NUMBER_WORDS.items()}
_ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "last": LAST,
}
_ORDINAL_WORDS = {1: "first", 2: "second", 3: "third", 4: "fourth", LAST: "last"}
_FILLER = {"on", "the", "of", "at", "from", "each", "every", "a", "and", "in", "meets", "month"}

_NUMBER = r"(\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")"
_FREQUENCIES: list[tuple[re.Pattern[str], Unit, int | None]] = [
    (
        re.compile(r"\b(?:bi-?weekly|fortnightly|every (?:other|second) week|every fortnight)\b"),
        "week",
        2,
    ),
    (re.compile(rf"\bevery {_NUMBER} weeks?\b"), "week", None),
    (re.compile(r"\b(?:weekly|every week|each week|once a week)\b"), "week", 1),
    (re.compile(r"\b(?:quarterly|every quarter)\b"), "month", 3),
    (re.compile(rf"\bevery {_NUMBER} months?\b"), "month", None),
    (
        re.compile(
            r"\b(?:monthly|every month|each month|once a month|of (?:the|each|every) month)\b"
        ),
        "month",
        1,
    ),
    (re.compile(r"\bevery other\b"), "week", 2),
]
_MAX_INTERVAL: dict[Unit, int] = {"week": 52, "month": 12}

_CLOCK = r"(?:\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?|\d{1,2}:\d{2}|noon|midnight)"
_RANGE = re.compile(rf"(?<![\w:])({_CLOCK}|\d{{1,2}})\s*(?:-|to|until|till)\s*({_CLOCK})(?![\w:])")
_SINGLE = re.compile(rf"(?<![\w:]){_CLOCK}(?![\w:])")

_WEEKDAY_WORDS = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_ORDINAL_WEEKDAY = re.compile(
    rf"\b(first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|last)\s+({_WEEKDAY_WORDS})s?\b"
)
_LAST_DAY = re.compile(r"\blast day\b")
_DAY_OF_MONTH = re.compile(r"\b(?:day (\d{1,2})|(\d{1,2})(?:st|nd|rd|th))\b")
_WEEKDAY = re.compile(rf"\b({_WEEKDAY_WORDS})s?\b")


def _normalize(text: str) -> str:
    dashed = re.sub(r"[\u2010-\u2015\u2212]", "-", text.lower())
    return " ".join(dashed.replace(",", " ").replace(";", " ").split())


def _take_time(phrase: str, text: str) -> tuple[str, time | None, int | None]:
    """Remove the time or time range from the phrase; return what is left, start and minutes."""
    if match := _RANGE.search(phrase):
        start, end = _read_range(match[1], match[2], text)
        minutes = (
            datetime.combine(date.min, end) - datetime.combine(date.min, start)
        ).seconds // 60
        if end <= start:
            raise CadenceError(
                text, f"the meeting ends ({end:%H:%M}) before it starts ({start:%H:%M})"
            )
        return _cut(phrase, match), start, minutes
    if match := _SINGLE.search(phrase):
        return _cut(phrase, match), _read_time(match[0], text), None
    return phrase, None, None


def _read_range(first: str, second: str, text: str) -> tuple[time, time]:
    end = _read_time(second, text)
    if re.fullmatch(r"\d{1,2}", first) is None:
        return _read_time(first, text), end
    # "1-3pm": the bare start hour takes the end's am/pm, or the other one when that would
    # put the start after the end ("11-1pm" is 11am to 1pm).
    suffix = "pm" if end.hour >= 12 else "am"
    other = "am" if suffix == "pm" else "pm"
    start = _read_time(first + suffix, text)
    return (start if start < end else _read_time(first + other, text)), end


def _read_time(clock: str, text: str) -> time:
    try:
        return parse_time(clock)
    except TimeParseError as error:
        raise CadenceError(text, f'the time "{clock}": {error.reason}') from None


def _take_frequency(phrase: str, text: str) -> tuple[str, Unit | None, int]:
    found: list[tuple[Unit, int]] = []
    for pattern, unit, interval in _FREQUENCIES:
        while match := pattern.search(phrase):
            count = interval if interval is not None else _count(match[1])
            if not 1 <= count <= _MAX_INTERVAL[unit]:
                raise CadenceError(text, f"every {count} {unit}s is not a meeting rhythm")
            found.append((unit, count))
            phrase = _cut(phrase, match)
    if len(set(found)) > 1:
        said = " and ".join(_describe_frequency(unit, count).lower() for unit, count in found)
        raise CadenceError(text, f"it says both {said}")
    if not found:
        return phrase, None, 1
    return phrase, found[0][0], found[0][1]


def _take_day(phrase: str, text: str) -> tuple[str, int | None, int | None, int | None]:
    """Remove the day rule; return what is left, weekday, ordinal and day of the month."""
    days: list[tuple[int | None, int | None, int | None]] = []
    while match := _ORDINAL_WEEKDAY.search(phrase):
        if match[1] in ("fifth", "5th"):
            name = _weekday_name(match[2])
            raise CadenceError(text, f"not every month has a fifth {name}; say last {name}")
        days.append((WEEKDAYS[match[2]], _ORDINALS[match[1]], None))
        phrase = _cut(phrase, match)
    while match := _LAST_DAY.search(phrase):
        days.append((None, None, LAST))
        phrase = _cut(phrase, match)
    while match := _DAY_OF_MONTH.search(phrase):
        day = int(match[1] or match[2])
        if not 1 <= day <= 31:
            raise CadenceError(text, f"there is no day {day} in a month")
        days.append((None, None, day))
        phrase = _cut(phrase, match)
    while match := _WEEKDAY.search(phrase):
        days.append((WEEKDAYS[match[1]], None, None))
        phrase = _cut(phrase, match)
    if len(set(days)) > 1:
        raise CadenceError(text, "name one meeting day only")
    if not days:
        return phrase, None, None, None
    return (phrase, *days[0])


def _unknown_words(rest: str) -> str:
    """What is left that is not filler, with the filler between unknown words kept so it reads
    as the user wrote it ("when the moon is full")."""
    words = rest.split()
    while words and words[0] in _FILLER:
        words.pop(0)
    while words and words[-1] in _FILLER:
        words.pop()
    return " ".join(words)


def _cut(phrase: str, match: re.Match[str]) -> str:
    return f"{phrase[: match.start()]} {phrase[match.end() :]}"


def _count(word: str) -> int:
    return _NUMBER_WORDS[word] if word in _NUMBER_WORDS else int(word)


def _weekday_name(word: str) -> str:
    return calendar.day_name[WEEKDAYS[word]]


def _describe_frequency(unit: Unit, interval: int) -> str:
    if interval == 1:
        return "Weekly" if unit == "week" else "Monthly"
    if unit == "week" and interval == 2:
        return "Every two weeks"
    if unit == "month" and interval == 3:
        return "Quarterly"
    return f"Every {_NUMBER_NAMES.get(interval, str(interval))} {unit}s"


def _describe_time(start: time, minutes: int | None) -> str:
    if minutes is None:
        return f"{start:%H:%M}"
    end = (datetime.combine(date.min, start) + timedelta(minutes=minutes)).time()
    return f"{start:%H:%M}–{end:%H:%M}"


def _nth(day: int) -> str:
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def _add_months(day: date, months: int) -> date:
    index = _month_index(day) + months
    year, month = index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
