"""The tables every document format shows alike: action items, the decision log and the action
register, as a header and rows of plain text.

Markdown, HTML and Word only lay these out and escape the cells their own way, so a column added
or a date written differently changes all three at once. CSV is not among them: its columns are
for spreadsheets and keep every field apart (see `csv`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from facilitate.services.record.document import ActionLine
from facilitate.services.record.series_record import SeriesRecord
from facilitate.services.record.wording import short_date


@dataclass(frozen=True)
class TextTable:
    """Column headings (our own words) and rows of record text, not yet escaped; `empty` is
    what a format says instead of a table with no rows."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    empty: str = ""


def _due(action: ActionLine) -> str:
    return short_date(action.due) or "no date"


def action_items(actions: Sequence[ActionLine], *, status: bool = False) -> TextTable:
    """The action items of a section, or (with `status`) of one organization's packet."""
    header = ("Action", "Owner", "Organization", "Due") + (("Status",) if status else ())
    return TextTable(
        header,
        tuple(
            (a.text, a.owner, a.organization, _due(a)) + ((a.status_label,) if status else ())
            for a in actions
        ),
    )


def decision_log(record: SeriesRecord) -> TextTable:
    """A series' decisions, one row each, with the meeting and whether its minutes are approved."""
    return TextTable(
        ("Meeting", "Decision", "Method", "Outcome", "Review by", "Minutes"),
        tuple(
            (
                short_date(row.meeting_date),
                row.decision.text,
                row.decision.method,
                row.decision.outcome,
                short_date(row.decision.review_date),
                row.minutes_status.value,
            )
            for row in record.decisions
        ),
        empty="No decisions.",
    )


def action_register(record: SeriesRecord) -> TextTable:
    """A series' action items, one row each, with the meeting where each was taken on."""
    return TextTable(
        ("Meeting", "Action", "Owner", "Organization", "Due", "Status"),
        tuple(
            (
                short_date(row.meeting_date),
                row.action.text,
                row.action.owner,
                row.action.organization,
                _due(row.action),
                row.action.status_label,
            )
            for row in record.actions
        ),
        empty="No action items.",
    )
