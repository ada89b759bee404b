"""A completion list under a text line: what can follow, never taking the focus from the line.

The screen that owns the line decides what to offer (`facilitate.services.run.completion`) and
moves through the list with its own keys (tab takes the highlighted item, up/down move, escape
hides it), so typing is never interrupted. Items are shown as typed, never read as markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import OptionList

from facilitate.services.run.completion import Completion, Completions


class CompletionList(OptionList, can_focus=False):
    """Shows `Completions`; hidden when there is nothing to offer."""

    DEFAULT_CSS = """
    CompletionList {
        display: none;
        height: auto;
        max-height: 6;
        border: none;
        padding: 0 1;
        background: $boost;
    }
    CompletionList.-open { display: block; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.offered = Completions(0, 0)

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    def offer(self, completions: Completions) -> None:
        """Show these completions (or hide the list when there are none)."""
        if completions.items != self.offered.items or not self.is_open:
            self.set_options(Text(item.label, no_wrap=True) for item in completions.items)
            if completions.items:
                self.highlighted = 0
        self.offered = completions
        self.set_class(bool(completions.items), "-open")

    def close(self) -> None:
        self.offered = Completions(0, 0)
        self.remove_class("-open")

    def move(self, step: int) -> None:
        """Highlight the next (1) or previous (-1) item."""
        if step > 0:
            self.action_cursor_down()
        else:
            self.action_cursor_up()

    @property
    def chosen(self) -> Completion | None:
        """The highlighted item, if the list is open."""
        items: Sequence[Completion] = self.offered.items
        if not self.is_open or self.highlighted is None or self.highlighted >= len(items):
            return None
        return items[self.highlighted]
