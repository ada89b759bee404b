"""Correct anything, lose nothing: every field of any entry, its kind, removing the chosen entry
and restoring it, each change kept in the entry's history; against a real SQLite file."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from facilitate.models import ActionItem, Decision, EntryRevision, Meeting, Note
from facilitate.models.enums import DecisionMethod, DecisionOutcome, Visibility
from facilitate.services.plan import agenda
from facilitate.services.run import attendance, capture, correct_form, corrections, live
from facilitate.services.run.capture import CaptureError
from facilitate.services.run.quick_entry import EntryKind, Stance
from facilitate.store import Store

from .helpers.demo_lookup import org, person, upcoming

T0 = datetime(2026, 11, 29, 21, 0, tzinfo=UTC)


@pytest.fixture
def meeting(demo_store: Store) -> Meeting:
    found = upcoming(demo_store)
    for name in ("Dana Whitfield", "Lorraine Whitecloud", "Tom Okafor"):
        attendance.check_in(demo_store, found.id, person(demo_store, name).id)
    live.open_meeting(demo_store, found.id, now=T0)
    live.start_item(demo_store, agenda.items(demo_store, found.id)[0].id, now=T0)
    return demo_store.get(Meeting, found.id)


def test_an_actions_owner_due_date_item_and_visibility_are_corrected(
    demo_store: Store, meeting: Meeting
) -> None:
    result = capture.capture_line(demo_store, meeting.id, "/a Send the MOU @dana due:fri")
    action = result.entry
    assert isinstance(action, ActionItem)
    later_item = agenda.items(demo_store, meeting.id)[2]
    form = correct_form.from_entry(demo_store, action)
    assert form.owner == '@"Dana Whitfield"'
    form.owner = "@lorraine"
    form.due = date(2026, 12, 11)
    form.agenda_item_id = later_item.id
    form.visibility = Visibility.INTERNAL
    applied = correct_form.apply(demo_store, action, form)
    stored = demo_store.get(ActionItem, action.id)
    assert stored.owner_person_id == person(demo_store, "Lorraine Whitecloud").id
    # The new owner brings the organization they are here for.
    assert stored.organization_id == org(demo_store, "Cedar River ICWA").id
    assert (stored.due, stored.agenda_item_id) == (date(2026, 12, 11), later_item.id)
    assert stored.visibility is Visibility.INTERNAL
    assert applied.problems == applied.warnings == ()
    changed = {r.field for r in corrections.history(demo_store, stored)}
    assert changed == {
        "owner_person_id",
        "organization_id",
        "due",
        "agenda_item_id",
        "visibility",
    }


def test_an_owner_typed_who_matches_nobody_is_kept_and_reported(
    demo_store: Store, meeting: Meeting
) -> None:
    action = capture.add_action(demo_store, meeting.id, "Call the clerk")
    form = correct_form.from_entry(demo_store, action)
    form.owner = "@zelda"
    form.due = date(2026, 11, 1)
    applied = correct_form.apply(demo_store, action, form)
    stored = demo_store.get(ActionItem, action.id)
    assert (stored.owner_person_id, stored.owner_text) == (None, "zelda")
    assert any("@zelda" in p for p in applied.problems)
    assert applied.warnings == ("due date Nov 01 is before the meeting (Nov 29)",)


def test_a_decisions_method_counts_and_outcome_are_corrected(
    demo_store: Store, meeting: Meeting
) -> None:
    decision = capture.add_decision(demo_store, meeting.id, "Adopt the referral form")
    assert decision.method is DecisionMethod.NOT_RECORDED
    form = correct_form.from_entry(demo_store, decision)
    form.decision.method = DecisionMethod.MAJORITY_VOTE
    form.decision.votes_for, form.decision.votes_against, form.decision.abstentions = 7, 1, 2
    correct_form.apply(demo_store, decision, form)
    stored = demo_store.get(Decision, decision.id)
    assert stored.method is DecisionMethod.MAJORITY_VOTE
    assert (stored.votes_for, stored.votes_against, stored.abstentions) == (7, 1, 2)
    # The quorum kept when it was taken is not touched by a correction.
    assert stored.quorum_reason == decision.quorum_reason
    fields = {r.field for r in corrections.history(demo_store, stored)}
    assert fields == {"method", "votes_for", "votes_against", "abstentions"}


def test_a_correction_that_breaks_the_decision_rules_is_refused(
    demo_store: Store, meeting: Meeting
) -> None:
    decision = capture.add_decision(
        demo_store, meeting.id, "Fund the pilot", method=DecisionMethod.CONSENSUS
    )
    form = correct_form.from_entry(demo_store, decision)
    form.decision.blocks = [Stance("pp", "families were not asked")]
    form.decision.outcome = DecisionOutcome.ADOPTED
    with pytest.raises(CaptureError, match="not adopted unless"):
        correct_form.apply(demo_store, decision, form)
    assert demo_store.get(Decision, decision.id).blocks == []
    with pytest.raises(CaptureError, match="quorum_met"):
        corrections.correct_entry(demo_store, decision, {"quorum_met": False})


def test_a_note_becomes_an_action_keeping_its_id_time_and_history(
    demo_store: Store, meeting: Meeting
) -> None:
    note = capture.add_note(demo_store, meeting.id, "Dana will send the MOU")
    form = correct_form.from_entry(demo_store, note)
    form.kind = EntryKind.ACTION
    form.owner = "@dana"
    form.due = date(2026, 12, 4)
    applied = correct_form.apply(demo_store, note, form)
    action = demo_store.get(ActionItem, note.id)
    assert applied.entry.id == note.id
    assert (action.created_at, action.text) == (note.created_at, note.text)
    assert action.owner_person_id == person(demo_store, "Dana Whitfield").id
    assert demo_store.count(Note, id=note.id) == 0
    words = [corrections.describe(r) for r in corrections.history(demo_store, action)]
    assert "kind: note → action" in words
    kept = demo_store.find(EntryRevision, entry_table="notes", entry_id=note.id)
    assert Note.model_validate_json(kept[0].old_value).text == note.text
    # Undo of the meeting does not trip over a change of kind.
    assert corrections.undo_last(demo_store, meeting.id).action == "reverted"


def test_the_chosen_entry_is_removed_not_the_newest_and_can_be_restored(
    demo_store: Store, meeting: Meeting
) -> None:
    first = capture.add_note(demo_store, meeting.id, "first")
    middle = capture.capture_line(demo_store, meeting.id, "/a Book the room @dana due:fri").entry
    last = capture.add_note(demo_store, meeting.id, "last")
    assert isinstance(middle, ActionItem)
    corrections.remove_entry(demo_store, middle)
    assert [e.id for e in capture.entries(demo_store, meeting.id)] == [first.id, last.id]
    [removed] = corrections.removed_entries(demo_store, meeting.id)
    assert removed.entry.id == middle.id
    back = corrections.restore_entry(demo_store, removed.entry)
    # Back in its place, with its id, capture time, owner and date.
    assert [e.id for e in capture.entries(demo_store, meeting.id)] == [first.id, middle.id, last.id]
    stored = demo_store.get(ActionItem, middle.id)
    assert (stored.created_at, stored.owner_person_id, stored.due) == (
        middle.created_at,
        middle.owner_person_id,
        middle.due,
    )
    assert back.updated_at > middle.updated_at
    assert corrections.removed_entries(demo_store, meeting.id) == []
    with pytest.raises(CaptureError, match="in the record already"):
        corrections.restore_entry(demo_store, removed.entry)
    words = [corrections.describe(r) for r in corrections.history(demo_store, stored)]
    assert words == ["removed (kept whole, can be restored)", "restored"]


def test_a_corrected_field_can_be_put_back(demo_store: Store, meeting: Meeting) -> None:
    note = capture.add_note(demo_store, meeting.id, "Riverbend has two coaches")
    corrections.correct_entry(demo_store, note, {"text": "Riverbend has three coaches"})
    [revision] = corrections.history(demo_store, note)
    assert corrections.describe(revision) == (
        "text: Riverbend has two coaches → Riverbend has three coaches"
    )
    corrections.put_back(demo_store, demo_store.get(Note, note.id), revision)
    assert demo_store.get(Note, note.id).text == "Riverbend has two coaches"
    assert len(corrections.history(demo_store, note)) == 2


def test_undo_reverts_only_this_meetings_and_this_windows_corrections(
    demo_store: Store, meeting: Meeting
) -> None:
    mine = capture.add_note(demo_store, meeting.id, "mine")
    theirs = capture.add_note(demo_store, meeting.id, "theirs")
    corrections.correct_entry(demo_store, mine, {"text": "mine, corrected"})
    corrections.correct_entry(demo_store, theirs, {"text": "theirs, corrected"})
    # Newest of all: a correction in another meeting, which this meeting's undo never touches.
    other = upcoming(demo_store, "Core")
    elsewhere = capture.add_note(demo_store, other.id, "elsewhere")
    corrections.correct_entry(demo_store, elsewhere, {"text": "elsewhere, corrected"})

    step = corrections.undo_last(demo_store, meeting.id, only={mine.id})
    assert (step.action, demo_store.get(Note, mine.id).text) == ("reverted", "mine")
    assert demo_store.get(Note, theirs.id).text == "theirs, corrected"
    assert demo_store.get(Note, elsewhere.id).text == "elsewhere, corrected"
    step = corrections.undo_last(demo_store, meeting.id, only={mine.id})
    assert (step.action, step.entry and step.entry.id) == ("removed", mine.id)
    assert corrections.undo_last(demo_store, meeting.id, only={mine.id}).action == "nothing"
    # Without a limit, the other window's correction is the newest step left.
    step = corrections.undo_last(demo_store, meeting.id)
    assert (step.action, demo_store.get(Note, theirs.id).text) == ("reverted", "theirs")
