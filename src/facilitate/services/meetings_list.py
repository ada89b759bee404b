"""Every meeting of the partnership, by status and date, for the Meetings screen and
`facilitate meetings list`: nothing a partnership ever planned or held is out of reach."""

from __future__ import annotations

from collections.abc import Iterable

from facilitate.errors import Refusal
from facilitate.models.enums import MeetingStatus
from facilitate.store import Store, queries
from facilitate.store.queries import MeetingRow

# What each status means to a coordinator: a closed meeting's minutes are a draft until a later
# meeting approves them.
STATUS_LABELS: dict[MeetingStatus, str] = {
    MeetingStatus.PLANNED: "planned",
    MeetingStatus.LIVE: "live",
    MeetingStatus.CLOSED: "minutes draft",
    MeetingStatus.APPROVED: "approved",
}


CANCELLED = "cancelled"
"""A planned meeting called off: listed as such, and a status the list can be narrowed to."""


def status_label(row: MeetingRow) -> str:
    """What a row's status means to a coordinator; a cancelled meeting says so."""
    return CANCELLED if row.cancelled else STATUS_LABELS[row.status]


class MeetingsListError(Refusal):
    """A filter the list cannot apply; the message names it."""


def parse_status(text: str) -> MeetingStatus:
    """A status as typed: planned, live, closed (or draft), approved."""
    wanted = text.strip().casefold()
    if wanted == "draft":
        return MeetingStatus.CLOSED
    for status in MeetingStatus:
        if wanted in (status.value, STATUS_LABELS[status]):
            return status
    known = ", ".join(s.value for s in MeetingStatus)
    raise MeetingsListError(f"status {text!r} is not one of {known} (or draft), or {CANCELLED}")


def list_meetings(
    store: Store,
    *,
    series_id: str | None = None,
    statuses: Iterable[MeetingStatus] = (),
    cancelled: bool = False,
    words: str = "",
) -> list[MeetingRow]:
    """Meetings, live first, then planned (soonest first), then held (newest first), narrowed
    to a series, to some statuses (a cancelled meeting is only among the `cancelled`, never the
    planned), and to those whose title, series, body or place holds every word of `words`."""
    asked = tuple(statuses)
    # Only a planned meeting can be cancelled: the cancelled are among the planned.
    queried = (*asked, MeetingStatus.PLANNED) if cancelled else asked
    rows = queries.meetings_listing(store, series_id=series_id, statuses=queried)
    if asked or cancelled:
        rows = [
            row
            for row in rows
            if (cancelled and row.cancelled) or (not row.cancelled and row.status in asked)
        ]
    wanted = words.casefold().split()
    if not wanted:
        return rows
    return [row for row in rows if all(word in _searchable(row) for word in wanted)]


def _searchable(row: MeetingRow) -> str:
    return f"{row.title} {row.series_name} {row.body_name} {row.location}".casefold()
