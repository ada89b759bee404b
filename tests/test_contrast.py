"""Text the app draws is legible in every colour setting: WCAG contrast of at least 4.5:1.

Measured on the styles as rendered (after Textual's own filters: NO_COLOR makes the screen
monochrome), in the default dark and light themes, with NO_COLOR, and with 16 colours, where a
terminal shows the nearest of its sixteen standard colours (rich's downgrade and default palette).
Relative luminance and the ratio are computed here, from WCAG 2.x's definitions.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rich.color import Color as RichColor
from rich.color import ColorSystem
from rich.style import Style
from rich.terminal_theme import DEFAULT_TERMINAL_THEME
from textual.geometry import Region
from textual.widget import Widget

from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.widgets.key_bar import KeyBar

from .conftest import TODAY

WCAG_AA = 4.5
SETTINGS = ["dark", "light", "no-color", "16-colours"]


def luminance(rgb: tuple[int, int, int]) -> float:
    """WCAG relative luminance of an sRGB colour."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def shown(color: RichColor | None, sixteen: bool) -> tuple[int, int, int]:
    """The colour a terminal shows for `color`: with 16 colours, the nearest standard one."""
    assert color is not None, "text with no colour of its own"
    if sixteen:
        color = color.downgrade(ColorSystem.STANDARD)
    triplet = color.get_truecolor(DEFAULT_TERMINAL_THEME)
    return triplet.red, triplet.green, triplet.blue


def style_of(widget: Widget, text: str) -> Style:
    """The style of the first rendered cell of `text` in `widget` (searched line by line)."""
    width, height = widget.outer_size
    for strip in widget.render_lines(Region(0, 0, width, height)):
        for segment in strip:
            if text in segment.text and segment.style is not None:
                return segment.style
    raise AssertionError(f"{text!r} is not drawn in {widget!r}")


def contrast(style: Style, sixteen: bool) -> float:
    foreground, background = style.color, style.bgcolor
    if style.reverse:
        foreground, background = background, foreground
    return ratio(shown(foreground, sixteen), shown(background, sixteen))


Probe = Callable[[FacilitateApp], Style]


def selected_row(app: FacilitateApp) -> Style:
    table = app.screen.query_one("#upcoming")
    return style_of(table, "Steering")


def overdue_date(app: FacilitateApp) -> Style:
    return style_of(app.screen.query_one("#actions"), "d late)")


def key_letter(app: FacilitateApp) -> Style:
    return style_of(app.screen.query_one(KeyBar), "^q")


# Known and not yet fixed; strict, so a fix shows here. The first open action is overdue and
# under the actions table's cursor: with 16 colours the cursor row's own text and background are
# 3.95:1 (the red of an overdue date is not what is drawn there).
NOT_MET = {
    ("overdue date", "16-colours"): "the table's cursor row, downgraded to 16 colours, is 3.95:1"
}

PROBES: dict[str, Probe] = {
    "selected row": selected_row,
    "overdue date": overdue_date,
    "key letter": key_letter,
}


@pytest.mark.parametrize("setting", SETTINGS)
@pytest.mark.parametrize("probe", sorted(PROBES))
async def test_home_text_is_legible(
    demo_store: Store,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
    setting: str,
    probe: str,
) -> None:
    if (probe, setting) in NOT_MET:
        request.applymarker(pytest.mark.xfail(strict=True, reason=NOT_MET[probe, setting]))
    if setting == "no-color":
        monkeypatch.setenv("NO_COLOR", "1")
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        app.theme = "textual-light" if setting == "light" else "textual-dark"
        await pilot.pause()
        measured = contrast(PROBES[probe](app), sixteen=setting == "16-colours")
    assert measured >= WCAG_AA, f"{probe} in {setting}: {measured:.2f}:1"


def test_the_ratio_is_wcag_s() -> None:
    assert ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert ratio((0x3B, 0x3B, 0x3B), (0x1E, 0x1E, 0x1E)) == pytest.approx(1.49, abs=0.01)
