"""Schema 0015: the time an agenda item was paused (issue #17, items taken in any order).

* agenda_items.paused_seconds: time the item spent paused between its first take and now, so its
  timer counts only the time it was current while `started_at` stays when it was first taken
  (the minutes print items in the order taken).
"""

from __future__ import annotations

from sqlite_utils import Database

from facilitate.store import sync_tracking

SCHEMA = """
ALTER TABLE agenda_items ADD COLUMN paused_seconds INTEGER NOT NULL DEFAULT 0;
"""


def upgrade(db: Database) -> None:
    """Add the column, and reinstall the sync triggers so they carry it too."""
    # sqlite-utils' executescript stays inside the migration's transaction (sqlite3's would commit).
    db.executescript(SCHEMA)
    sync_tracking.track_new_tables(db)
