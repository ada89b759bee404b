"""A ready-to-send email draft (.eml) with a packet's files attached. Nothing is ever sent:
`X-Unsent: 1` makes Outlook and other clients open the file as a draft to review and send."""

from __future__ import annotations

from collections.abc import Sequence
from email.header import Header
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP

from facilitate.services.share.packets import EmailDraft
from facilitate.services.share.sharing import RenderedFile


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
    message["To"] = [
        Address(display_name=_one_line(name), addr_spec=address.strip())
        for name, address in draft.to
    ]
    _set_subject(message, _one_line(draft.subject))
    message["X-Unsent"] = "1"
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
    return message.as_bytes(policy=SMTP)
