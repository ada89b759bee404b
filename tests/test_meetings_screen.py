"""The Meetings screen, driven by keys: every meeting by status and date, a filter, and a meeting
one key from its agenda, roles and minutes."""

from __future__ import annotations

from textual.widgets import DataTable, Static

from facilitate.models import Meeting
from facilitate.models.enums import MeetingStatus
from facilitate.services.run import closing, live
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.screens.home import HomeScreen
from facilitate.tui.screens.meetings import MeetingsScreen

from .conftest import TODAY


def _planned(store: Store, prefix: str) -> Meeting:
    return next(
        m for m in store.find(Meeting, status=MeetingStatus.PLANNED) if m.title.startswith(prefix)
    )


def _listed(app: FacilitateApp) -> list[tuple[str, str]]:
    """(status, title) of each row, top to bottom."""
    table = app.screen.query_one("#meetings", DataTable)
    return [
        (str(table.get_row_at(i)[1]), str(table.get_row_at(i)[2])) for i in range(table.row_count)
    ]


def _cursor_key(app: FacilitateApp) -> str | None:
    table = app.screen.query_one("#meetings", DataTable)
    return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value


async def _open_meetings(app: FacilitateApp, pilot: object) -> None:
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.press("a")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, MeetingsScreen)


async def test_every_meeting_by_status_then_date(demo_store: Store) -> None:
    steering = _planned(demo_store, "Steering")
    live.open_meeting(demo_store, steering.id)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("escape")  # the live screen the app resumed; back to Home
        await _open_meetings(app, pilot)
        assert _listed(app) == [
            ("live", "Steering Committee — November 2026"),
            ("planned", "Core Team — Nov 24"),
            ("minutes draft", "Core Team — Nov 08"),
            ("minutes draft", "Steering Committee — October 2026"),
            ("minutes draft", "Listening session: what helps families stay together"),
            ("approved", "Steering Committee — September 2026"),
            ("approved", "Steering Committee — August 2026"),
        ]
        await pilot.press("4")
        await pilot.pause()
        assert [status for status, _ in _listed(app)] == ["approved", "approved"]
        showing = str(app.screen.query_one("#meetings-showing", Static).render())
        assert "2 meetings · approved" in showing
        await pilot.press("0")
        await pilot.pause()
        assert len(_listed(app)) == 7


async def test_minutes_of_a_meeting_closed_with_a_later_date(demo_store: Store) -> None:
    from facilitate.tui.screens.minutes import MinutesScreen

    core = _planned(demo_store, "Core Team")  # Tue Nov 24, after TODAY
    live.open_meeting(demo_store, core.id)
    closing.close_meeting(demo_store, core.id)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await _open_meetings(app, pilot)
        await pilot.press("3")  # minutes still a draft
        await pilot.pause()
        assert _listed(app)[0] == ("minutes draft", core.title)
        assert {status for status, _ in _listed(app)} == {"minutes draft"}
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, MinutesScreen)
        assert app.screen.meeting_id == core.id
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingsScreen)
        assert _cursor_key(app) == core.id


async def test_typed_filter_then_agenda_and_roles(demo_store: Store) -> None:
    from facilitate.tui.screens.agenda_editor import AgendaEditorScreen
    from facilitate.tui.screens.roles import RolesScreen

    listening = next(m for m in demo_store.find(Meeting) if m.title.startswith("Listening"))
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await _open_meetings(app, pilot)
        await pilot.press("slash", *"cedar river")  # words of its place, any case
        await pilot.pause()
        assert _listed(app) == [("minutes draft", listening.title)]
        await pilot.press("enter")  # back to the list
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, AgendaEditorScreen)
        assert app.screen.meeting_id == listening.id
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, RolesScreen)
        assert app.screen.meeting_id == listening.id
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_a_filter_matching_nothing_says_so_and_keys_refuse_calmly(demo_store: Store) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await _open_meetings(app, pilot)
        await pilot.press("slash", *"[b]nothing[/]")
        await pilot.pause()
        assert _listed(app) == []
        showing = str(app.screen.query_one("#meetings-showing", Static).render())
        assert "matching “[b]nothing[/]”" in showing
        await pilot.press("escape")  # out of the filter, still on the screen
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, MeetingsScreen)
        assert any("No meeting listed" in str(n.message) for n in app._notifications)


async def test_a_cancelled_meeting_reads_cancelled_on_the_meetings_screen(
    demo_store: Store,
) -> None:
    from facilitate.services.plan.cancel import cancel_meeting

    planned = next(m for m in demo_store.find(Meeting) if m.status is MeetingStatus.PLANNED)
    cancel_meeting(demo_store, planned.id, reason="Snow closure")
    async with FacilitateApp(demo_store, today=TODAY).run_test(size=(120, 30)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        table = pilot.app.screen.query_one("#meetings", DataTable)
        assert str(table.get_row(planned.id)[1]) == "cancelled"
