"""A ready-to-send e-mail draft (.eml) with a packet's files attached. Nothing is ever sent.

The headers are those a mail program expects of a message it will send: From (the coordinator,
set once with `facilitate settings`), To, Subject, Date and a Message-ID.

`X-Unsent: 1` is what makes a double-clicked .eml open as a draft ready to send:
- Thunderbird (seen in 153 ESR with scripts/check_mail_reader.py): MessengerContentHandler and
  MailUtils read the file's headers and, when X-Unsent is exactly "1", open a compose window
  (To, Subject, body and attachments filled in, From picked among the identities by address);
  without it the file opens as a received message. Thunderbird writes its own Date and
  Message-ID when it saves or sends the draft.
- Outlook: Microsoft documents X-Unsent as the header that carries a message's sent/unsent
  state between MIME and Outlook: "sent/unsent information is persisted in X-Unsent"
  (CCSF_EMBEDDED_MESSAGE of IConverterSession::MIMEToMAPI and MAPIToMIMEStm,
  learn.microsoft.com/office/client-developer/outlook/mapi/iconvertersession-mimetomapi), and
  Outlook's converter writes `X-Unsent: 1` for a message still being composed
  (learn.microsoft.com/archive/blogs/stephen_griffin/did-i-send-that). That Outlook then opens
  such a file for editing with Send is reported by users, not documented; Outlook cannot run
  here, so it is not checked.
`X-Mozilla-Draft-Info` is not needed to open the file; it carries Thunderbird's draft options
(no vCard, receipt or DSN) as its own saved drafts do.
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
    """The draft as an RFC 5322 message (CRLF line ends) with the files attached, marked
    unsent so that a mail program opens it for editing (see the module's note)."""
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
