"""Correct what an entry says; the earlier text stays in its history."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static


class CorrectDialog(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="correct.cancel")]

    def __init__(self, kind: str, text: str) -> None:
        super().__init__()
        self.kind = kind
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(f"Correct this {self.kind}", classes="dialog-title")
            yield Static(
                "Enter saves; the earlier text is kept in the entry's history.",
                classes="dialog-help",
            )
            yield Input(self.text, id="text")
            yield Label("", id="error", classes="form-error")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text:
            self.query_one("#error", Label).update("The text is empty; use ctrl+z to undo instead")
            return
        self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)
