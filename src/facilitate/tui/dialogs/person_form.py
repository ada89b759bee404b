"""Add or edit one partner: contact details, which roles they will take and are ready for, and
the dates they are away. Also the smaller form that fixes one row of a spreadsheet import."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Checkbox, Input, Label, Select, SelectionList, Static
from textual.widgets.selection_list import Selection

from facilitate.models import Person, RoleDef
from facilitate.services.people.directory import Choice
from facilitate.services.people.roster import PersonFields as PersonFields  # callers' import
from facilitate.services.people.roster import (
    clean_email,
    parse_unavailable,
    require_name,
)
from facilitate.tui.dialogs.form import FormDialog, buttons, field
from facilitate.tui.widgets.check_list import CheckList
from facilitate.tui.widgets.text_field import TextField

ROLES_HELP = (
    "[X] ticked, [ ] not: space ticks the highlighted role. Nobody is given a role they have "
    "not said they will take."
)


class PersonDialog(FormDialog[PersonFields]):
    """Returns the filled-in fields, or None when cancelled. Ticking "ready" ticks "willing"
    too; unticking "willing" unticks "ready"."""

    DEFAULT_CSS = """
    PersonDialog #person-roles { height: auto; margin-top: 1; }
    PersonDialog #person-roles > Vertical { width: 1fr; height: auto; }
    PersonDialog #person-roles Label { color: $text-muted; }
    PersonDialog .field Checkbox { width: 1fr; background: transparent; }
    """

    def __init__(
        self,
        *,
        organizations: Sequence[Choice],
        roles: Sequence[RoleDef],
        today: date,
        person: Person | None = None,
        check: Callable[[PersonFields], None] | None = None,
    ) -> None:
        super().__init__()
        self.organizations = list(organizations)
        self.today = today
        self.person = person
        self.check = check
        # Roles the person holds that no catalogue lists any more stay pickable (and kept).
        known = {role.key for role in roles}
        held = [*person.willing_roles, *person.ready_roles] if person else []
        self.roles = list(roles) + [
            RoleDef(key=key, name=key.replace("_", " ").capitalize())
            for key in dict.fromkeys(held)
            if key not in known
        ]

    def compose(self) -> ComposeResult:
        person = self.person
        orgs = [(c.label, c.value) for c in self.organizations]
        willing = set(person.willing_roles) if person else set()
        ready = set(person.ready_roles) if person else set()
        upcoming = [d for d in person.unavailable if d >= self.today] if person else []
        with VerticalScroll(classes="dialog"):
            yield Static(f"Edit {person.name}" if person else "New person", classes="dialog-title")
            yield field("Name", TextField(person.name if person else "", id="name"))
            org_value = person.organization_id if person and person.organization_id else None
            yield field(
                "Organization",
                Select(
                    orgs,
                    id="organization",
                    prompt="(none)",
                    value=org_value if org_value else Select.NULL,
                ),
            )
            yield field(
                "Email",
                TextField(
                    person.email if person else "", id="email", placeholder="name@example.org"
                ),
            )
            yield field("Phone", TextField(person.phone if person else "", id="phone"))
            yield field("Notes", TextField(person.notes if person else "", id="notes"))
            yield field(
                "Unavailable",
                TextField(
                    ", ".join(d.isoformat() for d in upcoming),
                    id="unavailable",
                    placeholder="dates, comma-separated: 12/24, dec 31, next fri",
                ),
            )
            yield field(
                "Status", Checkbox("Active", person.active if person else True, id="active")
            )
            with Horizontal(id="person-roles"):
                with Vertical():
                    yield Label("Willing to take:")
                    yield CheckList(
                        *(Selection(r.name, r.key, r.key in willing) for r in self.roles),
                        id="willing",
                        compact=True,
                    )
                with Vertical():
                    yield Label("Ready for (★ needs it):")
                    yield CheckList(
                        *(
                            Selection(
                                f"{r.name} ★" if r.requires_readiness else r.name,
                                r.key,
                                r.key in ready,
                            )
                            for r in self.roles
                        ),
                        id="ready",
                        compact=True,
                    )
            yield Static(ROLES_HELP, id="person-roles-help", classes="dialog-help", markup=False)
            yield Label("", id="error", classes="form-error")
            yield buttons("Save (ctrl+s)")

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    def on_selection_list_selection_toggled(
        self, event: SelectionList.SelectionToggled[str]
    ) -> None:
        """Ready implies willing: keep the two lists consistent as the user ticks."""
        key = event.selection.value
        willing = self.query_one("#willing", SelectionList)
        ready = self.query_one("#ready", SelectionList)
        if event.selection_list is ready and key in ready.selected:
            willing.select(key)
        elif event.selection_list is willing and key not in willing.selected:
            ready.deselect(key)

    def read(self) -> PersonFields:
        fields = self._fields()
        if self.check is not None:
            self.check(fields)
        return fields

    def _fields(self) -> PersonFields:
        organization = self.query_one("#organization", Select).value
        ready: list[str] = self.query_one("#ready", SelectionList).selected
        willing: list[str] = self.query_one("#willing", SelectionList).selected
        order = [r.key for r in self.roles]
        return PersonFields(
            name=require_name(self.query_one("#name", Input).value),
            organization_id=organization if isinstance(organization, str) else None,
            email=clean_email(self.query_one("#email", Input).value),
            phone=self.query_one("#phone", Input).value.strip(),
            notes=self.query_one("#notes", Input).value.strip(),
            active=self.query_one("#active", Checkbox).value,
            willing_roles=tuple(k for k in order if k in willing or k in ready),
            ready_roles=tuple(k for k in order if k in ready),
            unavailable=tuple(
                parse_unavailable(self.query_one("#unavailable", Input).value, self.today)
            ),
        )


class ImportRowDialog(FormDialog[dict[str, str]]):
    """Fix one row of a spreadsheet import: returns its values by field, or None when
    cancelled. `check` names what is still wrong; the form stays open until nothing is."""

    def __init__(
        self,
        line: int,
        values: Mapping[str, str],
        *,
        labels: Mapping[str, str],
        check: Callable[[dict[str, str]], Sequence[str]],
    ) -> None:
        super().__init__()
        self.line = line
        self.values = dict(values)
        self.labels = dict(labels)
        self.check = check

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static(f"Fix row {self.line}", classes="dialog-title")
            yield Static(
                "Roles: names separated by commas (e.g. Note-taker, Timekeeper). "
                "The spreadsheet itself is not changed.",
                classes="dialog-help",
            )
            for name, label in self.labels.items():
                yield field(label, TextField(self.values.get(name, ""), id=f"row-{name}"))
            yield Label("", id="error", classes="form-error")
            yield buttons("Keep (ctrl+s)")

    def on_mount(self) -> None:
        self.query(Input).first().focus()

    def read(self) -> dict[str, str]:
        values = {name: self.query_one(f"#row-{name}", Input).value for name in self.labels}
        problems = self.check(values)
        if problems:
            raise ValueError("; ".join(problems))
        return values
