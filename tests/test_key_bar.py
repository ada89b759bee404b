"""The key bar at the bottom of every screen shows that screen's keys, and a click presses one."""

from __future__ import annotations

import pytest
from textual.binding import Binding
from textual.pilot import Pilot
from textual.screen import ModalScreen

from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.screens.roster import RosterScreen
from facilitate.tui.widgets.key_bar import KeyBar, fitted
from facilitate.tui.widgets.screen_help import ScreenHelp

from .conftest import TODAY


def _bar(pilot: Pilot[None]) -> str:
    return str(pilot.app.screen.query_one(KeyBar).render())


async def test_the_home_screen_lists_its_keys(demo_store: Store) -> None:
    async with FacilitateApp(demo_store, today=TODAY).run_test(size=(200, 30)) as pilot:
        await pilot.pause()
        bar = _bar(pilot)
        for shown in ("n New meeting", "m Run meeting", "p People", "f1 Keys", "^q Quit"):
            assert shown in bar
        # Keys come in binding order, each once.
        assert bar.index("New meeting") < bar.index("Run meeting") < bar.index("Quit")
        assert bar.count("New meeting") == 1


async def test_the_bar_follows_the_screen(demo_store: Store) -> None:
    async with FacilitateApp(demo_store, today=TODAY).run_test(size=(200, 30)) as pilot:
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(pilot.app.screen, RosterScreen)
        bar = _bar(pilot)
        assert "a Add" in bar and "New meeting" not in bar
        await pilot.press("escape")
        await pilot.pause()
        assert "New meeting" in _bar(pilot)


async def test_clicking_a_key_presses_it(demo_store: Store) -> None:
    async with FacilitateApp(demo_store, today=TODAY).run_test(size=(200, 30)) as pilot:
        await pilot.pause()
        bar = _bar(pilot)
        await pilot.click(KeyBar, offset=(bar.index("People") + 2, 0))
        await pilot.pause()
        assert isinstance(pilot.app.screen, RosterScreen)


async def test_clicking_between_keys_does_nothing(demo_store: Store) -> None:
    async with FacilitateApp(demo_store, today=TODAY).run_test(size=(200, 30)) as pilot:
        await pilot.pause()
        home = pilot.app.screen
        bar = _bar(pilot)
        gap = bar.index("  o Open") + 1  # the second of the two spaces before "o Open agenda"
        await pilot.click(KeyBar, offset=(gap, 0))
        await pilot.pause()
        assert pilot.app.screen is home


# -- the way out at 80 columns ---------------------------------------------------------------


def _screen_name(pilot: Pilot[None]) -> str:
    return type(pilot.app.screen).__name__


async def _assert_way_out(pilot: Pilot[None], back: str | None) -> None:
    await pilot.pause()
    bar = _bar(pilot)
    name = _screen_name(pilot)
    assert len(bar.rstrip()) <= 80, name
    if back is not None:
        assert f"esc {back}" in bar, (name, bar)
    assert "f1 " in bar, (name, bar)
    assert "^q Quit" in bar, (name, bar)


@pytest.mark.parametrize(
    ("keys", "screen", "back"),
    [
        ((), "HomeScreen", None),
        (("a",), "MeetingsScreen", "Back"),
        (("o",), "AgendaEditorScreen", "Back"),
        (("p",), "RosterScreen", "Back"),
        (("s",), "SetupScreen", "Done"),
        (("v",), "MinutesScreen", "Back"),
        # The first meeting is planned for another day: m asks first, y starts it.
        (("m", "y"), "LiveMeetingScreen", "Home (stays live)"),
    ],
)
async def test_every_screen_shows_back_help_and_quit_at_80_columns(
    demo_store: Store, keys: tuple[str, ...], screen: str, back: str | None
) -> None:
    async with FacilitateApp(demo_store, today=TODAY).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        assert _screen_name(pilot) == screen
        await _assert_way_out(pilot, back)


async def test_keys_that_do_not_fit_say_where_the_rest_are(demo_store: Store) -> None:
    async with FacilitateApp(demo_store, today=TODAY).run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        bar = _bar(pilot)
        assert "f1 more" in bar and "^q Quit" in bar
        assert "y Sync" not in bar  # the last of Home's keys does not fit at 60 columns
        assert bar.index("New meeting") < bar.index("f1 more")
    async with FacilitateApp(demo_store, today=TODAY).run_test(size=(200, 30)) as pilot:
        await pilot.pause()
        assert "more" not in _bar(pilot) and "f1 Keys" in _bar(pilot)


def test_the_way_out_is_kept_and_the_order_too() -> None:
    back = Binding("escape", "back", "Back")
    wide, small = Binding("w", "wide", "W"), Binding("s", "small", "S")
    # Room for the way out and one more: the wide key does not fit, and the small one after it
    # does not jump ahead of it.
    drawn, cut = fitted([(wide, 30), (small, 5), (back, 8)], 20)
    assert drawn == [back] and cut
    drawn, cut = fitted([(small, 5), (wide, 30), (back, 8)], 20)
    assert drawn == [small, back] and cut
    assert fitted([(small, 5), (back, 8)], 20) == ([small, back], False)


async def test_a_dialog_shows_its_own_keys(demo_store: Store) -> None:
    async with FacilitateApp(demo_store, today=TODAY).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("m")  # planned for another day: a question
        await pilot.pause()
        assert isinstance(pilot.app.screen, ModalScreen)
        bar = _bar(pilot)
        assert "y Yes" in bar and "No" in bar
        assert "New meeting" not in bar
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ScreenHelp)
        assert "esc Close" in _bar(pilot)


async def test_escape_closes_the_help_panel(demo_store: Store) -> None:
    async with FacilitateApp(demo_store, today=TODAY).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        home = pilot.app.screen
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ScreenHelp)
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.screen is home
