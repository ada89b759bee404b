"""Choose someone else for a role, and say why: the history keeps suggested and chosen."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Select, Static

from facilitate.services.people.directory import Choice
from facilitate.tui.dialogs.form import FormDialog, buttons, field
from facilitate.tui.widgets.text_field import TextField

LEAVE_OPEN = "__open__"


@dataclass(frozen=True)
class Override:
    person_id: str | None
    reason: str


class OverrideDialog(FormDialog[Override]):
    AUTO_FOCUS = "#person"  # who takes the role comes first; the reason after

    def __init__(self, role_name: str, people: list[Choice], current: str | None) -> None:
        super().__init__()
        self.role_name = role_name
        self.people = people
        self.current = current

    def compose(self) -> ComposeResult:
        options = [(c.label, c.value) for c in self.people] + [("(leave open)", LEAVE_OPEN)]
        value = self.current if self.current in {c.value for c in self.people} else LEAVE_OPEN
        with Vertical(classes="dialog"):
            yield Static(f"Who takes {self.role_name}?", classes="dialog-title")
            yield field("Person", Select(options, id="person", allow_blank=False, value=value))
            yield field(
                "Why", TextField(id="reason", placeholder="e.g. swapped with Dana at her request")
            )
            yield Label("", id="error", classes="form-error")
            yield buttons()

    def on_mount(self) -> None:
        self.query_one("#person", Select).focus()

    def read(self) -> Override:
        reason = self.query_one("#reason", Input).value.strip()
        if not reason:
            raise ValueError("Why is empty: the history keeps the reason")
        person = self.query_one("#person", Select).value
        chosen = person if isinstance(person, str) and person != LEAVE_OPEN else None
        return Override(chosen, reason)
