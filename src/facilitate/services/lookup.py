"""Finding a meeting or a series from what a person types on the command line.

One resolver for every command, so `agenda show`, `roles suggest` and `minutes` all understand the
same references: an id, the first characters of an id, a date (YYYY-MM-DD) optionally followed by
words of the series' name, or words of the meeting's title.
"""

from __future__ import annotations

import re
from datetime import date

from facilitate.models import Body, Meeting, MeetingSeries
from facilitate.store import RecordNotFound, Store

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_LISTED = 6


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


def find_meeting(store: Store, ref: str, *, series: str | None = None) -> Meeting:
    """A meeting by id, id prefix, date (with optional words of its series' name), or words of
    its title. `series` narrows the search to one series (same forms as `find_series`)."""
    ref = ref.strip()
    if not ref:
        raise MeetingReferenceError("name a meeting: an id (or its first characters) or a date")
    every = store.find(Meeting, order_by="starts_at")
    if series is not None:
        series_id = find_series(store, series).id
        every = [m for m in every if m.series_id == series_id]
    names = {s.id: s.name for s in store.find(MeetingSeries)}
    first, _, rest = ref.partition(" ")
    if _DATE.match(first):
        try:
            day = date.fromisoformat(first)
        except ValueError as error:
            raise MeetingReferenceError(f"{first} is not a valid date ({error})") from error
        words = rest.casefold().split()
        matches = [m for m in every if m.starts_at.date() == day and _has_words(m, names, words)]
        what = f"on {day.isoformat()}" + (f" matching {rest.strip()!r}" if words else "")
    else:
        matches = [m for m in every if m.id == ref] or [
            m for m in every if m.id.startswith(ref.casefold())
        ]
        what = f"with an id starting {ref!r}"
        if not matches:
            matches = [m for m in every if _has_words(m, names, ref.casefold().split())]
            if matches:
                what = f"matching {ref!r}"
    if not matches:
        raise MeetingReferenceError(f"no meeting {what}")
    if len(matches) > 1:
        listed = "; ".join(_describe(m, names) for m in matches[:_LISTED])
        more = f" and {len(matches) - _LISTED} more" if len(matches) > _LISTED else ""
        raise MeetingReferenceError(
            f"{len(matches)} meetings {what}: {listed}{more}. Be more specific. Add a series "
            "name or use more of the id."
        )
    return matches[0]


def _has_words(meeting: Meeting, series_names: dict[str, str], words: list[str]) -> bool:
    text = f"{meeting.title} {series_names.get(meeting.series_id, '')}".casefold()
    return all(word in text for word in words)


def _describe(meeting: Meeting, series_names: dict[str, str]) -> str:
    series = series_names.get(meeting.series_id, "")
    return f"{meeting.starts_at:%Y-%m-%d %H:%M} {meeting.title} [{series}] (id {meeting.id[:8]})"
