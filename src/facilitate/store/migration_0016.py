"""Schema 0016: a change counter per table for the tables the room is read from (issue #15).

* `_table_versions` and three triggers on each counted table (see store/table_versions.py), so a
  second window's commit of a note no longer makes this window redo its quorum and room reads.
"""

from __future__ import annotations

from sqlite_utils import Database

from facilitate.store import table_versions


def upgrade(db: Database) -> None:
    """Create the counters and their triggers."""
    # sqlite-utils' executescript stays inside the migration's transaction (sqlite3's would commit).
    db.executescript(table_versions.install_sql())
