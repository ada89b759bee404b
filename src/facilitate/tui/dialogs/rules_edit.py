"""Edit a rule set as text; saving makes a new version and leaves the old one as agreed."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static, TextArea

from facilitate.services.ground_rules import RuleText, rules_from_text
from facilitate.tui.dialogs.form import field


@dataclass(frozen=True)
class RulesEdit:
    rules: list[RuleText]
    note: str


class RulesEditDialog(ModalScreen[RulesEdit | None]):
    BINDINGS = [
        Binding("ctrl+s", "save", "Save as new version", id="rules.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="rules.cancel"),
    ]

    def __init__(self, text: str, next_version: int) -> None:
        super().__init__()
        self.text = text
        self.next_version = next_version

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="rules-dialog"):
            yield Static(
                f"Edit ground rules — saves as version {self.next_version}", classes="dialog-title"
            )
            yield Static(
                "One rule per line: short label | the rule as read aloud.", classes="dialog-help"
            )
            yield TextArea(self.text, id="rules-text", soft_wrap=True)
            yield field("Why", Input(id="note", placeholder="e.g. agreed together on 11/5"))
            yield Label("", id="error", classes="form-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save version (ctrl+s)", id="save", variant="primary")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        try:
            rules = rules_from_text(self.query_one(TextArea).text)
        except ValueError as error:
            self.query_one("#error", Label).update(str(error))
            return
        note = self.query_one("#note", Input).value.strip() or "Edited together"
        self.dismiss(RulesEdit(rules, note))

    def action_cancel(self) -> None:
        self.dismiss(None)
