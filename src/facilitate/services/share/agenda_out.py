"""The agenda and the invitation as files on disk, each logged in the sharing log.

What an audience sees was decided when the `AgendaDocument` was built; rendering is the export
layer's, passed in as `AgendaRenderers`. The invitation's SEQUENCE is counted from the sharing
log: every logged invitation of the meeting notes the schedule (start, length, place) it carried,
so a new invitation goes up by one exactly when the schedule differs from the last one sent.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from facilitate.errors import Refusal
from facilitate.models import Meeting, ShareRecord
from facilitate.models.enums import Visibility
from facilitate.services.share.agenda_document import AgendaDocument, build_agenda
from facilitate.services.share.sharing import (
    ExportFormat,
    RenderedFile,
    ShareMeta,
    WrittenFile,
    slug,
    write_and_log,
)
from facilitate.store import Store

if TYPE_CHECKING:
    from facilitate.services.share.packets import EmailDraft

AGENDA_DOCUMENT = "agenda"
INVITATION_DOCUMENT = "invitation"
SCHEDULE_MARK = "schedule:"


class InvitationError(Refusal):
    """A meeting that cannot be put in a calendar yet; the message says what is missing."""


class AgendaRenderers(Protocol):
    """What the export layer provides for agendas (`facilitate.export.agenda_files`)."""

    def agenda(self, doc: AgendaDocument, fmt: ExportFormat) -> RenderedFile: ...

    def invitation(self, doc: AgendaDocument, sequence: int) -> RenderedFile: ...

    def email(
        self, draft: EmailDraft, attachments: Sequence[tuple[str, RenderedFile]]
    ) -> bytes: ...


def agenda_stem(doc: AgendaDocument) -> str:
    """ "2026-11-29-steering-committee-agenda-partners" ("…-partners-es" in Spanish)."""
    language = "" if doc.language == "en" else f"-{doc.language}"
    stem = f"{doc.day.isoformat()}-{slug(doc.series, fallback='meeting')}-agenda-{doc.audience}"
    return stem + language


def invitation_name(doc: AgendaDocument) -> str:
    what = "cancellation" if doc.cancelled else "invitation"
    return f"{doc.day.isoformat()}-{slug(doc.series, fallback='meeting')}-{what}.ics"


def check_invitable(meeting: Meeting) -> None:
    """Refuse a meeting whose invitation would say neither where nor how to join. The time needs
    no check: a meeting cannot be recorded without its start and length."""
    if not meeting.location.strip() and not meeting.join_info.strip():
        raise InvitationError(
            f"{meeting.title}: no place is set, nor how to join, so no invitation was "
            "written; set the place (`facilitate agenda new --place`) or how to join "
            "(`facilitate meetings join`) and send again"
        )


def schedule_mark(doc: AgendaDocument) -> str:
    """What the partner's calendar holds of the meeting: start, length, place, time zone, how to
    join and whether it is cancelled. The last two join the key only when set, so invitations
    logged before they existed keep their mark."""
    # The place as the English agenda writes it, whatever the language the invitation is in.
    where = replace(doc, language="en").where
    key = f"{doc.starts_at.isoformat()}|{doc.minutes}|{where}|{doc.time_zone}"
    key += f"|join:{doc.join_info}" if doc.join_info else ""
    key += "|cancelled" if doc.cancelled else ""
    return SCHEDULE_MARK + hashlib.sha256(key.encode()).hexdigest()[:16]


def invitation_sequence(store: Store, doc: AgendaDocument) -> int:
    """0 for the first invitation; one more for every change of schedule since."""
    logged = store.find(ShareRecord, meeting_id=doc.meeting_id, document=INVITATION_DOCUMENT)
    versions: list[str] = []
    for record in sorted(logged, key=lambda r: r.at):
        if record.schedule and (not versions or versions[-1] != record.schedule):
            versions.append(record.schedule)
    if not versions:
        return 0
    return len(versions) - 1 if versions[-1] == schedule_mark(doc) else len(versions)


def invitation_file(store: Store, doc: AgendaDocument, renderers: AgendaRenderers) -> RenderedFile:
    """The invitation for `doc` (a cancellation once the meeting is cancelled: it needs no
    place), or an InvitationError naming what is missing."""
    if not doc.cancelled:
        check_invitable(store.get(Meeting, doc.meeting_id))
    return renderers.invitation(doc, invitation_sequence(store, doc))


def write_cancellation(
    store: Store,
    meeting_id: str,
    out_dir: Path,
    renderers: AgendaRenderers,
    *,
    now: datetime | None = None,
) -> WrittenFile:
    """The cancelled meeting's cancellation invitation (same UID, SEQUENCE up), logged."""
    at = now or datetime.now(UTC)
    doc = build_agenda(store, meeting_id, Visibility.PARTNERS, generated_at=at)
    if not doc.cancelled:
        raise InvitationError(
            f"{doc.title} is not cancelled; cancel it first (`facilitate meetings cancel`)"
        )
    calendar = invitation_file(store, doc, renderers)
    (written,) = write_and_log(
        store, out_dir, [(invitation_name(doc), calendar)], invitation_meta(doc), now=at
    )
    return written


def export_agenda(
    store: Store,
    meeting_id: str,
    audience: Visibility,
    formats: Sequence[ExportFormat],
    out_dir: Path,
    renderers: AgendaRenderers,
    *,
    now: datetime | None = None,
    language: str = "en",
) -> list[WrittenFile]:
    """Write the agenda for an audience in each format (ics: the invitation), logging each."""
    at = now or datetime.now(UTC)
    doc = build_agenda(store, meeting_id, audience, generated_at=at, language=language)
    wanted = [ExportFormat(f) for f in dict.fromkeys(formats)]
    written: list[WrittenFile] = []
    if ExportFormat.ICS in wanted:
        calendar = invitation_file(store, doc, renderers)
        written += write_and_log(
            store,
            out_dir,
            [(invitation_name(doc), calendar)],
            invitation_meta(doc),
            now=at,
        )
    documents = [
        (f"{agenda_stem(doc)}{r.suffix}", r)
        for r in (renderers.agenda(doc, fmt) for fmt in wanted if fmt is not ExportFormat.ICS)
    ]
    written += write_and_log(store, out_dir, documents, agenda_meta(doc), now=at)
    return written


def agenda_meta(doc: AgendaDocument, organization_id: str | None = None) -> ShareMeta:
    return ShareMeta(
        document=AGENDA_DOCUMENT,
        audience=doc.audience,
        meeting_id=doc.meeting_id,
        series_id=doc.series_id,
        organization_id=organization_id,
    )


def invitation_meta(doc: AgendaDocument, organization_id: str | None = None) -> ShareMeta:
    """The invitation's log entries carry its schedule mark, which SEQUENCE is counted from."""
    return ShareMeta(
        document=INVITATION_DOCUMENT,
        audience=doc.audience,
        meeting_id=doc.meeting_id,
        series_id=doc.series_id,
        organization_id=organization_id,
        schedule=schedule_mark(doc),
    )
