"""Text the app draws is legible in every colour setting: WCAG contrast of at least 4.5:1.

Measured on the styles as rendered (after Textual's own filters: NO_COLOR makes the screen
monochrome), in the default dark and light themes, with NO_COLOR, and with 16 colours, where a
terminal shows the nearest of its sixteen standard colours (rich's downgrade and default palette).
Relative luminance and the ratio are computed here, from WCAG 2.x's definitions.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from rich.color import Color as RichColor
from rich.color import ColorSystem
from rich.style import Style
from rich.terminal_theme import DEFAULT_TERMINAL_THEME
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import DataTable, Input, Static

from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.screens.opening import OpeningScreen
from facilitate.tui.symbols import mark
from facilitate.tui.widgets.key_bar import KeyBar

from .conftest import TODAY
from .helpers.demo_lookup import upcoming

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


def style_of(widget: Widget, text: str, line: int | None = None) -> Style:
    """The style of the first rendered cell of `text` in `widget` (searched line by line, or in
    `line` alone)."""
    width, height = widget.outer_size
    region = Region(0, 0, width, height) if line is None else Region(0, line, width, 1)
    for strip in widget.render_lines(region):
        for segment in strip:
            if text in segment.text and segment.style is not None:
                return segment.style
    raise AssertionError(f"{text!r} is not drawn in {widget!r}")


def contrast(style: Style, sixteen: bool) -> float:
    foreground, background = style.color, style.bgcolor
    if style.reverse:
        foreground, background = background, foreground
    return ratio(shown(foreground, sixteen), shown(background, sixteen))


# A probe opens what it measures and returns the style of one rendered cell, and whether that
# cell is text (4.5:1, WCAG 1.4.3) or a border (3:1, WCAG 1.4.11: a part of the interface that
# is not text needs 3:1 against what is beside it).
TEXT, BORDER = WCAG_AA, 3.0
Probe = Callable[[FacilitateApp, Pilot[None]], Awaitable[tuple[Style, float]]]


def row_style(table: DataTable[object], row: int) -> Style:
    """The style of the first cell of text in a row of `table`, as drawn."""
    first = next(str(cell) for cell in table.get_row_at(row) if str(cell).strip())
    return style_of(table, first[:4], line=row + int(table.show_header))


def cursor_row(table: DataTable[object]) -> Style:
    return row_style(table, table.cursor_row)


async def selected_row(app: FacilitateApp, pilot: Pilot[None]) -> tuple[Style, float]:
    table = app.screen.query_one("#upcoming", DataTable)
    assert table.has_focus
    return cursor_row(table), TEXT


async def overdue_date(app: FacilitateApp, pilot: Pilot[None]) -> tuple[Style, float]:
    # The first open action is overdue, and under the cursor of a table without the focus.
    return style_of(app.screen.query_one("#actions"), "d late)", line=1), TEXT


async def key_letter(app: FacilitateApp, pilot: Pilot[None]) -> tuple[Style, float]:
    return style_of(app.screen.query_one(KeyBar), "^q"), TEXT


async def focused_panel_border(app: FacilitateApp, pilot: Pilot[None]) -> tuple[Style, float]:
    app.screen.query_one("#actions").focus()
    await pilot.pause()
    return style_of(app.screen.query_one("#actions-panel"), "╭"), BORDER


async def no_quorum(app: FacilitateApp, pilot: Pilot[None]) -> tuple[Style, float]:
    await app.push_screen(OpeningScreen(upcoming(app.store).id))
    await pilot.pause()
    return style_of(app.screen.query_one("#quorum"), "Quorum NOT met"), TEXT


async def quorum_met(app: FacilitateApp, pilot: Pilot[None]) -> tuple[Style, float]:
    await app.push_screen(OpeningScreen(upcoming(app.store).id))
    await pilot.pause()
    # Roll call: p marks the highlighted person present and moves down the list.
    for _ in range(app.screen.query_one("#attendance", DataTable).row_count):
        await pilot.press("p")
    await pilot.pause()
    return style_of(app.screen.query_one("#quorum"), "Quorum met"), TEXT


async def live_screen(app: FacilitateApp, pilot: Pilot[None], line: str) -> Widget:
    """The live screen's feedback line after `line` is entered in the capture line."""
    app.screen.run_meeting(upcoming(app.store).id)  # type: ignore[attr-defined]
    await pilot.pause()
    app.screen.query_one("#capture", Input).value = line
    await pilot.press("enter")
    await pilot.pause()
    return app.screen.query_one("#capture-feedback")


async def saved_feedback(app: FacilitateApp, pilot: Pilot[None]) -> tuple[Style, float]:
    feedback = await live_screen(app, pilot, "Families want evening sessions")
    return style_of(feedback, "Saved note"), TEXT


async def problem_feedback(app: FacilitateApp, pilot: Pilot[None]) -> tuple[Style, float]:
    feedback = await live_screen(app, pilot, "/a Fix it @dana due:blursday")
    return style_of(feedback, "blursday"), TEXT


async def input_placeholder(app: FacilitateApp, pilot: Pilot[None]) -> tuple[Style, float]:
    meeting = upcoming(app.store)
    app.screen.run_meeting(meeting.id)  # type: ignore[attr-defined]
    await pilot.pause()
    return style_of(app.screen.query_one("#capture"), "ype a note"), TEXT


PROBES: dict[str, Probe] = {
    "selected row": selected_row,
    "overdue date": overdue_date,
    "key letter": key_letter,
    "focused panel border": focused_panel_border,
    "no quorum": no_quorum,
    "input placeholder": input_placeholder,
    "quorum met": quorum_met,
    "saved feedback": saved_feedback,
    "problem feedback": problem_feedback,
}


@pytest.mark.parametrize("setting", SETTINGS)
@pytest.mark.parametrize("probe", sorted(PROBES))
async def test_text_and_borders_are_legible(
    demo_store: Store,
    monkeypatch: pytest.MonkeyPatch,
    setting: str,
    probe: str,
) -> None:
    if setting == "no-color":
        monkeypatch.setenv("NO_COLOR", "1")
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        app.theme = "textual-light" if setting == "light" else "textual-dark"
        await pilot.pause()
        style, needed = await PROBES[probe](app, pilot)
        measured = contrast(style, sixteen=setting == "16-colours")
    assert measured >= needed, f"{probe} in {setting}: {measured:.2f}:1"


def test_the_ratio_is_wcag_s() -> None:
    assert ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert ratio((0x3B, 0x3B, 0x3B), (0x1E, 0x1E, 0x1E)) == pytest.approx(1.49, abs=0.01)


async def test_the_selected_row_and_the_focused_panel_are_marked_not_only_coloured(
    demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        upcoming_table = app.screen.query_one("#upcoming", DataTable)
        actions = app.screen.query_one("#actions", DataTable)
        # The cursor row is underlined, with the keyboard (bold too) and without.
        assert cursor_row(upcoming_table).underline and cursor_row(upcoming_table).bold
        assert cursor_row(actions).underline
        assert not row_style(actions, actions.cursor_row + 1).underline
        title = app.screen.query_one("#upcoming-title", Static)
        assert str(title.render()).startswith("▶ ")
        actions.focus()
        await pilot.pause()
        assert not str(title.render()).startswith("▶ ")
        assert str(app.screen.query_one("#actions-title", Static).render()).startswith("▶ ")


async def test_the_feedback_line_says_saved_or_a_problem_in_a_mark_and_words(
    demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        saved = await live_screen(app, pilot, "Families want evening sessions")
        assert str(saved.render()).startswith(f"{mark('✓')} Saved note.")
        app.screen.query_one("#capture", Input).value = "/a Fix it @dana due:blursday"
        await pilot.press("enter")
        await pilot.pause()
        assert str(saved.render()).startswith(f"{mark('⚠')} Not saved yet:")
