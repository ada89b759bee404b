"""Follow-through: how a series' or an organization's action items came out, and what a
meeting's minutes list under "follow-up on earlier commitments".

One joined query per question (no query per action), so both stay fast on a record of many
years. The service `services/record/follow_through_figures.py` turns the rows into
figures and lines; nothing here decides wording.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Literal

from facilitate.models.enums import ActionStatus, MeetingStatus, Visibility
from facilitate.store.queries import OPEN_STATUSES
from facilitate.store.records import Store, from_row

if TYPE_CHECKING:
    from facilitate.models import ActionItem, ActionUpdate, Meeting

# Confidential actions never leave the file, not even as a count in a printed summary.
COUNTED = tuple(v.value for v in Visibility if v is not Visibility.CONFIDENTIAL)

Grouping = Literal["series", "organization"]


@dataclass(frozen=True)
class FollowThroughRow:
    """Counts for one series or one organization. `key` is None for actions whose owner has no
    organization on record (grouped by organization)."""

    key: str | None
    label: str
    done_on_time: int
    done_late: int
    # Done, with a due date, but no "done" update saying when: its timeliness is not known.
    done_undated: int
    open: int
    overdue: int
    dropped: int


# The day action `a` was last marked done, as the partnership reads dates: the date of the
# meeting it was reported at (wall-clock), else the update's own (UTC) date. Looked up for
# each done action with a due date only (the others' timeliness needs no date): one index
# probe each, where grouping the updates of a whole series cost more than all the rest.
_DONE_ON = f"""(
    SELECT MAX(COALESCE(substr(um.starts_at, 1, 10), substr(u.at, 1, 10)))
    FROM action_updates u LEFT JOIN meetings um ON um.id = u.meeting_id
    WHERE u.action_id = a.id AND u.status = '{ActionStatus.DONE.value}')"""

_KEYS = {
    "series": ("m.series_id", "s.name"),
    "organization": (
        "COALESCE(a.organization_id, p.organization_id)",
        "COALESCE(NULLIF(o.short_name, ''), o.name, '')",
    ),
}


def follow_through_rows(
    store: Store, grouping: Grouping, today: date, *, series_id: str | None = None
) -> list[FollowThroughRow]:
    """Action items counted by series or by owner organization (the action's own organization,
    else its first owner's), optionally of one series only; overdue as of `today`. Ordered by
    label, the rows without an organization last."""
    key, label = _KEYS[grouping]
    done = ActionStatus.DONE.value
    opened = ", ".join(f"'{s}'" for s in OPEN_STATUSES)
    counted = ", ".join(f"'{v}'" for v in COUNTED)
    series_clause = "AND m.series_id = :series" if series_id is not None else ""
    # Materialized so each action's done day is looked up once, not once per sum using it.
    rows = store.query(
        f"""WITH a AS MATERIALIZED (
              SELECT {key} AS key, {label} AS label, a.status, a.due,
                     CASE WHEN a.status = '{done}' AND a.due IS NOT NULL THEN {_DONE_ON} END
                         AS done_on
              FROM action_items a
              JOIN meetings m ON m.id = a.meeting_id
              JOIN meeting_series s ON s.id = m.series_id
              LEFT JOIN people p ON p.id = a.owner_person_id
              LEFT JOIN organizations o ON o.id = COALESCE(a.organization_id, p.organization_id)
              WHERE a.visibility IN ({counted}) {series_clause})
            SELECT key, label,
              SUM(a.status = '{done}' AND (a.due IS NULL OR a.done_on <= a.due)) AS done_on_time,
              SUM(a.status = '{done}' AND a.due IS NOT NULL AND a.done_on > a.due) AS done_late,
              SUM(a.status = '{done}' AND a.due IS NOT NULL AND a.done_on IS NULL)
                  AS done_undated,
              SUM(a.status IN ({opened})) AS open,
              SUM(a.status IN ({opened}) AND a.due IS NOT NULL AND a.due < :today) AS overdue,
              SUM(a.status = '{ActionStatus.DROPPED.value}') AS dropped
            FROM a
            GROUP BY key
            ORDER BY key IS NULL, label COLLATE NOCASE""",
        {"today": today.isoformat(), "series": series_id},
    )
    return [
        FollowThroughRow(
            key=row["key"],
            label=row["label"] or "",
            done_on_time=int(row["done_on_time"] or 0),
            done_late=int(row["done_late"] or 0),
            done_undated=int(row["done_undated"] or 0),
            open=int(row["open"] or 0),
            overdue=int(row["overdue"] or 0),
            dropped=int(row["dropped"] or 0),
        )
        for row in rows
    ]


# -- the minutes' follow-up section -------------------------------------------------------------

_HELD = tuple(s.value for s in (MeetingStatus.LIVE, MeetingStatus.CLOSED, MeetingStatus.APPROVED))


def previous_held_meeting(store: Store, series_id: str, before: datetime) -> Meeting | None:
    """The series' last meeting held (not merely planned, nor cancelled) before `before`."""
    from facilitate.models import Meeting  # models load on first use (see models)

    held = ", ".join(f"'{s}'" for s in _HELD)
    rows = store.query(
        f"""SELECT * FROM meetings
            WHERE series_id = :series AND starts_at < :before AND status IN ({held})
              AND cancelled_at IS NULL
            ORDER BY starts_at DESC LIMIT 1""",
        {"series": series_id, "before": before.isoformat()},
    )
    return from_row(Meeting, rows[0]) if rows else None


def follow_up_actions(
    store: Store, meeting_id: str, series_id: str, before: datetime, due_by: date, since: str
) -> list[ActionItem]:
    """The actions a meeting's follow-up may list, in one query: those of the series' earlier
    meetings (starting before `before`) that are open now and due by `due_by`, or that were
    given a status after `since` (an ISO UTC instant: closed since, or closed later but open
    then); and any action of an earlier meeting given a status at `meeting_id`."""
    from facilitate.models import ActionItem  # models load on first use (see models)

    opened = ", ".join(f"'{s}'" for s in OPEN_STATUSES)
    rows = store.query(
        f"""SELECT a.* FROM action_items a JOIN meetings m ON m.id = a.meeting_id
            WHERE (m.series_id = :series AND m.starts_at < :before
                   AND ((a.status IN ({opened}) AND a.due <= :due_by)
                        OR EXISTS (SELECT 1 FROM action_updates u
                                   WHERE u.action_id = a.id AND u.at > :since)))
               OR (a.meeting_id != :meeting
                   AND a.id IN (SELECT action_id FROM action_updates WHERE meeting_id = :meeting))
            ORDER BY a.due IS NULL, a.due, a.created_at""",
        {
            "series": series_id,
            "before": before.isoformat(),
            "due_by": due_by.isoformat(),
            "since": since,
            "meeting": meeting_id,
        },
    )
    return [from_row(ActionItem, row) for row in rows]


def updates_of(store: Store, action_ids: list[str]) -> list[ActionUpdate]:
    """Every status given to these actions, oldest first (one query)."""
    from facilitate.models import ActionUpdate  # models load on first use (see models)

    if not action_ids:
        return []
    rows = store.query(
        """SELECT * FROM action_updates
           WHERE action_id IN (SELECT value FROM json_each(:ids)) ORDER BY at""",
        {"ids": json.dumps(action_ids)},
    )
    return [from_row(ActionUpdate, row) for row in rows]
