"""A meeting held on another day than planned is re-dated to the day it is held.

The record says what happened: the minutes print the meeting's date, and the follow-up section
counts days late to it, so a meeting planned for Dec 8 and run on Dec 1 must say Dec 1. Every
way into a live meeting asks first ("Start …, planned for Tue Dec 8, today?") and passes the
answer to `live.open_meeting`, which holds the one rule: a planned meeting of another day opens
only when moved to today, and is refused (`NotToday`) otherwise, so a script cannot run one on
the wrong date by accident.

Moved, it starts at the moment it is opened, to the minute, and keeps its length: a meeting
started now starts now, so the minutes never say "18:00–19:30" above "Called to order: 03:14"
(issue #19). A title naming the planned
date ("Steering Committee — Dec 08, 2026", as planning names a meeting) names the new one.
Only those two fields are written. Each change is kept as a revision of the meeting (table
"meetings", as sync keeps a losing version), so a meeting put back to planned because it was
started by mistake (`live.return_to_planned`) goes back to its planned day as well.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, tzinfo

from facilitate.errors import Refusal
from facilitate.models import EntryRevision, Meeting
from facilitate.models.enums import MeetingStatus
from facilitate.models.ids import as_utc
from facilitate.services.time_zone import meeting_time_zone, wall_clock
from facilitate.store import Store

# The fields a move changes, in the order they are put back.
MOVED_FIELDS = ("starts_at", "title")


class NotToday(Refusal):
    """A planned meeting of another day was opened without being moved to today."""

    def __init__(self, meeting: Meeting, today: date) -> None:
        self.planned = meeting.starts_at.date()
        self.today = today
        super().__init__(
            f"“{meeting.title}” is planned for {say_day(self.planned)}, not today "
            f"({say_day(today)})"
        )


def say_day(day: date) -> str:
    """A date as people say it: "Tue Dec 8"."""
    return f"{day:%a %b} {day.day}"


def other_day(meeting: Meeting, today: date) -> date | None:
    """The day a planned meeting is planned for when that is not `today` (then opening it
    asks first), else None. A meeting already running or held has its day."""
    if meeting.status is not MeetingStatus.PLANNED:
        return None
    planned = meeting.starts_at.date()
    return planned if planned != today else None


def question(meeting: Meeting, today: date) -> str:
    """What every face asks before running a meeting planned for another day (`other_day`):
    both days named, so "Dec 3" cannot be read as today, and what answering yes does."""
    planned = meeting.starts_at.date()
    return (
        f"“{meeting.title}” is planned for {say_day(planned)}. Hold it today, "
        f"{say_day(today)}, instead? It moves to today and starts now."
    )


def moved_note(before: Meeting, after: Meeting) -> str | None:
    """ "Moved to today, Tue Dec 1" when opening moved the meeting to another day, else None."""
    if before.starts_at.date() == after.starts_at.date():
        return None
    return f"Moved to today, {say_day(after.starts_at.date())}"


def held_start(today: date, clock: time, zone: tzinfo | None) -> datetime:
    """When a meeting moved to `today` starts: the moment it is opened (`clock`, the time of
    day where it is held), to the minute, in the meeting's own `zone` (None: naive, as planned).
    `today` is the day the face runs (a test's fixed day need not be the computer's)."""
    return datetime.combine(today, clock.replace(second=0, microsecond=0, tzinfo=None), zone)


def _wall_clock(store: Store, at: datetime, planned: datetime) -> time:
    """`at` (aware) as the time of day the meeting's times are written in: its own zone when
    it has one, else the partnership's meeting zone, the one the minutes print "Called to
    order" in (`wall_clock`), so that the start and the called-to-order time agree."""
    if planned.tzinfo is not None:
        return at.astimezone(planned.tzinfo).time()
    return wall_clock(at, meeting_time_zone(store))


# How titles name a meeting's day: planning's "Dec 08, 2026", the demo's "Nov 24"; longest first.
_TITLE_DATES = ("%b %d, %Y", "%b %d")


def _dated_title(title: str, planned: date, held: date) -> str:
    """The title with the planned day, written as planning writes it, replaced by the day held.
    A title naming only a month ("November 2026") is left as it is."""
    for form in _TITLE_DATES:
        if planned.strftime(form) in title:
            return title.replace(planned.strftime(form), held.strftime(form))
    return title


def _encoded(meeting: Meeting, name: str) -> str:
    value = meeting.model_dump(mode="json", include={name})[name]
    return value if isinstance(value, str) and name == "title" else json.dumps(value)


def _decoded(name: str, stored: str) -> object:
    return stored if name == "title" else datetime.fromisoformat(json.loads(stored))


def _write(store: Store, meeting: Meeting, changes: dict[str, object], at: datetime) -> None:
    """Set `changes` on `meeting`, write only those fields, and keep one revision each."""
    revisions = []
    for name, value in changes.items():
        old = _encoded(meeting, name)
        setattr(meeting, name, value)
        new = _encoded(meeting, name)
        if new != old:
            revisions.append(
                EntryRevision(
                    entry_table=Meeting.table,
                    entry_id=meeting.id,
                    field=name,
                    old_value=old,
                    new_value=new,
                    at=at,
                )
            )
    if revisions:
        store.update_fields(meeting, [r.field for r in revisions])
        store.insert_all(revisions)


def move_to_today(store: Store, meeting: Meeting, today: date, at: datetime) -> None:
    """Re-date `meeting` (read inside the caller's transaction) to `today`; `at` is now, aware."""
    planned = meeting.starts_at
    # Its length (`minutes`) is not touched: the end moves with the start.
    start = held_start(today, _wall_clock(store, at, planned), planned.tzinfo)
    title = _dated_title(meeting.title, planned.date(), today)
    _write(store, meeting, {"starts_at": start, "title": title}, at)


def put_back(store: Store, meeting: Meeting, at: datetime) -> None:
    """Undo the move made when `meeting` (live, read inside the caller's transaction) was
    opened: its planned date and title again. A field changed since the move is left alone."""
    if meeting.opened_at is None:
        return
    opened = meeting.opened_at
    changes: dict[str, object] = {}
    for name in MOVED_FIELDS:
        moves = store.find(
            EntryRevision, entry_table=Meeting.table, entry_id=meeting.id, field=name, order_by="at"
        )
        if not moves:
            continue
        last = moves[-1]
        if _same_moment(last.at, opened) and last.new_value == _encoded(meeting, name):
            changes[name] = _decoded(name, last.old_value)
    _write(store, meeting, changes, at)


def _same_moment(one: datetime, other: datetime) -> bool:
    """Two stored moments equal, however each was read back (naive is UTC)."""
    return as_utc(one) == as_utc(other)
