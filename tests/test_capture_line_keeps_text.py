"""The live capture line keeps a half-typed line when focus comes back to it, from a dialog that
closes or by shift+tab: its cursor goes to the end, nothing selected, so the next key adds to
the line instead of replacing it (tui/widgets/text_field.py)."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input

from facilitate.models import Meeting
from facilitate.models.enums import MeetingStatus
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.input_search import InputSearchDialog
from facilitate.tui.screens.live import LiveMeetingScreen

from .conftest import TODAY


def _steering(store: Store) -> Meeting:
    return next(
        m
        for m in store.find(Meeting, order_by="starts_at")
        if m.status == MeetingStatus.PLANNED and m.title.startswith("Steering")
    )


async def _half_typed(pilot: Pilot[None], app: FacilitateApp, store: Store) -> Input:
    """The live screen with "Families want" typed in its capture line; returns the line."""
    app.screen.run_meeting(_steering(store).id)  # type: ignore[attr-defined]
    await pilot.pause()
    assert isinstance(app.screen, LiveMeetingScreen)
    await pilot.press(*"Families want")
    return app.screen.query_one("#capture", Input)


async def test_a_half_typed_line_survives_a_dialog_that_hands_focus_back(
    demo_store: Store,
) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        line = await _half_typed(pilot, app, demo_store)
        live_screen = app.screen
        # Tab away to the agenda, then ctrl+e: its dialog puts focus back on the line as it
        # closes, which a plain Input answered by selecting the whole line.
        await pilot.press("tab", "ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, InputSearchDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is live_screen and app.focused is line
        await pilot.press("space", *"evenings")
        await pilot.pause()
        assert line.value == "Families want evenings"


async def test_a_half_typed_line_survives_tabbing_away_and_back(demo_store: Store) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        line = await _half_typed(pilot, app, demo_store)
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is not line
        await pilot.press("shift+tab")
        await pilot.pause()
        assert app.focused is line
        await pilot.press("space", *"evenings")
        await pilot.pause()
        assert line.value == "Families want evenings"
