"""Read-only joins for themes: which themes an entry is filed under, and a series' board.

Every reader of "this entry's themes" (the Loop screen, the report, search, a listening
session's minutes) asks `entry_themes`; the theme board reads its filings with `filings`. Each
is one query whatever the size of the record.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from facilitate.store.records import Store


def entry_themes(
    store: Store, entries: list[tuple[str, str]], series_id: str | None = None
) -> dict[tuple[str, str], tuple[str, ...]]:
    """(entry table, entry id) → the names of its themes, alphabetical (case aside), each
    once, for the given entries; only one series' themes when `series_id` is given. An entry
    filed under no theme is not in the result."""
    if not entries:
        return {}
    rows = store.query(
        """SELECT et.entry_table, et.entry_id, t.name FROM entry_themes et
           JOIN themes t ON t.id = et.theme_id
           WHERE (et.entry_table, et.entry_id) IN (
                 SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]')
                 FROM json_each(:entries))
             AND (:series IS NULL OR t.series_id = :series)
           ORDER BY et.entry_table, et.entry_id, lower(t.name), t.name""",
        {"entries": json.dumps(entries), "series": series_id},
    )
    themes: dict[tuple[str, str], tuple[str, ...]] = {}
    for row in rows:
        key = (row["entry_table"], row["entry_id"])
        if row["name"] not in themes.get(key, ()):
            themes[key] = (*themes.get(key, ()), row["name"])
    return themes


@dataclass(frozen=True)
class FilingRow:
    """One entry filed under one of a series' themes, with what the board shows of it."""

    filing_id: str
    theme_id: str
    entry_table: str
    entry_id: str
    text: str
    visibility: str
    created_at: str
    meeting_id: str
    meeting_starts_at: str


# Each kind of entry a theme may hold, read through its primary key.
_FILED = " UNION ALL ".join(
    f"""SELECT '{table}' AS entry_table, e.id, e.text, e.visibility, e.created_at,
               e.meeting_id, m.starts_at FROM {table} e JOIN meetings m ON m.id = e.meeting_id"""
    for table in ("notes", "parking_lot", "decisions", "action_items")
)


def filings(store: Store, series_id: str) -> list[FilingRow]:
    """Every filing under the series' themes whose entry is still on record (an entry removed
    in the room is left out; its filing returns with a restore), in capture order (created_at,
    then id): one joined query."""
    rows = store.query(
        f"""SELECT et.id AS filing_id, et.theme_id, e.entry_table, e.id AS entry_id, e.text,
                   e.visibility, e.created_at, e.meeting_id, e.starts_at
            FROM themes t JOIN entry_themes et ON et.theme_id = t.id
            JOIN ({_FILED}) e ON e.entry_table = et.entry_table AND e.id = et.entry_id
            WHERE t.series_id = :series
            ORDER BY e.created_at, e.id""",
        {"series": series_id},
    )
    return [_filing(row) for row in rows]


def _filing(row: dict[str, Any]) -> FilingRow:
    return FilingRow(
        filing_id=row["filing_id"],
        theme_id=row["theme_id"],
        entry_table=row["entry_table"],
        entry_id=row["entry_id"],
        text=row["text"],
        visibility=row["visibility"],
        created_at=row["created_at"],
        meeting_id=row["meeting_id"],
        meeting_starts_at=row["starts_at"],
    )
