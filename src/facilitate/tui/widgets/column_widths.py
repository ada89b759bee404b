"""How a table's width is shared among its `Fit` columns: arithmetic on cell counts, no Textual.

In order of importance each column gets the width its text needs; one flexible column (a title,
an action's text) keeps half the room, or down to a third when that lets every other column be
whole, and takes what is left; a column with no room left is not drawn rather than cut to a stub
(nor does it keep its padding). See `facilitate.tui.widgets.table`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len

FLEX_MIN = 12
"""The flexible column keeps at least this many cells (or its whole text, if shorter)."""
NARROWEST = 3
"""A column left fewer cells than this is not drawn: three letters say nothing."""


@dataclass(frozen=True)
class Fit:
    """A column of a table that sizes itself: its key, its heading, and whether it is the one
    that takes (and gives up) the room left over."""

    key: str
    label: str
    flexible: bool = False
    rank: int = 0
    """Columns get their room in rank order (lower first; equal ranks as listed), so the least
    important is the one cut when the width runs short, wherever it is drawn."""
    least: int | None = None
    """A column whose text is sometimes long (a stand-in's name) first gets this many cells, and
    the rest of its text only once every column has its share; None: its whole text at once."""


Rows = Sequence[tuple[str, Sequence[object]]]
"""The rows of a table: each its key and its cells."""


def natural_widths(columns: Sequence[Fit], rows: Rows) -> list[int]:
    """The cells each column needs to show its heading and every value whole."""
    return [
        max([cell_len(c.label), *(cell_len(str(cells[i])) for _, cells in rows)])
        for i, c in enumerate(columns)
    ]


def fit_widths(columns: Sequence[Fit], rows: Rows, width: int, padding: int = 1) -> list[int]:
    """Each column's width in `width` cells (0: not drawn), as described in the module."""
    natural = natural_widths(columns, rows)
    drawn = list(range(len(columns)))
    while True:
        widths = _share(columns, natural, drawn, width - 2 * padding * len(drawn))
        kept = [i for i in drawn if widths[i]]
        # A column left out gives its padding back to the others: lay them out again.
        if kept == drawn:
            return widths
        drawn = kept


def _share(
    columns: Sequence[Fit], natural: Sequence[int], drawn: list[int], room: int
) -> list[int]:
    """The widths of the `drawn` columns in `room` cells (0 for a column given too little)."""
    flex = next((i for i in drawn if columns[i].flexible), None)
    reserve = 0
    if flex is not None:
        # Half the room for the flexible column, unless a little less lets every other column
        # show its whole text (a theme, a place): then it takes what they leave, down to a third.
        half = max(FLEX_MIN, room // 2)
        spare = room - sum(natural[i] for i in drawn if i != flex)
        share = spare if max(FLEX_MIN, room // 3) <= spare < half else half
        reserve = min(natural[flex], share)
    widths = [0] * len(columns)
    left = room - reserve
    ranked = [i for i in sorted(drawn, key=lambda i: (columns[i].rank, i)) if i != flex]
    for i in ranked:
        least = columns[i].least
        widths[i] = min(natural[i] if least is None else least, natural[i], max(left, 0))
        left -= widths[i]
    for i in ranked:  # then the rest of the text of a column given its least, in the same order
        more = min(natural[i] - widths[i], max(left, 0))
        widths[i] += more
        left -= more
    if flex is not None:
        widths[flex] = min(natural[flex], max(left + reserve, 0))
    return [w if w >= min(NARROWEST, natural[i]) and w > 0 else 0 for i, w in enumerate(widths)]
