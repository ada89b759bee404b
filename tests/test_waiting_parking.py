"""A parking-lot entry the loop has answered no longer waits: declined with its reason, answered
in words, or by a decision or action that settled it. A call for items lists only what waits."""

from __future__ import annotations

from datetime import timedelta
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

from facilitate.export.agenda_files import AGENDA_RENDERERS
from facilitate.models import ActionItem, ParkingLotItem
from facilitate.models.enums import ActionStatus, LoopResponseKind
from facilitate.services.record.loop_links import link_response, record_response
from facilitate.services.run.follow_through import update_action
from facilitate.services.share.agenda_packets import write_call_for_items
from facilitate.store import Store
from facilitate.store.queries_owed import waiting

from .test_agenda_out import NOW, next_steering

DECLINED = "Transportation to treatment for families without a car"
"""The demo's one parking-lot entry (October's steering meeting), declined in the loop."""


def _new_entry(store: Store, text: str) -> ParkingLotItem:
    """A parking-lot entry of the demo's October steering meeting, nothing answering it."""
    (declined,) = store.find(ParkingLotItem, text=DECLINED)
    return store.insert(ParkingLotItem(meeting_id=declined.meeting_id, text=text))


def test_a_declined_entry_no_longer_waits(demo_store: Store) -> None:
    entry = _new_entry(demo_store, "Evening meetings for working parents")
    assert waiting(demo_store, [entry]) == [entry]
    record_response(
        demo_store,
        entry,
        text="Meetings stay in the afternoon",
        kind=LoopResponseKind.DECLINED,
        reason="The courthouse closes at five",
    )
    assert waiting(demo_store, [entry]) == []
    (declined,) = demo_store.find(ParkingLotItem, text=DECLINED)
    assert waiting(demo_store, [declined]) == []


def test_an_answer_in_words_settles_an_entry(demo_store: Store) -> None:
    entry = _new_entry(demo_store, "Bus passes")
    record_response(demo_store, entry, text="Passes at intake", kind=LoopResponseKind.ANSWERED)
    assert waiting(demo_store, [entry]) == []


def test_an_action_settles_an_entry_only_once_it_is_done(demo_store: Store) -> None:
    entry = _new_entry(demo_store, "Peer coaches at court")
    other = _new_entry(demo_store, "A Spanish-speaking parent partner")
    action = demo_store.insert(ActionItem(meeting_id=entry.meeting_id, text="Ask the court"))
    link_response(demo_store, action, entry)
    # Still open (loop_links.still_open): being worked on, so still waiting; the order stays.
    assert waiting(demo_store, [other, entry]) == [other, entry]
    update_action(demo_store, action.id, ActionStatus.DONE, meeting_id=entry.meeting_id)
    assert waiting(demo_store, [other, entry]) == [other]


def _call_text(store: Store, out: Path) -> str:
    meeting = next_steering(store)
    mails = write_call_for_items(
        store, meeting.id, NOW.date() + timedelta(days=2), out, AGENDA_RENDERERS, now=NOW
    )
    cedar = next(m for m in mails if m.organization.label == "Cedar River ICWA")
    message = message_from_bytes(cedar.email.path.read_bytes(), policy=default)
    assert isinstance(message, EmailMessage)
    body = message.get_body(("plain",))
    assert body is not None
    return str(body.get_content())


def test_the_call_for_items_lists_only_what_waits(demo_store: Store, tmp_path: Path) -> None:
    _new_entry(demo_store, "Evening meetings for working parents")
    text = _call_text(demo_store, tmp_path)
    assert "Evening meetings for working parents" in text
    assert DECLINED not in text
