"""A list of things offered for the new agenda, every one ticked to start with: space unticks
one, ctrl+s takes the ticked ones, escape takes nothing. Carry-over and what other bodies send
are both offered this way: nothing goes on an agenda silently."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, SelectionList, Static
from textual.widgets.selection_list import Selection

T = TypeVar("T")


class OfferDialog(ModalScreen[T | None], Generic[T]):
    """`options` are (label, value); `result` turns the ticked values into what is returned."""

    BINDINGS = [
        Binding("ctrl+s", "accept", "Accept", id="offer.accept", priority=True),
        Binding("escape", "skip", "Take nothing", id="offer.skip"),
    ]

    def __init__(
        self, title: str, help_text: str, options: Sequence[tuple[str, str]], skip: str
    ) -> None:
        super().__init__()
        self.title_text = title
        self.help_text = help_text
        self.options = list(options)
        self.skip_label = skip

    def result(self, chosen: list[str]) -> T:
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self.title_text), classes="dialog-title")
            yield Static(Content(self.help_text), classes="dialog-help")
            # Content keeps what people typed literal: a plain str would be read as markup.
            yield SelectionList[str](
                *(Selection(Content(label), value, True) for label, value in self.options),
                id="offered",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Accept (ctrl+s)", id="accept", variant="primary")
                yield Button(Content(f"{self.skip_label} (esc)"), id="skip")

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "accept":
            self.action_accept()
        else:
            self.action_skip()

    def action_accept(self) -> None:
        chosen: list[str] = self.query_one("#offered", SelectionList).selected
        self.dismiss(self.result(chosen))

    def action_skip(self) -> None:
        self.dismiss(None)
