"""Quorum as it happened, for the minutes: present at the call to order or not, then each moment
it was reached or lost before adjournment.

Every moment is judged by the one rule (`services.quorum.quorum` at that moment); this module
only picks the moments, bounded by the meeting itself: the call to order, then each arrival or
departure until adjournment. People checked in while the room filled count from the call to
order, and what happened after adjournment is not part of the meeting. A meeting never called
to order has no timeline: its minutes say quorum as it stood, as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from facilitate.models import Attendance, Meeting
from facilitate.models.ids import as_utc
from facilitate.services.quorum import Quorum, quorum
from facilitate.store import Store


@dataclass(frozen=True)
class QuorumMoment:
    """Quorum at one moment of the meeting (`at`, UTC), as the rule judged it."""

    at: datetime
    met: bool
    counted: int
    needed: int | None
    missing_organizations: tuple[str, ...] = ()
    # No rule, or nobody's attendance taken: nothing to say.
    undefined: bool = False


@dataclass(frozen=True)
class QuorumTimeline:
    """Quorum at the call to order, then every change until adjournment, in time order."""

    opening: QuorumMoment
    changes: tuple[QuorumMoment, ...]
    # The most members counted at any moment of the meeting ("never reached: at most 5").
    most_counted: int

    @property
    def steady(self) -> bool:
        """Present from the call to order to adjournment: the minutes' simple case."""
        return self.opening.met and not self.changes

    @property
    def never_reached(self) -> bool:
        return not self.opening.met and not self.changes


def _moment(at: datetime, quorum: Quorum) -> QuorumMoment:
    return QuorumMoment(
        at=at,
        met=quorum.met,
        counted=quorum.counted,
        needed=quorum.needed,
        missing_organizations=quorum.missing_organizations,
        undefined=not quorum.defined or not quorum.attendance_taken,
    )


def quorum_timeline(store: Store, meeting_id: str) -> QuorumTimeline | None:
    """The meeting's quorum as it happened; None when the body has no quorum rule, nobody's
    attendance was taken, or the meeting was never called to order."""
    meeting = store.get(Meeting, meeting_id)
    if meeting.opened_at is None:
        return None
    start = as_utc(meeting.opened_at)
    end = as_utc(meeting.closed_at) if meeting.closed_at is not None else None
    opening = _moment(start, quorum(store, meeting_id, start))
    if opening.undefined:
        return None
    # Only an arrival or a departure can change the count; each is judged by the one rule.
    moments = sorted(
        {
            as_utc(m)
            for row in store.find(Attendance, meeting_id=meeting_id)
            for m in (row.arrived_at, row.left_at)
            if m is not None and start < as_utc(m) and (end is None or as_utc(m) <= end)
        }
    )
    judged = [_moment(at, quorum(store, meeting_id, at)) for at in moments]
    during: list[QuorumMoment] = []
    for now in _last_of_each_minute(judged):
        if now.met != (during[-1] if during else opening).met:
            during.append(now)
    most = max([opening.counted, *(now.counted for now in judged)])
    return QuorumTimeline(opening=opening, changes=tuple(during), most_counted=most)


def _last_of_each_minute(judged: list[QuorumMoment]) -> list[QuorumMoment]:
    """Quorum as it stood at the end of each minute something happened. The minutes print
    minutes: two arrivals at 02:33 read as one, so "reached at 02:33" counts both, as a
    decision taken after them does (judged at the first, it said 6 where the room had 7)."""
    last: dict[datetime, QuorumMoment] = {}
    for now in judged:
        last[now.at.replace(second=0, microsecond=0)] = now
    return list(last.values())
