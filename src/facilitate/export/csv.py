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

from facilitate.export.record_tables import WHOLE_SERIES
from facilitate.services.record.document import ActionLine, DecisionLine, MinutesDocument

if TYPE_CHECKING:
    from facilitate.services.record.series_record import SeriesRecord
    from facilitate.store.queries_follow_through import FollowThroughRow

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
    # Members present when it was taken, and how many quorum needed (issue #17); last, so a
    # spreadsheet reading columns by position still finds the others where they were.
    "quorum_present",
    "quorum_needed",
    # Each member's vote when the body voted by roll call (issue #17).
    "roll_call",
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
    present, needed = line.quorum_present or line.without_quorum or (None, None)
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
        present,
        needed,
        line.roll_call_text,
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
    """Every note the audience may read, under its agenda item (or other business); a
    listening session's under its theme instead (or "Other input"), once per theme."""
    day = doc.day.isoformat()
    under = [(section.title, section.notes) for section in doc.sections()]
    under += [(t.name or doc.words.other_input, t.notes) for t in doc.input_by_theme]
    return _csv(
        NOTE_COLUMNS,
        [
            [day, doc.title, title, note.text, note.source, doc.status.value]
            for title, notes in under
            for note in notes
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


# The register's own column, last (see DECISION_COLUMNS): days past due on the record's day,
# 0 when not overdue; the minutes' action CSV has no such column.
RECORD_ACTION_COLUMNS = (*ACTION_COLUMNS, "days_late")

FOLLOW_THROUGH_COLUMNS = (
    "for",
    "organization_id",
    "actions",
    "done_on_time",
    "done_late",
    "done_undated",
    "open",
    "overdue",
    "dropped",
    "as_of",
)


def record_actions_csv(record: SeriesRecord) -> bytes:
    return _csv(
        RECORD_ACTION_COLUMNS,
        [
            [
                *_action_row(
                    r.meeting_date.isoformat(), r.meeting_title, r.action, r.minutes_status.value
                ),
                r.days_late,
            ]
            for r in record.actions
        ],
    )


def record_follow_through_csv(record: SeriesRecord) -> bytes:
    """The series' follow-through figures, then each organization's (no organization: blank)."""
    rows: list[tuple[str, str | None, FollowThroughRow]]
    rows = [(WHOLE_SERIES, None, f) for f in record.follow_through]
    rows += [(f.label, f.key, f) for f in record.follow_through_by_organization]
    as_of = record.as_of.isoformat() if record.as_of else ""
    return _csv(
        FOLLOW_THROUGH_COLUMNS,
        [
            [
                label,
                key or "",
                f.done_on_time + f.done_late + f.done_undated + f.open + f.dropped,
                f.done_on_time,
                f.done_late,
                f.done_undated,
                f.open,
                f.overdue,
                f.dropped,
                as_of,
            ]
            for label, key, f in rows
        ],
    )
