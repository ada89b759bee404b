"""The minutes' follow-up on earlier commitments: what nobody should be able to miss.

Two kinds of line, one per action:

* status changes since the last meeting: the latest status given to an earlier action between
  the series' previous meeting held and this one (at this meeting, or between meetings); a
  status given at the previous meeting is in that meeting's minutes, not again here;
* every other action of the series' earlier meetings that was still open at this meeting and
  due on or before its day.

An open action past due says how late it is, counted to the meeting's date (never today), so
minutes read the same whenever they are printed. Statuses are as they stood at the meeting: an
action done a month later still reads open in this meeting's minutes.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from facilitate.models import ActionItem, ActionUpdate, Meeting
from facilitate.models.enums import ActionStatus, Visibility
from facilitate.models.ids import as_utc
from facilitate.services.record.audience import visible
from facilitate.services.record.document import FollowUpLine
from facilitate.services.record.entry_lines import Names, owner_name, owner_organization_id
from facilitate.services.record.i18n import Words
from facilitate.services.record.wording import clean_text
from facilitate.services.time_zone import zone_named
from facilitate.store import Store
from facilitate.store.queries_follow_through import (
    follow_up_actions,
    previous_held_meeting,
    updates_of,
)


def follow_ups(
    store: Store, meeting: Meeting, audience: Visibility, names: Names, w: Words, zone: str
) -> tuple[FollowUpLine, ...]:
    """The follow-up lines of `meeting`'s minutes for `audience`: status changes since the
    last meeting (in the order given), then the open actions due by the meeting (earliest due
    first). An update carries its action's visibility. `zone` is the partnership's time zone,
    to place meetings' wall-clock times among updates stored in UTC."""
    ends = _ended(meeting, zone)
    previous = previous_held_meeting(store, meeting.series_id, meeting.starts_at)
    since = _ended(previous, zone) if previous is not None else None
    # The query casts a wide net (a day early); the exact window is applied below.
    net = (since - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%S") if since else ""
    day = meeting.starts_at.date()
    actions = [
        a
        for a in follow_up_actions(
            store, meeting.id, meeting.series_id, meeting.starts_at, day, net
        )
        if visible(a.visibility, audience)
    ]
    history: dict[str, list[ActionUpdate]] = {}
    for update in updates_of(store, [a.id for a in actions]):
        history.setdefault(update.action_id, []).append(update)

    def in_window(u: ActionUpdate) -> bool:
        if u.meeting_id == meeting.id:
            return True
        if previous is not None and u.meeting_id == previous.id:
            return False
        return (since is None or as_utc(u.at) > since) and as_utc(u.at) <= ends

    changed: list[tuple[datetime, FollowUpLine]] = []
    carried: list[FollowUpLine] = []
    for action in actions:
        updates = history.get(action.id, [])
        then = _status_then(action, updates, meeting.id, ends)
        late = (day - action.due).days if then.is_open and action.due and action.due < day else 0
        latest = [u for u in updates if in_window(u)]
        if latest:
            update = latest[-1]
            line = _line(action, update.status, update.note, late, names, w)
            changed.append((as_utc(update.at), line))
        elif then.is_open and action.due is not None and action.due <= day:
            carried.append(_line(action, then, "", late, names, w, carried=True))
    changed.sort(key=lambda pair: pair[0])
    return tuple(line for _, line in changed) + tuple(carried)


def _status_then(
    action: ActionItem, updates: Iterable[ActionUpdate], meeting_id: str, ends: datetime
) -> ActionStatus:
    """The action's status as it stood at the meeting: the last status given by its end (or
    at it); before any was given, open. An action never given one has its own status."""
    given = list(updates)
    if not given:
        return action.status
    by_then = [u for u in given if u.meeting_id == meeting_id or as_utc(u.at) <= ends]
    return by_then[-1].status if by_then else ActionStatus.OPEN


def _line(
    action: ActionItem,
    status: ActionStatus,
    note: str,
    days_late: int,
    names: Names,
    w: Words,
    *,
    carried: bool = False,
) -> FollowUpLine:
    return FollowUpLine(
        action=clean_text(action.text),
        owner=owner_name(action, names, language=w.language),
        organization=names.org_label(owner_organization_id(action, names)),
        due=action.due,
        status=status,
        note=clean_text(note),
        language=w.language,
        days_late=days_late,
        carried=carried,
    )


def _ended(meeting: Meeting, zone: str) -> datetime:
    """When a meeting ended, in UTC: its closing, else its planned end in `zone` (UTC when the
    zone is not known)."""
    if meeting.closed_at is not None:
        return as_utc(meeting.closed_at)
    end = meeting.starts_at + timedelta(minutes=meeting.minutes)
    if end.tzinfo is not None:
        return end.astimezone(UTC)
    return end.replace(tzinfo=zone_named(zone)).astimezone(UTC)
