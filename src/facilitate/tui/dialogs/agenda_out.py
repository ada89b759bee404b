"""Where agenda mail goes before a meeting: the folder, and for a call for items the date
partners are asked to answer by."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from facilitate.services.dates import DateParseError, parse_date
from facilitate.tui.dialogs.form import FormDialog, buttons, field


@dataclass(frozen=True)
class AgendaMailChoice:
    folder: Path
    by: date | None = None


class AgendaMailDialog(FormDialog[AgendaMailChoice]):
    """A folder (and, for a call for items, a reply-by date); enter or ctrl+s writes."""

    def __init__(self, title: str, folder: Path, *, today: date, by: date | None = None) -> None:
        super().__init__()
        self.heading = title
        self.folder = folder
        self.today = today
        self.by = by

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.heading, classes="dialog-title", markup=False)
            yield Static(
                "One e-mail draft per partner organization; nothing is sent.",
                classes="dialog-help",
            )
            if self.by is not None:
                yield field("Items by", Input(self.by.isoformat(), id="by"))
            yield field("Folder", Input(str(self.folder), id="folder"))
            yield Label("", id="error", classes="form-error")
            yield buttons("Write (enter)")

    def on_mount(self) -> None:
        self.query_one("#by" if self.by is not None else "#folder", Input).focus()

    def read(self) -> AgendaMailChoice:
        folder = self.query_one("#folder", Input).value.strip()
        if not folder:
            raise ValueError("Folder is empty: where should the drafts be written?")
        by = None
        if self.by is not None:
            try:
                by = parse_date(self.query_one("#by", Input).value, self.today)
            except DateParseError as error:
                raise ValueError(f"Items by: {error}") from None
        return AgendaMailChoice(Path(folder).expanduser(), by)
