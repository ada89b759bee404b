"""A short code per series, for naming another series' input in the room: ``re:listening#6``.

Input numbers are per series, so "#6" of the listening sessions and "#6" of the steering
committee are different input. The code is one word of the series' name that tells it apart
(``listening``, ``steering``); the input search shows it beside every number of another series
and `series_for_code` reads it back. Any word of a name that `lookup.find_series` finds alone
works as well, as it does on the command line.
"""

from __future__ import annotations

import re

from facilitate.errors import Refusal
from facilitate.models import Body, MeetingSeries
from facilitate.services.lookup import MeetingReferenceError, find_series
from facilitate.store import Store

# Words that say what kind of meeting a series is rather than which one: a code made of them
# ("community", "committee") would tell nobody which series is meant.
GENERIC_WORDS = frozenset(
    [
        "and",
        "board",
        "committee",
        "community",
        "council",
        "every",
        "for",
        "forum",
        "group",
        "meeting",
        "meetings",
        "monthly",
        "of",
        "partner",
        "partners",
        "partnership",
        "session",
        "sessions",
        "team",
        "the",
        "weekly",
        "weeks",
        "with",
    ]
)
_WORD = re.compile(r"[^\W\d_][\w-]*")


class SeriesCodeError(Refusal):
    """A ``re:WORD#N`` whose word names no series, or several; the message says which."""


def series_codes(store: Store) -> dict[str, str]:
    """Series id → its code: the first word of its name (generic words last) that no other
    series' name or body's name holds; the id's first characters when every word is shared."""
    every = store.find(MeetingSeries, order_by="name")
    bodies = {body.id: body.name for body in store.find(Body)}
    texts = {s.id: f"{s.name} {bodies.get(s.body_id, '')}".casefold() for s in every}
    codes: dict[str, str] = {}
    for series in every:
        words = [w.casefold() for w in _WORD.findall(series.name) if len(w) > 2]
        words.sort(key=lambda word: word in GENERIC_WORDS)  # stable: name order otherwise
        alone = [
            word
            for word in words
            if not any(word in text for sid, text in texts.items() if sid != series.id)
        ]
        codes[series.id] = alone[0] if alone else f"s{series.id[:7]}"
    return codes


def series_for_code(store: Store, code: str) -> MeetingSeries:
    """The series `code` names: its code as the search shows it, or a word of its name."""
    by_code = {c.casefold(): sid for sid, c in series_codes(store).items()}
    found = by_code.get(code.casefold())
    if found is not None:
        return store.get(MeetingSeries, found)
    try:
        return find_series(store, code)
    except MeetingReferenceError as error:
        raise SeriesCodeError(
            f"re:{code}#…: {error}; ctrl+e lists input with the word that names its series"
        ) from None
