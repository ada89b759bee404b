"""Approving earlier minutes from the approving meeting's minutes screen (`a`): a dialog with
mover, seconder, method and corrections; a refusal (another body's minutes with no reason) is
shown in the dialog, and nothing is lost."""

from __future__ import annotations

from textual.widgets import Input, Label, Markdown, Select

from facilitate.models import Decision, Meeting, MinutesApproval
from facilitate.models.enums import DecisionMethod, MeetingStatus
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.approve_minutes import ApproveMinutesDialog
from facilitate.tui.screens.minutes import MinutesScreen

from .conftest import TODAY
from .test_minutes import demo_meetings


async def test_approve_earlier_minutes_from_the_minutes_screen(demo_store: Store) -> None:
    m = demo_meetings(demo_store)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(110, 40)) as pilot:
        app.push_screen(MinutesScreen(m["november"].id))
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ApproveMinutesDialog)
        # The same body's newest draft first: October's.
        assert dialog.query_one("#minutes", Select).value == m["october"].id
        dialog.query_one("#moved-by", Input).value = "Tasha Greene"
        dialog.query_one("#seconded-by", Input).value = "Dana Whitfield"
        dialog.query_one("#method", Select).value = DecisionMethod.CONSENSUS.value
        dialog.query_one("#corrections", Input).value = "Two coaches, not three."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MinutesScreen)
        # The preview renders Markdown; its source is what the minutes say.
        preview = app.screen.query_one("#minutes-preview", Markdown).source
    assert demo_store.get(Meeting, m["october"].id).status is MeetingStatus.APPROVED
    [approval] = demo_store.find(MinutesApproval)
    assert (approval.seconded_by, approval.method) == ("Dana Whitfield", DecisionMethod.CONSENSUS)
    assert (
        "- Minutes of Steering Committee — October 2026 approved; moved by Tasha Greene, "
        "seconded by Dana Whitfield; consensus." in preview
    )
    assert "Approve the minutes of Steering Committee — October 2026 as corrected" in preview


async def test_another_body_s_minutes_without_a_reason_are_refused_in_the_dialog(
    demo_store: Store,
) -> None:
    m = demo_meetings(demo_store)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(110, 40)) as pilot:
        app.push_screen(MinutesScreen(m["november"].id))
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#minutes", Select).value = m["listening"].id
        app.screen.query_one("#moved-by", Input).value = "Tasha Greene"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ApproveMinutesDialog)
        error = str(app.screen.query_one("#error", Label).render())
        assert "is a meeting of Partnership Steering Committee" in error
        assert app.screen.query_one("#moved-by", Input).value == "Tasha Greene"
    assert demo_store.get(Meeting, m["listening"].id).status is MeetingStatus.CLOSED
    assert demo_store.find(Decision, meeting_id=m["november"].id) == []
