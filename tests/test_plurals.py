"""One helper counts things as a person says them (`services.plurals.counted`): the closing
summary and the "you said, we did" report say a thousand alike."""

from __future__ import annotations

from datetime import datetime

from facilitate.models import Body, Decision, Meeting, MeetingSeries, Note
from facilitate.services.plurals import counted
from facilitate.services.record import you_said_we_did
from facilitate.services.run import closing
from facilitate.store import Store


def _meeting(store: Store) -> Meeting:
    body = store.insert(Body(name="Steering Committee"))
    series = store.insert(MeetingSeries(body_id=body.id, name="Steering (monthly)"))
    return store.insert(
        Meeting(series_id=series.id, title="Steering", starts_at=datetime(2026, 11, 22, 13, 0))
    )


def test_the_closing_summary_counts_as_the_report_does(store: Store) -> None:
    meeting = _meeting(store)
    with store.transaction():
        for n in range(1200):
            store.insert(Note(meeting_id=meeting.id, text=f"note {n}"))
    store.insert(Decision(meeting_id=meeting.id, text="Adopt the charter"))
    said = closing.summary(store, meeting.id).counts
    assert said == "1,200 notes · 1 decision"
    assert said.split(" · ")[0] == you_said_we_did.count_of(1200, "note", "notes")


def test_the_report_s_count_is_the_one_helper() -> None:
    assert you_said_we_did.count_of is counted
    assert counted(1, "piece of input", "pieces of input") == "1 piece of input"
