"""Decisions as decided on the live screen, by keys: the decision dialog filled from the capture
line, and a whole stretch of a meeting captured, corrected, removed and restored."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Select

from facilitate.models import ActionItem, Decision, Meeting, Note
from facilitate.models.enums import DecisionMethod, DecisionOutcome, MeetingStatus
from facilitate.services.dates import parse_date
from facilitate.services.run import capture, corrections
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.confirm import ConfirmDialog
from facilitate.tui.dialogs.correct_entry import CorrectDialog
from facilitate.tui.dialogs.decision import DecisionDialog
from facilitate.tui.screens.live import LiveMeetingScreen

from .conftest import TODAY
from .helpers.demo_lookup import org, person


def _steering(store: Store) -> Meeting:
    return next(
        m
        for m in store.find(Meeting, order_by="starts_at")
        if m.status == MeetingStatus.PLANNED and m.title.startswith("Steering")
    )


async def _enter(pilot: object, app: FacilitateApp, line: str) -> None:
    app.screen.query_one("#capture", Input).value = line
    await pilot.press("enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


def _rows(app: FacilitateApp) -> list[list[str]]:
    table = app.screen.query_one("#entries", DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def _select(pilot: object, app: FacilitateApp, text: str) -> None:
    """Move the entries' cursor, by keys in the capture line, to the row that starts with text."""
    table = app.screen.query_one("#entries", DataTable)
    wanted = next(n for n, row in enumerate(_rows(app)) if row[3].startswith(text))
    while table.cursor_row != wanted:
        await pilot.press("up" if table.cursor_row > wanted else "down")  # type: ignore[attr-defined]
    assert app.screen.focused is app.screen.query_one("#capture", Input)


async def test_the_decision_dialog_opens_filled_from_the_capture_line(demo_store: Store) -> None:
    meeting = _steering(demo_store)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 34)) as pilot:
        app.screen.run_meeting(meeting.id)  # type: ignore[attr-defined]
        await pilot.pause()
        line = app.screen.query_one("#capture", Input)
        line.value = "/d Fund the peer coach pilot method:consensus for:6"
        await pilot.press("ctrl+d")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, DecisionDialog)
        assert dialog.query_one("#decision-text", Input).value == "Fund the peer coach pilot"
        assert dialog.query_one("#method", Select).value is DecisionMethod.CONSENSUS
        assert dialog.query_one("#for", Input).value == "6"
        dialog.query_one("#asides", Input).value = "@dana needs the bench's review"
        dialog.query_one("#blocks", Input).value = "@pp families were not asked"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LiveMeetingScreen)
        assert app.screen.query_one("#capture", Input).value == ""
        assert _rows(app)[-1][1] == "DECISION"
        assert "consensus · not adopted · for 6 · 1 stand-aside · 1 block" in _rows(app)[-1][3]
    [stored] = demo_store.find(Decision, meeting_id=meeting.id)
    assert (stored.method, stored.outcome, stored.votes_for) == (
        DecisionMethod.CONSENSUS,
        DecisionOutcome.NOT_ADOPTED,
        6,
    )
    assert stored.stand_asides[0].person_id == person(demo_store, "Dana Whitfield").id
    assert stored.blocks[0].organization_id == org(demo_store, "Parent Partners").id
    assert stored.blocks[0].reason == "families were not asked"


async def test_the_dialog_says_what_the_rules_refuse_and_keeps_what_was_typed(
    demo_store: Store,
) -> None:
    meeting = _steering(demo_store)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 34)) as pilot:
        app.screen.run_meeting(meeting.id)  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("ctrl+d")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, DecisionDialog)
        dialog.query_one("#decision-text", Input).value = "Fund the pilot"
        dialog.query_one("#method", Select).value = DecisionMethod.CONSENSUS
        dialog.query_one("#outcome", Select).value = DecisionOutcome.ADOPTED
        dialog.query_one("#blocks", Input).value = "@pp families were not asked"
        await pilot.press("ctrl+s")
        await pilot.pause()
        again = app.screen
        assert isinstance(again, DecisionDialog)
        assert "not adopted unless the group overrides it" in str(
            again.query_one("#error").render()
        )
        assert again.query_one("#blocks", Input).value == "@pp families were not asked"
        again.query_one("#override", Input).value = "the county deadline cannot move"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LiveMeetingScreen)
    [stored] = demo_store.find(Decision, meeting_id=meeting.id)
    assert (stored.outcome, stored.override_reason) == (
        DecisionOutcome.ADOPTED,
        "the county deadline cannot move",
    )


async def test_a_stretch_of_meeting_captured_corrected_removed_and_restored(
    demo_store: Store,
) -> None:
    """The issue's whole case: a consensus decision with a stand-aside and a block, a consent
    decision with an objection resolved, a vote with counts; an action's owner and due date
    corrected; a middle entry removed and restored."""
    meeting = _steering(demo_store)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 34)) as pilot:
        app.screen.run_meeting(meeting.id)  # type: ignore[attr-defined]
        await pilot.pause()
        for line in (
            "/d Adopt the shared outcomes method:consensus aside:@dana \"needs the bench's "
            'review" block:@pp "families were not asked"',
            '/d Use the shared referral form method:consent objection:@tom "three pages" '
            'resolved:"cut to two"',
            "/d Approve the October minutes method:vote for:6 against:0 abstain:1",
            "/a Draft the MOU @dana due:fri",
            "Families want evening sessions",
            "Court liaison joined",
        ):
            await _enter(pilot, app, line)
        assert [row[1] for row in _rows(app)] == [
            "DECISION",
            "DECISION",
            "DECISION",
            "ACTION",
            "note",
            "note",
        ]

        # Correct the action's owner and due date.
        await _select(pilot, app, "Draft the MOU")
        await pilot.press("ctrl+r")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, CorrectDialog)
        dialog.query_one("#owner", Input).value = "@lorraine"
        dialog.query_one("#due", Input).value = "12/11"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert "(Lorraine Whitecloud, due Dec 11)" in _rows(app)[3][3]

        # Remove the middle note (not the newest), after saying yes; then restore it.
        await _select(pilot, app, "Families want evening sessions")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        await pilot.pause()
        texts = [row[3] for row in _rows(app)]
        assert "Families want evening sessions" not in texts
        assert texts[-1] == "Court liaison joined"
        await pilot.press("ctrl+y")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert "Families want evening sessions" in [row[3] for row in _rows(app)]

    decisions = demo_store.find(Decision, meeting_id=meeting.id, order_by="created_at")
    consensus, consent, vote = decisions
    assert (consensus.outcome, len(consensus.stand_asides), len(consensus.blocks)) == (
        DecisionOutcome.NOT_ADOPTED,
        1,
        1,
    )
    assert (consent.objections[0].objection, consent.objections[0].resolution) == (
        "three pages",
        "cut to two",
    )
    assert (vote.votes_for, vote.votes_against, vote.abstentions) == (6, 0, 1)
    [action] = demo_store.find(ActionItem, meeting_id=meeting.id)
    assert action.owner_person_id == person(demo_store, "Lorraine Whitecloud").id
    # "12/11" read from the meeting's date, as quick entry reads it.
    assert action.due == parse_date("12/11", capture.meeting_day(meeting))
    notes = [n.text for n in demo_store.find(Note, meeting_id=meeting.id, order_by="created_at")]
    assert notes == ["Families want evening sessions", "Court liaison joined"]
    assert [e.text for e in capture.entries(demo_store, meeting.id)][-2:] == notes
    revisions = corrections.history(demo_store, action)
    assert {r.field for r in revisions} >= {"owner_person_id", "due"}

    # The minutes say exactly that: each method, the stand-aside and the block with who and
    # why, the consent objection and how it was resolved, the vote's counts, the corrected
    # action, and the restored note in its place.
    from facilitate.export.markdown import render_minutes
    from facilitate.models.enums import Visibility
    from facilitate.services.record.minutes import build_minutes

    minutes = render_minutes(build_minutes(demo_store, meeting.id, Visibility.INTERNAL))
    assert "Adopt the shared outcomes" in minutes
    assert "Method: Consensus; not adopted" in minutes
    assert "Stand-aside: Dana Whitfield: needs the bench's review" in minutes
    assert "Block: Parent Partners" in minutes and "families were not asked" in minutes
    assert "Method: Consent; adopted" in minutes
    assert "Objection: Tom Okafor: three pages (resolved: cut to two)" in minutes
    assert "Method: Majority vote; adopted" in minutes
    assert "Votes: For 6, against 0, abstaining 1" in minutes
    # A consensus or consent decision without objections says so; these two had some.
    assert "No stand-asides or blocks" not in minutes
    assert "Draft the MOU" in minutes and "Lorraine Whitecloud" in minutes
    assert minutes.index("Families want evening sessions") < minutes.index("Court liaison")
