"""Opening the database file: the only way in.

`open_db` checks the file before anything can write to it, sets the pragmas that make every saved
entry durable, and brings the schema up to date. A file it refuses is left byte-identical.
"""

from __future__ import annotations

import os
import shlex
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from facilitate.store.errors import (
    DatabaseCorrupt,
    DatabaseEmpty,
    DatabaseForeign,
    DatabaseMissing,
    DatabaseReadOnly,
    DatabaseTooNew,
    StoreError,
    explain,
)
from facilitate.store.migration_names import MIGRATION_NAMES, MIGRATION_SET

if TYPE_CHECKING:
    from sqlite_utils import Database

SQLITE_MAGIC = b"SQLite format 3\x00"
DEFAULT_BUSY_TIMEOUT_MS = 5000
# sqlite-utils' bookkeeping of applied migrations, shared by every application that uses it.
MIGRATIONS_TABLE = "_sqlite_migrations"
# How many of another application's tables a refusal names.
_TABLES_NAMED = 6

# Files this process has open through open_db, by (device, inode). Closing *any* descriptor of a
# file drops every POSIX lock the process holds on it, so the header check, which opens the file
# with Python, must not run on a file a Store here is using: SQLite's own connections share
# their locks safely.
_open_here: dict[tuple[int, int], int] = {}


def _identity(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return (stat.st_dev, stat.st_ino)


def track_open(path: Path) -> None:
    key = _identity(path)
    _open_here[key] = _open_here.get(key, 0) + 1


def track_close(path: Path) -> None:
    try:
        key = _identity(path)
    except OSError:
        return
    if _open_here.get(key, 0) <= 1:
        _open_here.pop(key, None)
    else:
        _open_here[key] -= 1


def _create_private_file(path: Path) -> None:
    """Create an empty file only its owner can read: meeting records hold confidential text."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    except OSError as error:
        raise StoreError(path, f"cannot create the database file: {error.strerror}.") from error
    os.close(fd)


def _not_started(path: Path, what: str) -> DatabaseEmpty:
    return DatabaseEmpty(
        path,
        f"{what}: not a facilitate record yet; "
        f"run `facilitate --db {shlex.quote(str(path))}` to start one.",
    )


def _check_file(path: Path, *, write: bool, create: bool) -> None:
    """Refuse a file that is not ours before SQLite touches it (SQLite would rewrite headers).

    An empty file becomes a record only when the caller may start one (`create`): a command that
    only reads must leave it as it is.
    """
    if path.is_dir():
        raise StoreError(path, "this is a folder, not a database file. Name a file instead.")
    if not create and path.stat().st_size == 0:
        raise _not_started(path, "this file is empty")
    head = b""
    if _identity(path) not in _open_here:
        try:
            with path.open("rb") as handle:
                head = handle.read(len(SQLITE_MAGIC))
        except PermissionError as error:
            raise DatabaseReadOnly(path, "permission denied: cannot read this file.") from error
    if head and head != SQLITE_MAGIC:
        raise DatabaseCorrupt(
            path,
            "this file is not a facilitate database (it is not an SQLite file). "
            "It was left untouched; check the path, or restore from a backup.",
        )
    if write and not os.access(path, os.W_OK):
        raise DatabaseReadOnly(
            path,
            "the database file is read-only. Make it writable (chmod u+w) or copy it somewhere "
            "you can write; nothing was changed.",
        )


def _refuse_what_is_not_ours(path: Path, *, create: bool, busy_timeout_ms: int) -> set[str]:
    """Read (never write) the file's schema and refuse it unless facilitate may change it; the
    names of the migrations already applied to it."""
    companions = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    existed = [c.exists() for c in companions]
    try:
        return _read_schema_or_refuse(path, create=create, busy_timeout_ms=busy_timeout_ms)
    except StoreError:
        # A read-only connection cannot tidy up the -wal/-shm it made; a refused file is left
        # exactly as it was found.
        for companion, was_there in zip(companions, existed, strict=True):
            if not was_there:
                companion.unlink(missing_ok=True)
        raise


def _named(tables: list[str]) -> str:
    shown = ", ".join(tables[:_TABLES_NAMED])
    more = len(tables) - _TABLES_NAMED
    return f"{shown} and {more} more" if more > 0 else shown


def _read_schema_or_refuse(path: Path, *, create: bool, busy_timeout_ms: int) -> set[str]:
    """Refuse another application's database, one written by a newer facilitate, and, unless
    `create`, a SQLite file with no tables yet; return the facilitate migrations applied."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=busy_timeout_ms / 1000)
    except sqlite3.Error as error:
        raise explain(path, error) from error
    try:
        tables = sorted(
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
            )
        )
        applied: set[str] = set()
        other_sets = 0
        if MIGRATIONS_TABLE in tables:
            for name, migration_set in conn.execute(
                f"SELECT name, migration_set FROM {MIGRATIONS_TABLE}"
            ):
                if migration_set == MIGRATION_SET:
                    applied.add(name)
                else:
                    other_sets += 1
    except sqlite3.Error as error:
        raise explain(path, error) from error
    finally:
        conn.close()
    if not applied:
        # No facilitate migration ran here: someone else's tables, or nothing at all yet (a
        # bookkeeping table alone is a first start of ours that stopped before its schema).
        theirs = [name for name in tables if name != MIGRATIONS_TABLE]
        if theirs or other_sets:
            raise DatabaseForeign(
                path,
                f"this is a SQLite database of another application (tables: "
                f"{_named(theirs or tables)}), not a facilitate record; "
                "facilitate left it untouched.",
            )
        if not create:
            raise _not_started(path, "this SQLite database is empty")
        return applied
    unknown = sorted(applied - set(MIGRATION_NAMES))
    if unknown:
        raise DatabaseTooNew(
            path,
            "this database was written by a newer version of facilitate "
            f"(schema {unknown[-1]}). Upgrade facilitate to open it; the file was left untouched.",
        )
    return applied


def connect(path: Path, *, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS) -> sqlite3.Connection:
    """A connection with the pragmas every facilitate connection needs. Use `open_db`."""
    conn = sqlite3.connect(str(path), timeout=busy_timeout_ms / 1000, check_same_thread=False)
    try:
        # WAL lets a second window read while one writes; FULL makes a commit survive power loss.
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        isolation, conn.isolation_level = conn.isolation_level, None
        try:
            conn.execute("PRAGMA journal_mode = WAL")  # refused inside a transaction
        finally:
            conn.isolation_level = isolation
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.Error as error:
        conn.close()
        raise explain(path, error) from error
    return conn


def as_database(conn: sqlite3.Connection) -> Database:
    """sqlite-utils' view of an open connection, for migrations and the tests' schema checks.
    Imported only then: sqlite-utils costs every command ~20 ms of start-up."""
    from sqlite_utils import Database

    return Database(conn, execute_plugins=False)


def _migrate(conn: sqlite3.Connection) -> None:
    """Apply every migration the file lacks (sqlite-utils checks again on this connection)."""
    from facilitate.store.migrations import migrations

    db = as_database(conn)
    if migrations.pending(db):
        migrations.apply(db)


def open_db(
    path: Path | str,
    *,
    create: bool = True,
    busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
) -> sqlite3.Connection:
    """Open the database at `path`, migrated to the current schema. With `create` (the app and
    set-up), a missing file is made (private) and an empty one becomes a new record, keeping the
    mode its owner gave it; without it, both are refused.

    Raises a `StoreError` subclass with a message for the user when the file is missing, empty,
    locked, read-only, not a database, another application's, damaged or written by a newer
    facilitate. It is never altered then.
    """
    path = Path(path).expanduser()
    if not path.exists():
        if not create:
            raise DatabaseMissing(
                path,
                "no database here. Check the path, or run `facilitate demo` to start a sample one.",
            )
        _create_private_file(path)
    _check_file(path, write=True, create=create)
    applied = _refuse_what_is_not_ours(path, create=create, busy_timeout_ms=busy_timeout_ms)
    conn = connect(path, busy_timeout_ms=busy_timeout_ms)
    try:
        if not applied.issuperset(MIGRATION_NAMES):
            _migrate(conn)
    except sqlite3.Error as error:
        conn.close()
        raise explain(path, error) from error
    track_open(path)
    return conn
