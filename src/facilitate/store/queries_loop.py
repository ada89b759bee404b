"""Read-only joins for "you said, we did": what answers a series' input, and what could.

What input is and its numbers are in `store.queries_input`, the one definition every reader
shares; here are the responses to it: the decisions and actions linked to it (EntryLinks), the
answers that are not entries (LoopResponses), and the decisions and actions a person may link.
Each function is a fixed number of queries whatever the size of the record: never one per row.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from facilitate.store.queries_input import count_entries, escape_like
from facilitate.store.records import Store


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
    owner_person_id: str | None
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


_MEETING_IN_SCOPE = (
    "(:series IS NULL OR mi.series_id = :series) AND (:meeting IS NULL OR mi.id = :meeting)"
)


def _in_scope(table_column: str, id_column: str) -> str:
    """A condition: the input named by those two columns belongs to `:series` (or `:meeting`);
    each is a primary-key look-up, so a scope costs as many look-ups as there are links."""
    named = (
        f"i.id = {id_column} AND {table_column} = '{{table}}'"
        f" AND i.meeting_id IN (SELECT mi.id FROM meetings mi WHERE {_MEETING_IN_SCOPE})"
    )
    return f"{count_entries(named)} > 0"


_ORG_LABEL = "COALESCE(NULLIF(o.short_name, ''), o.name, '')"


# Decisions and actions linked to input, for a condition on the link `l` ({where}).
_LINKS = f"""
    SELECT l.id AS link_id, l.note AS link_note, l.to_table AS input_table,
           l.to_id AS input_id, 'decision' AS kind, d.id AS response_id, d.text,
           d.visibility, d.outcome AS state, d.review_date, NULL AS due,
           '' AS owner_name, NULL AS owner_person_id, '' AS owner_text, '[]' AS co_owners,
           0 AS whole_body, '' AS organization, m.id AS meeting_id, m.title AS meeting_title,
           m.starts_at AS meeting_starts_at, '' AS latest_update,
           NULL AS latest_update_at, l.created_at AS linked_at
    FROM entry_links l
    JOIN decisions d ON l.from_table = 'decisions' AND d.id = l.from_id
    JOIN meetings m ON m.id = d.meeting_id
    WHERE {{where}}
    UNION ALL
    SELECT l.id, l.note, l.to_table, l.to_id, 'action', a.id, a.text, a.visibility,
           a.status, NULL, a.due, COALESCE(p.name, ''), a.owner_person_id, a.owner_text,
           a.co_owners,
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
        owner_person_id=row["owner_person_id"],
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
    params: dict[str, Any] = {"prefix": f"{escape_like(reference.strip())}%", "limit": limit}
    clauses = []
    for n, word in enumerate(words):
        params[f"w{n}"] = f"%{escape_like(word)}%"
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
        [f"{escape_like(prefix.strip())}%"],
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
    owner_person_id: str | None
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
        params[f"w{n}"] = f"%{escape_like(word)}%"
        clauses.append(f"c.said LIKE :w{n} ESCAPE '\\'")
    where = " AND ".join(clauses) or "1"
    label = "COALESCE(json_extract(:labels, '$.\"' || {} || '\"'), '')"
    rows = store.query(
        f"""SELECT c.* FROM (
              SELECT 'decisions' AS tbl, d.id, d.text, d.visibility, d.outcome AS state,
                     '' AS owner_name, NULL AS owner_person_id, '' AS owner_text,
                     '[]' AS co_owners, 0 AS whole_body,
                     m.series_id, s.name AS series_name, m.starts_at, d.created_at,
                     'decision ' || d.text || ' ' || {label.format("d.outcome")} || ' ' || s.name
                         AS said
              FROM decisions d JOIN meetings m ON m.id = d.meeting_id
              JOIN meeting_series s ON s.id = m.series_id
              UNION ALL
              SELECT 'action_items', a.id, a.text, a.visibility, a.status,
                     COALESCE(p.name, ''), a.owner_person_id, a.owner_text, a.co_owners,
                     a.whole_body,
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
            owner_person_id=row["owner_person_id"],
            owner_text=row["owner_text"],
            co_owners=row["co_owners"],
            whole_body=bool(row["whole_body"]),
            series_id=row["series_id"],
            series_name=row["series_name"],
            meeting_starts_at=datetime.fromisoformat(row["starts_at"]),
        )
        for row in rows
    ]
