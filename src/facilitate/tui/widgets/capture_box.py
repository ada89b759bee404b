"""The capture line with its completion list: type, see what can follow, take it with tab.

While the list is open, tab takes the highlighted item, up/down move through it and escape
closes it; otherwise those keys do what they do on the screen (tab moves the focus, up/down
move through the entries, escape leaves). The line also remembers which stored draft it holds
(`draft_id`): a line that could not be read stays here, stored, until it is fixed or discarded.
"""

from __future__ import annotations

from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input

from facilitate.services.run.completion import Names, complete
from facilitate.tui.widgets.completion_list import CompletionList
from facilitate.tui.widgets.text_field import TextField


class CaptureBox(Vertical):
    """A completion list above an Input (id ``capture``), which posts Input messages as usual."""

    DEFAULT_CSS = """
    CaptureBox { height: auto; }
    """
    BINDINGS = [
        Binding("tab", "complete", "Complete", show=False, id="capture.complete"),
        Binding("down", "move(1)", "Next completion", show=False, id="capture.next"),
        Binding("up", "move(-1)", "Previous completion", show=False, id="capture.previous"),
        Binding("escape", "close", "Close the list", show=False, id="capture.close"),
    ]

    def __init__(self, placeholder: str) -> None:
        super().__init__()
        self.placeholder = placeholder
        self.names = Names()
        # The stored draft the line holds, while it holds one (see the module docstring).
        self.draft_id: str | None = None

    def compose(self) -> ComposeResult:
        yield CompletionList(id="completions")
        # No blinking cursor: a blink redraws the line twice a second, which was 85% of what an
        # idle live screen sent down a slow link.
        line = TextField(placeholder=self.placeholder, id="capture")
        line.cursor_blink = False
        yield line

    @property
    def line(self) -> Input:
        return self.query_one("#capture", Input)

    @property
    def completions(self) -> CompletionList:
        return self.query_one(CompletionList)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "capture":
            return
        if not event.value.strip():
            # Emptied: the line no longer holds its draft (which stays stored until discarded).
            self.draft_id = None
        self.suggest()

    def suggest(self) -> None:
        """Offer what can follow the word at the cursor."""
        line, was_open = self.line, self.completions.is_open
        self.completions.offer(complete(line.value, line.cursor_position, self.names))
        if self.completions.is_open != was_open:
            self.refresh_bindings()  # Esc changes hands (see check_action)

    def action_complete(self) -> None:
        chosen = self.completions.chosen
        if chosen is None:
            raise SkipAction()
        text, cursor = self.completions.offered.apply(self.line.value, chosen)
        self.line.value = text
        self.line.cursor_position = cursor
        self.suggest()

    def action_move(self, step: int) -> None:
        if not self.completions.is_open:
            raise SkipAction()
        self.completions.move(step)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Escape is the list's only while a list is open; otherwise it is the screen's (the way
        back), so the key bar and the help panel show the screen's Esc."""
        if action == "close":
            return self.completions.is_open
        return True

    def action_close(self) -> None:
        self.completions.close()
        self.refresh_bindings()
