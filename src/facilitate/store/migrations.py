"""Append-only, numbered schema migrations. Never edit a released migration: add the next one."""

from __future__ import annotations

from datetime import datetime
from importlib import resources

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from facilitate.models.ids import utc_text
from facilitate.store.migration_names import MIGRATION_SET

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


FIXED_WIDTH_TIMES = "0005_fixed_width_times"
# A UTC time as utc_text writes it; the rows already in this form are not read by Python.
_FIXED_WIDTH_GLOB = "????-??-??T??:??:??.??????Z"


def _fixed_width(stored: str | bytes | int | float | None) -> str | bytes | int | float | None:
    """A stored UTC time rewritten as `utc_text` writes it; anything else (a wall-clock time
    with no zone, text that is not a time) as it was."""
    if not isinstance(stored, str):
        return stored
    try:
        moment = datetime.fromisoformat(stored)
    except ValueError:
        return stored
    return utc_text(moment) if moment.tzinfo is not None else stored


@migrations(name=FIXED_WIDTH_TIMES)
def m0005_fixed_width_times(db: Database) -> None:
    """Rewrite UTC times stored before as pydantic wrote them: a whole second as "…:00Z", which
    sorted after "…:00.500000Z". Time columns are those named `at` or `…_at`, as in every
    schema so far; tables starting with "_" belong to sqlite-utils and keep their own format."""
    db.conn.create_function("facilitate_fixed_width", 1, _fixed_width, deterministic=True)
    for table in db.table_names():
        if table.startswith(("_", "sqlite_")):
            continue
        for column in db.table(table).columns:
            if column.name != "at" and not column.name.endswith("_at"):
                continue
            name = f'"{column.name}"'
            db.execute(
                f'UPDATE "{table}" SET {name} = facilitate_fixed_width({name}) '
                f"WHERE {name} NOT GLOB ? AND facilitate_fixed_width({name}) IS NOT {name}",
                [_FIXED_WIDTH_GLOB],
            )


@migrations(name="0006_decisions_as_decided")
def m0006_decisions_as_decided(db: Database) -> None:
    from facilitate.store import migration_0006

    migration_0006.upgrade(db)


@migrations(name="0007_two_laptops")
def m0007_two_laptops(db: Database) -> None:
    from facilitate.store import migration_0007

    migration_0007.upgrade(db)


@migrations(name="0008_minutes_partners_forward")
def m0008_minutes_partners_forward(db: Database) -> None:
    from facilitate.store import migration_0008

    migration_0008.upgrade(db)


@migrations(name="0009_approval_as_it_happened")
def m0009_approval_as_it_happened(db: Database) -> None:
    from facilitate.store import migration_0009

    migration_0009.upgrade(db)


@migrations(name="0010_sharing_agreements")
def m0010_sharing_agreements(db: Database) -> None:
    from facilitate.store import migration_0010

    migration_0010.upgrade(db)


@migrations(name="0011_minutes_as_boards_keep_them")
def m0011_minutes_as_boards_keep_them(db: Database) -> None:
    from facilitate.store import migration_0011

    migration_0011.upgrade(db)


@migrations(name="0012_protocol_and_tiers")
def m0012_protocol_and_tiers(db: Database) -> None:
    from facilitate.store import migration_0012

    migration_0012.upgrade(db)


@migrations(name="0013_loop_boards_agenda_out")
def m0013_loop_boards_agenda_out(db: Database) -> None:
    from facilitate.store import migration_0013

    migration_0013.upgrade(db)


@migrations(name="0014_roll_call_votes")
def m0014_roll_call_votes(db: Database) -> None:
    from facilitate.store import migration_0014

    migration_0014.upgrade(db)


@migrations(name="0015_paused_items")
def m0015_paused_items(db: Database) -> None:
    from facilitate.store import migration_0015

    migration_0015.upgrade(db)


@migrations(name="0016_table_versions")
def m0016_table_versions(db: Database) -> None:
    from facilitate.store import migration_0016

    migration_0016.upgrade(db)


def known_migration_names() -> set[str]:
    """Every migration this version of facilitate knows (all are pending on an empty database)."""
    return {m.name for m in migrations.pending(Database(memory=True))}
