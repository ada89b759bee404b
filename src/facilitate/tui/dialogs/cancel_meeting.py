"""Cancel a planned meeting: why, in the words partners will read in the cancellation."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from facilitate.tui.dialogs.form import FormDialog, buttons, field
from facilitate.tui.widgets.text_field import TextField


class CancelMeetingDialog(FormDialog[str]):
    """Returns the reason, or None when cancelled. A reason is needed: partners are told it."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(f"Cancel “{self.title_text}”", classes="dialog-title", markup=False)
            yield Static(
                "Partners get a cancellation (p) that removes it from their calendars; "
                "x here again takes it back.",
                classes="dialog-help",
            )
            yield field("Why", TextField(id="reason", placeholder="The room flooded"))
            yield Label("", id="error", classes="form-error")
            yield buttons("Cancel the meeting (enter)")

    def on_mount(self) -> None:
        self.query_one("#reason", Input).focus()

    def read(self) -> str:
        reason = " ".join(self.query_one("#reason", Input).value.split())
        if not reason:
            # Kept open: partners are told why.
            raise ValueError("Why: say why it is cancelled; partners are told")
        return reason
