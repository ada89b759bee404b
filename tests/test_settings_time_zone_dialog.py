"""The meeting time zone, set in the app's settings dialog (until now only by `facilitate
settings set time-zone`): a misspelt zone is refused in the form with what was probably meant,
nothing stored and nothing typed lost; only what was changed is written; empty unsets it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Label

from facilitate.services import time_zone
from facilitate.services.record import settings
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.settings import SettingsDialog
from facilitate.tui.screens.setup import SetupScreen

from .conftest import TODAY


async def _type(pilot: Pilot[None], text: str) -> None:
    await pilot.press(*("space" if char == " " else char for char in text))


def _stored(db_path: Path) -> settings.Settings:
    """The settings as the file says, read through a second connection."""
    other = Store.open(db_path)
    try:
        return settings.read(other)
    finally:
        other.close()


async def _open_settings(app: FacilitateApp, pilot: Pilot[None]) -> None:
    """Set-up's last step, then e: the settings dialog, on its first field."""
    app.push_screen(SetupScreen())
    await pilot.pause()
    await pilot.press("5")
    await pilot.pause()
    await pilot.press("e")
    await pilot.pause()
    assert isinstance(app.screen, SettingsDialog)


@pytest.fixture
def computer_in_utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A computer that says only UTC, so set-up offers no zone of its own: the field is empty
    whatever machine runs the test."""
    monkeypatch.setenv("TZ", "Etc/UTC")
    time_zone.local_zone.cache_clear()
    yield
    monkeypatch.undo()
    time_zone.local_zone.cache_clear()


@pytest.mark.usefixtures("computer_in_utc")
async def test_time_zone_is_checked_then_stored_from_the_dialog(
    store: Store, db_path: Path
) -> None:
    settings.set_setting(store, settings.COORDINATOR_NAME, "Ana Ruiz")
    app = FacilitateApp(store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_settings(app, pilot)
        await pilot.press("tab", "tab")
        zone = app.screen.query_one("#time-zone", Input)
        assert zone.has_focus and zone.value == ""
        await _type(pilot, "Amercia/Chicago")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsDialog)
        assert str(app.screen.query_one("#error", Label).render()) == (
            "time-zone: 'Amercia/Chicago' is not a time zone; did you mean America/Chicago?"
        )
        assert zone.value == "Amercia/Chicago"
        assert _stored(db_path).time_zone == ""

        # Another window renames the coordinator meanwhile: only the zone typed here is written.
        settings.set_setting(store, settings.COORDINATOR_NAME, "Sofia Alvarez")
        await pilot.press("ctrl+u")
        await _type(pilot, "America/Chicago")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert _stored(db_path) == settings.Settings("Sofia Alvarez", "", "America/Chicago")

        # Opened again, it shows the zone; emptied, the zone is unset (the computer's own).
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one("#time-zone", Input).value == "America/Chicago"
        await pilot.press("tab", "tab", "ctrl+u", "ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert _stored(db_path).time_zone == ""
