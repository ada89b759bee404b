"""Read-only joins the screens and reports need. Paged or bounded; nothing loads a whole table."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from facilitate.models.enums import ActionStatus, MeetingStatus
from facilitate.store.records import Store, from_row

if TYPE_CHECKING:
    from facilitate.models import Membership

OPEN_STATUSES = tuple(s.value for s in ActionStatus if s.is_open)


@dataclass(frozen=True)
class MeetingRow:
    id: str
    title: str
    starts_at: datetime
    status: MeetingStatus
    series_name: str
    body_name: str
    location: str
    # Cancelled meetings stay listed (a cancellation can be taken back) but are never run.
    cancelled: bool = False


@dataclass(frozen=True)
class OpenActionRow:
    id: str
    text: str
    due: date | None
    status: ActionStatus
    owner: str
    organization: str
    meeting_title: str
    meeting_id: str
    series_id: str


@dataclass(frozen=True)
class SeriesRow:
    """A body with one of its series (or with none yet: series_id is None)."""

    body_id: str
    body_name: str
    body_kind: str
    members: int
    series_id: str | None
    series_name: str


# The one rule for "a member on a day", for every query that counts or lists members: started
# (or no start recorded) and not ended before the day (the end date is the last day as a
# member). `?day` is bound by name; `ms` is the memberships row.
MEMBER_ON = (
    "(ms.start_date IS NULL OR ms.start_date <= :day) "
    "AND (ms.end_date IS NULL OR ms.end_date >= :day)"
)


def current_memberships(store: Store, body_id: str, day: date) -> list[Membership]:
    """A body's memberships in effect on `day`."""
    from facilitate.models import Membership  # models load on first use (see models)

    rows = store.query(
        f"SELECT ms.* FROM memberships ms WHERE ms.body_id = :body AND {MEMBER_ON}",
        {"body": body_id, "day": day.isoformat()},
    )
    return [from_row(Membership, row) for row in rows]


def series_overview(store: Store, today: date) -> list[SeriesRow]:
    """Bodies and their series as Home lists them: archived ones left out, members counted as
    on `today` (MEMBER_ON)."""
    rows = store.query(
        f"""SELECT b.id AS body_id, COALESCE(NULLIF(b.short_name, ''), b.name) AS body_name,
                  b.kind AS body_kind,
                  (SELECT count(*) FROM memberships ms
                   WHERE ms.body_id = b.id AND {MEMBER_ON}) AS members,
                  s.id AS series_id, COALESCE(s.name, '') AS series_name
           FROM bodies b LEFT JOIN meeting_series s ON s.body_id = b.id AND NOT s.archived
           WHERE NOT b.archived
           ORDER BY b.name, s.name""",
        {"day": today.isoformat()},
    )
    return [SeriesRow(**row) for row in rows]


_MEETING_SELECT = """
    SELECT m.id, m.title, m.starts_at, m.status, s.name AS series_name, b.name AS body_name,
           m.location, m.cancelled_at IS NOT NULL AS cancelled
    FROM meetings m JOIN meeting_series s ON s.id = m.series_id JOIN bodies b ON b.id = s.body_id
"""


def _meeting_rows(rows: list[dict[str, object]]) -> list[MeetingRow]:
    return [
        MeetingRow(
            id=str(row["id"]),
            title=str(row["title"]),
            starts_at=datetime.fromisoformat(str(row["starts_at"])),
            status=MeetingStatus(str(row["status"])),
            series_name=str(row["series_name"]),
            body_name=str(row["body_name"]),
            location=str(row["location"]),
            cancelled=bool(row["cancelled"]),
        )
        for row in rows
    ]


def upcoming_meetings(store: Store, *, limit: int = 20) -> list[MeetingRow]:
    """Meetings not yet held: live ones first, then planned ones by date, whatever the date (one
    planned for a day already past is still to be run or put right, so it stays in view)."""
    rows = store.query(
        _MEETING_SELECT
        + """ WHERE m.status IN ('live', 'planned')
              ORDER BY m.status = 'live' DESC, m.starts_at LIMIT ?""",
        [limit],
    )
    return _meeting_rows(rows)


def recent_meetings(store: Store, *, limit: int = 20) -> list[MeetingRow]:
    """Meetings held (closed or approved), newest first, whatever their date: a meeting closed
    with a date still ahead is held all the same."""
    rows = store.query(
        _MEETING_SELECT
        + " WHERE m.status IN ('closed', 'approved') ORDER BY m.starts_at DESC LIMIT ?",
        [limit],
    )
    return _meeting_rows(rows)


def live_meetings(store: Store) -> list[MeetingRow]:
    """Live meetings, the one opened first first (the latest opened is last)."""
    return _meeting_rows(
        store.query(_MEETING_SELECT + " WHERE m.status = 'live' ORDER BY m.opened_at, m.id")
    )


def open_action_counts(store: Store, today: date) -> tuple[int, int]:
    """How many action items are open, and how many of those are past due."""
    marks = ", ".join("?" for _ in OPEN_STATUSES)
    row = store.query(
        f"""SELECT count(*) AS open, count(CASE WHEN due < ? THEN 1 END) AS overdue
            FROM action_items WHERE status IN ({marks})""",
        [today.isoformat(), *OPEN_STATUSES],
    )[0]
    return int(row["open"]), int(row["overdue"])


def open_actions(
    store: Store, *, series_id: str | None = None, limit: int = 500
) -> list[OpenActionRow]:
    """Open action items, earliest due first (undated last), with owner and organization names."""
    marks = ", ".join("?" for _ in OPEN_STATUSES)
    params: list[object] = list(OPEN_STATUSES)
    series_clause = ""
    if series_id is not None:
        series_clause = " AND m.series_id = ?"
        params.append(series_id)
    params.append(limit)
    rows = store.query(
        f"""SELECT a.id, a.text, a.due, a.status,
                   COALESCE(p.name, NULLIF(a.owner_text, ''), '(no owner)') AS owner,
                   COALESCE(o.short_name, o.name, po.short_name, po.name, '') AS organization,
                   m.title AS meeting_title, m.id AS meeting_id, m.series_id
            FROM action_items a
            JOIN meetings m ON m.id = a.meeting_id
            LEFT JOIN people p ON p.id = a.owner_person_id
            LEFT JOIN organizations o ON o.id = a.organization_id
            LEFT JOIN organizations po ON po.id = p.organization_id
            WHERE a.status IN ({marks}){series_clause}
            ORDER BY a.due IS NULL, a.due, owner LIMIT ?""",
        params,
    )
    return [
        OpenActionRow(
            id=row["id"],
            text=row["text"],
            due=date.fromisoformat(row["due"]) if row["due"] else None,
            status=ActionStatus(row["status"]),
            owner=row["owner"],
            organization=row["organization"],
            meeting_title=row["meeting_title"],
            meeting_id=row["meeting_id"],
            series_id=row["series_id"],
        )
        for row in rows
    ]


@dataclass(frozen=True)
class PersonAtMeeting:
    """Someone a meeting may name: a checked-in person or guest (`status` set), a current
    member of the meeting's body (`status` None, `member` true), or, from `active_people`, any
    active person of the partnership (`member` false). Someone may appear in more than one."""

    name: str
    person_id: str | None
    email: str
    # The organization they are here for: the check-in's, else their own.
    organization_id: str | None
    status: str | None
    member: bool = True


# What people_at_meeting reads, for Store.remember: keep it in step with the query below.
PEOPLE_AT_MEETING_TABLES = ("attendance", "people", "meetings", "meeting_series", "memberships")


def people_at_meeting(store: Store, meeting_id: str, day: date) -> list[PersonAtMeeting]:
    """Attendance rows (people and guests), then the body's members on `day`, in one read."""
    rows = store.query(
        f"""SELECT COALESCE(p.name, a.guest_name) AS name, p.id AS person_id,
                  COALESCE(p.email, '') AS email,
                  COALESCE(a.organization_id, p.organization_id) AS organization_id, a.status
           FROM attendance a LEFT JOIN people p ON p.id = a.person_id
           WHERE a.meeting_id = :meeting
           UNION ALL
           SELECT p.name, p.id, p.email, p.organization_id, NULL
           FROM meetings m
           JOIN meeting_series s ON s.id = m.series_id
           JOIN memberships ms ON ms.body_id = s.body_id
           JOIN people p ON p.id = ms.person_id
           WHERE m.id = :meeting AND {MEMBER_ON}""",
        {"meeting": meeting_id, "day": day.isoformat()},
    )
    return [PersonAtMeeting(**row) for row in rows]


def active_people(store: Store) -> list[PersonAtMeeting]:
    """Everyone active on the partnership's roster, as people a meeting may name beyond its room
    and its body (`member` false)."""
    rows = store.query(
        "SELECT name, id AS person_id, email, organization_id FROM people WHERE active = 1"
    )
    return [PersonAtMeeting(**row, status=None, member=False) for row in rows]


# Bounded like every read here; decades of weekly meetings fit well under it.
MEETINGS_LISTED = 5000


def meetings_listing(
    store: Store,
    *,
    series_id: str | None = None,
    statuses: tuple[MeetingStatus, ...] = (),
    limit: int = MEETINGS_LISTED,
) -> list[MeetingRow]:
    """Every meeting (of one series, of some statuses), by status: live, planned (soonest
    first), closed with draft minutes, approved (newest first for both)."""
    clauses: list[str] = []
    params: list[object] = []
    if series_id is not None:
        clauses.append("m.series_id = ?")
        params.append(series_id)
    if statuses:
        clauses.append(f"m.status IN ({', '.join('?' for _ in statuses)})")
        params.extend(s.value for s in statuses)
    where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
    rows = store.query(
        _MEETING_SELECT
        + where
        + """ ORDER BY CASE m.status WHEN 'live' THEN 0 WHEN 'planned' THEN 1
                                    WHEN 'closed' THEN 2 ELSE 3 END,
                       CASE WHEN m.status = 'planned' THEN m.starts_at END,
                       m.starts_at DESC, m.id
              LIMIT ?""",
        [*params, limit],
    )
    return _meeting_rows(rows)


# What names a person or an organization, by kind: SQL counting what names the id given as ?1.
# Attendance counts meetings, not rows; corrections history keeps ids inside JSON text.
_REFERENCES: dict[str, tuple[tuple[str, str], ...]] = {
    "people": (
        ("attendance", "SELECT count(DISTINCT meeting_id) FROM attendance WHERE person_id = ?1"),
        (
            "role_assignments",
            "SELECT count(*) FROM role_assignments WHERE ?1 IN (person_id, suggested_person_id)",
        ),
        ("action_items", "SELECT count(*) FROM action_items WHERE owner_person_id = ?1"),
        ("notes", "SELECT count(*) FROM notes WHERE attributed_person_id = ?1"),
        (
            "agenda_items",
            "SELECT count(*) FROM agenda_items WHERE ?1 IN (lead_person_id, proposed_by_person_id)",
        ),
        ("parking_lot", "SELECT count(*) FROM parking_lot WHERE follow_up_person_id = ?1"),
        ("memberships", "SELECT count(*) FROM memberships WHERE person_id = ?1"),
    ),
    "organizations": (
        ("people", "SELECT count(*) FROM people WHERE organization_id = ?1"),
        (
            "attendance",
            "SELECT count(DISTINCT meeting_id) FROM attendance WHERE organization_id = ?1",
        ),
        ("action_items", "SELECT count(*) FROM action_items WHERE organization_id = ?1"),
        ("notes", "SELECT count(*) FROM notes WHERE attributed_organization_id = ?1"),
        (
            "agenda_items",
            "SELECT count(*) FROM agenda_items"
            " WHERE ?1 IN (lead_organization_id, proposed_by_organization_id)",
        ),
        (
            "bodies",
            "SELECT count(*) FROM bodies WHERE EXISTS"
            " (SELECT 1 FROM json_each(bodies.quorum_organization_ids) WHERE value = ?1)",
        ),
        ("share_log", "SELECT count(*) FROM share_log WHERE organization_id = ?1"),
    ),
}
_REVISIONS = (
    "SELECT count(*) FROM entry_revisions"
    " WHERE instr(old_value, ?1) > 0 OR instr(new_value, ?1) > 0"
)


def references(store: Store, table: str, record_id: str) -> dict[str, int]:
    """What in the record names the person (`table` "people") or organization ("organizations")
    with this id: the kinds that do, by table name, with how many (meetings, for attendance).
    An id kept in the corrections history counts as "entry_revisions"."""
    parts = (*_REFERENCES[table], ("entry_revisions", _REVISIONS))
    columns = ", ".join(f"({sql}) AS {kind}" for kind, sql in parts)
    row = store.query(f"SELECT {columns}", [record_id])[0]
    return {kind: int(count) for kind, count in row.items() if count}


def email_owners(store: Store) -> dict[str, tuple[str, str]]:
    """Every email on the roster, casefolded, with its person's id and name: one read for the
    duplicate checks of a form or a whole imported file."""
    rows = store.query("SELECT id, name, email FROM people WHERE email != '' ORDER BY created_at")
    owners: dict[str, tuple[str, str]] = {}
    for row in rows:
        owners.setdefault(str(row["email"]).strip().casefold(), (str(row["id"]), str(row["name"])))
    return owners


def read_settings(store: Store) -> dict[str, str]:
    """Every partnership-wide setting (schema 0008), by key."""
    return {str(r["id"]): str(r["value"]) for r in store.query("SELECT id, value FROM settings")}


def write_setting(store: Store, key: str, value: str | None) -> None:
    """Set one setting, or remove it with None."""
    from facilitate.models.ids import utc_text, utcnow

    if value is None:
        store._write("settings", "DELETE FROM settings WHERE id = ?", [key])
        return
    store._write(
        "settings",
        "INSERT INTO settings (id, value, updated_at) VALUES (?, ?, ?)"
        " ON CONFLICT (id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        [key, value, utc_text(utcnow())],
    )


def organization_languages(store: Store) -> dict[str, str]:
    """The language of each organization that has one other than the default, by its id."""
    rows = store.query("SELECT id, language FROM organization_languages")
    return {str(r["id"]): str(r["language"]) for r in rows}


def write_organization_language(store: Store, organization_id: str, language: str | None) -> None:
    """Set an organization's language, or return it to the default with None."""
    from facilitate.models.ids import utc_text, utcnow

    if language is None:
        store._write(
            "organization_languages",
            "DELETE FROM organization_languages WHERE id = ?",
            [organization_id],
        )
        return
    store._write(
        "organization_languages",
        "INSERT INTO organization_languages (id, language, updated_at)"
        " VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
        " language = excluded.language, updated_at = excluded.updated_at",
        [organization_id, language, utc_text(utcnow())],
    )


@dataclass(frozen=True)
class ReviewDueRow:
    """A partner's current sharing agreement whose review date has come."""

    organization: str
    body: str  # "" for the organization's agreement for every body
    review_on: date


def agreement_reviews_due(store: Store, today: date) -> list[ReviewDueRow]:
    """Current agreements (the latest version per organization and body) whose review date is
    `today` or past, earliest first. Joined rows, no models: Home shows this as it opens."""
    rows = store.query(
        """SELECT COALESCE(NULLIF(o.short_name, ''), o.name) AS organization,
                  COALESCE(b.name, '') AS body, a.review_on
           FROM sharing_agreements a
           JOIN organizations o ON o.id = a.organization_id
           LEFT JOIN bodies b ON b.id = a.body_id
           WHERE a.version = (SELECT max(x.version) FROM sharing_agreements x
                              WHERE x.organization_id = a.organization_id
                                AND x.body_id IS a.body_id)
             AND a.review_on IS NOT NULL AND a.review_on <= :today
           ORDER BY a.review_on, o.name""",
        {"today": today.isoformat()},
    )
    return [
        ReviewDueRow(str(r["organization"]), str(r["body"]), date.fromisoformat(r["review_on"]))
        for r in rows
    ]


@dataclass(frozen=True)
class SharingDueRow:
    """One promise of a body's communication protocol that is due and not yet kept."""

    duty: str  # a protocol Duty value: "draft-minutes", "approved-minutes", "action-reminders"
    audience: str
    body: str
    series_id: str
    meeting_id: str
    meeting_day: date
    due_on: date
    # For an action reminder: how many open actions of the meeting fall due in the window.
    actions: int
    days: int


# A minutes export counts as sent to a protocol's audience when it was written for that audience,
# or, for partners or the public, when it went out as an organization's packet (each at the
# level its agreement allows). `p` is the protocol step, `m` the meeting.
_MINUTES_SENT = """EXISTS (SELECT 1 FROM share_log l
    WHERE l.meeting_id = m.id AND l.document = 'minutes' {status}
      AND (l.audience = p.audience
           OR (p.audience != 'internal' AND l.organization_id IS NOT NULL)))"""

_SHARING_DUE = f"""
SELECT p.duty, p.audience, b.name AS body, m.series_id, m.id AS meeting_id,
       date(m.starts_at) AS meeting_day, date(m.starts_at, '+' || p.days || ' days') AS due_on,
       0 AS actions, p.days
FROM communication_protocol p
JOIN bodies b ON b.id = p.body_id
JOIN meeting_series s ON s.body_id = b.id
JOIN meetings m ON m.series_id = s.id
WHERE p.duty = 'draft-minutes' AND m.status = 'closed' AND date(m.starts_at) >= p.since
  AND NOT {_MINUTES_SENT.format(status="")}
UNION ALL
SELECT p.duty, p.audience, b.name, m.series_id, m.id, date(m.starts_at),
       date(ap.approved_on, '+' || p.days || ' days'), 0, p.days
FROM communication_protocol p
JOIN bodies b ON b.id = p.body_id
JOIN meeting_series s ON s.body_id = b.id
JOIN meetings m ON m.series_id = s.id
JOIN (SELECT mm.id, date(COALESCE(mm.approved_at,
          (SELECT max(x.at) FROM minutes_approvals x WHERE x.meeting_id = mm.id))) AS approved_on
      FROM meetings mm) ap ON ap.id = m.id
WHERE p.duty = 'approved-minutes' AND m.status = 'approved' AND ap.approved_on IS NOT NULL
  AND ap.approved_on >= p.since
  AND NOT {_MINUTES_SENT.format(status="AND l.minutes_status = 'approved'")}
UNION ALL
SELECT p.duty, p.audience, b.name, m.series_id, m.id, date(m.starts_at),
       min(a.due), count(*), p.days
FROM communication_protocol p
JOIN bodies b ON b.id = p.body_id
JOIN meeting_series s ON s.body_id = b.id
JOIN meetings m ON m.series_id = s.id
JOIN action_items a ON a.meeting_id = m.id
WHERE p.duty = 'action-reminders' AND a.status IN ({{open_marks}})
  AND a.due IS NOT NULL AND a.due >= p.since
  AND a.due >= :today AND date(a.due, '-' || p.days || ' days') <= :today
  AND NOT EXISTS (SELECT 1 FROM share_log l
                  WHERE l.document = 'action-reminders' AND l.series_id = m.series_id
                    AND date(l.at) >= date(a.due, '-' || p.days || ' days'))
GROUP BY p.id, m.id
ORDER BY due_on, body, meeting_day
"""


def sharing_due(store: Store, today: date) -> list[SharingDueRow]:
    """What the bodies' communication protocols say is due and has not gone out, earliest due
    first: minutes whose deadline is ahead or past, and reminders whose window has opened.
    Joined rows, no models: Home shows this as it opens."""
    marks = ", ".join(f"'{status}'" for status in OPEN_STATUSES)
    rows = store.query(_SHARING_DUE.format(open_marks=marks), {"today": today.isoformat()})
    return [
        SharingDueRow(
            duty=str(r["duty"]),
            audience=str(r["audience"]),
            body=str(r["body"]),
            series_id=str(r["series_id"]),
            meeting_id=str(r["meeting_id"]),
            meeting_day=date.fromisoformat(r["meeting_day"]),
            due_on=date.fromisoformat(r["due_on"]),
            actions=int(r["actions"]),
            days=int(r["days"]),
        )
        for r in rows
    ]


@dataclass(frozen=True)
class PreReadRow:
    """A pre-read as lists show it: never its bytes (up to 10 MB each), which only a packet
    reads."""

    id: str
    agenda_item_id: str
    file_name: str
    size: int


def pre_read_listing(store: Store, item_ids: Sequence[str]) -> dict[str, list[PreReadRow]]:
    """The pre-reads of each of these items, in the order they were attached."""
    if not item_ids:
        return {}
    marks = ", ".join("?" for _ in item_ids)
    rows = store.query(
        f"""SELECT id, agenda_item_id, file_name, size FROM pre_reads
            WHERE agenda_item_id IN ({marks}) ORDER BY created_at, id""",
        list(item_ids),
    )
    listing: dict[str, list[PreReadRow]] = {}
    for r in rows:
        row = PreReadRow(
            str(r["id"]), str(r["agenda_item_id"]), str(r["file_name"]), int(r["size"])
        )
        listing.setdefault(row.agenda_item_id, []).append(row)
    return listing
