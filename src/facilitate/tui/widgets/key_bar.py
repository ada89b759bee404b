"""The key bar: the current screen's keys, on one line at the bottom of every screen.

It replaces Textual's Footer, which mounts a widget per key and mounts them all again each
time the bindings change (a screen opens, focus moves). With the dozen keys a screen here
shows, that was about a fifth of the app's start-up. This is one widget drawing one line,
redrawn when the bindings change. Clicking a key presses it, as on the Footer.

The way out is never dropped: when a screen's keys do not fit the width, the bar keeps Esc (back,
cancel), help and quit, fills what room is left with the other keys in their order, and the help
key reads "more", since the help panel lists every key. A dialog gets a bar of its own (see
`FacilitateApp`), so it shows the dialog's keys, not those of the screen beneath it.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.app import RenderResult
from textual.binding import ActiveBinding, Binding
from textual.content import Content, Span
from textual.screen import Screen
from textual.widget import Widget

WAY_OUT_ACTIONS = frozenset({"quit", "screen_help", "help"})
"""Actions the bar always shows, with any key bound to escape: how to leave, and where help is."""
MORE = "more"
"""The help key's label when some keys did not fit: the help panel lists the rest."""


def is_way_out(binding: Binding) -> bool:
    """Whether the bar keeps `binding` however narrow it is: Esc (back, cancel), help, quit."""
    keys = {key.strip() for key in binding.key.split(",")}
    return "escape" in keys or binding.action in WAY_OUT_ACTIONS


def fitted(items: list[tuple[Binding, int]], width: int) -> tuple[list[Binding], bool]:
    """The bindings to draw in `width` cells, given each with the cells it takes, and whether
    any was left out. The way out is always kept; other keys follow in order while they fit."""
    if sum(cells for _, cells in items) <= width:
        return [binding for binding, _ in items], False
    room = width - sum(cells for binding, cells in items if is_way_out(binding))
    kept: set[int] = set()
    for index, (binding, cells) in enumerate(items):
        if is_way_out(binding):
            kept.add(index)
        elif cells <= room:
            kept.add(index)
            room -= cells
        else:
            room = 0  # keep the order: a later, shorter key must not jump the queue
    return [binding for index, (binding, _) in enumerate(items) if index in kept], True


class KeyBar(Widget):
    """The keys of the focused widget, its screen and the app, as ``key description`` pairs."""

    ALLOW_SELECT = False
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        /* Not $footer-background: with 16 colours it becomes grey, 3.9:1 under white text. */
        background: $surface;
        color: $footer-foreground;
    }
    /* The key in the bar's own text colour, bold: the accent colour was 2.9:1 in the light
       theme and 1.0:1 with 16 colours (tests/test_contrast.py). */
    KeyBar > .key-bar--key {
        color: $footer-foreground;
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
        by_action: dict[str, ActiveBinding] = {}
        for active in self.screen.active_bindings.values():
            if active.binding.show and active.binding.action not in by_action:
                by_action[active.binding.action] = active
        # Active bindings come in the order their keys were first bound along the focus chain,
        # so a key the focused Input also binds (ctrl+e, ctrl+d) would jump ahead of the screen's
        # own order. Each node's keys are shown as the node declares them.
        nodes = list(dict.fromkeys(active.node for active in by_action.values()))

        def declared(active: ActiveBinding) -> int:
            actions = [
                b.action
                for b in getattr(type(active.node), "BINDINGS", [])
                if isinstance(b, Binding)
            ]
            action = active.binding.action
            return actions.index(action) if action in actions else len(actions)

        ordered = sorted(by_action.values(), key=lambda a: (nodes.index(a.node), declared(a)))
        shown = [(active.binding, active.enabled) for active in ordered]
        palette = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if (
            self.app.ENABLE_COMMAND_PALETTE
            and palette is not None
            and palette.binding.action not in by_action
        ):
            shown.append((palette.binding, palette.enabled))
        return shown

    def _label(self, binding: Binding, cut: bool) -> tuple[str, str]:
        """The key as shown ("^q") and its label (" Quit"); help reads "more" when keys were cut."""
        key = self.app.get_key_display(binding)
        description = (
            MORE if cut and binding.action in ("screen_help", "help") else binding.description
        )
        return key, f" {description}" if description else ""

    def render(self) -> RenderResult:
        key_style = self.get_visual_style("key-bar--key", partial=True)
        text_style = self.get_visual_style("key-bar--description", partial=True)
        disabled = self.get_visual_style("key-bar--disabled", partial=True)
        shown = self.shown()
        enabled_of = {id(binding): enabled for binding, enabled in shown}
        sizes = [(b, cell_len("".join(self._label(b, False))) + 2) for b, _ in shown]
        # One leading space; the last key needs no gap after it.
        drawn, cut = fitted(sizes, self.size.width + 1)
        text: list[str] = [" "]
        spans: list[Span] = []
        targets: list[tuple[int, int, str]] = []
        at = cells = 1  # characters (for spans) and screen cells (for clicks) drawn so far
        for binding in drawn:
            enabled = enabled_of[id(binding)]
            # Compact, "n New meeting  o Open agenda", so a screen's keys fit in 80 columns.
            key, label = self._label(binding, cut)
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
