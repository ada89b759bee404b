"""What a communication protocol says is due, in words. No models: Home shows it as it opens."""

from __future__ import annotations

from datetime import date

from facilitate.store.queries import SharingDueRow

# The labels of `models.protocol.Duty`, by value: this module must not load the models.
_WHAT = {
    "draft-minutes": "Draft minutes",
    "approved-minutes": "Approved minutes",
    "action-reminders": "Action reminders",
}


def due_text(row: SharingDueRow, today: date) -> str:
    """ "Steering Committee: draft minutes of Nov 02 due to partners by Nov 09 — not sent"."""
    what = _WHAT.get(row.duty, row.duty)
    if row.duty == "action-reminders":
        count = f"{row.actions} action{'s' if row.actions != 1 else ''}"
        return (
            f"{row.body}: {what.lower()} to {row.audience} for {count} of {row.meeting_day:%b %d}"
            f" due from {row.due_on:%b %d} — not sent"
        )
    late = " (overdue)" if row.due_on < today else ""
    return (
        f"{row.body}: {what.lower()} of {row.meeting_day:%b %d} due to {row.audience} by "
        f"{row.due_on:%b %d} — not sent{late}"
    )


def home_line(rows: list[SharingDueRow], today: date) -> str:
    """One line for Home: the earliest thing due, and how many more ("" when nothing is)."""
    if not rows:
        return ""
    more = f" (and {len(rows) - 1} more: facilitate sharing due)" if len(rows) > 1 else ""
    return f"Sharing due: {due_text(rows[0], today)}{more}"
