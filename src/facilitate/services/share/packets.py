"""Packets: one folder per partner organization with its minutes and a ready-to-send e-mail draft.

Each organization's minutes are the version its sharing agreement allows (`audience.grant`;
the partners' version when it has none), in the organization's language (`record.settings`),
marked as prepared for that organization, and sent to its agreement's distribution list when it
names one. An organization whose agreement excludes the meeting's kind gets no packet; an export
beyond an agreement is refused unless the coordinator gives a reason, logged with it. The draft
lists the organization's own action items from that same document, so the e-mail can say no more
than the minutes it covers, and is signed by the coordinator set once in the settings. The
minutes are built once per language and audience, and every format that does not name the
organization (the calendar, the spreadsheets) is rendered once per language and audience and
shared by every packet. Files are
written and logged through `sharing`; nothing is ever sent.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import make_msgid
from pathlib import Path
from typing import Protocol

from facilitate.models import (
    Attendance,
    Body,
    Meeting,
    MeetingSeries,
    Membership,
    Organization,
    Person,
)
from facilitate.models.enums import AttendanceStatus, MeetingKind, Visibility
from facilitate.services.email_address import is_email_address
from facilitate.services.record.audience import Grant, grant, kinds_of_meeting
from facilitate.services.record.document import MinutesDocument
from facilitate.services.record.i18n import DEFAULT_LANGUAGE
from facilitate.services.record.minutes import build_minutes, prepared_for
from facilitate.services.record.settings import (
    Settings,
    languages_by_organization,
)
from facilitate.services.record.settings import read as read_settings
from facilitate.services.record.wording import clean_text
from facilitate.services.share import agreements
from facilitate.services.share.sharing import (
    ExportFormat,
    RenderedFile,
    Renderers,
    ShareMeta,
    WrittenFile,
    minutes_stem,
    prepare_folder,
    slug,
    write_and_log,
)
from facilitate.store import RecordNotFound, Store

DEFAULT_PACKET_FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat.HTML,
    ExportFormat.DOCX,
    ExportFormat.ICS,
)


# Formats whose file never names the organization it is for: one rendering serves every packet
# in the same language.
SHARED_FORMATS = frozenset({ExportFormat.ICS, ExportFormat.CSV})
NO_SENDER = "facilitate.local"


@dataclass(frozen=True)
class EmailDraft:
    """The covering e-mail of a packet, before it is rendered as an .eml file."""

    to: tuple[tuple[str, str], ...]  # (name, address)
    subject: str
    body: str
    sender: tuple[str, str] | None = None  # (name, address): the coordinator
    date: datetime = field(default_factory=lambda: datetime.now(UTC))
    message_id: str = field(default_factory=lambda: make_msgid(domain=NO_SENDER))
    language: str = DEFAULT_LANGUAGE


class PacketRenderers(Renderers, Protocol):
    """The export layer's renderers, and the e-mail a packet also needs."""

    def email(self, draft: EmailDraft, attachments: Sequence[tuple[str, RenderedFile]]) -> bytes:
        """An RFC 5322 message (a draft: never sent) with the named files attached."""
        ...


@dataclass(frozen=True)
class Packet:
    """One organization's folder as written: its files, its e-mail and anything to check."""

    organization: Organization
    folder: Path
    files: tuple[WrittenFile, ...]
    recipients: tuple[tuple[str, str], ...]
    email: WrittenFile
    warnings: tuple[str, ...] = ()
    language: str = DEFAULT_LANGUAGE
    # Formats asked for that have no file, because there was nothing to put in one.
    without: tuple[str, ...] = ()


Progress = Callable[[int, int, str], None]
"""Called as (done, total, what) while packets are written, so a screen can show progress."""


# -- who gets one -------------------------------------------------------------------------------


def partner_organizations(store: Store, meeting_id: str) -> list[Organization]:
    """Organizations with a member in the meeting's body, or someone at the meeting; for a
    listening session, every active organization of the partnership as well: what families
    said is for the agencies meant to hear it, not only for the hosts (an agreement may still
    leave listening input out for an organization: see `grants`)."""
    meeting = store.get(Meeting, meeting_id)
    series = store.get(MeetingSeries, meeting.series_id)
    day = meeting.starts_at.date()
    org_ids: dict[str, None] = {}
    if meeting.kind is MeetingKind.LISTENING_SESSION:
        org_ids.update((org.id, None) for org in store.find(Organization, active=True))
    for membership in store.find(Membership, body_id=series.body_id):
        if membership.end_date is not None and membership.end_date < day:
            continue
        person = _person(store, membership.person_id)
        if person is not None and person.organization_id:
            org_ids[person.organization_id] = None
    for row in store.find(Attendance, meeting_id=meeting.id):
        org_id = row.organization_id
        if org_id is None and row.person_id:
            person = _person(store, row.person_id)
            org_id = person.organization_id if person else None
        if org_id:
            org_ids[org_id] = None
    orgs = []
    for org_id in org_ids:
        try:
            orgs.append(store.get(Organization, org_id))
        except RecordNotFound:
            continue
    return sorted(orgs, key=lambda o: o.label.casefold())


def _person(store: Store, person_id: str) -> Person | None:
    try:
        return store.get(Person, person_id)
    except RecordNotFound:
        return None


def recipients(store: Store, meeting_id: str, organization: Organization) -> list[Person]:
    """The people on the organization's agreement's distribution list, if it names any;
    otherwise its active people with an email address who sit on the body or were at the
    meeting; if none, every active person of the organization with an email address."""
    meeting = store.get(Meeting, meeting_id)
    series = store.get(MeetingSeries, meeting.series_id)
    listed = agreements.distribution_people(
        store, agreements.governing(store, organization.id, series.body_id)
    )
    if listed is not None:
        return listed
    people = [
        p
        for p in store.find(Person, organization_id=organization.id, order_by="name")
        if p.active and p.email.strip()
    ]
    involved = {m.person_id for m in store.find(Membership, body_id=series.body_id)} | {
        a.person_id
        for a in store.find(Attendance, meeting_id=meeting.id)
        if a.person_id and a.status is not AttendanceStatus.ABSENT
    }
    closer = [p for p in people if p.id in involved]
    return closer or people


def addressed(people: Sequence[Person]) -> tuple[list[tuple[str, str]], list[str]]:
    """(name, address) for each person with a usable address, and a warning for each without."""
    to: list[tuple[str, str]] = []
    warnings: list[str] = []
    for person in people:
        address = person.email.strip()
        if is_email_address(address):
            to.append((person.name, address))
        else:
            warnings.append(f"{person.name}: {address!r} is not an email address; left out")
    return to, warnings


# -- the e-mail ---------------------------------------------------------------------------------


def message_id(doc: MinutesDocument, sender: str) -> str:
    """A Message-ID unique to this draft (meeting, organization, moment), on the sender's
    domain: the same export run again gets the same one, a later export a new one."""
    seed = f"{doc.meeting_id}|{doc.prepared_for_id}|{doc.generated_at.isoformat()}"
    domain = sender.rpartition("@")[2] if sender else NO_SENDER
    return f"<{hashlib.sha256(seed.encode()).hexdigest()[:32]}@{domain}>"


def email_draft(
    doc: MinutesDocument,
    to: Sequence[tuple[str, str]],
    files: Sequence[str],
    settings: Settings | None = None,
    *,
    calendar_missing: bool = False,
) -> EmailDraft:
    """The covering email for one organization's packet: plain, short, honest about status, in
    the document's language, from and signed by the coordinator in `settings`."""
    settings = settings or Settings()
    w = doc.words
    approved = doc.status.value == "approved"
    org = doc.prepared_for
    lines = [
        w.greeting.format(organization=org) if org else w.greeting_partners,
        "",
        w.attached_minutes.format(
            state=w.state_approved if approved else w.state_draft,
            body=doc.body,
            date=doc.long_date(doc.day),
            title=doc.title,
        ),
        "",
    ]
    if not approved:
        following = doc.next_meeting
        review = (
            w.draft_review.format(date=doc.long_date(following.day))
            if following is not None
            else w.draft_review_unscheduled
        )
        lines += [review, ""]
    else:
        lines += [doc.status_banner, ""]
    own = doc.actions_for(doc.prepared_for_id) if doc.prepared_for_id else []
    if own:
        lines.append(w.own_actions.format(organization=org))
        for action in own:
            details = ", ".join(
                part
                for part in (
                    action.owner,
                    w.due_on.format(date=doc.short_date(action.due)) if action.due else "",
                    action.status_label,
                )
                if part
            )
            lines.append(f"- {action.text} ({details})")
        lines.append("")
    lines.append(w.attached)
    lines += [f"- {name}" for name in files]
    lines.append("")
    if any(name.endswith(".ics") for name in files):
        lines += [w.open_calendar, ""]
    elif calendar_missing:
        lines += [w.no_calendar, ""]
    lines.append(w.thanks)
    if settings.coordinator_name:
        lines.append(settings.coordinator_name)
    sender = (
        (settings.coordinator_name, settings.coordinator_email)
        if settings.coordinator_email
        else None
    )
    return EmailDraft(
        to=tuple(to),
        subject=(w.subject_approved if approved else w.subject_draft).format(title=doc.title),
        body="\n".join(lines) + "\n",
        sender=sender,
        date=doc.generated_at,
        message_id=message_id(doc, settings.coordinator_email),
        language=doc.language,
    )


def settings_warnings(settings: Settings) -> list[str]:
    """What the drafts lack until the coordinator is set, and the command that sets it."""
    warnings = []
    if not settings.coordinator_email:
        warnings.append(
            "the drafts have no From address: facilitate settings set coordinator-email ADDRESS"
        )
    if not settings.coordinator_name:
        warnings.append("the drafts are not signed: facilitate settings set coordinator-name NAME")
    return warnings


# -- writing ------------------------------------------------------------------------------------


class _Minutes:
    """The packet minutes of one meeting: built once per language, each shared format rendered
    once per language, the formats that name an organization rendered per packet."""

    def __init__(
        self,
        store: Store,
        meeting_id: str,
        renderers: PacketRenderers,
        formats: Sequence[ExportFormat],
        now: datetime,
    ) -> None:
        self.store = store
        self.meeting_id = meeting_id
        self.renderers = renderers
        self.formats = [ExportFormat(f) for f in dict.fromkeys(formats)]
        self.now = now
        self._docs: dict[tuple[str, Visibility], MinutesDocument] = {}
        self._shared: dict[tuple[str, Visibility, ExportFormat], list[RenderedFile]] = {}

    def document(
        self, language: str, audience: Visibility, organization: Organization
    ) -> MinutesDocument:
        key = (language, audience)
        if key not in self._docs:
            self._docs[key] = build_minutes(
                self.store,
                self.meeting_id,
                audience,
                generated_at=self.now,
                language=language,
            )
        return prepared_for(self._docs[key], organization.id, clean_text(organization.label))

    def files(self, doc: MinutesDocument) -> tuple[list[tuple[str, RenderedFile]], list[str]]:
        """Each format's files with their names, and the formats that came out empty."""
        named: list[tuple[str, RenderedFile]] = []
        without: list[str] = []
        stem = minutes_stem(doc)
        for fmt in self.formats:
            key = (doc.language, doc.audience, fmt)
            if fmt in SHARED_FORMATS and key in self._shared:
                rendered = self._shared[key]
            else:
                rendered = self.renderers.minutes(doc, fmt)
                if fmt in SHARED_FORMATS:
                    self._shared[key] = rendered
            if not rendered:
                without.append(fmt.value)
            named += [(f"{stem}{r.suffix}", r) for r in rendered]
        return named, without


def grants(
    store: Store,
    meeting_id: str,
    orgs: Sequence[Organization],
    *,
    audience: Visibility | None,
    reason: str,
) -> dict[str, Grant | None]:
    """What each organization gets of this meeting (its minutes, its agenda), by its agreement;
    the first export beyond an agreement without a reason is refused here, before anything is
    written. None: the agreement excludes the meeting."""
    meeting = store.get(Meeting, meeting_id)
    body = store.get(Body, store.get(MeetingSeries, meeting.series_id).body_id)
    kinds = kinds_of_meeting(meeting.kind, body.kind)
    return {
        org.id: grant(
            agreements.terms_for(store, org, body.id), kinds, asked=audience, reason=reason
        )
        for org in orgs
    }


def withheld(store: Store, meeting_id: str) -> list[Organization]:
    """Partner organizations that get no packet of this meeting: their agreement excludes it."""
    orgs = partner_organizations(store, meeting_id)
    granted = grants(store, meeting_id, orgs, audience=None, reason="")
    return [o for o in orgs if granted[o.id] is None]


def write_packets(
    store: Store,
    meeting_id: str,
    out_dir: Path,
    renderers: PacketRenderers,
    *,
    formats: Sequence[ExportFormat] = DEFAULT_PACKET_FORMATS,
    organization_ids: Sequence[str] | None = None,
    now: datetime | None = None,
    progress: Progress | None = None,
    audience: Visibility | None = None,
    reason: str = "",
) -> list[Packet]:
    """One folder per partner organization: its minutes (the version its agreement allows, or
    `audience` when given, in its language) in each format and a ready-to-send .eml draft with
    the files attached. Nothing is sent. Organizations whose agreement excludes this meeting get
    nothing (`withheld` names them); an export beyond any organization's agreement is refused,
    before anything is written, unless `reason` is given."""
    orgs = partner_organizations(store, meeting_id)
    if organization_ids is not None:
        wanted = set(organization_ids)
        orgs = [o for o in orgs if o.id in wanted]
    by_org = grants(store, meeting_id, orgs, audience=audience, reason=reason)
    orgs = [o for o in orgs if by_org[o.id] is not None]
    root = prepare_folder(out_dir)
    minutes = _Minutes(store, meeting_id, renderers, formats, now or datetime.now(UTC))
    settings = read_settings(store)
    languages = languages_by_organization(store)
    packets: list[Packet] = []
    used: set[str] = set()
    for done, org in enumerate(orgs):
        if progress is not None:
            progress(done, len(orgs), org.label)
        folder_name = slug(org.label, fallback="organization")
        while folder_name in used:
            folder_name += "-" + org.id[:4]
        used.add(folder_name)
        granted = by_org[org.id]
        assert granted is not None  # organizations granted nothing were left out above
        doc = minutes.document(languages.get(org.id, DEFAULT_LANGUAGE), granted.audience, org)
        packets.append(
            _write_packet(store, doc, org, root / folder_name, minutes, settings, granted)
        )
    if progress is not None:
        progress(len(orgs), len(orgs), "done")
    return packets


def _write_packet(
    store: Store,
    doc: MinutesDocument,
    org: Organization,
    folder: Path,
    minutes: _Minutes,
    settings: Settings,
    granted: Grant,
) -> Packet:
    """One organization's minutes in each format, then the e-mail draft that carries them."""
    meta = ShareMeta(
        document="minutes",
        audience=doc.audience,
        meeting_id=doc.meeting_id,
        series_id=doc.series_id,
        organization_id=org.id,
        minutes_status=doc.status.value,
        agreement_version=granted.version,
        beyond_agreement_reason=granted.beyond_reason,
    )
    named, without = minutes.files(doc)
    to, warnings = addressed(recipients(store, doc.meeting_id, org))
    if not to:
        warnings.append(f"{org.label}: nobody with an email address; fill in To: yourself")
    draft = email_draft(
        doc,
        to,
        [name for name, _ in named],
        settings,
        calendar_missing=ExportFormat.ICS.value in without,
    )
    email_file = RenderedFile(
        suffix="-email.eml",
        data=minutes.renderers.email(draft, named),
        media_type="message/rfc822",
        format="eml",
    )
    # One write and one log entry per file, committed together: the e-mail beside its files.
    *written, email_written = write_and_log(
        store,
        folder,
        [*named, (f"{minutes_stem(doc)}-email.eml", email_file)],
        meta,
        now=minutes.now,
    )
    return Packet(
        organization=org,
        folder=folder,
        files=tuple(written),
        recipients=tuple(to),
        email=email_written,
        warnings=tuple(warnings),
        language=doc.language,
        without=tuple(without),
    )
