"""Check in someone who is not in the records: a name and, if they sit for one, an organization."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from facilitate.services.directory import Choice
from facilitate.tui.dialogs.form import field


@dataclass(frozen=True)
class GuestFields:
    name: str
    organization_id: str | None


class GuestDialog(ModalScreen[GuestFields | None]):
    """Returns the guest's name and organization (None when they sit for none), or None when
    cancelled. The name is required; the form says so rather than closing."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="guest.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="guest.cancel"),
    ]

    def __init__(self, organizations: Sequence[Choice]) -> None:
        super().__init__()
        self.organizations = list(organizations)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Add a guest", classes="dialog-title")
            yield Static(
                "Someone at the table who is not in the records. They are checked in as "
                "present; guests never count toward the quorum number, but they can sit for a "
                "required organization.",
                classes="dialog-help",
            )
            yield field("Name", Input(id="guest-name", placeholder="e.g. Rosa Delgado"))
            yield field(
                "Organization",
                Select(
                    [(c.label, c.value) for c in self.organizations],
                    id="guest-org",
                    prompt="(none)",
                ),
            )
            yield Label("", id="error", classes="form-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Check in (ctrl+s)", id="save", variant="primary", compact=True)
                yield Button("Cancel (esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#guest-name", Input).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def on_input_submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        name = " ".join(self.query_one("#guest-name", Input).value.split())
        if not name:
            self.query_one("#error", Label).update("Name is empty: who is the guest?")
            self.query_one("#guest-name", Input).focus()
            return
        org = self.query_one("#guest-org", Select).value
        self.dismiss(GuestFields(name, org if isinstance(org, str) else None))

    def action_cancel(self) -> None:
        self.dismiss(None)
