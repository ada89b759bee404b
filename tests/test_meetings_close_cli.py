"""`facilitate meetings close` asks the closing question: items never stepped through are not
silently left; `--untaken` says what became of them, or nothing is closed."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from click.testing import CliRunner

from facilitate.cli import cli
from facilitate.models import AgendaItem, Meeting
from facilitate.models.enums import ItemState, MeetingStatus
from facilitate.services.plan import agenda
from facilitate.services.run import live
from facilitate.store import Store

from .helpers.demo_lookup import upcoming

T0 = datetime(2026, 11, 29, 21, 0, tzinfo=UTC)


def _run(db: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), "meetings", *args])
    return result.exit_code, result.output


def _live_on_first_item(store: Store) -> Meeting:
    meeting = upcoming(store)
    live.open_meeting(store, meeting.id, now=T0)
    live.start_item(store, agenda.items(store, meeting.id)[0].id, now=T0)
    return meeting


def _states(store: Store, meeting: Meeting) -> list[ItemState]:
    return [i.state for i in store.find(AgendaItem, meeting_id=meeting.id, order_by="position")]


def test_close_refuses_and_lists_items_never_stepped_through(
    demo_store: Store, db_path: Path
) -> None:
    meeting = _live_on_first_item(demo_store)
    titles = [i.title for i in agenda.items(demo_store, meeting.id)[1:]]
    code, out = _run(db_path, "close", meeting.id)
    assert code == 1
    assert out.startswith(f"facilitate: {len(titles)} items never stepped through and not")
    assert all(f"“{title}”" in out for title in titles)
    assert "--untaken" in out and "Traceback" not in out
    assert demo_store.get(Meeting, meeting.id).status is MeetingStatus.LIVE
    assert _states(demo_store, meeting) == [ItemState.ACTIVE] + [ItemState.PENDING] * len(titles)


def test_close_with_untaken_settles_every_item_then_closes(
    demo_store: Store, db_path: Path
) -> None:
    meeting = _live_on_first_item(demo_store)
    code, out = _run(db_path, "close", meeting.id, "--untaken", "moved")
    assert code == 0, out
    assert demo_store.get(Meeting, meeting.id).status is MeetingStatus.CLOSED
    states = _states(demo_store, meeting)
    assert states[0] is ItemState.DONE  # the item on screen ended as closing ends it
    assert set(states[1:]) == {ItemState.CONTINUE_NEXT_TIME}


def test_close_with_not_reached_and_taken(demo_store: Store, db_path: Path) -> None:
    meeting = _live_on_first_item(demo_store)
    assert _run(db_path, "close", meeting.id, "--untaken", "not-reached")[0] == 0
    assert set(_states(demo_store, meeting)[1:]) == {ItemState.NOT_REACHED}
    code, out = _run(db_path, "close", meeting.id, "--untaken", "sometime")
    assert code == 2 and "'sometime' is not one of" in out


def test_close_with_every_item_stepped_through_needs_no_answer(
    demo_store: Store, db_path: Path
) -> None:
    meeting = upcoming(demo_store)
    live.open_meeting(demo_store, meeting.id, now=T0)
    for item in agenda.items(demo_store, meeting.id):
        live.start_item(demo_store, item.id, now=T0)
    code, out = _run(db_path, "close", meeting.id)
    assert code == 0, out
    assert set(_states(demo_store, meeting)) == {ItemState.DONE}
