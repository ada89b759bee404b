"""Schema 0012: the communication protocol and tiers that report up.

* communication_protocol: per body, what goes out after a meeting (draft minutes, approved
  minutes, action reminders), to which audience, within how many days, from which date on.
* reporting_lines: which body reports to which, and what the higher body may see.
* reports_up: each report accepted onto a higher body's agenda, and what it covered.

Referrals need no table: an EntryLink joins a referred decision to the agenda item that took it
up, and the other body's decision back to the referred one.
"""

from __future__ import annotations

from sqlite_utils import Database

from facilitate.store import sync_tracking

SCHEMA = """
CREATE TABLE communication_protocol (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    body_id TEXT NOT NULL REFERENCES bodies(id),
    duty TEXT NOT NULL,
    audience TEXT NOT NULL,
    days INTEGER NOT NULL,
    since TEXT NOT NULL
);
CREATE INDEX communication_protocol_body ON communication_protocol(body_id, duty);
CREATE TABLE reporting_lines (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    body_id TEXT NOT NULL REFERENCES bodies(id),
    reports_to_body_id TEXT NOT NULL REFERENCES bodies(id),
    audience TEXT NOT NULL
);
CREATE INDEX reporting_lines_body ON reporting_lines(body_id);
CREATE TABLE reports_up (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    from_body_id TEXT NOT NULL REFERENCES bodies(id),
    to_body_id TEXT NOT NULL REFERENCES bodies(id),
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    agenda_item_id TEXT NOT NULL REFERENCES agenda_items(id),
    covers_until TEXT NOT NULL
);
CREATE INDEX reports_up_from ON reports_up(from_body_id, covers_until);
"""


def upgrade(db: Database) -> None:
    """Create the tables, and track them for sync like every other."""
    # sqlite-utils' executescript stays inside the migration's transaction (sqlite3's would commit).
    db.executescript(SCHEMA)
    sync_tracking.track_new_tables(db)
