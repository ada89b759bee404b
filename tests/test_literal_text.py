"""What people type is shown as typed: brackets in a title, a note or an action are text, never
markup (before, "[b]" vanished and "[/]" could not be drawn at all)."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Static

from facilitate.models import ActionItem, Meeting
from facilitate.models.enums import MeetingStatus
from facilitate.services.plan import agenda
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.screens.live import LiveMeetingScreen

from .conftest import TODAY

HOSTILE = "a [/] b and [b]not bold[/b]"


def _steering(store: Store) -> Meeting:
    return next(
        m
        for m in store.find(Meeting, order_by="starts_at")
        if m.status == MeetingStatus.PLANNED and m.title.startswith("Steering")
    )


def _cells(table: DataTable[object]) -> list[str]:
    return [str(cell) for i in range(table.row_count) for cell in table.get_row_at(i)]


async def test_the_live_screen_shows_brackets_as_typed(demo_store: Store) -> None:
    meeting = _steering(demo_store)
    first = agenda.items(demo_store, meeting.id)[0]
    first.title = "Budget [/] review"
    demo_store.save(first)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(120, 30)) as pilot:
        app.screen.run_meeting(meeting.id)  # type: ignore[attr-defined]
        await pilot.pause()
        assert isinstance(app.screen, LiveMeetingScreen)
        app.screen.query_one("#capture", Input).value = HOSTILE
        await pilot.press("enter")
        app.screen.query_one("#capture", Input).value = "/a Send [draft] @nobody due:fri"
        await pilot.press("enter")
        await pilot.pause()
        cells = _cells(app.screen.query_one("#entries", DataTable))
        assert HOSTILE in cells
        assert any(cell.startswith("Send [draft]") for cell in cells)
        # An owner the parser cannot read keeps the line as a note, and the problem quotes it,
        # brackets and all.
        app.screen.query_one("#capture", Input).value = "/a Call them @[/]x"
        await pilot.press("enter")
        await pilot.pause()
        feedback = str(app.screen.query_one("#capture-feedback", Static).render())
        assert '"@[/]x"' in feedback
        status = str(app.screen.query_one("#live-status", Static).render())
        assert "Budget [/] review" in status


async def test_the_home_screen_shows_an_action_as_typed(demo_store: Store) -> None:
    meeting = _steering(demo_store)
    demo_store.insert(ActionItem(meeting_id=meeting.id, text=HOSTILE))
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(200, 40)) as pilot:
        await pilot.pause()
        assert HOSTILE in _cells(app.screen.query_one("#actions", DataTable))


async def test_a_notification_quotes_a_title_as_typed(demo_store: Store) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.notify(f"“{HOSTILE}” is already closed.")
        await pilot.pause()
        assert [n.message for n in app._notifications] == [f"“{HOSTILE}” is already closed."]
        assert not [n for n in app._notifications if n.markup]
