"""Keeping the protocol: write what `queries.sharing_due` says is due, each into the sharing log,
so it is no longer due. Minutes go out as each organization's packet (its agreement decides what
it sees) or, to the body itself, as internal minutes; a reminder lists the open actions falling
due. Nothing is sent by e-mail here: the packets hold ready-to-send drafts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from facilitate.models import ActionItem, Meeting
from facilitate.models.enums import Visibility
from facilitate.models.protocol import Duty
from facilitate.services.record.audience import visible
from facilitate.services.record.entry_lines import Names, owner_name
from facilitate.services.share.due_lines import due_text
from facilitate.services.share.packets import PacketRenderers, write_packets
from facilitate.services.share.sharing import (
    ExportFormat,
    RenderedFile,
    ShareMeta,
    export_minutes,
    slug,
    write_and_log,
)
from facilitate.store import Store, queries
from facilitate.store.queries import OPEN_STATUSES, SharingDueRow

# Internal minutes for the body itself: a file to read and one to print.
INTERNAL_FORMATS = (ExportFormat.MD, ExportFormat.HTML)


@dataclass(frozen=True)
class Kept:
    """One due item and what was written for it (no files: nobody to send it to yet)."""

    what: str
    files: int
    folder: Path


def due(store: Store, today: date) -> list[SharingDueRow]:
    """What the protocols say is due and not yet sent, earliest due first."""
    return queries.sharing_due(store, today)


def send_due(
    store: Store,
    today: date,
    out_dir: Path,
    renderers: PacketRenderers,
    *,
    now: datetime | None = None,
) -> list[Kept]:
    """Write everything due into `out_dir` (a folder per meeting and duty), log it, and say
    what was written. Packets refuse nothing here: each follows its organization's agreement."""
    kept: list[Kept] = []
    for row in due(store, today):
        meeting = store.get(Meeting, row.meeting_id)
        folder = out_dir / f"{row.meeting_day.isoformat()}-{slug(meeting.title)}-{row.duty}"
        what = due_text(row, today).removesuffix(" (overdue)").removesuffix(" — not sent")
        if row.duty == Duty.ACTION_REMINDERS.value:
            count = _write_reminder(store, row, meeting, today, folder, now=now)
        elif row.audience == Visibility.INTERNAL.value:
            written = export_minutes(
                store,
                row.meeting_id,
                Visibility.INTERNAL,
                INTERNAL_FORMATS,
                folder,
                renderers,
                now=now,
            )
            count = len(written)
        else:
            packets = write_packets(store, row.meeting_id, folder, renderers, now=now)
            # Each packet: its files and its e-mail draft.
            count = sum(len(p.files) + 1 for p in packets)
        kept.append(Kept(what=what, files=count, folder=folder))
    return kept


def reminder_text(store: Store, row: SharingDueRow, meeting: Meeting, today: date) -> str:
    """The open actions of `meeting` falling due within the reminder's days, one a line, only
    those the reminder's audience may see."""
    until = today + timedelta(days=row.days)
    actions = [
        a
        for a in store.find(ActionItem, meeting_id=meeting.id, order_by="due")
        if a.status.value in OPEN_STATUSES
        and a.due is not None
        and today <= a.due <= until
        and visible(a.visibility, Visibility(row.audience))
    ]
    lines = [f"Reminder: actions from {meeting.title} falling due by {until:%b %d %Y}", ""]
    for action in actions:
        lines.append(f"- {action.text} — {_owner(store, action)}, due {action.due:%a %b %d}")
    if not actions:
        lines.append("(none that this audience may see)")
    return "\n".join(lines) + "\n"


def _owner(store: Store, action: ActionItem) -> str:
    """Every owner, as the minutes name them (the first, those sharing it, or all members)."""
    return owner_name(action, Names(store)) or "no owner"


def _write_reminder(
    store: Store,
    row: SharingDueRow,
    meeting: Meeting,
    today: date,
    folder: Path,
    *,
    now: datetime | None,
) -> int:
    text = reminder_text(store, row, meeting, today)
    rendered = RenderedFile(
        suffix=".txt", data=text.encode("utf-8"), media_type="text/plain", format="txt"
    )
    written = write_and_log(
        store,
        folder,
        [(f"{today.isoformat()}-{slug(meeting.title)}-action-reminders.txt", rendered)],
        ShareMeta(
            document="action-reminders",
            audience=Visibility(row.audience),
            meeting_id=meeting.id,
            series_id=meeting.series_id,
        ),
        now=now,
    )
    return len(written)
