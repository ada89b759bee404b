"""The follow-through screen driven by keys on the demo steering committee's open commitments,
checked against the reopened file."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from facilitate.models import ActionItem, Meeting
from facilitate.models.enums import ActionStatus
from facilitate.services.run import follow_through, live
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.action_update import ActionUpdateDialog
from facilitate.tui.screens.follow_through import FollowThroughScreen

from .conftest import TODAY
from .helpers.demo_lookup import upcoming

TRIBAL = "Ask the Tribal Council to review the referral form's ICWA section"
BUDGET = "Bring county budget figures for the peer coach pilot"
PILOT = "Pilot the shared referral form with three families"
THEMES = "Share the listening session's themes with all partners"


async def _type(pilot: Pilot[None], text: str) -> None:
    await pilot.press(*("space" if char == " " else char for char in text))


def _table(app: FacilitateApp, selector: str = "#commitments") -> DataTable[object]:
    return app.screen.query_one(selector, DataTable)


def _texts(app: FacilitateApp) -> list[str]:
    table = _table(app)
    return [str(table.get_row_at(i)[2]) for i in range(table.row_count)]


def _status(app: FacilitateApp, action_text: str) -> str:
    return str(_table(app).get_row_at(_texts(app).index(action_text))[3])


async def _highlight(app: FacilitateApp, pilot: Pilot[None], action_text: str) -> None:
    _table(app).move_cursor(row=_texts(app).index(action_text))
    await pilot.pause()


def _opened(store: Store) -> Meeting:
    meeting = upcoming(store)
    live.open_meeting(store, meeting.id)
    return meeting


async def _answer(pilot: Pilot[None], app: FacilitateApp, key: str, note: str) -> None:
    await pilot.press(key)
    await pilot.pause()
    assert isinstance(app.screen, ActionUpdateDialog)
    await _type(pilot, note)
    await pilot.press("enter")
    await pilot.pause()


async def test_statuses_given_by_keys_are_kept_as_history(demo_store: Store, db_path: Path) -> None:
    meeting = _opened(demo_store)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        underneath = app.screen
        app.push_screen(FollowThroughScreen(meeting.id))
        await pilot.pause()
        assert _texts(app) == [PILOT, TRIBAL, BUDGET, THEMES]
        assert [_status(app, t) for t in _texts(app)] == ["open", "in progress", "open", "open"]
        # Keisha's referral-form pilot was due a month ago: its date is shown in red.
        due = _table(app).get_row_at(0)[0]
        assert isinstance(due, Text) and str(due.style) == "red"
        heading = app.screen.query_one("#ft-heading", Static)
        assert str(heading.render()) == "4 commitments from earlier meetings · 0 answered today"

        await _highlight(app, pilot, TRIBAL)
        await _answer(pilot, app, "b", "Council cancelled")
        assert isinstance(app.screen, FollowThroughScreen)
        assert _status(app, TRIBAL) == "✓ blocked"
        assert "Today: blocked — Council cancelled" in str(
            app.screen.query_one("#ft-detail", Static).render()
        )
        await _highlight(app, pilot, BUDGET)
        await _answer(pilot, app, "d", "")
        await _highlight(app, pilot, PILOT)
        await _answer(pilot, app, "i", "Two so far")
        # Escape in the note dialog records nothing.
        await _highlight(app, pilot, THEMES)
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        # Answered lines stay on the list, in their places, with today's status.
        assert _texts(app) == [PILOT, TRIBAL, BUDGET, THEMES]
        assert [_status(app, t) for t in _texts(app)] == [
            "✓ in progress",
            "✓ blocked",
            "✓ done",
            "open",
        ]
        assert str(heading.render()).endswith("3 answered today")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is underneath

    reopened = Store.open(db_path)
    try:
        actions = {a.text: a for a in reopened.find(ActionItem)}
        tribal = follow_through.history(reopened, actions[TRIBAL].id)
        assert [(u.status, u.note, u.meeting_id) for u in tribal] == [
            (ActionStatus.IN_PROGRESS, "On the Council's agenda next month.", tribal[0].meeting_id),
            (ActionStatus.BLOCKED, "Council cancelled", meeting.id),
        ]
        assert actions[TRIBAL].status is ActionStatus.BLOCKED
        assert actions[BUDGET].status is ActionStatus.DONE
        assert [u.note for u in follow_through.history(reopened, actions[BUDGET].id)] == [""]
        assert actions[PILOT].status is ActionStatus.IN_PROGRESS
        assert actions[THEMES].status is ActionStatus.OPEN
        assert follow_through.history(reopened, actions[THEMES].id) == []
    finally:
        reopened.close()


async def test_history_panel_follows_the_highlighted_action(demo_store: Store) -> None:
    meeting = _opened(demo_store)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(FollowThroughScreen(meeting.id))
        await pilot.pause()
        box = app.screen.query_one("#ft-history-box")
        assert not box.display
        await _highlight(app, pilot, TRIBAL)
        await _answer(pilot, app, "x", "Council declined")
        await pilot.press("h")
        await pilot.pause()
        assert box.display
        history = _table(app, "#ft-history")
        rows = [[str(c) for c in history.get_row_at(i)] for i in range(history.row_count)]
        # Newest first: today's answer, then the update given at the October meeting.
        assert [r[1:] for r in rows] == [
            ["dropped", "Council declined"],
            ["in progress", "On the Council's agenda next month."],
        ]
        title = app.screen.query_one("#ft-history-title", Static)
        assert str(title.render()) == "History, newest first: 2 update(s)"
        await _highlight(app, pilot, BUDGET)
        assert history.row_count == 0
        assert str(title.render()) == "History, newest first: 0 update(s)"
        await pilot.press("h")
        await pilot.pause()
        assert not box.display
        # A dropped action stays on today's list so the answer is visible.
        assert _status(app, TRIBAL) == "✓ dropped"
