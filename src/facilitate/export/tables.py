"""The tables every document format shows alike: action items, the decision log and the action
register, as a header and rows of plain text.

Markdown, HTML and Word only lay these out and escape the cells their own way, so a column added
or a date written differently changes all three at once. CSV is not among them: its columns are
for spreadsheets and keep every field apart (see `csv`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from facilitate.services.record.document import ActionLine
from facilitate.services.record.i18n import Words, words
from facilitate.services.record.wording import short_date

if TYPE_CHECKING:
    from facilitate.services.record.series_record import SeriesRecord

ENGLISH = words("en")


@dataclass(frozen=True)
class TextTable:
    """Column headings (our own words) and rows of record text, not yet escaped; `empty` is
    what a format says instead of a table with no rows."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    empty: str = ""
    # Columns that hold a date or a status: short, and never to be wrapped mid-value.
    narrow: frozenset[int] = frozenset()


def _due(action: ActionLine, w: Words = ENGLISH) -> str:
    return short_date(action.due, w.language) or w.no_date


def action_items(actions: Sequence[ActionLine], w: Words = ENGLISH) -> TextTable:
    """Action items with what, who, which organization, by when and where each stands."""
    return TextTable(
        (w.action, w.owner, w.organization, w.due, w.status),
        tuple((a.text, a.owner, a.organization, _due(a, w), a.status_label) for a in actions),
        narrow=frozenset({3, 4}),
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
        narrow=frozenset({0, 4, 5}),
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
        narrow=frozenset({0, 4, 5}),
    )
