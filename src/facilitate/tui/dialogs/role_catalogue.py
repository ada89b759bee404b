"""A series' role catalogue: which roles its meetings rotate, which need readiness first, which
lead. Every change is saved the moment it is made."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.markup import escape
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from facilitate.models import MeetingSeries
from facilitate.services.people import roster
from facilitate.services.people.directory import Choice
from facilitate.services.people.roster import DEFAULT_ROLE_KEYS, RosterError
from facilitate.tui.dialogs.confirm import ConfirmDialog
from facilitate.tui.dialogs.form import field
from facilitate.tui.widgets.table import Table
from facilitate.tui.widgets.text_field import TextField

if TYPE_CHECKING:
    from facilitate.store import Store
    from facilitate.tui.app import FacilitateApp


class SeriesPickerDialog(ModalScreen[str | None]):
    """Pick one meeting series; returns its id, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="series_picker.cancel")]

    def __init__(self, series: Sequence[Choice], *, title: str = "Which series?") -> None:
        super().__init__()
        self.series = list(series)
        self.heading = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.heading, classes="dialog-title")
            yield OptionList(*(Option(c.label, id=c.value) for c in self.series), id="series")

    def on_mount(self) -> None:
        self.query_one("#series", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option_id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class RoleCatalogueDialog(ModalScreen[bool]):
    """The roles of one series. Returns True when anything was changed."""

    DEFAULT_CSS = """
    RoleCatalogueDialog #new-role-row { margin-top: 1; }
    RoleCatalogueDialog #new-key { width: auto; color: $text-muted; padding-left: 1; }
    """

    BINDINGS = [
        Binding("a", "add", "Add role", id="roles.add"),
        Binding("r", "flip('requires_readiness')", "Needs readiness", id="roles.readiness"),
        Binding("l", "flip('lead')", "Lead", id="roles.lead"),
        Binding("d,delete", "remove", "Remove", id="roles.remove"),
        Binding("escape", "close", "Close", id="roles.close"),
    ]

    def __init__(self, series_id: str) -> None:
        super().__init__()
        self.series_id = series_id
        self.changed = False

    @property
    def store(self) -> Store:
        return cast("FacilitateApp", self.app).store

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(id="roles-title", classes="dialog-title")
            yield Static(
                "r needs readiness · l lead · d removes a custom role · a adds one",
                classes="dialog-help",
            )
            yield Table(id="role-table", cursor_type="row")
            with Horizontal(id="new-role-row", classes="field"):
                yield field(
                    "New role",
                    TextField(
                        id="new-role", placeholder="name, then Enter (e.g. Cultural liaison)"
                    ),
                )
                yield Label("", id="new-key")
            yield Label("", id="error", classes="form-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Close (esc)", id="close", compact=True)

    def on_mount(self) -> None:
        table = self.query_one("#role-table", DataTable)
        # Inline, because the app stylesheet's `DataTable { height: 1fr }` outranks DEFAULT_CSS.
        table.styles.height = "auto"
        table.styles.max_height = 12
        table.add_columns("Role", "Key", "Readiness", "Lead", "")
        self.refresh_roles()
        table.focus()

    def refresh_roles(self, select_key: str | None = None) -> None:
        series = self.store.get(MeetingSeries, self.series_id)
        self.query_one("#roles-title", Static).update(f"Roles of {escape(series.name)}")
        table = self.query_one("#role-table", DataTable)
        keep = select_key or self.selected_key()
        table.clear()
        for role in series.roles:
            standard = role.key in DEFAULT_ROLE_KEYS
            table.add_row(
                role.name,
                role.key,
                "needed" if role.requires_readiness else "—",
                "lead" if role.lead else "—",
                Text("standard", style="dim") if standard else "custom",
                key=role.key,
            )
        if keep is not None and keep in [r.value for r in table.rows]:
            table.move_cursor(row=table.get_row_index(keep))

    def selected_key(self) -> str | None:
        table = self.query_one("#role-table", DataTable)
        if table.row_count == 0:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return row_key.value

    def _say(self, message: str = "") -> None:
        self.query_one("#error", Label).update(escape(message))

    # -- actions ------------------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        key = roster.role_key(event.value)
        self.query_one("#new-key", Label).update(f"key: {escape(key)}" if key else "")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        try:
            role = roster.add_role(self.store, self.series_id, event.value)
        except RosterError as error:
            self._say(str(error))
            return
        self.changed = True
        self._say()
        event.input.value = ""
        self.refresh_roles(select_key=role.key)
        self.query_one("#role-table", DataTable).focus()
        self.notify(f"Added {role.name}: r marks it as needing readiness, l as a lead role")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_close()

    def action_add(self) -> None:
        self.query_one("#new-role", Input).focus()

    def action_flip(self, flag: str) -> None:
        key = self.selected_key()
        if key is None:
            return
        role = next(r for r in roster.role_catalogue(self.store, self.series_id) if r.key == key)
        try:
            if flag == "lead":
                roster.update_role(self.store, self.series_id, key, lead=not role.lead)
            else:
                roster.update_role(
                    self.store,
                    self.series_id,
                    key,
                    requires_readiness=not role.requires_readiness,
                )
        except RosterError as error:
            self._say(str(error))
            return
        self.changed = True
        self._say()
        self.refresh_roles(select_key=key)

    @work
    async def action_remove(self) -> None:
        key = self.selected_key()
        if key is None:
            return
        if key in DEFAULT_ROLE_KEYS:
            # Let the service say why; nothing to confirm.
            try:
                roster.remove_role(self.store, self.series_id, key)
            except RosterError as error:
                self._say(str(error))
            return
        name = str(self.query_one("#role-table", DataTable).get_row(key)[0])
        if not await self.app.push_screen_wait(
            ConfirmDialog(f"Remove the role “{name}” from this series?")
        ):
            return
        try:
            roster.remove_role(self.store, self.series_id, key)
        except RosterError as error:
            self._say(str(error))
            return
        self.changed = True
        self._say()
        self.refresh_roles()

    def action_close(self) -> None:
        new_role = self.query_one("#new-role", Input)
        if new_role.has_focus:
            # Escape leaves the name field first (keeping what was typed); again closes.
            self.query_one("#role-table", DataTable).focus()
            return
        self.dismiss(self.changed)
