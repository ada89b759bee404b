"""Who sits on a body: tick people, and say from which date (newcomers start then, those
unticked leave then; their past membership stays on record)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from textual.app import ComposeResult
from textual.widgets import Input, Label, SelectionList, Static
from textual.widgets.selection_list import Selection

from facilitate.services.dates import DateParseError, parse_date
from facilitate.services.people.directory import Choice
from facilitate.tui.dialogs.form import FormDialog, buttons, field
from facilitate.tui.widgets.text_field import TextField


@dataclass(frozen=True)
class MembersChoice:
    person_ids: frozenset[str]
    on: date


class BodyMembersDialog(FormDialog[MembersChoice]):
    """Returns the ticked people and the date, or None when cancelled."""

    AUTO_FOCUS = "#people"  # ticking members is the point; the date is usually today

    DEFAULT_CSS = """
    BodyMembersDialog SelectionList { height: auto; max-height: 12; }
    """

    def __init__(
        self, body_name: str, people: Sequence[Choice], current: Iterable[str], today: date
    ) -> None:
        super().__init__()
        self.body_name = body_name
        self.people = list(people)
        self.current = set(current)
        self.today = today

    def compose(self) -> ComposeResult:
        from textual.containers import Vertical

        with Vertical(classes="dialog"):
            yield Static(f"Members of {self.body_name}", classes="dialog-title")
            yield Static("Space ticks or unticks a person; ctrl+s saves.", classes="dialog-help")
            yield SelectionList[str](
                *(Selection(c.label, c.value, c.value in self.current) for c in self.people),
                id="people",
            )
            yield field("From", TextField(f"{self.today:%Y-%m-%d}", id="from"))
            yield Label("", id="error", classes="form-error")
            yield buttons()

    def on_mount(self) -> None:
        self.query_one("#people", SelectionList).focus()

    def read(self) -> MembersChoice:
        text = self.query_one("#from", Input).value
        try:
            on = parse_date(text, self.today)
        except DateParseError as error:
            raise ValueError(f"From: {error}") from error
        chosen: list[str] = self.query_one("#people", SelectionList).selected
        return MembersChoice(frozenset(chosen), on)
