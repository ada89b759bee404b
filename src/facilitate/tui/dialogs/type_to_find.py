"""A dialog that finds as you type: a line to type words into, what they find below it, Enter
takes the highlighted one. The input search and the response chooser are two of these.

Labels are Rich `Text`, never markup: they quote what people said in the room.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

T = TypeVar("T")


class TypeToFindDialog(ModalScreen[T | None], Generic[T]):
    """Type to narrow; up/down move through what was found; Enter takes it; Esc cancels.

    Subclasses say what `find(words)` finds, as (label, value) pairs, best first.
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="find.cancel"),
        Binding("down", "move(1)", "Next", show=False, id="find.next"),
        Binding("up", "move(-1)", "Previous", show=False, id="find.previous"),
    ]

    DEFAULT_CSS = """
    TypeToFindDialog #found { height: auto; max-height: 12; }
    TypeToFindDialog #found-count { color: $text-muted; height: 1; }
    """

    heading = "Find"
    placeholder = "Type words to narrow the list"
    nothing_found = "Nothing found: try fewer words"

    def __init__(self) -> None:
        super().__init__()
        self.values: list[T] = []

    def find(self, words: str) -> Sequence[tuple[Text, T]]:
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.heading), classes="dialog-title")
            yield Input(placeholder=self.placeholder, id="find-words")
            yield Static("", id="found-count")
            yield OptionList(id="found")

    def on_mount(self) -> None:
        self.show_found("")
        self.query_one("#find-words", Input).focus()

    def show_found(self, words: str) -> None:
        """What `words` find, the first highlighted."""
        found = list(self.find(words))
        self.values = [value for _, value in found]
        options = self.query_one("#found", OptionList)
        options.clear_options()
        options.add_options(Option(label) for label, _ in found)
        if found:
            options.highlighted = 0
        said = f"{len(found)} found" if found else self.nothing_found
        self.query_one("#found-count", Static).update(Text(said))

    def on_input_changed(self, event: Input.Changed) -> None:
        self.show_found(event.value.strip())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.take(self.query_one("#found", OptionList).highlighted)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.take(event.option_index)

    def take(self, index: int | None) -> None:
        if index is None or not 0 <= index < len(self.values):
            self.notify(self.nothing_found, severity="warning")
            return
        self.dismiss(self.values[index])

    def action_move(self, step: int) -> None:
        options = self.query_one("#found", OptionList)
        if not self.values:
            return
        current = options.highlighted if options.highlighted is not None else -step
        options.highlighted = max(0, min(len(self.values) - 1, current + step))

    def action_cancel(self) -> None:
        self.dismiss(None)
