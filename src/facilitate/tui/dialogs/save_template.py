"""Name the template an agenda is saved as."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from facilitate.tui.dialogs.form import field


class SaveTemplateDialog(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="template.cancel")]

    def __init__(self, suggested: str, folder: str) -> None:
        super().__init__()
        self.suggested = suggested
        self.folder = folder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Save this agenda as a template", classes="dialog-title")
            yield Static(f"It is written to {self.folder}", classes="dialog-help")
            yield field("Name", Input(self.suggested, id="name"))
            yield Label("", id="error", classes="form-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (enter)", id="save", variant="primary")
                yield Button("Cancel (esc)", id="cancel")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self._submit()
        else:
            self.action_cancel()

    def on_input_submitted(self) -> None:
        self._submit()

    def _submit(self) -> None:
        name = self.query_one("#name", Input).value.strip()
        if not name:
            self.query_one("#error", Label).update("Name is empty")
            return
        self.dismiss(name)

    def action_cancel(self) -> None:
        self.dismiss(None)
