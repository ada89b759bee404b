"""Read-only joins for the "you said, we did" report: which input it lists, and what it counts.

A report lists, per theme, the newest few inputs with a response and the newest few still open;
the rest are counted. Twenty-five years of a listening circle are 20,000 notes and a core team
answers 5,000: a report lists a few hundred, so the choosing, the counting and the numbering
happen here, in one query: window functions rank each theme's answered and open input newest
first, and only the rows listed are numbered and sent to Python. Their responses are read by
`queries_loop.responses_to` for those rows alone.
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
-- Each shown input, once per theme of the series it is filed under (theme NULL: none), ranked
-- newest first within the theme among the answered or among the open (number order is meeting
-- start, meeting, capture, id). An entry filed twice under one name (two laptops' themes
-- merged) is ranked once: dense_rank gives both filings one rank.
ranked AS MATERIALIZED (
    SELECT s.input_table, s.id, s.starts_at, s.answered, t.name AS theme,
           dense_rank() OVER (
               PARTITION BY s.answered, t.name
               ORDER BY s.starts_at DESC, s.meeting_id DESC, s.created_at DESC, s.id DESC)
               AS newest
    FROM shown s
    LEFT JOIN entry_themes et ON et.entry_table = s.input_table AND et.entry_id = s.id
        AND et.theme_id IN (SELECT id FROM themes WHERE series_id = :series)
    LEFT JOIN themes t ON t.id = et.theme_id),
-- Listed: an input among the newest of one of its themes (a limit below 0: all), and then in
-- each of its themes' groups, so what a theme counts as left out is only what it does not list.
listed AS MATERIALIZED (
    SELECT DISTINCT input_table, id FROM ranked
    WHERE newest <= CASE WHEN answered THEN :answered_per_theme ELSE :per_theme END
       OR (CASE WHEN answered THEN :answered_per_theme ELSE :per_theme END) < 0)
SELECT 'listed' AS part, number, {INPUT_COLUMNS}, NULL AS key, 0 AS n, NULL AS oldest,
       (SELECT json_group_array(json_array(lower(t.name), t.name))
        FROM themes t JOIN entry_themes et ON et.theme_id = t.id
        WHERE t.series_id = :series AND et.entry_table = x.input_table AND et.entry_id = x.id)
           AS theme_names
FROM ({numbered(inputs_among("SELECT * FROM listed"))}) x
UNION ALL
SELECT CASE WHEN answered THEN 'answered left out' ELSE 'left out' END, {_NO_INPUT}, theme,
       count(DISTINCT newest), min(starts_at), NULL
FROM ranked r WHERE NOT EXISTS (
    SELECT 1 FROM listed l WHERE l.input_table = r.input_table AND l.id = r.id)
GROUP BY answered, theme
UNION ALL
SELECT 'shown', {_NO_INPUT}, NULL, count(*), NULL, NULL FROM shown
UNION ALL
SELECT 'answered', {_NO_INPUT}, NULL, count(*), NULL, NULL FROM shown WHERE answered
UNION ALL
SELECT 'hidden', {_NO_INPUT}, visibility, count(*), NULL, NULL FROM candidates
WHERE visibility NOT IN (SELECT value FROM json_each(:visible)) GROUP BY visibility
"""


@dataclass(frozen=True)
class LeftOut:
    """Input of one theme the report does not list, with a response or still open: how many,
    and the start of the meeting the oldest of it was said at."""

    theme: str | None  # None: input filed under no theme
    count: int
    oldest: date
    answered: bool = False


@dataclass(frozen=True)
class ReportPage:
    """What a loop report lists and counts, for one audience."""

    # Listed, in number order: per theme the newest answered and the newest open.
    rows: list[InputRow]
    left_out: list[LeftOut]
    # How many inputs the audience may see (listed or not), and how many of them have a response.
    shown: int
    # Input the audience may not see: visibility (as stored) → how many.
    hidden: dict[str, int]
    answered: int = 0


def report_page(
    store: Store,
    *,
    series_id: str,
    meeting_id: str | None,
    visibilities: list[str],
    open_per_theme: int | None,
    answered_per_theme: int | None = None,
) -> ReportPage:
    """The input a loop report of `series_id` (or of one of its meetings) lists, of the given
    visibilities: per theme, the newest `answered_per_theme` with a response and the newest
    `open_per_theme` still open (None: all of them); what is left out per theme; how many are
    shown, answered and hidden.

    The input is a listening session's every note, elsewhere the notes answered or filed under
    one of the series' themes, and every parking-lot entry; themes are grouped by name."""
    rows = store.query(
        _PAGE,
        {
            "series": series_id,
            "meeting": meeting_id,
            "visible": json.dumps(visibilities),
            "per_theme": _limit(open_per_theme),
            "answered_per_theme": _limit(answered_per_theme),
        },
    )
    listed = [row for row in rows if row["part"] == "listed"]
    listed.sort(key=lambda row: int(row["number"]))
    return ReportPage(
        rows=[input_row(row, _theme_names(row["theme_names"])) for row in listed],
        left_out=sorted(
            (
                LeftOut(
                    row["key"],
                    int(row["n"]),
                    date.fromisoformat(row["oldest"][:10]),
                    answered=row["part"] == "answered left out",
                )
                for row in rows
                if row["part"] in ("left out", "answered left out")
            ),
            key=lambda found: (found.answered, found.theme is None, found.theme or ""),
        ),
        shown=_count(rows, "shown"),
        hidden={row["key"]: int(row["n"]) for row in rows if row["part"] == "hidden"},
        answered=_count(rows, "answered"),
    )


def _limit(per_theme: int | None) -> int:
    """A per-theme limit as the query takes it: -1 for none."""
    return -1 if per_theme is None else max(per_theme, 0)


def _count(rows: list[dict[str, Any]], part: str) -> int:
    return next((int(row["n"]) for row in rows if row["part"] == part), 0)


def _theme_names(found: Any) -> tuple[str, ...]:
    """The names of an input's themes (a JSON list of [lower name, name]), ordered as
    `queries_loop.entry_themes` orders them, each once."""
    names: list[str] = []
    for _, name in sorted(json.loads(found or "[]")):
        if name not in names:
            names.append(name)
    return tuple(names)
