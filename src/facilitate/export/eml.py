"""A ready-to-send e-mail draft (.eml) with a packet's files attached. Nothing is ever sent.

The headers are those a mail program expects of a message it will send: From (the coordinator,
set once with `facilitate settings`), To, Subject, Date and a Message-ID. `X-Unsent: 1` makes
Outlook open the file as a draft to review and send; `X-Mozilla-Draft-Info` marks it as a draft
for Thunderbird once it sits in a Drafts folder (opened from disk, Thunderbird shows it as a
message: "Edit as New Message" sends it).
"""

from __future__ import annotations

from collections.abc import Sequence
from email.header import Header
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from facilitate.services.share.packets import EmailDraft
    from facilitate.services.share.sharing import RenderedFile

THUNDERBIRD_DRAFT = "internal/draft; vcard=0; receipt=0; DSN=0; uuencode=0; attachmentreminder=0"


def _one_line(text: str) -> str:
    """Header values cannot hold line breaks; record text in a subject or name may."""
    return " ".join(text.split())


def _set_subject(message: EmailMessage, subject: str) -> None:
    """Non-ASCII subjects are encoded here, as whole RFC 2047 words: the email package's own
    folder splits them between words and readers then drop the spaces ("señoraPeña")."""
    if subject.isascii():
        message["Subject"] = subject
        return
    encoded = Header(subject, "utf-8", header_name="Subject").encode(linesep="\r\n")
    message.set_raw("Subject", encoded)


def render_email(draft: EmailDraft, attachments: Sequence[tuple[str, RenderedFile]]) -> bytes:
    message = EmailMessage()
    if draft.sender is not None:
        name, address = draft.sender
        message["From"] = Address(display_name=_one_line(name), addr_spec=address.strip())
    message["To"] = [
        Address(display_name=_one_line(name), addr_spec=address.strip())
        for name, address in draft.to
    ]
    _set_subject(message, _one_line(draft.subject))
    message["Date"] = format_datetime(draft.date)
    message["Message-ID"] = draft.message_id
    message["X-Unsent"] = "1"
    message["X-Mozilla-Draft-Info"] = THUNDERBIRD_DRAFT
    message.set_content(draft.body, subtype="plain", charset="utf-8")
    for name, rendered in attachments:
        maintype, _, subtype = rendered.media_type.partition("/")
        # Text files say they are UTF-8, so a client shows accents and syllabics correctly.
        params = {"charset": "utf-8"} if maintype == "text" else None
        message.add_attachment(
            rendered.data,
            maintype=maintype,
            subtype=subtype,
            filename=_one_line(name),
            params=params,
        )
    # Last: adding attachments moves the Content-* headers set before onto the body part.
    message["Content-Language"] = draft.language
    return message.as_bytes(policy=SMTP)
