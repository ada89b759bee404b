"""The theme board: a series' themes and the input under each, to tidy after a session.

Two bordered panes, so which input belongs to which theme is never in doubt: left, the themes and,
last, the input under no theme; right, titled with the highlighted theme's name, only the input
under it (and how its name prints for readers). Rename or merge the selected theme; mark input
with space, then split it off into a new theme, move it to another theme, or take it out of the
theme; file input (under no theme, or under one more) with t. Themes show as typed after ``+``
here, where they are typed (services/theme_names.py). Every change goes through
services/record/themes.py and is read back from the record, so a second window's filing shows on
the next change.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, cast

from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from facilitate.models import MeetingSeries
from facilitate.models.enums import Visibility
from facilitate.services import theme_names
from facilitate.services.people.directory import Choice
from facilitate.services.plurals import counted
from facilitate.services.record import themes
from facilitate.services.record.loop_links import InputHit
from facilitate.services.record.themes import ThemeGroup
from facilitate.tui.dialogs.choose import ChoiceDialog
from facilitate.tui.dialogs.theme_name import ThemeNameDialog, choose_theme
from facilitate.tui.feedback import reported
from facilitate.tui.screens.home import FOCUSED
from facilitate.tui.symbols import mark
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
UNFILED = "(no theme)"
"""The last row of the themes: the series' input filed under none. Its key is UNFILED too."""
"""The value of "A new theme…" among the themes offered to file under (no theme id is this)."""


class ThemeBoardScreen(Screen[None]):
    """One series' themes. Dismisses with None."""

    # The panes are the app's .panel (app.tcss): a border, brighter round the one with the keys.
    DEFAULT_CSS = """
    ThemeBoardScreen #board { height: 1fr; }
    ThemeBoardScreen #themes-pane { width: 1fr; min-width: 28; max-width: 40; }
    ThemeBoardScreen #filed-pane { width: 2fr; }
    /* Long words are cut with … to fit, so no pane needs a scrollbar across. */
    ThemeBoardScreen #themes, ThemeBoardScreen #filed { height: 1fr; overflow-x: hidden; }
    ThemeBoardScreen #filed-empty { padding: 0 1; color: $text-muted; height: auto; }
    ThemeBoardScreen #board-status { padding: 0 1; height: auto; }
    """

    BINDINGS = [
        Binding("r", "rename", "Rename", id="themes.rename"),
        Binding("m", "merge", "Merge into…", id="themes.merge"),
        Binding("space", "mark", "Mark input", id="themes.mark"),
        Binding("s", "split", "Split off", id="themes.split"),
        Binding("v", "move", "Move to…", id="themes.move"),
        Binding("x", "unfile", "Out of theme", id="themes.unfile"),
        Binding("t", "file", "File under…", id="themes.file"),
        Binding("f1,question_mark", "help", "Keys", id="themes.help"),
        Binding("escape", "back", "Back", id="themes.back"),
    ]

    def __init__(self, series_id: str) -> None:
        super().__init__()
        self.series_id = series_id
        self.groups: dict[str, ThemeGroup] = {}
        self.unfiled: dict[str, InputHit] = {}  # input under no theme, by its row key
        # Row keys marked: EntryTheme ids under a theme, "table:id" under no theme.
        self.marked: set[str] = set()
        self.titles = {"themes": "Themes", "filed": "Input"}  # by pane, without the focus mark

    @property
    def facilitate(self) -> FacilitateApp:
        return cast("FacilitateApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="board-status", markup=False)
        with Horizontal(id="board"):
            with Vertical(id="themes-pane", classes="panel"):
                yield Static(id="themes-title", classes="panel-title", markup=False)
                yield Table(id="themes", cursor_type="row")
            with Vertical(id="filed-pane", classes="panel"):
                yield Static(id="filed-title", classes="panel-title", markup=False)
                yield Table(id="filed", cursor_type="row", zebra_stripes=True)
                yield Static(id="filed-empty", markup=False)
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
        store = self.facilitate.store
        self.groups = {g.theme.id: g for g in themes.board(store, self.series_id)}
        self.unfiled = {f"{h.table}:{h.id}": h for h in themes.unfiled(store, self.series_id)}
        rows = [(tid, (g.theme.name, str(len(g.entries)))) for tid, g in self.groups.items()]
        if self.unfiled:
            rows.append((UNFILED, (UNFILED, str(len(self.unfiled)))))
        self.themes_table.fit_rows(THEME_COLUMNS, rows)
        self.titles["themes"] = f"Themes ({len(self.groups)})" if self.groups else "Themes"
        if keep in self.groups or (keep == UNFILED and self.unfiled):
            self.themes_table.move_cursor(row=self.themes_table.get_row_index(keep))
        status = (
            EMPTY
            if not self.groups
            else f"{counted(len(self.groups), 'theme')} · space marks input"
        )
        if self.unfiled:
            status += f" · {len(self.unfiled)} under no theme: t files them"
        self.query_one("#board-status", Static).update(status)
        self.show_filed()

    def show_filed(self) -> None:
        # Each row: its key, the input's number, its meeting's day, its words, who may see it.
        shown: list[tuple[str, str, date | None, str, Visibility]]
        if self.selected_theme_id == UNFILED:
            shown = [
                (key, f"#{h.number}", h.meeting_date, h.text, h.visibility)
                for key, h in self.unfiled.items()
            ]
        else:
            group = self.groups.get(self.selected_theme_id or "")
            shown = [
                (
                    e.filing_id,
                    f"#{e.number}" if e.number is not None else "",
                    e.meeting_date,
                    e.text,
                    e.visibility,
                )
                for e in (group.entries if group else ())
            ]
        self.marked &= {key for key, *_ in shown}
        self._title_filed(len(shown))
        rows = [
            (
                key,
                (
                    "*" if key in self.marked else "",
                    number,
                    day.isoformat() if day else "",
                    text,
                    visibility.value,
                ),
            )
            for key, number, day, text, visibility in shown
        ]
        row = self.filed_table.cursor_row
        self.filed_table.fit_rows(INPUT_COLUMNS, rows)
        if rows:
            self.filed_table.move_cursor(row=min(row, len(rows) - 1))

    def _title_filed(self, count: int) -> None:
        """Name the input pane after the theme highlighted, so its rows read as that theme's."""
        selected = self.selected_theme_id
        group = self.groups.get(selected or "")
        pane = self.query_one("#filed-pane")
        empty = self.query_one("#filed-empty", Static)
        pane.border_subtitle = None
        empty.display = False
        if selected == UNFILED:
            title = f"Under no theme: {count} input"
        elif group is None:
            title = "Input"
        else:
            title = f"Under +{group.theme.name}: {count} input"
            # Content, not a str: a border title would read a str as markup.
            printed = theme_names.display(group.theme.name)
            pane.border_subtitle = Content(mark(f"prints as “{printed}”"))
            if not count:
                empty.update(
                    f"Nothing is under +{group.theme.name} now: m merges it into another "
                    "theme, r renames it."
                )
                empty.display = True
        if self.marked:
            title += f" · {len(self.marked)} marked"
        self.titles["filed"] = title
        self._show_titles()

    def _show_titles(self) -> None:
        """Each pane's title; the one with the keys is marked, not only coloured."""
        focused = self.focused
        for pane, title in self.titles.items():
            here = focused is not None and focused.id == pane
            self.query_one(f"#{pane}-title", Static).update(mark((FOCUSED if here else "") + title))

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self._show_titles()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        self._show_titles()

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

    def _on_unfiled(self) -> bool:
        """True (and says so) when the row selected is the input under no theme, which a theme's
        keys (rename, merge, split, move, out of theme) do not apply to."""
        if self.selected_theme_id != UNFILED:
            return False
        self.notify("This input is under no theme yet: t files it under one.")
        return True

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
        if self._on_unfiled():
            return
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
        if self._on_unfiled():
            return
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
        if self._on_unfiled():
            return
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
        if self._on_unfiled():
            return
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
        if self._on_unfiled():
            return
        chosen = self._chosen_input()
        if not chosen:
            return
        with reported(self.app):
            for filing_id in chosen:
                themes.unfile(self.facilitate.store, filing_id)
            self.marked.clear()
            self.reload()
            self.notify(f"{len(chosen)} taken out of the theme (the input itself stays).")

    def _entries(self, chosen: list[str]) -> list[tuple[str, str]]:
        """(table, id) of the chosen rows, under a theme or under none."""
        if self.selected_theme_id == UNFILED:
            return [
                (self.unfiled[k].table, self.unfiled[k].id) for k in chosen if k in self.unfiled
            ]
        group = self.groups.get(self.selected_theme_id or "")
        filed = {e.filing_id: e for e in (group.entries if group else ())}
        return [(filed[k].entry_table, filed[k].entry_id) for k in chosen if k in filed]

    @work
    async def action_file(self) -> None:
        """File the marked input (else the input under the cursor) under a theme: one there is,
        or a new one. Input under a theme stays there too."""
        entries = self._entries(self._chosen_input())
        if not entries:
            self.notify("Choose the input to file first (space marks it).")
            return
        count = f"{len(entries)} input" if len(entries) > 1 else "this input"
        choices = [Choice(g.theme.name, g.label) for g in self.groups.values()]
        name = await choose_theme(self.app, f"File {count} under", choices)
        if name is None:
            return
        with reported(self.app):
            theme = themes.file_inputs(self.facilitate.store, self.series_id, entries, name)
            self.marked.clear()
            self.reload()
            self.notify(f"{len(entries)} filed under +{theme.name}.")

    def action_help(self) -> None:
        self.app.push_screen(ScreenHelp("Keys — themes", screen_keys(self)))

    def action_back(self) -> None:
        self.dismiss(None)
