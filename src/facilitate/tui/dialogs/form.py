"""Shared pieces of the form dialogs: labelled rows, the save/cancel behaviour, minutes."""

from __future__ import annotations

from typing import Generic, TypeVar

from textual.binding import Binding
from textual.containers import Horizontal
from textual.markup import escape
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Label

T = TypeVar("T")


def field(label: str, widget: Widget) -> Horizontal:
    """A form row: a fixed-width label, then the input, compact so a whole form fits 80×24."""
    if hasattr(widget, "compact"):
        widget.compact = True
    return Horizontal(Label(label, classes="field-label"), widget, classes="field")


def buttons(save: str = "Save (ctrl+s)", cancel: str = "Cancel (esc)") -> Horizontal:
    """The row of a form's two buttons, with ids the FormDialog answers to."""
    return Horizontal(
        Button(save, id="save", variant="primary", compact=True),
        Button(cancel, id="cancel", compact=True),
        classes="dialog-buttons",
    )


class FormDialog(ModalScreen[T | None], Generic[T]):
    """A form that returns what `read()` makes of it, or None when cancelled.

    `read()` raises ValueError with a message for the user; the message is shown in the form's
    `#error` label and everything typed stays where it is.
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="form.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="form.cancel"),
    ]

    def read(self) -> T:
        raise NotImplementedError

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        elif event.button.id == "cancel":
            self.action_cancel()

    def on_input_submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        try:
            result = self.read()
        except ValueError as error:
            self.query_one("#error", Label).update(escape(str(error)))
            return
        self.dismiss(result)

    def action_cancel(self) -> None:
        self.dismiss(None)


def parse_minutes(text: str, *, what: str = "Time box") -> int:
    """Whole minutes from a form field, or a ValueError that says what was wrong."""
    text = text.strip().removesuffix("min").strip()
    if not text.isdigit() or int(text) < 1:
        raise ValueError(f"{what} must be a whole number of minutes, 1 or more (got “{text}”)")
    return int(text)
