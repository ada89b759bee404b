"""Schema 0008: what the minutes need to be forwarded as they are.

- `settings`: partnership-wide values set once, one row per setting, its name as the id (the
  coordinator's name and address that sign every e-mail draft, the time zone meetings are held
  in).
- `organization_languages`: the language a partner organization's packets are written in, for
  those that prefer one other than English; the row's id is the organization's. A table of its
  own rather than a column on `organizations`: records are read into models that refuse unknown
  columns, and an organization with no row simply reads English.

Both have `id` and `updated_at`, so they travel between two laptops like every table of the
record (store/sync_tracking.py), the newer value winning.
"""

from __future__ import annotations

from sqlite_utils import Database

SCHEMA = """
CREATE TABLE settings (
    id TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE organization_languages (
    id TEXT PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
"""


def upgrade(db: Database) -> None:
    """Create the two tables; nothing existing changes."""
    # sqlite-utils' executescript stays inside the migration's transaction (sqlite3's would commit).
    db.executescript(SCHEMA)
