"""A cancelled meeting on Home: shown as cancelled, and "run meeting" says why it cannot run
instead of opening it live."""

from __future__ import annotations

from textual.widgets import DataTable

from facilitate.models import Meeting
from facilitate.models.enums import MeetingStatus
from facilitate.services.plan.cancel import cancel_meeting
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.screens.home import HomeScreen

from .conftest import TODAY


async def test_home_shows_cancelled_and_refuses_to_run_it(demo_store: Store) -> None:
    (meeting,) = [
        m for m in demo_store.find(Meeting) if m.title == "Steering Committee — November 2026"
    ]
    cancel_meeting(demo_store, meeting.id, "snow storm")
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        table = app.screen.query_one("#upcoming", DataTable)
        row = table.get_row_index(meeting.id)
        assert "cancelled" in str(table.get_row_at(row)[0])
        table.focus()
        table.move_cursor(row=row)
        await pilot.press("m")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        shown = [n.message for n in app._notifications]
        assert any("is cancelled (snow storm)" in str(m) for m in shown)
    assert demo_store.get(Meeting, meeting.id).status is MeetingStatus.PLANNED


async def test_the_agenda_editor_cancels_with_why_and_takes_it_back(demo_store: Store) -> None:
    from textual.widgets import Input

    from facilitate.tui.screens.agenda_editor import AgendaEditorScreen

    (meeting,) = [
        m for m in demo_store.find(Meeting) if m.title == "Steering Committee — November 2026"
    ]
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        app.push_screen(AgendaEditorScreen(meeting.id))
        await pilot.pause()
        assert _says(app, "x") == "Cancel meeting" and _says(app, "p") == "Agenda packets"
        await pilot.press("x")
        await pilot.pause()
        # No reason: the dialog stays open and says why one is needed.
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, AgendaEditorScreen)
        app.screen.query_one("#reason", Input).value = "The room flooded"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, AgendaEditorScreen)
        stored = demo_store.get(Meeting, meeting.id)
        assert (stored.cancelled_at is not None, stored.cancel_reason) == (
            True,
            "The room flooded",
        )
        # On a cancelled meeting the key bar says what x and p do now.
        assert _says(app, "x") == "Take back cancellation"
        assert _says(app, "p") == "Cancellation packets"
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert demo_store.get(Meeting, meeting.id).cancelled_at is None


def _says(app: FacilitateApp, key: str) -> str:
    """What the key bar says `key` does now (its one enabled binding)."""
    [said] = [
        active.binding.description
        for bound, active in app.screen.active_bindings.items()
        if bound == key and active.enabled
    ]
    return said
