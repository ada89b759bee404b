"""Set-up's last step asks where the partnership meets: its time zone, offered as this
computer's when the computer has a real one, asked for with an example when it only says UTC
(a fresh server or container), and stored through the settings service like the app's Settings.

"This computer's zone" is what the TZ variable says here, so no test depends on the machine."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Label, Static

from facilitate.services import time_zone
from facilitate.services.record import settings
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.settings import SettingsDialog
from facilitate.tui.screens.setup import SetupScreen

from .conftest import TODAY


@pytest.fixture
def computer_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Lets a test say the computer's zone (`TZ`), forgetting the zone read before and after."""
    monkeypatch.delenv("TZ", raising=False)
    time_zone.local_zone.cache_clear()
    yield
    monkeypatch.undo()
    time_zone.local_zone.cache_clear()


def _in_zone(monkeypatch: pytest.MonkeyPatch, zone: str) -> None:
    monkeypatch.setenv("TZ", zone)
    time_zone.local_zone.cache_clear()


def _stored(db_path: Path) -> settings.Settings:
    """The settings as the file says, read through a second connection."""
    other = Store.open(db_path)
    try:
        return settings.read(other)
    finally:
        other.close()


def _you_rows(app: FacilitateApp) -> dict[str, str]:
    table = app.screen.query_one("#you-table", DataTable)
    rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
    return {row[0]: row[1] for row in rows}


def _hint(app: FacilitateApp) -> str:
    return str(app.screen.query_one("#setup-hint", Static).render())


async def _type(pilot: Pilot[None], text: str) -> None:
    await pilot.press(*("space" if char == " " else char for char in text))


async def _step_five(app: FacilitateApp, pilot: Pilot[None]) -> None:
    app.push_screen(SetupScreen())
    await pilot.pause()
    await pilot.press("5")
    await pilot.pause()


async def _saved(app: FacilitateApp, pilot: Pilot[None]) -> None:
    await pilot.press("ctrl+s")
    await app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.usefixtures("computer_zone")
async def test_step_five_offers_this_computer_s_zone(
    store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _in_zone(monkeypatch, "America/Chicago")
    app = FacilitateApp(store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await _step_five(app, pilot)
        assert _you_rows(app)["Time zone"] == "(not set: this computer's, America/Chicago)"
        assert "time zone" in _hint(app) and "UTC" not in _hint(app)

        # e on the time zone row: the dialog starts in that field, this computer's zone in it.
        await pilot.press("down", "down", "e")
        await pilot.pause()
        assert isinstance(app.screen, SettingsDialog)
        zone = app.screen.query_one("#time-zone", Input)
        assert zone.has_focus and zone.value == "America/Chicago"
        await _saved(app, pilot)
        assert isinstance(app.screen, SetupScreen)
        assert _stored(db_path) == settings.Settings(time_zone="America/Chicago")
        assert _you_rows(app)["Time zone"] == "America/Chicago"


@pytest.mark.usefixtures("computer_zone")
async def test_step_five_asks_for_a_zone_when_the_computer_says_only_utc(
    store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _in_zone(monkeypatch, "Etc/UTC")
    app = FacilitateApp(store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await _step_five(app, pilot)
        assert _you_rows(app)["Time zone"] == "(not set: times print in UTC)"
        assert "No time zone yet: meetings' times print in UTC" in _hint(app)

        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SettingsDialog)
        zone = app.screen.query_one("#time-zone", Input)
        assert (zone.value, zone.placeholder) == ("", "e.g. America/Chicago")

        # A city alone is refused with the zone it names; nothing is stored, nothing lost.
        await _type(pilot, "chicago")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsDialog)
        assert str(app.screen.query_one("#error", Label).render()) == (
            "time-zone: 'chicago' is not a time zone; did you mean America/Chicago?"
        )
        assert zone.value == "chicago" and _stored(db_path).time_zone == ""

        await pilot.press("ctrl+u")
        await _type(pilot, "America/Chicago")
        await _saved(app, pilot)
        assert isinstance(app.screen, SetupScreen)
        assert _stored(db_path).time_zone == "America/Chicago"
        assert _you_rows(app)["Time zone"] == "America/Chicago"
        assert "No time zone yet" not in _hint(app)


@pytest.mark.usefixtures("computer_zone")
async def test_a_zone_already_set_is_shown_not_replaced_by_this_computer_s(
    store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.set_setting(store, settings.TIME_ZONE, "America/Denver")
    _in_zone(monkeypatch, "America/Chicago")
    app = FacilitateApp(store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await _step_five(app, pilot)
        assert _you_rows(app)["Time zone"] == "America/Denver"
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, SettingsDialog)
        assert app.screen.query_one("#coordinator-name", Input).has_focus
        assert app.screen.query_one("#time-zone", Input).value == "America/Denver"
        await _saved(app, pilot)
        assert _stored(db_path).time_zone == "America/Denver"
