"""Import people from a spreadsheet: give the CSV file, check which column is which, fix or skip
the rows with a problem, choose whether unknown organizations are created, then import.

Nothing is written before the import is confirmed, and then everything is written in one go
(`people_import.import_people`). A large file is read in a worker thread behind a progress bar,
so the screen stays responsive.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Checkbox, DataTable, Header, Input, Label, ProgressBar, Select, Static

from facilitate.services.people import people_import
from facilitate.services.people.people_import import (
    FIELD_LABELS,
    FIELDS,
    ImportPreview,
    ImportRow,
    Known,
    PeopleImportError,
    count_people,
    count_rows,
)
from facilitate.services.plurals import counted
from facilitate.tui.dialogs.confirm import ConfirmDialog
from facilitate.tui.dialogs.person_form import ImportRowDialog
from facilitate.tui.feedback import USER_ERRORS
from facilitate.tui.widgets.key_bar import KeyBar
from facilitate.tui.widgets.table import Table, literal
from facilitate.tui.widgets.text_field import TextField

if TYPE_CHECKING:
    from facilitate.store import Store
    from facilitate.tui.app import FacilitateApp

# Rows drawn in the table: enough to read, few enough to draw at once. The summary line counts
# all of them, and p shows only the rows with a problem.
SHOWN_ROWS = 500
# Columns and their share of the width the row number leaves; the problem gets the most.
COLUMNS = (("Name", 20), ("Email", 22), ("Organization", 16), ("Roles", 12), ("Problem", 30))


def column_widths(width: int) -> list[int]:
    """Cells per column for a terminal `width` wide: the row number, then shares of the rest
    (less two cells of padding per column and a scrollbar)."""
    rest = max(width - 2 * (len(COLUMNS) + 1) - 2 - 4, 30)
    return [4, *(max(4, rest * share // 100) for _, share in COLUMNS)]


class PeopleImportScreen(Screen[int | None]):
    """Returns how many people were imported, or None when the user went back without."""

    DEFAULT_CSS = """
    PeopleImportScreen #import-file { height: auto; padding: 0 1; }
    PeopleImportScreen #import-file Label { width: 6; color: $text-muted; }
    PeopleImportScreen #import-file Input { width: 1fr; }
    PeopleImportScreen #import-status { height: auto; max-height: 4; padding: 0 1; }
    PeopleImportScreen #import-progress { display: none; padding: 0 1; }
    PeopleImportScreen #import-progress.running { display: block; }
    PeopleImportScreen #import-mapping { height: auto; padding: 0 1; }
    PeopleImportScreen #import-mapping > Vertical { width: 1fr; height: auto; }
    PeopleImportScreen #import-mapping Label { color: $text-muted; }
    PeopleImportScreen #import-rows { height: 1fr; }
    PeopleImportScreen #import-row-detail { height: auto; max-height: 3; padding: 0 1; }
    PeopleImportScreen #import-create { height: auto; padding: 0 1; }
    """

    BINDINGS = [
        Binding("ctrl+s", "confirm", "Import", id="people_import.confirm", priority=True),
        Binding("e", "fix", "Fix", id="people_import.fix", tooltip="Fix the highlighted row (e)"),
        Binding("s", "skip", "Skip", id="people_import.skip", tooltip="Skip the row, or not (s)"),
        Binding(
            "c",
            "create_organizations",
            "New orgs",
            id="people_import.create_orgs",
            tooltip="Create the organizations not on record, or not (c)",
        ),
        Binding("n", "next_problem", "Next", id="people_import.next_problem"),
        Binding("p", "problems_only", "Problems", id="people_import.problems_only"),
        Binding("f", "file", "File", id="people_import.file"),
        Binding("escape", "back", "Back", id="people_import.back"),
    ]

    def __init__(self, path: Path | None = None) -> None:
        super().__init__()
        self.path = path
        self.preview: ImportPreview | None = None
        self.loading = False
        self.problems_only = False

    @property
    def store(self) -> Store:
        return cast("FacilitateApp", self.app).store

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="import-file"):
            yield Label("File")
            yield TextField(
                str(self.path) if self.path else "",
                id="import-path",
                placeholder="type or paste the path of a .csv file, then Enter",
                compact=True,
            )
        yield Static(
            "Save the spreadsheet as CSV (Excel, LibreOffice or Google Sheets), then give its "
            "path. Nothing is written until you press ctrl+s and confirm.",
            id="import-status",
        )
        yield ProgressBar(id="import-progress", show_eta=False)
        with Horizontal(id="import-mapping"):
            for field in FIELDS:
                with Vertical():
                    yield Label(FIELD_LABELS[field])
                    yield Select[int]([], prompt="(none)", id=f"map-{field}", compact=True)
        yield Table(id="import-rows", cursor_type="row", zebra_stripes=True)
        yield Static(id="import-row-detail")
        yield Checkbox("Create the organizations not on record", id="import-create", compact=True)
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = "Import people"
        self._add_columns()
        if self.path is not None:
            self.load(self.path)
        else:
            self.query_one("#import-path", Input).focus()

    def _add_columns(self) -> None:
        table = self.query_one("#import-rows", DataTable)
        table.clear(columns=True)
        widths = column_widths(self.size.width or 80)
        table.add_column("Row", width=widths[0])
        for (label, _), width in zip(COLUMNS, widths[1:], strict=True):
            table.add_column(label, width=width)

    def on_resize(self) -> None:
        # Column widths follow the terminal's width.
        if self.is_mounted:
            self._add_columns()
            self._show_rows()

    # -- loading ------------------------------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip().strip("'\"")
        if not text:
            self._status("Type or paste the path of a CSV file, then press Enter.", error=True)
            return
        self.load(Path(text).expanduser())

    def load(self, path: Path) -> None:
        """Read and check the file in a worker thread; the screen stays responsive."""
        if self.loading:
            return
        try:
            known = people_import.known_record(self.store)
        except USER_ERRORS as error:
            self._status(str(error), error=True)
            return
        self.loading = True
        self.preview = None
        self._show_rows()
        progress = self.query_one("#import-progress", ProgressBar)
        progress.update(total=None, progress=0)
        progress.add_class("running")
        self._status(f"Reading {path}…")
        self.run_worker(
            partial(self._read, path, known),
            thread=True,
            exclusive=True,
            group="people-import",
            name="people-import",
        )

    def _read(self, path: Path, known: Known) -> None:
        """In a worker thread: only the file and the snapshot of the record, never the store."""
        try:
            sheet = people_import.read_sheet(path)
            preview = ImportPreview(sheet, known)
            preview.compute(
                lambda done, total: self.app.call_from_thread(self._progress, done, total)
            )
        except PeopleImportError as error:
            self.app.call_from_thread(self._loaded, None, str(error))
            return
        self.app.call_from_thread(self._loaded, preview, "")

    def _progress(self, done: int, total: int) -> None:
        if self not in self.app.screen_stack:
            return
        self.query_one("#import-progress", ProgressBar).update(total=max(total, 1), progress=done)
        self._status(f"Checking row {done:,} of {total:,}…")

    def _loaded(self, preview: ImportPreview | None, error: str) -> None:
        if self not in self.app.screen_stack:
            return  # the user went back while the file was read
        self.loading = False
        self.query_one("#import-progress", ProgressBar).remove_class("running")
        self.preview = preview
        if preview is None:
            self._status(error, error=True)
            self._show_rows()
            self.query_one("#import-path", Input).focus()
            return
        self._show_mapping(preview)
        self._show_rows()
        self.query_one("#import-rows", DataTable).focus()

    # -- showing ------------------------------------------------------------------------------

    def _status(self, message: str, *, error: bool = False) -> None:
        self.query_one("#import-status", Static).update(
            Text(message, style="bold red" if error else "")
        )

    def _show_mapping(self, preview: ImportPreview) -> None:
        header = preview.sheet.header
        for field in FIELDS:
            select = self.query_one(f"#map-{field}", Select)
            options = [(heading or f"column {i + 1}", i) for i, heading in enumerate(header)]
            with self.prevent(Select.Changed):
                select.set_options(options)
                column = preview.mapping[field]
                select.value = column if column is not None else Select.NULL

    def _show_rows(self, select_index: int | None = None) -> None:
        table = self.query_one("#import-rows", DataTable)
        keep = select_index if select_index is not None else self.selected_index()
        table.clear()
        preview = self.preview
        create = self.query_one("#import-create", Checkbox)
        if preview is None:
            create.display = False
            self._show_detail()
            return
        rows = preview.rows
        shown = [r for r in rows if r.blocking] if self.problems_only else rows
        for row in shown[:SHOWN_ROWS]:
            table.add_row(*_cells(row), key=str(row.index))
        if keep is not None and str(keep) in {k.value for k in table.rows}:
            table.move_cursor(row=table.get_row_index(str(keep)))
        self._show_summary(preview, len(shown))
        new = preview.new_organizations
        create.display = bool(new)
        with self.prevent(Checkbox.Changed):
            create.value = preview.create_organizations
        # Content, not a str: organization names are shown as written, never read as markup.
        create.label = Content(
            f"Create {counted(len(new), 'organization')} not on record (c): {', '.join(new)}"
        )
        self._show_detail()

    def _show_summary(self, preview: ImportPreview, shown: int) -> None:
        lines = []
        if preview.sheet.notice:
            lines.append(preview.sheet.notice)
        problem = preview.file_problem
        if problem:
            self._status("\n".join([*lines, problem]), error=True)
            return
        summary = preview.summary()
        if shown > SHOWN_ROWS:
            summary += f" (first {SHOWN_ROWS:,} of {shown:,} shown)"
        if preview.blocking:
            summary += " · e fixes a row, s skips it, n finds the next"
        else:
            summary += " · ctrl+s imports"
        lines.append(summary)
        self._status("\n".join(lines), error=bool(preview.blocking))

    def _show_detail(self) -> None:
        detail = self.query_one("#import-row-detail", Static)
        row = self._selected_row()
        if row is None:
            detail.update("")
            return
        text = Text(f"Row {row.line}: ", style="bold")
        if row.skipped:
            text.append("skipped (s brings it back)", style="dim")
        elif row.problems:
            text.append(row.problem, style="red")
        else:
            text.append("ready" + (" (fixed)" if row.fixed else ""))
        detail.update(text)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_fix()

    def selected_index(self) -> int | None:
        table = self.query_one("#import-rows", DataTable)
        if table.row_count == 0:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return int(row_key.value or 0)

    def _selected_row(self) -> ImportRow | None:
        index = self.selected_index()
        if self.preview is None or index is None:
            return None
        return self.preview.rows[index]

    # -- changing the preview -----------------------------------------------------------------

    def on_select_changed(self, event: Select.Changed) -> None:
        if self.preview is None or not (event.select.id or "").startswith("map-"):
            return
        field = (event.select.id or "").removeprefix("map-")
        value = event.value
        self.preview.set_column(field, value if isinstance(value, int) else None)
        self._show_mapping(self.preview)  # a column feeds one field: another may have lost it
        self._show_rows()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        if self.preview is not None and event.checkbox.id == "import-create":
            self.preview.set_create_organizations(event.value)
            self._show_rows()

    def _ready(self) -> ImportPreview | None:
        if self.loading:
            self.notify("Still reading the file…", severity="warning")
            return None
        if self.preview is None:
            self.notify("Give a CSV file first (f).", severity="warning")
        return self.preview

    @work
    async def action_fix(self) -> None:
        preview = self._ready()
        row = self._selected_row()
        if preview is None or row is None:
            return
        index = row.index
        values = await self.app.push_screen_wait(
            ImportRowDialog(
                row.line,
                preview.values(index),
                labels=FIELD_LABELS,
                check=lambda typed: preview.check(index, typed),
            )
        )
        if values is not None:
            preview.fix(index, values)
            self._show_rows(index)

    def action_skip(self) -> None:
        preview = self._ready()
        row = self._selected_row()
        if preview is None or row is None:
            return
        preview.skip(row.index, not row.skipped)
        self._show_rows(row.index)

    def action_create_organizations(self) -> None:
        preview = self._ready()
        if preview is None:
            return
        if not preview.new_organizations:
            self.notify("Every organization named is already on record.")
            return
        preview.set_create_organizations(not preview.create_organizations)
        self._show_rows()

    def action_next_problem(self) -> None:
        preview = self._ready()
        if preview is None:
            return
        table = self.query_one("#import-rows", DataTable)
        current = table.cursor_row
        keys = [int(k.value or 0) for k in table.rows]
        blocking = {r.index for r in preview.blocking}
        ahead = [i for i, key in enumerate(keys) if key in blocking and i > current]
        behind = [i for i, key in enumerate(keys) if key in blocking and i <= current]
        targets = ahead or behind
        if not targets:
            self.notify("No row has a problem.")
            return
        table.move_cursor(row=targets[0])

    def action_problems_only(self) -> None:
        self.problems_only = not self.problems_only
        self._show_rows()

    def action_file(self) -> None:
        self.query_one("#import-path", Input).focus()

    @work
    async def action_confirm(self) -> None:
        preview = self._ready()
        if preview is None:
            return
        if preview.file_problem:
            self.notify(preview.file_problem, severity="error", timeout=8)
            return
        if preview.blocking:
            self.notify(
                f"{count_rows(len(preview.blocking))} with a problem: fix (e) or skip (s) each "
                "first. Nothing was imported.",
                severity="error",
                timeout=8,
            )
            return
        people = len(preview.ready)
        orgs = len(preview.new_organizations)
        question = f"Import {count_people(people)}"
        question += f" and create {counted(orgs, 'organization')}?" if orgs else "?"
        if not await self.app.push_screen_wait(ConfirmDialog(question)):
            return
        try:
            result = people_import.import_people(self.store, preview)
        except USER_ERRORS as error:
            self._show_rows()
            self.notify(str(error), severity="error", timeout=10)
            return
        created = len(result.organizations)
        made = f", created {counted(created, 'organization')}" if created else ""
        self.notify(f"Imported {count_people(result.people)}{made}")
        self.dismiss(result.people)

    def action_back(self) -> None:
        if self.loading:
            self.workers.cancel_group(self, "people-import")
        self.dismiss(None)


def _cells(row: ImportRow) -> tuple[object, ...]:
    if row.skipped:
        style, problem = "dim", literal("skipped", "dim")
    elif row.problems:
        style, problem = "", literal(row.problem, "bold red")
    else:
        style, problem = "", literal("fixed" if row.fixed else "")
    organization = row.organization + (" (new)" if row.new_organization else "")
    return (
        *(
            literal(value, style)
            for value in (str(row.line), row.name, row.email, organization, row.roles_text)
        ),
        problem,
    )
