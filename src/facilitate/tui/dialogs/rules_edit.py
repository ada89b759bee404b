"""Edit a rule set as text; saving makes a new version and leaves the old one as agreed."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Static, TextArea

from facilitate.services.lead.ground_rules import RuleText, rules_from_text
from facilitate.tui.dialogs.form import FormDialog, buttons, field
from facilitate.tui.widgets.text_field import TextField


@dataclass(frozen=True)
class RulesEdit:
    rules: list[RuleText]
    note: str


class RulesEditDialog(FormDialog[RulesEdit]):
    AUTO_FOCUS = "#rules-text"  # the rules themselves, above the one-line reason

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
            yield field("Why", TextField(id="note", placeholder="e.g. agreed together on 11/5"))
            yield Label("", id="error", classes="form-error")
            yield buttons("Save version (ctrl+s)")

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def read(self) -> RulesEdit:
        rules = rules_from_text(self.query_one(TextArea).text)
        note = self.query_one("#note", Input).value.strip() or "Edited together"
        return RulesEdit(rules, note)
