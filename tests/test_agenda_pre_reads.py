"""Pre-reads: files attached to agenda items, copied into the record, listed in the agenda and
carried byte for byte by the agenda packets and their e-mail drafts."""

from __future__ import annotations

import email
import hashlib
import os
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

import pytest
from click.testing import CliRunner

from facilitate.cli import cli
from facilitate.export.agenda_files import AGENDA_RENDERERS
from facilitate.models import AgendaItem, PreRead, ShareRecord
from facilitate.models.enums import Visibility
from facilitate.services.plan import agenda, pre_reads
from facilitate.services.plan.pre_reads import MAX_PRE_READ_BYTES, PreReadError, size_label
from facilitate.services.share.agenda_document import build_agenda
from facilitate.services.share.agenda_packets import write_agenda_packets
from facilitate.store import Store

from .test_agenda_out import NOW, next_steering

# Bytes no text decoding would keep: every byte value, a PDF header, a NUL.
PDF = b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\x00%%EOF\n"


def _file(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / "laptop" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    return path


def _parsed(path: Path) -> EmailMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=default)
    assert isinstance(message, EmailMessage)
    return message


def test_attach_copies_the_bytes_not_the_path(demo_store: Store, tmp_path: Path) -> None:
    meeting = next_steering(demo_store)
    item = agenda.items(demo_store, meeting.id)[3]
    source = _file(tmp_path, "pilot-budget.pdf", PDF)
    attached = pre_reads.attach(demo_store, item.id, source)
    source.unlink()  # the laptop's copy is gone: the record still has the file
    (stored,) = pre_reads.pre_reads(demo_store, item.id)
    assert (stored.id, stored.file_name, stored.size) == (attached.id, "pilot-budget.pdf", len(PDF))
    assert stored.content == PDF
    assert stored.sha256 == hashlib.sha256(PDF).hexdigest()
    assert str(source.parent) not in stored.model_dump_json(exclude={"content"})


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "nowhere.pdf", "nowhere.pdf: no such file; check the path"),
        (lambda d: d, "is a folder; attach the files in it one by one"),
        (lambda d: _file(d, "empty.txt", b""), "empty.txt: is empty"),
    ],
)
def test_attach_refuses_missing_folder_and_empty(
    demo_store: Store, tmp_path: Path, make: object, message: str
) -> None:
    meeting = next_steering(demo_store)
    item = agenda.items(demo_store, meeting.id)[0]
    path = make(tmp_path)  # type: ignore[operator]
    with pytest.raises(PreReadError, match=message.replace(".", r"\.")):
        pre_reads.attach(demo_store, item.id, path)
    assert demo_store.find(PreRead) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_attach_refuses_an_unreadable_file(demo_store: Store, tmp_path: Path) -> None:
    meeting = next_steering(demo_store)
    item = agenda.items(demo_store, meeting.id)[0]
    locked = _file(tmp_path, "locked.pdf", PDF)
    locked.chmod(0)
    with pytest.raises(PreReadError, match=r"locked\.pdf: cannot be read"):
        pre_reads.attach(demo_store, item.id, locked)


def test_attach_refuses_more_than_a_mail_server_takes(demo_store: Store, tmp_path: Path) -> None:
    meeting = next_steering(demo_store)
    item = agenda.items(demo_store, meeting.id)[0]
    big = _file(tmp_path, "scan.pdf", b"x" * (MAX_PRE_READ_BYTES + 1))
    with pytest.raises(
        PreReadError,
        match=(
            r"scan\.pdf is 10 MB \(10,485,761 bytes\), "
            r"more than the 10 MB \(10,485,760 bytes\) .* share it"
        ),
    ):
        pre_reads.attach(demo_store, item.id, big)
    just = _file(tmp_path, "ok.pdf", b"x" * MAX_PRE_READ_BYTES)
    assert pre_reads.attach(demo_store, item.id, just).size == MAX_PRE_READ_BYTES


def test_same_name_twice_is_refused_and_detach_removes(demo_store: Store, tmp_path: Path) -> None:
    meeting = next_steering(demo_store)
    item = agenda.items(demo_store, meeting.id)[0]
    source = _file(tmp_path, "notes.txt", b"one")
    pre_reads.attach(demo_store, item.id, source)
    with pytest.raises(PreReadError, match="already attached"):
        pre_reads.attach(demo_store, item.id, source)
    with pytest.raises(PreReadError, match=r"'other.txt' is not one pre-read .*notes\.txt"):
        pre_reads.detach(demo_store, item.id, "other.txt")
    assert pre_reads.detach(demo_store, item.id, "notes.txt").file_name == "notes.txt"
    assert pre_reads.pre_reads(demo_store, item.id) == []


def test_agenda_lists_pre_reads_but_never_of_a_closed_item(
    demo_store: Store, tmp_path: Path
) -> None:
    meeting = next_steering(demo_store)
    items = agenda.items(demo_store, meeting.id)
    pre_reads.attach(demo_store, items[3].id, _file(tmp_path, "pilot-budget.pdf", PDF))
    pre_reads.attach(demo_store, items[4].id, _file(tmp_path, "personnel.txt", b"private"))
    items[4].visibility = Visibility.INTERNAL
    demo_store.update_fields(items[4], ["visibility"])
    partners = build_agenda(demo_store, meeting.id, Visibility.PARTNERS)
    assert partners.items[3].pre_reads == ("pilot-budget.pdf (10 KB)",)
    assert partners.items[4].closed and partners.items[4].pre_reads == ()
    internal = build_agenda(demo_store, meeting.id, Visibility.INTERNAL)
    assert internal.items[4].pre_reads == ("personnel.txt (7 bytes)",)
    markdown = AGENDA_RENDERERS.agenda(partners, "md").data.decode()  # type: ignore[arg-type]
    assert "- Pre-reads: pilot-budget.pdf (10 KB)" in markdown
    assert "personnel" not in markdown


def test_packets_and_drafts_carry_pre_reads_byte_identical(
    demo_store: Store, tmp_path: Path
) -> None:
    meeting = next_steering(demo_store)
    items = agenda.items(demo_store, meeting.id)
    pre_reads.attach(demo_store, items[3].id, _file(tmp_path, "pilot-budget.pdf", PDF))
    pre_reads.attach(demo_store, items[4].id, _file(tmp_path, "icwa.txt", "Sección 1\n".encode()))
    pre_reads.attach(demo_store, items[1].id, _file(tmp_path, "personnel.txt", b"private"))
    items[1].visibility = Visibility.INTERNAL
    demo_store.update_fields(items[1], ["visibility"])
    mails = write_agenda_packets(
        demo_store, meeting.id, tmp_path / "out", AGENDA_RENDERERS, now=NOW
    )
    assert mails
    for mail in mails:
        message = _parsed(mail.email.path)
        attached = {
            part.get_filename(): part.get_payload(decode=True)
            for part in message.iter_attachments()
        }
        assert attached["pilot-budget.pdf"] == PDF
        assert attached["icwa.txt"] == "Sección 1\n".encode()
        assert "personnel.txt" not in attached
        folder = mail.email.path.parent
        assert (folder / "pilot-budget.pdf").read_bytes() == PDF
        assert not (folder / "personnel.txt").exists()
    logged = demo_store.find(ShareRecord, format="pre-read")
    assert len(logged) == 2 * len(mails)
    assert {r.content_hash for r in logged} == {
        hashlib.sha256(PDF).hexdigest(),
        hashlib.sha256("Sección 1\n".encode()).hexdigest(),
    }


def test_a_damaged_pre_read_is_named_and_the_rest_is_written(
    demo_store: Store, tmp_path: Path
) -> None:
    """A stored file whose bytes no longer match its checksum (a damaged or hand-edited record)
    is left out with what to do; the agenda, the invitation and the other file still go."""
    meeting = next_steering(demo_store)
    items = agenda.items(demo_store, meeting.id)
    pre_reads.attach(demo_store, items[3].id, _file(tmp_path, "pilot-budget.pdf", PDF))
    demo_store.insert(
        PreRead(
            agenda_item_id=items[4].id,
            file_name="timeline.pdf",
            size=3,
            sha256="0" * 64,
            content=b"bad",
        )
    )
    mails = write_agenda_packets(
        demo_store, meeting.id, tmp_path / "out", AGENDA_RENDERERS, now=NOW
    )
    for mail in mails:
        assert any("timeline.pdf: its bytes are not those attached" in w for w in mail.warnings)
        message = _parsed(mail.email.path)
        names = {part.get_filename() for part in message.iter_attachments()}
        assert "pilot-budget.pdf" in names and "timeline.pdf" not in names
        assert any(n and n.endswith(".ics") for n in names)
        body = message.get_body(("plain",))
        assert body is not None
        assert "Not attached: timeline.pdf" in body.get_content()


def test_cli_attach_show_and_detach(demo_store: Store, tmp_path: Path) -> None:
    meeting = next_steering(demo_store)
    source = _file(tmp_path, "pilot-budget.pdf", PDF)
    db = ["--db", str(demo_store.path), "agenda"]
    runner = CliRunner()
    done = runner.invoke(cli, [*db, "attach", meeting.title, "4", str(source)])
    assert done.exit_code == 0, done.output
    assert "Attached pilot-budget.pdf (10 KB)" in done.output
    shown = runner.invoke(cli, [*db, "show", meeting.title])
    assert "Pre-read: pilot-budget.pdf (10 KB)" in shown.output
    missing = runner.invoke(cli, [*db, "attach", meeting.title, "4", str(tmp_path / "gone.pdf")])
    assert missing.exit_code == 1
    assert missing.stderr.startswith("facilitate: ")
    assert "gone.pdf: no such file" in missing.stderr
    assert "Traceback" not in missing.output
    bad_item = runner.invoke(cli, [*db, "attach", meeting.title, "99", str(source)])
    assert bad_item.exit_code == 1 and "ITEM '99'" in bad_item.stderr
    gone = runner.invoke(cli, [*db, "detach", meeting.title, "4", "pilot-budget.pdf"])
    assert gone.exit_code == 0, gone.output
    assert demo_store.find(PreRead) == []


@pytest.mark.parametrize(
    ("size", "shown"),
    [
        (1, "1 byte"),
        (700, "700 bytes"),
        (1024, "1 KB"),
        (10_256, "10 KB"),
        (1024 * 1024 - 1, "1 MB"),
        (1536 * 1024, "1.5 MB"),
        (MAX_PRE_READ_BYTES, "10 MB"),
    ],
)
def test_sizes_read_as_people_say_them(size: int, shown: str) -> None:
    assert size_label(size) == shown


def test_an_item_with_a_pre_read_is_not_deleted_and_says_what_to_do(
    demo_store: Store, tmp_path: Path
) -> None:
    meeting = next_steering(demo_store)
    item = agenda.items(demo_store, meeting.id)[0]
    pre_reads.attach(demo_store, item.id, _file(tmp_path, "budget.pdf", b"%PDF-1.4 budget"))
    with pytest.raises(agenda.AgendaError, match=r"1 pre-read attached: detach them first"):
        agenda.delete_item(demo_store, item.id)
    assert demo_store.get(AgendaItem, item.id).title == item.title
