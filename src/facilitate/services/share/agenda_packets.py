"""Before the meeting, per partner organization: the call for agenda items, and the agenda
packet (the agenda, the invitation and an e-mail draft carrying them).

Who gets one and at which addresses is `packets`' rule (`partner_organizations`, `recipients`);
every file goes through `sharing.write_and_log`. Packets hold the partners' agenda
(`audience.PACKET_AUDIENCE`), in each organization's language (`record.settings`), with the
pre-reads of the items partners may see (`agenda_pre_reads`). Nothing is ever sent: the .eml
files are drafts.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from facilitate.models import AgendaItem, Organization, Person
from facilitate.services.email_address import is_email_address
from facilitate.services.record.audience import PACKET_AUDIENCE
from facilitate.services.record.i18n import DEFAULT_LANGUAGE
from facilitate.services.record.settings import Settings, organization_language
from facilitate.services.record.settings import read as read_settings
from facilitate.services.record.wording import long_date
from facilitate.services.share.agenda_document import AgendaDocument, build_agenda, due_label
from facilitate.services.share.agenda_out import (
    AgendaRenderers,
    agenda_meta,
    agenda_stem,
    invitation_file,
    invitation_meta,
    invitation_name,
)
from facilitate.services.share.agenda_pre_reads import PacketPreReads, packet_pre_reads
from facilitate.services.share.packets import (
    NO_SENDER,
    EmailDraft,
    Progress,
    partner_organizations,
    recipients,
)
from facilitate.services.share.sharing import (
    ExportFormat,
    RenderedFile,
    ShareMeta,
    WrittenFile,
    prepare_folder,
    slug,
    write_and_log,
)
from facilitate.store import RecordNotFound, Store

CALL_DOCUMENT = "call-for-items"
AGENDA_PACKET_FORMATS = (ExportFormat.HTML, ExportFormat.DOCX)


@dataclass(frozen=True)
class AgendaMail:
    """One organization's draft as written, with the files it carries and anything to check."""

    organization: Organization
    email: WrittenFile
    files: tuple[WrittenFile, ...] = ()
    warnings: tuple[str, ...] = ()


def organizations_without_proposals(store: Store, meeting_id: str) -> list[Organization]:
    """Partner organizations that have proposed no item of this meeting, themselves or through
    one of their people."""
    proposed: set[str] = set()
    for item in store.find(AgendaItem, meeting_id=meeting_id):
        if item.proposed_by_organization_id:
            proposed.add(item.proposed_by_organization_id)
        if item.proposed_by_person_id:
            try:
                person = store.get(Person, item.proposed_by_person_id)
            except RecordNotFound:
                continue
            if person.organization_id:
                proposed.add(person.organization_id)
    return [o for o in partner_organizations(store, meeting_id) if o.id not in proposed]


def _to(
    store: Store, meeting_id: str, org: Organization
) -> tuple[list[tuple[str, str]], list[str]]:
    to: list[tuple[str, str]] = []
    warnings: list[str] = []
    for person in recipients(store, meeting_id, org):
        address = person.email.strip()
        if is_email_address(address):
            to.append((person.name, address))
        else:
            warnings.append(f"{person.name}: {address!r} is not an email address; left out")
    if not to:
        warnings.append(f"{org.label}: nobody with an email address; fill in To: yourself")
    return to, warnings


def _message_id(doc: AgendaDocument, org: Organization, kind: str, sender: str) -> str:
    seed = f"{doc.meeting_id}|{org.id}|{kind}|{doc.generated_at.isoformat()}"
    domain = sender.rpartition("@")[2] if sender else NO_SENDER
    return f"<{hashlib.sha256(seed.encode()).hexdigest()[:32]}@{domain}>"


def _overview(doc: AgendaDocument) -> list[str]:
    """The agenda so far, the actions to review and the parking lot, as e-mail lines."""
    w = doc.words
    lines = [f"{doc.title}", f"{doc.when}", f"{doc.where}"]
    if doc.join_info:
        lines.append(f"{w.how_to_join}: {doc.join_info}")
    lines += ["", w.agenda_so_far]
    lines += [f"{i.number}. {i.title} ({i.minutes} min)" for i in doc.items] or [w.no_items_yet]
    if doc.open_actions:
        lines += ["", w.actions_to_review]
        lines += [f"- {a.text} ({a.owner}, {due_label(doc, a)})" for a in doc.open_actions]
    if doc.parking:
        lines += ["", w.parking_waiting]
        lines += [f"- {text}" for text in doc.parking]
    return lines


def _draft(
    doc: AgendaDocument,
    org: Organization,
    to: Sequence[tuple[str, str]],
    settings: Settings,
    subject: str,
    body: list[str],
    kind: str,
) -> EmailDraft:
    if settings.coordinator_name:
        body = [*body, settings.coordinator_name]
    return EmailDraft(
        to=tuple(to),
        subject=subject,
        body="\n".join(body) + "\n",
        sender=(
            (settings.coordinator_name, settings.coordinator_email)
            if settings.coordinator_email
            else None
        ),
        date=doc.generated_at,
        message_id=_message_id(doc, org, kind, settings.coordinator_email),
        language=doc.language,
    )


def _folder(root: Path, org: Organization, used: set[str]) -> Path:
    name = slug(org.label, fallback="organization")
    while name in used:
        name += "-" + org.id[:4]
    used.add(name)
    return root / name


@dataclass
class _Languages:
    """The agenda built once per language, with what each language's packets share."""

    store: Store
    meeting_id: str
    at: datetime
    docs: dict[str, AgendaDocument] = field(default_factory=dict)

    def doc(self, organization_id: str) -> AgendaDocument:
        return self.of(organization_language(self.store, organization_id))

    def of(self, language: str) -> AgendaDocument:
        if language not in self.docs:
            self.docs[language] = build_agenda(
                self.store,
                self.meeting_id,
                PACKET_AUDIENCE,
                generated_at=self.at,
                language=language,
            )
        return self.docs[language]


def write_call_for_items(
    store: Store,
    meeting_id: str,
    by: date,
    out_dir: Path,
    renderers: AgendaRenderers,
    *,
    now: datetime | None = None,
) -> list[AgendaMail]:
    """Per partner organization, an e-mail draft asking for agenda items by `by`."""
    languages = _Languages(store, meeting_id, now or datetime.now(UTC))
    settings = read_settings(store)
    root = prepare_folder(out_dir)
    used: set[str] = set()
    mails = []
    for org in partner_organizations(store, meeting_id):
        doc = languages.doc(org.id)
        w = doc.words
        by_day = long_date(by, doc.language)
        to, warnings = _to(store, meeting_id, org)
        body = [
            w.greeting.format(organization=org.label),
            "",
            w.call_request.format(series=doc.series, organization=org.label, date=by_day),
            "",
            *_overview(doc),
            "",
            w.record.thanks,
        ]
        subject = w.call_subject.format(title=doc.title, date=by_day)
        draft = _draft(doc, org, to, settings, subject, body, "call")
        email = RenderedFile(
            suffix=".eml",
            data=renderers.email(draft, []),
            media_type="message/rfc822",
            format="eml",
        )
        (written,) = write_and_log(
            store,
            _folder(root, org, used),
            [(f"{doc.day.isoformat()}-call-for-agenda-items.eml", email)],
            ShareMeta(
                document=CALL_DOCUMENT,
                audience=doc.audience,
                meeting_id=doc.meeting_id,
                series_id=doc.series_id,
                organization_id=org.id,
            ),
            now=doc.generated_at,
        )
        mails.append(AgendaMail(org, written, warnings=tuple(warnings)))
    return mails


@dataclass(frozen=True)
class _Packet:
    """What every packet in one language carries (the agenda names no organization)."""

    doc: AgendaDocument
    documents: list[tuple[str, RenderedFile]]
    calendar: RenderedFile
    pre_reads: PacketPreReads


def _packet(
    store: Store, doc: AgendaDocument, renderers: AgendaRenderers, formats: Sequence[ExportFormat]
) -> _Packet:
    calendar = invitation_file(store, doc, renderers)
    documents = [
        (f"{agenda_stem(doc)}{r.suffix}", r)
        for r in (
            renderers.agenda(doc, f) for f in dict.fromkeys(formats) if f is not ExportFormat.ICS
        )
    ]
    reserved = {name for name, _ in documents} | {invitation_name(doc)}
    return _Packet(doc, documents, calendar, packet_pre_reads(store, doc, reserved))


def _packet_body(packet: _Packet, org: Organization) -> list[str]:
    doc, w = packet.doc, packet.doc.words
    attached = [*packet.documents, (invitation_name(doc), packet.calendar), *packet.pre_reads.files]
    body = [
        w.greeting.format(organization=org.label),
        "",
        w.packet_intro.format(title=doc.title),
        "",
        *_overview(doc),
        "",
        w.record.attached,
        *[f"- {name}" for name, _ in attached],
    ]
    body += [f"- {w.pre_read_left_out.format(problem=p)}" for p in packet.pre_reads.warnings]
    return [*body, "", w.record.thanks]


def write_agenda_packets(
    store: Store,
    meeting_id: str,
    out_dir: Path,
    renderers: AgendaRenderers,
    *,
    formats: Sequence[ExportFormat] = AGENDA_PACKET_FORMATS,
    now: datetime | None = None,
    progress: Progress | None = None,
) -> list[AgendaMail]:
    """Per partner organization, in its language: the partners' agenda in each format, the
    invitation, the pre-reads, and an e-mail draft with them attached. A meeting with no place
    and no way to join is refused before anything is written (InvitationError); a pre-read that
    cannot go out is left out with a warning, and the rest is written."""
    languages = _Languages(store, meeting_id, now or datetime.now(UTC))
    packets: dict[str, _Packet] = {}
    # Refuse before writing anything: the English invitation says what is missing.
    invitation_file(store, languages.of(DEFAULT_LANGUAGE), renderers)
    settings = read_settings(store)
    root = prepare_folder(out_dir)
    orgs = partner_organizations(store, meeting_id)
    used: set[str] = set()
    mails = []
    for done, org in enumerate(orgs):
        if progress is not None:
            progress(done, len(orgs), org.label)
        doc = languages.doc(org.id)
        if doc.language not in packets:
            packets[doc.language] = _packet(store, doc, renderers, formats)
        packet = packets[doc.language]
        folder = _folder(root, org, used)
        to, warnings = _to(store, meeting_id, org)
        files = write_and_log(
            store,
            folder,
            [*packet.documents, *packet.pre_reads.files],
            agenda_meta(doc, org.id),
            now=doc.generated_at,
        )
        files += write_and_log(
            store,
            folder,
            [(invitation_name(doc), packet.calendar)],
            invitation_meta(doc, org.id),
            now=doc.generated_at,
        )
        attached = [
            *packet.documents,
            (invitation_name(doc), packet.calendar),
            *packet.pre_reads.files,
        ]
        subject = doc.words.packet_subject.format(title=doc.title)
        draft = _draft(doc, org, to, settings, subject, _packet_body(packet, org), "agenda")
        email = RenderedFile(
            suffix=".eml",
            data=renderers.email(draft, attached),
            media_type="message/rfc822",
            format="eml",
        )
        (written,) = write_and_log(
            store,
            folder,
            [(f"{agenda_stem(doc)}-email.eml", email)],
            agenda_meta(doc, org.id),
            now=doc.generated_at,
        )
        warnings += packet.pre_reads.warnings
        mails.append(AgendaMail(org, written, tuple(files), tuple(warnings)))
    if progress is not None:
        progress(len(orgs), len(orgs), "done")
    return mails
