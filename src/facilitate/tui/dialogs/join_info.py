"""How to join a meeting, as text: in person, a phone number and code, a video link."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from facilitate.services.plan.join_info import check_join_info
from facilitate.tui.dialogs.form import FormDialog, buttons, field
from facilitate.tui.widgets.text_field import TextField


class JoinInfoDialog(FormDialog[str]):
    """Returns the text (empty clears it), or None when cancelled."""

    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("How to join", classes="dialog-title")
            yield Static(
                "Printed in the agenda and the calendar invitation, as you write it.",
                classes="dialog-help",
            )
            yield field(
                "How",
                TextField(
                    self.current,
                    id="join",
                    placeholder="Video: https://… · Phone: 555-0100, code 4471#",
                ),
            )
            yield Label("", id="error", classes="form-error")
            yield buttons("Save (enter)")

    def on_mount(self) -> None:
        self.query_one("#join", Input).focus()

    def read(self) -> str:
        # Checked here, so text over the limit keeps the dialog open with what was typed.
        return check_join_info(self.query_one("#join", Input).value)
