"""The theme board: a series' themes and the input under each, to tidy after a session.

Left, the themes (``+housing (3)``); right, the input under the one selected. Rename or merge the
selected theme; mark input with space, then split it off into a new theme, move it to another
theme, or take it out of the theme. Every change goes through services/record/themes.py and
is read back from the record, so a second window's filing shows on the next change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from facilitate.models import MeetingSeries
from facilitate.services.people.directory import Choice
from facilitate.services.record import themes
from facilitate.services.record.themes import ThemeGroup
from facilitate.tui.dialogs.choose import ChoiceDialog
from facilitate.tui.dialogs.theme_name import ThemeNameDialog
from facilitate.tui.feedback import reported
from facilitate.tui.widgets.key_bar import KeyBar
from facilitate.tui.widgets.screen_help import ScreenHelp, screen_keys
from facilitate.tui.widgets.table import Fit, Table

if TYPE_CHECKING:
    from facilitate.tui.app import FacilitateApp

THEME_COLUMNS = (Fit("theme", "Theme", flexible=True), Fit("count", "Input"))
INPUT_COLUMNS = (
    Fit("mark", ""),
    Fit("number", "#"),
    Fit("date", "Date"),
    Fit("text", "What was said", flexible=True),
    Fit("vis", "Vis"),
)
EMPTY = "No themes yet: file a note under one in the capture line, e.g. +housing."


class ThemeBoardScreen(Screen[None]):
    """One series' themes. Dismisses with None."""

    DEFAULT_CSS = """
    ThemeBoardScreen #board { height: 1fr; }
    ThemeBoardScreen #themes { width: 1fr; max-width: 36; height: 1fr; }
    ThemeBoardScreen #filed { width: 3fr; height: 1fr; }
    ThemeBoardScreen #board-status { padding: 0 1; height: auto; }
    """

    BINDINGS = [
        Binding("r", "rename", "Rename", id="themes.rename"),
        Binding("m", "merge", "Merge into…", id="themes.merge"),
        Binding("space", "mark", "Mark input", id="themes.mark"),
        Binding("s", "split", "Split off", id="themes.split"),
        Binding("v", "move", "Move to…", id="themes.move"),
        Binding("x", "unfile", "Out of theme", id="themes.unfile"),
        Binding("f1,question_mark", "help", "Keys", id="themes.help"),
        Binding("escape", "back", "Back", id="themes.back"),
    ]

    def __init__(self, series_id: str) -> None:
        super().__init__()
        self.series_id = series_id
        self.groups: dict[str, ThemeGroup] = {}
        self.marked: set[str] = set()  # EntryTheme ids marked for a split or move

    @property
    def facilitate(self) -> FacilitateApp:
        return cast("FacilitateApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="board-status", markup=False)
        with Horizontal(id="board"):
            yield Table(id="themes", cursor_type="row")
            yield Table(id="filed", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def on_mount(self) -> None:
        series = self.facilitate.store.get(MeetingSeries, self.series_id)
        self.title = f"Themes — {series.name}"
        self.reload()
        self.themes_table.focus()

    @property
    def themes_table(self) -> Table:
        return self.query_one("#themes", Table)

    @property
    def filed_table(self) -> Table:
        return self.query_one("#filed", Table)

    # -- showing ------------------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        """Read the board again; keep `select` (a theme id), else the theme selected now."""
        keep = select or self.selected_theme_id
        self.groups = {g.theme.id: g for g in themes.board(self.facilitate.store, self.series_id)}
        rows = [(tid, (g.theme.name, str(len(g.entries)))) for tid, g in self.groups.items()]
        self.themes_table.fit_rows(THEME_COLUMNS, rows)
        if keep in self.groups:
            self.themes_table.move_cursor(row=self.themes_table.get_row_index(keep))
        self.query_one("#board-status", Static).update(
            EMPTY if not self.groups else f"{len(self.groups)} themes · space marks input"
        )
        self.show_filed()

    def show_filed(self) -> None:
        group = self.groups.get(self.selected_theme_id or "")
        filed = group.entries if group else ()
        self.marked &= {e.filing_id for e in filed}
        rows = [
            (
                e.filing_id,
                (
                    "*" if e.filing_id in self.marked else "",
                    f"#{e.number}" if e.number is not None else "",
                    e.meeting_date.isoformat() if e.meeting_date else "",
                    e.text,
                    e.visibility.value,
                ),
            )
            for e in filed
        ]
        row = self.filed_table.cursor_row
        self.filed_table.fit_rows(INPUT_COLUMNS, rows)
        if rows:
            self.filed_table.move_cursor(row=min(row, len(rows) - 1))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "themes":
            self.marked.clear()
            self.show_filed()

    @property
    def selected_theme_id(self) -> str | None:
        table = self.query_one("#themes", Table)
        if not table.row_count:
            return None
        return str(table.ordered_rows[min(table.cursor_row, table.row_count - 1)].key.value)

    def _chosen_input(self) -> list[str]:
        """The marked input, else the input under the cursor."""
        if self.marked:
            return sorted(self.marked)
        table = self.filed_table
        if not table.row_count:
            return []
        return [str(table.ordered_rows[min(table.cursor_row, table.row_count - 1)].key.value)]

    def _other_themes(self, theme_id: str) -> list[Choice]:
        return [Choice(tid, g.label) for tid, g in self.groups.items() if tid != theme_id]

    # -- actions ------------------------------------------------------------------------------

    @work
    async def action_rename(self) -> None:
        group = self.groups.get(self.selected_theme_id or "")
        if group is None:
            self.notify(EMPTY)
            return
        name = await self.app.push_screen_wait(
            ThemeNameDialog(f"Rename +{group.theme.name}", group.theme.name)
        )
        if name is None:
            return
        with reported(self.app):
            themes.rename(self.facilitate.store, group.theme.id, name)
            self.reload(select=group.theme.id)
            self.notify(f"Renamed to +{name}.")

    @work
    async def action_merge(self) -> None:
        group = self.groups.get(self.selected_theme_id or "")
        if group is None or not self._other_themes(group.theme.id):
            self.notify("Merging needs two themes.")
            return
        target = await self.app.push_screen_wait(
            ChoiceDialog(
                f"Merge +{group.theme.name} into…",
                self._other_themes(group.theme.id),
                help_text="Its input moves to the theme you choose, and the theme goes.",
            )
        )
        if target is None:
            return
        with reported(self.app):
            merged = themes.merge(self.facilitate.store, group.theme.id, target)
            self.reload(select=merged.id)
            self.notify(f"+{group.theme.name} merged into +{merged.name}.")

    def action_mark(self) -> None:
        """Mark or unmark the input under the cursor, then step to the next one."""
        table = self.filed_table
        if not table.row_count:
            return
        key = str(table.ordered_rows[min(table.cursor_row, table.row_count - 1)].key.value)
        self.marked ^= {key}
        self.show_filed()
        table.move_cursor(row=min(table.cursor_row + 1, table.row_count - 1))

    @work
    async def action_split(self) -> None:
        group = self.groups.get(self.selected_theme_id or "")
        chosen = self._chosen_input()
        if group is None or not chosen:
            self.notify("Choose the input to split off first (space marks it).")
            return
        name = await self.app.push_screen_wait(
            ThemeNameDialog(f"Split {len(chosen)} from +{group.theme.name} into a new theme")
        )
        if name is None:
            return
        with reported(self.app):
            new = themes.split(self.facilitate.store, group.theme.id, name, chosen)
            self.marked.clear()
            self.reload(select=new.id)
            self.notify(f"{len(chosen)} moved to the new theme +{new.name}.")

    @work
    async def action_move(self) -> None:
        group = self.groups.get(self.selected_theme_id or "")
        chosen = self._chosen_input()
        if group is None or not chosen or not self._other_themes(group.theme.id):
            self.notify("Moving needs input under a theme, and another theme to move it to.")
            return
        target = await self.app.push_screen_wait(
            ChoiceDialog(f"Move {len(chosen)} to…", self._other_themes(group.theme.id))
        )
        if target is None:
            return
        with reported(self.app):
            for filing_id in chosen:
                themes.move_entry(self.facilitate.store, filing_id, target)
            self.marked.clear()
            self.reload(select=group.theme.id)
            self.notify(f"{len(chosen)} moved to {self.groups[target].label}.")

    def action_unfile(self) -> None:
        chosen = self._chosen_input()
        if not chosen:
            return
        with reported(self.app):
            for filing_id in chosen:
                themes.unfile(self.facilitate.store, filing_id)
            self.marked.clear()
            self.reload()
            self.notify(f"{len(chosen)} taken out of the theme (the input itself stays).")

    def action_help(self) -> None:
        self.app.push_screen(ScreenHelp("Keys — themes", screen_keys(self)))

    def action_back(self) -> None:
        self.dismiss(None)
