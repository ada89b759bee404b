"""The home screen, driven through Textual's Pilot as a user would."""

from __future__ import annotations

from datetime import date

from textual.widgets import DataTable

from facilitate.models import ActionItem
from facilitate.models.enums import ActionStatus
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp

from .conftest import TODAY


def _cells(table: DataTable[object]) -> list[list[str]]:
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def test_demo_opens_on_home_screen(demo_store: Store) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        bodies = _cells(app.screen.query_one("#bodies", DataTable))
        # One row per body and series, by the body's short name, sorted by its full name.
        assert [(row[0], row[1]) for row in bodies] == [
            ("Listening", "Community Listening Sessions"),
            ("Core", "Core Team (every two weeks)"),
            ("Steering", "Steering Committee (monthly)"),
        ]
        upcoming = _cells(app.screen.query_one("#upcoming", DataTable))
        assert [row[1] for row in upcoming][:2] == [
            "Core Team — Nov 24",
            "Steering Committee — November 2026",
        ]
        # Then the meetings already held, newest first, with their minutes' state.
        assert "minutes draft" in upcoming[2][0]
        assert "Core Team" in upcoming[2][1]
        actions = app.screen.query_one("#actions", DataTable)
        rows = _cells(actions)
        assert len(rows) == 5
        # Overdue actions come first and say how late they are.
        assert "late" in rows[0][0]
        assert "late" not in rows[-1][0]
        title = str(app.screen.query_one("#actions-title").render())
        assert "5, 4 overdue" in title


async def test_refresh_shows_an_action_closed_elsewhere(demo_store: Store) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#actions", DataTable)
        assert table.row_count == 5
        action = demo_store.find(ActionItem, status=ActionStatus.OPEN, order_by="due")[0]
        action.status = ActionStatus.DONE
        demo_store.save(action)
        await pilot.press("r")
        await pilot.pause()
        assert table.row_count == 4


async def test_help_key_shows_bindings(demo_store: Store) -> None:
    app = FacilitateApp(demo_store, today=date(2026, 11, 22))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.screen.query("HelpPanel")
        await pilot.press("question_mark")
        await pilot.pause()
        assert not app.screen.query("HelpPanel")


async def test_palette_lists_screen_actions(demo_store: Store) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Refresh" in titles
        assert "Quit" in titles


async def test_home_keys_open_minutes_people_rules_and_roles(demo_store: Store) -> None:
    from facilitate.tui.screens.ground_rules import GroundRulesScreen
    from facilitate.tui.screens.minutes import MinutesScreen
    from facilitate.tui.screens.roles import RolesScreen
    from facilitate.tui.screens.roster import RosterScreen

    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for keys, screen in (
            (("l",), RolesScreen),
            (("g",), GroundRulesScreen),
            (("p",), RosterScreen),
            (("down", "down", "v"), MinutesScreen),  # the newest meeting already held
        ):
            await pilot.press(*keys)
            await pilot.pause()
            assert isinstance(app.screen, screen), keys
            await pilot.press("escape")
            await pilot.pause()
