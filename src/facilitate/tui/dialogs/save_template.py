"""Name the template an agenda is saved as; a shipped template's name is refused right here."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Label, Static

from facilitate.services.plan.templates import ShippedNameError, ensure_not_shipped
from facilitate.tui.dialogs.form import FormDialog, buttons, field
from facilitate.tui.widgets.text_field import TextField

WHAT_IS_SAVED = (
    "Saved: the items, their purposes, time boxes, leads and prompts. Not saved: this "
    "meeting's actions, parking-lot items, carried-over commitments and dated talking points."
)


class SaveTemplateDialog(FormDialog[str]):
    """The name to save under. Enter saves; a shipped name gets a line offering a new one."""

    def __init__(self, suggested: str, folder: str) -> None:
        super().__init__()
        self.suggested = suggested
        self.folder = folder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Save this agenda as a template", classes="dialog-title")
            yield Static(WHAT_IS_SAVED, classes="dialog-help")
            yield Static(Content(f"It is written to {self.folder}"), classes="dialog-help")
            yield field("Name", TextField(self.suggested, id="name"))
            yield Label("", id="error", classes="form-error")
            yield buttons("Save (enter)")

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    def on_input_changed(self) -> None:
        self.query_one("#error", Label).update("")

    def read(self) -> str:
        name = self.query_one("#name", Input).value.strip()
        if not name:
            raise ValueError("Name is empty: name the template, e.g. “Core team agenda”")
        try:
            ensure_not_shipped(name)
        except ShippedNameError as shipped:
            # The name is right above this line, so the line only says what to do instead.
            raise ValueError(
                f"A shipped template has this name; try “{shipped.suggestion}”"
            ) from None
        return name
