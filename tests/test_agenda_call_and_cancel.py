"""A cancelled meeting is cancelled everywhere (#19): sending its agenda writes partners its
cancellation, a call for items is refused for it, for a meeting already held and for a reply-by
date that cannot be met, and `meetings list` shows and filters it as cancelled."""

from __future__ import annotations

import email
import re
from datetime import date, datetime, timedelta
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

import pytest
from click.testing import CliRunner
from icalendar import Calendar

from facilitate.cli import cli
from facilitate.export.agenda_files import AGENDA_RENDERERS
from facilitate.models import Meeting, Organization, ShareRecord
from facilitate.models.enums import MeetingStatus
from facilitate.services.plan.cancel import cancel_meeting
from facilitate.services.record.settings import set_organization_language
from facilitate.services.share.agenda_call import (
    CallError,
    DeadlineError,
    call_deadline,
)
from facilitate.services.share.agenda_packets import write_agenda_packets, write_call_for_items
from facilitate.store import Store

from .test_agenda_out import NOW, next_steering

REASON = "Snow closure: the county offices are shut"


def _parsed(path: Path) -> EmailMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=default)
    assert isinstance(message, EmailMessage)
    return message


def _text(message: EmailMessage) -> str:
    body = message.get_body(("plain",))
    assert body is not None
    return str(body.get_content())


def test_sending_a_cancelled_meeting_writes_its_cancellation(
    demo_store: Store, tmp_path: Path
) -> None:
    meeting = next_steering(demo_store)
    cancel_meeting(demo_store, meeting.id, REASON, now=NOW)
    mails = write_agenda_packets(demo_store, meeting.id, tmp_path, AGENDA_RENDERERS, now=NOW)
    assert len(mails) >= 5
    for mail in mails:
        message = _parsed(mail.email.path)
        assert message["Subject"] == f"Cancelled: {meeting.title}"
        text = _text(message)
        assert f"{meeting.title}, planned for Sunday, November 29, 2026" in text
        assert f"is cancelled: {REASON}" in text
        assert "Attached are the agenda" not in text
        (attached,) = list(message.iter_attachments())
        assert attached.get_filename() == "2026-11-29-steering-committee-cancellation.ics"
        calendar = Calendar.from_ical(attached.get_content())
        assert str(calendar["METHOD"]) == "CANCEL"
        # Nothing but the cancellation and its e-mail is written: no agenda, no pre-read.
        assert sorted(p.suffix for p in mail.email.path.parent.iterdir()) == [".eml", ".ics"]
    logged = demo_store.find(ShareRecord, meeting_id=meeting.id)
    assert {r.document for r in logged} == {"invitation", "cancellation"}
    assert len(logged) == 2 * len(mails)
    assert all(r.organization_id for r in logged)


def test_a_spanish_reader_gets_the_cancellation_in_spanish(
    demo_store: Store, tmp_path: Path
) -> None:
    meeting = next_steering(demo_store)
    (cedar,) = [o for o in demo_store.find(Organization) if o.label == "Cedar River ICWA"]
    set_organization_language(demo_store, cedar.id, "es")
    cancel_meeting(demo_store, meeting.id, "nevada", now=NOW)
    mails = write_agenda_packets(demo_store, meeting.id, tmp_path, AGENDA_RENDERERS, now=NOW)
    message = _parsed(next(m for m in mails if m.organization.id == cedar.id).email.path)
    assert message["Subject"] == f"Cancelada: {meeting.title}"
    assert "se ha cancelado: nevada" in _text(message)


def test_cli_send_says_it_wrote_cancellations(demo_store: Store, tmp_path: Path) -> None:
    meeting = next_steering(demo_store)
    cancel_meeting(demo_store, meeting.id, REASON, now=NOW)
    sent = CliRunner().invoke(
        cli, ["--db", str(demo_store.path), "agenda", "send", meeting.id, "--out", str(tmp_path)]
    )
    assert sent.exit_code == 0, sent.output
    assert "cancellation packets" in sent.output
    assert "check: Drafts will be signed 'Thank you,' with no name" in sent.stderr
    assert list(tmp_path.glob("*/*-agenda-*")) == []


def test_a_call_is_refused_for_a_cancelled_or_held_meeting(
    demo_store: Store, tmp_path: Path
) -> None:
    meeting = next_steering(demo_store)
    by = NOW.date() + timedelta(days=2)
    cancel_meeting(demo_store, meeting.id, REASON, now=NOW)
    with pytest.raises(CallError, match=r"is cancelled \(Snow closure"):
        write_call_for_items(demo_store, meeting.id, by, tmp_path / "c", AGENDA_RENDERERS, now=NOW)
    (held,) = [m for m in demo_store.find(Meeting) if m.title == "Core Team — Nov 08"]
    assert held.status is MeetingStatus.CLOSED
    with pytest.raises(CallError, match="has been held"):
        write_call_for_items(demo_store, held.id, by, tmp_path / "h", AGENDA_RENDERERS, now=NOW)
    assert not (tmp_path / "c").exists() and not (tmp_path / "h").exists()
    assert demo_store.find(ShareRecord, document="call-for-items") == []


@pytest.mark.parametrize(
    ("by", "says"),
    [
        (date(2026, 11, 20), "Friday, November 20, 2026 has passed"),
        (date(2026, 11, 30), "is after the meeting (Sunday, November 29, 2026)"),
    ],
)
def test_a_call_is_refused_a_date_partners_cannot_meet(
    demo_store: Store, tmp_path: Path, by: date, says: str
) -> None:
    meeting = next_steering(demo_store)
    with pytest.raises(DeadlineError, match=re.escape(says)):
        write_call_for_items(demo_store, meeting.id, by, tmp_path, AGENDA_RENDERERS, now=NOW)
    assert not tmp_path.joinpath("riverbend").exists()
    assert demo_store.find(ShareRecord, document="call-for-items") == []
    # The meeting's own day is the latest a call can ask for.
    day = meeting.starts_at.date()
    assert write_call_for_items(demo_store, meeting.id, day, tmp_path, AGENDA_RENDERERS, now=NOW)


@pytest.mark.parametrize(
    ("meeting_day", "today", "by"),
    [
        (date(2026, 12, 20), date(2026, 11, 22), date(2026, 12, 13)),  # a week before
        (date(2026, 11, 29), date(2026, 11, 22), date(2026, 11, 24)),  # two days to answer
        (date(2026, 11, 24), date(2026, 11, 22), date(2026, 11, 23)),  # the day before
        (date(2026, 11, 22), date(2026, 11, 22), date(2026, 11, 22)),  # never before today
    ],
)
def test_the_offered_reply_by_date(meeting_day: date, today: date, by: date) -> None:
    assert call_deadline(meeting_day, today) == by


def _planned_in(store: Store, days: int) -> Meeting:
    """The demo's next steering meeting moved `days` from the computer's today: the CLI asks
    the clock, so the meeting is placed relative to it, never to a fixed date."""
    meeting = next_steering(store)
    meeting.starts_at = datetime.combine(
        date.today() + timedelta(days=days), meeting.starts_at.time()
    )
    store.update_fields(meeting, ["starts_at"])
    return meeting


def test_cli_call_refuses_past_or_late_dates_and_a_cancelled_meeting(
    demo_store: Store, tmp_path: Path
) -> None:
    meeting = _planned_in(demo_store, 20)
    runner = CliRunner()
    out = tmp_path / "calls"
    db = ["--db", str(demo_store.path), "agenda", "call", meeting.id, "--out", str(out)]
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    late = (meeting.starts_at.date() + timedelta(days=1)).isoformat()
    for by, says in ((yesterday, "has passed"), (late, "is after the meeting")):
        refused = runner.invoke(cli, [*db, "--by", by])
        assert refused.exit_code == 1
        assert refused.stderr.startswith("facilitate: --by: ") and says in refused.stderr
    assert not out.exists()
    done = runner.invoke(cli, db)
    assert done.exit_code == 0, done.output
    week_before = (meeting.starts_at.date() - timedelta(days=7)).isoformat()
    assert f"(by {week_before})" in done.output
    cancel_meeting(demo_store, meeting.id, REASON)
    refused = runner.invoke(cli, db)
    assert refused.exit_code == 1
    assert refused.stderr.startswith(f"facilitate: “{meeting.title}” is cancelled")


def test_meetings_list_shows_and_filters_the_cancelled(demo_store: Store) -> None:
    meeting = next_steering(demo_store)
    cancel_meeting(demo_store, meeting.id, REASON, now=NOW)
    runner = CliRunner()
    db = ["--db", str(demo_store.path), "meetings", "list"]
    listed = runner.invoke(cli, db)
    assert listed.exit_code == 0, listed.output
    (line,) = [t for t in listed.output.splitlines() if meeting.title in t]
    assert "  cancelled  " in line
    only = runner.invoke(cli, [*db, "--status", "cancelled"])
    assert only.exit_code == 0, only.output
    # Columns are as wide as what is listed, so the same line, spaced for its own list.
    assert [t.split() for t in only.output.splitlines() if t] == [line.split()]
    planned = runner.invoke(cli, [*db, "--status", "planned"])
    assert meeting.title not in planned.output
    assert "Core Team — Nov 24" in planned.output
    both = runner.invoke(cli, [*db, "--status", "planned", "--status", "Cancelled"])
    assert meeting.title in both.output and "Core Team — Nov 24" in both.output
    bad = runner.invoke(cli, [*db, "--status", "postponed"])
    assert bad.exit_code == 1
    assert "cancelled" in bad.stderr
