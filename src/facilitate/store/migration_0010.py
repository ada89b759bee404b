"""Schema 0010: the partnership's own sharing rules.

* sharing_agreements: what each partner organization agreed to receive (for every body, or for
  one), version by version, with its adoption and review dates.
* share_log: the agreement version each export followed, and the coordinator's reason when an
  export went beyond it. Exports logged before keep NULL and "": no agreement was consulted.
  And, for a calendar invitation, the schedule it carried (start, length, place, zone), from
  which the next invitation's SEQUENCE is counted.
"""

from __future__ import annotations

from sqlite_utils import Database

from facilitate.store import sync_tracking

SCHEMA = """
CREATE TABLE sharing_agreements (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    organization_id TEXT NOT NULL REFERENCES organizations(id),
    body_id TEXT REFERENCES bodies(id),
    version INTEGER NOT NULL,
    highest TEXT NOT NULL,
    excluded_kinds TEXT NOT NULL DEFAULT '[]',
    distribution TEXT NOT NULL DEFAULT '[]',
    adopted_on TEXT NOT NULL,
    adopting_decision_id TEXT REFERENCES decisions(id),
    review_on TEXT,
    notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sharing_agreements_organization ON sharing_agreements(organization_id, version);
ALTER TABLE share_log ADD COLUMN agreement_version INTEGER;
ALTER TABLE share_log ADD COLUMN beyond_agreement_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE share_log ADD COLUMN schedule TEXT NOT NULL DEFAULT '';
"""


def upgrade(db: Database) -> None:
    """Create the table and columns, and track the new table for sync like every other."""
    # sqlite-utils' executescript stays inside the migration's transaction (sqlite3's would commit).
    db.executescript(SCHEMA)
    sync_tracking.track_new_tables(db)
