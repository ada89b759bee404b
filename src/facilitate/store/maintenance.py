"""Backups and health checks of the database file."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from facilitate.store.errors import StoreError, explain
from facilitate.store.records import Store


def backup(store: Store, destination: Path) -> Path:
    """Copy the database through SQLite's online backup API: consistent even while a writer works.

    A folder as destination gets a dated file name inside it. An existing file is never replaced.
    """
    destination = destination.expanduser()
    if destination.is_dir():
        stamp = datetime.now().strftime("%Y-%m-%d-%H%M%S")
        destination = destination / f"{store.path.stem}-{stamp}.db"
    if destination.exists():
        raise StoreError(destination, "a file already exists here; choose another name.")
    try:
        fd = os.open(destination, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except OSError as error:
        raise StoreError(destination, f"cannot create the backup: {error.strerror}.") from error
    os.close(fd)
    target = sqlite3.connect(str(destination))
    try:
        store.conn.backup(target)
    except sqlite3.Error as error:
        target.close()
        destination.unlink(missing_ok=True)
        raise explain(store.path, error) from error
    target.close()
    return destination


def integrity_problems(store: Store) -> list[str]:
    """What SQLite's full integrity check reports; an empty list means the file is sound."""
    rows = store.query("PRAGMA integrity_check")
    problems = [str(next(iter(row.values()))) for row in rows]
    problems = [p for p in problems if p != "ok"]
    problems += [
        f"foreign key: {row['table']} row {row['rowid']} points to a missing {row['parent']} row"
        for row in store.query("PRAGMA foreign_key_check")
    ]
    return problems


def table_counts(store: Store) -> dict[str, int]:
    """Rows per table of the record (search indexes and bookkeeping left out)."""
    names = [
        row["name"]
        for row in store.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%_fts%' "
            "AND name NOT LIKE '\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    return {name: int(store.query(f'SELECT count(*) AS n FROM "{name}"')[0]["n"]) for name in names}
