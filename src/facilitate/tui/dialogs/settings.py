"""Who coordinates (the name and address that sign every e-mail draft) and the time zone
meetings are held in, as `facilitate settings` sets them. Reached from set-up's last step and
from the command palette ("Settings")."""

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
from facilitate.tui.widgets.text_field import TextField

if TYPE_CHECKING:
    from facilitate.store import Store


Save = Callable[[str, str, str], Settings]
"""Stores the name, e-mail and time zone typed, and returns the settings as stored."""


class SettingsDialog(FormDialog[Settings]):
    """The coordinator's name and e-mail and the time zone; ctrl+s (or enter in the last field)
    stores them through `save`, which refuses a bad value with a ValueError shown here, the
    dialog kept open as typed."""

    # Typed one after another: Enter after the name moves to the address, as in a paper form.
    LAST_FIELD = "time-zone"

    def __init__(
        self,
        current: Settings,
        save: Save,
        *,
        local_zone: str = "",
        offered_zone: str = "",
        first_field: str = "coordinator-name",
    ) -> None:
        """`save(name, email, time_zone)` stores all three; `local_zone` is this computer's,
        the one meetings keep when no time zone is set; `offered_zone` fills the time zone
        in while none is set (set-up offers this computer's); `first_field` is the id of the
        field the cursor starts in."""
        super().__init__()
        self.current = current
        self.save = save
        self.local_zone = local_zone
        self.offered_zone = offered_zone
        self.first_field = first_field

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            here = f"this computer's, {self.local_zone}" if self.local_zone else "this computer's"
            yield Static("Settings: who coordinates, and when", classes="dialog-title")
            yield Static(
                "Your name signs every e-mail draft (calls for items, agendas, minutes) and "
                "your address is the one they come from. Meetings' times are in the time zone "
                f"(unset: {here}). Leave a field empty to unset it.",
                classes="dialog-help",
                markup=False,
            )
            yield field(
                "Your name",
                TextField(
                    self.current.coordinator_name,
                    id="coordinator-name",
                    placeholder="e.g. your name",
                ),
            )
            yield field(
                "Your e-mail",
                TextField(
                    self.current.coordinator_email,
                    id="coordinator-email",
                    placeholder="name@agency.org",
                ),
            )
            yield field(
                "Time zone",
                TextField(
                    self.current.time_zone or self.offered_zone,
                    id="time-zone",
                    placeholder="e.g. America/Chicago",
                ),
            )
            yield Label("", id="error", classes="form-error")
            yield buttons()

    def on_mount(self) -> None:
        self.query_one(f"#{self.first_field}", Input).focus()

    def read(self) -> Settings:
        name = self.query_one("#coordinator-name", Input).value
        email = self.query_one("#coordinator-email", Input).value
        zone = self.query_one("#time-zone", Input).value
        try:
            return self.save(name, email, zone)
        except USER_ERRORS as error:  # a refusal, or the file locked by another window
            raise ValueError(str(error)) from None


def settings_dialog(
    store: Store, *, offer_zone: bool = False, first_field: str = "coordinator-name"
) -> SettingsDialog:
    """The dialog on the settings as stored now; it writes only what the person changes. With
    `offer_zone` (set-up asking), an unset time zone comes filled in with this computer's when
    it is a real one (`settings.zone_to_offer`), stored on saving unless the person changes it."""
    current = settings.read(store)
    offered = settings.zone_to_offer() if offer_zone else ""

    def save(name: str, email: str, zone: str) -> Settings:
        wanted = {
            settings.COORDINATOR_NAME: name,
            settings.COORDINATOR_EMAIL: email,
            settings.TIME_ZONE: zone,
        }
        return settings.set_changed(store, wanted, was=current)

    return SettingsDialog(
        current,
        save,
        local_zone=settings.local_zone(),
        offered_zone=offered,
        first_field=first_field,
    )
