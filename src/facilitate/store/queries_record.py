"""Read-only joins for a series' record: every decision and action of a series with its agenda
item's title, in one query each whatever the series' age (never a query per meeting); the
newest `limit` of them when the record is capped; how many there are in all; and the open
actions past due on a given day."""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING, Any

from facilitate.store.queries import OPEN_STATUSES
from facilitate.store.records import Store, from_row

if TYPE_CHECKING:
    from facilitate.models import ActionItem, Decision

_SCOPE = """
    JOIN meetings m ON m.id = e.meeting_id
    WHERE m.series_id = :series
      AND (:start IS NULL OR m.starts_at >= :start)
      AND (:end IS NULL OR m.starts_at < :end)
      AND e.visibility IN (SELECT value FROM json_each(:visible))
"""

# Newest first, so a LIMIT keeps the newest; the caller turns them oldest first.
_ENTRIES = f"""
    SELECT e.*, COALESCE(ai.title, '') AS _item_title FROM {{table}} e
    LEFT JOIN agenda_items ai ON ai.id = e.agenda_item_id
    {_SCOPE}
    ORDER BY m.starts_at DESC, m.id DESC, e.created_at DESC, e.id DESC
    LIMIT :limit
"""


def _params(
    series_id: str,
    visibilities: list[str],
    start: date | None,
    end: date | None,
    limit: int | None = None,
) -> dict[str, Any]:
    return {
        "series": series_id,
        "visible": json.dumps(visibilities),
        "start": start.isoformat() if start else None,
        # The end day is the last day kept: meetings starting before the next day.
        "end": date.fromordinal(end.toordinal() + 1).isoformat() if end else None,
        # SQLite reads a negative LIMIT as none.
        "limit": -1 if limit is None else limit,
    }


def series_decisions(
    store: Store,
    series_id: str,
    visibilities: list[str],
    *,
    start: date | None = None,
    end: date | None = None,
    limit: int | None = None,
) -> list[tuple[Decision, str]]:
    """The series' decisions of the given visibilities, oldest meeting first, each with its
    agenda item's title ("" outside the agenda); `start` and `end` bound the meeting's day;
    `limit` keeps the newest that many."""
    from facilitate.models import Decision

    rows = store.query(
        _ENTRIES.format(table=Decision.table), _params(series_id, visibilities, start, end, limit)
    )
    rows.reverse()
    return [(from_row(Decision, row), title) for row, title in map(_item_apart, rows)]


def series_actions(
    store: Store,
    series_id: str,
    visibilities: list[str],
    *,
    start: date | None = None,
    end: date | None = None,
    limit: int | None = None,
) -> list[tuple[ActionItem, str]]:
    """The series' action items of the given visibilities, oldest meeting first, each with its
    agenda item's title; `limit` keeps the newest that many."""
    from facilitate.models import ActionItem

    rows = store.query(
        _ENTRIES.format(table=ActionItem.table),
        _params(series_id, visibilities, start, end, limit),
    )
    rows.reverse()
    return [(from_row(ActionItem, row), title) for row, title in map(_item_apart, rows)]


def series_counts(store: Store, series_id: str, visibilities: list[str]) -> tuple[int, int]:
    """How many decisions and action items of the given visibilities the series holds."""
    params = _params(series_id, visibilities, None, None)
    counted = [
        store.query(f"SELECT count(*) AS n FROM {table} e {_SCOPE}", params)[0]["n"]
        for table in ("decisions", "action_items")
    ]
    return int(counted[0]), int(counted[1])


def series_overdue(
    store: Store, series_id: str, visibilities: list[str], as_of: date
) -> list[tuple[ActionItem, str]]:
    """The series' action items still open and due before `as_of`, of the given visibilities,
    longest overdue first, each with its agenda item's title."""
    from facilitate.models import ActionItem

    opened = ", ".join(f"'{status}'" for status in OPEN_STATUSES)
    rows = store.query(
        f"""SELECT e.*, COALESCE(ai.title, '') AS _item_title FROM action_items e
            LEFT JOIN agenda_items ai ON ai.id = e.agenda_item_id
            {_SCOPE} AND e.status IN ({opened}) AND e.due < :as_of
            ORDER BY e.due, m.starts_at, e.created_at, e.id""",
        {**_params(series_id, visibilities, None, None), "as_of": as_of.isoformat()},
    )
    return [(from_row(ActionItem, row), title) for row, title in map(_item_apart, rows)]


def _item_apart(row: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """The entry's own columns, and the joined agenda item's title."""
    title = str(row.pop("_item_title"))
    return row, title
