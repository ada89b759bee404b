"""Attach a file to an agenda item as a pre-read: the path of a file on this computer, whose
bytes are copied into the record (the file on disk can move or change afterwards)."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from facilitate.services.plan.pre_reads import MAX_PRE_READ_BYTES, megabytes
from facilitate.tui.dialogs.form import FormDialog, buttons, field


class PreReadDialog(FormDialog[Path]):
    """The path of the file to attach; enter or ctrl+s attaches it."""

    def __init__(self, item_title: str, attached: list[str]) -> None:
        super().__init__()
        self.item_title = item_title
        self.attached = attached

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(
                f"Attach a pre-read to “{self.item_title}”", classes="dialog-title", markup=False
            )
            yield Static(
                "The file is copied into the record and goes out with the agenda packets "
                f"(up to {megabytes(MAX_PRE_READ_BYTES)}).",
                classes="dialog-help",
                markup=False,
            )
            if self.attached:
                yield Static(
                    "Attached: " + ", ".join(self.attached), classes="dialog-help", markup=False
                )
            yield field("File", Input(placeholder="~/Documents/budget.pdf", id="path"))
            yield Label("", id="error", classes="form-error")
            yield buttons("Attach (enter)")

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    def read(self) -> Path:
        text = self.query_one("#path", Input).value.strip().strip("'\"")
        if not text:
            raise ValueError("File is empty: type the path of the file to attach")
        return Path(text).expanduser()
