"""One definition of input (issue #13): what partners raised for an answer. Every note and
parking-lot entry is numbered (`#N`, `re:N`); input is a listening session's every note, every
parking-lot entry, and a business meeting's note filed under a theme or answered: the Loop
screen, the report, the counts, `loop --summary` and search read that one definition, with the
same numbers. `a` on the Loop screen lists the other numbered notes too, so one can be answered
or filed after the meeting. And the readers around it say one thing one way: a theme board read
in a fixed number of queries, owners named by one rule, a listening session's themes read by the
same look-up as the loop's, and the community one-pager saying "being worked on" once per theme.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from textual.widgets import Static

from facilitate.export.loop_layout import plain_groups
from facilitate.models import (
    ActionItem,
    Body,
    Decision,
    Meeting,
    MeetingSeries,
    Note,
    ParkingLotItem,
    Person,
    Someone,
)
from facilitate.models.enums import ActionStatus, MeetingKind, Visibility
from facilitate.models.loop import EntryTheme, Theme
from facilitate.services.record import loop_links, themes
from facilitate.services.record.entry_lines import Names, owner_name
from facilitate.services.record.follow_through_figures import input_answered
from facilitate.services.record.you_said_we_did import (
    OTHER_INPUT,
    WORKED_ON,
    Withheld,
    link_response,
    you_said_we_did,
)
from facilitate.store import Store, queries_themes
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.theme_name import ThemeNameDialog
from facilitate.tui.screens.loop import LoopScreen
from facilitate.tui.widgets.table import Table

from .conftest import TODAY

GENERATED = datetime(2026, 11, 22, 18, 0, tzinfo=UTC)


def _series(store: Store, kind: MeetingKind = MeetingKind.BUSINESS) -> MeetingSeries:
    body = store.insert(Body(name="Steering Committee"))
    return store.insert(MeetingSeries(body_id=body.id, name="Steering", kind=kind))


def _meeting(store: Store, series: MeetingSeries, day: int) -> Meeting:
    return store.insert(
        Meeting(
            series_id=series.id,
            title=f"Steering, March {day}",
            starts_at=datetime(2026, 3, day, 13, 0),
            kind=series.kind,
        )
    )


def _note(store: Store, meeting: Meeting, text: str, **fields: object) -> Note:
    return store.insert(Note(meeting_id=meeting.id, text=text, **fields))


@contextmanager
def _statements(store: Store) -> Iterator[list[str]]:
    """Every SQL statement the store runs inside the block."""
    seen: list[str] = []
    store.db.conn.set_trace_callback(seen.append)
    try:
        yield seen
    finally:
        store.db.conn.set_trace_callback(None)


def test_a_business_note_nobody_answered_or_filed_is_numbered_but_not_input(
    store: Store,
) -> None:
    series = _series(store)
    meeting = _meeting(store, series, 3)
    plain = _note(store, meeting, "Budget cuts worry the family partners.")
    themed = _note(store, meeting, "Court dates clash with treatment.")
    answered = _note(store, meeting, "Families need rides to visits.")
    parked = store.insert(ParkingLotItem(meeting_id=meeting.id, text="Shelter list"))
    themes.file_entry(store, series.id, Note.table, themed.id, ["court-dates"])
    decision = store.insert(Decision(meeting_id=meeting.id, text="Fund a ride voucher."))
    link_response(store, decision, answered)

    screen = loop_links.newest_loop_rows(store, series.id)
    numbered = {row.input.id: row.input.number for row in screen.rows}
    assert numbered == {themed.id: 2, answered.id: 3, parked.id: 4}
    assert (screen.total, screen.answered) == (3, 1)
    # The report lists the same input under the same numbers; the discussion note is not an
    # open promise under "Other input".
    report = you_said_we_did(
        store, series_id=series.id, audience=Visibility.INTERNAL, generated_at=GENERATED
    )
    assert {line.number: line.text for line in report.inputs} == {
        row.input.number: row.input.text for row in screen.rows
    }
    [other] = [group for group in report.groups if group.name == OTHER_INPUT]
    assert [line.number for line in other.still_open] == [4]
    assert report.summary == "3 pieces of input; 1 with a response so far."
    assert [said.sentence for said in input_answered(store, series.id)] == ["answered: 1 of 3"]
    # Search does not offer it; its number still names it in the room and in its meeting's log.
    assert loop_links.search_inputs(store, "budget cuts") == []
    assert loop_links.input_by_number(store, series.id, 1).id == plain.id
    assert loop_links.meeting_numbers(store, meeting.id)[(Note.table, plain.id)] == 1
    # Every numbered entry (`a` on the screen) says which is input.
    every = loop_links.newest_loop_rows(store, series.id, every=True)
    assert [(row.input.number, row.input.is_input) for row in every.rows] == [
        (1, False),
        (2, True),
        (3, True),
        (4, True),
    ]
    assert (every.total, every.inputs, every.answered) == (4, 3, 1)


def test_filing_or_answering_a_business_note_makes_it_input_under_its_number(
    store: Store,
) -> None:
    series = _series(store)
    meeting = _meeting(store, series, 3)
    filed, linked, declined = (_note(store, meeting, f"Said {n}") for n in (1, 2, 3))
    _note(store, meeting, "Nobody owes this an answer.")
    assert loop_links.newest_loop_rows(store, series.id).rows == ()
    assert loop_links.input_total(store, series.id) == 0

    themes.file_entry(store, series.id, Note.table, filed.id, ["housing"])
    decision = store.insert(Decision(meeting_id=meeting.id, text="Fund it."))
    link_response(store, decision, linked)
    loop_links.record_response(store, declined, text="Not this year.", reason="No budget.")
    page = loop_links.newest_loop_rows(store, series.id)
    assert [(row.input.number, row.input.id) for row in page.rows] == [
        (1, filed.id),
        (2, linked.id),
        (3, declined.id),
    ]
    assert (page.total, page.answered) == (3, 2)
    [hit] = loop_links.search_inputs(store, "said 2")
    assert (hit.id, hit.number) == (linked.id, 2)
    assert [said.sentence for said in input_answered(store, series.id)] == ["answered: 2 of 3"]

    # Unlinked, it is a discussion note again, and its number stays its own.
    link_id = page.rows[1].responses[0].link_id
    assert link_id is not None
    loop_links.unlink(store, link_id)
    assert [row.input.number for row in loop_links.newest_loop_rows(store, series.id).rows] == [
        1,
        3,
    ]
    assert loop_links.input_by_number(store, series.id, 2).id == linked.id


def test_in_a_listening_session_every_note_and_entry_is_input(store: Store) -> None:
    series = _series(store, MeetingKind.LISTENING_SESSION)
    meeting = _meeting(store, series, 3)
    for n in range(3):
        _note(store, meeting, f"Voice {n + 1}")
    store.insert(ParkingLotItem(meeting_id=meeting.id, text="Child care at sessions"))
    page = loop_links.newest_loop_rows(store, series.id)
    assert [row.input.number for row in page.rows] == [1, 2, 3, 4]
    assert (page.total, page.answered) == (4, 0)
    report = you_said_we_did(store, series_id=series.id, generated_at=GENERATED)
    assert report.summary == "4 pieces of input; 0 with a response so far."
    assert len(loop_links.search_inputs(store, "voice")) == 3


async def test_a_on_the_loop_screen_lists_a_business_note_and_t_files_it(store: Store) -> None:
    series = _series(store)
    meeting = _meeting(store, series, 3)
    note = _note(store, meeting, "Budget cuts worry the family partners.")
    store.insert(ParkingLotItem(meeting_id=meeting.id, text="Shelter list"))
    app = FacilitateApp(store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.push_screen(LoopScreen(series.id))
        await pilot.pause()
        assert _numbers(app) == ["2"]  # the parking-lot entry alone is input
        assert _a_says(app) == "All notes"
        await pilot.press("a")
        await pilot.pause()
        assert _numbers(app) == ["1", "2"]
        assert _a_says(app) == "Input only"  # the key bar names what a does now
        table = app.screen.query_one("#loop-inputs", Table)
        assert str(table.get_row_at(0)[2]) == "not input"
        table.move_cursor(row=0)
        await pilot.pause()
        assert "Not input" in str(app.screen.query_one("#loop-detail", Static).render())
        await pilot.press("t")  # no theme yet: a new one is named
        await pilot.pause()
        assert isinstance(app.screen, ThemeNameDialog)
        for char in "budget":
            await pilot.press(char)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LoopScreen)
        assert str(table.get_row_at(0)[2]) == "no response yet"
        await pilot.press("a")  # input only again: the filed note is listed
        await pilot.pause()
        assert _numbers(app) == ["1", "2"]
    filings = store.find(EntryTheme, entry_table=Note.table, entry_id=note.id)
    assert [store.get(Theme, f.theme_id).name for f in filings] == ["budget"]


def _a_says(app: FacilitateApp) -> str:
    """What the key bar says `a` does (the one binding of `a` active now)."""
    [said] = [
        active.binding.description
        for key, active in app.screen.active_bindings.items()
        if key == "a" and active.enabled
    ]
    return said


def _numbers(app: FacilitateApp) -> list[str]:
    table = app.screen.query_one("#loop-inputs", Table)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


def test_a_capped_report_counts_the_plain_input_it_does_not_list(store: Store) -> None:
    series = _series(store, MeetingKind.LISTENING_SESSION)
    first, second = _meeting(store, series, 3), _meeting(store, series, 10)
    for meeting in (first, second):
        for n in range(3):
            _note(store, meeting, f"Said on {meeting.title}, {n + 1}")
    capped = you_said_we_did(store, series_id=series.id, open_per_theme=2)
    [other] = capped.groups
    assert [line.number for line in other.inputs] == [5, 6]
    assert (other.more_open, other.oldest_unlisted) == (4, first.starts_at.date())
    assert capped.summary == "6 pieces of input; 0 with a response so far."
    assert capped.unlisted == 4
    full = you_said_we_did(store, series_id=series.id, open_per_theme=None)
    assert [line.number for line in full.inputs] == [1, 2, 3, 4, 5, 6]
    assert other.counts == full.groups[0].counts == "6 things said: 0 with a response, 6 still open"


def test_the_theme_board_reads_a_fixed_number_of_queries(store: Store) -> None:
    series = _series(store, MeetingKind.LISTENING_SESSION)
    counts = []
    for day in (3, 10):
        meeting = _meeting(store, series, day)
        notes = [_note(store, meeting, f"Voice {n} on the {day}th") for n in range(6)]
        for note in notes:
            themes.file_entry(store, series.id, Note.table, note.id, ["housing"])
        with _statements(store) as seen:
            board = themes.board(store, series.id)
        counts.append(len(seen))
    [housing] = board
    assert [entry.number for entry in housing.entries] == list(range(1, 13))
    assert housing.entries[0].meeting_date == datetime(2026, 3, 3).date()
    assert counts[0] == counts[1]  # twice the filings, the same queries


def test_owners_read_alike_on_the_screen_in_the_report_and_the_minutes(store: Store) -> None:
    series = _series(store)
    meeting = _meeting(store, series, 3)
    note = _note(store, meeting, "Transport is the barrier.", visibility=Visibility.PUBLIC)
    dana = store.insert(Person(name="Dana Reyes"))
    ben = store.insert(Person(name="Ben Cole"))
    action = store.insert(
        ActionItem(
            meeting_id=meeting.id,
            text="Map bus routes to the clinics",
            owner_person_id=dana.id,
            # Typed as "@ben" in the room: the roster's name is what every output prints.
            co_owners=[Someone(who="@ben", person_id=ben.id), Someone(who="Tribal liaison")],
            whole_body=True,
            visibility=Visibility.PUBLIC,
        )
    )
    link_response(store, action, note)
    expected = "Dana Reyes, Ben Cole, Tribal liaison, All members"
    assert owner_name(action, Names(store)) == expected
    [row] = loop_links.newest_loop_rows(store, series.id).rows
    assert [response.owner for response in row.responses] == [expected]
    [line] = you_said_we_did(store, series_id=series.id).inputs
    assert [response.owner for response in line.responses] == [expected]
    [candidate] = loop_links.response_candidates(store, series.id, "bus routes")
    assert candidate.owner == expected


def test_the_one_pager_says_being_worked_on_once_per_theme(store: Store) -> None:
    series = _series(store, MeetingKind.LISTENING_SESSION)
    meeting = _meeting(store, series, 3)
    action = store.insert(
        ActionItem(
            meeting_id=meeting.id,
            text="Ask the court about evening hearings",
            status=ActionStatus.IN_PROGRESS,
            visibility=Visibility.INTERNAL,
        )
    )
    for n in range(3):
        note = _note(store, meeting, f"Hearing times, voice {n + 1}", visibility=Visibility.PUBLIC)
        themes.file_entry(store, series.id, Note.table, note.id, ["court-dates"])
        link_response(store, action, note)
    report = you_said_we_did(store, series_id=series.id, audience=Visibility.PUBLIC)
    assert [line.withheld for line in report.inputs] == [Withheld.WORKED_ON] * 3
    assert WORKED_ON == "A response is being worked on."  # what the full report prints per input
    [group] = plain_groups(report)
    assert group.did == ("A response is being worked on for 3 things you told us.",)


def test_a_listening_sessions_minutes_read_themes_as_the_loop_does(store: Store) -> None:
    series = _series(store, MeetingKind.LISTENING_SESSION)
    meeting = _meeting(store, series, 3)
    note = _note(store, meeting, "Housing first")
    bare = _note(store, meeting, "Nothing filed")
    housing = store.insert(Theme(series_id=series.id, name="housing"))
    court = store.insert(Theme(series_id=series.id, name="Court-dates"))
    for theme in (housing, court):
        store.insert(EntryTheme(theme_id=theme.id, entry_table=Note.table, entry_id=note.id))
    loop = queries_themes.entry_themes(store, [(Note.table, note.id), (Note.table, bare.id)])
    assert loop == {(Note.table, note.id): ("Court-dates", "housing")}
