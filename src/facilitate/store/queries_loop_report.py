"""Read-only joins for the "you said, we did" report: which input it lists, and what it counts.

A report lists, per theme, the newest few inputs with a response and the newest few still open;
the rest are counted. Twenty-five years of a listening circle are 20,000 notes, all input; of a
core team's 130,000 notes only those answered or filed are (`queries_input`): a report lists a
few hundred, so the choosing, the counting and the numbering happen here, in one query: window
functions rank the answered or themed input per theme, a bounded sort picks the newest of the
rest, and only the rows listed are numbered and sent to Python. Their responses are read by
`queries_loop.responses_to` for those rows alone. A fixed number of queries whatever the size
of the record.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from facilitate.store.queries_input import (
    ANSWERED,
    INPUT_COLUMNS,
    NEWEST_FIRST,
    InputRow,
    among,
    held_kinds,
    input_row,
    inputs,
    numbered,
)
from facilitate.store.records import Store

_SCOPE = "m.series_id = :series AND (:meeting IS NULL OR m.id = :meeting)"

_IN_SCOPE = "x.meeting_id IN (SELECT id FROM scope)"
_MARKED = "x.id IN (SELECT id FROM marked WHERE input_table = '{table}')"
_VISIBLE = "x.visibility IN (SELECT value FROM json_each(:visible))"
# Open input under no theme, in the meetings that hold the newest `:per_theme` of it.
_PLAIN = f"""x.meeting_id IN (SELECT meeting_id FROM plain_per
                              WHERE :per_theme < 0 OR coalesce(newer, 0) < :per_theme)
    AND {_VISIBLE} AND NOT x.marked"""

# The report's input: `queries_input`'s definition, read through the report's own materialized
# keys answered or filed (`marked`, one reading of the small tables for the whole query).
_OWN_MARKED = "SELECT input_table, id FROM marked"


def _own_inputs(where: str, held: frozenset[str], flag: str = "") -> str:
    """The keys of the scope's input that meet `where`, as `queries_input.inputs` reads them,
    from the kinds of meeting the scope `held`."""
    return inputs(where, "x", keys_only=True, flag=flag, marked=_OWN_MARKED, held=held)


# The listed part's columns, empty in the parts that count.
_NO_INPUT = ", ".join("NULL" for _ in ["number", *INPUT_COLUMNS.split(", ")])


# The report reads the input of its scope as `queries_input` defines it for every reader, once
# and by its keys alone (never its words): a business meeting's discussion notes nobody answered
# or filed are not input, and never read. Input that has a response or is filed under one of the
# series' themes ("marked", known from the small tables of answers and filings) is ranked per
# theme; the rest (a listening session's notes, parking-lot entries) is open and under no
# theme: one group whose newest few are listed by a bounded sort and the rest only counted.
@cache
def _page(held: frozenset[str]) -> str:
    """The report's query, for a scope holding meetings of the kinds `held`."""
    return f"""
-- `ord`: the meeting's place in number order, so input is ranked on one integer and its own
-- capture order rather than on the meeting's start and id as text.
WITH scope AS MATERIALIZED (
    SELECT m.id, m.starts_at, row_number() OVER (ORDER BY m.starts_at, m.id) AS ord
    FROM meetings m WHERE {_SCOPE}),
answered_keys AS MATERIALIZED ({ANSWERED}),
filed AS MATERIALIZED (
    SELECT et.entry_table AS input_table, et.entry_id AS id, t.name AS theme
    FROM themes t JOIN entry_themes et ON et.theme_id = t.id WHERE t.series_id = :series),
-- Read only as IN lists, which drop repeats themselves: UNION ALL spares sorting every key.
marked AS MATERIALIZED (
    SELECT input_table, id FROM answered_keys UNION ALL SELECT input_table, id FROM filed),
-- The scope's input, read once by its keys (never its words), with whether it is marked: the
-- counting, ranking and choosing below read this, not the notes again.
inp AS MATERIALIZED (
    SELECT x.input_table, x.id, x.meeting_id, x.visibility, x.created_at, x.flag AS marked
    FROM ({_own_inputs(_IN_SCOPE, held, flag=_MARKED)}) x),
-- How much input each meeting of the scope holds, by who may see it and whether it is marked.
per AS MATERIALIZED (
    SELECT meeting_id, visibility, marked, count(*) AS n
    FROM inp GROUP BY meeting_id, visibility, marked),
shown AS MATERIALIZED (
    SELECT x.input_table, x.id, x.meeting_id, x.visibility, x.created_at, sc.starts_at, sc.ord,
           EXISTS (SELECT 1 FROM answered_keys a
                   WHERE a.id = x.id AND a.input_table = x.input_table) AS answered
    FROM inp x JOIN scope sc ON sc.id = x.meeting_id
    WHERE x.marked AND {_VISIBLE}),
-- Each shown marked input, once per theme of the series it is filed under (theme NULL: none),
-- ranked newest first within the theme among the answered or among the open (number order is
-- meeting start, meeting, capture, id). An entry filed twice under one name (two laptops'
-- themes merged) is ranked once: dense_rank gives both filings one rank.
ranked AS MATERIALIZED (
    SELECT input_table, id, starts_at, answered, theme,
           dense_rank() OVER (PARTITION BY answered, theme
                              ORDER BY ord DESC, created_at DESC, id DESC) AS newest
    FROM (SELECT s.*, f.theme FROM shown s
          LEFT JOIN filed f ON f.input_table = s.input_table AND f.id = s.id)),
-- The newest of the rest (open, under no theme; a limit below 0: all), read from the newest
-- meetings that hold them alone.
plain_per AS MATERIALIZED (
    SELECT p.meeting_id, sc.starts_at, sum(p.n) AS n,
           sum(sum(p.n)) OVER (ORDER BY sc.starts_at DESC, p.meeting_id DESC
                               ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS newer
    FROM per p JOIN scope sc ON sc.id = p.meeting_id
    WHERE NOT p.marked AND p.visibility IN (SELECT value FROM json_each(:visible))
    GROUP BY p.meeting_id),
plain AS MATERIALIZED (
    SELECT input_table, id FROM (
        SELECT x.*, sc.starts_at FROM inp x JOIN scope sc ON sc.id = x.meeting_id
        WHERE {_PLAIN})
    ORDER BY {NEWEST_FIRST} LIMIT :per_theme),
-- Listed: an input among the newest of one of its themes, and then in each of its themes'
-- groups, so what a theme counts as left out is only what it does not list.
listed AS MATERIALIZED (
    SELECT input_table, id FROM ranked
    WHERE newest <= CASE WHEN answered THEN :answered_per_theme ELSE :per_theme END
       OR (CASE WHEN answered THEN :answered_per_theme ELSE :per_theme END) < 0
    UNION SELECT input_table, id FROM plain)
SELECT 'listed' AS part, number, {INPUT_COLUMNS}, NULL AS key, 0 AS n, NULL AS oldest,
       (SELECT json_group_array(json_array(lower(t.name), t.name))
        FROM themes t JOIN entry_themes et ON et.theme_id = t.id
        WHERE t.series_id = :series AND et.entry_table = x.input_table AND et.entry_id = x.id)
           AS theme_names
FROM ({numbered(among("SELECT * FROM listed"), every=True)}) x
UNION ALL
SELECT CASE WHEN answered THEN 'answered left out' ELSE 'left out' END, {_NO_INPUT}, theme,
       count(DISTINCT newest), min(starts_at), NULL
FROM ranked r WHERE NOT EXISTS (
    SELECT 1 FROM listed l WHERE l.input_table = r.input_table AND l.id = r.id)
GROUP BY answered, theme
UNION ALL
SELECT 'answered', {_NO_INPUT}, NULL, count(*), NULL, NULL FROM shown WHERE answered
UNION ALL
-- All input of the scope, by who may see it, marked or plain: how much, and since when.
SELECT CASE WHEN p.marked THEN 'marked' ELSE 'plain' END, {_NO_INPUT}, p.visibility, sum(p.n),
       min(sc.starts_at), NULL
FROM per p JOIN scope sc ON sc.id = p.meeting_id GROUP BY p.marked, p.visibility
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

    The input is what `queries_input` says it is for every reader (the Loop screen, search,
    the counts); themes are grouped by name."""
    rows = store.query(
        _page(held_kinds(store, series_id, meeting_id)),
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
    seen = [row for row in rows if row["part"] in ("marked", "plain")]
    plain = [row for row in seen if row["part"] == "plain" and row["key"] in visibilities]
    return ReportPage(
        rows=[input_row(row, _theme_names(row["theme_names"])) for row in listed],
        left_out=sorted(
            [
                *(
                    LeftOut(
                        row["key"],
                        int(row["n"]),
                        _day(row["oldest"]),
                        answered=row["part"] == "answered left out",
                    )
                    for row in rows
                    if row["part"] in ("left out", "answered left out")
                ),
                *_plain_left_out(plain, open_per_theme),
            ],
            key=lambda found: (found.answered, found.theme is None, found.theme or ""),
        ),
        shown=sum(int(row["n"]) for row in seen if row["key"] in visibilities),
        hidden=_hidden(seen, visibilities),
        answered=next((int(row["n"]) for row in rows if row["part"] == "answered"), 0),
    )


def _plain_left_out(plain: list[dict[str, Any]], per_theme: int | None) -> list[LeftOut]:
    """The open input under no theme that the report does not list: all of it but the newest
    `per_theme`, the oldest of it then the oldest of all (it is never among the newest)."""
    held = sum(int(row["n"]) for row in plain)
    left = 0 if per_theme is None else held - min(held, max(per_theme, 0))
    if not left:
        return []
    return [LeftOut(None, left, min(_day(row["oldest"]) for row in plain))]


def _hidden(seen: list[dict[str, Any]], visibilities: list[str]) -> dict[str, int]:
    """Visibility (as stored) → how much input of the scope the audience may not see."""
    hidden: dict[str, int] = {}
    for row in seen:
        if row["key"] not in visibilities:
            hidden[row["key"]] = hidden.get(row["key"], 0) + int(row["n"])
    return hidden


def _day(stored: str) -> date:
    return date.fromisoformat(stored[:10])


def _limit(per_theme: int | None) -> int:
    """A per-theme limit as the query takes it: -1 for none."""
    return -1 if per_theme is None else max(per_theme, 0)


def _theme_names(found: Any) -> tuple[str, ...]:
    """The names of an input's themes (a JSON list of [lower name, name]), ordered as
    `queries_themes.entry_themes` orders them, each once."""
    names: list[str] = []
    for _, name in sorted(json.loads(found or "[]")):
        if name not in names:
            names.append(name)
    return tuple(names)
