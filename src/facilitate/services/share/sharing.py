"""Sharing: writing exports to disk, per-partner packets, and the sharing log.

Every file written here is logged as a ShareRecord (what, for whom, which format, where, the
sha256 of its bytes, draft or approved), so a coordinator can answer "who got what, when".

Rendering belongs to the faces (`facilitate.export`), which sit above services; they are passed
in as a `Renderers` object, so this module orchestrates without importing them.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Protocol

from facilitate.models import (
    Attendance,
    Meeting,
    MeetingSeries,
    Membership,
    Organization,
    Person,
    ShareRecord,
)
from facilitate.models.enums import AttendanceStatus, Visibility
from facilitate.services.record.minutes import (
    MinutesDocument,
    build_minutes,
    check_audience,
    long_date,
    short_date,
)
from facilitate.services.record.series_record import SeriesRecord
from facilitate.services.record.you_said_we_did import LoopReport
from facilitate.store import RecordNotFound, Store


class ExportFormat(StrEnum):
    MD = "md"
    HTML = "html"
    DOCX = "docx"
    ICS = "ics"
    CSV = "csv"


DEFAULT_PACKET_FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat.HTML,
    ExportFormat.DOCX,
    ExportFormat.ICS,
)


class ExportError(Exception):
    """An export that could not be written; the message names the path and what to do."""


@dataclass(frozen=True)
class RenderedFile:
    """One rendered file: `suffix` completes the file name after its stem (".md",
    "-decisions.csv")."""

    suffix: str
    data: bytes
    media_type: str
    format: str


@dataclass(frozen=True)
class EmailDraft:
    to: tuple[tuple[str, str], ...]  # (name, address)
    subject: str
    body: str


class Renderers(Protocol):
    """What the export layer provides. Every method takes an already-filtered document."""

    def minutes(self, doc: MinutesDocument, fmt: ExportFormat) -> list[RenderedFile]: ...

    def series_record(self, record: SeriesRecord, fmt: ExportFormat) -> list[RenderedFile]: ...

    def loop(self, report: LoopReport, fmt: ExportFormat) -> list[RenderedFile]: ...

    def email(self, draft: EmailDraft, attachments: Sequence[tuple[str, RenderedFile]]) -> bytes:
        """An RFC 5322 message (a draft: never sent) with the named files attached."""
        ...


@dataclass(frozen=True)
class WrittenFile:
    path: Path
    format: str
    sha256: str
    share_id: str


@dataclass(frozen=True)
class Packet:
    organization: Organization
    folder: Path
    files: tuple[WrittenFile, ...]
    recipients: tuple[tuple[str, str], ...]
    email: WrittenFile
    warnings: tuple[str, ...] = ()


Progress = Callable[[int, int, str], None]
"""Called as (done, total, what) while packets are written, so a screen can show progress."""


# -- names --------------------------------------------------------------------------------------


def slug(text: str, *, fallback: str = "file") -> str:
    """A file-name-safe ASCII slug: "Cedar River ICWA" -> "cedar-river-icwa"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    cleaned = re.sub(r"[^a-z0-9]+", "-", ascii_text.casefold()).strip("-")
    return cleaned[:60].strip("-") or fallback


def minutes_stem(doc: MinutesDocument) -> str:
    """ "2026-10-25-steering-committee-minutes-partners"."""
    base = slug(doc.series.split(" (")[0], fallback="meeting")
    return f"{doc.day.isoformat()}-{base}-minutes-{doc.audience.value}"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# -- writing and logging ------------------------------------------------------------------------


def _write_atomic(path: Path, data: bytes) -> None:
    """Write all of `data` or nothing: a half-written file is never left behind."""
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        Path(temp).replace(path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _prepare_dir(folder: Path) -> Path:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError as error:
        raise ExportError(f"{folder}: exists and is not a folder; choose another --out") from error
    except OSError as error:
        raise ExportError(
            f"{folder}: cannot create this folder ({error.strerror or error}); "
            "choose a folder you can write to"
        ) from error
    if not folder.is_dir():
        raise ExportError(f"{folder}: exists and is not a folder; choose another --out")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError(f"{folder}: this folder is not writable; choose another --out")
    return folder.resolve()


@dataclass(frozen=True)
class _Meta:
    document: str
    audience: Visibility
    meeting_id: str | None = None
    series_id: str | None = None
    organization_id: str | None = None
    minutes_status: str = ""


def _write_and_log(
    store: Store,
    folder: Path,
    files: Sequence[tuple[str, RenderedFile]],
    meta: _Meta,
    *,
    now: datetime | None = None,
) -> list[WrittenFile]:
    """Write each (file name, rendered file) into `folder`, then log every file that was
    written, even when a later one failed."""
    folder = _prepare_dir(folder)
    written: list[tuple[Path, RenderedFile, str]] = []
    failure: ExportError | None = None
    for name, rendered in files:
        path = folder / name
        try:
            _write_atomic(path, rendered.data)
        except OSError as error:
            failure = ExportError(f"{path}: could not write ({error.strerror or error})")
            break
        written.append((path, rendered, sha256(rendered.data)))
    at = now or datetime.now(UTC)
    records = [
        ShareRecord(
            meeting_id=meta.meeting_id,
            series_id=meta.series_id,
            audience=meta.audience,
            organization_id=meta.organization_id,
            document=meta.document,
            format=rendered.format,
            path=str(path),
            content_hash=digest,
            minutes_status=meta.minutes_status,
            at=at,
        )
        for path, rendered, digest in written
    ]
    store.insert_all(records)
    if failure is not None:
        raise failure
    return [
        WrittenFile(path=path, format=rendered.format, sha256=digest, share_id=record.id)
        for (path, rendered, digest), record in zip(written, records, strict=True)
    ]


def _named(stem: str, rendered: Sequence[RenderedFile]) -> list[tuple[str, RenderedFile]]:
    return [(f"{stem}{r.suffix}", r) for r in rendered]


def render_minutes_files(
    doc: MinutesDocument, formats: Sequence[ExportFormat], renderers: Renderers
) -> list[tuple[str, RenderedFile]]:
    """Every requested format of one document, with its file name."""
    stem = minutes_stem(doc)
    files: list[tuple[str, RenderedFile]] = []
    for fmt in dict.fromkeys(formats):
        files += _named(stem, renderers.minutes(doc, ExportFormat(fmt)))
    return files


def export_minutes(
    store: Store,
    meeting_id: str,
    audience: Visibility,
    formats: Sequence[ExportFormat],
    out_dir: Path,
    renderers: Renderers,
    *,
    now: datetime | None = None,
) -> list[WrittenFile]:
    """Write the minutes of a meeting for an audience in each format, and log each file."""
    check_audience(audience)
    doc = build_minutes(store, meeting_id, audience, generated_at=now)
    return _write_and_log(
        store,
        out_dir,
        render_minutes_files(doc, formats, renderers),
        _Meta(
            document="minutes",
            audience=audience,
            meeting_id=doc.meeting_id,
            series_id=doc.series_id,
            minutes_status=doc.status.value,
        ),
        now=now,
    )


def export_series_record(
    store: Store,
    record: SeriesRecord,
    formats: Sequence[ExportFormat],
    out_dir: Path,
    renderers: Renderers,
    *,
    now: datetime | None = None,
) -> list[WrittenFile]:
    stem = f"{record.generated_at:%Y-%m-%d}-{slug(record.title, fallback='series')}-record-" + (
        record.audience.value
    )
    files: list[tuple[str, RenderedFile]] = []
    for fmt in dict.fromkeys(formats):
        files += _named(stem, renderers.series_record(record, ExportFormat(fmt)))
    return _write_and_log(
        store,
        out_dir,
        files,
        _Meta(document="series-record", audience=record.audience, series_id=record.series_id),
        now=now,
    )


def export_loop(
    store: Store,
    report: LoopReport,
    formats: Sequence[ExportFormat],
    out_dir: Path,
    renderers: Renderers,
    *,
    now: datetime | None = None,
) -> list[WrittenFile]:
    stem = f"{report.generated_at:%Y-%m-%d}-{slug(report.title, fallback='series')}-you-said-" + (
        f"we-did-{report.audience.value}"
    )
    files: list[tuple[str, RenderedFile]] = []
    for fmt in dict.fromkeys(formats):
        files += _named(stem, renderers.loop(report, ExportFormat(fmt)))
    return _write_and_log(
        store,
        out_dir,
        files,
        _Meta(
            document="you-said-we-did",
            audience=report.audience,
            series_id=report.series_id,
            meeting_id=report.meeting_id,
        ),
        now=now,
    )


# -- packets ------------------------------------------------------------------------------------


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


def write_packets(
    store: Store,
    meeting_id: str,
    out_dir: Path,
    renderers: Renderers,
    *,
    formats: Sequence[ExportFormat] = DEFAULT_PACKET_FORMATS,
    organization_ids: Sequence[str] | None = None,
    now: datetime | None = None,
    progress: Progress | None = None,
) -> list[Packet]:
    """One folder per partner organization: its minutes (audience partners) in each format and
    a ready-to-send .eml draft with the files attached. Nothing is sent."""
    orgs = partner_organizations(store, meeting_id)
    if organization_ids is not None:
        wanted = set(organization_ids)
        orgs = [o for o in orgs if o.id in wanted]
    root = _prepare_dir(out_dir)
    packets: list[Packet] = []
    used: set[str] = set()
    for done, org in enumerate(orgs):
        if progress is not None:
            progress(done, len(orgs), org.label)
        folder_name = slug(org.label, fallback="organization")
        while folder_name in used:
            folder_name += "-" + org.id[:4]
        used.add(folder_name)
        doc = build_minutes(
            store, meeting_id, Visibility.PARTNERS, organization_id=org.id, generated_at=now
        )
        meta = _Meta(
            document="minutes",
            audience=Visibility.PARTNERS,
            meeting_id=doc.meeting_id,
            series_id=doc.series_id,
            organization_id=org.id,
            minutes_status=doc.status.value,
        )
        named = render_minutes_files(doc, formats, renderers)
        written = _write_and_log(store, root / folder_name, named, meta, now=now)
        warnings: list[str] = []
        people = recipients(store, meeting_id, org)
        to: list[tuple[str, str]] = []
        for person in people:
            address = person.email.strip()
            if _EMAIL.match(address):
                to.append((person.name, address))
            else:
                warnings.append(f"{person.name}: {address!r} is not an email address; left out")
        if not to:
            warnings.append(f"{org.label}: nobody with an email address; fill in To: yourself")
        draft = email_draft(doc, to, [name for name, _ in named])
        eml = renderers.email(draft, named)
        email_file = RenderedFile(
            suffix="-email.eml", data=eml, media_type="message/rfc822", format="eml"
        )
        [email_written] = _write_and_log(
            store,
            root / folder_name,
            [(f"{minutes_stem(doc)}-email.eml", email_file)],
            meta,
            now=now,
        )
        packets.append(
            Packet(
                organization=org,
                folder=root / folder_name,
                files=tuple(written),
                recipients=tuple(to),
                email=email_written,
                warnings=tuple(warnings),
            )
        )
    if progress is not None:
        progress(len(orgs), len(orgs), "done")
    return packets


# -- the log ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ShareLine:
    record: ShareRecord
    meeting_title: str
    series_name: str
    organization: str

    @property
    def what(self) -> str:
        return self.meeting_title or self.series_name


def share_log(
    store: Store,
    *,
    meeting_id: str | None = None,
    series_id: str | None = None,
    limit: int = 200,
) -> list[ShareLine]:
    """The newest exports first, with names resolved for reading."""
    filters: dict[str, str] = {}
    if meeting_id is not None:
        filters["meeting_id"] = meeting_id
    if series_id is not None:
        filters["series_id"] = series_id
    records = store.find(ShareRecord, order_by="-at", limit=limit, **filters)
    meetings: dict[str, str] = {}
    series: dict[str, str] = {}
    orgs: dict[str, str] = {}

    def name_of(
        cache: dict[str, str],
        cls: type[Meeting | MeetingSeries | Organization],
        record_id: str | None,
    ) -> str:
        if record_id is None:
            return ""
        if record_id not in cache:
            try:
                found = store.get(cls, record_id)
            except RecordNotFound:
                cache[record_id] = "(deleted)"
            else:
                cache[record_id] = (
                    found.label
                    if isinstance(found, Organization)
                    else found.title
                    if isinstance(found, Meeting)
                    else found.name
                )
        return cache[record_id]

    return [
        ShareLine(
            record=r,
            meeting_title=name_of(meetings, Meeting, r.meeting_id),
            series_name=name_of(series, MeetingSeries, r.series_id),
            organization=name_of(orgs, Organization, r.organization_id),
        )
        for r in records
    ]


def verify(record: ShareRecord) -> bool | None:
    """True when the file at the logged path still has the logged hash; None if it is gone."""
    path = Path(record.path)
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return sha256(data) == record.content_hash
