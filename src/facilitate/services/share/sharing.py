"""Sharing: writing exports to disk, and the sharing log.

Every file written here is logged as a ShareRecord (what, for whom, which format, where, the
sha256 of its bytes, draft or approved), so a coordinator can answer "who got what, when".
Per-partner packets and their e-mail drafts are in `packets`, which writes through here.

Rendering belongs to the faces (`facilitate.export`), which sit above services; they are passed
in as a `Renderers` object, so this module orchestrates without importing them. What an audience
may see was decided when the document was built (`record.audience`); nothing here filters again.
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
from typing import TYPE_CHECKING, Protocol

from facilitate.errors import Refusal
from facilitate.models import Meeting, MeetingSeries, Organization, ShareRecord
from facilitate.models.enums import Visibility
from facilitate.services.record.document import MinutesDocument
from facilitate.services.record.i18n import DEFAULT_LANGUAGE
from facilitate.services.record.minutes import build_minutes
from facilitate.store import RecordNotFound, Store

if TYPE_CHECKING:
    # Types only: the minutes commands never load the series record or the loop report.
    from facilitate.services.record.series_record import SeriesRecord
    from facilitate.services.record.you_said_we_did import LoopReport


class ExportFormat(StrEnum):
    MD = "md"
    HTML = "html"
    DOCX = "docx"
    ICS = "ics"
    CSV = "csv"


class ExportError(Refusal):
    """An export that could not be written; the message names the path and what to do."""


@dataclass(frozen=True)
class RenderedFile:
    """One rendered file: `suffix` completes the file name after its stem (".md",
    "-decisions.csv")."""

    suffix: str
    data: bytes
    media_type: str
    format: str


class Renderers(Protocol):
    """What the export layer provides. Every method takes an already-filtered document."""

    def minutes(self, doc: MinutesDocument, fmt: ExportFormat) -> list[RenderedFile]: ...

    def series_record(self, record: SeriesRecord, fmt: ExportFormat) -> list[RenderedFile]: ...

    def loop(self, report: LoopReport, fmt: ExportFormat) -> list[RenderedFile]: ...

    def loop_one_page(self, report: LoopReport, fmt: ExportFormat) -> list[RenderedFile]: ...


@dataclass(frozen=True)
class WrittenFile:
    """A file on disk as the sharing log recorded it."""

    path: Path
    format: str
    sha256: str
    share_id: str


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


def prepare_folder(folder: Path) -> Path:
    """`folder`, created if need be and checked writable, as an absolute path."""
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
class ShareMeta:
    """What the sharing log says about every file of one export."""

    document: str
    audience: Visibility
    meeting_id: str | None = None
    series_id: str | None = None
    organization_id: str | None = None
    minutes_status: str = ""
    # The organization's sharing agreement version followed, and the reason for going beyond it.
    agreement_version: int | None = None
    beyond_agreement_reason: str = ""
    schedule: str = ""


def write_and_log(
    store: Store,
    folder: Path,
    files: Sequence[tuple[str, RenderedFile]],
    meta: ShareMeta,
    *,
    now: datetime | None = None,
) -> list[WrittenFile]:
    """Write each (file name, rendered file) into `folder`, then log every file that was
    written, even when a later one failed."""
    folder = prepare_folder(folder)
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
            agreement_version=meta.agreement_version,
            beyond_agreement_reason=meta.beyond_agreement_reason,
            schedule=meta.schedule,
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


def _named(
    stem: str, formats: Sequence[ExportFormat], render: Callable[[ExportFormat], list[RenderedFile]]
) -> list[tuple[str, RenderedFile]]:
    """Every requested format (each once, in the order asked) with its file name."""
    return [
        (f"{stem}{rendered.suffix}", rendered)
        for fmt in dict.fromkeys(formats)
        for rendered in render(ExportFormat(fmt))
    ]


def render_minutes_files(
    doc: MinutesDocument, formats: Sequence[ExportFormat], renderers: Renderers
) -> list[tuple[str, RenderedFile]]:
    """Every requested format of one document, with its file name."""
    return _named(minutes_stem(doc), formats, lambda fmt: renderers.minutes(doc, fmt))


def export_minutes(
    store: Store,
    meeting_id: str,
    audience: Visibility,
    formats: Sequence[ExportFormat],
    out_dir: Path,
    renderers: Renderers,
    *,
    now: datetime | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> list[WrittenFile]:
    """Write the minutes of a meeting for an audience in each format (in `language`), and log
    each file. A format with nothing to hold (a calendar with no dates) writes no file."""
    doc = build_minutes(store, meeting_id, audience, generated_at=now, language=language)
    return write_and_log(
        store,
        out_dir,
        render_minutes_files(doc, formats, renderers),
        ShareMeta(
            document="minutes",
            audience=audience,
            meeting_id=doc.meeting_id,
            series_id=doc.series_id,
            minutes_status=doc.status.value,
        ),
        now=now,
    )


def _report_stem(generated_at: datetime, title: str, what: str, audience: Visibility) -> str:
    """ "2026-11-22-steering-committee-record-partners"."""
    return f"{generated_at:%Y-%m-%d}-{slug(title, fallback='series')}-{what}-{audience.value}"


def export_series_record(
    store: Store,
    record: SeriesRecord,
    formats: Sequence[ExportFormat],
    out_dir: Path,
    renderers: Renderers,
    *,
    now: datetime | None = None,
) -> list[WrittenFile]:
    """Write a series' decision log and action register in each format, and log each file."""
    stem = _report_stem(record.generated_at, record.title, "record", record.audience)
    return write_and_log(
        store,
        out_dir,
        _named(stem, formats, lambda fmt: renderers.series_record(record, fmt)),
        ShareMeta(document="series-record", audience=record.audience, series_id=record.series_id),
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
    one_page: bool = False,
) -> list[WrittenFile]:
    """Write a "you said, we did" report (or its community one-pager) in each format, and log
    each file."""
    document = "you-said-we-did-one-page" if one_page else "you-said-we-did"
    render = renderers.loop_one_page if one_page else renderers.loop
    stem = _report_stem(report.generated_at, report.title, document, report.audience)
    return write_and_log(
        store,
        out_dir,
        _named(stem, formats, lambda fmt: render(report, fmt)),
        ShareMeta(
            document=document,
            audience=report.audience,
            series_id=report.series_id,
            meeting_id=report.meeting_id,
        ),
        now=now,
    )


# -- the log ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ShareLine:
    """One logged file with the names of what it was about, for reading."""

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
