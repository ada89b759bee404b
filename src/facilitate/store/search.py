"""Full-text search over captured notes, decisions and action items (SQLite FTS5).

A page of results costs the same on twenty-five years of notes as on one: for each kind of
entry the matches are counted (FTS5 counts from its index without ranking), and only the newest
`RANKED_WINDOW` matches are ranked by bm25; ranking every match of a common word ("the": 200,000
notes) took most of a second. The meeting of each hit is looked up for the page only. Rowids
grow as entries are written, so "newest" is the order they were captured in.
"""

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
RANKED_WINDOW = 5_000
"""How many of each kind's newest matches are ranked; older ones are counted, not shown."""


@dataclass(frozen=True)
class SearchHit:
    kind: str
    id: str
    meeting_id: str
    meeting_title: str
    meeting_starts_at: str
    text: str
    visibility: Visibility


@dataclass(frozen=True)
class SearchPage:
    """The best hits, and how many entries matched in all ("20 of 21,800")."""

    hits: list[SearchHit]
    total: int

    @property
    def windowed(self) -> bool:
        """Whether some matches were too old to be ranked (only the newest were)."""
        return self.total > RANKED_WINDOW


def fts_query(text: str) -> str:
    """Quote every word, so punctuation typed by a user is searched for, never parsed as syntax."""
    words = re.findall(r"\w+", text, flags=re.UNICODE)
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


def _count(store: Store, table: str, query: str) -> int:
    rows = store.query(f"SELECT count(*) AS n FROM {table}_fts WHERE {table}_fts MATCH ?", [query])
    return int(rows[0]["n"])


def _oldest_ranked(store: Store, table: str, query: str) -> int:
    """The rowid of the oldest match among the newest RANKED_WINDOW (FTS5 walks its index in
    rowid order, so this reads a window, not every match)."""
    rows = store.query(
        f"SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH ? "
        "ORDER BY rowid DESC LIMIT 1 OFFSET ?",
        [query, RANKED_WINDOW - 1],
    )
    return int(rows[0]["rowid"]) if rows else 0


def search_page(store: Store, text: str, *, limit: int = 20) -> SearchPage:
    """The `limit` entries that best contain every word of `text`, and how many match."""
    query = fts_query(text)
    if not query or limit < 1:
        return SearchPage([], 0)
    selects: list[str] = []
    params: list[object] = []
    total = 0
    for kind, table, column in _SEARCHED:
        matches = _count(store, table, query)
        if not matches:
            continue
        total += matches
        oldest = _oldest_ranked(store, table, query) if matches > RANKED_WINDOW else 0
        # Each kind's own best within its window, with their rows; meetings for the page only.
        selects.append(
            f"""SELECT '{kind}' AS kind, t.id, t.meeting_id, t.{column} AS text, t.visibility,
                       best.rank
                FROM (SELECT rowid, bm25({table}_fts) AS rank FROM {table}_fts
                      WHERE {table}_fts MATCH ? AND rowid >= ? ORDER BY rank LIMIT ?) best
                JOIN {table} t ON t.rowid = best.rowid"""
        )
        params += [query, oldest, limit]
    if not selects:
        return SearchPage([], 0)
    sql = f"""
        SELECT page.*, m.title AS meeting_title, m.starts_at AS meeting_starts_at
        FROM ({" UNION ALL ".join(selects)} ORDER BY rank LIMIT ?) page
        JOIN meetings m ON m.id = page.meeting_id
        ORDER BY page.rank"""
    rows = store.query(sql, [*params, limit])
    hits = [
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
    return SearchPage(hits, total)


def search(store: Store, text: str, *, limit: int = 50) -> list[SearchHit]:
    """Entries that contain every word of `text`, best match first (see `search_page`)."""
    return search_page(store, text, limit=limit).hits
