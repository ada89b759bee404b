"""Writing a changeset file for another laptop: everything, or what changed since a mark.

`--since` takes `last` (since this laptop's previous export), a date or time (UTC), or the name
of a laptop this one has exchanged with (since what that laptop said it had received). With
`--audience partners` (or `internal`) the rows that audience may not see are left out, with
every row that points at them (their revisions, links and updates), decided by the one audience
rule (`record.audience`). Every export is logged in the sharing log like any other.
"""

from __future__ import annotations

import json
import socket
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from facilitate.models.enums import Visibility
from facilitate.models.ids import utc_text
from facilitate.services.record.audience import AUDIENCES, visible
from facilitate.services.sync import container
from facilitate.services.sync.errors import SyncError
from facilitate.services.sync.report import ExportResult
from facilitate.services.sync.session import open_checked, sync_db
from facilitate.store import Store
from facilitate.store.changesets import ChangesetWriter, SyncDb
from facilitate.store.migrations import known_migration_names

DOCUMENT = "sync-changeset"
"""How the sharing log names a sync export."""


@dataclass(frozen=True)
class Since:
    """Where an export starts: a change-log mark, a time, or the beginning."""

    seq: int | None = None
    time: str | None = None
    described: str = "everything"


def parse_since(db: SyncDb, spec: str | None) -> Since:
    """`last`, a date or time, or a peer laptop's name; None for everything."""
    if spec is None or not spec.strip():
        return Since()
    spec = spec.strip()
    if spec.lower() == "last":
        mark = db.setting("last_export_through")
        if mark is None:
            raise SyncError(
                "--since last: this laptop has not exported before; leave out --since to "
                "export everything"
            )
        return Since(seq=int(mark), described="since this laptop's last export")
    for parse in (datetime.fromisoformat, date.fromisoformat):
        try:
            moment = parse(spec)
        except ValueError:
            continue
        if not isinstance(moment, datetime):
            moment = datetime(moment.year, moment.month, moment.day, tzinfo=UTC)
        elif moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return Since(time=utc_text(moment), described=f"changed since {spec}")
    for peer in db.peers():
        if spec.lower() in (peer.label.lower(), peer.laptop_id.lower()) or (
            len(spec) >= 8 and peer.laptop_id.startswith(spec)
        ):
            if not peer.acked_through:
                return Since(described=f"everything ({peer.label} has not said what it holds)")
            return Since(seq=peer.acked_through, described=f"what {peer.label} has not received")
    names = ", ".join(p.label for p in db.peers()) or "none yet"
    raise SyncError(
        f"--since {spec}: expected `last`, a date such as 2026-11-03, or a laptop's name "
        f"(known: {names})"
    )


def _hidden_ids(db: SyncDb, audience: Visibility) -> set[str]:
    """Ids of the rows `audience` may not see: entries by their visibility, and removed
    entries (kept whole in a revision) by the visibility they had."""
    hidden: set[str] = set()
    for table in db.tables():
        columns = db.columns(table)
        if "visibility" in columns:
            at = columns.index("visibility")
            key = columns.index("id")
            for row in db.rows(table):
                if not _shown(row[at], audience):
                    hidden.add(str(row[key]))
    if "entry_revisions" in db.tables():
        columns = db.columns("entry_revisions")
        for row in db.rows("entry_revisions"):
            kept = dict(zip(columns, row, strict=True))
            if kept.get("field") == "*" and not _shown(_removed_visibility(kept), audience):
                hidden.add(str(kept["entry_id"]))
    return hidden


def _shown(value: object, audience: Visibility) -> bool:
    try:
        return visible(Visibility(str(value)), audience)
    except ValueError:
        return False


def _removed_visibility(revision: dict[str, object]) -> object:
    try:
        return dict(json.loads(str(revision.get("old_value") or "{}"))).get("visibility")
    except (ValueError, TypeError):
        return None


def _write_rows(
    db: SyncDb, writer: ChangesetWriter, since: Since, hidden: set[str]
) -> tuple[int, int, dict[str, dict[str, str]]]:
    rows = removals = 0
    edited: dict[str, dict[str, str]] = {}
    for table in db.tables():
        changed = db.edited(table)
        key = db.columns(table).index("id")
        for row in db.rows(table, since_seq=since.seq, since_time=since.time):
            if hidden and (str(row[key]) in hidden or any(v in hidden for v in row)):
                continue
            writer.insert(table, row)
            rows += 1
            if str(row[key]) in changed:
                edited.setdefault(table, {})[str(row[key])] = changed[str(row[key])]
        for row_id, removed_at in db.removals(table, since_seq=since.seq, since_time=since.time):
            writer.removal(table, row_id, removed_at)
            removals += 1
    return rows, removals, edited


def _audience(audience: Visibility | None) -> Visibility | None:
    if audience is not None and audience not in AUDIENCES:
        raise SyncError("--audience: choose partners or internal (or leave it out for everything)")
    return audience


def build_export(
    db_path: Path, *, since: str | None = None, audience: Visibility | None = None
) -> tuple[bytes, container.Header, Since]:
    """The changeset file's bytes, and what they hold. Nothing is written to the record but
    this laptop's identity, made on its first export."""
    audience = _audience(audience)
    open_checked(db_path)
    with sync_db(db_path) as db, db.writing():
        db.ensure_tracking()
        laptop = db.laptop_id()
        start = parse_since(db, since)
        hidden = _hidden_ids(db, audience) if audience is not None else set()
        writer = db.builder()
        rows, removals, edited = _write_rows(db, writer, start, hidden)
        header = container.Header(
            partnership=db.partnership_id(),
            laptop=laptop,
            label=socket.gethostname(),
            schema=tuple(sorted(known_migration_names())),
            through=db.max_seq(),
            created=utc_text(datetime.now(UTC)),
            since=start.seq,
            since_time=start.time,
            audience=audience.value if audience is not None else "",
            acks={p.laptop_id: p.received_through for p in db.peers() if p.received_through},
            edited=edited,
            rows=rows,
            removals=removals,
        )
        data = container.pack(header, writer.output())
    return data, header, start


def export_changes(
    db_path: Path,
    out: Path,
    *,
    since: str | None = None,
    audience: Visibility | None = None,
) -> ExportResult:
    """Write a changeset file to `out` and log it in the sharing log."""
    # The sharing log pulls in the minutes builder; only an export to disk needs it.
    from facilitate.services.share.sharing import (
        ExportError,
        RenderedFile,
        ShareMeta,
        write_and_log,
    )

    data, header, start = build_export(db_path, since=since, audience=audience)
    if out.is_dir():
        raise SyncError(f"{out}: this is a folder; name the changeset file to write")
    name = out.name if out.suffix else out.name + container.SUFFIX
    rendered = RenderedFile(container.SUFFIX, data, "application/octet-stream", "changeset")
    store = Store.open(db_path, create=False)
    try:
        written = write_and_log(
            store,
            out.parent,
            [(name, rendered)],
            # A whole-record export carries confidential entries to the partnership's own laptop.
            ShareMeta(document=DOCUMENT, audience=audience or Visibility.CONFIDENTIAL),
        )[0]
    except ExportError as error:
        raise SyncError(str(error)) from error
    finally:
        store.close()
    with sync_db(db_path) as db, db.writing():
        db.set_setting("last_export_through", str(header.through))
    return ExportResult(
        path=written.path,
        rows=header.rows,
        removals=header.removals,
        since=start.described,
        audience=audience.value if audience is not None else "everything",
        sha256=written.sha256,
    )
