"""Keys a person can make their own: keymap.toml in the user's folder, read at start-up; a
broken file is named with its line and the app starts anyway."""

from __future__ import annotations

from pathlib import Path

from facilitate import paths
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.keymap import app_keys, key_problem, read_keymap
from facilitate.tui.screens.home import HomeScreen
from facilitate.tui.screens.meetings import MeetingsScreen
from facilitate.tui.widgets.key_bar import KeyBar

from .conftest import TODAY


def _write(text: str) -> Path:
    path = paths.keymap_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _messages(app: FacilitateApp) -> list[str]:
    """The notifications on screen, as shown (each titled "Your keymap"), without the title."""
    shown = [" ".join(str(toast.render()).split()) for toast in app.screen.query("Toast")]
    return [text.removeprefix("Your keymap ") for text in shown]


async def test_a_key_of_ones_own_works_and_shows(demo_store: Store) -> None:
    _write('[home]\nall_meetings = "f8"\n')
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(200, 30), notifications=True) as pilot:
        await pilot.pause()
        assert "f8 All meetings" in str(app.screen.query_one(KeyBar).render())
        await pilot.press("a")  # the shipped key no longer does it
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, MeetingsScreen)
        assert _messages(app) == []


async def test_a_broken_file_is_named_with_its_line_and_the_app_still_starts(
    demo_store: Store,
) -> None:
    path = _write('"home.people" = "f7"\nhome.roles = f9\n')
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        (message,) = _messages(app)
        assert message.startswith(f"{path}: ")
        assert "line 2" in message
        assert "none of its keys are in use" in message
        await pilot.press("a")  # the shipped keys work
        await pilot.pause()
        assert isinstance(app.screen, MeetingsScreen)


async def test_each_wrong_entry_is_said_and_the_rest_is_used(demo_store: Store) -> None:
    path = _write(
        "# my keys\n"
        '"home.all_meeting" = "f5"\n'
        "[home]\n"
        'refresh = "ctl+r"\n'
        'all_meetings = ["f8", "ctrl+a"]\n'
        "roles = 3\n"
    )
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await pilot.pause()
        messages = _messages(app)
        assert messages == [
            f"{path}, line 2: no key has the id “home.all_meeting”; did you mean "
            "“home.all_meetings”? Ignored.",
            f"{path}, line 4: “ctl+r” is not a key: modifiers are alt, ctrl, hyper, meta, shift, "
            "super. Ignored.",
            f'{path}, line 6: “home.roles” needs keys in quotes, e.g. "f8".',
        ]
        await pilot.press("ctrl+a")
        await pilot.pause()
        assert isinstance(app.screen, MeetingsScreen)


def test_the_file_may_be_missing_and_every_binding_has_an_id(tmp_path: Path) -> None:
    assert read_keymap(tmp_path / "none.toml").keys == {}
    known = app_keys()
    assert {"home.new_meeting", "live.next", "app.quit", "room.back"} <= set(known)
    assert known["live.next"].key == "ctrl+n"
    assert known["live.next"].description == "Next item"
    assert key_problem("ctrl+n,f8,question_mark,escape,?") is None
    assert key_problem("ctrl+nn") is not None


async def test_a_key_taken_from_another_command_is_said(demo_store: Store) -> None:
    _write('"home.all_meetings" = "r"\n')
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await pilot.pause()
        (message,) = _messages(app)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, MeetingsScreen)
        (message,) = _messages(app)
        assert message.endswith(
            "line 1: “home.all_meetings” takes r, the key of “Refresh” (home.refresh), which "
            "has no key there now."
        )
