"""A listening session's head-count: everyone who gave consent was in the room, so the consent
count is the number of participants when more consented than signed in."""

from __future__ import annotations

from datetime import UTC, datetime

from facilitate.export import render_minutes
from facilitate.models import Body, Meeting, MeetingSeries, Membership, Person
from facilitate.models.enums import BodyKind, MeetingKind, Visibility
from facilitate.services.record.document import MinutesDocument
from facilitate.services.record.minutes import build_minutes
from facilitate.services.run import attendance, listening
from facilitate.services.share.sharing import ExportFormat
from facilitate.store import Store

from .test_exports import docx_text, html_text

GENERATED = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
HOSTS = ("Sofia Alvarez", "Tasha Greene", "Miguel Santos")


def _session(store: Store, consent: int | None) -> Meeting:
    """The circle's three hosts and one guest signed in; `consent` gave consent to notes."""
    body = store.insert(Body(name="Family Voice Circle", kind=BodyKind.LISTENING_CIRCLE))
    series = store.insert(MeetingSeries(body_id=body.id, name="Listening sessions"))
    meeting = store.insert(
        Meeting(
            series_id=series.id,
            title="Listening session — November",
            starts_at=datetime(2026, 11, 22, 18, 0),
            kind=MeetingKind.LISTENING_SESSION,
        )
    )
    for name in HOSTS:
        host = store.insert(Person(name=name))
        store.insert(Membership(body_id=body.id, person_id=host.id, role="host"))
        attendance.check_in(store, meeting.id, host.id)
    attendance.add_guest(store, meeting.id, "A parent")
    if consent is not None:
        listening.record_opening(store, meeting.id, consent_count=consent)
    return meeting


def _minutes(store: Store, meeting: Meeting) -> MinutesDocument:
    return build_minutes(store, meeting.id, Visibility.PARTNERS, generated_at=GENERATED)


def test_the_consent_count_is_the_head_count_when_more_consented_than_signed_in(
    store: Store,
) -> None:
    doc = _minutes(store, _session(store, consent=14))
    assert doc.attendance is not None
    assert (doc.attendance.participants, doc.attendance.present_count) == (14, 1)
    assert doc.attendance.counted_by_consent
    assert doc.participants_text().startswith("14 participants")
    [md] = render_minutes(doc, ExportFormat.MD)
    [page] = render_minutes(doc, ExportFormat.HTML)
    [word] = render_minutes(doc, ExportFormat.DOCX)
    for text in (md.data.decode(), html_text(page.data.decode()), docx_text(word.data)):
        assert doc.participants_text() in text
        assert "1 participants." not in text
        assert "Consent to notes: 14 participants" in text


def test_without_a_consent_count_those_signed_in_are_counted(store: Store) -> None:
    doc = _minutes(store, _session(store, consent=None))
    assert doc.attendance is not None
    assert doc.attendance.participants == 1
    assert not doc.attendance.counted_by_consent
    assert doc.participants_text().startswith("1 ")


# The catalogue (services/record/i18n) has no words yet for these: see the report of this change.


def test_the_minutes_say_the_consent_count_and_how_many_signed_in(store: Store) -> None:
    doc = _minutes(store, _session(store, consent=14))
    assert doc.participants_text().startswith("14 participants (consent count); 1 signed in.")


def test_one_participant_is_said_in_the_singular(store: Store) -> None:
    doc = _minutes(store, _session(store, consent=1))
    assert doc.participants_text().startswith("1 participant. ")
    assert doc.consent_text() == "Consent to notes: 1 participant"
