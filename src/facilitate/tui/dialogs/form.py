"""Shared pieces of the form dialogs: labelled rows, the save/cancel behaviour, minutes."""

from __future__ import annotations

from typing import ClassVar, Generic, TypeVar

from textual.binding import Binding
from textual.containers import Horizontal
from textual.markup import escape
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label

T = TypeVar("T")


def field(label: str, widget: Widget) -> Horizontal:
    """A form row: a fixed-width label, then the input, compact so a whole form fits 80×24.
    Text goes in a `TextField`, which keeps what it holds when focused (tests/test_text_fields.py
    holds every form to it)."""
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

    Enter in a text field saves, as ctrl+s does; a form of several fields typed one after
    another names its last text field in `LAST_FIELD`, and Enter then moves on from field to
    field, as in a paper form, and saves from that one.

    The form opens with focus in its first text field (`AUTO_FOCUS`), set as the form is
    composed: keys typed while it opens go there, not to the scrolling frame around it. A form
    whose first field is not text names it in its own `AUTO_FOCUS`.
    """

    AUTO_FOCUS = "Input"

    LAST_FIELD: ClassVar[str | None] = None
    """The id of the text field Enter saves from; Enter in any other moves to the next field.
    None: Enter saves from every field."""

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

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if self._saves_from(event.input):
            self.action_save()
        else:
            self.focus_next()

    def _saves_from(self, field: Input) -> bool:
        return self.LAST_FIELD is None or field.id == self.LAST_FIELD

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
