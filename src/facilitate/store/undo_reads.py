"""The two reads undo makes, each one indexed query however long the meeting.

Undo needs the meeting's newest capture and the field corrections of its entries. Loading every
entry of the meeting to find them took 40 ms at 6,000 entries (issue #15); here the newest
capture is read from each entry table's ``(meeting_id, created_at)`` index, newest first, and
the corrections from the revisions index of the entries saved since they were captured.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence

from facilitate.models import EntryRevision
from facilitate.store.records import Store, from_row

# Revisions that are not corrections of a field: a removal or restore, and a change of kind.
_NOT_FIELDS = ("*", "kind")


def _only(only: Collection[str] | None) -> tuple[str, list[object]]:
    """The SQL condition limiting entries to `only` (None: no limit), and its parameter."""
    if only is None:
        return "", []
    return " AND id IN (SELECT value FROM json_each(?))", [json.dumps(sorted(only))]


def newest_capture(
    store: Store, meeting_id: str, tables: Sequence[str], only: Collection[str] | None = None
) -> tuple[str, str] | None:
    """The table and id of the meeting's newest entry (of those in `only`, if given), or None.
    Two captured in the same microsecond: the smaller id, as ``capture.entries`` orders them."""
    condition, extra = _only(only)
    newest_each = [
        f"SELECT * FROM (SELECT '{table}' AS entry_table, id, created_at FROM {table} "
        f"WHERE meeting_id = ?{condition} ORDER BY created_at DESC LIMIT 1)"
        for table in tables
    ]
    sql = " UNION ALL ".join(newest_each) + " ORDER BY created_at DESC, id ASC LIMIT 1"
    rows = store.query(sql, [p for _ in tables for p in (meeting_id, *extra)])
    return (str(rows[0]["entry_table"]), str(rows[0]["id"])) if rows else None


def field_revisions(store: Store, meeting_id: str, tables: Sequence[str]) -> list[EntryRevision]:
    """The field corrections of the meeting's entries, oldest first (removals, restores and
    changes of kind left out). Only entries saved since their capture can have any, so only
    their revisions are read. Like ``corrections.history``, an entry's revisions from when it
    was another kind are included."""
    kinds = ", ".join("?" for _ in tables)
    per_table = [
        f"SELECT r.* FROM {table} AS e JOIN entry_revisions AS r "
        f"ON r.entry_table IN ({kinds}) AND r.entry_id = e.id "
        "WHERE e.meeting_id = ? AND e.updated_at != e.created_at AND r.field NOT IN (?, ?)"
        for table in tables
    ]
    sql = " UNION ALL ".join(per_table) + " ORDER BY at"
    params = [p for _ in tables for p in (*tables, meeting_id, *_NOT_FIELDS)]
    return [from_row(EntryRevision, row) for row in store.query(sql, params)]
