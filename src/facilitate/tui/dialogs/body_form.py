"""Add or edit a governance body: its name, kind, and what makes quorum (a count or a share of
members, organizations and sectors that must be at the table). Editing a body, ctrl+o opens its
officers (`offices.OfficesDialog`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Input, Label, Select, SelectionList, Static
from textual.widgets.selection_list import Selection

from facilitate.models.enums import BodyKind, OrgKind
from facilitate.services.people.bodies import BODY_KIND_LABELS, BodyFields, parse_quorum
from facilitate.services.people.directory import Choice
from facilitate.services.people.roster import ORG_KIND_LABELS
from facilitate.store import Store
from facilitate.tui.dialogs.form import FormDialog, buttons, field
from facilitate.tui.dialogs.offices import OfficesDialog
from facilitate.tui.widgets.text_field import TextField


class BodyDialog(FormDialog[BodyFields]):
    """Returns the filled-in fields, or None when cancelled. `check` may refuse them (a name
    already taken) with a message shown in the form."""

    DEFAULT_CSS = """
    BodyDialog SelectionList { height: auto; max-height: 5; width: 1fr; }
    """
    BINDINGS = [Binding("ctrl+o", "offices", "Officers", id="body.offices")]

    def __init__(
        self,
        organizations: Sequence[Choice],
        fields: BodyFields | None = None,
        *,
        quorum: str = "",
        check: Callable[[BodyFields], None] | None = None,
        officers: tuple[Store, str, date] | None = None,
    ) -> None:
        """`officers` (the store, the body's id and today) lets ctrl+o open the body's
        officers; a body not saved yet has none to set."""
        super().__init__()
        self.organizations = list(organizations)
        self.fields = fields
        self.quorum = quorum
        self.check = check
        self.officers = officers

    def compose(self) -> ComposeResult:
        f = self.fields
        required = set(f.required_organization_ids if f else ())
        sectors = set(f.required_kinds if f else ())
        with VerticalScroll(classes="dialog"):
            yield Static(f"Edit {f.name}" if f else "New body", classes="dialog-title")
            yield field("Name", TextField(f.name if f else "", id="name"))
            yield field(
                "Short name",
                TextField(f.short_name if f else "", id="short-name", placeholder="e.g. SC"),
            )
            yield field(
                "Kind",
                Select(
                    [(label, kind) for kind, label in BODY_KIND_LABELS.items()],
                    id="kind",
                    allow_blank=False,
                    value=f.kind if f else BodyKind.STEERING_COMMITTEE,
                ),
            )
            yield field(
                "Quorum",
                TextField(self.quorum, id="quorum", placeholder="6, half, majority, 2/3, or empty"),
            )
            yield Static("Organizations that must be present (space ticks):", classes="dialog-help")
            yield SelectionList[str](
                *(Selection(c.label, c.value, c.value in required) for c in self.organizations),
                id="required",
            )
            yield Static("Sectors that must be present:", classes="dialog-help")
            yield SelectionList[str](
                *(
                    Selection(label, kind.value, kind in sectors)
                    for kind, label in ORG_KIND_LABELS.items()
                    if kind is not OrgKind.OTHER
                ),
                id="sectors",
            )
            yield field("About", TextField(f.description if f else "", id="description"))
            if self.officers is not None:
                yield Static("Officers (chair, secretary, ...): ctrl+o", classes="dialog-help")
            yield Label("", id="error", classes="form-error")
            yield buttons()

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.officers is not None if action == "offices" else True

    def action_offices(self) -> None:
        """The body's officers; saved as they are set, whatever becomes of this form."""
        if self.officers is not None:
            self.app.push_screen(OfficesDialog(*self.officers))

    def read(self) -> BodyFields:
        kind = self.query_one("#kind", Select).value
        required: list[str] = self.query_one("#required", SelectionList).selected
        sectors: list[str] = self.query_one("#sectors", SelectionList).selected
        fields = BodyFields(
            name=self.query_one("#name", Input).value,
            short_name=self.query_one("#short-name", Input).value,
            kind=BodyKind(kind) if isinstance(kind, str) else BodyKind.STEERING_COMMITTEE,
            description=self.query_one("#description", Input).value,
            quorum=parse_quorum(self.query_one("#quorum", Input).value),
            required_organization_ids=tuple(required),
            required_kinds=tuple(OrgKind(s) for s in sectors),
        )
        if self.check is not None:
            self.check(fields)
        return fields
