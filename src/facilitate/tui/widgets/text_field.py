"""The app's one-line text field: an `Input` that keeps what it holds when it gets focus.

Textual's `Input` selects its whole value on focus (`select_on_focus=True`), so the first key
typed into a form that opens on a filled field replaced it: "Follow up" became "Q". A field
here never selects on focus; its cursor goes to the end of what it holds, so a key adds to the
text and backspace takes off its last character. Search boxes, where typing over the last
search helps, may keep Textual's `Input`.
"""

from __future__ import annotations

from typing import Literal

from textual import events
from textual.widgets import Input


class TextField(Input):
    """An `Input` that never selects its value on focus and puts its cursor at the end."""

    def __init__(
        self,
        value: str | None = None,
        placeholder: str = "",
        *,
        type: Literal["integer", "number", "text"] = "text",
        restrict: str | None = None,
        max_length: int = 0,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
        compact: bool = False,
    ) -> None:
        """The `Input` arguments the app's forms use; `select_on_focus` is always False."""
        super().__init__(
            value,
            placeholder,
            type=type,
            restrict=restrict,
            max_length=max_length,
            select_on_focus=False,
            id=id,
            classes=classes,
            disabled=disabled,
            compact=compact,
        )

    def on_focus(self, event: events.Focus) -> None:
        """Put the cursor after the text, where a key typed next belongs.

        The terminal window getting focus back (`from_app_focus`) leaves the cursor where the
        user left it; a click then puts the cursor where it clicked, after this.
        """
        if not event.from_app_focus:
            self.cursor_position = len(self.value)
