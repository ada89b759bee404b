"""Correct any field of an entry, and see every change it has had.

`CorrectDialog` shows the entry's kind, text, agenda item and visibility, and the fields of the
kind chosen (changing the kind shows the other kind's fields): a note's source; an action's
owner, the others sharing it (or the whole body), organization and due date; a parking-lot
entry's follow-up person; a decision's fields (`DecisionFields`, as it was taken). It returns
a `CorrectionInput`; the screen applies it with `correct_form.apply`, which keeps every change
in the entry's history.

`HistoryDialog` lists that history, oldest first; Enter on a corrected field offers to put the
earlier value back.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Checkbox, DataTable, Input, Label, Select, Static

from facilitate.models import EntryRevision
from facilitate.models.enums import Attribution
from facilitate.services.dates import parse_date
from facilitate.services.people.directory import Choice
from facilitate.services.run.correct_form import CorrectionInput, read_owners
from facilitate.services.run.corrections import describe
from facilitate.services.run.quick_entry import EntryKind
from facilitate.tui.dialogs.decision import (
    DecisionFields,
    read_visibility,
    visibility_select,
)
from facilitate.tui.dialogs.form import FormDialog, buttons, field
from facilitate.tui.widgets.table import Table
from facilitate.tui.widgets.text_field import TextField

KIND_NAMES = {
    EntryKind.NOTE: "Note",
    EntryKind.DECISION: "Decision",
    EntryKind.ACTION: "Action",
    EntryKind.PARKING: "Parking lot",
}
ATTRIBUTIONS = {
    Attribution.NONE: "no source",
    Attribution.PARTICIPANT: "a participant",
    Attribution.ORGANIZATION: "an organization",
    Attribution.PERSON: "a person",
}


def _choices(choices: Sequence[Choice]) -> list[tuple[str, str]]:
    return [(c.label, c.value) for c in choices]


def _selected(select: Select[str]) -> str | None:
    return select.value if isinstance(select.value, str) else None


class CorrectDialog(FormDialog[CorrectionInput]):
    """Returns the corrected fields, or None when cancelled."""

    DEFAULT_CSS = """
    CorrectDialog .kind-fields { height: auto; display: none; }
    CorrectDialog .kind-fields.-shown { display: block; }
    """

    def __init__(
        self,
        form: CorrectionInput,
        *,
        items: Sequence[Choice],
        organizations: Sequence[Choice],
        day: date,
        error: str = "",
    ) -> None:
        """`error`: why the last try was refused, shown until the next save."""
        super().__init__()
        self.form = form
        self.items = list(items)
        self.organizations = list(organizations)
        self.day = day
        self.error = error

    def compose(self) -> ComposeResult:
        form = self.form
        with VerticalScroll(classes="dialog", id="correct-dialog"):
            yield Static("Correct this entry", classes="dialog-title")
            yield Static(
                "ctrl+s saves; each change is kept in the entry's history (F2 on the live "
                "screen shows it).",
                classes="dialog-help",
            )
            yield field(
                "Kind",
                Select(
                    [(name, kind.value) for kind, name in KIND_NAMES.items()],
                    id="kind",
                    value=form.kind.value,
                    allow_blank=False,
                ),
            )
            yield field("Text", TextField(form.text, id="text"))
            yield field(
                "Agenda item",
                Select(
                    _choices(self.items),
                    id="item",
                    prompt="(no item)",
                    value=form.agenda_item_id or Select.NULL,
                ),
            )
            yield field("Visibility", visibility_select(form.visibility))
            with Vertical(classes="kind-fields", id="fields-note"):
                yield field(
                    "Source",
                    Select(
                        [(label, a.value) for a, label in ATTRIBUTIONS.items()],
                        id="attribution",
                        value=form.attribution.value,
                        allow_blank=False,
                    ),
                )
                yield field("Said by", self._organization_select("attributed-org"))
            with Vertical(classes="kind-fields", id="fields-action"):
                yield field(
                    "Owner", TextField(form.owner, id="owner", placeholder='@dana or @"Full Name"')
                )
                yield field(
                    "Also owned by",
                    TextField(form.co_owners, id="co-owners", placeholder='@marty @"Ana Ruiz" @pp'),
                )
                yield field("", Checkbox("The whole body", form.whole_body, id="whole-body"))
                yield field("Organization", self._organization_select("action-org"))
                yield field(
                    "Due",
                    TextField(
                        form.due.isoformat() if form.due else "",
                        id="due",
                        placeholder="e.g. fri, 12/5, next week (from the meeting's date)",
                    ),
                )
            with Vertical(classes="kind-fields", id="fields-parking"):
                yield field("Follow-up", TextField(form.follow_up, id="follow-up"))
            with Vertical(classes="kind-fields", id="fields-decision"):
                yield DecisionFields(form.decision)
            yield Label(self.error, id="error", classes="form-error", markup=False)
            yield buttons()

    def _organization_select(self, widget_id: str) -> Select[str]:
        value = (
            self.form.attributed_organization_id
            if widget_id == "attributed-org"
            else self.form.organization_id
        )
        return Select(
            _choices(self.organizations), id=widget_id, prompt="(none)", value=value or Select.NULL
        )

    def on_mount(self) -> None:
        self._show(self.form.kind)
        self.query_one("#text", Input).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "kind" and isinstance(event.value, str):
            self._show(EntryKind(event.value))

    def _show(self, kind: EntryKind) -> None:
        for group in self.query(".kind-fields"):
            group.set_class(group.id == f"fields-{kind.value}", "-shown")

    def _value(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", Input).value

    def read(self) -> CorrectionInput:
        kind_value = self.query_one("#kind", Select).value
        kind = EntryKind(kind_value) if isinstance(kind_value, str) else self.form.kind
        text = " ".join(self._value("text").split())
        if not text:
            raise ValueError("Text is empty: to take the entry out, remove it (ctrl+z) instead")
        due_text = self._value("due").strip()
        attribution = self.query_one("#attribution", Select).value
        form = CorrectionInput(
            kind=kind,
            text=text,
            agenda_item_id=_selected(self.query_one("#item", Select)),
            visibility=read_visibility(self.query_one("#visibility", Select))
            or self.form.visibility,
            attribution=Attribution(attribution)
            if isinstance(attribution, str)
            else Attribution.NONE,
            attributed_organization_id=_selected(self.query_one("#attributed-org", Select)),
            owner=self._value("owner"),
            organization_id=_selected(self.query_one("#action-org", Select)),
            due=parse_date(due_text, self.day) if due_text else None,
            follow_up=self._value("follow-up"),
            co_owners=self._value("co-owners"),
            whole_body=self.query_one("#whole-body", Checkbox).value,
        )
        if kind is EntryKind.ACTION:
            read_owners(form.co_owners)  # a name that cannot be read is said here, in the form
        if kind is EntryKind.DECISION:
            form.decision = self.query_one(DecisionFields).read(text, form.visibility)
        return form


class HistoryDialog(ModalScreen[EntryRevision | None]):
    """An entry's changes, oldest first. Returns the revision whose earlier value should be put
    back (Enter on a corrected field), or None."""

    BINDINGS = [Binding("escape", "close", "Close", id="history.close")]

    def __init__(self, title: str, revisions: Sequence[EntryRevision]) -> None:
        super().__init__()
        self.heading = title
        self.revisions = {revision.id: revision for revision in revisions}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="history-dialog"):
            yield Static(Text(self.heading), classes="dialog-title")
            if not self.revisions:
                yield Static("Never corrected: this is how it was captured.", id="history-none")
            else:
                yield Static(
                    "Enter on a corrected field puts its earlier value back; escape closes.",
                    classes="dialog-help",
                )
                yield Table(id="history", cursor_type="row", show_header=False)

    def on_mount(self) -> None:
        if not self.revisions:
            return
        table = self.query_one("#history", DataTable)
        table.add_columns("When", "Change")
        for revision in self.revisions.values():
            when = f"{revision.at.astimezone():%b %d %H:%M}"
            table.add_row(when, describe(revision), key=revision.id)
        table.move_cursor(row=table.row_count - 1)
        table.focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.dismiss(self.revisions.get(str(event.row_key.value)))

    def action_close(self) -> None:
        self.dismiss(None)
