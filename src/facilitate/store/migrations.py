"""Append-only, numbered schema migrations. Never edit a released migration: add the next one."""

from __future__ import annotations

from importlib import resources

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATION_SET = "facilitate"

migrations = Migrations(MIGRATION_SET)

# Captured text that people look for later. Each table gets an FTS5 index kept current by triggers.
FTS_COLUMNS: dict[str, list[str]] = {
    "notes": ["text"],
    "decisions": ["text", "rationale"],
    "action_items": ["text"],
}


def _run_script(db: Database, name: str) -> None:
    script = resources.files("facilitate.store").joinpath(name).read_text("utf-8")
    # sqlite-utils' executescript stays inside the migration's transaction (sqlite3's would commit).
    db.executescript(script)


@migrations(name="0001_record")
def m0001_record(db: Database) -> None:
    _run_script(db, "schema_0001.sql")


@migrations(name="0002_search")
def m0002_search(db: Database) -> None:
    for table, columns in FTS_COLUMNS.items():
        # Porter stemming: a search for "form" also finds "forms" and "forming".
        db.table(table).enable_fts(
            columns, fts_version="FTS5", create_triggers=True, tokenize="porter"
        )


@migrations(name="0003_follow_through")
def m0003_follow_through(db: Database) -> None:
    _run_script(db, "schema_0003.sql")


@migrations(name="0004_set_up")
def m0004_set_up(db: Database) -> None:
    _run_script(db, "schema_0004.sql")


def known_migration_names() -> set[str]:
    """Every migration this version of facilitate knows (all are pending on an empty database)."""
    return {m.name for m in migrations.pending(Database(memory=True))}
