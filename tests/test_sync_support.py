"""What the sync tests share: reading a whole record as plain rows, to compare two files.

Named test_sync_* to sit with the sync tests; its one test checks the comparison itself.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

ENTRY_TABLES = ("notes", "decisions", "action_items", "parking_lot")


def record_tables(conn: sqlite3.Connection) -> list[str]:
    """Every table of the record: not bookkeeping ("_…"), not SQLite's, not a search index."""
    return [
        name
        for name, sql in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
        if not name.startswith(("_", "sqlite_"))
        and "_fts" not in name
        and not str(sql).upper().startswith("CREATE VIRTUAL")
    ]


def logical(path: Path) -> dict[str, set[tuple[object, ...]]]:
    """The record as sets of rows, table by table: what two laptops must agree on."""
    conn = sqlite3.connect(path)
    try:
        return {
            table: set(conn.execute(f'SELECT * FROM "{table}"')) for table in record_tables(conn)
        }
    finally:
        conn.close()


def problems(path: Path) -> list[str]:
    """Search indexes out of step with their rows, and rows pointing at nothing."""
    conn = sqlite3.connect(path)
    try:
        found = [f"foreign key: {row}" for row in conn.execute("PRAGMA foreign_key_check")]
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%fts5%'"
        ):
            try:
                conn.execute(f'INSERT INTO "{name}"("{name}") VALUES (\'integrity-check\')')
            except sqlite3.DatabaseError as error:
                found.append(f"{name}: {error}")
        return found
    finally:
        conn.close()


def removed_ids(path: Path) -> set[str]:
    """Entries removed with their whole record kept in a revision (undo's "*" revisions)."""
    conn = sqlite3.connect(path)
    try:
        return {
            str(row[0])
            for row in conn.execute("SELECT entry_id FROM entry_revisions WHERE field = '*'")
        }
    finally:
        conn.close()


def entry_ids(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {
            str(row[0]) for table in ENTRY_TABLES for row in conn.execute(f"SELECT id FROM {table}")
        }
    finally:
        conn.close()


def copy_record(source: Path, target: Path) -> Path:
    """A copy as a USB stick would carry it: the file and any journal beside it."""
    shutil.copyfile(source, target)
    for suffix in ("-wal",):
        journal = source.with_name(source.name + suffix)
        if journal.exists():
            shutil.copyfile(journal, target.with_name(target.name + suffix))
    return target


def test_the_logical_record_leaves_out_bookkeeping_and_search_indexes(db_path: Path) -> None:
    from facilitate.store import Store

    store = Store.open(db_path)
    store.close()
    tables = set(logical(db_path))
    assert {"notes", "meetings", "entry_revisions"} <= tables
    assert not {t for t in tables if t.startswith("_") or "_fts" in t}
