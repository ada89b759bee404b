"""The key bar: the current screen's keys, on one line at the bottom of every screen.

It replaces Textual's Footer, which mounts a widget per key and mounts them all again each
time the bindings change (a screen opens, focus moves). With the dozen keys a screen here
shows, that was about a fifth of the app's start-up. This is one widget drawing one line,
redrawn when the bindings change. Clicking a key presses it, as on the Footer.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.app import RenderResult
from textual.binding import Binding
from textual.content import Content, Span
from textual.screen import Screen
from textual.widget import Widget


class KeyBar(Widget):
    """The keys of the focused widget, its screen and the app, as ``key description`` pairs."""

    ALLOW_SELECT = False
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
    }
    KeyBar > .key-bar--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    KeyBar > .key-bar--description {
        color: $footer-description-foreground;
    }
    KeyBar > .key-bar--disabled {
        color: $text-disabled;
    }
    """
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description", "key-bar--disabled"}

    def __init__(self) -> None:
        super().__init__()
        # (first cell, end cell, key) of each key drawn, for clicks.
        self._targets: list[tuple[int, int, str]] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        self.refresh()

    def shown(self) -> list[tuple[Binding, bool]]:
        """The bindings drawn, in order: one per action, as the Footer shows them."""
        by_action: dict[str, tuple[Binding, bool]] = {}
        for active in self.screen.active_bindings.values():
            if active.binding.show and active.binding.action not in by_action:
                by_action[active.binding.action] = (active.binding, active.enabled)
        shown = list(by_action.values())
        palette = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if (
            self.app.ENABLE_COMMAND_PALETTE
            and palette is not None
            and palette.binding.action not in by_action
        ):
            shown.append((palette.binding, palette.enabled))
        return shown

    def render(self) -> RenderResult:
        key_style = self.get_visual_style("key-bar--key", partial=True)
        text_style = self.get_visual_style("key-bar--description", partial=True)
        disabled = self.get_visual_style("key-bar--disabled", partial=True)
        text: list[str] = [" "]
        spans: list[Span] = []
        targets: list[tuple[int, int, str]] = []
        at = cells = 1  # characters (for spans) and screen cells (for clicks) drawn so far
        for binding, enabled in self.shown():
            # Compact, "n New meeting  o Open agenda", so a screen's keys fit in 80 columns.
            key = self.app.get_key_display(binding)
            label = f" {binding.description}" if binding.description else ""
            spans.append(Span(at, at + len(key), key_style if enabled else disabled))
            spans.append(Span(at + len(key), at + len(key) + len(label), text_style))
            if not enabled:
                spans.append(Span(at + len(key), at + len(key) + len(label), disabled))
            width = cell_len(key) + cell_len(label)
            targets.append((cells, cells + width, binding.key))
            text += [key, label, "  "]
            at += len(key) + len(label) + 2
            cells += width + 2
        self._targets = targets
        return Content("".join(text), spans)

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._targets:
            if start <= event.x < end:
                event.stop()
                self.app.simulate_key(key.split(",")[0].strip())
                return
