"""The theme chosen in the palette is kept in settings.toml and is the one the app opens in."""

from __future__ import annotations

from pathlib import Path

from facilitate import paths
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.theme_settings import save_theme, saved_theme

from .conftest import TODAY


async def test_a_chosen_theme_is_there_after_a_restart(demo_store: Store) -> None:
    async with FacilitateApp(demo_store, today=TODAY).run_test() as pilot:
        await pilot.pause()
        pilot.app.theme = "textual-light"
        await pilot.pause()
    assert 'theme = "textual-light"' in paths.settings_path().read_text("utf-8")
    async with FacilitateApp(demo_store, today=TODAY).run_test() as pilot:
        await pilot.pause()
        assert pilot.app.theme == "textual-light"


async def test_an_unknown_theme_is_said_and_the_usual_one_used(demo_store: Store) -> None:
    path = paths.settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('theme = "no-such-theme"\n', "utf-8")
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
        assert any("no-such-theme" in m and str(path) in m for m in app.settings_problems)


def test_a_broken_file_is_named_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("theme = \n", "utf-8")
    theme, problems = saved_theme(path, {"textual-dark"})
    assert theme is None and str(path) in problems[0]
    assert save_theme(path, "textual-dark") is not None
    assert path.read_text("utf-8") == "theme = \n"


def test_other_settings_stay(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('other = "kept"\n', "utf-8")
    assert save_theme(path, 'odd "name"') is None
    assert saved_theme(path, {'odd "name"'}) == ('odd "name"', [])
    assert 'other = "kept"' in path.read_text("utf-8")
