"""The minutes screen at 80×24 and 100×30 (#18): the bar says which minutes these are, for whom
and in which language, on one line; the key bar keeps export, language and approval."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.screens.minutes import MinutesScreen
from facilitate.tui.widgets.key_bar import KeyBar

from .conftest import TODAY
from .test_minutes import demo_meetings


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_the_bar_ends_with_the_language_on_one_line(
    demo_store: Store, size: tuple[int, int]
) -> None:
    september = demo_meetings(demo_store)["september"]
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=size) as pilot:
        await app.push_screen(MinutesScreen(september.id))
        await pilot.pause()
        bar = app.screen.query_one("#minutes-bar", Static)
        await pilot.press("3")
        await pilot.pause()
        # The longest it gets: approved, the internal version.
        assert str(bar.render()).endswith("APPROVED · Internal version · English")
        assert bar.size.height == 1
        await pilot.press("l")
        await pilot.pause()
        assert str(bar.render()).endswith("APPROVED · Internal version · Español")
        assert bar.size.height == 1
        keys = str(app.screen.query_one(KeyBar).render())
        for shown in ("e Export", "l Language", "a Approve earlier minutes", "esc Back"):
            assert shown in keys


async def test_narrower_the_bar_wraps_rather_than_cut(demo_store: Store) -> None:
    september = demo_meetings(demo_store)["september"]
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(60, 20)) as pilot:
        await app.push_screen(MinutesScreen(september.id))
        await pilot.pause()
        bar = app.screen.query_one("#minutes-bar", Static)
        assert bar.size.height == 2
        assert str(bar.render()).endswith("· Partners version · English")
