"""Attach a file to an agenda item as a pre-read: the path of a file on this computer, whose
bytes are copied into the record (the file on disk can move or change afterwards).

The dialog attaches the file itself, through the `attach` it is given, so a path that cannot be
attached (no such file, a folder, too large) is said in the dialog, which stays open with the
path as typed to correct.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from facilitate.models import PreRead
from facilitate.services.plan.pre_reads import MAX_PRE_READ_BYTES, size_label
from facilitate.tui.dialogs.form import FormDialog, buttons, field
from facilitate.tui.feedback import USER_ERRORS
from facilitate.tui.widgets.text_field import TextField


class PreReadDialog(FormDialog[PreRead]):
    """The path of the file to attach; enter or ctrl+s attaches it and returns the pre-read."""

    def __init__(
        self, item_title: str, attached: list[str], attach: Callable[[Path], PreRead]
    ) -> None:
        """`attach` copies the file into the record, or raises a ValueError saying why not."""
        super().__init__()
        self.item_title = item_title
        self.attached = attached
        self.attach = attach

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(
                f"Attach a pre-read to “{self.item_title}”", classes="dialog-title", markup=False
            )
            yield Static(
                "The file is copied into the record and goes out with the agenda packets "
                f"(up to {size_label(MAX_PRE_READ_BYTES)}).",
                classes="dialog-help",
                markup=False,
            )
            if self.attached:
                yield Static(
                    "Attached: " + ", ".join(self.attached), classes="dialog-help", markup=False
                )
            yield field("File", TextField(placeholder="~/Documents/budget.pdf", id="path"))
            yield Label("", id="error", classes="form-error")
            yield buttons("Attach (enter)")

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    def read(self) -> PreRead:
        # A path pasted from a file manager often comes quoted.
        text = self.query_one("#path", Input).value.strip().strip("'\"")
        if not text:
            raise ValueError("File is empty: type the path of the file to attach")
        try:
            return self.attach(Path(text).expanduser())
        except USER_ERRORS as error:  # a refusal, or the file locked by another window
            raise ValueError(str(error)) from None
