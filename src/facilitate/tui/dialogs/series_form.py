"""Add or edit a meeting series: which body meets, how often (the cadence, read as typed and
shown back with the next date it gives), where, from which agenda template, whether one person
may hold two meeting roles, and, for a new series, which ground rules it starts from."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Checkbox, Input, Label, Select, Static

from facilitate.models.enums import MeetingKind
from facilitate.services.people.directory import Choice
from facilitate.services.plan.cadence import CadenceError, parse_cadence
from facilitate.services.plan.series import SeriesFields
from facilitate.services.record.wording import KIND_LABELS
from facilitate.tui.dialogs.form import FormDialog, buttons, field, parse_minutes


@dataclass(frozen=True)
class SeriesChoice:
    """What the form returns: the fields, and the ground rules a new series starts from."""

    fields: SeriesFields
    ground_rules_from: str
    # Whether one person may hold two meeting roles (`series_roles.set_roles_may_double`).
    roles_may_double: bool = False


def cadence_preview(text: str, today: date) -> str:
    """The line under the cadence: what was understood and the next date it gives."""
    try:
        cadence = parse_cadence(text)
    except CadenceError as error:
        return str(error)
    if cadence is None:
        return "No cadence: each meeting's date is typed when it is planned."
    return f"{cadence.describe()} — next: {cadence.next_date(today):%a %b %d %Y}"


class SeriesDialog(FormDialog[SeriesChoice]):
    """Returns the form's choice, or None when cancelled. `check` refuses what the service would
    (a cadence it cannot read, a template that does not exist), shown in the form."""

    def __init__(
        self,
        bodies: Sequence[Choice],
        templates: Sequence[str],
        rule_sets: Sequence[str],
        today: date,
        fields: SeriesFields | None = None,
        *,
        check: Callable[[SeriesFields], None] | None = None,
        roles_may_double: bool = False,
    ) -> None:
        super().__init__()
        self.roles_may_double = roles_may_double
        self.bodies = list(bodies)
        self.templates = list(templates)
        self.rule_sets = list(rule_sets)
        self.today = today
        self.fields = fields
        self.check = check

    def compose(self) -> ComposeResult:
        f = self.fields
        with VerticalScroll(classes="dialog"):
            yield Static(f"Edit {f.name}" if f else "New meeting series", classes="dialog-title")
            yield field(
                "Body",
                Select(
                    [(c.label, c.value) for c in self.bodies],
                    id="body",
                    allow_blank=False,
                    value=f.body_id if f else self.bodies[0].value,
                ),
            )
            yield field("Name", Input(f.name if f else "", id="name"))
            yield field(
                "Kind",
                Select(
                    [(label, kind) for kind, label in KIND_LABELS.items()],
                    id="kind",
                    allow_blank=False,
                    value=f.kind if f else MeetingKind.BUSINESS,
                ),
            )
            yield field(
                "Cadence",
                Input(
                    f.cadence if f else "",
                    id="cadence",
                    placeholder="monthly, second Tuesday, 13:00-15:00",
                ),
            )
            yield Static(
                cadence_preview(f.cadence if f else "", self.today),
                id="cadence-preview",
                classes="dialog-help",
            )
            yield field("Place", Input(f.default_place if f else "", id="place"))
            yield field(
                "",
                Checkbox(
                    "A neutral community venue", f.neutral_venue if f else False, id="neutral"
                ),
            )
            yield field(
                "Template",
                Select(
                    [(name, name) for name in self.templates],
                    id="template",
                    prompt="(none)",
                    value=f.default_template if f and f.default_template else Select.NULL,
                ),
            )
            if f is None:
                yield field(
                    "Ground rules",
                    Select(
                        [(name, name) for name in self.rule_sets],
                        id="starting-rules",
                        prompt="(none yet)",
                        value=self.rule_sets[0] if self.rule_sets else Select.NULL,
                    ),
                )
            yield field(
                "Minutes", Input(str(f.default_minutes if f else 90), id="minutes", type="integer")
            )
            yield field(
                "",
                Checkbox(
                    "One person may hold two meeting roles",
                    self.roles_may_double,
                    id="roles-may-double",
                ),
            )
            yield Label("", id="error", classes="form-error")
            yield buttons()

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "cadence":
            self.query_one("#cadence-preview", Static).update(
                cadence_preview(event.value, self.today)
            )
        # A fixed mistake should not leave its complaint behind.
        self.query_one("#error", Label).update("")

    def read(self) -> SeriesChoice:
        body = self.query_one("#body", Select).value
        kind = self.query_one("#kind", Select).value
        template = self.query_one("#template", Select).value
        fields = SeriesFields(
            body_id=str(body),
            name=self.query_one("#name", Input).value,
            kind=MeetingKind(kind) if isinstance(kind, str) else MeetingKind.BUSINESS,
            cadence=self.query_one("#cadence", Input).value,
            default_place=self.query_one("#place", Input).value,
            neutral_venue=self.query_one("#neutral", Checkbox).value,
            default_template=template if isinstance(template, str) else "",
            default_minutes=parse_minutes(self.query_one("#minutes", Input).value, what="Length"),
        )
        rules = ""
        if self.fields is None:
            chosen = self.query_one("#starting-rules", Select).value
            rules = chosen if isinstance(chosen, str) else ""
        if self.check is not None:
            self.check(fields)
        doubled = self.query_one("#roles-may-double", Checkbox).value
        return SeriesChoice(fields, rules, doubled)
