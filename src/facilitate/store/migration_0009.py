"""Schema 0009: minutes approval as it happened.

`minutes_approvals` gains what the room did when it approved earlier minutes: who seconded, the
method (``not_recorded`` when nobody said, never a guess) with any vote counts, why minutes were
approved at another body's meeting when they were, and the decision entry the approval made in
the approving meeting. Rows written before keep their mover, "approved by" text and corrections;
their method reads "not recorded", which is what was kept.
"""

from __future__ import annotations

from sqlite_utils import Database

SCHEMA = """
ALTER TABLE minutes_approvals ADD COLUMN seconded_by TEXT NOT NULL DEFAULT '';
ALTER TABLE minutes_approvals ADD COLUMN method TEXT NOT NULL DEFAULT 'not_recorded';
ALTER TABLE minutes_approvals ADD COLUMN votes_for INTEGER;
ALTER TABLE minutes_approvals ADD COLUMN votes_against INTEGER;
ALTER TABLE minutes_approvals ADD COLUMN abstentions INTEGER;
ALTER TABLE minutes_approvals ADD COLUMN other_body_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE minutes_approvals ADD COLUMN decision_id TEXT REFERENCES decisions(id);
"""


def upgrade(db: Database) -> None:
    """Add the columns; existing rows keep what they had."""
    # sqlite-utils' executescript stays inside the migration's transaction (sqlite3's would commit).
    db.executescript(SCHEMA)
