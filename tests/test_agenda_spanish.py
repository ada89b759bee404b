"""Spanish agendas: an organization that reads its packets in Spanish gets its agenda, its
invitation and its e-mail drafts in Spanish; the others stay in English. Agenda e-mails open as
a letter before a meeting ("Dear colleagues at …"), not with the minutes' greeting."""

from __future__ import annotations

import email
from datetime import timedelta
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

from click.testing import CliRunner

from facilitate.cli import cli
from facilitate.export.agenda_files import AGENDA_RENDERERS
from facilitate.models import Organization
from facilitate.models.enums import Visibility
from facilitate.services.record.settings import set_organization_language
from facilitate.services.share.agenda_out import export_agenda
from facilitate.services.share.agenda_packets import write_agenda_packets, write_call_for_items
from facilitate.services.share.sharing import ExportFormat
from facilitate.store import Store

from .test_agenda_out import NOW, next_steering
from .test_exports import check_golden


def _body(path: Path) -> tuple[EmailMessage, str]:
    message = email.message_from_bytes(path.read_bytes(), policy=default)
    assert isinstance(message, EmailMessage)
    part = message.get_body(("plain",))
    assert part is not None
    return message, part.get_content().replace("\r\n", "\n")  # as the mail is read, CRLF


def _cedar(store: Store) -> Organization:
    return next(o for o in store.find(Organization) if o.label == "Cedar River ICWA")


def test_spanish_agenda_matches_golden(demo_store: Store, tmp_path: Path) -> None:
    meeting = next_steering(demo_store)
    (written,) = export_agenda(
        demo_store,
        meeting.id,
        Visibility.PARTNERS,
        [ExportFormat.MD],
        tmp_path,
        AGENDA_RENDERERS,
        now=NOW,
        language="es",
    )
    assert written.path.name.endswith("-agenda-partners-es.md")
    check_golden("agenda-november-partners.es.md", written.path.read_text(encoding="utf-8"))


def test_packets_follow_each_organizations_language(demo_store: Store, tmp_path: Path) -> None:
    meeting = next_steering(demo_store)
    cedar = _cedar(demo_store)
    set_organization_language(demo_store, cedar.id, "es")
    mails = write_agenda_packets(demo_store, meeting.id, tmp_path, AGENDA_RENDERERS, now=NOW)
    spanish = next(m for m in mails if m.organization.id == cedar.id)
    message, text = _body(spanish.email.path)
    assert message["Subject"] == f"Orden del día: {meeting.title}"
    assert message["Content-Language"] == "es"
    assert "Adjuntamos el orden del día" in text
    assert "domingo, 29 de noviembre de 2026" in text
    names = {part.get_filename() for part in message.iter_attachments()}
    assert any(n and n.endswith("-agenda-partners-es.html") for n in names)
    assert text.startswith("Estimados colegas de Cedar River ICWA:\n")
    english = next(m for m in mails if m.organization.id != cedar.id)
    message, text = _body(english.email.path)
    assert message["Subject"] == f"Agenda: {meeting.title}"
    assert "Attached are the agenda" in text
    assert text.startswith(f"Dear colleagues at {english.organization.label},\n")
    assert "Hello" not in text


def test_spanish_call_for_items(demo_store: Store, tmp_path: Path) -> None:
    meeting = next_steering(demo_store)
    cedar = _cedar(demo_store)
    set_organization_language(demo_store, cedar.id, "es")
    mails = write_call_for_items(
        demo_store, meeting.id, NOW.date() + timedelta(days=2), tmp_path, AGENDA_RENDERERS, now=NOW
    )
    spanish = next(m for m in mails if m.organization.id == cedar.id)
    message, text = _body(spanish.email.path)
    assert str(message["Subject"]).startswith("Puntos para el orden del día de")
    assert "antes del miércoles, 25 de noviembre de 2026" in text
    assert "Tareas pendientes que se revisarán:" in text
    assert text.startswith("Estimados colegas de Cedar River ICWA:\n")
    english = next(m for m in mails if m.organization.id != cedar.id)
    _message, text = _body(english.email.path)
    assert text.startswith(f"Dear colleagues at {english.organization.label},\n")


def test_cli_export_in_spanish_and_a_bad_language(demo_store: Store, tmp_path: Path) -> None:
    meeting = next_steering(demo_store)
    runner = CliRunner()
    db = ["--db", str(demo_store.path), "agenda", "export", meeting.title, "--out", str(tmp_path)]
    done = runner.invoke(cli, [*db, "--language", "es", "-f", "html"])
    assert done.exit_code == 0, done.output
    (page,) = tmp_path.glob("*-es.html")
    assert '<html lang="es">' in page.read_text("utf-8")
    bad = runner.invoke(cli, [*db, "--language", "klingon"])
    assert bad.exit_code == 1
    assert bad.stderr.startswith(
        "facilitate: 'klingon' is not a language agendas come in; use en (English), es ("
    )
    assert "minutes" not in bad.stderr
    assert list(tmp_path.glob("*.md")) == []  # refused before anything was written
