"""Schema 0007: two laptops, one record.

Adds the local bookkeeping a merge needs (see `sync_tracking`): the partnership's identity, the
change log kept by triggers on every table of the record, and what each peer laptop has received.
All of it is named with a leading "_" and never travels or counts in a comparison.
"""

from __future__ import annotations

import uuid

from sqlite_utils import Database

from facilitate.store import sync_tracking

# Tables whose oldest row names a partnership: set up before anything else is recorded.
_FOUNDING_TABLES = ("organizations", "bodies", "people")
# Stable across laptops: copies of one record migrated separately get the same identity.
_NAMESPACE = uuid.UUID("6f1c0a52-3f7e-4c1e-9a57-1d6f0c8b7e21")


def partnership_identity(db: Database) -> str:
    """A record that already holds a partnership is named after its oldest founding row, so two
    copies upgraded on two laptops agree; a new, empty record gets a fresh random identity."""
    oldest: tuple[str, str] | None = None
    for table in _FOUNDING_TABLES:
        row = db.execute(f"SELECT created_at, id FROM {table} ORDER BY created_at, id LIMIT 1")
        found = row.fetchone()
        if found is not None and (oldest is None or tuple(found) < oldest):
            oldest = (str(found[0]), str(found[1]))
    if oldest is None:
        return str(uuid.uuid4())
    return str(uuid.uuid5(_NAMESPACE, oldest[1]))


def upgrade(db: Database) -> None:
    """Create the bookkeeping tables, name the partnership and start tracking every table."""
    db.executescript(sync_tracking.BOOKKEEPING_SQL)
    db.execute(
        f"INSERT OR IGNORE INTO {sync_tracking.LOCAL} (key, value) VALUES ('partnership_id', ?)",
        [partnership_identity(db)],
    )
    master = [(str(name), sql) for name, sql in db.execute(sync_tracking.MASTER_QUERY)]
    triggers = [str(name) for (name,) in db.execute(sync_tracking.TRIGGER_QUERY)]
    sync_tracking.install(
        db.execute,
        master,
        lambda table: [column.name for column in db.table(table).columns],
        triggers,
    )
