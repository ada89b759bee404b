"""Read-only joins for the "you said, we did" report: which input it lists, and what it counts.

A report lists every input with a response and, per theme, the newest few still open; the rest
are counted. Twenty-five years of a listening circle are 20,000 notes and a report lists a few
hundred, so the choosing, the counting and the numbering happen here, in one query: window
functions rank each theme's open input newest first, and only the rows listed are numbered and
sent to Python. Their responses are read by `queries_loop.responses_to` for those rows alone.
A fixed number of queries whatever the size of the record.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from facilitate.store.queries_loop import (
    INPUT_COLUMNS,
    InputRow,
    input_row,
    inputs_among,
    numbered,
)
from facilitate.store.records import Store

_SCOPE = "m.series_id = :series AND (:meeting IS NULL OR m.id = :meeting)"

# The input a report may list, as keys: every note of a listening session, every parking-lot
# entry, and any other note that has a response or is filed under one of the series' themes.
# Those notes are found from the small tables of links, answers and filings, each then read
# through its primary key; a series with no meeting but listening sessions skips them (its
# filings are its sessions' notes, thousands of look-ups for nothing).
_CANDIDATES = f"""
    SELECT 'notes' AS input_table, n.id, n.meeting_id, n.created_at, n.visibility, m.starts_at
    FROM meetings m JOIN notes n ON n.meeting_id = m.id
    WHERE {_SCOPE} AND m.kind = 'listening_session'
    UNION ALL
    SELECT 'notes', n.id, n.meeting_id, n.created_at, n.visibility, m.starts_at
    FROM (SELECT 1 WHERE EXISTS (
              SELECT 1 FROM meetings m WHERE {_SCOPE} AND m.kind != 'listening_session'))
    CROSS JOIN notes n JOIN meetings m ON m.id = n.meeting_id
    WHERE n.id IN (
          SELECT to_id FROM entry_links WHERE to_table = 'notes'
          UNION SELECT input_id FROM loop_responses WHERE input_table = 'notes'
          UNION SELECT et.entry_id FROM themes t CROSS JOIN entry_themes et
                ON et.theme_id = t.id WHERE t.series_id = :series AND et.entry_table = 'notes')
      AND {_SCOPE} AND m.kind != 'listening_session'
    UNION ALL
    SELECT 'parking_lot', p.id, p.meeting_id, p.created_at, p.visibility, m.starts_at
    FROM meetings m JOIN parking_lot p ON p.meeting_id = m.id
    WHERE {_SCOPE}
"""

# Whether input `c` has a response: a linked decision or action that still exists (a link to
# one since deleted answers nothing), or an answer that is not an entry.
_ANSWERED = """(
    EXISTS (SELECT 1 FROM entry_links l
            WHERE l.to_table = c.input_table AND l.to_id = c.id
              AND ((l.from_table = 'decisions'
                    AND EXISTS (SELECT 1 FROM decisions d WHERE d.id = l.from_id))
                OR (l.from_table = 'action_items'
                    AND EXISTS (SELECT 1 FROM action_items a WHERE a.id = l.from_id))))
    OR EXISTS (SELECT 1 FROM loop_responses r
               WHERE r.input_table = c.input_table AND r.input_id = c.id))"""

# The listed part's columns, empty in the parts that count.
_NO_INPUT = ", ".join("NULL" for _ in ["number", *INPUT_COLUMNS.split(", ")])

_PAGE = f"""
WITH candidates AS MATERIALIZED ({_CANDIDATES}),
shown AS MATERIALIZED (
    SELECT c.*, {_ANSWERED} AS answered FROM candidates c
    WHERE c.visibility IN (SELECT value FROM json_each(:visible))),
-- Each shown input still open, once per theme of the series it is filed under (theme NULL:
-- none), ranked newest first within the theme (number order is meeting start, meeting,
-- capture, id). An entry filed twice under one name (two laptops' themes merged) is ranked
-- once: dense_rank gives both filings one rank, and a theme's open input count is its top rank.
waiting AS MATERIALIZED (
    SELECT s.input_table, s.id, s.starts_at, t.name AS theme,
           dense_rank() OVER (
               PARTITION BY t.name
               ORDER BY s.starts_at DESC, s.meeting_id DESC, s.created_at DESC, s.id DESC)
               AS newest
    FROM shown s
    LEFT JOIN entry_themes et ON et.entry_table = s.input_table AND et.entry_id = s.id
        AND et.theme_id IN (SELECT id FROM themes WHERE series_id = :series)
    LEFT JOIN themes t ON t.id = et.theme_id
    WHERE NOT s.answered),
listed AS MATERIALIZED (
    SELECT input_table, id FROM shown WHERE answered
    UNION SELECT input_table, id FROM waiting WHERE :per_theme < 0 OR newest <= :per_theme)
SELECT 'listed' AS part, number, {INPUT_COLUMNS}, NULL AS key, 0 AS n, NULL AS oldest,
       (SELECT json_group_array(json_array(lower(t.name), t.name))
        FROM themes t JOIN entry_themes et ON et.theme_id = t.id
        WHERE t.series_id = :series AND et.entry_table = x.input_table AND et.entry_id = x.id)
           AS theme_names
FROM ({numbered(inputs_among("SELECT * FROM listed"))}) x
UNION ALL
SELECT 'left out', {_NO_INPUT}, theme, max(newest) - :per_theme, min(starts_at), NULL
FROM waiting WHERE :per_theme >= 0 AND newest > :per_theme GROUP BY theme
UNION ALL
SELECT 'shown', {_NO_INPUT}, NULL, count(*), NULL, NULL FROM shown
UNION ALL
SELECT 'hidden', {_NO_INPUT}, visibility, count(*), NULL, NULL FROM candidates
WHERE visibility NOT IN (SELECT value FROM json_each(:visible)) GROUP BY visibility
"""


@dataclass(frozen=True)
class LeftOut:
    """Still-open input of one theme the report does not list: how many, and the start of the
    meeting the oldest of it was said at."""

    theme: str | None  # None: input filed under no theme
    count: int
    oldest: date


@dataclass(frozen=True)
class ReportPage:
    """What a loop report lists and counts, for one audience."""

    # Listed, in number order: every input with a response, and per theme the newest open.
    rows: list[InputRow]
    left_out: list[LeftOut]
    # How many inputs the audience may see (listed or not).
    shown: int
    # Input the audience may not see: visibility (as stored) → how many.
    hidden: dict[str, int]


def report_page(
    store: Store,
    *,
    series_id: str,
    meeting_id: str | None,
    visibilities: list[str],
    open_per_theme: int | None,
) -> ReportPage:
    """The input a loop report of `series_id` (or of one of its meetings) lists, of the given
    visibilities: every input with a response and, per theme, the newest `open_per_theme`
    still open (None: all); what is left out per theme; how many are shown and hidden.

    The input is a listening session's every note, elsewhere the notes answered or filed under
    one of the series' themes, and every parking-lot entry; themes are grouped by name."""
    rows = store.query(
        _PAGE,
        {
            "series": series_id,
            "meeting": meeting_id,
            "visible": json.dumps(visibilities),
            "per_theme": -1 if open_per_theme is None else max(open_per_theme, 0),
        },
    )
    listed = [row for row in rows if row["part"] == "listed"]
    listed.sort(key=lambda row: int(row["number"]))
    return ReportPage(
        rows=[input_row(row, _theme_names(row["theme_names"])) for row in listed],
        left_out=sorted(
            (
                LeftOut(row["key"], int(row["n"]), date.fromisoformat(row["oldest"][:10]))
                for row in rows
                if row["part"] == "left out"
            ),
            key=lambda found: (found.theme is None, found.theme or ""),
        ),
        shown=next((int(row["n"]) for row in rows if row["part"] == "shown"), 0),
        hidden={row["key"]: int(row["n"]) for row in rows if row["part"] == "hidden"},
    )


def _theme_names(found: Any) -> tuple[str, ...]:
    """The names of an input's themes (a JSON list of [lower name, name]), ordered as
    `queries_loop.entry_themes` orders them, each once."""
    names: list[str] = []
    for _, name in sorted(json.loads(found or "[]")):
        if name not in names:
            names.append(name)
    return tuple(names)
