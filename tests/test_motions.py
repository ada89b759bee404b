"""Motions as moved (issue #17): mover and seconder, amendments, carried unanimously, tabled and
withdrawn; from quick entry and the decision dialog to the minutes in every format."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from textual.widgets import Input, Select

from facilitate.export import docx, html
from facilitate.export.csv import decisions_csv
from facilitate.export.markdown import render_minutes
from facilitate.models import Decision, Meeting
from facilitate.models.enums import (
    DecisionMethod,
    DecisionOutcome,
    MeetingStatus,
    Visibility,
)
from facilitate.services.plan import agenda
from facilitate.services.record.minutes import build_minutes
from facilitate.services.run import attendance, capture, completion, decision_form, live
from facilitate.services.run.capture import CaptureError
from facilitate.services.run.quick_entry import EntryKind, Proposed, parse_line
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.decision import DecisionDialog
from facilitate.tui.screens.live import LiveMeetingScreen

from .conftest import TODAY
from .helpers.demo_lookup import org, person, upcoming

T0 = datetime(2026, 11, 29, 21, 0, tzinfo=UTC)
DAY = date(2026, 12, 1)


@pytest.fixture
def meeting(demo_store: Store) -> Meeting:
    """The demo steering meeting, open on its first item, with three people checked in."""
    found = upcoming(demo_store)
    for name in ("Dana Whitfield", "Lorraine Whitecloud", "Tom Okafor"):
        attendance.check_in(demo_store, found.id, person(demo_store, name).id)
    live.open_meeting(demo_store, found.id, now=T0)
    live.start_item(demo_store, agenda.items(demo_store, found.id)[0].id, now=T0)
    return demo_store.get(Meeting, found.id)


def _decided(store: Store, meeting: Meeting, line: str) -> Decision:
    result = capture.capture_line(store, meeting.id, line)
    assert isinstance(result.entry, Decision), result.problems
    return store.get(Decision, result.entry.id)


def _markdown(store: Store, meeting: Meeting) -> str:
    return render_minutes(build_minutes(store, meeting.id, Visibility.PARTNERS))


# -- quick entry --------------------------------------------------------------------------------


def test_quick_entry_reads_mover_seconder_and_a_unanimous_outcome() -> None:
    entry = parse_line(
        '/d Approve the October minutes moved:@dana second:@"Tom Okafor" outcome:unanimous', DAY
    )
    assert entry.kind is EntryKind.DECISION, entry.problems
    assert entry.text == "Approve the October minutes"
    assert (entry.moved_by, entry.seconded_by) == ("dana", "Tom Okafor")
    assert entry.outcome is DecisionOutcome.UNANIMOUS


def test_tabled_and_withdrawn_are_their_own_outcomes_not_deferred() -> None:
    assert parse_line("/d Budget outcome:tabled", DAY).outcome is DecisionOutcome.TABLED
    assert parse_line("/d Budget outcome:withdrawn", DAY).outcome is DecisionOutcome.WITHDRAWN


def test_quick_entry_reads_amendments_with_and_without_a_mover() -> None:
    entry = parse_line(
        '/d Adopt the protocol amend:@tom "strike clause 2" amend:"add a review date"', DAY
    )
    assert entry.amendments == (
        Proposed("strike clause 2", "tom"),
        Proposed("add a review date"),
    )
    assert entry.text == "Adopt the protocol"


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("/d x moved:dana", 'could not read the mover in "moved:dana"'),
        ("/d x moved:@a moved:@b", "more than one mover (moved:@a, moved:@b)"),
        ("/d x second:@a seconded:@b", "more than one seconder"),
        ("/d x amend:@tom", 'say what the amendment changed after amend:@tom, e.g. amend:@tom "'),
        ("/d x outcome:unanimous against:2", "carried unanimously, yet 2 against"),
    ],
)
def test_a_motion_that_cannot_be_read_says_why(line: str, problem: str) -> None:
    entry = parse_line(line, DAY)
    assert entry.kind is EntryKind.NOTE
    assert any(problem in said for said in entry.problems), entry.problems


def test_the_completion_list_offers_the_motion_tokens(demo_store: Store, meeting: Meeting) -> None:
    offered = [c.insert for c in completion.complete("/d Adopt mo", 11).items]
    assert "moved:@" in offered
    assert "second:@" in [c.insert for c in completion.complete("/d Adopt se", 11).items]
    outcomes = [c.insert.strip() for c in completion.complete("/d Adopt outcome:", 17).items]
    assert {"outcome:unanimous", "outcome:tabled", "outcome:withdrawn"} <= set(outcomes)
    names = completion.names_for(demo_store, meeting)
    line = "/d Adopt moved:@dan"
    people = completion.complete(line, len(line), names).items
    assert [c.insert for c in people] == ["moved:@dana "]


# -- capture and the record ---------------------------------------------------------------------


def test_a_motion_is_stored_with_people_on_record(demo_store: Store, meeting: Meeting) -> None:
    stored = _decided(
        demo_store,
        meeting,
        '/d Approve the October minutes moved:@dana second:@"Tom Okafor" outcome:unanimous',
    )
    assert stored.moved_by[0].person_id == person(demo_store, "Dana Whitfield").id
    assert stored.seconded_by[0].person_id == person(demo_store, "Tom Okafor").id
    assert (stored.outcome, stored.method) == (
        DecisionOutcome.UNANIMOUS,
        DecisionMethod.NOT_RECORDED,
    )


def test_unanimous_with_votes_against_is_refused(demo_store: Store, meeting: Meeting) -> None:
    with pytest.raises(CaptureError, match="carried unanimously, yet 1 against"):
        capture.add_decision(
            demo_store, meeting.id, "Adopt it", outcome=DecisionOutcome.UNANIMOUS, votes_against=1
        )


def test_unanimous_cannot_carry_consensus_over_a_block(demo_store: Store, meeting: Meeting) -> None:
    result = capture.capture_line(
        demo_store, meeting.id, "/d Adopt it method:consensus block:@pp outcome:unanimous"
    )
    assert not isinstance(result.entry, Decision)
    assert any("consensus with a block is not adopted" in p for p in result.problems)


def test_the_minutes_print_the_motion_as_moved(demo_store: Store, meeting: Meeting) -> None:
    _decided(
        demo_store,
        meeting,
        '/d Approve the October minutes moved:@dana second:@"Tom Okafor" outcome:unanimous',
    )
    markdown = _markdown(demo_store, meeting)
    assert (
        "  - Motion: Moved by Dana Whitfield, seconded by Tom Okafor; carried unanimously"
        in markdown
    )
    assert "Method: Not recorded; carried unanimously" not in markdown


def test_a_tabled_motion_with_no_method_prints_as_tabled(
    demo_store: Store, meeting: Meeting
) -> None:
    _decided(demo_store, meeting, "/d Transport budget outcome:tabled")
    markdown = _markdown(demo_store, meeting)
    block = markdown.split("**Decision:** Transport budget", 1)[1].split("\n\n", 1)[0]
    assert "  - Outcome: Tabled" in block
    assert "Method" not in block


def test_a_motion_with_a_method_keeps_the_method_line(demo_store: Store, meeting: Meeting) -> None:
    _decided(demo_store, meeting, "/d Fund the pilot method:vote for:6 against:1 moved:@lorraine")
    markdown = _markdown(demo_store, meeting)
    assert "  - Method: Majority vote; adopted\n  - Votes: For 6, against 1" in markdown
    assert "  - Motion: Moved by Lorraine Whitecloud\n" in markdown


def test_every_format_shows_the_motion_and_its_amendment(
    demo_store: Store, meeting: Meeting
) -> None:
    form = decision_form.DecisionInput(
        text="Adopt the referral protocol",
        outcome=DecisionOutcome.UNANIMOUS,
        moved_by="dana",
        seconded_by="tom",
        amendments=decision_form.read_amendments(
            "@lorraine @dana add a review in March; @tom strike clause 2 => withdrawn"
        ),
    )
    resolved = decision_form.resolve(demo_store, meeting, form)
    assert resolved.problems == ()
    capture.add_decision(demo_store, meeting.id, form.text, **decision_form.fields(form, resolved))
    doc = build_minutes(demo_store, meeting.id, Visibility.PARTNERS)
    motion = "Moved by Dana Whitfield, seconded by Tom Okafor; carried unanimously"
    first = (
        "add a review in March (moved by Lorraine Whitecloud, seconded by Dana Whitfield; adopted)"
    )
    second = "strike clause 2 (moved by Tom Okafor; withdrawn)"
    markdown = render_minutes(doc)
    assert f"  - Motion: {motion}" in markdown
    assert f"  - Amendment: {first}" in markdown
    assert f"  - Amendment: {second}" in markdown
    page = html.render_minutes(doc)
    assert motion in page and first in page and second in page
    assert motion.encode() in _docx_text(docx.render_minutes(doc))
    table = decisions_csv(doc).decode("utf-8-sig")
    assert "motion,amendments" in table.splitlines()[0]
    assert "Moved by Dana Whitfield, seconded by Tom Okafor" in table
    spanish = render_minutes(
        build_minutes(demo_store, meeting.id, Visibility.PARTNERS, language="es")
    )
    assert (
        "Moción: Propuesta por Dana Whitfield, secundada por Tom Okafor; aprobada por unanimidad"
        in spanish
    )


def _docx_text(package: bytes) -> bytes:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        return archive.read("word/document.xml")


def test_the_dialog_fields_round_trip_a_stored_motion(demo_store: Store, meeting: Meeting) -> None:
    stored = _decided(
        demo_store,
        meeting,
        '/d Adopt it moved:@dana second:@pp amend:@tom "strike clause 2" outcome:unanimous',
    )
    form = decision_form.from_decision(stored)
    assert (form.moved_by, form.seconded_by) == (
        "Dana Whitfield",
        "Parent Partners of Harbor County",
    )
    assert decision_form.amendments_text(form.amendments) == '@"Tom Okafor" strike clause 2'
    assert decision_form.read_amendments(decision_form.amendments_text(form.amendments)) == [
        Proposed("strike clause 2", "Tom Okafor")
    ]
    assert stored.seconded_by[0].organization_id == org(demo_store, "Parent Partners").id


def test_an_amendment_field_that_cannot_be_read_names_the_field() -> None:
    with pytest.raises(CaptureError, match="Amendments: “perhaps” is not an outcome"):
        decision_form.read_amendments("@tom strike clause 2 => perhaps")
    with pytest.raises(CaptureError, match="Amendments: say what it changed"):
        decision_form.read_amendments("@tom @dana")


# -- the decision dialog, by keys ----------------------------------------------------------------


def _steering(store: Store) -> Meeting:
    return next(
        m
        for m in store.find(Meeting, order_by="starts_at")
        if m.status == MeetingStatus.PLANNED and m.title.startswith("Steering")
    )


async def test_the_decision_dialog_takes_a_motion(demo_store: Store) -> None:
    meeting = _steering(demo_store)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        app.screen.run_meeting(meeting.id)  # type: ignore[attr-defined]
        await pilot.pause()
        app.screen.query_one(
            "#capture", Input
        ).value = "/d Approve the minutes moved:@dana outcome:unanimous"
        await pilot.press("ctrl+d")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, DecisionDialog)
        assert dialog.query_one("#moved", Input).value == "@dana"
        assert dialog.query_one("#outcome", Select).value is DecisionOutcome.UNANIMOUS
        dialog.query_one("#seconded", Input).value = '@"Tom Okafor"'
        dialog.query_one("#amendments", Input).value = "@tom fix the date => adopted"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LiveMeetingScreen)
    [stored] = demo_store.find(Decision, meeting_id=meeting.id)
    assert stored.moved_by[0].person_id == person(demo_store, "Dana Whitfield").id
    assert stored.seconded_by[0].person_id == person(demo_store, "Tom Okafor").id
    assert [a.text for a in stored.amendments] == ["fix the date"]
    assert stored.outcome is DecisionOutcome.UNANIMOUS
