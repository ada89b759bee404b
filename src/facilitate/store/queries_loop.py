"""Read-only joins for "you said, we did": a series' input, numbered, and what answers it.

Input is a note or a parking-lot entry. Its number is its place among its series' input: meeting
by meeting (start, then id), and within a meeting in the order it was captured (created_at, then
id). So a meeting's input is numbered together, input captured now takes the next numbers, and a
number is found without sorting decades of notes: a meeting's offset is a sum of per-meeting
counts (covering indexes), a place within the meeting two index range counts. Every screen,
report and `re:N` token reads numbers from here. Each function is a fixed number of queries
whatever the size of the record: never one per row.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from facilitate.store.records import Store

# A series' meetings with how much input each holds and how much came before it.
_OFFSETS = """
    WITH per AS (
        SELECT m.id AS meeting_id, m.starts_at,
               (SELECT count(*) FROM notes n WHERE n.meeting_id = m.id)
               + (SELECT count(*) FROM parking_lot p WHERE p.meeting_id = m.id) AS held
        FROM meetings m WHERE m.series_id = :series)
    SELECT meeting_id, held,
           sum(held) OVER (ORDER BY starts_at, meeting_id ROWS UNBOUNDED PRECEDING) - held
               AS before
    FROM per
"""

# A note or a parking-lot entry as an input row (`x` in the queries below).
_NOTE_INPUT = """SELECT 'notes' AS input_table, n.id, n.meeting_id, n.text, n.visibility,
           n.created_at, n.attribution, n.attributed_person_id, n.attributed_organization_id
    FROM notes n"""
_PARKED_INPUT = """SELECT 'parking_lot' AS input_table, p.id, p.meeting_id, p.text, p.visibility,
           p.created_at, 'none' AS attribution, NULL AS attributed_person_id,
           NULL AS attributed_organization_id
    FROM parking_lot p"""

# Where input `x` stands within its meeting: how many of the meeting's input came before it.
_PLACE = """(
    (SELECT count(*) FROM notes n2 WHERE n2.meeting_id = x.meeting_id
        AND n2.created_at < x.created_at)
  + (SELECT count(*) FROM notes n2 WHERE n2.meeting_id = x.meeting_id
        AND n2.created_at = x.created_at AND n2.id < x.id)
  + (SELECT count(*) FROM parking_lot p2 WHERE p2.meeting_id = x.meeting_id
        AND (p2.created_at < x.created_at OR (p2.created_at = x.created_at AND p2.id < x.id))))"""


def numbered(inputs: str, *, windowed: bool = False) -> str:
    """`inputs` (a query of input rows of `:series`) with number, meeting and series. Each
    row's place in its meeting is counted, or `windowed` when `inputs` holds every input of
    each of its meetings."""
    place = (
        "row_number() OVER (PARTITION BY x.meeting_id ORDER BY x.created_at, x.id) - 1"
        if windowed
        else _PLACE
    )
    return f"""
    SELECT x.*, o.before + {place} + 1 AS number, m.series_id, s.name AS series_name,
           m.title AS meeting_title, m.starts_at AS meeting_starts_at, m.kind AS meeting_kind,
           m.attribution_policy
    FROM ({inputs}) x
    JOIN ({_OFFSETS}) o ON o.meeting_id = x.meeting_id
    JOIN meetings m ON m.id = x.meeting_id
    JOIN meeting_series s ON s.id = m.series_id
    """


# Every input of `:series`, numbered by one window over the whole series (for listing it all).
_ALL_NUMBERED = f"""
    SELECT x.*, row_number() OVER (ORDER BY m.starts_at, m.id, x.created_at, x.id) AS number,
           m.series_id, s.name AS series_name, m.title AS meeting_title,
           m.starts_at AS meeting_starts_at, m.kind AS meeting_kind, m.attribution_policy
    FROM ({_NOTE_INPUT} UNION ALL {_PARKED_INPUT}) x
    JOIN meetings m ON m.id = x.meeting_id
    JOIN meeting_series s ON s.id = m.series_id
    WHERE m.series_id = :series
"""


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


@dataclass(frozen=True)
class LinkRow:
    """A decision or action linked to a piece of input, with what a report says of it."""

    link_id: str
    link_note: str
    input_table: str
    input_id: str
    kind: str  # "decision" or "action"
    response_id: str
    text: str
    visibility: str
    state: str  # the decision's outcome or the action's status, as stored
    review_date: date | None
    due: date | None
    owner_name: str
    owner_text: str
    co_owners: str  # JSON, as stored
    whole_body: bool
    organization: str
    meeting_id: str
    meeting_title: str
    meeting_starts_at: datetime
    latest_update: str
    latest_update_at: str | None


@dataclass(frozen=True)
class AnswerRow:
    """A LoopResponse (an answer that is not an entry) with its organization's label."""

    id: str
    input_table: str
    input_id: str
    kind: str
    text: str
    reason: str
    organization: str
    responded_on: date | None
    visibility: str
    meeting_id: str | None
    created_at: str


def _date(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None


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


def _themes_of(
    row: dict[str, Any], themes: dict[tuple[str, str], tuple[str, ...]]
) -> tuple[str, ...]:
    return themes.get((row["input_table"], row["id"]), ())


def entry_themes(store: Store, series_id: str | None) -> dict[tuple[str, str], tuple[str, ...]]:
    """(entry table, entry id) → the names of its themes, alphabetical, for one series' themes
    (or every series')."""
    rows = store.query(
        """SELECT et.entry_table, et.entry_id, t.name FROM entry_themes et
           JOIN themes t ON t.id = et.theme_id
           WHERE :series IS NULL OR t.series_id = :series
           ORDER BY et.entry_table, et.entry_id, lower(t.name)""",
        {"series": series_id},
    )
    themes: dict[tuple[str, str], tuple[str, ...]] = {}
    for row in rows:
        key = (row["entry_table"], row["entry_id"])
        if row["name"] not in themes.get(key, ()):
            themes[key] = (*themes.get(key, ()), row["name"])
    return themes


def series_inputs(store: Store, series_id: str) -> list[InputRow]:
    """Every input of a series, numbered, in number order, with its themes."""
    rows = store.query(f"{_ALL_NUMBERED} ORDER BY number", {"series": series_id})
    themes = entry_themes(store, series_id)
    return [input_row(row, _themes_of(row, themes)) for row in rows]


def input_total(store: Store, series_id: str) -> int:
    """How many pieces of input the series holds (per-meeting counts on covering indexes)."""
    rows = store.query(
        f"SELECT coalesce(sum(held), 0) AS n FROM ({_OFFSETS})", {"series": series_id}
    )
    return int(rows[0]["n"])


def newest_inputs(store: Store, series_id: str, count: int) -> tuple[list[InputRow], int]:
    """The series' newest `count` pieces of input, numbered, in number order, with their
    themes; and how many the series holds in all. Only the last meetings that hold them are
    read: a place within each is one window, its offset a sum of per-meeting counts."""
    offsets = store.query(f"{_OFFSETS} ORDER BY before", {"series": series_id})
    total = sum(int(row["held"]) for row in offsets)
    first = total - max(count, 0)  # numbers above this are shown
    before = {
        row["meeting_id"]: int(row["before"])
        for row in offsets
        if int(row["before"]) + int(row["held"]) > first and int(row["held"])
    }
    if not before:
        return [], total
    rows = store.query(
        f"""SELECT x.*,
                   row_number() OVER (PARTITION BY x.meeting_id ORDER BY x.created_at, x.id)
                       AS place,
                   m.series_id, s.name AS series_name, m.title AS meeting_title,
                   m.starts_at AS meeting_starts_at, m.kind AS meeting_kind,
                   m.attribution_policy
            FROM ({_NOTE_INPUT} WHERE n.meeting_id IN (SELECT value FROM json_each(:meetings))
                  UNION ALL
                  {_PARKED_INPUT}
                  WHERE p.meeting_id IN (SELECT value FROM json_each(:meetings))) x
            JOIN meetings m ON m.id = x.meeting_id
            JOIN meeting_series s ON s.id = m.series_id""",
        {"meetings": json.dumps(list(before))},
    )
    placed = [{**row, "number": before[row["meeting_id"]] + row["place"]} for row in rows]
    shown = sorted((row for row in placed if row["number"] > first), key=lambda r: r["number"])
    themes = entry_themes(store, series_id)
    return [input_row(row, _themes_of(row, themes)) for row in shown], total


def inputs_among(keys: str) -> str:
    """A query of the input rows (as `numbered` takes them) whose table and id are a row of
    `keys` (a query of `input_table, id`), each read through its primary key."""
    return f"""
        {_NOTE_INPUT}
        WHERE n.id IN (SELECT id FROM ({keys}) WHERE input_table = 'notes')
        UNION ALL
        {_PARKED_INPUT}
        WHERE p.id IN (SELECT id FROM ({keys}) WHERE input_table = 'parking_lot')
    """


def numbers_of(
    store: Store, series_id: str, keys: list[tuple[str, str]]
) -> dict[tuple[str, str], int]:
    """(table, id) → number, for the given input of one series (others are left out)."""
    notes = [row_id for table, row_id in keys if table == "notes"]
    parked = [row_id for table, row_id in keys if table == "parking_lot"]
    inputs = f"""
        {_NOTE_INPUT} WHERE n.id IN (SELECT value FROM json_each(:notes))
        UNION ALL
        {_PARKED_INPUT} WHERE p.id IN (SELECT value FROM json_each(:parked))
    """
    rows = store.query(
        f"SELECT input_table, id, number FROM ({numbered(inputs)})",
        {"series": series_id, "notes": json.dumps(notes), "parked": json.dumps(parked)},
    )
    return {(row["input_table"], row["id"]): int(row["number"]) for row in rows}


def meeting_numbers(store: Store, meeting_id: str) -> dict[tuple[str, str], int]:
    """(table, id) → number, for the input of one meeting (the live log's, cheaply)."""
    inputs = f"""
        {_NOTE_INPUT} WHERE n.meeting_id = :meeting
        UNION ALL
        {_PARKED_INPUT} WHERE p.meeting_id = :meeting
    """
    rows = store.query(
        f"""SELECT input_table, id, number FROM ({numbered(inputs)})""",
        {
            "meeting": meeting_id,
            "series": _series_of(store, meeting_id),
        },
    )
    return {(row["input_table"], row["id"]): int(row["number"]) for row in rows}


def _series_of(store: Store, meeting_id: str) -> str | None:
    rows = store.query("SELECT series_id FROM meetings WHERE id = ?", [meeting_id])
    return rows[0]["series_id"] if rows else None


def input_number_pairs(store: Store, series_id: str) -> list[tuple[str, str, int]]:
    """(table, id, number) of every input of a series: the numbering alone, without texts."""
    rows = store.query(
        """SELECT x.input_table, x.id,
                   row_number() OVER (ORDER BY m.starts_at, m.id, x.created_at, x.id) AS number
            FROM (SELECT 'notes' AS input_table, n.id, n.meeting_id, n.created_at FROM notes n
                  UNION ALL
                  SELECT 'parking_lot', p.id, p.meeting_id, p.created_at FROM parking_lot p) x
            JOIN meetings m ON m.id = x.meeting_id WHERE m.series_id = :series""",
        {"series": series_id},
    )
    return [(row["input_table"], row["id"], int(row["number"])) for row in rows]


def input_numbered(store: Store, series_id: str, number: int) -> tuple[str, str] | None:
    """(table, id) of the series' input numbered `number`, or None."""
    if number < 1:
        return None
    found = store.query(
        f"SELECT meeting_id, before FROM ({_OFFSETS}) WHERE before < :number "
        "AND before + held >= :number",
        {"series": series_id, "number": number},
    )
    if not found:
        return None
    rows = store.query(
        """SELECT input_table, id FROM (
                SELECT 'notes' AS input_table, id, created_at FROM notes
                WHERE meeting_id = :meeting
                UNION ALL
                SELECT 'parking_lot', id, created_at FROM parking_lot WHERE meeting_id = :meeting)
            ORDER BY created_at, id LIMIT 1 OFFSET :offset""",
        {"meeting": found[0]["meeting_id"], "offset": number - 1 - found[0]["before"]},
    )
    return (rows[0]["input_table"], rows[0]["id"]) if rows else None


def search_inputs(
    store: Store, words: list[str], *, series_id: str | None, limit: int
) -> list[InputRow]:
    """Input whose text or a theme's name contains every word (case-insensitive), newest first,
    with its number (one more query per series the matches come from)."""
    clauses = []
    params: dict[str, Any] = {"series": series_id, "limit": limit}
    for n, word in enumerate(words):
        params[f"w{n}"] = f"%{_escape_like(word)}%"
        clauses.append(
            f"""(x.text LIKE :w{n} ESCAPE '\\' OR EXISTS (
                   SELECT 1 FROM entry_themes et JOIN themes t ON t.id = et.theme_id
                   WHERE et.entry_table = x.input_table AND et.entry_id = x.id
                     AND t.name LIKE :w{n} ESCAPE '\\'))"""
        )
    where = " AND ".join(clauses) or "1"
    rows = store.query(
        f"""SELECT x.*, 0 AS number, m.series_id, s.name AS series_name,
                   m.title AS meeting_title, m.starts_at AS meeting_starts_at,
                   m.kind AS meeting_kind, m.attribution_policy
            FROM ({_NOTE_INPUT} UNION ALL {_PARKED_INPUT}) x
            JOIN meetings m ON m.id = x.meeting_id
            JOIN meeting_series s ON s.id = m.series_id
            WHERE (:series IS NULL OR m.series_id = :series) AND {where}
            ORDER BY m.starts_at DESC, x.created_at DESC, x.id DESC LIMIT :limit""",
        params,
    )
    numbers: dict[tuple[str, str], int] = {}
    for series in dict.fromkeys(row["series_id"] for row in rows):
        keys = [(row["input_table"], row["id"]) for row in rows if row["series_id"] == series]
        numbers.update(numbers_of(store, series, keys))
    themes = entry_themes(store, series_id)
    return [
        input_row(
            {**row, "number": numbers[(row["input_table"], row["id"])]}, _themes_of(row, themes)
        )
        for row in rows
    ]


def _escape_like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


_MEETING_IN_SCOPE = (
    "(:series IS NULL OR mi.series_id = :series) AND (:meeting IS NULL OR mi.id = :meeting)"
)


def _in_scope(table_column: str, id_column: str) -> str:
    """A condition: the input named by those two columns belongs to `:series` (or `:meeting`);
    each is a primary-key look-up, so a scope costs as many look-ups as there are links."""
    return f"""(EXISTS (
        SELECT 1 FROM notes n JOIN meetings mi ON mi.id = n.meeting_id
        WHERE {table_column} = 'notes' AND n.id = {id_column}
          AND {_MEETING_IN_SCOPE})
      OR EXISTS (
        SELECT 1 FROM parking_lot pl JOIN meetings mi ON mi.id = pl.meeting_id
        WHERE {table_column} = 'parking_lot' AND pl.id = {id_column}
          AND {_MEETING_IN_SCOPE}))"""


_ORG_LABEL = "COALESCE(NULLIF(o.short_name, ''), o.name, '')"


# Decisions and actions linked to input, for a condition on the link `l` ({where}).
_LINKS = f"""
    SELECT l.id AS link_id, l.note AS link_note, l.to_table AS input_table,
           l.to_id AS input_id, 'decision' AS kind, d.id AS response_id, d.text,
           d.visibility, d.outcome AS state, d.review_date, NULL AS due,
           '' AS owner_name, '' AS owner_text, '[]' AS co_owners, 0 AS whole_body,
           '' AS organization, m.id AS meeting_id, m.title AS meeting_title,
           m.starts_at AS meeting_starts_at, '' AS latest_update,
           NULL AS latest_update_at, l.created_at AS linked_at
    FROM entry_links l
    JOIN decisions d ON l.from_table = 'decisions' AND d.id = l.from_id
    JOIN meetings m ON m.id = d.meeting_id
    WHERE {{where}}
    UNION ALL
    SELECT l.id, l.note, l.to_table, l.to_id, 'action', a.id, a.text, a.visibility,
           a.status, NULL, a.due, COALESCE(p.name, ''), a.owner_text, a.co_owners,
           a.whole_body, {_ORG_LABEL}, m.id, m.title, m.starts_at,
           COALESCE(u.note, ''), u.at, l.created_at
    FROM entry_links l
    JOIN action_items a ON l.from_table = 'action_items' AND a.id = l.from_id
    JOIN meetings m ON m.id = a.meeting_id
    LEFT JOIN people p ON p.id = a.owner_person_id
    LEFT JOIN organizations o ON o.id = COALESCE(a.organization_id, p.organization_id)
    LEFT JOIN action_updates u ON u.id = (
        SELECT u2.id FROM action_updates u2 WHERE u2.action_id = a.id
        ORDER BY u2.at DESC, u2.id DESC LIMIT 1)
    WHERE {{where}}
    ORDER BY linked_at, link_id
"""

# LoopResponses, for a condition on the response `r` ({where}).
_ANSWERS = f"""SELECT r.*, {_ORG_LABEL} AS organization FROM loop_responses r
    LEFT JOIN organizations o ON o.id = r.organization_id
    WHERE {{where}}
    ORDER BY r.created_at, r.id"""

# The input given as a JSON list of [table, id] pairs, as a table `wanted`.
_WANTED = """WITH wanted(input_table, input_id) AS (
    SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(:inputs))"""


def linked_responses(
    store: Store, *, series_id: str | None = None, meeting_id: str | None = None
) -> list[LinkRow]:
    """Every decision and action linked to input of a series (or of one meeting), in the order
    the links were made. Links to a response since deleted are left out: they answer nothing."""
    # Links are few (hundreds in decades); the input side is checked through its primary key.
    where = _in_scope("l.to_table", "l.to_id")
    rows = store.query(_LINKS.format(where=where), {"series": series_id, "meeting": meeting_id})
    return [_link_row(row) for row in rows]


def loop_answers(
    store: Store, *, series_id: str | None = None, meeting_id: str | None = None
) -> list[AnswerRow]:
    """Every LoopResponse to input of a series (or of one meeting), oldest first."""
    rows = store.query(
        _ANSWERS.format(where=_in_scope("r.input_table", "r.input_id")),
        {"series": series_id, "meeting": meeting_id},
    )
    return [_answer_row(row) for row in rows]


def responses_to(
    store: Store, inputs: list[tuple[str, str]]
) -> tuple[list[LinkRow], list[AnswerRow]]:
    """The decisions and actions linked to these inputs ((table, id) pairs), in the order the
    links were made, and their LoopResponses, oldest first: what answers the rows a report
    lists, read through the links' and responses' indexes on the input (two queries)."""
    params = {"inputs": json.dumps(inputs)}
    wanted = "(l.to_table, l.to_id) IN (SELECT input_table, input_id FROM wanted)"
    links = store.query(f"{_WANTED} {_LINKS.format(where=wanted)}", params)
    answered = "(r.input_table, r.input_id) IN (SELECT input_table, input_id FROM wanted)"
    answers = store.query(f"{_WANTED} {_ANSWERS.format(where=answered)}", params)
    return [_link_row(row) for row in links], [_answer_row(row) for row in answers]


def _link_row(row: dict[str, Any]) -> LinkRow:
    return LinkRow(
        link_id=row["link_id"],
        link_note=row["link_note"],
        input_table=row["input_table"],
        input_id=row["input_id"],
        kind=row["kind"],
        response_id=row["response_id"],
        text=row["text"],
        visibility=row["visibility"],
        state=row["state"],
        review_date=_date(row["review_date"]),
        due=_date(row["due"]),
        owner_name=row["owner_name"],
        owner_text=row["owner_text"],
        co_owners=row["co_owners"],
        whole_body=bool(row["whole_body"]),
        organization=row["organization"],
        meeting_id=row["meeting_id"],
        meeting_title=row["meeting_title"],
        meeting_starts_at=datetime.fromisoformat(row["meeting_starts_at"]),
        latest_update=row["latest_update"],
        latest_update_at=row["latest_update_at"],
    )


def _answer_row(row: dict[str, Any]) -> AnswerRow:
    return AnswerRow(
        id=row["id"],
        input_table=row["input_table"],
        input_id=row["input_id"],
        kind=row["kind"],
        text=row["text"],
        reason=row["reason"],
        organization=row["organization"],
        responded_on=_date(row["responded_on"]),
        visibility=row["visibility"],
        meeting_id=row["meeting_id"],
        created_at=row["created_at"],
    )


def response_candidates(store: Store, table: str, reference: str, *, limit: int = 6) -> list[str]:
    """Ids of decisions or action items (`table`) whose id starts with `reference`, or whose
    text contains every word of it; newest first."""
    if table not in ("decisions", "action_items"):
        raise ValueError(f"not a response table: {table}")
    words = reference.split()
    params: dict[str, Any] = {"prefix": f"{_escape_like(reference.strip())}%", "limit": limit}
    clauses = []
    for n, word in enumerate(words):
        params[f"w{n}"] = f"%{_escape_like(word)}%"
        clauses.append(f"r.text LIKE :w{n} ESCAPE '\\'")
    matches_text = " AND ".join(clauses) or "0"
    rows = store.query(
        f"""SELECT r.id FROM {table} r
            WHERE r.id LIKE :prefix ESCAPE '\\' OR ({matches_text})
            ORDER BY (r.id LIKE :prefix ESCAPE '\\') DESC, r.created_at DESC LIMIT :limit""",
        params,
    )
    return [row["id"] for row in rows]


def answer_ids(store: Store, prefix: str, table: str = "loop_responses") -> list[str]:
    """Ids of LoopResponses (or of `table`'s rows: "entry_links") starting with `prefix`, at
    most a few."""
    rows = store.query(
        f"SELECT id FROM {table} WHERE id LIKE ? ESCAPE '\\' LIMIT 3",
        [f"{_escape_like(prefix.strip())}%"],
    )
    return [row["id"] for row in rows]


@dataclass(frozen=True)
class CandidateRow:
    """A decision or action that could answer input, with what the chooser shows of it."""

    table: str  # "decisions" or "action_items"
    id: str
    text: str
    visibility: str
    state: str  # the decision's outcome or the action's status, as stored
    owner_name: str
    owner_text: str
    co_owners: str  # JSON, as stored
    whole_body: bool
    series_id: str
    series_name: str
    meeting_starts_at: datetime


def candidate_rows(
    store: Store, series_id: str, words: list[str], labels: dict[str, str], *, limit: int
) -> list[CandidateRow]:
    """Decisions and actions of the whole partnership whose words hold every one of `words`
    (case-insensitive): their text, owner, kind ("decision", "action"), status or outcome as
    `labels` words it (stored value → label), and series name. The series' own first, then
    the others, each newest first; at most `limit`."""
    params: dict[str, Any] = {"series": series_id, "labels": json.dumps(labels), "limit": limit}
    clauses = []
    for n, word in enumerate(words):
        params[f"w{n}"] = f"%{_escape_like(word)}%"
        clauses.append(f"c.said LIKE :w{n} ESCAPE '\\'")
    where = " AND ".join(clauses) or "1"
    label = "COALESCE(json_extract(:labels, '$.\"' || {} || '\"'), '')"
    rows = store.query(
        f"""SELECT c.* FROM (
              SELECT 'decisions' AS tbl, d.id, d.text, d.visibility, d.outcome AS state,
                     '' AS owner_name, '' AS owner_text, '[]' AS co_owners, 0 AS whole_body,
                     m.series_id, s.name AS series_name, m.starts_at, d.created_at,
                     'decision ' || d.text || ' ' || {label.format("d.outcome")} || ' ' || s.name
                         AS said
              FROM decisions d JOIN meetings m ON m.id = d.meeting_id
              JOIN meeting_series s ON s.id = m.series_id
              UNION ALL
              SELECT 'action_items', a.id, a.text, a.visibility, a.status,
                     COALESCE(p.name, ''), a.owner_text, a.co_owners, a.whole_body,
                     m.series_id, s.name, m.starts_at, a.created_at,
                     'action ' || a.text || ' ' || COALESCE(p.name, '') || ' ' || a.owner_text
                     || ' ' || a.co_owners || ' ' || {label.format("a.status")} || ' ' || s.name
              FROM action_items a JOIN meetings m ON m.id = a.meeting_id
              JOIN meeting_series s ON s.id = m.series_id
              LEFT JOIN people p ON p.id = a.owner_person_id) c
            WHERE {where}
            ORDER BY c.series_id = :series DESC, c.starts_at DESC, c.created_at DESC, c.id DESC
            LIMIT :limit""",
        params,
    )
    return [
        CandidateRow(
            table=row["tbl"],
            id=row["id"],
            text=row["text"],
            visibility=row["visibility"],
            state=row["state"],
            owner_name=row["owner_name"],
            owner_text=row["owner_text"],
            co_owners=row["co_owners"],
            whole_body=bool(row["whole_body"]),
            series_id=row["series_id"],
            series_name=row["series_name"],
            meeting_starts_at=datetime.fromisoformat(row["starts_at"]),
        )
        for row in rows
    ]
