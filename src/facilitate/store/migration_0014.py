"""Schema 0014: roll-call votes (issue #17).

* decisions.roll_call: each member's vote in the order called (JSON, like the other positions on
  a decision); '[]' for decisions not voted by roll call, which is every decision recorded before.
"""

from __future__ import annotations

from sqlite_utils import Database

from facilitate.store import sync_tracking

SCHEMA = """
ALTER TABLE decisions ADD COLUMN roll_call TEXT NOT NULL DEFAULT '[]';
"""


def upgrade(db: Database) -> None:
    """Add the column, and reinstall the sync triggers so they carry it too."""
    # sqlite-utils' executescript stays inside the migration's transaction (sqlite3's would commit).
    db.executescript(SCHEMA)
    sync_tracking.track_new_tables(db)
