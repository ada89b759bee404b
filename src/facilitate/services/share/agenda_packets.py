"""Before the meeting, per partner organization: the call for agenda items, and the agenda
packet (the agenda, the invitation and an e-mail draft carrying them).

Who gets one and at which addresses is `packets`' rule (`partner_organizations`, `recipients`),
and which version each gets its sharing agreement's (`packets.grants`, as for minutes);
every file goes through `sharing.write_and_log`. Packets hold the agenda for the audience the
agreement grants (partners' when there is none, `audience.PACKET_AUDIENCE`), in each
organization's language (`record.settings`), with the pre-reads of the items that audience may
see (`agenda_pre_reads`). Nothing is ever sent: the .eml
files are drafts. What the drafts share (addresses, signature, folders) is `agenda_mail`'s;
when a call may be written is `agenda_call`'s; a cancelled meeting's packet is
`agenda_cancellation`'s.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from facilitate.models import AgendaItem, Meeting, Organization, Person
from facilitate.services.record.i18n import DEFAULT_LANGUAGE
from facilitate.services.record.settings import read as read_settings
from facilitate.services.record.wording import long_date
from facilitate.services.share.agenda_call import check_call
from facilitate.services.share.agenda_cancellation import write_cancellations
from facilitate.services.share.agenda_document import AgendaDocument, due_label
from facilitate.services.share.agenda_mail import (
    AgendaMail,
    Languages,
    addressed,
    eml,
    granted_organizations,
    mail_draft,
    org_folder,
)
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
    Progress,
    partner_organizations,
)
from facilitate.services.share.sharing import (
    ExportFormat,
    RenderedFile,
    ShareMeta,
    prepare_folder,
    write_and_log,
)
from facilitate.store import RecordNotFound, Store

CALL_DOCUMENT = "call-for-items"
AGENDA_PACKET_FORMATS = (ExportFormat.HTML, ExportFormat.DOCX)


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


def write_call_for_items(
    store: Store,
    meeting_id: str,
    by: date,
    out_dir: Path,
    renderers: AgendaRenderers,
    *,
    now: datetime | None = None,
    today: date | None = None,
) -> list[AgendaMail]:
    """Per partner organization, an e-mail draft asking for agenda items by `by`. A meeting
    cancelled or no longer planned, or a `by` before `today` or after the meeting, is refused
    (`agenda_call.check_call`) before anything is written; `today` defaults to `now`'s day."""
    today = today or (now.date() if now else date.today())
    check_call(store.get(Meeting, meeting_id), by, today)
    languages = Languages(store, meeting_id, now or datetime.now(UTC))
    settings = read_settings(store)
    root = prepare_folder(out_dir)
    used: set[str] = set()
    mails = []
    for org, audience in granted_organizations(store, meeting_id):
        doc = languages.doc(org.id, audience)
        w = doc.words
        by_day = long_date(by, doc.language)
        to, warnings = addressed(store, meeting_id, org)
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
        draft = mail_draft(doc, org, to, settings, subject, body, "call")
        email = eml(renderers.email(draft, []))
        (written,) = write_and_log(
            store,
            org_folder(root, org, used),
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
    cannot go out is left out with a warning, and the rest is written. A cancelled meeting's
    packet is its cancellation instead: the e-mail says so and why, with the invitation that
    removes the event, and no agenda."""
    languages = Languages(store, meeting_id, now or datetime.now(UTC))
    if languages.of(DEFAULT_LANGUAGE).cancelled:
        return write_cancellations(store, languages, out_dir, renderers, progress)
    packets: dict[str, _Packet] = {}
    # Refuse before writing anything: the English invitation says what is missing.
    invitation_file(store, languages.of(DEFAULT_LANGUAGE), renderers)
    settings = read_settings(store)
    root = prepare_folder(out_dir)
    orgs = granted_organizations(store, meeting_id)
    used: set[str] = set()
    mails = []
    for done, (org, audience) in enumerate(orgs):
        if progress is not None:
            progress(done, len(orgs), org.label)
        doc = languages.doc(org.id, audience)
        # Rendered once per language and audience, and shared by the organizations alike.
        key = f"{doc.language}:{audience.value}"
        if key not in packets:
            packets[key] = _packet(store, doc, renderers, formats)
        packet = packets[key]
        folder = org_folder(root, org, used)
        to, warnings = addressed(store, meeting_id, org)
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
        draft = mail_draft(doc, org, to, settings, subject, _packet_body(packet, org), "agenda")
        email = eml(renderers.email(draft, attached))
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
