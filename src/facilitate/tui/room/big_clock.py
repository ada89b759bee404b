"""A clock as large as its space allows, for a projector at the back of a room.

Textual's Digits are three rows high whatever the screen. Here each character is drawn from a
3×5 pixel font in half blocks (two pixels to a cell, so pixels are near square) and scaled by
the largest whole factor that fits the widget: three rows at 80×24, ten or more at 200×60.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import RenderResult
from textual.reactive import reactive
from textual.widget import Widget

# Each glyph: five rows of pixels, "#" on. Digits are three pixels wide, the colon one.
_FONT: dict[str, tuple[str, ...]] = {
    "0": ("###", "#.#", "#.#", "#.#", "###"),
    "1": (".#.", "##.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"),
    "3": ("###", "..#", "###", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"),
    "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"),
    "7": ("###", "..#", "..#", "..#", "..#"),
    "8": ("###", "#.#", "###", "#.#", "###"),
    "9": ("###", "#.#", "###", "..#", "###"),
    ":": (".", "#", ".", "#", "."),
    "+": ("...", ".#.", "###", ".#.", "..."),
    "-": ("...", "...", "###", "...", "..."),
    " ": ("...", "...", "...", "...", "..."),
}
_GLYPH_ROWS = 5
_HALVES = {(True, True): "█", (True, False): "▀", (False, True): "▄", (False, False): " "}


def _pixels(text: str, scale: int) -> list[list[bool]]:
    """The text as rows of pixels, each font pixel `scale` pixels square, glyphs one apart."""
    rows: list[list[bool]] = [[] for _ in range(_GLYPH_ROWS)]
    for index, char in enumerate(text):
        glyph = _FONT.get(char, _FONT[" "])
        for row, line in zip(rows, glyph, strict=True):
            if index:
                row.append(False)  # the gap between glyphs
            row.extend(pixel == "#" for pixel in line)
    return [[pixel for pixel in row for _ in range(scale)] for row in rows for _ in range(scale)]


def size_at(text: str, scale: int) -> tuple[int, int]:
    """(columns, rows) `text` takes at `scale`."""
    width = sum(len(_FONT.get(c, _FONT[" "])[0]) for c in text) + max(len(text) - 1, 0)
    return width * scale, -(-_GLYPH_ROWS * scale // 2)


def fitting_scale(text: str, width: int, height: int) -> int:
    """The largest scale at which `text` fits in width × height cells (at least 1)."""
    scale = 1
    while True:
        columns, rows = size_at(text, scale + 1)
        if columns > width or rows > height:
            return scale
        scale += 1


def big_lines(text: str, scale: int) -> list[str]:
    """`text` drawn in half blocks at `scale`, as lines of equal length."""
    pixels = _pixels(text, scale)
    if len(pixels) % 2:
        pixels.append([False] * len(pixels[0]))
    return [
        "".join(_HALVES[(top, bottom)] for top, bottom in zip(upper, lower, strict=True))
        for upper, lower in zip(pixels[::2], pixels[1::2], strict=True)
    ]


class BigClock(Widget):
    """A short time ("12:34", "+2:05") drawn as large as the widget allows."""

    DEFAULT_CSS = """
    BigClock {
        height: 1fr;
        content-align: center middle;
    }
    """

    value: reactive[str] = reactive("")

    @property
    def scale(self) -> int:
        """The scale the clock is drawn at in its current size."""
        size = self.content_size
        return fitting_scale(self.value, size.width, size.height)

    def render(self) -> RenderResult:
        if not self.value:
            return ""
        return Text("\n".join(big_lines(self.value, self.scale)), no_wrap=True, end="")
