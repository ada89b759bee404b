"""From the agenda editor, by keys: see who has proposed nothing, call for items, then send
the agenda packets; the sharing log lists both."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Label, Static

from facilitate.models import Meeting
from facilitate.services.plan.cancel import cancel_meeting
from facilitate.services.share.sharing import share_log
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.agenda_out import AgendaMailDialog
from facilitate.tui.screens.agenda_editor import AgendaEditorScreen

from .conftest import TODAY


async def test_call_for_items_then_agenda_packets(demo_store: Store, db_path: Path) -> None:
    (meeting,) = [
        m for m in demo_store.find(Meeting) if m.title == "Steering Committee — November 2026"
    ]
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        app.push_screen(AgendaEditorScreen(meeting.id))
        await pilot.pause()
        quiet = str(app.screen.query_one("#no-proposals", Static).render())
        assert "Riverbend" in quiet
        assert "Cedar River ICWA" not in quiet

        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, AgendaMailDialog)
        by = app.screen.query_one("#by", Input)
        assert by.value == "2026-11-24"  # the meeting is a week away: two days to answer
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, AgendaEditorScreen)

        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, AgendaMailDialog)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, AgendaEditorScreen)

    logged = share_log(demo_store, meeting_id=meeting.id)
    documents = {line.record.document for line in logged}
    assert documents == {"call-for-items", "agenda", "invitation"}
    exports = db_path.parent / "exports"
    assert len(list((exports / "call-for-items").glob("*/*.eml"))) >= 5
    assert len(list((exports / "agenda-packets").glob("*/*-email.eml"))) >= 5
    for line in logged:
        assert Path(line.record.path).is_file()


async def test_the_call_dialog_keeps_a_date_it_cannot_ask_for(demo_store: Store) -> None:
    (meeting,) = [
        m for m in demo_store.find(Meeting) if m.title == "Steering Committee — November 2026"
    ]
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        app.push_screen(AgendaEditorScreen(meeting.id))
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        for typed, says in (
            ("2026-11-20", "Items by: Friday, November 20, 2026 has passed"),
            ("2026-11-30", "Items by: Monday, November 30, 2026 is after the meeting"),
        ):
            app.screen.query_one("#by", Input).value = typed
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, AgendaMailDialog)
            assert str(app.screen.query_one("#error", Label).render()).startswith(says)
            assert app.screen.query_one("#by", Input).value == typed
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert share_log(demo_store, meeting_id=meeting.id) == []


async def test_no_call_for_a_cancelled_meeting(demo_store: Store) -> None:
    (meeting,) = [
        m for m in demo_store.find(Meeting) if m.title == "Steering Committee — November 2026"
    ]
    cancel_meeting(demo_store, meeting.id, "snow closure")
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        app.push_screen(AgendaEditorScreen(meeting.id))
        await pilot.pause()
        await pilot.press("i")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, AgendaEditorScreen)
        (said,) = [n.message for n in app._notifications]
        assert "is cancelled (snow closure)" in said


async def test_sending_a_cancelled_meeting_from_the_editor_writes_its_cancellation(
    demo_store: Store, db_path: Path
) -> None:
    (meeting,) = [
        m for m in demo_store.find(Meeting) if m.title == "Steering Committee — November 2026"
    ]
    cancel_meeting(demo_store, meeting.id, "snow closure")
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        app.push_screen(AgendaEditorScreen(meeting.id))
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, AgendaMailDialog)
        assert "Cancellation packets" in str(app.screen.query_one(".dialog-title").render())
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, AgendaEditorScreen)
    packets = db_path.parent / "exports" / "agenda-packets"
    assert len(list(packets.glob("*/*-cancellation-email.eml"))) >= 5
    assert list(packets.glob("*/*-agenda-*")) == []
    assert {line.record.document for line in share_log(demo_store, meeting_id=meeting.id)} == {
        "invitation",
        "cancellation",
    }
