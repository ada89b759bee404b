"""Finding one of a series' themes from what a person typed on the command line.

The same forms as a series or a meeting (services/lookup.py): the name as typed after ``+`` (any
case, the ``+`` optional), else words of it (``court`` finds ``+court-dates``); a reference two
themes answer to names both rather than guessing.
"""

from __future__ import annotations

import re

from facilitate.models import MeetingSeries
from facilitate.models.loop import Theme
from facilitate.services import theme_names
from facilitate.services.record.themes import ThemeError
from facilitate.store import Store

# A theme's name joins its words with dashes, dots or underscores; a person may type spaces.
_WORD_BREAK = re.compile(r"[\s\-_.]+")


def find_theme(store: Store, series_id: str, ref: str) -> Theme:
    """The series' theme `ref` names; ThemeError names the candidates when there are none or
    several."""
    wanted = ref.strip().removeprefix("+").strip()
    if not wanted:
        raise ThemeError("name a theme: its name as typed after +, or words of it")
    exact = theme_names.find_theme(store, series_id, wanted)
    if exact is not None:
        return exact
    every = sorted(store.find(Theme, series_id=series_id), key=lambda t: theme_names.key(t.name))
    words = [w for w in _WORD_BREAK.split(theme_names.key(wanted)) if w]
    matches = [t for t in every if all(w in theme_names.key(t.name) for w in words)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        listed = ", ".join(f"+{t.name}" for t in matches)
        raise ThemeError(f"{len(matches)} themes match {ref!r}: {listed}. Be more specific.")
    series = store.get(MeetingSeries, series_id).name
    known = ", ".join(f"+{t.name}" for t in every) or "none yet"
    raise ThemeError(f"no theme matching {ref!r} in {series} (its themes: {known})")
