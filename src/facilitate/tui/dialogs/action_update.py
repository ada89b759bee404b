"""Give an earlier commitment its status in the room, with an optional note."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from facilitate.models.enums import ActionStatus
from facilitate.tui.dialogs.form import field

STATUS_LABEL = {
    ActionStatus.OPEN: "open",
    ActionStatus.IN_PROGRESS: "in progress",
    ActionStatus.BLOCKED: "blocked",
    ActionStatus.DONE: "done",
    ActionStatus.DROPPED: "dropped",
}

NOTE_HINT = {
    ActionStatus.DONE: "e.g. circulated to all partners on the 14th",
    ActionStatus.IN_PROGRESS: "e.g. draft ready, waiting on legal review",
    ActionStatus.BLOCKED: "e.g. waiting for the county budget office",
    ActionStatus.DROPPED: "e.g. overtaken by the state's new form",
}


class ActionUpdateDialog(ModalScreen[str | None]):
    """Returns the note (possibly empty: the note is optional), or None when cancelled."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="action_update.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="action_update.cancel"),
    ]

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
                Input(id="note", placeholder=NOTE_HINT.get(self.status, "optional")),
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (enter)", id="save", variant="primary", compact=True)
                yield Button("Cancel (esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#note", Input).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def on_input_submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        self.dismiss(self.query_one("#note", Input).value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)
