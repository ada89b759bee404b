"""Table: a DataTable whose text cells are shown exactly as typed.

DataTable reads every ``str`` cell as Rich markup, so a note that reads "see [b]draft[/b]" lost
its brackets and one that reads "a [/] b" could not be drawn at all. Here a ``str`` becomes plain
``Text``; a cell meant to be styled is given as ``Text`` with its style. Skipping the markup
parser is also what keeps a 200-row table quick to fill at start-up.

A table filled with `show()` sizes its columns to the width it has, and again when that changes:
the columns in order of importance (`Fit.rank`, then as listed) get the width their text needs,
one flexible column (a title, an action's text) keeps a fair share and takes what is left, and a
column with no room left is not drawn rather than cut to a stub (nor does it keep its padding).
Nothing scrolls sideways: what a row loses that way is read whole from `cut_cells()`, which a
screen shows under its table for the highlighted row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.widgets import DataTable
from textual.widgets.data_table import CellType, ColumnKey, RowKey


def literal(value: object, style: str = "") -> object:
    """A cell value shown as it is: text is never read as markup."""
    if isinstance(value, str):
        return Text(value, style=style, no_wrap=True, overflow="ellipsis", end="")
    return value


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


def fit_widths(columns: Sequence[Fit], rows: Rows, width: int, padding: int = 1) -> list[int]:
    """Each column's width in `width` cells (0: not drawn), as described in the module."""
    natural = [
        max([cell_len(c.label), *(cell_len(str(cells[i])) for _, cells in rows)])
        for i, c in enumerate(columns)
    ]
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
    reserve = 0 if flex is None else min(natural[flex], max(FLEX_MIN, room // 2))
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


class Table(DataTable[object]):
    """A DataTable of literal text; see `show()` for one that fits its columns to its width."""

    # The row under the cursor is underlined, so it is not told by colour alone. Its colours
    # keep 4.5:1 in every setting (tests/test_contrast.py): with the focus, a darker blue than
    # Textual's (3.78:1 under its text); without, the table's own background (Textual's faint
    # blue became grey with 16 colours, 3.95:1 under white text).
    DEFAULT_CSS = """
    Table > .datatable--cursor {
        background: transparent;
        color: $foreground;
        text-style: underline;
    }
    Table:focus > .datatable--cursor {
        background: $primary-darken-2;
        color: $block-cursor-foreground;
        text-style: bold underline;
    }
    """

    _fits: Sequence[Fit] = ()
    _rows: Rows = ()
    _widths: Sequence[int] = ()

    def fit_rows(self, columns: Sequence[Fit], rows: Rows) -> None:
        """Replace the table's columns and rows, sized to the width the table has now."""
        self._fits, self._rows = list(columns), list(rows)
        self._lay_out()

    @property
    def fitted_rows(self) -> Rows:
        """The rows as last given to `fit_rows` or `put_row`, whole (before any cut)."""
        return self._rows

    def put_row(self, key: str, cells: Sequence[object]) -> None:
        """Add the row `key` at the end, or redraw it where it is: in place while the columns keep
        their widths (a live table grows one row at a time), else the whole table laid out again."""
        rows = dict(self._rows)
        new = key not in rows
        rows[key] = cells
        self._rows = list(rows.items())
        if self._fitted_widths() != list(self._widths):
            self._lay_out()
            return
        drawn = [i for i, w in enumerate(self._widths) if w]
        if new:
            self.add_row(*(cells[i] for i in drawn), key=key)
        else:
            for i in drawn:
                self.update_cell(key, self._fits[i].key, cells[i])

    def drop_row(self, key: str) -> None:
        """Remove the row `key`, if it is there."""
        self._rows = [(k, cells) for k, cells in self._rows if k != key]
        if key in {row.value for row in self.rows}:
            self.remove_row(key)

    @property
    def highlighted_key(self) -> str | None:
        """The key of the row under the cursor, or None with no rows (also before the table has
        a width, when it has rows but no columns drawn yet)."""
        if not self.row_count:
            return None
        return self.ordered_rows[min(self.cursor_row, self.row_count - 1)].key.value

    def cut_cells(self, key: str) -> list[tuple[str, str]]:
        """The cells of row `key` not shown whole (cut short, or in a column not drawn), each
        with its column's heading, in the columns' order: what to show under the table."""
        cells = dict(self._rows).get(key)
        if cells is None or len(self._widths) != len(self._fits):
            return []
        return [
            (fit.label, str(cell))
            for fit, cell, width in zip(self._fits, cells, self._widths, strict=True)
            if cell_len(str(cell)) > width
        ]

    def _fitted_widths(self) -> list[int]:
        width = self.size.width
        if len(self._rows) > self.size.height - int(self.show_header):
            width -= self.styles.scrollbar_size_vertical  # the scrollbar takes its share
        return fit_widths(self._fits, self._rows, width, self.cell_padding)

    def _lay_out(self) -> None:
        kept = self.ordered_rows[self.cursor_row].key.value if self.row_count else None
        widths = self._widths = self._fitted_widths()
        self.clear(columns=True)
        drawn = [i for i, w in enumerate(widths) if w]
        for i in drawn:
            self.add_column(self._fits[i].label, width=widths[i], key=self._fits[i].key)
        for key, cells in self._rows:
            self.add_row(*(cells[i] for i in drawn), key=key)
        if kept is not None and kept in {row.value for row in self.rows}:
            self.move_cursor(row=self.get_row_index(kept))

    def on_resize(self, event: events.Resize) -> None:
        if self._fits:
            self._lay_out()

    def add_row(
        self,
        *cells: object,
        height: int | None = 1,
        key: str | None = None,
        label: str | Text | None = None,
    ) -> RowKey:
        return super().add_row(*map(literal, cells), height=height, key=key, label=label)

    def update_cell(
        self,
        row_key: RowKey | str,
        column_key: ColumnKey | str,
        value: CellType,
        *,
        update_width: bool = False,
    ) -> None:
        super().update_cell(row_key, column_key, literal(value), update_width=update_width)
