"""A body's officers, from the body form (ctrl+o): who holds which office, from when.

Every term ever recorded is listed, newest first under each title. ``a`` gives an office to
someone from a date (the previous holder's term ends the day before, as `offices.set_office`
does), ``u`` ends the highlighted term; each is saved as it is made, so closing keeps them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.markup import escape
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from facilitate.models import Body
from facilitate.services.dates import DateParseError, parse_date
from facilitate.services.people import directory, offices
from facilitate.store import Store
from facilitate.tui.dialogs.form import FormDialog, buttons, field
from facilitate.tui.widgets.key_bar import KeyBar
from facilitate.tui.widgets.table import Table, literal
from facilitate.tui.widgets.text_field import TextField


@dataclass(frozen=True)
class OfficeInput:
    """An office as the form holds it; None dates: since before the record / still serving."""

    title: str
    person_id: str
    starts_on: date | None
    ends_on: date | None


def _day(text: str, label: str, today: date) -> date | None:
    """A date field: empty is None; anything else must read as a date."""
    if not text.strip():
        return None
    try:
        return parse_date(text, today)
    except DateParseError as error:
        raise ValueError(f"{label}: {error.reason}") from None


class OfficeForm(FormDialog[OfficeInput]):
    """Give an office: its title (a usual one or the body's own), who, from and until when."""

    def __init__(self, people: list[directory.Choice], today: date) -> None:
        super().__init__()
        self.people = people
        self.today = today

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="office-form"):
            yield Static("Give an office", classes="dialog-title")
            usual = ", ".join(offices.USUAL_TITLES)
            yield field("Title", TextField(id="office-title", placeholder=usual))
            yield field(
                "Person",
                Select([(c.label, c.value) for c in self.people], id="office-person"),
            )
            yield field(
                "From",
                TextField(id="office-from", placeholder="e.g. 1/1/2026 (empty: before the record)"),
            )
            yield field("Until", TextField(id="office-until", placeholder="empty: still serving"))
            yield Label("", id="error", classes="form-error")
            yield buttons()

    def on_mount(self) -> None:
        self.query_one("#office-title", Input).focus()

    def read(self) -> OfficeInput:
        title = " ".join(self.query_one("#office-title", Input).value.split())
        if not title:
            raise ValueError("Title: name the office (e.g. Chair, Secretary)")
        person = self.query_one("#office-person", Select).value
        if not isinstance(person, str):
            raise ValueError("Person: who holds the office?")
        return OfficeInput(
            title,
            person,
            _day(self.query_one("#office-from", Input).value, "From", self.today),
            _day(self.query_one("#office-until", Input).value, "Until", self.today),
        )


class EndTermForm(FormDialog[date]):
    """The last day of a term."""

    def __init__(self, what: str, today: date) -> None:
        super().__init__()
        self.what = what
        self.today = today

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="end-term-form"):
            yield Static(f"End the term: {self.what}", classes="dialog-title", markup=False)
            yield field("Until", TextField(id="term-until", placeholder="the last day in office"))
            yield Label("", id="error", classes="form-error")
            yield buttons()

    def read(self) -> date:
        day = _day(self.query_one("#term-until", Input).value, "Until", self.today)
        if day is None:
            raise ValueError("Until: the last day in office, e.g. 12/31")
        return day


class OfficesDialog(ModalScreen[bool]):
    """The body's officers; returns whether any was changed."""

    BINDINGS = [
        Binding("a", "give", "Give an office", id="offices.give"),
        Binding("u", "end_term", "End a term", id="offices.end"),
        Binding("x", "remove", "Remove (a mistake)", id="offices.remove"),
        Binding("escape", "close", "Close", id="offices.close"),
    ]

    def __init__(self, store: Store, body_id: str, today: date) -> None:
        super().__init__()
        self.store = store
        self.body_id = body_id
        self.today = today
        self.changed = False

    def compose(self) -> ComposeResult:
        body = self.store.get(Body, self.body_id)
        with VerticalScroll(classes="dialog", id="offices-dialog"):
            yield Static(f"Officers of {body.name}", classes="dialog-title", markup=False)
            yield Table(id="offices", cursor_type="row")
            yield Label("", id="offices-none", markup=False)
            yield Label("", id="error", classes="form-error", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one("#offices", Table)
        table.add_columns("Office", "Held by", "From", "Until")
        self._fill()
        table.focus()

    def _fill(self) -> None:
        table = self.query_one("#offices", Table)
        table.clear()
        lines = offices.officers(self.store, self.body_id)
        for line in lines:
            o = line.office
            table.add_row(
                literal(o.title),
                literal(line.person),
                literal(o.starts_on.isoformat() if o.starts_on else "on record before"),
                literal(o.ends_on.isoformat() if o.ends_on else "serving"),
                key=o.id,
            )
        none = "" if lines else "No officers on record: a gives an office."
        self.query_one("#offices-none", Label).update(none)

    def _say(self, problem: str) -> None:
        self.query_one("#error", Label).update(escape(problem))

    def _people(self) -> list[directory.Choice]:
        return directory.person_choices(self.store)

    def action_give(self) -> None:
        def given(answer: OfficeInput | None) -> None:
            if answer is None:
                return
            try:
                offices.set_office(
                    self.store,
                    self.body_id,
                    answer.title,
                    answer.person_id,
                    starts_on=answer.starts_on,
                    ends_on=answer.ends_on,
                )
            except offices.OfficeError as error:
                self._say(str(error))
                return
            self.changed = True
            self._say("")
            self._fill()

        self.app.push_screen(OfficeForm(self._people(), self.today), given)

    def action_end_term(self) -> None:
        table = self.query_one("#offices", Table)
        if not table.row_count:
            return
        office_id = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        what = " · ".join(str(cell) for cell in table.get_row(office_id)[:2])

        def ended(day: date | None) -> None:
            if day is None:
                return
            try:
                offices.end_office(self.store, office_id, day)
            except offices.OfficeError as error:
                self._say(str(error))
                return
            self.changed = True
            self._say("")
            self._fill()

        self.app.push_screen(EndTermForm(what, self.today), ended)

    def action_remove(self) -> None:
        """Take back a term given by mistake, after asking."""
        from facilitate.tui.dialogs.confirm import ConfirmDialog

        table = self.query_one("#offices", Table)
        if not table.row_count:
            return
        office_id = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        what = " · ".join(str(cell) for cell in table.get_row(office_id)[:2])

        def removed(yes: bool | None) -> None:
            if not yes:
                return
            offices.remove_office(self.store, office_id)
            self.changed = True
            self._say("")
            self._fill()

        self.app.push_screen(
            ConfirmDialog(f"Remove {what}? It was given by mistake and never held.", yes="Remove"),
            removed,
        )

    def action_close(self) -> None:
        self.dismiss(self.changed)
