"""Which tables travel between laptops, and the triggers that note every change to them.

The app writes through Python's sqlite3 and the merge reads through APSW, so SQLite's session
extension cannot record the app's changes as they happen. Instead every replicated table has
three small triggers that keep `_sync_changes` current: one row per record, with a local
sequence number (what changed since an export), the time a removal happened (removals travel as
removals) and where the row's version came from (edited here, or as a peer has it: the base a
conflict is judged against). Any connection's writes fire them, whichever library made it.

Replicated: every table of the record except SQLite's own, sqlite-utils' and our bookkeeping
(names starting with "_"), and full-text indexes (virtual tables and their shadow tables), which
their own triggers rebuild from the rows. A table needs an `id` and an `updated_at` column.
New columns need nothing here; a new table gets its triggers the next time a sync runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

from collections.abc import Callable, Iterable, Sequence
from typing import Any

CHANGES = "_sync_changes"
LOCAL = "_sync_local"
PEERS = "_sync_peers"

# A UTC time as the store writes it (fixed width, to the microsecond), computed by SQLite.
_NOW = "(strftime('%Y-%m-%dT%H:%M:%f', 'now') || '000Z')"
_NEXT_SEQ = f"(SELECT coalesce(max(seq), 0) + 1 FROM {CHANGES})"
_COLUMNS = "(tbl, row_id, seq, changed_at, deleted_at, origin, base)"

BOOKKEEPING_SQL = f"""
CREATE TABLE IF NOT EXISTS {LOCAL} (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS {CHANGES} (
    tbl TEXT NOT NULL,
    row_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    changed_at TEXT NOT NULL,
    deleted_at TEXT,
    origin TEXT,
    base TEXT,
    PRIMARY KEY (tbl, row_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS {CHANGES}_seq ON {CHANGES}(seq);
CREATE TABLE IF NOT EXISTS {PEERS} (
    laptop_id TEXT PRIMARY KEY,
    label TEXT NOT NULL DEFAULT '',
    received_through INTEGER NOT NULL DEFAULT 0,
    acked_through INTEGER NOT NULL DEFAULT 0,
    last_seen TEXT NOT NULL DEFAULT ''
);
"""
"""Local bookkeeping: never merged, never compared (the "_" prefix keeps it out)."""


def is_replicated(name: str, sql: str | None, virtual: Iterable[str]) -> bool:
    """A table of the record, as opposed to bookkeeping or a search index."""
    if name.startswith(("_", "sqlite_")):
        return False
    if (sql or "").upper().startswith("CREATE VIRTUAL TABLE"):
        return False
    return not any(name.startswith(f"{table}_") for table in virtual)


def replicated_tables(
    master: Sequence[tuple[str, str | None]], columns: Callable[[str], list[str]]
) -> list[str]:
    """The record's tables, by name, from (name, sql) rows of `sqlite_master` of type 'table'.
    `columns(table)` names a table's columns."""
    virtual = [
        name for name, sql in master if (sql or "").upper().startswith("CREATE VIRTUAL TABLE")
    ]
    return sorted(
        name
        for name, sql in master
        if is_replicated(name, sql, virtual) and {"id", "updated_at"} <= set(columns(name))
    )


MASTER_QUERY = "SELECT name, sql FROM sqlite_master WHERE type = 'table'"
TRIGGER_QUERY = (
    "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '\\_sync\\_%' ESCAPE '\\'"
)


def trigger_names(table: str) -> list[str]:
    return [f"_sync_{table}_{what}" for what in ("insert", "update", "delete")]


def tracking_sql(table: str) -> list[str]:
    """The three triggers that keep `_sync_changes` current for `table`."""
    insert, update, delete = trigger_names(table)
    quoted = f'"{table}"'
    upsert = f"INSERT INTO {CHANGES} {_COLUMNS} VALUES"
    return [
        # A new row: changed here, its own first version is the base.
        f"""CREATE TRIGGER IF NOT EXISTS "{insert}" AFTER INSERT ON {quoted} BEGIN
  {upsert} ('{table}', NEW.id, {_NEXT_SEQ}, {_NOW}, NULL, NULL, NEW.updated_at)
  ON CONFLICT (tbl, row_id) DO UPDATE SET seq = excluded.seq, changed_at = excluded.changed_at,
    deleted_at = NULL, origin = NULL, base = excluded.base;
END""",
        # An edit: the base stays the version the first edit since the last exchange started from.
        f"""CREATE TRIGGER IF NOT EXISTS "{update}" AFTER UPDATE ON {quoted} BEGIN
  {upsert} ('{table}', NEW.id, {_NEXT_SEQ}, {_NOW}, NULL, NULL, OLD.updated_at)
  ON CONFLICT (tbl, row_id) DO UPDATE SET seq = excluded.seq, changed_at = excluded.changed_at,
    deleted_at = NULL,
    base = CASE WHEN {CHANGES}.origin IS NULL THEN {CHANGES}.base ELSE excluded.base END,
    origin = NULL;
END""",
        # A removal: a tombstone no older than the version it removed (clocks tick in ms here).
        f"""CREATE TRIGGER IF NOT EXISTS "{delete}" AFTER DELETE ON {quoted} BEGIN
  {upsert} ('{table}', OLD.id, {_NEXT_SEQ}, {_NOW}, max({_NOW}, OLD.updated_at), NULL, NULL)
  ON CONFLICT (tbl, row_id) DO UPDATE SET seq = excluded.seq, changed_at = excluded.changed_at,
    deleted_at = excluded.deleted_at, origin = NULL, base = NULL;
END""",
    ]


def missing_tracking(tables: Iterable[str], triggers: Iterable[str]) -> list[str]:
    """The trigger statements still to create for `tables`, given the `_sync_*` triggers there."""
    present = set(triggers)
    statements: list[str] = []
    for table in tables:
        if not set(trigger_names(table)) <= present:
            statements.extend(tracking_sql(table))
    return statements


def install(
    execute: Callable[[str], Any],
    master: Sequence[tuple[str, str | None]],
    columns: Callable[[str], list[str]],
    triggers: Iterable[str],
) -> list[str]:
    """Create whatever tracking triggers are missing; returns the tables now tracked."""
    tables = replicated_tables(master, columns)
    for statement in missing_tracking(tables, triggers):
        execute(statement)
    return tables


def track_new_tables(db: Database) -> None:
    """After a migration adds tables to a file the two-laptop sync already tracks: track them
    too (a file never synced has no change log yet, and gets its triggers when it first is)."""
    if CHANGES not in db.table_names():
        return
    master = [(str(name), sql) for name, sql in db.execute(MASTER_QUERY)]
    triggers = [str(name) for (name,) in db.execute(TRIGGER_QUERY)]
    install(db.execute, master, lambda table: [c.name for c in db.table(table).columns], triggers)
