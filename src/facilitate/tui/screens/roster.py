"""The roster: who the partners are, which roles each will take and is ready for, when they are
away, and which bodies they sit on. Shared leadership starts from an honest roster.

People are added, imported from a spreadsheet, edited, deactivated, and deleted only when
nothing in the record names them; organizations are managed from their own list (o)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from facilitate.models import Organization, Person, RoleDef
from facilitate.services.people import directory, roster
from facilitate.services.people.roster import ORG_KIND_LABELS, PersonFields, RosterError, RosterRow
from facilitate.tui import people_flows
from facilitate.tui.dialogs.confirm import ConfirmDialog
from facilitate.tui.dialogs.memberships import MembershipsDialog
from facilitate.tui.dialogs.organization_form import OrganizationsDialog, edit_organization
from facilitate.tui.dialogs.person_form import PersonDialog
from facilitate.tui.dialogs.role_catalogue import RoleCatalogueDialog, SeriesPickerDialog
from facilitate.tui.feedback import reported
from facilitate.tui.screens.people_import import PeopleImportScreen
from facilitate.tui.widgets.key_bar import KeyBar
from facilitate.tui.widgets.table import Table

if TYPE_CHECKING:
    from facilitate.store import Store
    from facilitate.tui.app import FacilitateApp

# Short names for the table; the detail line under it spells every role out.
ROLE_SHORT = {
    "facilitator": "Fac",
    "co_facilitator": "Co",
    "note_taker": "Notes",
    "timekeeper": "Time",
    "process_observer": "Obs",
}

# Columns and the narrowest each gets: at 80 columns (less a scrollbar and two cells of padding
# per column) they add up to the 64 cells there are. Wider terminals give the extra to the columns
# whose text is cut, a cell at a time.
COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("name", "Name", 18),
    ("org", "Org", 12),
    ("active", "Act", 3),
    ("willing", "Willing", 11),
    ("ready", "Ready", 5),
    ("away", "Away", 6),
    ("bodies", "Bodies", 9),
)
GROWS = ("name", "org", "bodies", "willing", "ready")


def column_widths(available: int, wanted: dict[str, int]) -> dict[str, int]:
    """Widths for `available` cells of content: every column its minimum, then the spare cells
    shared round-robin among growing columns until each fits its longest text."""
    widths = {key: minimum for key, _, minimum in COLUMNS}
    spare = available - sum(widths.values())
    while spare > 0:
        hungry = [key for key in GROWS if widths[key] < wanted.get(key, 0)]
        if not hungry:
            break
        for key in hungry[:spare]:
            widths[key] += 1
        spare -= min(spare, len(hungry))
    return widths


@contextmanager
def refused(app: App[object]) -> Iterator[None]:
    """`reported`, plus the roster's own refusals, as notifications."""
    with reported(app):
        try:
            yield
        except RosterError as error:
            app.notify(str(error), severity="error", timeout=8)


def short_role(role: RoleDef) -> str:
    return ROLE_SHORT.get(role.key) or role.name.split()[0][:6]


def roles_cell(keys: Sequence[str], catalogue: Sequence[RoleDef]) -> str:
    """Roles as the table shows them: "all", "all but Fac", or short names."""
    known = {role.key: role for role in catalogue}
    held = [role for role in catalogue if role.key in keys]
    missing = [role for role in catalogue if role.key not in keys]
    extra = [k for k in keys if k not in known]
    if held and not missing and not extra:
        return "all"
    if len(missing) == 1 and len(held) >= 3 and not extra:
        return f"all but {short_role(missing[0])}"
    return " ".join([*(short_role(r) for r in held), *extra])


def role_names(keys: Sequence[str], catalogue: Sequence[RoleDef]) -> str:
    names = {role.key: role.name for role in catalogue}
    return ", ".join(names.get(k, k.replace("_", " ")) for k in keys) or "none"


class RosterScreen(Screen[None]):
    """People, organizations, memberships and role catalogues. Every change is saved at once."""

    DEFAULT_CSS = """
    RosterScreen #roster-info { padding: 0 1; height: 1; color: $text-muted; }
    RosterScreen #people { height: 1fr; }
    RosterScreen #person-detail {
        height: auto;
        max-height: 8;
        padding: 0 1;
        border-top: solid $primary-darken-2;
    }
    """

    BINDINGS = [
        Binding("a", "add_person", "Add", id="roster.add_person", tooltip="Add a person (a)"),
        Binding("e", "edit_person", "Edit", id="roster.edit_person", tooltip="Edit person (e)"),
        Binding(
            "x",
            "toggle_active",
            "Active",
            id="roster.toggle_active",
            tooltip="Mark the person active or inactive (x)",
        ),
        Binding(
            "d,delete",
            "delete_person",
            "Delete",
            id="roster.delete_person",
            tooltip="Delete a person nothing in the record names, e.g. added by mistake (d)",
        ),
        Binding(
            "i",
            "import_people",
            "Import",
            id="roster.import",
            tooltip="Import people from a spreadsheet (CSV) (i)",
        ),
        Binding(
            "o",
            "organizations",
            "Orgs",
            id="roster.organizations",
            tooltip="Organizations: add, edit, retire, delete (o)",
        ),
        Binding(
            "O,shift+o",
            "edit_organization",
            "Edit org",
            id="roster.edit_organization",
            key_display="O",
            show=False,
            tooltip="Edit the selected person's organization (O)",
        ),
        Binding(
            "m",
            "memberships",
            "Bodies",
            id="roster.memberships",
            tooltip="Bodies the person sits on (m)",
        ),
        Binding(
            "r",
            "role_catalogue",
            "Roles",
            id="roster.roles",
            tooltip="A series' role catalogue (r)",
        ),
        Binding("escape", "back", "Back", id="roster.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._rows: dict[str, RosterRow] = {}
        self._catalogue: list[RoleDef] = []

    @property
    def facilitate(self) -> FacilitateApp:
        return cast("FacilitateApp", self.app)

    @property
    def store(self) -> Store:
        return self.facilitate.store

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="roster-info")
        yield Table(id="people", cursor_type="row", zebra_stripes=True)
        yield Static(id="person-detail")
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = "Roster"
        self.refresh_roster()
        self.query_one("#people", DataTable).focus()

    def on_resize(self) -> None:
        # Column widths follow the terminal's width.
        if self.is_mounted:
            self.refresh_roster()

    # -- showing ------------------------------------------------------------------------------

    def refresh_roster(self, select_id: str | None = None) -> None:
        table = self.query_one("#people", DataTable)
        keep = select_id or self.selected_id()
        rows = roster.roster_rows(self.store, self.facilitate.today)
        catalogue = roster.all_role_defs(self.store)
        self._rows = {row.person_id: row for row in rows}
        self._catalogue = catalogue
        cells = [_cells(row, catalogue) for row in rows]
        wanted = {
            key: max((len(c[index]) for c in cells), default=0)
            for index, (key, _, _) in enumerate(COLUMNS)
        }
        # Two cells of padding per column, and room for the vertical scrollbar when the rows
        # will not all fit (before the first layout, the screen height less the rest is a guess).
        visible = (table.size.height or self.size.height - 10) - 1
        scrollbar = 2 if len(rows) > visible else 0
        available = (self.size.width or 80) - 2 * len(COLUMNS) - scrollbar
        widths = column_widths(available, wanted)
        table.clear(columns=True)
        for key, label, _ in COLUMNS:
            table.add_column(label, width=widths[key], key=key)
        for row, values in zip(rows, cells, strict=True):
            style = "" if row.active else "dim"
            table.add_row(
                *(Text(v, style=style, no_wrap=True, overflow="ellipsis") for v in values),
                key=row.person_id,
            )
        if keep is not None and keep in self._rows:
            table.move_cursor(row=table.get_row_index(keep))
        active = sum(r.active for r in rows)
        self.query_one("#roster-info", Static).update(
            f"{len(rows)} people, {active} active · "
            f"{len(directory.organizations(self.store))} organizations · ? shows every key"
        )
        self._show_detail()

    def _show_detail(self) -> None:
        detail = self.query_one("#person-detail", Static)
        person_id = self.selected_id()
        row = self._rows.get(person_id) if person_id else None
        if row is None:
            detail.update(
                "Nobody on the roster yet: a adds a person, i imports a spreadsheet, "
                "o lists the organizations."
            )
            return
        detail.update(_detail_text(self.store, row, self._catalogue))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_edit_person()

    def selected_id(self) -> str | None:
        table = self.query_one("#people", DataTable)
        if table.row_count == 0:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return row_key.value

    def _selected_person(self) -> Person | None:
        person_id = self.selected_id()
        if person_id is None:
            self.notify("Nobody is selected: press a to add a person.", severity="warning")
            return None
        return self.store.get(Person, person_id)

    # -- people -------------------------------------------------------------------------------

    def _person_dialog(self, person: Person | None) -> PersonDialog:
        store = self.store
        person_id = person.id if person else None

        def check(fields: PersonFields) -> None:
            # In the form, so the line names the clash and what was typed stays.
            if person is None or fields.email.casefold() != person.email.casefold():
                roster.check_email_free(store, fields.email, person_id=person_id)

        return PersonDialog(
            organizations=directory.organization_choices(
                store, include_retired=False, keep=person.organization_id if person else None
            ),
            roles=roster.all_role_defs(store),
            today=self.facilitate.today,
            person=person,
            check=check,
        )

    @work
    async def action_add_person(self) -> None:
        person = await people_flows.add_person(self.app, self.store, self.facilitate.today)
        if person is not None:
            self.refresh_roster(select_id=person.id)

    @work
    async def action_edit_person(self) -> None:
        person = self._selected_person()
        if person is None:
            return
        today = self.facilitate.today
        was = roster.person_fields(person, today)
        fields = await self.app.push_screen_wait(self._person_dialog(person))
        if fields is None:
            return
        with refused(self.app):
            roster.update_person(self.store, person.id, fields, was=was, today=today)
            self.refresh_roster(select_id=person.id)

    def action_toggle_active(self) -> None:
        person = self._selected_person()
        if person is None:
            return
        with refused(self.app):
            roster.set_active(self.store, person.id, not person.active)
            self.refresh_roster(select_id=person.id)
            if person.active:
                self.notify(
                    f"{person.name} is inactive: kept in the record, not suggested for roles"
                )
            else:
                self.notify(f"{person.name} is active again")

    @work
    async def action_delete_person(self) -> None:
        person = self._selected_person()
        if person is None:
            return
        question = f"Delete {person.name}? Only someone nothing in the record names can go."
        if not await self.app.push_screen_wait(ConfirmDialog(question)):
            return
        with refused(self.app):
            name = roster.delete_person(self.store, person.id)
            self.refresh_roster()
            self.notify(f"Deleted {name}")

    @work
    async def action_import_people(self) -> None:
        imported = await self.app.push_screen_wait(PeopleImportScreen())
        if imported:
            self.refresh_roster()

    # -- organizations ------------------------------------------------------------------------

    @work
    async def action_organizations(self) -> None:
        person_id = self.selected_id()
        row = self._rows.get(person_id) if person_id else None
        selected = row.organization_id if row else None
        if await self.app.push_screen_wait(OrganizationsDialog(selected)):
            self.refresh_roster()

    @work
    async def action_edit_organization(self) -> None:
        person = self._selected_person()
        if person is None:
            return
        if person.organization_id is None:
            self.notify(
                f"{person.name} has no organization: e picks one, o lists them all",
                severity="warning",
            )
            return
        if await edit_organization(self, person.organization_id):
            self.refresh_roster(select_id=person.id)

    # -- memberships and roles ----------------------------------------------------------------

    @work
    async def action_memberships(self) -> None:
        person = self._selected_person()
        if person is None:
            return
        store = self.store
        today = self.facilitate.today
        current = roster.current_body_ids(store, person.id, today)
        bodies = roster.body_choices(store, keep=current)
        if not bodies:
            self.notify("There are no bodies yet to be a member of.", severity="warning")
            return
        history = roster.membership_history(store, person.id, today)
        chosen = await self.app.push_screen_wait(
            MembershipsDialog(person.name, bodies, current, history=history)
        )
        if chosen is None:
            return
        with refused(self.app):
            change = roster.set_memberships(store, person.id, chosen, today=today)
            self.refresh_roster(select_id=person.id)
            names = {c.value: c.label for c in bodies}
            said = [
                *(f"joined {names[b]}" for b in change.added),
                *(f"left {names[b]} (ends today, kept as history)" for b in change.removed),
            ]
            self.notify(f"{person.name}: {'; '.join(said)}" if said else "No change to bodies")

    @work
    async def action_role_catalogue(self) -> None:
        series = directory.series_choices(self.store)
        if not series:
            self.notify("There is no meeting series yet, so no role catalogue.", severity="warning")
            return
        series_id: str | None = series[0].value
        if len(series) > 1:
            series_id = await self.app.push_screen_wait(
                SeriesPickerDialog(series, title="Whose roles? Pick a series (Enter)")
            )
        if series_id is None:
            return
        if await self.app.push_screen_wait(RoleCatalogueDialog(series_id)):
            self.refresh_roster()

    def action_back(self) -> None:
        self.dismiss(None)


def _cells(row: RosterRow, catalogue: Sequence[RoleDef]) -> tuple[str, ...]:
    return (
        row.name,
        row.organization,
        "yes" if row.active else "no",
        roles_cell(row.willing, catalogue),
        roles_cell(row.ready, catalogue) if row.ready else "",
        f"{row.next_unavailable:%b %d}" if row.next_unavailable else "",
        ", ".join(row.bodies),
    )


def _detail_text(store: Store, row: RosterRow, catalogue: Sequence[RoleDef]) -> Text:
    """The selected person in full, a line per subject, under the table."""
    text = Text()
    text.append(row.name, style="bold")
    if not row.active:
        text.append(" (inactive)", style="dim")
    if row.organization_id:
        organization = store.get(Organization, row.organization_id)
        text.append(f" · {organization.name} ({ORG_KIND_LABELS[organization.kind]})")
        if not organization.active:
            text.append(" retired", style="dim")
    contact = " · ".join(part for part in (row.email, row.phone) if part)
    if contact:
        text.append(f"\n{contact}")
    text.append("\nWilling: ", style="dim")
    text.append(role_names(row.willing, catalogue))
    text.append("\nReady: ", style="dim")
    text.append(role_names(row.ready, catalogue))
    text.append(" · Away: ", style="dim")
    text.append(", ".join(f"{d:%b %d}" for d in row.upcoming_unavailable) or "no dates")
    text.append("\nBodies: ", style="dim")
    text.append(", ".join(row.bodies) or "none")
    return text
