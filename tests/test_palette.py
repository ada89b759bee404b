"""The command palette lists the app's own commands where the person is, named with their
screen and key, and not Textual's cursor and editing keys; a command runs from it."""

from __future__ import annotations

from textual.app import SystemCommand
from textual.command import CommandList
from textual.pilot import Pilot

from facilitate.models import Meeting
from facilitate.services.plan import agenda
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.screens.live import LiveMeetingScreen
from facilitate.tui.screens.meetings import MeetingsScreen

from .conftest import TODAY
from .helpers.demo_lookup import upcoming

# Textual's own keys for moving a cursor and editing a line: keys, never palette commands.
INTERNALS = {"Cursor up", "Page down", "Delete character left", "Select all", "Focus Next"}


def _commands(app: FacilitateApp) -> list[SystemCommand]:
    return list(app.get_system_commands(app.screen))


async def _choose(pilot: Pilot[None], app: FacilitateApp, words: str) -> None:
    """Open the palette with its key, type, and run the first command found, as a person does."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*words)
    found = app.screen.query_one(CommandList)
    for _ in range(200):  # the palette searches in a worker: wait for its first result
        if found.option_count and found.highlighted is not None:
            break
        await pilot.pause(0.02)
    await pilot.press("enter")
    await pilot.pause()


async def test_home_lists_its_commands_by_screen_and_runs_one(demo_store: Store) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        commands = _commands(app)
        titles = [c.title for c in commands]
        assert len(titles) == len(set(titles))
        assert not INTERNALS & set(titles)
        helps = {c.title: c.help for c in commands}
        assert helps["All meetings"] == "Home · a"
        assert helps["New meeting"] == "Home · n"
        assert helps["Quit"] == "Anywhere · ^q"
        assert {"Theme", "Keys"} <= set(titles)

        await _choose(pilot, app, "all meet")
        assert isinstance(app.screen, MeetingsScreen)


async def test_the_live_screen_palette_has_no_editing_keys_and_runs_next_item(
    demo_store: Store,
) -> None:
    meeting = upcoming(demo_store)
    items = agenda.items(demo_store, meeting.id)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        app.screen.run_meeting(meeting.id)  # type: ignore[attr-defined]
        await pilot.pause()
        assert isinstance(app.screen, LiveMeetingScreen)
        commands = _commands(app)
        titles = [c.title for c in commands]
        assert len(titles) == len(set(titles))
        assert not INTERNALS & set(titles)
        assert "Move cursor left a word" not in titles
        assert {c.title: c.help for c in commands}["Next item"] == "Live meeting · ^n"

        assert demo_store.get(Meeting, meeting.id).current_item_id == items[0].id
        await _choose(pilot, app, "next item")
        assert demo_store.get(Meeting, meeting.id).current_item_id == items[1].id
        assert isinstance(app.screen, LiveMeetingScreen)
