"""Per-partner packets, the sharing log, and DRAFT/APPROVED through the minutes lifecycle."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from icalendar import Calendar

from facilitate.export import RENDERERS
from facilitate.models import Note, Person, ShareRecord
from facilitate.models.enums import Visibility
from facilitate.services.record.document import MinutesDocument
from facilitate.services.record.minutes_approval import approve_minutes
from facilitate.services.record.series_record import SeriesRecord
from facilitate.services.record.settings import (
    COORDINATOR_EMAIL,
    COORDINATOR_NAME,
    set_organization_language,
    set_setting,
)
from facilitate.services.record.settings import read as read_settings
from facilitate.services.record.you_said_we_did import LoopReport
from facilitate.services.share.packets import (
    EmailDraft,
    Packet,
    partner_organizations,
    settings_warnings,
    write_packets,
)
from facilitate.services.share.sharing import (
    ExportError,
    ExportFormat,
    RenderedFile,
    export_minutes,
    share_log,
    slug,
    verify,
)
from facilitate.store import Store

from .test_exports import csv_rows, docx_text, html_text
from .test_minutes import GENERATED, demo_meetings, enrich_october, org

ALL = list(ExportFormat)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_partner_organizations_are_members_and_attendees(demo_store: Store) -> None:
    october = demo_meetings(demo_store)["october"]
    labels = [o.label for o in partner_organizations(demo_store, october.id)]
    assert labels == [
        "Cedar River ICWA",
        "CFS",
        "Family Court",
        "Northside FRC",
        "Parent Partners",
        "Riverbend",
    ]


def test_packets_one_folder_per_partner_with_files_and_a_draft_email(
    demo_store: Store, tmp_path: Path
) -> None:
    october = enrich_october(demo_store)
    seen: list[tuple[int, int, str]] = []
    packets = write_packets(
        demo_store,
        october.id,
        tmp_path / "packets",
        RENDERERS,
        formats=ALL,
        now=GENERATED,
        progress=lambda done, total, what: seen.append((done, total, what)),
    )
    assert [p.folder.name for p in packets] == [
        "cedar-river-icwa",
        "cfs",
        "family-court",
        "northside-frc",
        "parent-partners",
        "riverbend",
    ]
    assert seen[0] == (0, 6, "Cedar River ICWA") and seen[-1] == (6, 6, "done")
    people = {p.id: p for p in demo_store.find(Person)}
    for packet in packets:
        names = sorted(f.name for f in packet.folder.iterdir())
        stem = "2026-10-25-steering-committee-minutes-partners"
        assert names == sorted(
            [
                f"{stem}.md",
                f"{stem}.html",
                f"{stem}.docx",
                f"{stem}-actions.ics",
                f"{stem}-decisions.csv",
                f"{stem}-actions.csv",
                f"{stem}-notes.csv",
                f"{stem}-email.eml",
            ]
        )
        message = message_from_bytes(packet.email.path.read_bytes(), policy=policy.default)
        assert isinstance(message, EmailMessage)
        assert message["X-Unsent"] == "1"
        assert message["Subject"] == "Draft minutes: Steering Committee — October 2026"
        recipients = sorted(a.addr_spec for a in message["To"].addresses)
        assert recipients == sorted(address for _, address in packet.recipients)
        org_people = [p for p in people.values() if p.organization_id == packet.organization.id]
        assert set(recipients) <= {p.email for p in org_people}
        attachments = {str(a.get_filename()): a.get_content() for a in message.iter_attachments()}
        assert sorted(attachments) == sorted(n for n in names if not n.endswith(".eml"))
        for name, content in attachments.items():
            on_disk = (packet.folder / name).read_bytes()
            assert (content if isinstance(content, bytes) else content.encode()) == on_disk
        body = message.get_body(("plain",))
        assert body is not None and "DRAFT" in body.get_content()
    # Riverbend's Tom is not on the committee and was not there: only Priya gets it.
    riverbend = next(p for p in packets if p.folder.name == "riverbend")
    assert riverbend.recipients == (("Priya Natarajan", "pnatarajan@riverbend.example"),)
    cfs = next(p for p in packets if p.folder.name == "cfs")
    assert {name for name, _ in cfs.recipients} == {"Dana Whitfield", "Marcus Reyes"}


def test_packet_minutes_are_the_partners_version_prepared_for_the_org(
    demo_store: Store, tmp_path: Path
) -> None:
    october = enrich_october(demo_store)
    demo_store.insert(
        Note(meeting_id=october.id, text="Secret ledger", visibility=Visibility.CONFIDENTIAL)
    )
    packets = write_packets(demo_store, october.id, tmp_path, RENDERERS, formats=ALL)
    cfs = next(p for p in packets if p.folder.name == "cfs")
    html = next(f for f in cfs.files if f.format == "html").path.read_text("utf-8")
    text = html_text(html)
    assert "Prepared for" in text and "Action items for CFS" in text
    assert "Bring county budget figures" in text
    for packet in packets:
        for written in packet.files:
            data = written.path.read_bytes()
            readable = (
                docx_text(data)
                if written.format == "docx"
                else "".join(str(r) for r in csv_rows(data))
                if written.format == "csv"
                else data.decode("utf-8")
            )
            assert "Secret ledger" not in readable
            assert "coach salaries" not in readable  # internal
        assert "Secret ledger" not in packet.email.path.read_text("utf-8", errors="replace")


def test_share_log_has_a_row_per_file_with_its_sha256(demo_store: Store, tmp_path: Path) -> None:
    october = demo_meetings(demo_store)["october"]
    packets = write_packets(demo_store, october.id, tmp_path, RENDERERS, formats=ALL)
    written = [f for p in packets for f in (*p.files, p.email)]
    records = {r.id: r for r in demo_store.find(ShareRecord)}
    assert len(records) == len(written) == 6 * 8
    for file in written:
        record = records[file.share_id]
        assert record.path == str(file.path)
        assert record.content_hash == _sha(file.path) == file.sha256
        assert record.audience is Visibility.PARTNERS
        assert record.meeting_id == october.id
        assert record.series_id == october.series_id
        assert record.minutes_status == "draft"
        assert record.document == "minutes"
        assert record.at.tzinfo is not None
        assert verify(record) is True
    by_org = {r.organization_id for r in records.values()}
    assert by_org == {p.organization.id for p in packets}
    lines = share_log(demo_store, meeting_id=october.id)
    assert len(lines) == 48 and {line.meeting_title for line in lines} == {october.title}
    # A file changed after it was shared no longer matches what was sent.
    first = written[0]
    first.path.write_bytes(first.path.read_bytes() + b"edited")
    assert verify(records[first.share_id]) is False
    first.path.unlink()
    assert verify(records[first.share_id]) is None


def test_lifecycle_draft_then_approved_in_files_and_log(demo_store: Store, tmp_path: Path) -> None:
    meetings = demo_meetings(demo_store)
    october = meetings["october"]
    draft = export_minutes(
        demo_store,
        october.id,
        Visibility.PUBLIC,
        [ExportFormat.MD, ExportFormat.DOCX],
        tmp_path / "draft",
        RENDERERS,
    )
    assert "DRAFT" in draft[0].path.read_text("utf-8").splitlines()[2]
    assert "DRAFT" in docx_text(draft[1].path.read_bytes())
    approve_minutes(
        demo_store,
        october.id,
        at_meeting_id=meetings["november"].id,
        moved_by="Sofia Alvarez",
        corrections="Two coaches, not three.",
    )
    approved = export_minutes(
        demo_store,
        october.id,
        Visibility.PUBLIC,
        [ExportFormat.MD, ExportFormat.HTML],
        tmp_path / "approved",
        RENDERERS,
    )
    md = approved[0].path.read_text("utf-8")
    assert "**APPROVED minutes: approved at Steering Committee — November 2026" in md
    assert "APPROVED minutes" in html_text(approved[1].path.read_text("utf-8"))
    statuses = {
        r.path: r.minutes_status for r in demo_store.find(ShareRecord, meeting_id=october.id)
    }
    assert {statuses[str(f.path)] for f in draft} == {"draft"}
    assert {statuses[str(f.path)] for f in approved} == {"approved"}
    # The approving meeting's minutes record the approval with its corrections and mover.
    later = export_minutes(
        demo_store,
        meetings["november"].id,
        Visibility.PUBLIC,
        [ExportFormat.MD],
        tmp_path / "later",
        RENDERERS,
    )
    text = later[0].path.read_text("utf-8")
    assert "moved by Sofia Alvarez" in text and "Two coaches, not three." in text


def test_unwritable_destination_is_one_clear_error(demo_store: Store, tmp_path: Path) -> None:
    october = demo_meetings(demo_store)["october"]
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(ExportError, match="not a folder"):
        export_minutes(
            demo_store, october.id, Visibility.PUBLIC, [ExportFormat.MD], blocker, RENDERERS
        )
    with pytest.raises(ExportError, match="cannot create"):
        write_packets(demo_store, october.id, blocker / "sub", RENDERERS)
    assert demo_store.count(ShareRecord) == 0


def test_slug_is_safe_for_any_name() -> None:
    assert slug("Cedar River ICWA") == "cedar-river-icwa"
    assert slug("Señora Peña's / Group") == "senora-pena-s-group"
    assert slug("ᐊᓂᔑᓈᐯ") == "file"
    assert slug("../../etc") == "etc"


# -- the e-mail draft a coordinator sends as it is -------------------------------------------------


def _coordinator(store: Store) -> None:
    set_setting(store, COORDINATOR_NAME, "Sofia Alvarez")
    set_setting(store, COORDINATOR_EMAIL, "sofia@northside.example")


def _message(packet: Packet) -> EmailMessage:
    message = message_from_bytes(packet.email.path.read_bytes(), policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def test_drafts_come_from_the_coordinator_dated_and_identified(
    demo_store: Store, tmp_path: Path
) -> None:
    _coordinator(demo_store)
    october = demo_meetings(demo_store)["october"]
    packets = write_packets(demo_store, october.id, tmp_path, RENDERERS, now=GENERATED)
    ids = set()
    for packet in packets:
        message = _message(packet)
        [sender] = message["From"].addresses
        assert (sender.display_name, sender.addr_spec) == (
            "Sofia Alvarez",
            "sofia@northside.example",
        )
        assert message["Date"].datetime == GENERATED
        assert re.fullmatch(r"<[0-9a-f]{32}@northside\.example>", str(message["Message-ID"]))
        ids.add(str(message["Message-ID"]))
        assert message["X-Unsent"] == "1"
        body = message.get_body(("plain",))
        assert body is not None
        text = body.get_content().replace("\r\n", "\n")
        assert text.rstrip().endswith("Thank you,\nSofia Alvarez")
        # The approval sentence names the series' next meeting, not the date the closing guessed.
        assert "approval at the next meeting (Sunday, November 29, 2026)" in text
        assert "November 22" not in text
    assert len(ids) == len(packets)  # each draft its own Message-ID


def test_drafts_without_a_coordinator_say_what_to_set(demo_store: Store, tmp_path: Path) -> None:
    october = demo_meetings(demo_store)["october"]
    [packet] = write_packets(
        demo_store,
        october.id,
        tmp_path,
        RENDERERS,
        organization_ids=[org(demo_store, "CFS").id],
    )
    message = _message(packet)
    assert message["From"] is None and message["Date"] is not None
    assert message["Message-ID"] is not None
    assert settings_warnings(read_settings(demo_store)) == [
        "the drafts have no From address: facilitate settings set coordinator-email ADDRESS",
        "the drafts are not signed: facilitate settings set coordinator-name NAME",
    ]


def test_no_calendar_when_nothing_is_dated_and_the_draft_says_so(
    demo_store: Store, tmp_path: Path
) -> None:
    session = demo_meetings(demo_store)["listening"]
    packets = write_packets(demo_store, session.id, tmp_path, RENDERERS, formats=ALL)
    assert packets
    for packet in packets:
        assert packet.without == ("ics",)
        assert not [f for f in packet.files if f.format == "ics"]
        assert not list(packet.folder.glob("*.ics"))
        text = _message(packet).get_body(("plain",))
        assert text is not None
        body = text.get_content()
        assert "No calendar file is attached: nothing in these minutes has a date to add." in body
        assert ".ics file" not in body


def test_every_calendar_written_parses_with_events(demo_store: Store, tmp_path: Path) -> None:
    meetings = demo_meetings(demo_store)
    for key in ("september", "october", "november", "listening"):
        for packet in write_packets(
            demo_store, meetings[key].id, tmp_path / key, RENDERERS, formats=ALL
        ):
            for written in packet.files:
                if written.format == "ics":
                    calendar = Calendar.from_ical(written.path.read_bytes())
                    assert calendar.walk("VEVENT"), written.path


class CountingRenderers:
    """The real renderers, counting what each format is asked to render."""

    def __init__(self) -> None:
        self.calls: Counter[str] = Counter()

    def minutes(self, doc: MinutesDocument, fmt: ExportFormat) -> list[RenderedFile]:
        self.calls[ExportFormat(fmt).value] += 1
        return RENDERERS.minutes(doc, fmt)

    def series_record(self, record: SeriesRecord, fmt: ExportFormat) -> list[RenderedFile]:
        return RENDERERS.series_record(record, fmt)

    def loop(self, report: LoopReport, fmt: ExportFormat) -> list[RenderedFile]:
        return RENDERERS.loop(report, fmt)

    def loop_one_page(self, report: LoopReport, fmt: ExportFormat) -> list[RenderedFile]:
        return RENDERERS.loop_one_page(report, fmt)

    def email(self, draft: EmailDraft, attachments: Sequence[tuple[str, RenderedFile]]) -> bytes:
        self.calls["eml"] += 1
        return RENDERERS.email(draft, attachments)


def test_formats_that_name_no_organization_are_rendered_once_per_language(
    demo_store: Store, tmp_path: Path
) -> None:
    october = demo_meetings(demo_store)["october"]
    set_organization_language(demo_store, org(demo_store, "Cedar River ICWA").id, "es")
    counting = CountingRenderers()
    packets = write_packets(demo_store, october.id, tmp_path, counting, formats=ALL)
    assert len(packets) == 6
    # The calendar and the spreadsheets: one English, one Spanish rendering, shared.
    assert (counting.calls["ics"], counting.calls["csv"]) == (2, 2)
    # What names the organization ("Prepared for", its own actions): one per packet.
    assert counting.calls["md"] == counting.calls["html"] == counting.calls["docx"] == 6
    assert counting.calls["eml"] == 6
    icwa = next(p for p in packets if p.folder.name == "cedar-river-icwa")
    cfs = next(p for p in packets if p.folder.name == "cfs")
    shared = {f.path.name: f.sha256 for f in cfs.files if f.format in ("ics", "csv")}
    for packet in packets:
        same = {f.path.name: f.sha256 for f in packet.files if f.format in ("ics", "csv")}
        assert (same == shared) == (packet is not icwa)


def test_a_spanish_speaking_partner_gets_its_packet_in_spanish(
    demo_store: Store, tmp_path: Path
) -> None:
    _coordinator(demo_store)
    october = demo_meetings(demo_store)["october"]
    icwa = org(demo_store, "Cedar River ICWA")
    set_organization_language(demo_store, icwa.id, "es")
    packets = write_packets(demo_store, october.id, tmp_path, RENDERERS, formats=ALL, now=GENERATED)
    by_folder = {p.folder.name: p for p in packets}
    spanish, english = by_folder["cedar-river-icwa"], by_folder["cfs"]
    assert (spanish.language, english.language) == ("es", "en")
    message = _message(spanish)
    assert message["Subject"] == "Acta en borrador: Steering Committee — October 2026"
    assert message["Content-Language"] == "es"
    body = message.get_body(("plain",))
    assert body is not None
    text = body.get_content().replace("\r\n", "\n")
    assert text.startswith("Estimados colegas de Cedar River ICWA:")
    assert "domingo, 29 de noviembre de 2026" in text
    assert text.rstrip().endswith("Gracias,\nSofia Alvarez")
    html = next(f for f in spanish.files if f.format == "html").path.read_text("utf-8")
    assert '<html lang="es">' in html and "Asistencia" in html_text(html)
    assert "Attendance" in html_text(
        next(f for f in english.files if f.format == "html").path.read_text("utf-8")
    )
