"""The keys of the screen you are on, opened with F1 from anywhere (and ``?`` outside a text
field): this screen's own keys first, then those that work everywhere, then what the screen
wants to explain (the live screen: what the capture line reads). A text field's editing keys
(cursor moves, cut and paste) are not listed: they are the terminal's, not the meeting's.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

Section = tuple[str, Sequence[tuple[str, str]]]
"""A heading and its lines, each a key (or a form typed) and what it does."""


def screen_keys(screen: Screen[Any]) -> list[Section]:
    """The screen's keys, then the app's, as the screen has them now (one line per action)."""
    own: list[tuple[str, str]] = []
    everywhere: list[tuple[str, str]] = []
    seen: set[str] = set()
    app = screen.app
    for active in screen.active_bindings.values():
        binding = active.binding
        if not binding.description or binding.action in seen:
            continue
        if active.node is screen:
            if binding.id is None:
                continue  # Textual's own screen keys (focus next/previous), not the meeting's
            own.append((app.get_key_display(binding), binding.description))
        elif active.node is app:
            everywhere.append((app.get_key_display(binding), binding.description))
        else:
            continue  # a focused widget's own keys (editing a text field, moving in a table)
        seen.add(binding.action)
    return [("This screen", own), ("Everywhere", everywhere)]


class ScreenHelp(ModalScreen[None]):
    """Lists sections of keys; any of escape, F1 or ``?`` closes it."""

    DEFAULT_CSS = """
    ScreenHelp > VerticalScroll { height: auto; max-height: 90%; }
    ScreenHelp .help-heading { text-style: bold; padding-top: 1; }
    """
    BINDINGS = [Binding("escape,f1,question_mark", "close", "Close", id="help.close")]

    def __init__(self, title: str, sections: Sequence[Section]) -> None:
        super().__init__()
        self.heading = title
        self.sections = list(sections)

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="help"):
            yield Static(Text(self.heading), classes="dialog-title")
            for heading, lines in self.sections:
                if not lines:
                    continue
                yield Static(Text(heading), classes="help-heading")
                width = max(len(key) for key, _ in lines)
                for key, what in lines:
                    line = Text(f"{key:<{width}}  ", style="bold")
                    line.append(what, style="")
                    yield Static(line, classes="help-line")
            yield Static(Text("escape closes"), classes="dialog-help")

    def action_close(self) -> None:
        self.dismiss(None)
