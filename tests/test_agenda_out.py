"""Before the meeting: the agenda as documents, the invitation, the call for items and the
agenda packets, on the demo's next steering meeting, read back as a partner's tools would."""

from __future__ import annotations

import email
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from icalendar import Calendar

from facilitate.cli import cli
from facilitate.export.agenda_files import AGENDA_RENDERERS
from facilitate.models import AgendaItem, Meeting, Organization, ShareRecord
from facilitate.models.enums import Visibility
from facilitate.services.record.settings import TIME_ZONE, set_setting
from facilitate.services.share.agenda_document import CLOSED_SESSION, AgendaLine, build_agenda
from facilitate.services.share.agenda_out import InvitationError, export_agenda
from facilitate.services.share.agenda_packets import (
    organizations_without_proposals,
    write_agenda_packets,
    write_call_for_items,
)
from facilitate.services.share.sharing import ExportFormat
from facilitate.store import Store

from .test_exports import check_golden

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


def next_steering(store: Store) -> Meeting:
    """The demo's next steering meeting, in a fixed time zone (else this computer's)."""
    set_setting(store, TIME_ZONE, "America/Chicago")
    (meeting,) = [m for m in store.find(Meeting) if m.title == "Steering Committee — November 2026"]
    return meeting


@pytest.mark.parametrize("audience", [Visibility.PARTNERS, Visibility.INTERNAL])
@pytest.mark.parametrize("fmt", [ExportFormat.MD, ExportFormat.HTML])
def test_agenda_documents_match_golden(
    demo_store: Store, tmp_path: Path, audience: Visibility, fmt: ExportFormat
) -> None:
    meeting = next_steering(demo_store)
    (written,) = export_agenda(
        demo_store, meeting.id, audience, [fmt], tmp_path, AGENDA_RENDERERS, now=NOW
    )
    check_golden(f"agenda-november-{audience}.{fmt}", written.path.read_text(encoding="utf-8"))
    (logged,) = demo_store.find(ShareRecord, document="agenda")
    assert (logged.format, logged.audience, logged.path) == (fmt.value, audience, str(written.path))


def test_word_agenda_reads_back(demo_store: Store, tmp_path: Path) -> None:
    meeting = next_steering(demo_store)
    (written,) = export_agenda(
        demo_store,
        meeting.id,
        Visibility.PARTNERS,
        [ExportFormat.DOCX],
        tmp_path,
        AGENDA_RENDERERS,
        now=NOW,
    )
    document = docx.Document(str(written.path))
    headings = [
        p.text
        for p in document.paragraphs
        if p.style is not None and p.style.name.startswith("Heading")
    ]
    assert "5. ICWA notification timelines (14:00 · 30 min)" in headings
    assert "Open actions to review" in headings
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Proposed by: Lorraine Whitecloud, Cedar River ICWA" in text
    assert "(neutral community venue)" in text
    assert "One voice at a time; listen to understand." in text


def _event(data: bytes) -> tuple[str, int, datetime, str]:
    calendar = Calendar.from_ical(data)
    (event,) = calendar.walk("VEVENT")
    return (
        str(event["UID"]),
        int(str(event["SEQUENCE"])),
        event.decoded("DTSTART"),
        str(event["LOCATION"]),
    )


def test_invitation_uid_stays_and_sequence_rises_with_a_new_time(
    demo_store: Store, tmp_path: Path
) -> None:
    meeting = next_steering(demo_store)

    def invite(folder: str) -> tuple[str, int, datetime, str]:
        (written,) = export_agenda(
            demo_store,
            meeting.id,
            Visibility.PARTNERS,
            [ExportFormat.ICS],
            tmp_path / folder,
            AGENDA_RENDERERS,
        )
        return _event(written.path.read_bytes())

    uid, sequence, start, place = invite("one")
    assert (sequence, place) == (
        0,
        "Northside Family Resource Center, Community Room (neutral community venue)",
    )
    assert start == datetime(2026, 11, 29, 13, 0, tzinfo=start.tzinfo)
    assert str(start.tzinfo) == "America/Chicago"
    again = invite("two")
    assert again[:2] == (uid, 0)  # the same schedule is the same version
    meeting.starts_at += timedelta(hours=1)
    demo_store.save(meeting)
    moved = invite("three")
    assert moved[:2] == (uid, 1)
    assert moved[2].hour == 14


def test_no_place_no_invitation(demo_store: Store, tmp_path: Path) -> None:
    meeting = next_steering(demo_store)
    meeting.location = ""
    demo_store.save(meeting)
    with pytest.raises(InvitationError, match="no place is set"):
        write_agenda_packets(demo_store, meeting.id, tmp_path / "out", AGENDA_RENDERERS, now=NOW)
    assert not (tmp_path / "out").exists()
    assert demo_store.find(ShareRecord) == []
    result = CliRunner().invoke(
        cli,
        [
            "--db",
            str(demo_store.path),
            "agenda",
            "export",
            meeting.title,
            "-f",
            "ics",
            "--out",
            str(tmp_path),
        ],
    )
    assert result.exit_code == 1
    assert "no place is set" in result.stderr
    assert "Traceback" not in result.output


def _parsed(path: Path) -> EmailMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=default)
    assert isinstance(message, EmailMessage)
    return message


def test_agenda_packets_carry_byte_identical_files(demo_store: Store, tmp_path: Path) -> None:
    meeting = next_steering(demo_store)
    mails = write_agenda_packets(demo_store, meeting.id, tmp_path, AGENDA_RENDERERS, now=NOW)
    orgs = [m.organization.label for m in mails]
    assert "Cedar River ICWA" in orgs
    for mail in mails:
        message = _parsed(mail.email.path)
        assert message["X-Unsent"] == "1"
        assert message["Subject"] == f"Agenda: {meeting.title}"
        attached = {
            part.get_filename(): part.get_payload(decode=True)
            for part in message.iter_attachments()
        }
        on_disk = {f.path.name: f.path.read_bytes() for f in mail.files}
        assert attached == on_disk
    logged = demo_store.find(ShareRecord, meeting_id=meeting.id)
    assert {r.document for r in logged} == {"agenda", "invitation"}
    assert len(logged) == 4 * len(mails)  # html, docx, invitation, e-mail per organization
    assert all(r.organization_id for r in logged)


def test_call_for_items_lists_the_agenda_actions_and_parking_lot(
    demo_store: Store, tmp_path: Path
) -> None:
    meeting = next_steering(demo_store)
    mails = write_call_for_items(
        demo_store, meeting.id, NOW.date() + timedelta(days=2), tmp_path, AGENDA_RENDERERS, now=NOW
    )
    cedar = next(m for m in mails if m.organization.label == "Cedar River ICWA")
    message = _parsed(cedar.email.path)
    body = message.get_body(("plain",))
    assert body is not None
    text = body.get_content()
    assert "by Wednesday, November 25, 2026" in text
    assert "5. ICWA notification timelines (30 min)" in text
    assert "Bring county budget figures for the peer coach pilot" in text
    # The demo's one parking-lot entry is declined in the loop: it no longer waits to be asked.
    assert "Transportation to treatment for families without a car" not in text
    (logged,) = demo_store.find(
        ShareRecord, document="call-for-items", organization_id=cedar.organization.id
    )
    assert logged.path == str(cedar.email.path)


def test_organizations_without_proposals(demo_store: Store) -> None:
    meeting = next_steering(demo_store)
    quiet = {o.label for o in organizations_without_proposals(demo_store, meeting.id)}
    assert "Cedar River ICWA" not in quiet  # proposed the ICWA item
    assert "Riverbend" in quiet
    (riverbend,) = [o for o in demo_store.find(Organization) if o.label == "Riverbend"]
    item = demo_store.find(AgendaItem, meeting_id=meeting.id)[0]
    item.proposed_by_organization_id = riverbend.id
    demo_store.save(item)
    assert "Riverbend" not in {
        o.label for o in organizations_without_proposals(demo_store, meeting.id)
    }


def test_internal_action_is_left_out_for_partners(demo_store: Store) -> None:
    meeting = next_steering(demo_store)
    from facilitate.models import ActionItem

    action = next(
        a for a in demo_store.find(ActionItem) if a.text.startswith("Bring county budget")
    )
    action.visibility = Visibility.INTERNAL
    demo_store.save(action)

    def texts(audience: Visibility) -> list[str]:
        return [a.text for a in build_agenda(demo_store, meeting.id, audience).open_actions]

    assert action.text not in texts(Visibility.PARTNERS)
    assert action.text in texts(Visibility.INTERNAL)


def test_closed_item_shows_no_text() -> None:
    line = AgendaLine(number=2, starts_after=10, minutes=15, title=CLOSED_SESSION, closed=True)
    assert (line.title, line.purpose, line.lead, line.proposed_by) == (CLOSED_SESSION, "", "", "")


def test_cli_export_send_and_call(demo_store: Store, tmp_path: Path) -> None:
    meeting = next_steering(demo_store)
    runner = CliRunner()
    db = ["--db", str(demo_store.path), "agenda"]
    done = runner.invoke(
        cli, [*db, "export", meeting.title, "-f", "md", "-f", "docx", "--out", str(tmp_path)]
    )
    assert done.exit_code == 0, done.output
    assert len(list(tmp_path.glob("*-agenda-partners.*"))) == 2
    bad = runner.invoke(
        cli, [*db, "call", meeting.title, "--by", "someday", "--out", str(tmp_path)]
    )
    assert bad.exit_code == 1
    assert bad.stderr.startswith("facilitate: --by:")
    sent = runner.invoke(cli, [*db, "send", meeting.title, "--out", str(tmp_path / "packets")])
    assert sent.exit_code == 0, sent.output
    assert "agenda packets" in sent.output
    assert len(list((tmp_path / "packets").glob("*/*-email.eml"))) >= 5
