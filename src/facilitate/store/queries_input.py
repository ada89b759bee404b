"""What input is, and its numbers: the one definition every screen, report, count, search and
`re:N` reads (issue #13).

Every note and parking-lot entry of a series' meetings is numbered (`#12` in the live log, `re:12`
on a decision): a number is a reference, not a claim that something is owed. Input is what
partners raised for an answer, a part of those numbered entries:

- in a listening session, every note and parking-lot entry;
- in any meeting, every parking-lot entry;
- in a business meeting, a note filed under a theme, or that something answers (a decision or
  action linked to it, or an answer recorded for it). A discussion note nobody answered or
  filed is on record with its number, and owes nobody a response.

Filing a business note under a theme, or linking an answer to it, makes it input under the
number it always had.

A number is an entry's place among its series' numbered entries: meeting by meeting (start, then
id), and within a meeting in the order it was captured (created_at, then id). So a meeting's
entries are numbered together and what is captured now takes the next numbers. `numbered` is the
only place that says so; a number is found without sorting decades of notes: a meeting's offset
is a sum of per-meeting counts (indexes), a place within the meeting a window over that meeting
or an index range count. Each function is a fixed number of queries whatever the size of the
record.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from facilitate.store.queries_themes import entry_themes
from facilitate.store.records import Store

# The numbered tables, and each one's row as an input row (columns named as the first says
# them). All SQL over them is made by `inputs` and `count_entries`, a condition put inside each
# table's part: a condition outside a UNION ALL that refers to an outer row is not pushed into
# it, and each part must use its own indexes.
_NUMBERED_TABLES = {
    "notes": "{a}.id, {a}.meeting_id, {a}.text, {a}.visibility, {a}.created_at, "
    "{a}.attribution, {a}.attributed_person_id, {a}.attributed_organization_id",
    "parking_lot": "{a}.id, {a}.meeting_id, {a}.text, {a}.visibility, {a}.created_at, "
    "'none', NULL, NULL",
}


# What every numbered table holds alike, under the same names: enough to place and count rows.
_KEYS = "{a}.id, {a}.meeting_id, {a}.visibility, {a}.created_at"


# The entries that have a response, as keys (`input_table, id`): an entry a decision or action
# that still exists is linked to (a link to one since deleted answers nothing), or that has an
# answer that is not an entry. The Loop screen's count and the report's "with a response" read
# it; it is made from the small tables of links and answers, never from the notes.
ANSWERED = """
    SELECT l.to_table AS input_table, l.to_id AS id FROM entry_links l
    WHERE (l.from_table = 'decisions' AND EXISTS (SELECT 1 FROM decisions d WHERE d.id = l.from_id))
       OR (l.from_table = 'action_items'
           AND EXISTS (SELECT 1 FROM action_items a WHERE a.id = l.from_id))
    UNION
    SELECT r.input_table, r.input_id FROM loop_responses r
"""

# The entries that are input wherever they were said, as keys: answered, or filed under a theme.
# Read as an IN list, which drops repeats itself: UNION ALL spares a sort of every key.
MARKED = f"""{ANSWERED}
    UNION ALL
    SELECT et.entry_table, et.entry_id FROM entry_themes et
"""

_LISTENING_MEETINGS = "SELECT id FROM meetings WHERE kind = 'listening_session'"

# THE definition of input (the docstring says it in words): the parts of the numbered tables
# that are input, each a condition on `{a}`; `{marked}` is a query of the keys answered or
# filed (`MARKED`, or a reader's materialized copy of it). A business meeting's notes are a part
# of their own, read from the marked keys through the notes' primary key, so that decades of
# discussion notes are never walked to find the few that are input.
LISTENING = "listening"
BUSINESS = "business"
_INPUT_PARTS = (
    ("notes", f"{{a}}.meeting_id IN ({_LISTENING_MEETINGS})", LISTENING),
    (
        "notes",
        f"{{a}}.meeting_id NOT IN ({_LISTENING_MEETINGS})"
        " AND {a}.id IN (SELECT k.id FROM ({marked}) k WHERE k.input_table = 'notes')",
        BUSINESS,
    ),
    ("parking_lot", "1", ""),
)
_EVERY_PART = tuple((table, "1", "") for table in _NUMBERED_TABLES)


def inputs(
    where: str = "1",
    alias: str = "i",
    *,
    keys_only: bool = False,
    flag: str = "",
    every: bool = False,
    marked: str = MARKED,
    held: frozenset[str] = frozenset({LISTENING, BUSINESS}),
) -> str:
    """A query of the input rows (`input_table`, id, meeting_id, text, visibility, created_at,
    attribution, attributed_person_id, attributed_organization_id) that meet `where`, a
    condition on `alias` in which `{table}` stands for the part's table name. `every`: every
    numbered entry, input or not (what numbers count). `keys_only`: only `input_table`, id,
    meeting_id, visibility and created_at (for counting and ordering many rows without reading
    their words); `flag`, a condition written as `where` is, adds its value as a column `flag`
    (each part tests its own table's ids); `marked`: a query of the keys answered or filed, when
    the caller holds them already (`MARKED`); `held`: the kinds of meeting (LISTENING, BUSINESS)
    the rows can come from, when the caller knows its scope holds only one kind: the other
    kind's part is left out, not walked (a listening circle's themed notes are otherwise looked
    up a second time by the business part, to be dropped)."""
    flagged = f", ({flag}) AS flag" if flag else ""
    return " UNION ALL ".join(
        f"SELECT '{table}' AS input_table, "
        f"{(_KEYS if keys_only else _NUMBERED_TABLES[table]).format(a=alias)}"
        f"{flagged.format(table=table)} FROM {table} {alias}"
        # The part's condition first: SQLite then reads the part through it (a listening
        # session's notes by their meetings, a business meeting's by the marked keys).
        f" WHERE ({part.format(a=alias, marked=marked)}) AND ({where.format(table=table)})"
        for table, part, kind in (_EVERY_PART if every else _INPUT_PARTS)
        if not kind or kind in held
    )


def held_kinds(store: Store, series_id: str, meeting_id: str | None = None) -> frozenset[str]:
    """The kinds of meeting (LISTENING, BUSINESS) `series_id` holds (or its meeting
    `meeting_id`): one read of the meetings' index, so a query over input walks only the parts
    that can hold any."""
    rows = store.query(
        "SELECT DISTINCT kind = 'listening_session' AS listening FROM meetings"
        " WHERE series_id = ? AND (? IS NULL OR id = ?)",
        [series_id, meeting_id, meeting_id],
    )
    return frozenset(LISTENING if row["listening"] else BUSINESS for row in rows)


def count_entries(where: str, alias: str = "i") -> str:
    """An expression: how many numbered entries, input or not, meet `where` (as `inputs` takes
    it), each table counted through its own index."""
    counts = (
        f"(SELECT count(*) FROM {table} {alias} WHERE {where.format(table=table)})"
        for table in _NUMBERED_TABLES
    )
    return f"({' + '.join(counts)})"


# A series' meetings with how many numbered entries each holds and how many came before it.
_OFFSETS = f"""
    WITH per AS (
        SELECT m.id AS meeting_id, m.starts_at,
               {count_entries("i.meeting_id = m.id")} AS held
        FROM meetings m WHERE m.series_id = :series)
    SELECT meeting_id, held,
           sum(held) OVER (ORDER BY starts_at, meeting_id ROWS UNBOUNDED PRECEDING) - held
               AS before
    FROM per
"""

# Where entry `x` stands within its meeting: how many of the meeting's entries were captured
# before it (created_at, then id); the range on created_at is read from each table's index.
_PLACE = count_entries(
    "y.meeting_id = x.meeting_id AND y.created_at <= x.created_at"
    " AND (y.created_at < x.created_at OR y.id < x.id)",
    alias="y",
)


# Number order, newest first, over rows that carry their meeting's start (`starts_at`),
# `meeting_id`, `created_at` and `id`: for readers that rank input without numbering all of it.
NEWEST_FIRST = "starts_at DESC, meeting_id DESC, created_at DESC, id DESC"


def numbered(where: str = "1", *, windowed: bool = False, every: bool = False) -> str:
    """The input of `:series` that meets `where` (a condition on `x`, as `inputs` takes it),
    each with its number, meeting and series: the one place entries are numbered. `every`:
    every numbered entry, input or not. `windowed` when `where` keeps every entry of each
    meeting it keeps (a window over the meeting then places each); otherwise each row's place
    is counted through its meeting's index (for a few rows of many meetings)."""
    if windowed and not every:
        # The window must see every entry of the meeting to place one; the input is then
        # picked out by its keys.
        keys = inputs(where, "x", keys_only=True)
        return f"""
    SELECT e.* FROM ({numbered(where, windowed=True, every=True)}) e
    WHERE (e.input_table, e.id) IN (SELECT k.input_table, k.id FROM ({keys}) k)
    """
    place = (
        "row_number() OVER (PARTITION BY x.meeting_id ORDER BY x.created_at, x.id) - 1"
        if windowed
        else _PLACE
    )
    return f"""
    SELECT x.*, o.before + {place} + 1 AS number, m.series_id, s.name AS series_name,
           m.title AS meeting_title, m.starts_at AS meeting_starts_at, m.kind AS meeting_kind,
           m.attribution_policy
    FROM ({inputs(where, "x", every=every)}) x
    JOIN ({_OFFSETS}) o ON o.meeting_id = x.meeting_id
    JOIN meetings m ON m.id = x.meeting_id
    JOIN meeting_series s ON s.id = m.series_id
    """


def among(keys: str) -> str:
    """A condition for `inputs`: the row is one of `keys` (a query of `input_table, id`), read
    through its primary key."""
    return f"x.id IN (SELECT k.id FROM ({keys}) k WHERE k.input_table = '{{table}}')"


# Keys given as a JSON list of [table, id] pairs (`:keys`), as a query for `among`.
_WANTED = """SELECT json_extract(value, '$[0]') AS input_table,
                   json_extract(value, '$[1]') AS id FROM json_each(:keys)"""


@dataclass(frozen=True)
class InputRow:
    """One piece of input with its number, meeting and series, as stored."""

    input_table: str
    id: str
    number: int
    series_id: str
    series_name: str
    meeting_id: str
    meeting_title: str
    meeting_starts_at: datetime
    meeting_kind: str
    attribution_policy: str
    text: str
    visibility: str
    created_at: str
    attribution: str
    attributed_person_id: str | None
    attributed_organization_id: str | None
    themes: tuple[str, ...] = ()


# The columns of an input row with its meeting and series (`numbered`), all but its number,
# in the order `InputRow` holds them.
INPUT_COLUMNS = (
    "input_table, id, series_id, series_name, meeting_id, meeting_title, "
    "meeting_starts_at, meeting_kind, attribution_policy, text, visibility, created_at, "
    "attribution, attributed_person_id, attributed_organization_id"
)


def input_row(row: dict[str, Any], themes: tuple[str, ...]) -> InputRow:
    """An `InputRow` from a row of `numbered` and the names of its themes."""
    return InputRow(
        input_table=row["input_table"],
        id=row["id"],
        number=int(row["number"]),
        series_id=row["series_id"],
        series_name=row["series_name"],
        meeting_id=row["meeting_id"],
        meeting_title=row["meeting_title"],
        meeting_starts_at=datetime.fromisoformat(row["meeting_starts_at"]),
        meeting_kind=row["meeting_kind"],
        attribution_policy=row["attribution_policy"],
        text=row["text"],
        visibility=row["visibility"],
        created_at=row["created_at"],
        attribution=row["attribution"],
        attributed_person_id=row["attributed_person_id"],
        attributed_organization_id=row["attributed_organization_id"],
        themes=themes,
    )


def _with_themes(store: Store, rows: list[dict[str, Any]], series_id: str | None) -> list[InputRow]:
    """The rows as `InputRow`s, each with its themes (one query for all of them)."""
    themes = entry_themes(store, [(r["input_table"], r["id"]) for r in rows], series_id)
    return [input_row(r, themes.get((r["input_table"], r["id"]), ())) for r in rows]


_IN_SERIES = "x.meeting_id IN (SELECT id FROM meetings WHERE series_id = :series)"
_IN_MEETINGS = "x.meeting_id IN (SELECT value FROM json_each(:meetings))"


def series_inputs(store: Store, series_id: str, *, every: bool = False) -> list[InputRow]:
    """Every input of a series (`every`: every numbered entry), numbered, in number order, with
    its themes."""
    rows = store.query(
        f"{numbered(_IN_SERIES, windowed=True, every=every)} ORDER BY number",
        {"series": series_id},
    )
    return _with_themes(store, rows, series_id)


def _offsets(store: Store, series_id: str) -> list[dict[str, Any]]:
    return store.query(f"{_OFFSETS} ORDER BY before", {"series": series_id})


def input_total(store: Store, series_id: str) -> int:
    """How many pieces of input the series holds."""
    held = held_kinds(store, series_id)
    rows = store.query(
        f"SELECT count(*) AS n FROM ({inputs(_IN_SERIES, 'x', keys_only=True, held=held)})",
        {"series": series_id},
    )
    return int(rows[0]["n"])


def answered_total(store: Store, series_id: str) -> int:
    """How many of the series' input have a response (`ANSWERED`; an answered entry is input):
    the keys with a response, each checked through its primary key to belong to the series."""
    in_series = (
        "i.id = k.id AND k.input_table = '{table}'"
        " AND i.meeting_id IN (SELECT id FROM meetings WHERE series_id = :series)"
    )
    rows = store.query(
        f"SELECT count(*) AS n FROM ({ANSWERED}) k WHERE {count_entries(in_series)} > 0",
        {"series": series_id},
    )
    return int(rows[0]["n"])


def newest_inputs(
    store: Store, series_id: str, count: int, *, every: bool = False
) -> tuple[list[InputRow], int]:
    """The series' newest `count` pieces of input (`every`: numbered entries, input or not),
    numbered, in number order, with their themes; and how many the series holds in all."""
    if every:
        return _newest_entries(store, series_id, count)
    # The input's keys alone, with how many there are; then the words of those listed.
    held = held_kinds(store, series_id)
    keys = store.query(
        f"""SELECT input_table, id, total FROM (
                SELECT x.input_table, x.id, x.meeting_id, x.created_at, m.starts_at,
                       count(*) OVER () AS total
                FROM ({inputs(_IN_SERIES, "x", keys_only=True, held=held)}) x
                JOIN meetings m ON m.id = x.meeting_id)
            ORDER BY {NEWEST_FIRST} LIMIT max(:count, 1)""",
        {"series": series_id, "count": count},
    )
    total = int(keys[0]["total"]) if keys else 0
    listed = [(row["input_table"], row["id"]) for row in keys][: max(count, 0)]
    return _numbered_keys(store, series_id, listed, every=True), total


def _newest_entries(store: Store, series_id: str, count: int) -> tuple[list[InputRow], int]:
    """`newest_inputs` of every numbered entry: only the last meetings that hold them are read,
    each placed by one window."""
    offsets = _offsets(store, series_id)
    total = sum(int(row["held"]) for row in offsets)
    first = total - max(count, 0)  # numbers above this are shown
    meetings = [
        row["meeting_id"]
        for row in offsets
        if int(row["before"]) + int(row["held"]) > first and int(row["held"])
    ]
    if not meetings:
        return [], total
    rows = store.query(
        f"""SELECT * FROM ({numbered(_IN_MEETINGS, windowed=True, every=True)})
            WHERE number > :first ORDER BY number""",
        {"series": series_id, "meetings": json.dumps(meetings), "first": first},
    )
    return _with_themes(store, rows, series_id), total


def meeting_numbers(
    store: Store, series_id: str, meeting_ids: list[str]
) -> dict[tuple[str, str], int]:
    """(table, id) → number, for every numbered entry of the given meetings of one series (a
    live log's, or the theme board's), each meeting placed by one window."""
    rows = store.query(
        f"""SELECT input_table, id, number
            FROM ({numbered(_IN_MEETINGS, windowed=True, every=True)})""",
        {"series": series_id, "meetings": json.dumps(meeting_ids)},
    )
    return {(row["input_table"], row["id"]): int(row["number"]) for row in rows}


def input_numbered(store: Store, series_id: str, number: int) -> tuple[str, str] | None:
    """(table, id) of the series' entry numbered `number` (input or not: `re:N` names any), or
    None."""
    found = [
        row
        for row in _offsets(store, series_id)
        if int(row["before"]) < number <= int(row["before"]) + int(row["held"])
    ]
    if not found:
        return None
    meeting = numbered("x.meeting_id = :meeting", windowed=True, every=True)
    rows = store.query(
        f"SELECT input_table, id FROM ({meeting}) WHERE number = :number",
        {"series": series_id, "meeting": found[0]["meeting_id"], "number": number},
    )
    return (rows[0]["input_table"], rows[0]["id"]) if rows else None


def search_inputs(
    store: Store, words: list[str], *, series_id: str | None, limit: int
) -> list[InputRow]:
    """Input (not every numbered entry) whose text or a theme's name contains every word
    (case-insensitive), newest first, with its number (one more query per series the matches
    come from)."""
    clauses = []
    params: dict[str, Any] = {"series": series_id, "limit": limit}
    for n, word in enumerate(words):
        params[f"w{n}"] = f"%{escape_like(word)}%"
        clauses.append(
            f"""(x.text LIKE :w{n} ESCAPE '\\' OR EXISTS (
                   SELECT 1 FROM entry_themes et JOIN themes t ON t.id = et.theme_id
                   WHERE et.entry_table = '{{table}}' AND et.entry_id = x.id
                     AND t.name LIKE :w{n} ESCAPE '\\'))"""
        )
    where = " AND ".join(clauses) or "1"
    rows = store.query(
        f"""SELECT input_table, id, series_id FROM (
                SELECT x.input_table, x.id, x.meeting_id, x.created_at, m.series_id, m.starts_at
                FROM ({inputs(where, "x")}) x JOIN meetings m ON m.id = x.meeting_id
                WHERE :series IS NULL OR m.series_id = :series)
            ORDER BY {NEWEST_FIRST} LIMIT :limit""",
        params,
    )
    found: list[InputRow] = []
    for series in dict.fromkeys(row["series_id"] for row in rows):
        keys = [(row["input_table"], row["id"]) for row in rows if row["series_id"] == series]
        found += _numbered_keys(store, series, keys)
    order = {(row["input_table"], row["id"]): n for n, row in enumerate(rows)}
    return sorted(found, key=lambda row: order[(row.input_table, row.id)])


def _numbered_keys(
    store: Store, series_id: str, keys: list[tuple[str, str]], *, every: bool = False
) -> list[InputRow]:
    """The given entries of one series ((table, id) pairs), numbered, in number order, with
    their themes: only those that are input, unless `every` (others of another series are
    always left out)."""
    if not keys:
        return []
    rows = store.query(
        f"{numbered(among(_WANTED), every=every)} ORDER BY number",
        {"series": series_id, "keys": json.dumps(keys)},
    )
    return _with_themes(store, rows, series_id)


def input_keys(store: Store, keys: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Those of the given numbered entries ((table, id) pairs) that are input."""
    rows = store.query(
        f"SELECT input_table, id FROM ({inputs(among(_WANTED), 'x', keys_only=True)})",
        {"keys": json.dumps(keys)},
    )
    return [(row["input_table"], row["id"]) for row in rows]


def newer_than(store: Store, series_id: str, key: tuple[str, str], *, every: bool = False) -> int:
    """How many of the series' input (`every`: numbered entries) are the entry `key` or come
    after it in number order: where it stands, newest first (0 when it is not among them)."""
    held = held_kinds(store, series_id)
    keys = inputs(_IN_SERIES, "x", keys_only=True, every=every, held=held)
    rows = store.query(
        f"""WITH each_row AS (
                SELECT x.input_table, x.id, m.starts_at, x.meeting_id, x.created_at
                FROM ({keys}) x JOIN meetings m ON m.id = x.meeting_id),
            this AS (SELECT * FROM each_row WHERE input_table = :table AND id = :id)
            SELECT count(*) AS n FROM each_row e, this t
            WHERE (e.starts_at, e.meeting_id, e.created_at, e.id)
               >= (t.starts_at, t.meeting_id, t.created_at, t.id)""",
        {"series": series_id, "table": key[0], "id": key[1]},
    )
    return int(rows[0]["n"])


def escape_like(word: str) -> str:
    """`word` as a LIKE pattern matches it literally (with ESCAPE '\\')."""
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
