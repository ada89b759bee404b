"""The headers that make a mail program open a packet's .eml as a draft to send, as the
programs themselves read them (scripts/check_mail_reader.py opens the files in Thunderbird).

Thunderbird (MessengerContentHandler.sys.mjs) takes the top-level headers of the file and opens
a compose window only when X-Unsent is exactly "1"; it picks the sending identity by the From
address. These tests read the raw header block the way it does, not through Python's lenient
parser, which would also accept a folded or padded value."""

from __future__ import annotations

from datetime import UTC, datetime

from facilitate.export.eml import render_email
from facilitate.services.share.packets import EmailDraft
from facilitate.services.share.sharing import RenderedFile

LONG_SUBJECT = "Acta en borrador: " + "Comité directivo de la asociación — " * 6
ATTACHMENT = RenderedFile(
    suffix="html", data=b"<p>X-Unsent: 0</p>", media_type="text/html", format="html"
)


def _top_headers(raw: bytes) -> dict[str, str]:
    """The message's own header block, folded lines joined, names lower-cased."""
    block = raw.split(b"\r\n\r\n", 1)[0].decode("ascii")
    unfolded = block.replace("\r\n ", " ").replace("\r\n\t", " ")
    headers: dict[str, str] = {}
    for line in unfolded.split("\r\n"):
        name, _, value = line.partition(":")
        headers.setdefault(name.lower(), value.strip())
    return headers


def _draft(sender: tuple[str, str] | None) -> EmailDraft:
    return EmailDraft(
        to=(('Peña, "Ana"', "ana@example.org"),),
        subject=LONG_SUBJECT,
        body="Estimados colegas,\n",
        sender=sender,
        date=datetime(2026, 11, 22, 9, 30, tzinfo=UTC),
        message_id="<fixed@example.org>",
        language="es",
    )


def test_x_unsent_is_exactly_one_on_its_own_line_among_the_top_headers() -> None:
    raw = render_email(_draft(("Sofía Álvarez", "sofia@example.org")), [("a.html", ATTACHMENT)])
    assert b"\r\nX-Unsent: 1\r\n" in raw.split(b"\r\n\r\n", 1)[0]
    headers = _top_headers(raw)
    assert headers["x-unsent"] == "1"
    assert headers["x-mozilla-draft-info"].startswith("internal/draft;")
    assert headers["from"].endswith("<sofia@example.org>")
    assert headers["content-type"].startswith("multipart/mixed")


def test_every_line_ends_in_crlf_so_the_header_block_ends_where_readers_expect() -> None:
    raw = render_email(_draft(None), [("a.html", ATTACHMENT)])
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert "x-unsent" in _top_headers(raw)


def test_a_draft_without_a_coordinator_has_no_from_so_the_reader_uses_its_own() -> None:
    headers = _top_headers(render_email(_draft(None), []))
    assert "from" not in headers
    assert headers["x-unsent"] == "1"
