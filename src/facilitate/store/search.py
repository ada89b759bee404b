"""Full-text search over captured notes, decisions and action items (SQLite FTS5)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from facilitate.models.enums import Visibility
from facilitate.store.records import Store

_SEARCHED = (
    ("note", "notes", "text"),
    ("decision", "decisions", "text"),
    ("action", "action_items", "text"),
)


@dataclass(frozen=True)
class SearchHit:
    kind: str
    id: str
    meeting_id: str
    meeting_title: str
    meeting_starts_at: str
    text: str
    visibility: Visibility


def fts_query(text: str) -> str:
    """Quote every word, so punctuation typed by a user is searched for, never parsed as syntax."""
    words = re.findall(r"\w+", text, flags=re.UNICODE)
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


def search(store: Store, text: str, *, limit: int = 50) -> list[SearchHit]:
    """Entries that contain every word of `text`, best match first."""
    query = fts_query(text)
    if not query:
        return []
    selects = [
        f"""SELECT '{kind}' AS kind, t.id, t.meeting_id, m.title AS meeting_title,
                   m.starts_at AS meeting_starts_at, t.{column} AS text, t.visibility,
                   bm25({table}_fts) AS rank
            FROM {table}_fts JOIN {table} t ON t.rowid = {table}_fts.rowid
            JOIN meetings m ON m.id = t.meeting_id
            WHERE {table}_fts MATCH ?"""
        for kind, table, column in _SEARCHED
    ]
    sql = " UNION ALL ".join(selects) + " ORDER BY rank LIMIT ?"
    rows = store.query(sql, [query] * len(selects) + [limit])
    return [
        SearchHit(
            kind=row["kind"],
            id=row["id"],
            meeting_id=row["meeting_id"],
            meeting_title=row["meeting_title"],
            meeting_starts_at=row["meeting_starts_at"],
            text=row["text"],
            visibility=Visibility(row["visibility"]),
        )
        for row in rows
    ]
