"""Finding a meeting or a series from what a person types on the command line."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from facilitate.models import Meeting, MeetingSeries
from facilitate.store import RecordNotFound, Store

T = TypeVar("T")


def find_series(store: Store, ref: str) -> MeetingSeries:
    """A series by id, id prefix, or a case-insensitive part of its name."""
    ref = ref.strip()
    every = store.find(MeetingSeries, order_by="name")
    matches = [s for s in every if s.id == ref] or [s for s in every if s.id.startswith(ref)]
    if not matches:
        matches = [s for s in every if ref.lower() in s.name.lower()]
    return _one(matches, f"series “{ref}”", [s.name for s in every], lambda s: s.name)


def find_meeting(store: Store, ref: str, *, series: str | None = None) -> Meeting:
    """A meeting by id, id prefix, its date (YYYY-MM-DD), or a part of its title.

    `series` narrows the search to one series (same forms as `find_series`).
    """
    ref = ref.strip()
    every = store.find(Meeting, order_by="starts_at")
    if series is not None:
        series_id = find_series(store, series).id
        every = [m for m in every if m.series_id == series_id]
    matches = [m for m in every if m.id == ref] or [m for m in every if m.id.startswith(ref)]
    if not matches:
        try:
            day = date.fromisoformat(ref)
        except ValueError:
            matches = [m for m in every if ref.lower() in m.title.lower()]
        else:
            matches = [m for m in every if m.starts_at.date() == day]
    return _one(
        matches,
        f"meeting “{ref}”",
        [f"{m.starts_at:%Y-%m-%d} {m.title}" for m in every[-5:]],
        lambda m: f"{m.starts_at:%Y-%m-%d} {m.title} ({m.id[:8]})",
    )


def _one(matches: list[T], what: str, known: list[str], describe: Callable[[T], str]) -> T:
    if len(matches) == 1:
        return matches[0]
    if not matches:
        hint = f" Known: {', '.join(known)}." if known else ""
        raise RecordNotFound(f"no {what}.{hint}")
    names = "; ".join(describe(m) for m in matches[:6])
    raise RecordNotFound(f"{what} matches {len(matches)}: {names}. Be more specific.")
