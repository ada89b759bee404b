"""Roll-call votes (issue #17): each member's vote, from quick entry, the decision dialog and
its correction, with the counts following from it, printed in every format."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, date, datetime

import pytest
from textual.widgets import DataTable, Input

from facilitate.export import docx, html
from facilitate.export.csv import decisions_csv
from facilitate.export.markdown import render_minutes
from facilitate.models import Decision, Meeting
from facilitate.models.enums import DecisionMethod, RollCallVote, Visibility
from facilitate.services.plan import agenda
from facilitate.services.record.minutes import build_minutes
from facilitate.services.run import (
    attendance,
    capture,
    completion,
    correct_form,
    decision_form,
    live,
)
from facilitate.services.run.capture import CaptureError
from facilitate.services.run.quick_entry import Called, EntryKind, parse_line
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.correct_entry import CorrectDialog
from facilitate.tui.dialogs.decision import DecisionDialog
from facilitate.tui.screens.live import LiveMeetingScreen

from .conftest import TODAY
from .helpers.demo_lookup import person, upcoming

T0 = datetime(2026, 11, 29, 21, 0, tzinfo=UTC)
DAY = date(2026, 12, 1)
PRESENT = ("Dana Whitfield", "Lorraine Whitecloud", "Marcus Reyes")
YES, NO, ABSTAIN, ABSENT = RollCallVote


@pytest.fixture
def meeting(demo_store: Store) -> Meeting:
    """The demo steering meeting, open on its first item, with three members checked in and
    Tom Okafor, who is not on the body."""
    found = upcoming(demo_store)
    for name in (*PRESENT, "Tom Okafor"):
        attendance.check_in(demo_store, found.id, person(demo_store, name).id)
    live.open_meeting(demo_store, found.id, now=T0)
    live.start_item(demo_store, agenda.items(demo_store, found.id)[0].id, now=T0)
    return demo_store.get(Meeting, found.id)


# -- quick entry ---------------------------------------------------------------------------------


def test_quick_entry_reads_a_roll_call_and_the_counts_follow() -> None:
    entry = parse_line(
        "/d Adopt the budget method:vote roll:@dana=yes,@tom=nay roll:@lorraine=abstain", DAY
    )
    assert entry.kind is EntryKind.DECISION, entry.problems
    assert entry.text == "Adopt the budget"
    assert entry.roll_call == (
        Called("dana", YES),
        Called("tom", NO),
        Called("lorraine", ABSTAIN),
    )
    assert entry.counts is not None
    assert (entry.counts.in_favor, entry.counts.against, entry.counts.abstain) == (1, 1, 1)


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("/d Budget roll:@dana=yes for:3", "for 3 but the roll call has 1"),
        ("/d Budget roll:@dana=maybe", '"maybe" is not a vote'),
        ("/d Budget roll:@dana=yes,@dana=no", "@dana called twice"),
        ("/d Budget roll:dana", "could not read the roll call"),
        ("/d Budget roll:@dana=no outcome:unanimous", "carried unanimously, yet 1 against"),
    ],
)
def test_a_roll_call_that_cannot_be_read_keeps_the_line_and_says_why(
    line: str, problem: str
) -> None:
    entry = parse_line(line, DAY)
    assert entry.kind is EntryKind.NOTE
    assert entry.text == line
    assert any(problem in said for said in entry.problems), entry.problems


def test_the_completion_list_offers_the_roll_call(demo_store: Store, meeting: Meeting) -> None:
    assert "roll:@" in [c.insert for c in completion.complete("/d Budget ro", 12).items]
    names = completion.names_for(demo_store, meeting)
    line = "/d Budget roll:@dana=yes,@marc"
    people = [c.insert for c in completion.complete(line, len(line), names).items]
    assert people == ["roll:@dana=yes,@marcus="]
    line = "/d Budget roll:@dana=yes,@tom=a"
    votes = [c.insert for c in completion.complete(line, len(line), names).items]
    assert votes == ["roll:@dana=yes,@tom=abstain", "roll:@dana=yes,@tom=absent"]


# -- the rules and the record --------------------------------------------------------------------


def test_the_voters_are_the_voting_members_present(demo_store: Store, meeting: Meeting) -> None:
    assert decision_form.seated_voters(demo_store, meeting) == sorted(PRESENT)
    form = decision_form.with_voters(
        demo_store, meeting, decision_form.DecisionInput(roll_call=[Called("marcus", NO)])
    )
    assert form.roll_call == [Called("Marcus Reyes", NO)]
    assert form.voters == ["Dana Whitfield", "Lorraine Whitecloud"]


def test_the_counts_stored_are_the_roll_calls(demo_store: Store, meeting: Meeting) -> None:
    form = decision_form.DecisionInput(
        text="Adopt the budget",
        roll_call=[Called("dana", YES), Called("marcus", NO), Called("lorraine", ABSENT)],
    )
    resolved = decision_form.resolve(demo_store, meeting, form)
    assert resolved.problems == ()
    saved = decision_form.fields(form, resolved)
    assert (saved["votes_for"], saved["votes_against"], saved["abstentions"]) == (1, 1, 0)
    assert [(r.who, r.vote) for r in saved["roll_call"]] == [
        ("Dana Whitfield", YES),
        ("Marcus Reyes", NO),
        ("Lorraine Whitecloud", ABSENT),
    ]
    assert saved["roll_call"][0].person_id == person(demo_store, "Dana Whitfield").id
    form.votes_for = 2
    with pytest.raises(CaptureError, match="for 2 but the roll call has 1"):
        decision_form.fields(form, resolved)


def _with_roll_call(store: Store, meeting: Meeting, called: list[Called]) -> Decision:
    """A decision taken by vote, then given its roll call through the correction path."""
    saved = capture.add_decision(
        store, meeting.id, "Adopt the budget", method=DecisionMethod.MAJORITY_VOTE
    )
    form = correct_form.from_entry(store, saved)
    form.decision.roll_call = called
    applied = correct_form.apply(store, saved, form)
    assert applied.problems == ()
    return store.get(Decision, saved.id)


def test_a_correction_records_the_roll_call_and_its_counts(
    demo_store: Store, meeting: Meeting
) -> None:
    stored = _with_roll_call(
        demo_store, meeting, [Called("Dana Whitfield", YES), Called("Marcus Reyes", NO)]
    )
    assert [(r.who, r.vote) for r in stored.roll_call] == [
        ("Dana Whitfield", YES),
        ("Marcus Reyes", NO),
    ]
    assert (stored.votes_for, stored.votes_against, stored.abstentions) == (1, 1, 0)
    # Taken off again by the same path: nothing left over.
    form = correct_form.from_entry(demo_store, stored)
    assert form.decision.votes_for is None  # the counts were the roll call's, not typed
    form.decision.roll_call = []
    correct_form.apply(demo_store, stored, form)
    cleared = demo_store.get(Decision, stored.id)
    assert (cleared.roll_call, cleared.votes_for, cleared.votes_against) == ([], None, None)


def _docx_text(package: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        return archive.read("word/document.xml").decode()


def test_every_format_prints_each_members_vote(demo_store: Store, meeting: Meeting) -> None:
    _with_roll_call(
        demo_store,
        meeting,
        [
            Called("Marcus Reyes", YES),
            Called("Dana Whitfield", NO),
            Called("Lorraine Whitecloud", YES),
        ],
    )
    said = "Yes: Marcus Reyes, Lorraine Whitecloud; no: Dana Whitfield"
    doc = build_minutes(demo_store, meeting.id, Visibility.PARTNERS)
    assert f"  - Roll call: {said}" in render_minutes(doc)
    assert said in html.render_minutes(doc)
    assert said in _docx_text(docx.render_minutes(doc))
    table = decisions_csv(doc).decode("utf-8-sig").splitlines()
    assert table[0].endswith(",roll_call")
    assert table[1].endswith(f',"{said}"')
    spanish = build_minutes(demo_store, meeting.id, Visibility.PARTNERS, language="es")
    assert (
        "Votación nominal: Sí: Marcus Reyes, Lorraine Whitecloud; no: Dana Whitfield"
        in render_minutes(spanish)
    )


def test_a_decision_without_a_roll_call_prints_none(demo_store: Store, meeting: Meeting) -> None:
    capture.capture_line(demo_store, meeting.id, "/d Adopt it method:vote for:3 against:0")
    doc = build_minutes(demo_store, meeting.id, Visibility.PARTNERS)
    assert "Roll call" not in render_minutes(doc)


# -- by keys --------------------------------------------------------------------------------------


async def test_the_correction_dialog_takes_a_roll_call_by_keys(
    demo_store: Store, meeting: Meeting
) -> None:
    saved = capture.add_decision(
        demo_store, meeting.id, "Adopt the budget", method=DecisionMethod.MAJORITY_VOTE
    )
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LiveMeetingScreen)
        await pilot.press("up")
        await pilot.press("ctrl+r")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, CorrectDialog)
        table = dialog.query_one("#roll-call", DataTable)
        assert [str(table.get_row_at(i)[0]) for i in range(table.row_count)] == sorted(PRESENT)
        table.focus()
        await pilot.press("y", "n", "x")  # Dana yes, Lorraine no, Marcus absent
        await pilot.pause()
        assert "yes 1 · no 1 · abstain 0 · absent 1" in str(
            dialog.query_one("#roll-call-tally").render()
        )
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, LiveMeetingScreen)
    stored = demo_store.get(Decision, saved.id)
    assert [(r.who, r.vote) for r in stored.roll_call] == [
        ("Dana Whitfield", YES),
        ("Lorraine Whitecloud", NO),
        ("Marcus Reyes", ABSENT),
    ]
    assert (stored.votes_for, stored.votes_against, stored.abstentions) == (1, 1, 0)


def test_quick_entry_stores_the_roll_call(demo_store: Store, meeting: Meeting) -> None:
    result = capture.capture_line(
        demo_store, meeting.id, "/d Adopt it method:vote roll:@dana=yes,@marcus=no"
    )
    assert isinstance(result.entry, Decision)
    stored = demo_store.get(Decision, result.entry.id)
    assert [(r.who, r.vote) for r in stored.roll_call] == [
        ("Dana Whitfield", YES),
        ("Marcus Reyes", NO),
    ]
    assert (stored.votes_for, stored.votes_against, stored.abstentions) == (1, 1, 0)


async def test_the_decision_dialog_lists_the_roll_call_typed_in_the_line(
    demo_store: Store, meeting: Meeting
) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        app.screen.query_one("#capture", Input).value = "/d Adopt it roll:@dana=yes,@tom=no"
        # Tom is in the room but not on the body: called because the line called him.
        await pilot.press("ctrl+d")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, DecisionDialog)
        table = dialog.query_one("#roll-call", DataTable)
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert rows == [
            ["Dana Whitfield", "yes"],
            ["Tom Okafor", "no"],
            ["Lorraine Whitecloud", "—"],
            ["Marcus Reyes", "—"],
        ]
        # The counts follow from the roll call: not fields of their own.
        assert dialog.query_one("#for", Input).value == ""
