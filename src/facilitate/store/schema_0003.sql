-- Schema 3: edit history, plus/delta, sharing log, minutes approvals, input-to-outcome links.

CREATE TABLE entry_revisions (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    entry_table TEXT NOT NULL,
    entry_id TEXT NOT NULL,
    field TEXT NOT NULL,
    old_value TEXT NOT NULL,
    new_value TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX entry_revisions_entry ON entry_revisions(entry_table, entry_id, at);

CREATE TABLE reflections (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    visibility TEXT NOT NULL
);
CREATE INDEX reflections_meeting ON reflections(meeting_id);

CREATE TABLE share_log (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    meeting_id TEXT REFERENCES meetings(id),
    series_id TEXT REFERENCES meeting_series(id),
    audience TEXT NOT NULL,
    organization_id TEXT REFERENCES organizations(id),
    document TEXT NOT NULL,
    format TEXT NOT NULL,
    path TEXT NOT NULL DEFAULT '',
    content_hash TEXT NOT NULL,
    minutes_status TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL
);
CREATE INDEX share_log_at ON share_log(at);

CREATE TABLE minutes_approvals (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    approved_in_meeting_id TEXT REFERENCES meetings(id),
    moved_by TEXT NOT NULL DEFAULT '',
    approved_by TEXT NOT NULL DEFAULT '',
    corrections TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL
);
CREATE INDEX minutes_approvals_meeting ON minutes_approvals(meeting_id);

CREATE TABLE entry_links (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    from_table TEXT NOT NULL,
    from_id TEXT NOT NULL,
    to_table TEXT NOT NULL,
    to_id TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX entry_links_from ON entry_links(from_table, from_id);
CREATE INDEX entry_links_to ON entry_links(to_table, to_id);
