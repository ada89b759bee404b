"""Partner organizations: the form to add or edit one (its name, the short name tables show,
its kind, the language its packets are written in), and the list where each is added, edited,
retired or deleted."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.markup import escape
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, DataTable, Input, Label, Select, Static

from facilitate.models import Organization, Person
from facilitate.models.enums import OrgKind
from facilitate.services.people import roster
from facilitate.services.people.roster import ORG_KIND_LABELS, require_name
from facilitate.services.people.roster import OrganizationFields as OrganizationFields  # callers
from facilitate.services.record import settings
from facilitate.services.record.i18n import CATALOGUES, DEFAULT_LANGUAGE
from facilitate.tui.dialogs.confirm import ConfirmDialog
from facilitate.tui.dialogs.form import FormDialog, buttons, field
from facilitate.tui.feedback import USER_ERRORS
from facilitate.tui.widgets.table import Table
from facilitate.tui.widgets.text_field import TextField

if TYPE_CHECKING:
    from facilitate.store import Store
    from facilitate.tui.app import FacilitateApp


# The app's screens are English, so the form names a language in English first, then in
# itself where that differs: "Spanish (Español)".
LANGUAGE_CHOICES = [
    (
        words.english_name
        if words.english_name == words.name
        else f"{words.english_name} ({words.name})",
        code,
    )
    for code, words in CATALOGUES.items()
]


@dataclass(frozen=True)
class OrganizationAnswer:
    """What the form gives: the organization's fields, and the language of its packets (kept
    beside them, as `record.settings` keeps it)."""

    fields: OrganizationFields
    language: str = DEFAULT_LANGUAGE


class OrganizationDialog(FormDialog[OrganizationAnswer]):
    """Returns the filled-in fields, or None when cancelled. `check` may refuse them (say, a name
    already taken) with a RosterError, shown in the form."""

    def __init__(
        self,
        organization: Organization | None = None,
        *,
        check: Callable[[OrganizationFields], None] | None = None,
        language: str = DEFAULT_LANGUAGE,
    ) -> None:
        """`language`: the one the organization's packets are written in now."""
        super().__init__()
        self.organization = organization
        self.check = check
        self.language = language

    def compose(self) -> ComposeResult:
        org = self.organization
        with VerticalScroll(classes="dialog"):
            yield Static(f"Edit {org.name}" if org else "New organization", classes="dialog-title")
            yield field("Name", TextField(org.name if org else "", id="name"))
            yield field(
                "Short name",
                TextField(
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
            yield field(
                "Packets in",
                Select(LANGUAGE_CHOICES, id="language", allow_blank=False, value=self.language),
            )
            yield field("Notes", TextField(org.notes if org else "", id="notes"))
            yield Label("", id="error", classes="form-error")
            yield buttons()

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    def read(self) -> OrganizationAnswer:
        # RosterError is a ValueError: FormDialog shows its message and keeps the form as typed.
        kind = self.query_one("#kind", Select).value
        language = self.query_one("#language", Select).value
        fields = OrganizationFields(
            name=require_name(self.query_one("#name", Input).value, "Organization name"),
            short_name=self.query_one("#short-name", Input).value.strip(),
            kind=OrgKind(kind) if isinstance(kind, str) else OrgKind.OTHER,
            notes=self.query_one("#notes", Input).value.strip(),
        )
        if self.check is not None:
            self.check(fields)
        return OrganizationAnswer(
            fields, language if isinstance(language, str) else DEFAULT_LANGUAGE
        )


class OrganizationsDialog(ModalScreen[bool]):
    """Every partner organization, retired ones too. Each change is saved at once; returns True
    when anything changed. A retired organization stays in the history that names it and is
    offered for nothing new; only one nothing names can be deleted."""

    BINDINGS = [
        Binding("a", "add", "Add", id="organizations.add"),
        Binding("e", "edit", "Edit", id="organizations.edit"),
        Binding("x", "toggle_active", "Retire/back", id="organizations.retire"),
        Binding("d,delete", "delete", "Delete", id="organizations.delete"),
        Binding("escape", "close", "Close", id="organizations.close"),
    ]

    def __init__(self, select_id: str | None = None) -> None:
        super().__init__()
        self.select_id = select_id
        self.changed = False

    @property
    def store(self) -> Store:
        return cast("FacilitateApp", self.app).store

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Organizations", classes="dialog-title")
            yield Static(
                "a adds · e or Enter edits · x retires or brings back · d deletes one added by "
                "mistake",
                classes="dialog-help",
            )
            yield Table(id="org-table", cursor_type="row")
            yield Label("", id="error", classes="form-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Close (esc)", id="close", compact=True)

    def on_mount(self) -> None:
        table = self.query_one("#org-table", DataTable)
        # Inline, because the app stylesheet's `DataTable { height: 1fr }` outranks DEFAULT_CSS.
        table.styles.height = "auto"
        table.styles.max_height = 14
        # Fixed widths: all five columns fit the dialog at 80 columns.
        for label, width in (("Name", 24), ("Short", 12), ("Kind", 10), ("People", 6)):
            table.add_column(label, width=width)
        table.add_column("Status", width=7)
        self.refresh_organizations(self.select_id)
        table.focus()

    def refresh_organizations(self, select_id: str | None = None) -> None:
        table = self.query_one("#org-table", DataTable)
        keep = select_id or self.selected_id()
        people = Counter(p.organization_id for p in self.store.find(Person))
        table.clear()
        for org in self.store.find(Organization, order_by="name"):
            style = "" if org.active else "dim"
            table.add_row(
                *(
                    Text(value, style=style, no_wrap=True, overflow="ellipsis")
                    for value in (
                        org.name,
                        org.short_name,
                        ORG_KIND_LABELS[org.kind],
                        str(people[org.id]),
                        "active" if org.active else "retired",
                    )
                ),
                key=org.id,
            )
        if keep is not None and keep in [row.value for row in table.rows]:
            table.move_cursor(row=table.get_row_index(keep))

    def selected_id(self) -> str | None:
        table = self.query_one("#org-table", DataTable)
        if table.row_count == 0:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return row_key.value

    def _say(self, message: str = "") -> None:
        self.query_one("#error", Label).update(escape(message))

    def _done(self, select_id: str | None = None) -> None:
        self.changed = True
        self._say()
        self.refresh_organizations(select_id)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_edit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_close()

    # -- actions ------------------------------------------------------------------------------

    @work
    async def action_add(self) -> None:
        org = await add_organization(self)
        if org is not None:
            self._done(org.id)

    @work
    async def action_edit(self) -> None:
        org_id = self.selected_id()
        if org_id is None:
            return
        if await edit_organization(self, org_id):
            self._done(org_id)

    def action_toggle_active(self) -> None:
        org_id = self.selected_id()
        if org_id is None:
            return
        try:
            org = self.store.get(Organization, org_id)
            roster.set_organization_active(self.store, org_id, not org.active)
        except USER_ERRORS as error:
            self._say(str(error))
            return
        self._done(org_id)
        if org.active:
            self.notify(f"{org.name} is retired: kept in the record, offered for nothing new")
        else:
            self.notify(f"{org.name} is active again")

    @work
    async def action_delete(self) -> None:
        org_id = self.selected_id()
        if org_id is None:
            return
        name = self.store.get(Organization, org_id).name
        if not await self.app.push_screen_wait(
            ConfirmDialog(f"Delete {name}? Only one nothing in the record names can go.")
        ):
            return
        try:
            roster.delete_organization(self.store, org_id)
        except USER_ERRORS as error:
            self._say(str(error))
            return
        self._done()
        self.notify(f"Deleted {name}")

    def action_close(self) -> None:
        self.dismiss(self.changed)


async def add_organization(screen: ModalScreen[bool] | Screen[None]) -> Organization | None:
    """Open the form for a new organization and add it; None when cancelled or refused (the
    refusal shown as a notification). The roster's list and set-up both add through here."""
    store = cast("FacilitateApp", screen.app).store

    def check(fields: OrganizationFields) -> None:
        roster.check_organization(store, fields.name)

    answer = await screen.app.push_screen_wait(OrganizationDialog(check=check))
    if answer is None:
        return None
    fields = answer.fields
    try:
        with store.transaction():
            org = roster.add_organization(
                store,
                fields.name,
                short_name=fields.short_name,
                kind=fields.kind,
                notes=fields.notes,
            )
            if answer.language != DEFAULT_LANGUAGE:
                settings.set_organization_language(store, org.id, answer.language)
    except USER_ERRORS as error:
        screen.notify(str(error), severity="error", timeout=8)
        return None
    screen.notify(f"Added {org.name}")
    return org


async def edit_organization(screen: ModalScreen[bool] | Screen[None], org_id: str) -> bool:
    """Open the form on an organization and save what was changed; True when saved. A refusal
    (a clash with another window's edit) is shown as a notification."""
    store = cast("FacilitateApp", screen.app).store
    org = store.get(Organization, org_id)

    def check(fields: OrganizationFields) -> None:
        roster.check_organization(store, fields.name, exclude_id=org_id)

    language = settings.organization_language(store, org_id)
    answer = await screen.app.push_screen_wait(
        OrganizationDialog(org, check=check, language=language)
    )
    if answer is None:
        return False
    try:
        with store.transaction():
            roster.edit_organization(
                store, org_id, answer.fields, was=roster.organization_fields(org)
            )
            # Written only when changed here, so another window's choice of language stands.
            if answer.language != language:
                settings.set_organization_language(store, org_id, answer.language)
    except USER_ERRORS as error:
        screen.notify(str(error), severity="error", timeout=8)
        return False
    return True
