"""Per-partner packets, the sharing log, and DRAFT/APPROVED through the minutes lifecycle."""

from __future__ import annotations

import hashlib
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from facilitate.export import RENDERERS
from facilitate.models import Note, Person, ShareRecord
from facilitate.models.enums import Visibility
from facilitate.services.record.minutes_approval import approve_minutes
from facilitate.services.share.packets import partner_organizations, write_packets
from facilitate.services.share.sharing import (
    ExportError,
    ExportFormat,
    export_minutes,
    share_log,
    slug,
    verify,
)
from facilitate.store import Store

from .test_exports import csv_rows, docx_text, html_text
from .test_minutes import GENERATED, demo_meetings, enrich_october

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
    assert len(records) == len(written) == 6 * 7
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
    assert len(lines) == 42 and {line.meeting_title for line in lines} == {october.title}
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
