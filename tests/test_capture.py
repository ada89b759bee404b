"""Capture, corrections and undo against a real SQLite file."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from facilitate.models import (
    ActionItem,
    Decision,
    EntryRevision,
    Meeting,
    Note,
    ParkingLotItem,
)
from facilitate.models.enums import (
    ActionStatus,
    Attribution,
    DecisionMethod,
    MeetingStatus,
    Visibility,
)
from facilitate.services.plan import agenda
from facilitate.services.run import attendance, capture, corrections, drafts, follow_through, live
from facilitate.services.run.capture import CaptureError
from facilitate.services.run.entry_feed import EntryCursor, entries_since
from facilitate.store import Store

from .helpers.demo_lookup import org, person, series, upcoming

DAY = date(2026, 11, 29)
T0 = datetime(2026, 11, 29, 21, 0, tzinfo=UTC)


@pytest.fixture
def meeting(demo_store: Store) -> Meeting:
    """The demo steering meeting, open, on its first item, with a few people checked in."""
    found = upcoming(demo_store)
    for name in ("Dana Whitfield", "Lorraine Whitecloud", "Tom Okafor"):
        attendance.check_in(demo_store, found.id, person(demo_store, name).id)
    live.open_meeting(demo_store, found.id, now=T0)
    live.start_item(demo_store, agenda.items(demo_store, found.id)[0].id, now=T0)
    return demo_store.get(Meeting, found.id)


def _line(store: Store, meeting: Meeting, line: str) -> capture.CaptureResult:
    return capture.capture_line(store, meeting.id, line, DAY)


# -- capture_line ---------------------------------------------------------------------------


def test_each_kind_is_saved_on_the_current_item(demo_store: Store, meeting: Meeting) -> None:
    kinds = [
        ("Court liaison joined", Note),
        ("/d Adopt the protocol method:fist", Decision),
        ("/a Send the MOU @dana due:fri", ActionItem),
        ("/p Transport funding @lorraine", ParkingLotItem),
    ]
    for line, cls in kinds:
        result = _line(demo_store, meeting, line)
        assert isinstance(result.entry, cls)
        stored = demo_store.get(cls, result.entry.id)
        assert stored.agenda_item_id == meeting.current_item_id
        assert stored.visibility is Visibility.PARTNERS
    decision = demo_store.find(Decision, meeting_id=meeting.id)[0]
    assert decision.method is DecisionMethod.FIST_TO_FIVE


def test_a_blank_line_saves_nothing(demo_store: Store, meeting: Meeting) -> None:
    result = _line(demo_store, meeting, "   ")
    assert result.entry is None and result.kind is None
    assert capture.entries(demo_store, meeting.id) == []


def test_an_unreadable_line_is_kept_as_a_draft_not_a_note(
    demo_store: Store, meeting: Meeting
) -> None:
    line = "/a Send figures @dana due:blursday #conf"
    result = _line(demo_store, meeting, f"  {line} ")
    # Nothing enters the record: no note whose text starts with "/a".
    assert result.entry is None
    assert capture.entries(demo_store, meeting.id) == []
    assert result.problems and "due date" in result.problems[0]
    # What was typed is stored at once, exactly, with why it could not be read.
    assert result.draft is not None
    [kept] = drafts.open_drafts(demo_store, meeting.id)
    assert (kept.id, kept.line, kept.problems) == (
        result.draft.id,
        f"  {line} ",
        list(result.problems),
    )
    assert kept.agenda_item_id == meeting.current_item_id


def test_a_draft_fixed_and_sent_again_becomes_the_entry_and_is_gone(
    demo_store: Store, meeting: Meeting
) -> None:
    failed = _line(demo_store, meeting, "/a Send figures @dana due:blursday")
    assert failed.draft is not None
    # Still wrong: the same draft holds the newer words.
    again = capture.capture_line(
        demo_store, meeting.id, "/a Send figures @dana due:thursdai", draft_id=failed.draft.id
    )
    assert again.draft is not None and again.draft.id == failed.draft.id
    [kept] = drafts.open_drafts(demo_store, meeting.id)
    assert kept.line == "/a Send figures @dana due:thursdai"
    fixed = capture.capture_line(
        demo_store, meeting.id, "/a Send figures @dana due:thu", draft_id=failed.draft.id
    )
    assert isinstance(fixed.entry, ActionItem)
    assert fixed.entry.text == "Send figures"
    assert drafts.open_drafts(demo_store, meeting.id) == []


def test_a_draft_can_be_discarded(demo_store: Store, meeting: Meeting) -> None:
    failed = _line(demo_store, meeting, "/x not a command")
    assert failed.draft is not None
    drafts.discard(demo_store, failed.draft.id)
    assert drafts.open_drafts(demo_store, meeting.id) == []
    assert capture.entries(demo_store, meeting.id) == []


def test_tags_override_the_default_visibility(demo_store: Store, meeting: Meeting) -> None:
    result = _line(demo_store, meeting, "/d Budget detail stays inside #internal")
    assert result.entry is not None
    assert demo_store.get(Decision, result.entry.id).visibility is Visibility.INTERNAL


def test_listening_sessions_default_to_no_names(demo_store: Store) -> None:
    session = agenda.create_meeting(
        demo_store,
        agenda.MeetingPlan(
            series_id=series(demo_store, "Community Listening").id,
            starts_at=datetime(2026, 12, 10, 18),
        ),
    )
    assert capture.default_visibility(session) is Visibility.PARTNERS
    assert capture.default_attribution(session) is Attribution.PARTICIPANT
    said = _line(demo_store, session, "Waitlists make court deadlines impossible")
    assert isinstance(said.entry, Note)
    assert said.entry.attribution is Attribution.PARTICIPANT
    assert said.entry.attributed_person_id is None
    named = _line(demo_store, session, "Rides to treatment are the gap ~org:Riverbend")
    assert isinstance(named.entry, Note)
    assert named.entry.attribution is Attribution.ORGANIZATION
    assert named.entry.attributed_organization_id == org(demo_store, "Riverbend").id
    business = upcoming(demo_store)
    assert capture.default_attribution(business) is Attribution.NONE


def test_unmatched_owner_is_kept_in_owner_text(demo_store: Store, meeting: Meeting) -> None:
    result = _line(demo_store, meeting, "/a Call the county clerk @zelda due:fri")
    assert isinstance(result.entry, ActionItem)
    stored = demo_store.get(ActionItem, result.entry.id)
    assert (stored.owner_person_id, stored.owner_text) == (None, "zelda")
    assert stored.text == "Call the county clerk"
    assert any("@zelda matches nobody" in p for p in result.problems)


def test_ambiguous_owner_is_kept_and_reported(demo_store: Store, meeting: Meeting) -> None:
    # Two people named Tom: one checked in, and a second Tom checked in as a guest.
    attendance.add_guest(demo_store, meeting.id, "Tom Baker")
    result = _line(demo_store, meeting, "/a Check the bus schedule @tom")
    assert isinstance(result.entry, ActionItem)
    assert (result.entry.owner_person_id, result.entry.owner_text) == (None, "tom")
    assert any("Tom Baker, Tom Okafor" in p for p in result.problems)
    full = _line(demo_store, meeting, "/a Check the train schedule @tom.okafor")
    assert isinstance(full.entry, ActionItem)
    assert full.entry.owner_person_id == person(demo_store, "Tom Okafor").id


def test_action_organization_defaults_to_the_owner_and_org_token_wins(
    demo_store: Store, meeting: Meeting
) -> None:
    own = _line(demo_store, meeting, "/a Update the data dashboard @tom due:fri")
    assert isinstance(own.entry, ActionItem)
    assert own.entry.organization_id == org(demo_store, "Riverbend").id
    other = _line(demo_store, meeting, "/a Ask the clerk @tom org:family_court")
    assert isinstance(other.entry, ActionItem)
    assert other.entry.organization_id == org(demo_store, "Family Court").id
    unknown = _line(demo_store, meeting, "/a Ask the state @tom org:DHS")
    assert isinstance(unknown.entry, ActionItem)
    assert unknown.entry.text == "Ask the state org:DHS"
    assert unknown.entry.organization_id == org(demo_store, "Riverbend").id
    assert any("DHS" in p for p in unknown.problems)


def test_parking_follow_up_that_matches_nobody_stays_in_the_text(
    demo_store: Store, meeting: Meeting
) -> None:
    result = _line(demo_store, meeting, "/p Housing vouchers @nobody")
    assert isinstance(result.entry, ParkingLotItem)
    assert result.entry.text == "Housing vouchers @nobody"
    assert result.entry.follow_up_person_id is None
    assert result.problems


def test_capture_is_refused_once_minutes_are_approved(demo_store: Store) -> None:
    approved = next(m for m in demo_store.find(Meeting) if m.status is MeetingStatus.APPROVED)
    with pytest.raises(CaptureError, match="approved"):
        capture.capture_line(demo_store, approved.id, "late note", DAY)


def test_captured_entries_survive_a_fresh_connection(
    demo_store: Store, meeting: Meeting, db_path: Path
) -> None:
    ids = [_line(demo_store, meeting, f"note {n}").entry for n in range(5)]
    other = Store.open(db_path)
    try:
        assert [e.id for e in capture.entries(other, meeting.id)] == [e.id for e in ids if e]
    finally:
        other.close()


# -- corrections and undo -------------------------------------------------------------------


def test_a_correction_keeps_the_earlier_text(demo_store: Store, meeting: Meeting) -> None:
    note = capture.add_note(demo_store, meeting.id, "Riverbend has two coaches")
    fixed = corrections.correct_entry(
        demo_store, note, {"text": "Riverbend has three coaches", "visibility": "internal"}
    )
    assert demo_store.get(Note, note.id).text == "Riverbend has three coaches"
    assert fixed.visibility is Visibility.INTERNAL
    revisions = {r.field: r for r in corrections.history(demo_store, note)}
    assert revisions["text"].old_value == "Riverbend has two coaches"
    assert revisions["text"].new_value == "Riverbend has three coaches"
    assert json.loads(revisions["visibility"].old_value) == "partners"


def test_corrections_are_checked(demo_store: Store, meeting: Meeting) -> None:
    action = capture.add_action(demo_store, meeting.id, "Send it")
    with pytest.raises(CaptureError, match="status"):
        corrections.correct_entry(demo_store, action, {"status": ActionStatus.DONE})
    with pytest.raises(CaptureError, match="due"):
        corrections.correct_entry(demo_store, action, {"due": "someday"})
    with pytest.raises(CaptureError, match="text"):
        corrections.correct_entry(demo_store, action, {"text": "  "})
    assert demo_store.count(EntryRevision) == 0
    assert demo_store.get(ActionItem, action.id).text == "Send it"


def test_undo_reverts_corrections_then_removes_captures_newest_first(
    demo_store: Store, meeting: Meeting
) -> None:
    first = capture.add_note(demo_store, meeting.id, "first")
    second = capture.add_action(demo_store, meeting.id, "second", due=date(2026, 12, 4))
    corrections.correct_entry(demo_store, first, {"text": "first, corrected"})
    corrections.correct_entry(demo_store, second, {"due": date(2026, 12, 11), "text": "2nd"})

    step = corrections.undo_last(demo_store, meeting.id)
    assert step.action == "reverted"
    restored = demo_store.get(ActionItem, second.id)
    assert (restored.text, restored.due) == ("second", date(2026, 12, 4))

    # Undo goes further back; it never redoes what it just undid.
    step = corrections.undo_last(demo_store, meeting.id)
    assert step.action == "reverted"
    assert demo_store.get(Note, first.id).text == "first"

    step = corrections.undo_last(demo_store, meeting.id)
    assert (step.action, step.entry) == ("removed", restored)
    assert demo_store.count(ActionItem, meeting_id=meeting.id) == 0
    step = corrections.undo_last(demo_store, meeting.id)
    assert step.action == "removed"
    assert corrections.undo_last(demo_store, meeting.id).action == "nothing"

    # Nothing is lost: the removed entries are kept whole in their history.
    kept = demo_store.find(EntryRevision, entry_id=second.id, field=corrections.REMOVED)
    assert ActionItem.model_validate_json(kept[0].old_value).due == date(2026, 12, 4)
    assert len(demo_store.find(EntryRevision, entry_id=first.id)) == 3


def test_undo_can_be_limited_to_this_windows_entries(demo_store: Store, meeting: Meeting) -> None:
    mine = capture.add_note(demo_store, meeting.id, "mine")
    theirs = capture.add_note(demo_store, meeting.id, "theirs")
    corrections.undo_last(demo_store, meeting.id, only={mine.id})
    assert [e.id for e in capture.entries(demo_store, meeting.id)] == [theirs.id]


def test_undo_never_removes_an_action_with_history(demo_store: Store, meeting: Meeting) -> None:
    action = capture.add_action(demo_store, meeting.id, "Draft the letter")
    follow_through.update_action(demo_store, action.id, ActionStatus.IN_PROGRESS)
    with pytest.raises(CaptureError, match="status updates"):
        corrections.undo_last(demo_store, meeting.id)
    assert demo_store.get(ActionItem, action.id).status is ActionStatus.IN_PROGRESS


# -- polling --------------------------------------------------------------------------------


def test_entries_since_reports_new_changed_and_removed(
    demo_store: Store, meeting: Meeting, db_path: Path
) -> None:
    mine = capture.add_note(demo_store, meeting.id, "mine")
    cursor = entries_since(demo_store, meeting.id).cursor
    assert entries_since(demo_store, meeting.id, cursor).is_empty

    other = Store.open(db_path)
    try:
        theirs = capture.add_decision(other, meeting.id, "theirs")
        corrections.correct_entry(other, mine, {"text": "mine, fixed by the other window"})
    finally:
        other.close()
    batch = entries_since(demo_store, meeting.id, cursor)
    assert [e.id for e in batch.changed] == [mine.id, theirs.id]
    assert batch.changed[0].text == "mine, fixed by the other window"

    corrections.undo_last(demo_store, meeting.id)  # reverts the correction
    corrections.undo_last(demo_store, meeting.id)  # removes "theirs"
    later = entries_since(demo_store, meeting.id, batch.cursor)
    assert [e.id for e in later.changed] == [mine.id]
    assert [(k.value, i) for k, i in later.removed] == [("decision", theirs.id)]

    own = capture.add_note(demo_store, meeting.id, "saved here")
    quiet = entries_since(demo_store, meeting.id, later.cursor.including(own))
    assert quiet.is_empty
    assert EntryCursor().seen == {}
