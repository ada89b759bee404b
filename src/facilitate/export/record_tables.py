"""The series record's follow-through tables, as every document format shows them alike: the
actions overdue on the record's day with their days late, and how commitments came out for the
series and for each organization (the figures `facilitate loop --summary` prints).

Like `tables`, plain text not yet escaped; Markdown, HTML and Word lay them out their own way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from facilitate.export.tables import TextTable
from facilitate.services.record.follow_through_figures import NO_ORGANIZATION
from facilitate.services.record.wording import short_date

if TYPE_CHECKING:
    from facilitate.services.record.series_record import SeriesRecord
    from facilitate.store.queries_follow_through import FollowThroughRow

WHOLE_SERIES = "Whole series"


def overdue_heading(record: SeriesRecord) -> str:
    """ "Overdue on Dec 1, 2026 (3)"."""
    return f"Overdue on {record.as_of_label} ({len(record.overdue)})"


def overdue_table(record: SeriesRecord) -> TextTable:
    """Open actions past due on the record's day, longest overdue first."""
    return TextTable(
        ("Meeting", "Action", "Owner", "Organization", "Due", "Late"),
        tuple(
            (
                short_date(row.meeting_date),
                row.action.text,
                row.action.owner,
                row.action.organization,
                short_date(row.action.due),
                row.late_label,
            )
            for row in record.overdue
        ),
        empty="Nothing overdue.",
        narrow=frozenset({0, 4, 5}),
    )


def _counts(label: str, row: FollowThroughRow) -> tuple[str, ...]:
    done = row.done_on_time + row.done_late + row.done_undated
    total = done + row.open + row.dropped
    undated = f" ({row.done_undated} undated)" if row.done_undated else ""
    return (
        label,
        str(total),
        str(row.done_on_time),
        f"{row.done_late}{undated}",
        str(row.open),
        str(row.overdue),
        str(row.dropped),
    )


def follow_through_table(record: SeriesRecord) -> TextTable:
    """The series' figures, then each organization's: actions in all, done on time, done late
    (and done with no date recorded), open, overdue (of the open ones) and dropped."""
    rows = [_counts(WHOLE_SERIES, row) for row in record.follow_through]
    rows += [
        _counts(row.label or NO_ORGANIZATION, row) for row in record.follow_through_by_organization
    ]
    return TextTable(
        ("For", "Actions", "Done on time", "Done late", "Open", "Overdue", "Dropped"),
        tuple(rows),
        empty="No action items yet.",
        narrow=frozenset({1, 2, 3, 4, 5, 6}),
    )
