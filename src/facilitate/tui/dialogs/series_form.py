"""Add or edit a meeting series: which body meets, how often (the cadence, read as typed and
shown back with the next date it gives), where, from which agenda template, whether one person
may hold two meeting roles, and, for a new series, which ground rules it starts from.

A new series fills itself in as a facilitator expects (`series_defaults`): the kind from the
body's kind, the template and ground rules from the kind, the length from the template; a field
the user has changed is theirs and is never overwritten."""

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
from facilitate.services.plan.series_defaults import SeriesStart, Start
from facilitate.services.plan.toml_files import template_key
from facilitate.services.record.wording import KIND_LABELS
from facilitate.tui.dialogs.form import FormDialog, buttons, field, parse_minutes
from facilitate.tui.widgets.text_field import TextField


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


def template_named(stored: str, names: Sequence[str]) -> str | None:
    """Which of the template `names` a series' stored template is, or None.

    A series may store a template by its name ("Steering committee") or by its key, as the
    demo does ("steering-committee"); both are the same template (`template_key`).
    """
    key = template_key(stored)
    return next((name for name in names if template_key(name) == key), None)


class SeriesDialog(FormDialog[SeriesChoice]):
    """Returns the form's choice, or None when cancelled. `check` refuses what the service would
    (a cadence it cannot read, a template that does not exist), shown in the form."""

    # Enter walks the text fields (name, cadence, place) and saves from the last one.
    LAST_FIELD = "minutes"

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
        starting: SeriesStart | None = None,
    ) -> None:
        """`starting` fills a new series in (`series_start`); an edited series has none."""
        super().__init__()
        self.starting = starting
        # What the form itself last put in each defaulted field, by id: a field still holding
        # it has not been chosen by the user, so a later default may replace it.
        self.offered: dict[str, object] = {}
        self.roles_may_double = roles_may_double
        self.bodies = list(bodies)
        self.templates = list(templates)
        self.rule_sets = list(rule_sets)
        self.today = today
        self.fields = fields
        self.check = check
        stored = fields.default_template.strip() if fields else ""
        # The template list's entry for the stored template: its name when it is one of the
        # templates, else the stored text itself, offered as not found so nothing crashes and
        # nothing is quietly dropped.
        self.template_shown = template_named(stored, self.templates) if stored else None
        self.template_missing = stored if stored and self.template_shown is None else ""

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
            yield field("Name", TextField(f.name if f else "", id="name"))
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
                TextField(
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
            yield field("Place", TextField(f.default_place if f else "", id="place"))
            yield field(
                "",
                Checkbox(
                    "A neutral community venue", f.neutral_venue if f else False, id="neutral"
                ),
            )
            yield field(
                "Template",
                Select(
                    [(name, name) for name in self.templates] + self._missing_template(),
                    id="template",
                    prompt="(none)",
                    value=self.template_shown or self.template_missing or Select.NULL,
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
                "Minutes",
                TextField(str(f.default_minutes if f else 90), id="minutes", type="integer"),
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

    def _missing_template(self) -> list[tuple[str, str]]:
        """The stored template no longer found, as an option saying so."""
        missing = self.template_missing
        return [(f"{missing} (not found)", missing)] if missing else []

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()
        if self.fields is None and self.starting is not None:
            # What the form opened with counts as offered: a field the user then changes is
            # theirs, even where no default was placed.
            for selector in ("#kind", "#template", "#starting-rules"):
                self.offered[selector] = self.query_one(selector, Select).value
            self._offer_kind(self.query_one("#body", Select).value)
            kind = self.query_one("#kind", Select).value
            if isinstance(kind, str):
                self._offer_start(self.starting.of_kind(MeetingKind(kind)), with_template=True)

    def on_select_changed(self, event: Select.Changed) -> None:
        """Follow the body with the kind, the kind with the template, the template with the
        ground rules and length, in a new series only."""
        if self.starting is None or self.fields is not None:
            return
        value = event.select.value  # as it is now: a queued event may be older
        if event.select.id == "body":
            self._offer_kind(value)
        elif event.select.id == "kind" and isinstance(value, str):
            self._offer_start(self.starting.of_kind(MeetingKind(value)), with_template=True)
        elif event.select.id == "template":
            name = value if isinstance(value, str) else ""
            self._offer_start(self.starting.of_template(name), with_template=False)

    def _offer_kind(self, body_id: object) -> None:
        if self.starting is not None and isinstance(body_id, str):
            self._offer("#kind", self.starting.kind_of_body(body_id), list(KIND_LABELS))

    def _offer_start(self, start: Start, *, with_template: bool) -> None:
        if with_template:
            self._offer("#template", start.template or Select.NULL, self.templates)
        if start.ground_rules:
            self._offer("#starting-rules", start.ground_rules, self.rule_sets)
        minutes = self.query_one("#minutes", Input)
        if self.offered.get("#minutes", minutes.value) == minutes.value:
            minutes.value = self.offered["#minutes"] = str(start.minutes)

    def _offer(self, selector: str, value: object, choices: Sequence[object]) -> None:
        """Put `value` (one of `choices`, or none) in the select unless the user chose
        something else there."""
        select: Select[object] = self.query_one(selector, Select)
        if self.offered.get(selector, select.value) != select.value:
            return  # the user's choice
        if value is Select.NULL or value in choices:
            select.value = value
        self.offered[selector] = select.value

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
        if self.fields is not None and template == self.template_shown:
            # Left as shown: kept as stored (by key or name), so the edit does not write it.
            template = self.fields.default_template
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
