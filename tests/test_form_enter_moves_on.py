"""Enter in a form that names its last text field (`FormDialog.LAST_FIELD`) moves from field to
field and saves only from that one; a form without one saves from any field."""

from __future__ import annotations

from textual.pilot import Pilot

from facilitate.models import MeetingSeries
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.series_form import SeriesDialog
from facilitate.tui.dialogs.theme_name import ThemeNameDialog
from facilitate.tui.screens.setup import SetupScreen

from .conftest import TODAY


async def _type(pilot: Pilot[None], text: str) -> None:
    await pilot.press(*("space" if char == " " else char for char in text))


def _focused(app: FacilitateApp) -> str | None:
    focused = app.screen.focused
    return focused.id if focused is not None else None


def _names(store: Store) -> set[str]:
    return {s.name for s in store.find(MeetingSeries)}


async def test_enter_walks_the_series_form_and_saves_from_its_last_field(
    demo_store: Store,
) -> None:
    before = _names(demo_store)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        app.push_screen(SetupScreen())
        await pilot.pause()
        await pilot.press("4", "a")
        await pilot.pause()
        assert isinstance(app.screen, SeriesDialog) and _focused(app) == "name"
        await _type(pilot, "Budget working group")
        await pilot.press("enter")
        await pilot.pause()
        # Moved on to the next field; nothing was saved from the name.
        assert isinstance(app.screen, SeriesDialog) and _focused(app) == "kind"
        assert _names(demo_store) == before
        await pilot.press("tab")
        assert _focused(app) == "cadence"
        await _type(pilot, "monthly")
        await pilot.press("enter")
        assert _focused(app) == "place"
        await pilot.press("enter")
        assert isinstance(app.screen, SeriesDialog) and _names(demo_store) == before
        app.screen.query_one("#minutes").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
    assert _names(demo_store) == before | {"Budget working group"}


async def test_a_form_without_a_last_field_saves_on_enter(store: Store) -> None:
    answers: list[str | None] = []
    app = FacilitateApp(store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(ThemeNameDialog("Name the theme"), answers.append)
        await pilot.pause()
        await _type(pilot, "court-dates")
        await pilot.press("enter")
        await pilot.pause()
    assert answers == ["court-dates"]


async def test_enter_in_the_settings_form_moves_on_until_its_last_field(store: Store) -> None:
    """The settings form's fields are typed one after another: Enter moves on to the last (it
    closed after the name, and the rest typed went to the screen as commands)."""
    from facilitate.services.record.settings import Settings
    from facilitate.tui.dialogs.settings import SettingsDialog

    saved: list[tuple[str, str, str]] = []

    def save(name: str, email: str, zone: str) -> Settings:
        saved.append((name, email, zone))
        return Settings(name, email, zone)

    app = FacilitateApp(store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(SettingsDialog(Settings(), save))
        await pilot.pause()
        await _type(pilot, "Rosa Lind")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SettingsDialog)
        assert _focused(app) == "coordinator-email"
        await _type(pilot, "rosa@county.org")
        await pilot.press("enter")
        await pilot.pause()
        assert _focused(app) == "time-zone" and not saved
        await _type(pilot, "America/Denver")
        await pilot.press("enter")
        await pilot.pause()
    assert saved == [("Rosa Lind", "rosa@county.org", "America/Denver")]
