"""Packets: one folder per partner organization with its minutes and a ready-to-send e-mail draft.

Each organization's minutes are the partners' version (`audience.PACKET_AUDIENCE`), marked as
prepared for that organization; the draft lists the organization's own action items from that
same document, so the e-mail can say no more than the minutes it covers. Files are written and
logged through `sharing`; nothing is ever sent.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from facilitate.models import Attendance, Meeting, MeetingSeries, Membership, Organization, Person
from facilitate.models.enums import AttendanceStatus
from facilitate.services.record.audience import PACKET_AUDIENCE
from facilitate.services.record.document import MinutesDocument
from facilitate.services.record.minutes import build_minutes
from facilitate.services.record.wording import long_date, short_date
from facilitate.services.share.sharing import (
    ExportFormat,
    RenderedFile,
    Renderers,
    ShareMeta,
    WrittenFile,
    minutes_stem,
    prepare_folder,
    render_minutes_files,
    slug,
    write_and_log,
)
from facilitate.store import RecordNotFound, Store

DEFAULT_PACKET_FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat.HTML,
    ExportFormat.DOCX,
    ExportFormat.ICS,
)


@dataclass(frozen=True)
class EmailDraft:
    """The covering e-mail of a packet, before it is rendered as an .eml file."""

    to: tuple[tuple[str, str], ...]  # (name, address)
    subject: str
    body: str


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


Progress = Callable[[int, int, str], None]
"""Called as (done, total, what) while packets are written, so a screen can show progress."""


# -- who gets one -------------------------------------------------------------------------------


def partner_organizations(store: Store, meeting_id: str) -> list[Organization]:
    """Organizations with a member in the meeting's body, or someone at the meeting."""
    meeting = store.get(Meeting, meeting_id)
    series = store.get(MeetingSeries, meeting.series_id)
    day = meeting.starts_at.date()
    org_ids: dict[str, None] = {}
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


_EMAIL = re.compile(r"^[^@\s<>,;\"]+@[^@\s<>,;\"]+\.[^@\s<>,;\"]+$")


def recipients(store: Store, meeting_id: str, organization: Organization) -> list[Person]:
    """The organization's active people with an email address who sit on the body or were at
    the meeting; if none, every active person of the organization with an email address."""
    meeting = store.get(Meeting, meeting_id)
    series = store.get(MeetingSeries, meeting.series_id)
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


def _addressed(people: Sequence[Person]) -> tuple[list[tuple[str, str]], list[str]]:
    """(name, address) for each person with a usable address, and a warning for each without."""
    to: list[tuple[str, str]] = []
    warnings: list[str] = []
    for person in people:
        address = person.email.strip()
        if _EMAIL.match(address):
            to.append((person.name, address))
        else:
            warnings.append(f"{person.name}: {address!r} is not an email address; left out")
    return to, warnings


# -- the e-mail ---------------------------------------------------------------------------------


def email_draft(
    doc: MinutesDocument, to: Sequence[tuple[str, str]], files: Sequence[str]
) -> EmailDraft:
    """The covering email for one organization's packet: plain, short, and honest about status."""
    status = "Approved" if doc.status.value == "approved" else "Draft"
    org = doc.prepared_for or "partners"
    lines = [
        f"Hello {org} colleagues,",
        "",
        f"Attached are the {status.lower()} minutes of the {doc.body} meeting held "
        f"{long_date(doc.day)} ({doc.title}), in the version shared with partners.",
        "",
    ]
    if status == "Draft":
        review = f" at the next meeting ({long_date(doc.next_meeting)})" if doc.next_meeting else ""
        lines += [
            f"These minutes are a DRAFT. They will come up for approval{review}; please send any "
            "corrections before then.",
            "",
        ]
    else:
        lines += [doc.status_banner, ""]
    own = doc.actions_for(doc.prepared_for_id) if doc.prepared_for_id else []
    if own:
        lines.append(f"Action items for {org}:")
        for action in own:
            details = ", ".join(
                part
                for part in (
                    action.owner,
                    f"due {short_date(action.due)}" if action.due else "",
                    action.status_label,
                )
                if part
            )
            lines.append(f"- {action.text} ({details})")
        lines.append("")
    lines.append("Attached:")
    lines += [f"- {name}" for name in files]
    lines.append("")
    if any(name.endswith(".ics") for name in files):
        lines += ["Open the .ics file to add the action items' due dates to your calendar.", ""]
    lines.append("Thank you,")
    return EmailDraft(
        to=tuple(to),
        subject=f"{status} minutes: {doc.title}",
        body="\n".join(lines) + "\n",
    )


# -- writing ------------------------------------------------------------------------------------


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
) -> list[Packet]:
    """One folder per partner organization: its minutes (the packet audience) in each format
    and a ready-to-send .eml draft with the files attached. Nothing is sent."""
    orgs = partner_organizations(store, meeting_id)
    if organization_ids is not None:
        wanted = set(organization_ids)
        orgs = [o for o in orgs if o.id in wanted]
    root = prepare_folder(out_dir)
    packets: list[Packet] = []
    used: set[str] = set()
    for done, org in enumerate(orgs):
        if progress is not None:
            progress(done, len(orgs), org.label)
        folder_name = slug(org.label, fallback="organization")
        while folder_name in used:
            folder_name += "-" + org.id[:4]
        used.add(folder_name)
        packets.append(
            _write_packet(store, meeting_id, org, root / folder_name, renderers, formats, now)
        )
    if progress is not None:
        progress(len(orgs), len(orgs), "done")
    return packets


def _write_packet(
    store: Store,
    meeting_id: str,
    org: Organization,
    folder: Path,
    renderers: PacketRenderers,
    formats: Sequence[ExportFormat],
    now: datetime | None,
) -> Packet:
    """One organization's minutes in each format, then the e-mail draft that carries them."""
    doc = build_minutes(
        store, meeting_id, PACKET_AUDIENCE, organization_id=org.id, generated_at=now
    )
    meta = ShareMeta(
        document="minutes",
        audience=doc.audience,
        meeting_id=doc.meeting_id,
        series_id=doc.series_id,
        organization_id=org.id,
        minutes_status=doc.status.value,
    )
    named = render_minutes_files(doc, formats, renderers)
    written = write_and_log(store, folder, named, meta, now=now)
    to, warnings = _addressed(recipients(store, meeting_id, org))
    if not to:
        warnings.append(f"{org.label}: nobody with an email address; fill in To: yourself")
    draft = email_draft(doc, to, [name for name, _ in named])
    email_file = RenderedFile(
        suffix="-email.eml",
        data=renderers.email(draft, named),
        media_type="message/rfc822",
        format="eml",
    )
    [email_written] = write_and_log(
        store, folder, [(f"{minutes_stem(doc)}-email.eml", email_file)], meta, now=now
    )
    return Packet(
        organization=org,
        folder=folder,
        files=tuple(written),
        recipients=tuple(to),
        email=email_written,
        warnings=tuple(warnings),
    )
