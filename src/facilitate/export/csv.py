"""Decisions, action items and notes as CSV: one row per entry, UTF-8 with a byte-order mark so
spreadsheet programs read accents and syllabics correctly. The csv module does the quoting;
a cell that a spreadsheet would run as a formula (=, +, -, @) gets a leading apostrophe.

Column names are stable identifiers for spreadsheets and scripts, the same in every language;
the values (statuses, methods, "Other business") are in the document's language.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from facilitate.services.record.document import ActionLine, DecisionLine, MinutesDocument

if TYPE_CHECKING:
    from facilitate.services.record.series_record import SeriesRecord
    from facilitate.services.record.you_said_we_did import LoopReport

DECISION_COLUMNS = (
    "meeting_date",
    "meeting",
    "agenda_item",
    "decision",
    "method",
    "outcome",
    "votes_for",
    "votes_against",
    "abstentions",
    "distribution",
    "stand_asides",
    "blocks",
    "motion",
    "amendments",
    "rationale",
    "review_date",
    "minutes_status",
)

ACTION_COLUMNS = (
    "meeting_date",
    "meeting",
    "agenda_item",
    "action",
    "owner",
    "organization",
    "due",
    "status",
    "minutes_status",
)

NOTE_COLUMNS = (
    "meeting_date",
    "meeting",
    "agenda_item",
    "note",
    "source",
    "minutes_status",
)

LOOP_COLUMNS = (
    "meeting_date",
    "meeting",
    "you_said",
    "source",
    "response_kind",
    "we_did",
    "status",
    "owner",
    "organization",
    "due",
    "latest_update",
)

_FORMULA_START = ("=", "+", "-", "@")


def safe_cell(value: object) -> str:
    """A cell as text, defused against spreadsheet formula injection."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _csv(header: Sequence[str], rows: Sequence[Sequence[object]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return buffer.getvalue().encode("utf-8-sig")


def _objections(line: DecisionLine, blocks: bool) -> str:
    items = line.blocks if blocks else line.stand_asides
    return "; ".join(f"{o.who}: {o.reason}" if o.reason else o.who for o in items)


def _decision_row(day: str, meeting: str, line: DecisionLine, status: str) -> list[object]:
    return [
        day,
        meeting,
        line.agenda_item,
        line.text,
        line.method,
        line.outcome,
        line.votes_for,
        line.votes_against,
        line.abstentions,
        line.distribution_text,
        _objections(line, False),
        _objections(line, True),
        line.motion,
        "; ".join(line.amendments),
        line.rationale,
        line.review_date.isoformat() if line.review_date else "",
        status,
    ]


def _action_row(day: str, meeting: str, line: ActionLine, status: str) -> list[object]:
    return [
        day,
        meeting,
        line.agenda_item,
        line.text,
        line.owner,
        line.organization,
        line.due.isoformat() if line.due else "",
        line.status_label,
        status,
    ]


def decisions_csv(doc: MinutesDocument) -> bytes:
    day = doc.day.isoformat()
    return _csv(
        DECISION_COLUMNS,
        [_decision_row(day, doc.title, d, doc.status.value) for d in doc.decisions],
    )


def actions_csv(doc: MinutesDocument) -> bytes:
    day = doc.day.isoformat()
    return _csv(
        ACTION_COLUMNS, [_action_row(day, doc.title, a, doc.status.value) for a in doc.actions]
    )


def notes_csv(doc: MinutesDocument) -> bytes:
    """Every note the audience may read, under its agenda item (or other business)."""
    day = doc.day.isoformat()
    return _csv(
        NOTE_COLUMNS,
        [
            [day, doc.title, section.title, note.text, note.source, doc.status.value]
            for section in doc.sections()
            for note in section.notes
        ],
    )


def record_decisions_csv(record: SeriesRecord) -> bytes:
    return _csv(
        DECISION_COLUMNS,
        [
            _decision_row(
                r.meeting_date.isoformat(), r.meeting_title, r.decision, r.minutes_status.value
            )
            for r in record.decisions
        ],
    )


def record_actions_csv(record: SeriesRecord) -> bytes:
    return _csv(
        ACTION_COLUMNS,
        [
            _action_row(
                r.meeting_date.isoformat(), r.meeting_title, r.action, r.minutes_status.value
            )
            for r in record.actions
        ],
    )


def loop_csv(report: LoopReport) -> bytes:
    rows: list[list[object]] = []
    for line in report.inputs:
        base: list[object] = [
            line.meeting_date.isoformat(),
            line.meeting_title,
            line.text,
            line.source,
        ]
        if not line.responses:
            rows.append([*base, "", "", "no response yet", "", "", "", ""])
        for r in line.responses:
            rows.append(
                [
                    *base,
                    r.kind,
                    r.text,
                    r.status,
                    r.owner,
                    r.organization,
                    r.due.isoformat() if r.due else "",
                    r.latest_update,
                ]
            )
    return _csv(LOOP_COLUMNS, rows)
