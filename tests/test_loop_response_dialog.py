"""The Loop screen's answer dialog (r) names its lines for what they hold, by the kind chosen,
and an empty line is named so in the error; driven by keys at 80×24 on the demo."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Label, Select, Static

from facilitate.models.enums import LoopResponseKind
from facilitate.models.loop import LoopResponse
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.loop_response import LoopResponseDialog
from facilitate.tui.screens.loop import LoopScreen

from .conftest import TODAY
from .test_loop_screen import _open_from_home, _to_number, _type


def _labels(app: FacilitateApp) -> list[str]:
    return [str(label.render()) for label in app.screen.query(".field-label").results(Label)]


async def _open_dialog(app: FacilitateApp, pilot: Pilot[None]) -> None:
    await _open_from_home(app, pilot, "Steering")
    await pilot.press("a")  # #5, a discussion note nobody answered yet, is listed with all notes
    await _to_number(app, pilot, 5)
    await pilot.press("r")
    await pilot.pause()
    assert isinstance(app.screen, LoopResponseDialog)


async def test_a_declined_answer_asks_what_cannot_be_done_and_why_not(
    demo_store: Store,
) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_dialog(app, pilot)
        assert _labels(app)[1:3] == ["What we can't do", "Why not"]
        assert "Text" not in _labels(app) and "Reason" not in _labels(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = str(app.screen.query_one("#error", Label).render())
        assert error.startswith("What we can't do is empty")
        await _type(pilot, "We cannot run our own vans")
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = str(app.screen.query_one("#error", Label).render())
        assert error.startswith("Why not is empty")


async def test_an_answer_in_words_asks_what_was_done_or_decided(demo_store: Store) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_dialog(app, pilot)
        # From the first line back to the kind, and choose "Answered another way".
        await pilot.press("shift+tab", "enter", "down", "enter")
        await pilot.pause()
        assert app.screen.query_one("#response-kind", Select).value == "answered"
        assert _labels(app)[1:3] == ["What was done or decided", "Why (optional)"]
        await pilot.press("tab")
        await _type(pilot, "Bus passes at intake")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LoopScreen)
        (stored,) = app.store.find(LoopResponse, text="Bus passes at intake")
        assert stored.kind is LoopResponseKind.ANSWERED
        assert stored.reason == ""


async def test_a_recorded_answer_is_confirmed_below_the_detail_not_over_it(
    demo_store: Store,
) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_dialog(app, pilot)
        await _type(pilot, "We cannot run our own vans")
        await pilot.press("tab")
        await _type(pilot, "no budget line")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LoopScreen)
        status = app.screen.query_one("#loop-status", Static)
        assert status.display
        assert str(status.render()) == "Recorded: declined for #5"
        # No toast over the detail pane, which shows the answer just recorded.
        assert not app._notifications
        assert "declined: no budget line" in str(app.screen.query_one("#loop-detail").render())
