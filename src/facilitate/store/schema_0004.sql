-- Schema 4: a partnership sets itself up. Quorum as a fraction of members or by sector, a
-- series' cadence and default place, and retiring (organizations, bodies, series) without
-- deleting the history that points at them.

ALTER TABLE organizations ADD COLUMN active INTEGER NOT NULL DEFAULT 1;

ALTER TABLE bodies ADD COLUMN quorum_fraction REAL;
ALTER TABLE bodies ADD COLUMN quorum_org_kinds TEXT NOT NULL DEFAULT '[]';
ALTER TABLE bodies ADD COLUMN archived INTEGER NOT NULL DEFAULT 0;

ALTER TABLE meeting_series ADD COLUMN cadence TEXT NOT NULL DEFAULT '';
ALTER TABLE meeting_series ADD COLUMN default_place TEXT NOT NULL DEFAULT '';
ALTER TABLE meeting_series ADD COLUMN neutral_venue INTEGER NOT NULL DEFAULT 0;
ALTER TABLE meeting_series ADD COLUMN archived INTEGER NOT NULL DEFAULT 0;
