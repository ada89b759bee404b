-- Schema 1: the whole record. Frozen once released: later changes go in new numbered migrations.
-- Ids are UUID text so two offline copies can be merged; timestamps are ISO-8601 UTC text.

CREATE TABLE organizations (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    name TEXT NOT NULL,
    short_name TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT ''
);

CREATE TABLE people (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    name TEXT NOT NULL,
    organization_id TEXT REFERENCES organizations(id),
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1,
    willing_roles TEXT NOT NULL DEFAULT '[]',
    ready_roles TEXT NOT NULL DEFAULT '[]',
    unavailable TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX people_organization ON people(organization_id);

CREATE TABLE bodies (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    name TEXT NOT NULL,
    short_name TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    quorum_count INTEGER,
    quorum_organization_ids TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE memberships (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    body_id TEXT NOT NULL REFERENCES bodies(id),
    person_id TEXT NOT NULL REFERENCES people(id),
    role TEXT NOT NULL DEFAULT 'member',
    start_date TEXT,
    end_date TEXT
);
CREATE INDEX memberships_body ON memberships(body_id);
CREATE INDEX memberships_person ON memberships(person_id);

CREATE TABLE ground_rule_sets (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    series_id TEXT,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT ''
);

CREATE TABLE ground_rule_set_versions (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    set_id TEXT NOT NULL REFERENCES ground_rule_sets(id),
    version INTEGER NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    UNIQUE (set_id, version)
);

CREATE TABLE ground_rules (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version_id TEXT NOT NULL REFERENCES ground_rule_set_versions(id),
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    short TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ground_rules_version ON ground_rules(version_id);

CREATE TABLE meeting_series (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    body_id TEXT NOT NULL REFERENCES bodies(id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    default_template TEXT NOT NULL DEFAULT '',
    default_minutes INTEGER NOT NULL DEFAULT 90,
    ground_rule_set_id TEXT REFERENCES ground_rule_sets(id),
    roles TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX meeting_series_body ON meeting_series(body_id);

CREATE TABLE meetings (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    series_id TEXT NOT NULL REFERENCES meeting_series(id),
    title TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    minutes INTEGER NOT NULL,
    location TEXT NOT NULL DEFAULT '',
    neutral_venue INTEGER NOT NULL DEFAULT 0,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    ground_rule_version_id TEXT REFERENCES ground_rule_set_versions(id),
    opened_at TEXT,
    closed_at TEXT,
    current_item_id TEXT,
    approved_at TEXT,
    approved_in_meeting_id TEXT,
    next_meeting_date TEXT
);
CREATE INDEX meetings_series_start ON meetings(series_id, starts_at);
CREATE INDEX meetings_status ON meetings(status);

CREATE TABLE agenda_items (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    position REAL NOT NULL,
    title TEXT NOT NULL,
    purpose TEXT NOT NULL,
    desired_outcome TEXT NOT NULL DEFAULT '',
    minutes INTEGER NOT NULL,
    lead_person_id TEXT REFERENCES people(id),
    lead_organization_id TEXT REFERENCES organizations(id),
    lead_text TEXT NOT NULL DEFAULT '',
    proposed_by_person_id TEXT REFERENCES people(id),
    proposed_by_organization_id TEXT REFERENCES organizations(id),
    proposed_on TEXT,
    prompts TEXT NOT NULL DEFAULT '[]',
    notes TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL,
    started_at TEXT,
    ended_at TEXT,
    extended_minutes INTEGER NOT NULL DEFAULT 0,
    carried_from_item_id TEXT
);
CREATE INDEX agenda_items_meeting ON agenda_items(meeting_id, position);

CREATE TABLE role_assignments (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    role_key TEXT NOT NULL,
    person_id TEXT REFERENCES people(id),
    suggested_person_id TEXT REFERENCES people(id),
    why TEXT NOT NULL DEFAULT '',
    override_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX role_assignments_meeting ON role_assignments(meeting_id);
CREATE INDEX role_assignments_person ON role_assignments(person_id);

CREATE TABLE attendance (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    person_id TEXT REFERENCES people(id),
    guest_name TEXT NOT NULL DEFAULT '',
    organization_id TEXT REFERENCES organizations(id),
    status TEXT NOT NULL,
    arrived_at TEXT,
    left_at TEXT
);
CREATE INDEX attendance_meeting ON attendance(meeting_id);

CREATE TABLE rule_invocations (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    ground_rule_id TEXT NOT NULL REFERENCES ground_rules(id),
    agenda_item_id TEXT,
    at TEXT NOT NULL
);
CREATE INDEX rule_invocations_meeting ON rule_invocations(meeting_id);

CREATE TABLE notes (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    agenda_item_id TEXT REFERENCES agenda_items(id),
    text TEXT NOT NULL,
    visibility TEXT NOT NULL,
    attribution TEXT NOT NULL,
    attributed_person_id TEXT REFERENCES people(id),
    attributed_organization_id TEXT REFERENCES organizations(id)
);
CREATE INDEX notes_meeting ON notes(meeting_id, created_at);

CREATE TABLE decisions (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    agenda_item_id TEXT REFERENCES agenda_items(id),
    text TEXT NOT NULL,
    visibility TEXT NOT NULL,
    method TEXT NOT NULL,
    outcome TEXT NOT NULL,
    votes_for INTEGER,
    votes_against INTEGER,
    abstentions INTEGER,
    distribution TEXT NOT NULL DEFAULT '{}',
    stand_asides TEXT NOT NULL DEFAULT '[]',
    blocks TEXT NOT NULL DEFAULT '[]',
    rationale TEXT NOT NULL DEFAULT '',
    review_date TEXT
);
CREATE INDEX decisions_meeting ON decisions(meeting_id, created_at);

CREATE TABLE action_items (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    agenda_item_id TEXT REFERENCES agenda_items(id),
    text TEXT NOT NULL,
    visibility TEXT NOT NULL,
    owner_person_id TEXT REFERENCES people(id),
    owner_text TEXT NOT NULL DEFAULT '',
    organization_id TEXT REFERENCES organizations(id),
    due TEXT,
    status TEXT NOT NULL
);
CREATE INDEX action_items_meeting ON action_items(meeting_id, created_at);
CREATE INDEX action_items_status_due ON action_items(status, due);
CREATE INDEX action_items_owner ON action_items(owner_person_id);

CREATE TABLE action_updates (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    action_id TEXT NOT NULL REFERENCES action_items(id),
    meeting_id TEXT REFERENCES meetings(id),
    status TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL
);
CREATE INDEX action_updates_action ON action_updates(action_id, at);

CREATE TABLE parking_lot (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    agenda_item_id TEXT REFERENCES agenda_items(id),
    text TEXT NOT NULL,
    visibility TEXT NOT NULL,
    follow_up_person_id TEXT REFERENCES people(id),
    resolved INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX parking_lot_meeting ON parking_lot(meeting_id);
