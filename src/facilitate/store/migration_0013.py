"""Schema 0013: the loop, listening sessions, boards' minutes and the agenda going out.

* themes, entry_themes: themes of a series' input (`+housing`) and the entries filed under them.
* loop_responses: an answer to input that is not an entry ("we can't, because …").
* meetings: the listening session's consent statement, consent count (never names), attribution
  policy and language; how to join; a cancellation; who presided.
* meeting_series.roles_may_double: one person may hold two meeting roles when the group says so.
* agenda_items.visibility: who may see an item (a personnel matter is internal).
* attendance: capacity (member, alternate, staff, guest), voting, whom an alternate sits for,
  and how someone attended (in person, phone, video).
* offices: a body's officers with their terms, beside meeting roles.
* pre_reads: files attached to agenda items, copied into the record.
"""

from __future__ import annotations

from sqlite_utils import Database

from facilitate.store import sync_tracking

SCHEMA = """
CREATE TABLE themes (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    series_id TEXT NOT NULL REFERENCES meeting_series(id),
    name TEXT NOT NULL
);
CREATE INDEX themes_series ON themes(series_id);
CREATE TABLE entry_themes (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    theme_id TEXT NOT NULL REFERENCES themes(id),
    entry_table TEXT NOT NULL,
    entry_id TEXT NOT NULL
);
CREATE INDEX entry_themes_theme ON entry_themes(theme_id);
CREATE INDEX entry_themes_entry ON entry_themes(entry_table, entry_id);
CREATE TABLE loop_responses (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    input_table TEXT NOT NULL,
    input_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    organization_id TEXT REFERENCES organizations(id),
    responded_on TEXT,
    visibility TEXT NOT NULL,
    meeting_id TEXT REFERENCES meetings(id)
);
CREATE INDEX loop_responses_input ON loop_responses(input_table, input_id);
CREATE TABLE offices (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    body_id TEXT NOT NULL REFERENCES bodies(id),
    title TEXT NOT NULL,
    person_id TEXT NOT NULL REFERENCES people(id),
    starts_on TEXT,
    ends_on TEXT
);
CREATE INDEX offices_body ON offices(body_id);
CREATE TABLE pre_reads (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    agenda_item_id TEXT NOT NULL REFERENCES agenda_items(id),
    file_name TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    content BLOB NOT NULL
);
CREATE INDEX pre_reads_item ON pre_reads(agenda_item_id);
ALTER TABLE meetings ADD COLUMN consent_statement TEXT NOT NULL DEFAULT '';
ALTER TABLE meetings ADD COLUMN consent_count INTEGER;
ALTER TABLE meetings ADD COLUMN attribution_policy TEXT NOT NULL DEFAULT 'none';
ALTER TABLE meetings ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
ALTER TABLE meetings ADD COLUMN join_info TEXT NOT NULL DEFAULT '';
ALTER TABLE meetings ADD COLUMN cancelled_at TEXT;
ALTER TABLE meetings ADD COLUMN cancel_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE meetings ADD COLUMN presided_by_person_id TEXT REFERENCES people(id);
ALTER TABLE meeting_series ADD COLUMN roles_may_double INTEGER NOT NULL DEFAULT 0;
ALTER TABLE agenda_items ADD COLUMN visibility TEXT NOT NULL DEFAULT 'partners';
ALTER TABLE attendance ADD COLUMN capacity TEXT NOT NULL DEFAULT 'member';
ALTER TABLE attendance ADD COLUMN voting INTEGER NOT NULL DEFAULT 1;
ALTER TABLE attendance ADD COLUMN for_person_id TEXT REFERENCES people(id);
ALTER TABLE attendance ADD COLUMN mode TEXT NOT NULL DEFAULT 'in_person';
"""


def upgrade(db: Database) -> None:
    """Create the tables and columns, and track them for sync like every other."""
    # sqlite-utils' executescript stays inside the migration's transaction (sqlite3's would commit).
    db.executescript(SCHEMA)
    sync_tracking.track_new_tables(db)
