"""The loop report and the series record at any age (issue #13, "Fast at any age").

The report chooses what it lists in SQL (per theme the newest few with a response and the
newest few still open; the rest counted) and numbers only what it lists. These tests hold that
to the rule as a person would state it, worked out in Python from the uncapped report of the
same history: input under two themes, one entry filed twice under one name (two laptops' themes
merged), a link to a decision since deleted, responses an audience may not see, a cross-series
answer, parking-lot entries and themed notes outside listening sessions. And neither command
reads more queries for a longer history.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from facilitate.models import (
    ActionItem,
    ActionUpdate,
    Body,
    Decision,
    EntryLink,
    Meeting,
    MeetingSeries,
    Note,
    ParkingLotItem,
)
from facilitate.models.base import Record
from facilitate.models.enums import (
    ActionStatus,
    BodyKind,
    LoopResponseKind,
    MeetingKind,
    Visibility,
)
from facilitate.models.loop import EntryTheme, LoopResponse, Theme
from facilitate.services.record.series_record import series_record
from facilitate.services.record.wording import clean_text
from facilitate.services.record.you_said_we_did import (
    ANSWERED_PER_THEME,
    OTHER_INPUT,
    InputLine,
    LoopReport,
    you_said_we_did,
)
from facilitate.store import Store, queries_input

GENERATED = datetime(2026, 11, 22, 18, 0, tzinfo=UTC)
AUDIENCES = (Visibility.PUBLIC, Visibility.PARTNERS, Visibility.INTERNAL)
SEEN_BY = (Visibility.PUBLIC, Visibility.PUBLIC, Visibility.PARTNERS, Visibility.INTERNAL)


def _history(store: Store, meetings: int, seed: int = 13) -> tuple[str, str]:
    """A listening circle and a steering committee meeting `meetings` times each; the ids of
    their series. Every choice comes from `seed`, so a test reads the same history each run."""
    pick = random.Random(seed)
    circle = store.insert(Body(name="Listening Circle", kind=BodyKind.LISTENING_CIRCLE))
    board = store.insert(Body(name="Steering Committee"))
    listening = store.insert(
        MeetingSeries(
            body_id=circle.id, name="Community Listening", kind=MeetingKind.LISTENING_SESSION
        )
    )
    steering = store.insert(MeetingSeries(body_id=board.id, name="Steering"))
    housing = store.insert(Theme(series_id=listening.id, name="housing"))
    # The same name twice in one series: what merging two laptops' themes can leave.
    housing_twin = store.insert(Theme(series_id=listening.id, name="housing"))
    court = store.insert(Theme(series_id=listening.id, name="court-dates"))
    budget = store.insert(Theme(series_id=steering.id, name="budget"))
    rows: list[Record] = []
    said: list[Note] = []
    gone_ids: list[str] = []
    start = datetime(2020, 1, 7, 13, 0)
    for n in range(meetings):
        session = Meeting(
            series_id=listening.id,
            title=f"Listening session {n + 1}",
            starts_at=start + timedelta(days=28 * n),
            kind=MeetingKind.LISTENING_SESSION,
        )
        business = Meeting(
            series_id=steering.id,
            title=f"Steering {n + 1}",
            starts_at=start + timedelta(days=28 * n + 7),
        )
        rows += [session, business]
        for k in range(8):
            note = Note(
                meeting_id=session.id,
                text=f"Session {n + 1}, voice {k + 1}",
                visibility=pick.choice(SEEN_BY),
            )
            said.append(note)
            filed = pick.choice(([], [housing], [court], [housing, court], [housing, housing_twin]))
            rows += [
                note,
                *(EntryTheme(theme_id=t.id, entry_table="notes", entry_id=note.id) for t in filed),
            ]
        decision = Decision(
            meeting_id=business.id, text=f"Decision {n + 1}", visibility=pick.choice(SEEN_BY)
        )
        action = ActionItem(
            meeting_id=business.id,
            text=f"Action {n + 1}",
            visibility=pick.choice(SEEN_BY),
            due=date(2020, 2, 1) + timedelta(days=28 * n),
            status=pick.choice(tuple(ActionStatus)),
        )
        gone = Decision(meeting_id=business.id, text=f"Withdrawn {n + 1}")
        floor = Note(
            meeting_id=business.id, text=f"Steering {n + 1} said", visibility=pick.choice(SEEN_BY)
        )
        themed = Note(
            meeting_id=business.id, text=f"Steering {n + 1} budget", visibility=Visibility.PUBLIC
        )
        parked = ParkingLotItem(
            meeting_id=business.id, text=f"Parked {n + 1}", visibility=pick.choice(SEEN_BY)
        )
        rows += [decision, action, gone, floor, themed, parked]
        rows.append(EntryTheme(theme_id=budget.id, entry_table="notes", entry_id=themed.id))
        # A steering decision and action answer earlier listening-session input (across series).
        for response, table in ((decision, "decisions"), (action, "action_items")):
            heard = pick.choice(said)
            rows.append(
                EntryLink(from_table=table, from_id=response.id, to_table="notes", to_id=heard.id)
            )
        rows.append(
            EntryLink(from_table="decisions", from_id=decision.id, to_table="notes", to_id=floor.id)
        )
        rows.append(
            EntryLink(
                from_table="decisions",
                from_id=gone.id,
                to_table="notes",
                to_id=pick.choice(said).id,
            )
        )
        if action.status is ActionStatus.DONE:
            rows.append(
                ActionUpdate(
                    action_id=action.id,
                    status=ActionStatus.DONE,
                    meeting_id=business.id,
                    at=business.starts_at.replace(tzinfo=UTC),
                )
            )
        if n % 3 == 0:
            rows.append(
                LoopResponse(
                    input_table="parking_lot",
                    input_id=parked.id,
                    kind=LoopResponseKind.DECLINED,
                    text="Not this year.",
                    reason="No budget.",
                    visibility=pick.choice(SEEN_BY),
                )
            )
        gone_ids.append(gone.id)
    store.insert_all(rows)
    # A link to a decision since deleted answers nothing.
    for decision_id in gone_ids:
        store.delete(Decision, decision_id)
    return listening.id, steering.id


@pytest.fixture
def history(store: Store) -> tuple[str, str]:
    return _history(store, meetings=12)


def _themes(line: InputLine) -> tuple[str, ...]:
    return line.themes or (OTHER_INPUT,)


# Per theme: the numbers listed; how many open inputs are left out and the day the oldest of
# them was said; the same of the answered ones.
Shape = tuple[list[int], int, date | None, int, date | None]


def _expected(full: LoopReport, per_theme: int, answered_per_theme: int) -> dict[str, Shape]:
    """The rule, from the uncapped report: an input is listed when it is among the newest
    `answered_per_theme` answered (or `per_theme` open) inputs of a theme it is under, and then
    in each of its themes; a theme counts what it does not list, answered and open apart."""
    by_theme: dict[tuple[str, bool], list[InputLine]] = {}
    for line in full.inputs:
        for theme in _themes(line):
            by_theme.setdefault((theme, line.answered), []).append(line)
    kept = {
        line.number
        for (_, answered), found in by_theme.items()
        for line in found[::-1][: answered_per_theme if answered else per_theme]
    }
    expected = {}
    for group in full.groups:
        numbers = [line.number for line in group.inputs if line.number in kept]
        left = {
            answered: [
                line for line in by_theme.get((group.name, answered), []) if line.number not in kept
            ]
            for answered in (False, True)
        }
        expected[group.name] = (
            numbers,
            len(left[False]),
            left[False][0].meeting_date if left[False] else None,
            len(left[True]),
            left[True][0].meeting_date if left[True] else None,
        )
    return {name: shape for name, shape in expected.items() if shape[0] or shape[1] or shape[3]}


def _got(report: LoopReport) -> dict[str, Shape]:
    return {
        group.name: (
            [line.number for line in group.inputs],
            group.more_open,
            group.oldest_unlisted,
            group.more_answered,
            group.oldest_unlisted_answered,
        )
        for group in report.groups
        if group.inputs or group.more_open or group.more_answered
    }


@pytest.mark.parametrize("audience", AUDIENCES)
@pytest.mark.parametrize(("per_theme", "answered_per_theme"), [(0, 0), (1, 2), (3, 1), (2, 50)])
def test_a_capped_report_lists_the_newest_answered_and_open_per_theme(
    store: Store,
    history: tuple[str, str],
    audience: Visibility,
    per_theme: int,
    answered_per_theme: int,
) -> None:
    for series_id in history:
        full = you_said_we_did(store, series_id=series_id, audience=audience, open_per_theme=None)
        capped = you_said_we_did(
            store,
            series_id=series_id,
            audience=audience,
            open_per_theme=per_theme,
            answered_per_theme=answered_per_theme,
        )
        assert _got(capped) == _expected(full, per_theme, answered_per_theme)
        # What it says in numbers is the same: the counts cover what is not listed.
        assert capped.summary == full.summary
        assert [g.counts for g in capped.groups] == [g.counts for g in full.groups]
        assert capped.unlisted == len(full.inputs) - len(capped.inputs)
        unlisted = set(full.inputs) - set(capped.inputs)
        assert capped.unlisted_answered == sum(1 for line in unlisted if line.answered)
        assert capped.hidden == full.hidden
        # What is listed reads the same either way (its responses, withheld or shown).
        assert set(capped.inputs) <= set(full.inputs)


def test_the_answered_cap_cuts_this_history_and_the_full_report_lists_all(
    store: Store, history: tuple[str, str]
) -> None:
    # The rule above is checked where it bites: both caps leave input out of some theme.
    for series_id in history:
        capped = you_said_we_did(
            store,
            series_id=series_id,
            audience=Visibility.INTERNAL,
            open_per_theme=1,
            answered_per_theme=1,
        )
        assert any(group.more_answered for group in capped.groups)
        assert capped.unlisted_answered > 0
    whole = you_said_we_did(
        store,
        series_id=history[0],
        audience=Visibility.INTERNAL,
        open_per_theme=None,
        answered_per_theme=0,
    )
    assert whole.unlisted == 0 and whole.unlisted_answered == 0
    assert all(not g.more_answered and not g.more_open for g in whole.groups)


def test_the_history_holds_what_the_rule_is_about(store: Store, history: tuple[str, str]) -> None:
    listening, steering = history
    full = you_said_we_did(
        store, series_id=listening, audience=Visibility.INTERNAL, open_per_theme=None
    )
    lines = full.inputs
    assert any(len(line.themes) == 2 for line in lines)  # under two themes
    assert any(line.themes == ("housing",) for line in lines)  # filed twice, read once
    assert any(line.answered for line in lines) and any(not line.answered for line in lines)
    public = you_said_we_did(
        store, series_id=listening, audience=Visibility.PUBLIC, open_per_theme=None
    )
    assert any(line.withheld for line in public.inputs)
    assert full.hidden == () and public.hidden
    record = you_said_we_did(
        store, series_id=steering, audience=Visibility.INTERNAL, open_per_theme=None
    )
    assert {"budget", OTHER_INPUT} <= {group.name for group in record.groups}
    assert any(line.kind == "parking lot" and line.answered for line in record.inputs)


def test_numbers_are_the_series_numbers(store: Store, history: tuple[str, str]) -> None:
    for series_id in history:
        every = {
            row.number: clean_text(row.text)
            for row in queries_input.series_inputs(store, series_id)
        }
        report = you_said_we_did(
            store, series_id=series_id, audience=Visibility.INTERNAL, open_per_theme=2
        )
        assert report.inputs and all(every[line.number] == line.text for line in report.inputs)
        assert [line.number for line in report.inputs] == sorted(
            line.number for line in report.inputs
        )


def test_a_session_report_numbers_and_counts_as_the_series_does(
    store: Store, history: tuple[str, str]
) -> None:
    listening, _ = history
    session = store.find(Meeting, series_id=listening, order_by="starts_at")[4]
    full = you_said_we_did(
        store, meeting_id=session.id, audience=Visibility.PARTNERS, open_per_theme=None
    )
    capped = you_said_we_did(
        store, meeting_id=session.id, audience=Visibility.PARTNERS, open_per_theme=1
    )
    assert _got(capped) == _expected(full, 1, ANSWERED_PER_THEME)
    numbers = {
        row.number: clean_text(row.text) for row in queries_input.series_inputs(store, listening)
    }
    assert all(numbers[line.number] == line.text for line in full.inputs)
    assert {line.meeting_title for line in full.inputs} == {session.title}


@contextmanager
def _counted(store: Store) -> Iterator[list[str]]:
    """The SQL statements run on the store's connection inside the block."""
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    try:
        yield statements
    finally:
        store.conn.set_trace_callback(None)


def _queries(store: Store, series_ids: tuple[str, str]) -> list[int]:
    counts = []
    for series_id in series_ids:
        with _counted(store) as loop:
            you_said_we_did(
                store, series_id=series_id, audience=Visibility.PARTNERS, generated_at=GENERATED
            )
        with _counted(store) as record:
            series_record(store, series_id, generated_at=GENERATED, limit=None)
        counts += [len(loop), len(record)]
    return counts


def test_neither_command_reads_more_queries_for_a_longer_history(tmp_path: Path) -> None:
    short, long = Store.open(tmp_path / "short.db"), Store.open(tmp_path / "long.db")
    try:
        few = _queries(short, _history(short, meetings=3))
        many = _queries(long, _history(long, meetings=24))
    finally:
        short.close()
        long.close()
    assert few == many
