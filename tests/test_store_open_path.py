"""Opening a file: the list of migration names read before opening (so that an up-to-date file
needs no migration code) is the list of migrations registered, and a file is brought up to date
whatever it lacks."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from facilitate.store import Store
from facilitate.store import migrations as registered
from facilitate.store.migration_names import MIGRATION_NAMES, MIGRATION_SET


def test_the_names_read_at_opening_are_every_registered_migration_in_order() -> None:
    names = [m.name for m in registered.migrations.pending(Database(memory=True))]
    assert list(MIGRATION_NAMES) == names, (
        "a migration was added to store/migrations.py: add its name to store/migration_names.py"
    )
    assert registered.migrations.name == MIGRATION_SET


def test_a_new_file_gets_every_migration_and_a_second_opening_none(db_path: Path) -> None:
    Store.open(db_path).close()
    conn = sqlite3.connect(db_path)
    applied = [row[0] for row in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY rowid")]
    conn.close()
    assert applied == list(MIGRATION_NAMES)
    store = Store.open(db_path)
    try:
        assert [r["name"] for r in store.query("SELECT name FROM _sqlite_migrations")] == applied
        assert store.query("PRAGMA journal_mode")[0]["journal_mode"] == "wal"
    finally:
        store.close()


def test_the_store_still_offers_sqlite_utils_view_of_its_connection(store: Store) -> None:
    """Tests and migrations read the schema through sqlite-utils; the store's own reads and
    writes use the same connection, so both see the same transaction."""
    with store.transaction():
        store.conn.execute("CREATE TABLE scratch (x)")
        assert "scratch" in store.db.table_names()
    assert store.db.conn is store.conn
