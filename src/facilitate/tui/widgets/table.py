"""Table: a DataTable whose text cells are shown exactly as typed.

DataTable reads every ``str`` cell as Rich markup, so a note that reads "see [b]draft[/b]" lost
its brackets and one that reads "a [/] b" could not be drawn at all. Here a ``str`` becomes plain
``Text``; a cell meant to be styled is given as ``Text`` with its style. Skipping the markup
parser is also what keeps a 200-row table quick to fill at start-up.

A table's columns are made one of two ways, never both (a mix raises ``ValueError``):

* `fit_rows()` gives it `Fit` columns that it sizes to the width it has, and again when that
  changes (see `column_widths`). Nothing scrolls sideways: what a row loses is read whole from
  `cut_cells()`, which the screen shows under the table for the highlighted row.
* `add_column`/`add_columns` give it DataTable's own columns: a given width, or as wide as the
  widest text, the table scrolling sideways when they do not all fit. DataTable widens such a
  column only when it is next idle, and a cell drawn in between kept its cut text in the wider
  column ("Alex Mor…"); here the column widens before the longer value is drawn, and `clear()`
  lets it narrow to the rows that come next.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Self

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.widgets import DataTable
from textual.widgets.data_table import CellType, ColumnKey, RowKey

from facilitate.tui.widgets.column_widths import FLEX_MIN, NARROWEST, Fit, Rows, fit_widths

__all__ = ["FLEX_MIN", "NARROWEST", "Fit", "Rows", "Table", "fit_widths", "literal"]


def literal(value: object, style: str = "") -> object:
    """A cell value shown as it is: text is never read as markup."""
    if isinstance(value, str):
        return Text(value, style=style, no_wrap=True, overflow="ellipsis", end="")
    return value


class Table(DataTable[object]):
    """A DataTable of literal text, its columns sized by the table or by DataTable (see the
    module)."""

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

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._sized = False
        """True once `fit_rows` gave the columns, until `clear(columns=True)`."""
        self._fits: list[Fit] = []
        self._rows: list[tuple[str, Sequence[object]]] = []
        self._widths: list[int] = []
        super().__init__(*args, **kwargs)

    # -- columns the table sizes ---------------------------------------------------------------

    def fit_rows(self, columns: Sequence[Fit], rows: Rows) -> None:
        """Replace the table's columns and rows, sized to the width the table has now."""
        if self.columns and not self._sized:
            raise ValueError("fit_rows on a table given DataTable's columns: clear(columns=True)")
        self._sized = True
        self._fits, self._rows = list(columns), list(rows)
        self._lay_out()

    @property
    def fitted_rows(self) -> Rows:
        """The rows as last given to `fit_rows` or `put_row`, whole (before any cut)."""
        return self._rows

    def put_row(self, key: str, cells: Sequence[object]) -> None:
        """Add the row `key` at the end, or redraw it where it is: in place while the columns keep
        their widths (a live table grows one row at a time), else the whole table laid out again
        (a row drawn in place at new widths would leave the others cut to the old ones)."""
        self._need_sized("put_row")
        rows = dict(self._rows)
        new = key not in rows
        rows[key] = cells
        self._rows = list(rows.items())
        if self._fitted_widths() != self._widths:
            self._lay_out()
            return
        drawn = [i for i, w in enumerate(self._widths) if w]
        if new:
            super().add_row(*(literal(_cell(cells, i)) for i in drawn), key=key)
            return
        for i in drawn:
            super().update_cell(key, self._fits[i].key, literal(_cell(cells, i)))

    def drop_row(self, key: str) -> None:
        """Remove the row `key`, if it is there."""
        self._rows = [(k, cells) for k, cells in self._rows if k != key]
        if key in {row.value for row in self.rows}:
            super().remove_row(key)

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

    def _need_sized(self, what: str) -> None:
        if not self._sized:
            raise ValueError(f"{what} needs columns given by fit_rows")

    def _fitted_widths(self) -> list[int]:
        width = self.size.width
        if len(self._rows) > self.size.height - int(self.show_header):
            width -= self.styles.scrollbar_size_vertical  # the scrollbar takes its share
        return fit_widths(self._fits, self._rows, width, self.cell_padding)

    def _lay_out(self) -> None:
        kept = self.ordered_rows[self.cursor_row].key.value if self.row_count else None
        widths = self._widths = self._fitted_widths()
        super().clear(columns=True)
        drawn = [i for i, w in enumerate(widths) if w]
        for i in drawn:
            super().add_column(self._fits[i].label, width=widths[i], key=self._fits[i].key)
        for key, cells in self._rows:
            super().add_row(*(literal(_cell(cells, i)) for i in drawn), key=key)
        if kept is not None and kept in {row.value for row in self.rows}:
            self.move_cursor(row=self.get_row_index(kept))

    def on_resize(self, event: events.Resize) -> None:
        if self._sized:
            self._lay_out()

    # -- DataTable's own columns ---------------------------------------------------------------

    def add_column(
        self,
        label: str | Text,
        *,
        width: int | None = None,
        key: str | None = None,
        default: CellType | None = None,
    ) -> ColumnKey:
        """A column of width `width`, or with none as wide as its widest text."""
        if self._sized:
            raise ValueError("add_column on a table whose columns fit_rows gave")
        return super().add_column(label, width=width, key=key, default=default)

    def add_row(
        self,
        *cells: object,
        height: int | None = 1,
        key: str | None = None,
        label: str | Text | None = None,
    ) -> RowKey:
        """A row of literal cells, its columns widened first where its text is longer."""
        if self._sized:
            raise ValueError("add_row on a table whose columns fit_rows gave: use put_row")
        shown = [literal(cell) for cell in cells]
        for column, cell in zip(self.ordered_columns, shown, strict=False):
            self._widen(column.key, cell)
        return super().add_row(*shown, height=height, key=key, label=label)

    def update_cell(
        self,
        row_key: RowKey | str,
        column_key: ColumnKey | str,
        value: CellType,
        *,
        update_width: bool = False,
    ) -> None:
        """Change one cell: a sized table's row is redrawn by `put_row`; a column as wide as
        its text widens first where the new text is longer."""
        row = row_key.value if isinstance(row_key, RowKey) else row_key
        column = column_key.value if isinstance(column_key, ColumnKey) else column_key
        if self._sized:
            cells = dict(self._rows).get(row or "")
            index = next((i for i, fit in enumerate(self._fits) if fit.key == column), None)
            if row is None or cells is None or index is None:
                raise ValueError(f"No cell for row {row!r}, column {column!r}")
            changed = list(cells)
            changed[index] = value
            self.put_row(row, changed)
            return
        shown = literal(value)
        self._widen(column_key if isinstance(column_key, ColumnKey) else ColumnKey(column), shown)
        super().update_cell(row_key, column_key, shown, update_width=update_width)

    def _widen(self, key: ColumnKey, cell: object) -> None:
        """Widen an auto-width column to `cell` before it is drawn: DataTable would only at its
        next idle, and its cached cells would keep the old cut."""
        column = self.columns.get(key)
        if column is not None and column.auto_width:
            column.content_width = max(column.content_width, _cell_width(cell))

    def remove_row(self, row_key: RowKey | str) -> None:
        row = row_key.value if isinstance(row_key, RowKey) else row_key
        self._rows = [(k, cells) for k, cells in self._rows if k != row]
        super().remove_row(row_key)

    def clear(self, columns: bool = False) -> Self:
        """Remove every row (and with `columns`, every column, after which either kind may come):
        a column as wide as its text narrows to its heading, to widen to the rows that come
        next."""
        self._rows = []
        if columns:
            self._sized, self._fits, self._widths = False, [], []
        for column in self.columns.values():
            if column.auto_width:
                column.content_width = _cell_width(column.label)
        return super().clear(columns)


def _cell_width(cell: object) -> int:
    """The cells `cell` takes on one line, as DataTable draws it."""
    if cell is None:
        return 0
    if isinstance(cell, Text):
        return max((cell_len(line) for line in cell.plain.splitlines()), default=0)
    return cell_len(str(cell))


def _cell(cells: Sequence[object], index: int) -> object:
    """The cell at `index`, or nothing for a row given fewer cells than the table has columns."""
    return cells[index] if index < len(cells) else None
