"""The home screen, driven through Textual's Pilot as a user would."""

from __future__ import annotations

from datetime import date, datetime

from textual.widgets import DataTable, Static

from facilitate.models import ActionItem, Meeting
from facilitate.models.enums import ActionStatus, MeetingStatus
from facilitate.services.run import closing, live
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.screens.home import HomeScreen

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
    """? or F1 lists Home's own keys first; the same key closes the list."""
    from facilitate.tui.widgets.screen_help import ScreenHelp

    app = FacilitateApp(demo_store, today=date(2026, 11, 22))
    async with app.run_test(size=(100, 30)) as pilot:
        for key in ("question_mark", "f1"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, ScreenHelp)
            shown = " ".join(str(s.render()) for s in app.screen.query("Static"))
            assert "New meeting" in shown and "All meetings" in shown
            assert shown.index("New meeting") < shown.index("Quit")
            await pilot.press(key)
            await pilot.pause()
            assert not isinstance(app.screen, ScreenHelp)


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


# -- no meeting out of reach, set-up, starting on purpose, the cursor (issue #10) ----------------


def _row_keys(table: DataTable[object]) -> list[str | None]:
    return [row.value for row in table.rows]


def _cursor_key(table: DataTable[object]) -> str | None:
    return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value


def _planned(store: Store, prefix: str) -> Meeting:
    return next(
        m for m in store.find(Meeting, status=MeetingStatus.PLANNED) if m.title.startswith(prefix)
    )


async def test_a_meeting_closed_with_a_later_date_stays_on_home(demo_store: Store) -> None:
    from facilitate.tui.screens.minutes import MinutesScreen

    core = _planned(demo_store, "Core Team")  # Tue Nov 24, two days after TODAY
    live.open_meeting(demo_store, core.id)
    closing.close_meeting(demo_store, core.id)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        upcoming = app.screen.query_one("#upcoming", DataTable)
        keys = _row_keys(upcoming)
        assert core.id in keys
        row = keys.index(core.id)
        assert "minutes draft" in str(upcoming.get_row_at(row)[0])
        # Its minutes, packets and preview are a key away.
        upcoming.focus()
        await pilot.press(*["down"] * row, "v")
        await pilot.pause()
        assert isinstance(app.screen, MinutesScreen)
        assert app.screen.meeting_id == core.id


async def test_a_planned_meeting_whose_day_passed_stays_on_home(demo_store: Store) -> None:
    steering = _planned(demo_store, "Steering")
    steering.starts_at = datetime(2026, 11, 15, 13, 0)  # a week before TODAY, never run
    demo_store.save(steering)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        upcoming = app.screen.query_one("#upcoming", DataTable)
        keys = _row_keys(upcoming)
        assert steering.id in keys
        assert "not run" in str(upcoming.get_row_at(keys.index(steering.id))[0])


async def test_home_with_no_partnership_offers_set_up(store: Store) -> None:
    from facilitate.tui.screens.setup import SetupScreen

    app = FacilitateApp(store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        offer = app.screen.query_one("#no-partnership", Static)
        assert offer.display
        assert "Press s to set up your partnership" in str(offer.render())
        # n is no dead end: it says what to do instead.
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert any("Press s to set up" in str(n.message) for n in app._notifications)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_set_up_is_one_key_away_in_a_partnership_already_set_up(demo_store: Store) -> None:
    from facilitate.tui.screens.setup import SetupScreen

    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert not app.screen.query_one("#no-partnership", Static).display
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)


async def test_the_app_can_open_on_set_up(store: Store) -> None:
    from facilitate.tui.screens.setup import SetupScreen

    app = FacilitateApp(store, today=TODAY, setup=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)


async def test_new_meeting_starts_from_the_highlighted_meetings_series(demo_store: Store) -> None:
    from textual.widgets import Select

    from facilitate.tui.dialogs.new_meeting import NewMeetingDialog

    steering = _planned(demo_store, "Steering")
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        upcoming = app.screen.query_one("#upcoming", DataTable)
        row = _row_keys(upcoming).index(steering.id)
        upcoming.focus()
        await pilot.press(*["down"] * row, "n")
        await pilot.pause()
        assert isinstance(app.screen, NewMeetingDialog)
        assert app.screen.query_one("#series", Select).value == steering.series_id


async def test_the_cursor_stays_on_its_meeting_after_the_agenda(demo_store: Store) -> None:
    from facilitate.tui.screens.agenda_editor import AgendaEditorScreen

    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        upcoming = app.screen.query_one("#upcoming", DataTable)
        upcoming.focus()
        await pilot.press("down", "down")
        chosen = _cursor_key(upcoming)
        assert chosen is not None and chosen != _row_keys(upcoming)[0]
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, AgendaEditorScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert _cursor_key(upcoming) == chosen
        await pilot.press("r")
        await pilot.pause()
        assert _cursor_key(upcoming) == chosen


async def test_running_a_meeting_planned_for_another_day_asks_first(demo_store: Store) -> None:
    from facilitate.tui.dialogs.confirm import ConfirmDialog
    from facilitate.tui.screens.live import LiveMeetingScreen

    core = _planned(demo_store, "Core Team")  # Tue Nov 24; TODAY is Sun Nov 22
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        upcoming = app.screen.query_one("#upcoming", DataTable)
        assert _cursor_key(upcoming) == core.id
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert app.screen.question == (
            f"“{core.title}” is planned for Tue Nov 24. Hold it today, Sun Nov 22, instead? "
            "It moves to today and starts now."
        )
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert demo_store.get(Meeting, core.id).status is MeetingStatus.PLANNED
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, LiveMeetingScreen)
        assert demo_store.get(Meeting, core.id).status is MeetingStatus.LIVE


async def test_running_a_meeting_planned_for_today_asks_nothing(demo_store: Store) -> None:
    from facilitate.tui.screens.live import LiveMeetingScreen

    core = _planned(demo_store, "Core Team")
    app = FacilitateApp(demo_store, today=core.starts_at.date())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert _cursor_key(app.screen.query_one("#upcoming", DataTable)) == core.id
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, LiveMeetingScreen)
        assert demo_store.get(Meeting, core.id).status is MeetingStatus.LIVE


async def test_all_meetings_is_one_key_from_home(demo_store: Store) -> None:
    from facilitate.tui.screens.meetings import MeetingsScreen

    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, MeetingsScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
