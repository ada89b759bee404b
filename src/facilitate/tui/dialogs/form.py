"""Shared pieces of the form dialogs: a labelled row and the error line."""

from __future__ import annotations

from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Label


def field(label: str, widget: Widget) -> Horizontal:
    """A form row: a fixed-width label, then the input, compact so a whole form fits 80×24."""
    if hasattr(widget, "compact"):
        widget.compact = True
    return Horizontal(Label(label, classes="field-label"), widget, classes="field")


def parse_minutes(text: str, *, what: str = "Time box") -> int:
    """Whole minutes from a form field, or a ValueError that says what was wrong."""
    text = text.strip().removesuffix("min").strip()
    if not text.isdigit() or int(text) < 1:
        raise ValueError(f"{what} must be a whole number of minutes, 1 or more (got “{text}”)")
    return int(text)
