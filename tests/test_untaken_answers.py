"""The three answers for an item never stepped through are said from one table
(services/run/untaken_answers.py): `meetings close --untaken`, its refusal, line mode's agenda
and the closing question's summary all read it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from click.testing import CliRunner

from facilitate.cli import cli
from facilitate.line import wording
from facilitate.models import AgendaItem, Meeting
from facilitate.models.enums import ItemState, MeetingStatus
from facilitate.services.plan import agenda
from facilitate.services.run import closing, live
from facilitate.services.run.untaken_answers import (
    UNTAKEN_ANSWERS,
    UNTAKEN_WORDS,
    answer_for_word,
    untaken_summary,
)
from facilitate.store import Store
from facilitate.tui.dialogs.untaken import ANSWER_KEYS

from .helpers.demo_lookup import upcoming

T0 = datetime(2026, 11, 29, 21, 0, tzinfo=UTC)


def _live_on_first_item(store: Store) -> Meeting:
    meeting = upcoming(store)
    live.open_meeting(store, meeting.id, now=T0)
    live.start_item(store, agenda.items(store, meeting.id)[0].id, now=T0)
    return meeting


def _close(db: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), "meetings", "close", *args])
    return result.exit_code, result.output


def test_every_answer_has_a_word_a_key_and_comes_back_from_its_word() -> None:
    assert set(ANSWER_KEYS) == set(UNTAKEN_ANSWERS)
    assert [answer_for_word(word) for word in UNTAKEN_WORDS] == list(UNTAKEN_ANSWERS)


def test_the_refusal_names_every_untaken_word_once(demo_store: Store, db_path: Path) -> None:
    meeting = _live_on_first_item(demo_store)
    said = str(closing.UnansweredError(closing.untaken(demo_store, meeting.id)))
    code, out = _close(db_path, meeting.id)
    assert code == 1
    assert " ".join(out.split()).startswith(f"facilitate: {said} with --untaken")
    for word in UNTAKEN_WORDS:
        assert out.count(f"--untaken {word}") == 1, out
    assert out.count("never stepped through") == 1, "one message, not two stitched together"
    assert demo_store.get(Meeting, meeting.id).status is MeetingStatus.LIVE


def test_help_offers_the_tables_words(db_path: Path) -> None:
    result = CliRunner().invoke(cli, ["meetings", "close", "--help"])
    assert result.exit_code == 0
    assert "[" + "|".join(UNTAKEN_WORDS) + "]" in " ".join(result.output.split())


def test_line_mode_says_a_moved_item_as_the_closing_list_does(
    demo_store: Store, db_path: Path
) -> None:
    meeting = _live_on_first_item(demo_store)
    assert _close(db_path, meeting.id, "--untaken", "moved")[0] == 0
    view = live.live_view(demo_store, meeting.id, now=T0)
    assert view.items[1].state is ItemState.CONTINUE_NEXT_TIME
    moved = UNTAKEN_ANSWERS[ItemState.CONTINUE_NEXT_TIME].short
    assert wording.item_line(view, 1).endswith(f", {moved}")


def test_the_summary_counts_each_answer_by_its_label(demo_store: Store) -> None:
    meeting = _live_on_first_item(demo_store)
    items = closing.untaken(demo_store, meeting.id)
    answers = {items[0].id: ItemState.NOT_REACHED}
    answers |= {item.id: ItemState.DONE for item in items[1:]}
    closing.close_with_answers(demo_store, meeting.id, answers)
    states = {i.id: i.state for i in demo_store.find(AgendaItem, meeting_id=meeting.id)}
    assert untaken_summary({i.id: states[i.id] for i in items}) == (
        f"{len(items) - 1} taken, 1 not reached"
    )
