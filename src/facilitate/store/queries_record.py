"""Read-only joins for a series' record: every decision and action of a series with its agenda
item's title, in one query each whatever the series' age (never a query per meeting)."""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING, Any

from facilitate.store.records import Store, from_row

if TYPE_CHECKING:
    from facilitate.models import ActionItem, Decision

_ENTRIES = """
    SELECT e.*, COALESCE(ai.title, '') AS _item_title FROM {table} e
    JOIN meetings m ON m.id = e.meeting_id
    LEFT JOIN agenda_items ai ON ai.id = e.agenda_item_id
    WHERE m.series_id = :series
      AND (:start IS NULL OR m.starts_at >= :start)
      AND (:end IS NULL OR m.starts_at < :end)
      AND e.visibility IN (SELECT value FROM json_each(:visible))
    ORDER BY m.starts_at, m.id, e.created_at, e.id
"""


def _params(
    series_id: str, visibilities: list[str], start: date | None, end: date | None
) -> dict[str, Any]:
    return {
        "series": series_id,
        "visible": json.dumps(visibilities),
        "start": start.isoformat() if start else None,
        # The end day is the last day kept: meetings starting before the next day.
        "end": date.fromordinal(end.toordinal() + 1).isoformat() if end else None,
    }


def series_decisions(
    store: Store,
    series_id: str,
    visibilities: list[str],
    *,
    start: date | None = None,
    end: date | None = None,
) -> list[tuple[Decision, str]]:
    """The series' decisions of the given visibilities, oldest meeting first, each with its
    agenda item's title ("" outside the agenda); `start` and `end` bound the meeting's day."""
    from facilitate.models import Decision

    rows = store.query(
        _ENTRIES.format(table=Decision.table), _params(series_id, visibilities, start, end)
    )
    return [(from_row(Decision, row), title) for row, title in map(_item_apart, rows)]


def series_actions(
    store: Store,
    series_id: str,
    visibilities: list[str],
    *,
    start: date | None = None,
    end: date | None = None,
) -> list[tuple[ActionItem, str]]:
    """The series' action items of the given visibilities, oldest meeting first, each with its
    agenda item's title."""
    from facilitate.models import ActionItem

    rows = store.query(
        _ENTRIES.format(table=ActionItem.table), _params(series_id, visibilities, start, end)
    )
    return [(from_row(ActionItem, row), title) for row, title in map(_item_apart, rows)]


def _item_apart(row: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """The entry's own columns, and the joined agenda item's title."""
    title = str(row.pop("_item_title"))
    return row, title
