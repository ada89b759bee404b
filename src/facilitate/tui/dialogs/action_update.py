"""Give an earlier commitment its status in the room, with an optional note."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Static

from facilitate.models.enums import ActionStatus
from facilitate.services.record.wording import STATUS_LABELS
from facilitate.tui.dialogs.form import FormDialog, buttons, field
from facilitate.tui.widgets.text_field import TextField

# The minutes' labels, in lower case for the middle of a sentence ("Mark as in progress").
STATUS_LABEL = {status: label.lower() for status, label in STATUS_LABELS.items()}

NOTE_HINT = {
    ActionStatus.DONE: "e.g. circulated to all partners on the 14th",
    ActionStatus.IN_PROGRESS: "e.g. draft ready, waiting on legal review",
    ActionStatus.BLOCKED: "e.g. waiting for the county budget office",
    ActionStatus.DROPPED: "e.g. overtaken by the state's new form",
}


class ActionUpdateDialog(FormDialog[str]):
    """Returns the note (possibly empty: the note is optional), or None when cancelled."""

    def __init__(self, action_text: str, owner: str, status: ActionStatus) -> None:
        super().__init__()
        self.action_text = action_text
        self.owner = owner
        self.status = status

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(f"Mark as {STATUS_LABEL[self.status]}", classes="dialog-title")
            yield Static(f"“{self.action_text}” — {self.owner}", classes="dialog-help")
            yield field(
                "Note",
                TextField(id="note", placeholder=NOTE_HINT.get(self.status, "optional")),
            )
            yield buttons("Save (enter)")

    def on_mount(self) -> None:
        self.query_one("#note", Input).focus()

    def read(self) -> str:
        return self.query_one("#note", Input).value.strip()
