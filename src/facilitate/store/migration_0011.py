"""Schema 0011: minutes as boards keep them (issue #17).

* decisions: a motion's mover and seconder and its amendments, as JSON lists like the other
  positions on a decision. Decisions recorded before keep '[]': nobody was recorded as moving
  them.
* action_items: owners after the first (co_owners, JSON) and whether the whole body owns it.
"""

from __future__ import annotations

from sqlite_utils import Database

from facilitate.store import sync_tracking

SCHEMA = """
ALTER TABLE decisions ADD COLUMN moved_by TEXT NOT NULL DEFAULT '[]';
ALTER TABLE decisions ADD COLUMN seconded_by TEXT NOT NULL DEFAULT '[]';
ALTER TABLE decisions ADD COLUMN amendments TEXT NOT NULL DEFAULT '[]';
ALTER TABLE action_items ADD COLUMN co_owners TEXT NOT NULL DEFAULT '[]';
ALTER TABLE action_items ADD COLUMN whole_body INTEGER NOT NULL DEFAULT 0;
"""


def upgrade(db: Database) -> None:
    """Add the columns, and reinstall the sync triggers so they carry the new columns too."""
    # sqlite-utils' executescript stays inside the migration's transaction (sqlite3's would commit).
    db.executescript(SCHEMA)
    sync_tracking.track_new_tables(db)
