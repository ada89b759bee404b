"""Opening the database file: the only way in.

`open_db` checks the file before anything can write to it, sets the pragmas that make every saved
entry durable, and brings the schema up to date. A file it refuses is left byte-identical.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from facilitate.store.errors import (
    DatabaseCorrupt,
    DatabaseMissing,
    DatabaseReadOnly,
    DatabaseTooNew,
    StoreError,
    explain,
)
from facilitate.store.migrations import MIGRATION_SET, known_migration_names, migrations

SQLITE_MAGIC = b"SQLite format 3\x00"
DEFAULT_BUSY_TIMEOUT_MS = 5000

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


def _check_file(path: Path, *, write: bool) -> None:
    """Refuse a file that is not ours before SQLite touches it (SQLite would rewrite headers)."""
    if path.is_dir():
        raise StoreError(path, "this is a folder, not a database file. Name a file instead.")
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


def _refuse_newer_schema(path: Path, busy_timeout_ms: int) -> None:
    """Read (never write) the applied migrations and refuse any this version does not know."""
    companions = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    existed = [c.exists() for c in companions]
    try:
        _read_migrations_or_refuse(path, busy_timeout_ms)
    except StoreError:
        # A read-only connection cannot tidy up the -wal/-shm it made; a refused file is left
        # exactly as it was found.
        for companion, was_there in zip(companions, existed, strict=True):
            if not was_there:
                companion.unlink(missing_ok=True)
        raise


def _read_migrations_or_refuse(path: Path, busy_timeout_ms: int) -> None:
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=busy_timeout_ms / 1000)
    except sqlite3.Error as error:
        raise explain(path, error) from error
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        if "_sqlite_migrations" not in tables:
            return
        applied = {
            row[0]
            for row in conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET]
            )
        }
    except sqlite3.Error as error:
        raise explain(path, error) from error
    finally:
        conn.close()
    unknown = sorted(applied - known_migration_names())
    if unknown:
        raise DatabaseTooNew(
            path,
            "this database was written by a newer version of facilitate "
            f"(schema {unknown[-1]}). Upgrade facilitate to open it; the file was left untouched.",
        )


def connect(path: Path, *, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS) -> Database:
    """A connection with the pragmas every facilitate connection needs. Use `open_db`."""
    conn = sqlite3.connect(str(path), timeout=busy_timeout_ms / 1000, check_same_thread=False)
    db = Database(conn, execute_plugins=False)
    try:
        # WAL lets a second window read while one writes; FULL makes a commit survive power loss.
        db.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        with db.ensure_autocommit_on():
            db.conn.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = FULL")
        db.execute("PRAGMA foreign_keys = ON")
    except sqlite3.Error as error:
        conn.close()
        raise explain(path, error) from error
    return db


def open_db(
    path: Path | str,
    *,
    create: bool = True,
    busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
) -> Database:
    """Open (and, when `create`, make) the database at `path`, migrated to the current schema.

    Raises a `StoreError` subclass with a message for the user when the file is missing, locked,
    read-only, not a database, damaged or written by a newer facilitate. It is never altered then.
    """
    path = Path(path).expanduser()
    if not path.exists():
        if not create:
            raise DatabaseMissing(
                path,
                "no database here. Check the path, or run `facilitate demo` to start a sample one.",
            )
        _create_private_file(path)
    elif path.is_file() and path.stat().st_size == 0:
        # An empty file becomes a new record: private like one we create ourselves.
        path.chmod(0o600)
    _check_file(path, write=True)
    _refuse_newer_schema(path, busy_timeout_ms)
    db = connect(path, busy_timeout_ms=busy_timeout_ms)
    try:
        if migrations.pending(db):
            migrations.apply(db)
    except sqlite3.Error as error:
        db.close()
        raise explain(path, error) from error
    track_open(path)
    return db
