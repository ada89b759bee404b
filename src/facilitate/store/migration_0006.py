"""Schema 6: decisions as decided, drafts of unreadable lines, ground rules in the record.

* decisions: where a decision was sent (``referred_to``), consent objections and how each was
  resolved, the reason a block was overridden, and quorum as it stood when the decision was
  taken. Stand-asides and blocks stay in their JSON columns; each may now name a person or an
  organization on record beside the name kept as typed.
* notes: ``ground_rule_id`` marks a note that records a ground rule invoked in the room.
* capture_drafts: a quick-entry line that could not be read, kept as typed until it is fixed
  or discarded.

Existing rows keep what they say: a decision stored with a method keeps it, and has no quorum
snapshot (``quorum_defined`` is NULL) because none was taken when it was recorded.
"""

from __future__ import annotations

from sqlite_utils import Database

_DECISION_COLUMNS = (
    "referred_to TEXT NOT NULL DEFAULT ''",
    "objections TEXT NOT NULL DEFAULT '[]'",
    "override_reason TEXT NOT NULL DEFAULT ''",
    "quorum_defined INTEGER",
    "quorum_met INTEGER",
    "quorum_counted INTEGER",
    "quorum_needed INTEGER",
    "quorum_missing TEXT NOT NULL DEFAULT '[]'",
    "quorum_reason TEXT NOT NULL DEFAULT ''",
)

_DRAFTS = """
CREATE TABLE capture_drafts (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    agenda_item_id TEXT REFERENCES agenda_items(id),
    line TEXT NOT NULL,
    problems TEXT NOT NULL DEFAULT '[]'
)
"""


def upgrade(db: Database) -> None:
    """Add the columns and the drafts table; runs inside the migration's transaction."""
    for column in _DECISION_COLUMNS:
        db.execute(f"ALTER TABLE decisions ADD COLUMN {column}")
    db.execute("ALTER TABLE notes ADD COLUMN ground_rule_id TEXT REFERENCES ground_rules(id)")
    db.execute(_DRAFTS)
    db.execute("CREATE INDEX capture_drafts_meeting ON capture_drafts(meeting_id, created_at)")
