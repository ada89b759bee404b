"""The merge's storage side: the record opened with APSW, SQLite's session extension, and the
bookkeeping of peers. The rules of a merge live in `services/sync`; nothing here decides.

Why a second library: Python's sqlite3 has no session extension; APSW's wheels do (sessions,
changesets, change groups, `Session.diff`). APSW carries its own copy of SQLite, and two copies
of SQLite in one process break each other's POSIX locks on a shared file (closing one's file
descriptor drops the other's locks). So a `SyncDb` is never open while a `Store` on the same file
is open in the same process: the CLI closes its store first, the app runs a sync in a child
process (`services.sync.isolated`).

Changesets here carry row *versions*: an INSERT holds a whole row as the sender has it, a DELETE
holds a removal (the row's id, and in the `updated_at` column the time it was removed). Building
them uses a change group bound to this file's schema, which also pads a changeset from an older
schema with the defaults of columns added since.
"""

from __future__ import annotations

import socket
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import apsw

from facilitate.store import sync_tracking as tracking
from facilitate.store.database import DEFAULT_BUSY_TIMEOUT_MS
from facilitate.store.errors import DatabaseCorrupt, DatabaseLocked, StoreError

Row = tuple[Any, ...]


class ChangesetUnreadable(StoreError):
    """A changeset that does not fit this record: damaged, or written for other tables."""


@dataclass(frozen=True)
class Change:
    """One change of an incoming changeset: a row version (`removed_at` None) or a removal."""

    table: str
    row_id: str
    row: Row | None
    removed_at: str | None


@dataclass(frozen=True)
class LogEntry:
    """What this file's change log says of one row."""

    seq: int
    removed_at: str | None
    origin: str | None
    base: str | None

    def edited_from(self, updated_at: object) -> str | None:
        """The version local edits started from, if the row was edited here since it last
        agreed with a peer; None otherwise."""
        if self.origin is None and self.base is not None and self.base != updated_at:
            return self.base
        return None


@dataclass(frozen=True)
class Peer:
    """Another laptop this one has exchanged with."""

    laptop_id: str
    label: str
    received_through: int
    acked_through: int
    last_seen: str


def _explain(path: Path, error: apsw.Error) -> StoreError:
    text = str(error).lower()
    if isinstance(error, apsw.BusyError | apsw.LockedError) or "locked" in text:
        return DatabaseLocked(
            path, "the database is busy in another program; try again in a moment. Nothing changed."
        )
    if isinstance(error, apsw.CorruptError | apsw.NotADBError):
        return DatabaseCorrupt(path, f"this file is damaged ({error}); it was left untouched.")
    return StoreError(path, f"database error during the merge: {error}")


class SyncDb:
    """One facilitate file opened with APSW for a merge. Open with `SyncDb.open(path)` after the
    file was opened (and migrated) once with `Store.open` and closed again."""

    def __init__(self, conn: apsw.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self._columns: dict[tuple[str, str], list[str]] = {}
        self._foreign: dict[str, list[tuple[str, str, str]]] | None = None

    @classmethod
    def open(cls, path: Path, *, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS) -> SyncDb:
        try:
            conn = apsw.Connection(str(path), flags=apsw.SQLITE_OPEN_READWRITE)
            conn.set_busy_timeout(busy_timeout_ms)
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA synchronous = FULL")
        except apsw.Error as error:
            raise _explain(path, error) from error
        return cls(conn, path)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> SyncDb:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        try:
            return [tuple(row) for row in self.conn.execute(sql, params)]
        except apsw.Error as error:
            raise _explain(self.path, error) from error

    def _run(self, sql: str, params: Sequence[Any] = ()) -> None:
        try:
            self.conn.execute(sql, params)
        except apsw.Error as error:
            raise _explain(self.path, error) from error

    # -- transactions -------------------------------------------------------------------------

    @contextmanager
    def writing(self, *, keep: bool = True) -> Iterator[None]:
        """One write transaction: committed if `keep` and something changed, else rolled back,
        so a preview or a merge that changes nothing leaves the file as it was, byte for byte."""
        self._run("BEGIN IMMEDIATE")
        before = self.conn.total_changes()
        try:
            yield
        except BaseException:
            with suppress(apsw.Error):
                self.conn.execute("ROLLBACK")
            raise
        if keep and self.conn.total_changes() != before:
            self._run("COMMIT")
        else:
            self._run("ROLLBACK")

    # -- the schema ---------------------------------------------------------------------------

    def columns(self, table: str, schema: str = "main") -> list[str]:
        key = (schema, table)
        if key not in self._columns:
            rows = self._rows(f'PRAGMA "{schema}".table_info("{table}")')
            self._columns[key] = [str(row[1]) for row in rows]
        return self._columns[key]

    def tables(self, schema: str = "main") -> list[str]:
        """The tables of the record (see `sync_tracking`), by name."""
        master = [
            (str(name), sql)
            for name, sql in self._rows(
                tracking.MASTER_QUERY.replace("sqlite_master", f'"{schema}".sqlite_master')
            )
        ]
        return tracking.replicated_tables(master, lambda table: self.columns(table, schema))

    def ensure_tracking(self) -> None:
        """Give any table added since schema 0007 its change-log triggers. In a transaction."""
        master = [(str(name), sql) for name, sql in self._rows(tracking.MASTER_QUERY)]
        triggers = [str(name) for (name,) in self._rows(tracking.TRIGGER_QUERY)]
        tracking.install(self._run, master, self.columns, triggers)

    def foreign_keys(self, table: str) -> list[tuple[str, str, str]]:
        """(column, parent table, parent column) for each foreign key of `table`."""
        if self._foreign is None:
            self._foreign = {}
            for name in self.tables():
                rows = self._rows(f'PRAGMA foreign_key_list("{name}")')
                self._foreign[name] = [(str(r[3]), str(r[2]), str(r[4] or "id")) for r in rows]
        return self._foreign.get(table, [])

    def referenced(self, table: str, row_id: str) -> bool:
        """Does any row of the record point at this one?"""
        for child in self.tables():
            for column, parent, _ in self.foreign_keys(child):
                if parent == table and self._rows(
                    f'SELECT 1 FROM "{child}" WHERE "{column}" = ? LIMIT 1', [row_id]
                ):
                    return True
        return False

    # -- identity and peers -------------------------------------------------------------------

    def setting(self, key: str, schema: str = "main") -> str | None:
        rows = self._rows(f'SELECT value FROM "{schema}".{tracking.LOCAL} WHERE key = ?', [key])
        return str(rows[0][0]) if rows else None

    def set_setting(self, key: str, value: str) -> None:
        self._run(
            f"INSERT INTO {tracking.LOCAL} (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )

    def partnership_id(self, schema: str = "main") -> str:
        found = self.setting("partnership_id", schema)
        if found is None:
            raise StoreError(
                self.path,
                "this record has no partnership identity; open it with "
                "facilitate once to upgrade it.",
            )
        return found

    def laptop_id(self) -> str:
        """This copy's own identity. A copy of the file (another inode, another machine) is
        another laptop, so it gets a fresh one: two copies never pass for each other. In a
        transaction."""
        fingerprint = f"{socket.gethostname()}:{self.path.stat().st_ino}"
        current = self.setting("laptop_id")
        if current is not None and self.setting("laptop_fingerprint") == fingerprint:
            return current
        fresh = str(uuid.uuid4())
        self.set_setting("laptop_id", fresh)
        self.set_setting("laptop_fingerprint", fingerprint)
        return fresh

    def peers(self, schema: str = "main") -> list[Peer]:
        rows = self._rows(
            "SELECT laptop_id, label, received_through, acked_through, last_seen "
            f'FROM "{schema}".{tracking.PEERS} ORDER BY label, laptop_id'
        )
        return [Peer(str(r[0]), str(r[1]), int(r[2]), int(r[3]), str(r[4])) for r in rows]

    def save_peer(self, peer: Peer) -> None:
        self._run(
            f"INSERT INTO {tracking.PEERS} "
            "(laptop_id, label, received_through, acked_through, last_seen) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (laptop_id) DO UPDATE SET label = excluded.label, "
            "received_through = excluded.received_through, "
            "acked_through = excluded.acked_through, last_seen = excluded.last_seen",
            [peer.laptop_id, peer.label, peer.received_through, peer.acked_through, peer.last_seen],
        )

    # -- reading rows -------------------------------------------------------------------------

    def max_seq(self, schema: str = "main") -> int:
        rows = self._rows(f'SELECT coalesce(max(seq), 0) FROM "{schema}".{tracking.CHANGES}')
        return int(rows[0][0])

    def rows(
        self,
        table: str,
        *,
        schema: str = "main",
        since_seq: int | None = None,
        since_time: str | None = None,
        ids: Sequence[str] | None = None,
    ) -> list[Row]:
        """Rows of `table`: all, those changed after a log sequence or time, or those named."""
        sql = f'SELECT * FROM "{schema}"."{table}"'
        params: list[Any] = []
        if ids is not None:
            found: list[Row] = []
            for start in range(0, len(ids), 500):
                chunk = list(ids[start : start + 500])
                marks = ", ".join("?" for _ in chunk)
                found += self._rows(f"{sql} WHERE id IN ({marks})", chunk)
            return found
        if since_seq is not None or since_time is not None:
            sql += (
                f' WHERE id IN (SELECT row_id FROM "{schema}".{tracking.CHANGES} '
                "WHERE tbl = ? AND (seq > ? OR changed_at >= ?))"
            )
            params = [table, since_seq if since_seq is not None else 1 << 62, since_time or "~"]
        return self._rows(sql, params)

    def removals(
        self,
        table: str,
        *,
        schema: str = "main",
        since_seq: int | None = None,
        since_time: str | None = None,
    ) -> list[tuple[str, str]]:
        """(row id, removed at) of the rows removed from `table` (since a sequence or time)."""
        sql = (
            f'SELECT row_id, deleted_at FROM "{schema}".{tracking.CHANGES} '
            "WHERE tbl = ? AND deleted_at IS NOT NULL"
        )
        params: list[Any] = [table]
        if since_seq is not None or since_time is not None:
            sql += " AND (seq > ? OR changed_at >= ?)"
            params += [since_seq if since_seq is not None else 1 << 62, since_time or "~"]
        return [(str(r[0]), str(r[1])) for r in self._rows(sql, params)]

    def edited(self, table: str, schema: str = "main") -> dict[str, str]:
        """{row id: base} of the rows edited in this file since they last agreed with a peer."""
        rows = self._rows(
            f'SELECT c.row_id, c.base FROM "{schema}".{tracking.CHANGES} AS c '
            f'JOIN "{schema}"."{table}" AS t ON t.id = c.row_id '
            "WHERE c.tbl = ? AND c.origin IS NULL AND c.base IS NOT NULL "
            "AND c.base IS NOT t.updated_at",
            [table],
        )
        return {str(r[0]): str(r[1]) for r in rows}

    def local(self, table: str, row_id: str) -> tuple[Row | None, LogEntry | None]:
        """The row as this file holds it, and what the change log says of it."""
        rows = self._rows(f'SELECT * FROM "{table}" WHERE id = ?', [row_id])
        log = self._rows(
            f"SELECT seq, deleted_at, origin, base FROM {tracking.CHANGES} "
            "WHERE tbl = ? AND row_id = ?",
            [table, row_id],
        )
        entry = None
        if log:
            seq, removed, origin, base = log[0]
            entry = LogEntry(int(seq), removed, origin, base)
        return (rows[0] if rows else None), entry

    def duplicates(self, table: str, key: Sequence[str]) -> list[list[Row]]:
        """Groups of rows of `table` that share every `key` column (none of them NULL)."""
        if not set(key) <= set(self.columns(table)):
            return []
        columns = ", ".join(f'"{c}"' for c in key)
        present = " AND ".join(f'"{c}" IS NOT NULL' for c in key)
        groups = self._rows(
            f'SELECT {columns} FROM "{table}" WHERE {present} '
            f"GROUP BY {columns} HAVING count(*) > 1"
        )
        match = " AND ".join(f'"{c}" = ?' for c in key)
        return [self._rows(f'SELECT * FROM "{table}" WHERE {match} ORDER BY id', g) for g in groups]

    def mark_agreed(self, table: str, ids: Iterable[str]) -> None:
        """These rows now hold what a peer holds: later local edits are judged from them."""
        for row_id in ids:
            self._run(
                f"UPDATE {tracking.CHANGES} SET origin = 'agreed', base = NULL "
                "WHERE tbl = ? AND row_id = ? AND origin IS NOT 'agreed'",
                [table, row_id],
            )

    # -- another file, attached ---------------------------------------------------------------

    def attach(self, path: Path, name: str = "other") -> None:
        self._run("ATTACH DATABASE ? AS " + name, [str(path)])

    def detach(self, name: str = "other") -> None:
        self._run("DETACH DATABASE " + name)

    def differing_ids(self, table: str, other: str = "other") -> list[str]:
        """Ids of the rows the attached file holds differently from this one or this one lacks,
        found by the session extension's table diff."""
        session = apsw.Session(self.conn, other)
        try:
            session.attach(table)
            session.diff("main", table)
            changeset = session.changeset()
        except apsw.Error as error:
            raise _explain(self.path, error) from error
        finally:
            session.close()
        key = self.columns(table).index("id")
        ids = []
        for change in apsw.Changeset.iter(changeset):
            values = change.new if change.op == "INSERT" else change.old
            if change.op in ("INSERT", "UPDATE") and values is not None:
                ids.append(str(values[key]))
        return ids

    # -- changesets ---------------------------------------------------------------------------

    def builder(self) -> ChangesetWriter:
        return ChangesetWriter(self)

    def read(self, data: bytes) -> list[Change]:
        """The changes of a changeset made by `ChangesetWriter`, fitted to this file's schema."""
        try:
            group = apsw.ChangesetBuilder()  # type: ignore[no-untyped-call]
            group.schema(self.conn, "main")
            group.add(data)
            fitted = group.output()
            group.close()
            # A change read from the iterator is valid only until the next one is read.
            found = [
                (change.name, change.op, change.new, change.old)
                for change in apsw.Changeset.iter(fitted)
            ]
        except apsw.Error as error:
            raise ChangesetUnreadable(
                self.path, f"the changeset does not fit this record ({error})"
            ) from error
        return [self._change(*found_change) for found_change in found]

    def _change(self, table: str, op: str, new: Any, old: Any) -> Change:
        columns = self.columns(table)
        if op == "INSERT" and new is not None:
            row = tuple(new)
            return Change(table, str(row[columns.index("id")]), row, None)
        if op == "DELETE" and old is not None:
            removed_at = str(old[columns.index("updated_at")])
            return Change(table, str(old[columns.index("id")]), None, removed_at)
        raise ChangesetUnreadable(self.path, "the changeset holds changes facilitate never writes")

    def apply(self, data: bytes) -> int:
        """Apply a changeset built against this file's current rows. Returns how many rows were
        left pointing at records no longer here (allowed: nothing captured is dropped)."""
        dangling = 0

        def conflict(reason: int, change: apsw.TableChange) -> int:
            nonlocal dangling
            if reason == apsw.SQLITE_CHANGESET_FOREIGN_KEY:
                dangling = int(change.fk_conflicts or 0)
                return apsw.SQLITE_CHANGESET_OMIT
            return apsw.SQLITE_CHANGESET_ABORT

        try:
            apsw.Changeset.apply(data, self.conn, conflict=conflict)
        except apsw.Error as error:
            raise StoreError(
                self.path, f"the merge could not be applied ({error}); nothing was changed."
            ) from error
        return dangling


class ChangesetWriter:
    """Builds a changeset of row versions and removals for tables of `db`'s schema."""

    def __init__(self, db: SyncDb) -> None:
        self._db = db
        self._group = apsw.ChangesetBuilder()  # type: ignore[no-untyped-call]
        self._group.schema(db.conn, "main")
        self.count = 0

    def insert(self, table: str, row: Row) -> None:
        self._group.add_insert(table, False, row)
        self.count += 1

    def removal(self, table: str, row_id: str, removed_at: str) -> None:
        columns = self._db.columns(table)
        row: list[Any] = [None] * len(columns)
        row[columns.index("id")] = row_id
        row[columns.index("updated_at")] = removed_at
        self._group.add_delete(table, False, tuple(row))
        self.count += 1

    def delete(self, table: str, row: Row) -> None:
        self._group.add_delete(table, False, row)
        self.count += 1

    def update(self, table: str, old: Row, new: Row) -> None:
        """Change a stored row `old` into `new` (same id)."""
        before: list[Any] = []
        after: list[Any] = []
        key = self._db.columns(table).index("id")
        for index, (was, now) in enumerate(zip(old, new, strict=True)):
            if index == key:
                before.append(was)
                after.append(apsw.no_change)
            elif was == now and type(was) is type(now):
                before.append(apsw.no_change)
                after.append(apsw.no_change)
            else:
                before.append(was)
                after.append(now)
        self._group.add_update(table, False, tuple(before), tuple(after))
        self.count += 1

    def output(self) -> bytes:
        data = self._group.output()
        self._group.close()
        return data
