"""Finding a meeting or a series from what a person types on the command line.

One resolver for every command, so `agenda show`, `roles suggest` and `minutes` all understand the
same references (MEETING_FORMS): an id or its first characters, a date in any form the app reads
elsewhere (services/dates.py), words of the meeting's title or series, or a date and words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from typing import NamedTuple

from facilitate.models import Body, Meeting, MeetingSeries
from facilitate.services.dates import DATE_HINT, DateParseError, parse_date
from facilitate.services.meeting_forms import MEETING_FORMS
from facilitate.store import RecordNotFound, Store

_ID_PREFIX = re.compile(r"^[0-9a-fA-F-]+$")
_LISTED = 6
# Two "todays" of different years and seasons, from which a date without a year (12/1) reads
# as the same month and day and a relative one (fri, eom) does not; both years lead to a leap
# year, so 2/29 reads from each.
_PROBES = (date(2000, 1, 1), date(2003, 7, 15))


class MeetingReferenceError(RecordNotFound):
    """A reference matched no meeting or series, or more than one; the message says which."""


def find_series(store: Store, ref: str) -> MeetingSeries:
    """A series by id, words of its name (or its body's name), or an id prefix."""
    ref = ref.strip()
    if not ref:
        raise MeetingReferenceError("name a series: an id prefix or words of its name")
    every = store.find(MeetingSeries, order_by="name")
    exact = [s for s in every if s.id == ref]
    if exact:
        return exact[0]
    bodies = {b.id: b.name for b in store.find(Body)}
    words = ref.casefold().split()
    # Words of a name first: "e" means every series with an e, not the one whose id starts so.
    matches = [
        s
        for s in every
        if all(w in f"{s.name} {bodies.get(s.body_id, '')}".casefold() for w in words)
    ] or [s for s in every if s.id.startswith(ref.casefold())]
    if not matches:
        raise MeetingReferenceError(f"no series matching {ref!r}")
    if len(matches) > 1:
        listed = "; ".join(f"{s.name} (id {s.id[:8]})" for s in matches)
        raise MeetingReferenceError(
            f"{len(matches)} series match {ref!r}: {listed}. Be more specific."
        )
    return matches[0]


def find_meeting(
    store: Store,
    ref: str | Sequence[str],
    *,
    series: str | None = None,
    today: date | None = None,
) -> Meeting:
    """The one meeting `ref` names (see MEETING_FORMS); `ref` may be the words as typed.

    `series` narrows the search to one series (same forms as `find_series`). `today` anchors a
    relative date ("today", "fri"); the clock's when not given, as the CLI means it.
    """
    text = ref if isinstance(ref, str) else " ".join(ref)
    words = text.split()
    if not words:
        raise MeetingReferenceError(f"name a meeting: {MEETING_FORMS}")
    every = store.find(Meeting, order_by="starts_at")
    if series is not None:
        series_id = find_series(store, series).id
        every = [m for m in every if m.series_id == series_id]
    exact = [m for m in every if m.id == text.strip()]
    if exact:
        return exact[0]
    names = {s.id: s.name for s in store.find(MeetingSeries)}
    matches, what = _by_day(every, names, words, today or date.today())
    if not matches and len(words) == 1 and _ID_PREFIX.match(words[0]):
        matches = [m for m in every if m.id.startswith(words[0].casefold())]
        what = f"with an id starting {words[0]!r}" if matches else what
    if not matches:
        # Words of a title, which may begin with one that reads as a date ("Friday forum").
        matches = [m for m in every if _has_words(m, names, words)]
        what = f"matching {' '.join(words)!r}" if matches or not what else what
    if not matches:
        raise MeetingReferenceError(f"no meeting {what}; name one as {MEETING_FORMS}")
    if len(matches) > 1:
        listed = "; ".join(_describe(m, names) for m in matches[:_LISTED])
        more = f" and {len(matches) - _LISTED} more" if len(matches) > _LISTED else ""
        raise MeetingReferenceError(
            f"{len(matches)} meetings {what}: {listed}{more}. Be more specific. Add a series "
            "name, the year, or use more of the id."
        )
    return matches[0]


def _by_day(
    every: list[Meeting], names: dict[str, str], words: list[str], today: date
) -> tuple[list[Meeting], str]:
    """The meetings on the date that begins or ends `words`, with the other words in their
    title or series, and how that is said ("on 2026-12-01 matching 'steering'"); nothing and ""
    when no date begins or ends them."""
    found = _date_in(words, today)
    if found is None:
        return [], ""
    day, rest = found
    on = _on_day(day)
    matches = [m for m in every if on(m.starts_at.date()) and _has_words(m, names, rest)]
    shown = " ".join(rest)
    return matches, f"on {_say_day(day)}" + (f" matching {shown!r}" if rest else "")


def _date_in(words: list[str], today: date) -> tuple[_Day, list[str]] | None:
    """A date of one to three words at the start (or else the end) of `words`, and the rest.

    A date form that names a day no calendar has (2026-02-30) is refused here, not read as
    words of a title."""
    refused: DateParseError | None = None
    splits = [(words[:n], words[n:]) for n in (3, 2, 1) if n <= len(words)]
    splits += [(words[-n:], words[:-n]) for n in (3, 2, 1) if n < len(words)]
    for said, rest in splits:
        try:
            day = parse_date(" ".join(said), today)
        except DateParseError as error:
            if error.reason != DATE_HINT and refused is None:
                refused = error
            continue
        return _Day(day, _without_year(" ".join(said))), rest
    if refused is not None:
        raise MeetingReferenceError(f"{refused.text} is not a valid date ({refused.reason})")
    return None


class _Day(NamedTuple):
    """A date as typed: `any_year` when it named a month and day but no year (12/1, dec 1)."""

    day: date
    any_year: bool


def _without_year(text: str) -> bool:
    """Whether `text` names a month and day without a year, by reading it from two days of
    different years: a yearless day (12/1) lands on the same month and day in both, a relative
    one (fri, today, eom) does not. So the forms stay dates.py's alone."""
    try:
        first, second = (parse_date(text, probe) for probe in _PROBES)
    except DateParseError:
        return False
    return first.year != second.year and (first.month, first.day) == (second.month, second.day)


def _on_day(day: _Day) -> Callable[[date], bool]:
    # A past meeting is named as often as a coming one: 12/1 is December 1 of any year, and
    # two years' meetings on it are listed for the person to choose, never guessed.
    if day.any_year:
        return lambda held: (held.month, held.day) == (day.day.month, day.day.day)
    return lambda held: held == day.day


def _say_day(day: _Day) -> str:
    if day.any_year:
        return f"{day.day:%B} {day.day.day} (any year)"
    return day.day.isoformat()


def _has_words(meeting: Meeting, series_names: dict[str, str], words: list[str]) -> bool:
    text = f"{meeting.title} {series_names.get(meeting.series_id, '')}".casefold()
    return all(word.casefold() in text for word in words)


def _describe(meeting: Meeting, series_names: dict[str, str]) -> str:
    series = series_names.get(meeting.series_id, "")
    return f"{meeting.starts_at:%Y-%m-%d %H:%M} {meeting.title} [{series}] (id {meeting.id[:8]})"
