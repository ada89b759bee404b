"""Taking in another laptop's records: a changeset file (`import_file`) or its whole database
file (`merge_database`), with a preview that changes nothing.

Either runs in one transaction: on any error, or in a preview, or when there is nothing new,
the file is left byte-identical. A file from another partnership, a newer schema, or a damaged
or truncated file is refused in one line before anything is read from it.
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from facilitate.models.ids import utc_text
from facilitate.services.sync import container
from facilitate.services.sync.apply import merge_changes
from facilitate.services.sync.errors import SyncError
from facilitate.services.sync.report import MergeReport
from facilitate.services.sync.session import open_checked, sync_db
from facilitate.store.changesets import Change, ChangesetUnreadable, Peer, SyncDb
from facilitate.store.errors import StoreError
from facilitate.store.migrations import known_migration_names


def _other_partnership(path: Path) -> SyncError:
    return SyncError(
        f"{path}: this comes from another partnership's record, not this one's; "
        "nothing was changed."
    )


def _check_schema(header: container.Header, path: Path) -> None:
    newer = sorted(set(header.schema) - known_migration_names())
    if newer:
        raise SyncError(
            f"{path}: written by a newer facilitate (schema {newer[-1]}). Upgrade facilitate on "
            "this laptop to import it; nothing was changed."
        )


def _remember_peer(db: SyncDb, me: str, header: container.Header) -> None:
    """What the sender now has from here (its acknowledgement), and what this laptop has
    received from it; written only when something is new."""
    if header.laptop == me:
        return
    known = {p.laptop_id: p for p in db.peers()}
    old = known.get(header.laptop, Peer(header.laptop, header.label, 0, 0, ""))
    received = old.received_through
    contiguous = header.since is None or header.since <= old.received_through
    if header.since_time is None and not header.audience and contiguous:
        received = max(received, header.through)
    acked = max(old.acked_through, header.acks.get(me, 0))
    if (header.label, received, acked) != (old.label, old.received_through, old.acked_through):
        db.save_peer(Peer(header.laptop, header.label, received, acked, header.created))


def import_file(db_path: Path, file: Path, *, preview: bool = False) -> MergeReport:
    """Apply a changeset file from another laptop (or, with `preview`, only say what it would
    do)."""
    header, changeset = container.read(file)
    _check_schema(header, file)
    open_checked(db_path)
    report = MergeReport(source=file.name)
    with sync_db(db_path) as db:
        if header.partnership != db.partnership_id():
            raise _other_partnership(file)
        with db.writing(keep=not preview):
            db.ensure_tracking()
            me = db.laptop_id()
            try:
                changes = list(db.read(changeset))
            except ChangesetUnreadable as error:
                raise SyncError(
                    f"{file}: its changes do not fit this record ({error}); nothing was changed."
                ) from error
            merge_changes(db, changes, header.edited, report)
            _remember_peer(db, me, header)
    report.applied = not preview and not report.nothing_to_do
    return report


def _copy_of(other: Path, folder: Path) -> Path:
    """A private copy of another laptop's file (and its journal), so it is never written to."""
    if not other.is_file():
        what = "no such file" if not other.exists() else "not a file"
        raise SyncError(f"{other}: {what}; name the other laptop's database file.")
    copy = folder / "other.db"
    try:
        shutil.copyfile(other, copy)
        wal = other.with_name(other.name + "-wal")
        if wal.exists():
            shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
    except OSError as error:
        raise SyncError(f"{other}: cannot read this file ({error.strerror or error}).") from error
    try:
        open_checked(copy)
    except StoreError as error:
        message = str(error).split(": ", 1)[-1]
        raise SyncError(f"{other}: {message}") from error
    return copy


def _incoming_from(db: SyncDb) -> tuple[list[Change], dict[str, dict[str, str]]]:
    """Every row the attached file holds differently (found by `Session.diff`), and its
    removals."""
    changes: list[Change] = []
    edited: dict[str, dict[str, str]] = {}
    theirs = set(db.tables("other"))
    for table in db.tables():
        if table not in theirs:
            continue
        key = db.columns(table).index("id")
        for row in db.rows(table, schema="other", ids=db.differing_ids(table)):
            changes.append(Change(table, str(row[key]), row, None))
        for row_id, removed_at in db.removals(table, schema="other"):
            changes.append(Change(table, row_id, None, removed_at))
        edited[table] = db.edited(table, "other")
    return changes, edited


def merge_database(db_path: Path, other: Path, *, preview: bool = False) -> MergeReport:
    """Merge another laptop's database file into this record (or preview it). The other file
    is read from a private copy and never changed."""
    open_checked(db_path)
    report = MergeReport(source=other.name)
    with tempfile.TemporaryDirectory(prefix="facilitate-merge-") as folder:
        copy = _copy_of(other, Path(folder))
        with sync_db(db_path) as db:
            db.attach(copy)
            try:
                if db.partnership_id("other") != db.partnership_id():
                    raise _other_partnership(other)
                with db.writing(keep=not preview):
                    db.ensure_tracking()
                    me = db.laptop_id()
                    changes, edited = _incoming_from(db)
                    merge_changes(db, changes, edited, report)
                    sender = db.setting("laptop_id", "other")
                    if sender is not None:
                        acks = {p.laptop_id: p.received_through for p in db.peers("other")}
                        header = container.Header(
                            partnership=db.partnership_id(),
                            laptop=sender,
                            label=other.stem,
                            schema=(),
                            through=db.max_seq("other"),
                            created=utc_text(datetime.now(UTC)),
                            acks=acks,
                        )
                        if not preview:
                            _remember_peer(db, me, header)
            finally:
                db.detach()
    report.applied = not preview and not report.nothing_to_do
    return report
