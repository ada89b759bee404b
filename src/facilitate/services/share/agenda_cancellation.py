"""A cancelled meeting's packet, per partner organization: the cancellation invitation (the
same calendar event, removed) and an e-mail draft saying the meeting is cancelled and why, in
the organization's language. No agenda and no pre-read goes with it: the meeting will not take
place. `agenda_packets.write_agenda_packets` writes this instead of the agenda once the meeting
is cancelled, so every way of sending the agenda sends the cancellation.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from facilitate.models import Organization
from facilitate.services.record.settings import read as read_settings
from facilitate.services.share.agenda_document import AgendaDocument
from facilitate.services.share.agenda_mail import (
    AgendaMail,
    Languages,
    addressed,
    eml,
    mail_draft,
    org_folder,
)
from facilitate.services.share.agenda_out import (
    AgendaRenderers,
    agenda_meta,
    invitation_file,
    invitation_meta,
    invitation_name,
)
from facilitate.services.share.packets import Progress, partner_organizations
from facilitate.services.share.sharing import RenderedFile, prepare_folder, write_and_log
from facilitate.store import Store

CANCELLATION_DOCUMENT = "cancellation"


def _cancellation_body(doc: AgendaDocument, org: Organization, calendar_name: str) -> list[str]:
    w = doc.words
    reason = doc.cancel_reason.strip() or w.record.not_recorded
    return [
        w.greeting.format(organization=org.label),
        "",
        w.cancel_intro.format(title=doc.title, when=doc.when, reason=reason),
        "",
        w.cancel_calendar,
        "",
        w.record.attached,
        f"- {calendar_name}",
        "",
        w.record.thanks,
    ]


def write_cancellations(
    store: Store,
    languages: Languages,
    out_dir: Path,
    renderers: AgendaRenderers,
    progress: Progress | None,
) -> list[AgendaMail]:
    """Per partner organization, in its language: the cancellation invitation (the same event,
    removed) and an e-mail draft saying the meeting is cancelled and why, each logged."""
    settings = read_settings(store)
    root = prepare_folder(out_dir)
    orgs = partner_organizations(store, languages.meeting_id)
    calendars: dict[str, RenderedFile] = {}
    used: set[str] = set()
    mails = []
    for done, org in enumerate(orgs):
        if progress is not None:
            progress(done, len(orgs), org.label)
        doc = languages.doc(org.id)
        if doc.language not in calendars:
            calendars[doc.language] = invitation_file(store, doc, renderers)
        calendar = (invitation_name(doc), calendars[doc.language])
        folder = org_folder(root, org, used)
        to, warnings = addressed(store, languages.meeting_id, org)
        files = write_and_log(
            store, folder, [calendar], invitation_meta(doc, org.id), now=doc.generated_at
        )
        subject = doc.words.cancel_subject.format(title=doc.title)
        body = _cancellation_body(doc, org, calendar[0])
        draft = mail_draft(doc, org, to, settings, subject, body, "cancel")
        email = eml(renderers.email(draft, [calendar]))
        meta = replace(agenda_meta(doc, org.id), document=CANCELLATION_DOCUMENT)
        stem = invitation_name(doc).removesuffix(".ics")
        (written,) = write_and_log(
            store, folder, [(f"{stem}-email.eml", email)], meta, now=doc.generated_at
        )
        mails.append(AgendaMail(org, written, tuple(files), tuple(warnings)))
    if progress is not None:
        progress(len(orgs), len(orgs), "done")
    return mails
