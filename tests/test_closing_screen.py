"""The closing screen driven by keys on the demo steering committee's running meeting: today's
actions checked, a plus/delta round, the next date and closing, against the reopened file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from facilitate.models import Meeting
from facilitate.models.enums import MeetingStatus, ReflectionKind
from facilitate.services.run import capture, closing, live
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.confirm import ConfirmDialog
from facilitate.tui.dialogs.untaken import UntakenDialog
from facilitate.tui.screens.closing import ClosingScreen

from .conftest import TODAY
from .helpers.demo_lookup import person, upcoming

BUDGET = "Send the pilot budget to every partner"
DOCKET = "Ask about the court docket"
ROOM = "Book a room for the listening session"


async def _type(pilot: Pilot[None], text: str) -> None:
    await pilot.press(*("space" if char == " " else char for char in text))


async def _answer_untaken(pilot: Pilot[None], app: FacilitateApp) -> None:
    """Closing lists the items never stepped through (issue #17): here, each "not reached"."""
    if isinstance(app.screen, UntakenDialog):
        await pilot.press(*["n"] * len(app.screen.items), "enter")
        await pilot.pause()


def _text(app: FacilitateApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def _running(store: Store, *, flagged: bool = True) -> Meeting:
    """The upcoming steering meeting, opened, with one complete action and (if `flagged`) one
    whose owner matched nobody and one with neither owner nor date."""
    meeting = upcoming(store)
    live.open_meeting(store, meeting.id)
    dana = person(store, "Dana Whitfield")
    capture.add_action(store, meeting.id, BUDGET, owner_person_id=dana.id, due=date(2026, 12, 5))
    if flagged:
        capture.add_action(store, meeting.id, DOCKET, owner_text="the judge")
        capture.add_action(store, meeting.id, ROOM)
    return meeting


async def test_review_plus_delta_and_next_date(demo_store: Store, db_path: Path) -> None:
    meeting = _running(demo_store)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ClosingScreen(meeting.id))
        await pilot.pause()
        heading = app.screen.query_one("#review-heading", Static)
        assert str(heading.render()) == ("Today's actions: 3 · ⚠ 2 need an owner or a due date")
        assert heading.has_class("-flagged")
        review = app.screen.query_one("#review", DataTable)
        rows = [[str(c) for c in review.get_row_at(i)] for i in range(review.row_count)]
        assert [(r[0], r[1], r[2], r[3]) for r in rows] == [
            (BUDGET, "Dana Whitfield", "Dec 05", "ok"),
            (
                DOCKET,
                "the judge",
                "—",
                "⚠ owner “the judge” is not matched to a person; no due date",
            ),
            (ROOM, "—", "—", "⚠ no owner; no due date"),
        ]
        # The first flagged action is highlighted, its reasons spelled out in full below.
        assert review.cursor_row == 1
        assert _text(app, "#review-detail") == (
            f"⚠ {DOCKET}: owner “the judge” is not matched to a person; no due date"
        )

        # The round: + is a plus, - or Δ a delta; a line with neither is kept and explained.
        reflection = app.screen.query_one("#reflection", Input)
        assert reflection.has_focus
        for line in ("+ On time", "- Long", "Δ Jargon"):
            await _type(pilot, line)
            await pilot.press("enter")
            await pilot.pause()
            assert reflection.value == ""
        await _type(pilot, "no mark")
        await pilot.press("enter")
        await pilot.pause()
        assert reflection.value == "no mark"
        assert _text(app, "#reflection-error").startswith("Plus or delta?")
        listed = app.screen.query_one("#reflections", DataTable)
        assert [[str(c) for c in listed.get_row_at(i)] for i in range(listed.row_count)] == [
            ["+", "On time"],
            ["Δ", "Long"],
            ["Δ", "Jargon"],
        ]

        # Next meeting's date: a bad date is explained and what was typed stays.
        await pilot.press("tab", "tab")
        next_date = app.screen.query_one("#next-date", Input)
        assert next_date.has_focus
        await _type(pilot, "someday")
        await pilot.press("enter")
        await pilot.pause()
        status = app.screen.query_one("#next-date-status", Static)
        assert str(status.render()).startswith('could not read date "someday"')
        assert status.has_class("-error")
        assert next_date.value == "someday"
        assert demo_store.get(Meeting, meeting.id).next_meeting_date is None
        await pilot.press("ctrl+u")
        await _type(pilot, "dec 20")
        await pilot.press("enter")
        await pilot.pause()
        assert str(status.render()) == "✓ Next meeting: Sun Dec 20, 2026"
        assert not status.has_class("-error")

    reopened = Store.open(db_path)
    try:
        saved = [(r.kind, r.text) for r in closing.reflections(reopened, meeting.id)]
        assert saved == [
            (ReflectionKind.PLUS, "On time"),
            (ReflectionKind.DELTA, "Long"),
            (ReflectionKind.DELTA, "Jargon"),
        ]
        stored = reopened.get(Meeting, meeting.id)
        assert stored.next_meeting_date == date(2026, 12, 20)
        assert stored.status is MeetingStatus.LIVE
    finally:
        reopened.close()


async def test_close_warns_about_flagged_actions_then_closes(
    demo_store: Store, db_path: Path
) -> None:
    meeting = _running(demo_store)
    results: list[bool | None] = []
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ClosingScreen(meeting.id), callback=results.append)
        await pilot.pause()
        # An unreadable next date holds the close back until it is fixed or cleared.
        await pilot.press("tab", "tab")
        await _type(pilot, "soon")
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert isinstance(app.screen, ClosingScreen)
        assert any("next meeting's date" in str(n.message) for n in app._notifications)
        await pilot.press("ctrl+u")
        await _type(pilot, "12/22")
        await pilot.press("ctrl+k")
        await pilot.pause()
        await _answer_untaken(pilot, app)
        assert isinstance(app.screen, ConfirmDialog)
        question = str(app.screen.query_one(".dialog-question", Static).render())
        assert "2 of today's actions still lack an owner or a due date" in question
        assert f"{DOCKET} — owner “the judge” is not matched to a person" in question
        assert f"{ROOM} — no owner, no due date" in question
        assert BUDGET not in question
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ClosingScreen)
        assert demo_store.get(Meeting, meeting.id).status is MeetingStatus.LIVE
        assert results == []
        await pilot.press("ctrl+k")
        await pilot.pause()
        await _answer_untaken(pilot, app)
        await pilot.press("y")
        await pilot.pause()
        assert not isinstance(app.screen, ClosingScreen | ConfirmDialog)
        assert results == [True]

    reopened = Store.open(db_path)
    try:
        stored = reopened.get(Meeting, meeting.id)
        assert stored.status is MeetingStatus.CLOSED
        assert stored.closed_at is not None
        assert stored.next_meeting_date == date(2026, 12, 22)
    finally:
        reopened.close()


async def test_nothing_flagged_and_escape_leaves_the_meeting_running(
    demo_store: Store, db_path: Path
) -> None:
    meeting = _running(demo_store, flagged=False)
    results: list[bool | None] = []
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ClosingScreen(meeting.id), callback=results.append)
        await pilot.pause()
        heading = app.screen.query_one("#review-heading", Static)
        assert str(heading.render()) == "Today's actions: 1 · ✓ each has an owner and a date"
        assert not heading.has_class("-flagged")
        await pilot.press("ctrl+k")
        await pilot.pause()
        await _answer_untaken(pilot, app)
        question = str(app.screen.query_one(".dialog-question", Static).render())
        assert "⚠" not in question and "draft" in question
        await pilot.press("n", "escape")
        await pilot.pause()
        assert results == [False]
    reopened = Store.open(db_path)
    try:
        assert reopened.get(Meeting, meeting.id).status is MeetingStatus.LIVE
    finally:
        reopened.close()


async def test_decisions_without_a_method_and_lines_never_saved_are_flagged_and_fixed_here(
    demo_store: Store,
) -> None:
    from textual.widgets import Select

    from facilitate.models import Decision
    from facilitate.models.enums import DecisionMethod
    from facilitate.services.run import drafts
    from facilitate.tui.dialogs.correct_entry import CorrectDialog

    meeting = _running(demo_store, flagged=False)
    capture.capture_line(demo_store, meeting.id, "/d Fund the pilot")
    capture.capture_line(demo_store, meeting.id, "/a Call the court due:blursday")
    rules = live.agree_ground_rules(demo_store, meeting.id)
    capture.invoke_rule(demo_store, meeting.id, rules.rules[0].id)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ClosingScreen(meeting.id))
        await pilot.pause()
        summary = _text(app, "#summary")
        assert summary.startswith("Captured: 1 decision · 1 action item · 1 ground rule invoked")
        assert "1 decision has no method recorded: “Fund the pilot”" in summary
        assert "1 typed line was never saved as an entry" in summary
        # ctrl+d: the decision, its method set in the correction dialog.
        await pilot.press("ctrl+d")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, CorrectDialog)
        dialog.query_one("#method", Select).value = DecisionMethod.CONSENT
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "no method recorded" not in _text(app, "#summary")
        # ctrl+x: the line never saved, discarded.
        await pilot.press("ctrl+x")
        await pilot.pause()
        await pilot.press("enter")  # the only line
        await pilot.pause()
        await pilot.press("down", "enter")  # "Discard it"
        await pilot.pause()
        assert "never saved" not in _text(app, "#summary")
    [decision] = demo_store.find(Decision, meeting_id=meeting.id)
    assert decision.method is DecisionMethod.CONSENT
    assert drafts.open_drafts(demo_store, meeting.id) == []
