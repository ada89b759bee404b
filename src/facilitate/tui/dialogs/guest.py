"""Check in someone who is not in the records: a name and, if they sit for one, an organization."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Select, Static

from facilitate.services.people.directory import Choice
from facilitate.tui.dialogs.form import FormDialog, buttons, field


@dataclass(frozen=True)
class GuestFields:
    name: str
    organization_id: str | None


class GuestDialog(FormDialog[GuestFields]):
    """Returns the guest's name and organization (None when they sit for none), or None when
    cancelled. The name is required; the form says so rather than closing."""

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
            yield buttons("Check in (ctrl+s)")

    def on_mount(self) -> None:
        self.query_one("#guest-name", Input).focus()

    def read(self) -> GuestFields:
        name = " ".join(self.query_one("#guest-name", Input).value.split())
        if not name:
            self.query_one("#guest-name", Input).focus()
            raise ValueError("Name is empty: who is the guest?")
        org = self.query_one("#guest-org", Select).value
        return GuestFields(name, org if isinstance(org, str) else None)
