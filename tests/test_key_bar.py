"""The key bar at the bottom of every screen shows that screen's keys, and a click presses one."""

from __future__ import annotations

from textual.pilot import Pilot

from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.screens.roster import RosterScreen
from facilitate.tui.widgets.key_bar import KeyBar

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
