"""Where agenda mail goes before a meeting: the folder, and for a call for items the date
partners are asked to answer by. A date the call cannot ask for is said in the dialog, which
stays open; so does a warning when the drafts would be signed with no name, or when the agenda
runs past the meeting's end."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from facilitate.services.dates import parse_date
from facilitate.tui.dialogs.form import FormDialog, buttons, field
from facilitate.tui.widgets.text_field import TextField


@dataclass(frozen=True)
class AgendaMailChoice:
    folder: Path
    by: date | None = None


class AgendaMailDialog(FormDialog[AgendaMailChoice]):
    """A folder (and, for a call for items, a reply-by date); enter or ctrl+s writes."""

    def __init__(
        self,
        title: str,
        folder: Path,
        *,
        today: date,
        by: date | None = None,
        check_by: Callable[[date], None] | None = None,
        warning: str = "",
        overrun: str = "",
    ) -> None:
        """`check_by` refuses a reply-by date with a ValueError; `warning` is shown above the
        fields (the coordinator's name not being set), and so is `overrun`, the agenda running
        past the meeting's end (`agenda_document.overrun_warning`): said, never refused."""
        super().__init__()
        self.heading = title
        self.folder = folder
        self.today = today
        self.by = by
        self.check_by = check_by
        self.warning = warning
        self.overrun = overrun

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.heading, classes="dialog-title", markup=False)
            yield Static(
                "One e-mail draft per partner organization; nothing is sent.",
                classes="dialog-help",
            )
            if self.warning:
                yield Static(self.warning, id="unsigned", classes="form-error", markup=False)
            if self.overrun:
                yield Static(self.overrun, id="overrun", classes="form-error", markup=False)
            if self.by is not None:
                yield field("Items by", TextField(self.by.isoformat(), id="by"))
            yield field("Folder", TextField(str(self.folder), id="folder"))
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
                if self.check_by is not None:
                    self.check_by(by)
            except ValueError as error:  # a date unreadable, or refused
                raise ValueError(f"Items by: {error}") from None
        return AgendaMailChoice(Path(folder).expanduser(), by)
