"""Who coordinates: the name and address that sign every e-mail draft, as `facilitate settings`
sets them. Reached from set-up's last step and from the command palette ("Settings")."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from facilitate.services.record import settings
from facilitate.services.record.settings import Settings
from facilitate.tui.dialogs.form import FormDialog, buttons, field
from facilitate.tui.feedback import USER_ERRORS

if TYPE_CHECKING:
    from facilitate.store import Store


class SettingsDialog(FormDialog[Settings]):
    """The coordinator's name and e-mail; ctrl+s (or enter) stores them through `save`, which
    refuses a bad value with a ValueError shown here, the dialog kept open as typed."""

    def __init__(self, current: Settings, save: Callable[[str, str], Settings]) -> None:
        """`save(name, email)` stores both and returns the settings as stored."""
        super().__init__()
        self.current = current
        self.save = save

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Settings: who coordinates", classes="dialog-title")
            yield Static(
                "Your name signs every e-mail draft (calls for items, agendas, minutes) and "
                "your address is the one they come from. Leave a field empty to unset it.",
                classes="dialog-help",
            )
            yield field(
                "Your name",
                Input(self.current.coordinator_name, id="coordinator-name", placeholder="Sofia"),
            )
            yield field(
                "Your e-mail",
                Input(
                    self.current.coordinator_email,
                    id="coordinator-email",
                    placeholder="sofia@example.org",
                ),
            )
            yield Label("", id="error", classes="form-error")
            yield buttons()

    def on_mount(self) -> None:
        self.query_one("#coordinator-name", Input).focus()

    def read(self) -> Settings:
        name = self.query_one("#coordinator-name", Input).value
        email = self.query_one("#coordinator-email", Input).value
        try:
            return self.save(name, email)
        except USER_ERRORS as error:  # a refusal, or the file locked by another window
            raise ValueError(str(error)) from None


def settings_dialog(store: Store) -> SettingsDialog:
    """The dialog on the settings as stored now; it writes only what the person changes."""
    current = settings.read(store)
    return SettingsDialog(
        current, lambda name, email: settings.set_coordinator(store, name, email, was=current)
    )
