"""A listening session planned "from the last meeting" reads the same consent statement to the
room as the last one did, and asks for consent afresh (no count is carried)."""

from __future__ import annotations

from datetime import datetime, timedelta

from facilitate.models import Meeting, MeetingSeries
from facilitate.models.enums import MeetingKind
from facilitate.services.plan import agenda
from facilitate.services.plan.agenda import MeetingPlan
from facilitate.store import Store

STATEMENT = "We take notes without names. Say stop at any time and we stop recording."


def _last_session(store: Store) -> Meeting:
    series = store.find(MeetingSeries, kind=MeetingKind.LISTENING_SESSION.value)[0]
    last = agenda.meetings_of(store, series.id)[-1]
    last.consent_statement = STATEMENT
    last.consent_count = 14
    return store.update_fields(last, ["consent_statement", "consent_count"])


def test_from_the_last_meeting_copies_the_consent_statement(demo_store: Store) -> None:
    last = _last_session(demo_store)
    new = agenda.create_meeting(
        demo_store,
        MeetingPlan(series_id=last.series_id, starts_at=last.starts_at + timedelta(days=90)),
        from_last=True,
    )
    stored = demo_store.get(Meeting, new.id)
    assert stored.consent_statement == STATEMENT
    assert stored.consent_count is None


def test_a_blank_meeting_does_not_copy_it(demo_store: Store) -> None:
    last = _last_session(demo_store)
    starts: datetime = last.starts_at + timedelta(days=90)
    new = agenda.create_meeting(demo_store, MeetingPlan(series_id=last.series_id, starts_at=starts))
    assert demo_store.get(Meeting, new.id).consent_statement == ""
