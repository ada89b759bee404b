"""Closing asks once, in one list, what became of every item never stepped through: t, n, m
answer one, a says all the rest were taken, Enter accepts; backing out at the final "Close?"
keeps the answers; the app and `meetings close` record them through one service."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from facilitate.models import AgendaItem, Meeting
from facilitate.models.enums import ItemState, MeetingStatus
from facilitate.services.run import closing, live
from facilitate.services.run.closing import UnansweredError
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.confirm import ConfirmDialog
from facilitate.tui.dialogs.untaken import UntakenDialog
from facilitate.tui.screens.closing import ClosingScreen
from facilitate.tui.widgets.table import Table

from .conftest import TODAY
from .helpers.demo_lookup import upcoming


def _opened(store: Store) -> Meeting:
    """The demo's steering meeting, opened, its first item taken and its second under way: the
    rest are never stepped through."""
    meeting = upcoming(store)
    live.open_meeting(store, meeting.id)
    first = store.find(AgendaItem, meeting_id=meeting.id, order_by="position")[0]
    live.start_item(store, first.id)
    live.next_item(store, meeting.id, first.id)
    return meeting


def _items(store: Store, meeting: Meeting) -> list[AgendaItem]:
    """The items never stepped through, in agenda order."""
    items = closing.untaken(store, meeting.id)
    assert len(items) >= 3
    return items


def _states(store: Store, items: list[AgendaItem]) -> list[ItemState]:
    return [store.get(AgendaItem, item.id).state for item in items]


def _answers_shown(app: FacilitateApp) -> list[str]:
    table = app.screen.query_one("#untaken", Table)
    return [str(table.get_row_at(row)[1]) for row in range(table.row_count)]


async def _close(app: FacilitateApp, pilot: Pilot[None], meeting: Meeting) -> None:
    app.push_screen(ClosingScreen(meeting.id))
    await pilot.pause()
    await pilot.press("ctrl+k")
    await pilot.pause()


async def test_one_list_t_n_m_then_all_the_rest_taken(demo_store: Store, db_path: Path) -> None:
    meeting = _opened(demo_store)
    items = _items(demo_store, meeting)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await _close(app, pilot, meeting)
        assert isinstance(app.screen, UntakenDialog)
        table = app.screen.query_one("#untaken", Table)
        assert [str(table.get_row_at(r)[0]) for r in range(table.row_count)] == [
            i.title for i in items
        ]
        assert set(_answers_shown(app)) == {"—"}, "nothing is assumed"
        assert table.size.height == len(items) + 1, "as tall as its rows, no blank ones"
        await pilot.press("t", "n", "m", "a")
        await pilot.pause()
        assert _answers_shown(app)[:3] == ["taken", "not reached", "moved to the next meeting"]
        assert set(_answers_shown(app)[3:]) == {"taken"}
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        question = str(app.screen.query_one(".dialog-question", Static).render())
        taken = len(items) - 2
        assert f"Never stepped through: {taken} taken, 1 not reached, 1 moved" in question
        assert _states(demo_store, items) == [ItemState.PENDING] * len(items)
        await pilot.press("y")
        await pilot.pause()
    reopened = Store.open(db_path)
    try:
        assert reopened.get(Meeting, meeting.id).status is MeetingStatus.CLOSED
        assert _states(reopened, items) == [
            ItemState.DONE,
            ItemState.NOT_REACHED,
            ItemState.CONTINUE_NEXT_TIME,
        ] + [ItemState.DONE] * (len(items) - 3)
    finally:
        reopened.close()


async def test_enter_with_items_unanswered_names_them_and_waits(demo_store: Store) -> None:
    meeting = _opened(demo_store)
    items = _items(demo_store, meeting)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await _close(app, pilot, meeting)
        await pilot.press("n", "enter")
        await pilot.pause()
        assert isinstance(app.screen, UntakenDialog)
        error = str(app.screen.query_one("#untaken-error", Static).render())
        assert error.startswith(f"{len(items) - 1} items need an answer: “{items[1].title}”")
        assert app.screen.query_one("#untaken", Table).cursor_row == 1
    assert demo_store.get(Meeting, meeting.id).status is MeetingStatus.LIVE
    assert _states(demo_store, items) == [ItemState.PENDING] * len(items)


async def test_not_yet_at_the_final_confirm_keeps_the_answers(demo_store: Store) -> None:
    meeting = _opened(demo_store)
    items = _items(demo_store, meeting)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await _close(app, pilot, meeting)
        await pilot.press(*["n"] * len(items), "enter")
        await pilot.pause()
        await pilot.press("n")  # "Not yet" at the final confirm
        await pilot.pause()
        assert isinstance(app.screen, ClosingScreen)
        assert _states(demo_store, items) == [ItemState.PENDING] * len(items)
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert isinstance(app.screen, UntakenDialog)
        assert _answers_shown(app) == ["not reached"] * len(items)
        await pilot.press("enter")  # the answers as given: nothing asked again
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
    assert demo_store.get(Meeting, meeting.id).status is MeetingStatus.CLOSED
    assert _states(demo_store, items) == [ItemState.NOT_REACHED] * len(items)


def test_close_with_answers_refuses_an_item_left_unanswered(demo_store: Store) -> None:
    meeting = _opened(demo_store)
    items = _items(demo_store, meeting)
    answers = {item.id: ItemState.DONE for item in items[1:]}
    with pytest.raises(UnansweredError, match=f"1 item never stepped through.*{items[0].title}"):
        closing.close_with_answers(demo_store, meeting.id, answers)
    assert demo_store.get(Meeting, meeting.id).status is MeetingStatus.LIVE
    assert _states(demo_store, items) == [ItemState.PENDING] * len(items), "nothing written"


def test_an_item_taken_up_meanwhile_keeps_its_own_state(demo_store: Store) -> None:
    meeting = _opened(demo_store)
    items = _items(demo_store, meeting)
    answers = {item.id: ItemState.NOT_REACHED for item in items}
    live.start_item(demo_store, items[0].id)  # the other window took it up after the answers
    closing.close_with_answers(demo_store, meeting.id, answers)
    assert _states(demo_store, items) == [ItemState.DONE] + [ItemState.NOT_REACHED] * (
        len(items) - 1
    )
