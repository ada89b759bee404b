"""Add or edit a partner organization: its name, the short name tables show, and its kind."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Label, Select, Static

from facilitate.models import Organization
from facilitate.models.enums import OrgKind
from facilitate.services.people.roster import ORG_KIND_LABELS, require_name
from facilitate.tui.dialogs.form import FormDialog, buttons, field


@dataclass(frozen=True)
class OrganizationFields:
    name: str
    short_name: str
    kind: OrgKind
    notes: str


class OrganizationDialog(FormDialog[OrganizationFields]):
    """Returns the filled-in fields, or None when cancelled. `check` may refuse them (say, a name
    already taken) with a RosterError, shown in the form."""

    def __init__(
        self,
        organization: Organization | None = None,
        *,
        check: Callable[[OrganizationFields], None] | None = None,
    ) -> None:
        super().__init__()
        self.organization = organization
        self.check = check

    def compose(self) -> ComposeResult:
        org = self.organization
        with VerticalScroll(classes="dialog"):
            yield Static(f"Edit {org.name}" if org else "New organization", classes="dialog-title")
            yield field("Name", Input(org.name if org else "", id="name"))
            yield field(
                "Short name",
                Input(
                    org.short_name if org else "",
                    id="short-name",
                    placeholder="what tables show, e.g. CFS",
                ),
            )
            yield field(
                "Kind",
                Select(
                    [(label, kind) for kind, label in ORG_KIND_LABELS.items()],
                    id="kind",
                    allow_blank=False,
                    value=org.kind if org else OrgKind.OTHER,
                ),
            )
            yield field("Notes", Input(org.notes if org else "", id="notes"))
            yield Label("", id="error", classes="form-error")
            yield buttons()

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    def read(self) -> OrganizationFields:
        # RosterError is a ValueError: FormDialog shows its message and keeps the form as typed.
        kind = self.query_one("#kind", Select).value
        fields = OrganizationFields(
            name=require_name(self.query_one("#name", Input).value, "Organization name"),
            short_name=self.query_one("#short-name", Input).value.strip(),
            kind=OrgKind(kind) if isinstance(kind, str) else OrgKind.OTHER,
            notes=self.query_one("#notes", Input).value.strip(),
        )
        if self.check is not None:
            self.check(fields)
        return fields
