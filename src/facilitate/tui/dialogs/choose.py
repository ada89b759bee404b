"""Pick one thing from a short list. Titles, help and labels are shown as they are, never read
as markup: they often quote what someone typed."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from facilitate.services.people.directory import Choice


class ChoiceDialog(ModalScreen[str | None]):
    """Returns the chosen value, or None on escape. With `current`, the list starts on that
    value, so Enter alone keeps what is (never the first choice by accident)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="choose.cancel")]

    def __init__(
        self, title: str, choices: list[Choice], *, help_text: str = "", current: str = ""
    ) -> None:
        super().__init__()
        self.heading = title
        self.choices = choices
        self.help_text = help_text
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.heading), classes="dialog-title")
            if self.help_text:
                yield Static(Text(self.help_text), classes="dialog-help")
            yield OptionList(
                *(Option(Text(c.label), id=c.value) for c in self.choices), id="choices"
            )

    def on_mount(self) -> None:
        values = [choice.value for choice in self.choices]
        if self.current in values:
            self.query_one("#choices", OptionList).highlighted = values.index(self.current)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
