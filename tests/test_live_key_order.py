"""The live screen's key bar: the keys of every meeting come before ``re:`` input (capture
reaches it by typing ``re:12`` too), so at 80 columns the bar does not spend its room on it."""

from __future__ import annotations

from textual.pilot import Pilot

from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.screens.live import LiveMeetingScreen
from facilitate.tui.widgets.key_bar import KeyBar

from .conftest import TODAY


async def _live(pilot: Pilot[None]) -> KeyBar:
    await pilot.pause()
    # The first meeting is planned for another day: m asks first, y starts it.
    await pilot.press("m", "y")
    await pilot.pause()
    assert isinstance(pilot.app.screen, LiveMeetingScreen)
    return pilot.app.screen.query_one(KeyBar)


# The capture line (a Textual Input) binds ctrl+e and ctrl+d itself; the bar still shows the
# screen's keys in the order the screen declares them.
async def test_re_input_comes_after_the_meeting_keys(demo_store: Store) -> None:
    async with FacilitateApp(demo_store, today=TODAY).run_test(size=(80, 24)) as pilot:
        bar = await _live(pilot)
        order = [binding.description for binding, _ in bar.shown()]
        assert order.index("Next item") < order.index("Decision") < order.index("re: input")
        assert order.index("Themes") < order.index("re: input")
        assert "re: input" not in str(bar.render())


async def test_re_input_is_still_a_key_of_the_live_screen(demo_store: Store) -> None:
    async with FacilitateApp(demo_store, today=TODAY).run_test(size=(80, 24)) as pilot:
        bar = await _live(pilot)
        assert "re: input" in [binding.description for binding, _ in bar.shown()]
