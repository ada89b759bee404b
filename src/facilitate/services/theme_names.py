"""Theme names and filing an entry under themes: shared by capture (``+housing`` typed in the
room, services/run) and the theme board (services/record/themes.py), which may not import
each other (tests/test_architecture.py), so the one rule of what a theme is called lives here.

A theme is named as it is typed after ``+``: a letter first, then letters, digits,
``-``, ``_`` or ``.`` (``+housing``, ``+court-dates``). Names are compared without case, so
``+Housing`` files under the series' ``housing``; the first spelling used is kept.

The stored name is what people typed, and screens where a theme is typed or searched for (the
capture line, the theme board, the Loop screen, input search) show it so: ``+court-dates``.
What is read by people who never type one (minutes, the "you said, we did" report and its
one-pager) shows `display(name)`: "Court dates". Its case is kept as typed, so ``+icwa-notice``
prints "Icwa notice"; renaming it ``ICWA-notice`` (a change of case only, which a rename allows)
makes it "ICWA notice".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from facilitate.models.loop import EntryTheme, Theme
from facilitate.store import Store

THEME_NAME = re.compile(r"[^\W\d_](?:[\w.\-]*\w)?")
"""What may follow ``+``: the name of a theme."""
MAX_NAME = 60


def readable(name: str) -> bool:
    """True when `name` can be typed as ``+name`` (and so completed and found again)."""
    return len(name) <= MAX_NAME and THEME_NAME.fullmatch(name) is not None


def display(name: str) -> str:
    """A theme as a reader sees it: ``court-dates`` is "Court dates", ``ICWA`` stays "ICWA"
    (only the first letter is raised; the rest is kept as typed)."""
    words = " ".join(name.replace("-", " ").replace("_", " ").split())
    return words[:1].upper() + words[1:]


def key(name: str) -> str:
    """How two spellings of a theme are compared."""
    return name.casefold()


def find_theme(store: Store, series_id: str, name: str) -> Theme | None:
    """The series' theme called `name` (any case), if there is one."""
    wanted = key(name)
    return next((t for t in store.find(Theme, series_id=series_id) if key(t.name) == wanted), None)


def used_names(store: Store, series_id: str) -> list[str]:
    """The series' theme names, most used first, then by name: what ``+`` completes from."""
    themes = store.find(Theme, series_id=series_id)
    used = {t.id: store.count(EntryTheme, theme_id=t.id) for t in themes}
    return [t.name for t in sorted(themes, key=lambda t: (-used[t.id], key(t.name)))]


def file_under(
    store: Store, series_id: str, entry_table: str, entry_id: str, names: Iterable[str]
) -> list[Theme]:
    """File one entry under each of `names` (made themes of the series when new); an entry
    already under a theme is not filed twice. Returns the themes, in the order named."""
    filed: list[Theme] = []
    with store.transaction():
        for name in names:
            theme = find_theme(store, series_id, name)
            if theme is None:
                theme = store.insert(Theme(series_id=series_id, name=name))
            if theme in filed:
                continue
            already = store.find(
                EntryTheme, theme_id=theme.id, entry_table=entry_table, entry_id=entry_id
            )
            if not already:
                store.insert(
                    EntryTheme(theme_id=theme.id, entry_table=entry_table, entry_id=entry_id)
                )
            filed.append(theme)
    return filed
