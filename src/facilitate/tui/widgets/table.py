"""Table: a DataTable whose text cells are shown exactly as typed.

DataTable reads every ``str`` cell as Rich markup, so a note that reads "see [b]draft[/b]" lost
its brackets and one that reads "a [/] b" could not be drawn at all. Here a ``str`` becomes plain
``Text``; a cell meant to be styled is given as ``Text`` with its style. Skipping the markup
parser is also what keeps a 200-row table quick to fill at start-up.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable
from textual.widgets.data_table import CellType, ColumnKey, RowKey


def literal(value: object, style: str = "") -> object:
    """A cell value shown as it is: text is never read as markup."""
    if isinstance(value, str):
        return Text(value, style=style, no_wrap=True, overflow="ellipsis", end="")
    return value


class Table(DataTable[object]):
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
