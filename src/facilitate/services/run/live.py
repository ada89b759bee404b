"""The meeting as it runs: opening it, agreeing ground rules, moving through the agenda, timers,
and picking up after a crash.

Timers are never counted in memory. They are pure functions of stored times (`opened_at`, an
item's `started_at`/`ended_at`, its time box plus `extended_minutes`) and "now", so a restarted
app, or the second facilitator's window, shows the same clock.

When an item's time is up the facilitator chooses one of:

* `extend_item` — more minutes for it (``extended_minutes`` grows; the history is the total);
* `close_item` — done (state DONE, ``ended_at``);
* `park_item` — set aside today: state PARKED and a parking-lot entry naming the item, so the
  carry-over of the next meeting offers it like any other parking-lot entry;
* `continue_next_time` — state CONTINUE_NEXT_TIME, and no parking-lot entry: carry-over already
  offers such items of the last meeting as agenda items of their own, and a parking entry too
  would offer the same thing twice.

A meeting started by mistake (the wrong one, or on the wrong day) goes back to planned with
`return_to_planned`, as long as nothing was captured in it (`captured_in`); one moved to today
when opened goes back to its planned day (`redate`).

Moving on (`next_item`, `start_item`) ends the item that was active (DONE). Taking an item out
of order (`take_item`: item 5 before item 2) pauses it instead: the paused item is pending again,
keeps everything captured under it and its ``started_at`` (it was taken, so closing does not ask
about it as never taken), and its ``ended_at`` stops its clock; it can be taken up again.

Taking up again an item already started (paused, finished, parked or continued) resumes its
clock: an item's timer counts only the time it was current (the time away is kept in
``paused_seconds``; ``started_at`` stays its first take, the order the minutes print), and
``ended_at`` is cleared until it ends again; a parking entry made when it was parked is marked
resolved.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from facilitate.errors import Refusal
from facilitate.models import (
    ActionItem,
    ActionUpdate,
    AgendaItem,
    Attendance,
    Decision,
    GroundRuleSet,
    Meeting,
    MeetingSeries,
    MinutesApproval,
    Note,
    ParkingLotItem,
    Reflection,
    RoleAssignment,
    RuleInvocation,
)
from facilitate.models.base import Record, utcnow
from facilitate.models.enums import ItemState, MeetingStatus
from facilitate.models.ids import as_utc as as_utc
from facilitate.services import quorum
from facilitate.services.lead import ground_rules
from facilitate.services.lead.ground_rules import VersionedRules
from facilitate.services.people.people_lookup import IN_ROOM
from facilitate.services.plan import agenda
from facilitate.services.plan.cancel import cannot_run
from facilitate.services.run import redate
from facilitate.services.run.capture import add_parking
from facilitate.store import Store


class LiveError(Refusal):
    """Something that cannot be done to the meeting as it stands; the message says why."""


# -- timers ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemTimer:
    planned: timedelta
    elapsed: timedelta
    running: bool

    @property
    def remaining(self) -> timedelta:
        return max(self.planned - self.elapsed, timedelta(0))

    @property
    def overrun(self) -> timedelta:
        return max(self.elapsed - self.planned, timedelta(0))

    @property
    def is_over(self) -> bool:
        """Time is up: the facilitator should extend, close, park or continue next time."""
        return self.elapsed >= self.planned


def item_timer(item: AgendaItem, now: datetime) -> ItemTimer:
    """The item's clock from its stored times. An item never started has elapsed nothing."""
    planned = timedelta(minutes=item.minutes + item.extended_minutes)
    if item.started_at is None:
        return ItemTimer(planned, timedelta(0), running=False)
    end = item.ended_at or as_utc(now)
    current = as_utc(end) - as_utc(item.started_at) - timedelta(seconds=item.paused_seconds)
    return ItemTimer(planned, max(current, timedelta(0)), running=item.ended_at is None)


@dataclass(frozen=True)
class MeetingTimer:
    planned: timedelta
    elapsed: timedelta
    running: bool
    # Time still booked on the agenda: what is left of the active item plus every pending item.
    agenda_left: timedelta

    @property
    def remaining(self) -> timedelta:
        return max(self.planned - self.elapsed, timedelta(0))

    @property
    def overrun(self) -> timedelta:
        return max(self.elapsed - self.planned, timedelta(0))

    @property
    def projected_overrun(self) -> timedelta:
        """How late the meeting will end if the rest of the agenda takes its booked time."""
        return max(self.elapsed + self.agenda_left - self.planned, timedelta(0))


def meeting_timer(meeting: Meeting, items: list[AgendaItem], now: datetime) -> MeetingTimer:
    planned = timedelta(minutes=meeting.minutes)
    left = timedelta(0)
    for item in items:
        # A paused item still has what is left of its time booked, like the active one.
        if item.state in (ItemState.PENDING, ItemState.ACTIVE):
            left += item_timer(item, now).remaining
    if meeting.opened_at is None:
        return MeetingTimer(planned, timedelta(0), running=False, agenda_left=left)
    end = meeting.closed_at or as_utc(now)
    elapsed = max(as_utc(end) - as_utc(meeting.opened_at), timedelta(0))
    return MeetingTimer(planned, elapsed, running=meeting.closed_at is None, agenda_left=left)


@dataclass(frozen=True)
class LiveView:
    """Everything the running-meeting screen draws, as of `now`."""

    meeting: Meeting
    items: list[AgendaItem]
    current: AgendaItem | None
    item_timer: ItemTimer | None
    meeting_timer: MeetingTimer
    now: datetime

    @property
    def time_up(self) -> bool:
        return self.item_timer is not None and self.item_timer.running and self.item_timer.is_over

    @property
    def next_pending(self) -> AgendaItem | None:
        return _next_pending(self.meeting, self.items)


def live_view(store: Store, meeting_id: str, now: datetime | None = None) -> LiveView:
    """The meeting, its agenda and both timers, reconstructed from stored times."""
    now = as_utc(now)
    meeting = store.get(Meeting, meeting_id)
    items = agenda.items(store, meeting_id)
    current = next((i for i in items if i.id == meeting.current_item_id), None)
    return LiveView(
        meeting=meeting,
        items=items,
        current=current,
        item_timer=item_timer(current, now) if current else None,
        meeting_timer=meeting_timer(meeting, items, now),
        now=now,
    )


def resume_state(store: Store, now: datetime | None = None) -> LiveView | None:
    """The live meeting to go back to after a crash or restart (the latest opened), if any."""
    live = store.find(Meeting, status=MeetingStatus.LIVE, order_by="-opened_at", limit=1)
    return live_view(store, live[0].id, now) if live else None


# -- opening, and undoing an opening made by mistake -----------------------------------------


def open_meeting(
    store: Store,
    meeting_id: str,
    now: datetime | None = None,
    *,
    today: date | None = None,
    move_to_today: bool = False,
) -> LiveView:
    """Planned → live, with ``opened_at``. Opening a live meeting again changes nothing.

    `today` is the day it is run. A planned meeting of another day opens only with
    `move_to_today` (the face asked, and was told yes): it is re-dated to `today` first
    (`redate.move_to_today`); without it, `redate.NotToday` says so and nothing changes.
    Without `today` (a caller that asked already) the day is not checked.
    """
    at = as_utc(now)
    with store.transaction():
        meeting = store.get(Meeting, meeting_id)
        if meeting.status in (MeetingStatus.CLOSED, MeetingStatus.APPROVED):
            raise LiveError(f"“{meeting.title}” is closed; it cannot be run again")
        cancelled = cannot_run(meeting)
        if cancelled:
            raise LiveError(cancelled)
        if meeting.status is MeetingStatus.PLANNED:
            if today is not None and redate.other_day(meeting, today) is not None:
                if not move_to_today:
                    raise redate.NotToday(meeting, today)
                redate.move_to_today(store, meeting, today, at)
            meeting.status = MeetingStatus.LIVE
            meeting.opened_at = at
            store.update_fields(meeting, ["status", "opened_at"])
    return live_view(store, meeting_id, at)


# What a meeting's record holds, as "2 notes": the table, its singular and plural names.
_COUNTED: tuple[tuple[type[Record], str, str], ...] = (
    (Note, "note", "notes"),
    (Decision, "decision", "decisions"),
    (ActionItem, "action item", "action items"),
    (ParkingLotItem, "parking-lot entry", "parking-lot entries"),
    (RuleInvocation, "ground rule invoked", "ground rules invoked"),
    (Reflection, "plus/delta remark", "plus/delta remarks"),
    (ActionUpdate, "action update", "action updates"),
)
_IN_THE_ROOM = IN_ROOM  # at the table (people_lookup's one definition)
_WORKED = {
    ItemState.DONE: "finished",
    ItemState.PARKED: "parked",
    ItemState.CONTINUE_NEXT_TIME: "left to continue next time",
}


def captured_in(store: Store, meeting: Meeting) -> list[str]:
    """What was captured in the meeting, each as a phrase ("2 notes"); empty when nothing was,
    and it can go back to planned.

    Captured means: any note, decision, action item, parking-lot entry, ground rule invoked,
    plus/delta remark or action update recorded at it; earlier minutes approved at it; anyone
    checked in as present, late or left early (regrets may be noted before a meeting); roles
    accepted or overridden since it opened; an agenda item finished, parked, left to continue
    next time or given more time; a next meeting date. The item the live screen starts on
    opening, merely running, is not a record; ground rules agreed stay agreed.
    """
    counts = {cls: store.count(cls, meeting_id=meeting.id) for cls, _, _ in _COUNTED}
    # A ground rule invoked is a note of its own kind (internal by default): named as such.
    invoked = sum(1 for n in store.find(Note, meeting_id=meeting.id) if n.ground_rule_id)
    counts[Note] -= invoked
    counts[RuleInvocation] += invoked
    found = []
    for cls, one, many in _COUNTED:
        if n := counts[cls]:
            found.append(f"{n} {one if n == 1 else many}")
    if store.count(MinutesApproval, approved_in_meeting_id=meeting.id):
        found.append("earlier minutes approved")
    attended = store.find(Attendance, meeting_id=meeting.id)
    if n := sum(1 for a in attended if a.status in _IN_THE_ROOM):
        found.append(f"{n} {'person' if n == 1 else 'people'} checked in")
    opened = as_utc(meeting.opened_at) if meeting.opened_at else None
    roles = store.find(RoleAssignment, meeting_id=meeting.id)
    if opened is not None and any(as_utc(a.updated_at) >= opened for a in roles):
        found.append("roles chosen while it ran")
    for item in agenda.items(store, meeting.id):
        if item.state in _WORKED or item.extended_minutes:
            found.append(f"item “{item.title}” {_WORKED.get(item.state, 'given more time')}")
    if meeting.next_meeting_date is not None:
        found.append(f"next meeting date set ({meeting.next_meeting_date:%b %d})")
    return found


def why_not_planned(store: Store, meeting: Meeting) -> str | None:
    """Why `meeting` cannot go back to planned (not live, or something captured), or None."""
    if meeting.status is not MeetingStatus.LIVE:
        state = "planned already" if meeting.status is MeetingStatus.PLANNED else "closed"
        return f"“{meeting.title}” is {state}; only a live meeting can go back to planned"
    captured = captured_in(store, meeting)
    if captured:
        return (
            f"“{meeting.title}” cannot go back to planned: {', '.join(captured)} captured. "
            "Close it instead (ctrl+l), so its record is kept"
        )
    return None


def return_to_planned(store: Store, meeting_id: str) -> Meeting:
    """Live → planned, for a meeting started by mistake: as if it had never been opened (no
    ``opened_at``, no current item, the item it started pending again with no times); one
    moved to today when opened is on its planned day again (`redate.put_back`).

    Refused with a LiveError saying why (`why_not_planned`) when anything was captured: such a
    meeting happened, and is closed with its record rather than unstarted.
    """
    with store.transaction():
        meeting = store.get(Meeting, meeting_id)
        refusal = why_not_planned(store, meeting)
        if refusal is not None:
            raise LiveError(refusal)
        for item in agenda.items(store, meeting_id):
            if item.started_at is not None or item.state is not ItemState.PENDING:
                item.state = ItemState.PENDING
                item.started_at = None
                item.ended_at = None
                store.save(item)
        redate.put_back(store, meeting, utcnow())
        meeting.status = MeetingStatus.PLANNED
        meeting.opened_at = None
        meeting.current_item_id = None
        store.update_fields(meeting, ["status", "opened_at", "current_item_id"])
    return meeting


def rules_to_agree(store: Store, meeting_id: str) -> VersionedRules | None:
    """The ground rules for this meeting: the version it agreed, else the series' latest version.

    None when the series has no rule set.
    """
    meeting = store.get(Meeting, meeting_id)
    if meeting.ground_rule_version_id is not None:
        return ground_rules.version_by_id(store, meeting.ground_rule_version_id)
    set_id = _rule_set_id(store, meeting)
    return ground_rules.latest_version(store, set_id) if set_id else None


def _rule_set_id(store: Store, meeting: Meeting) -> str | None:
    series = store.get(MeetingSeries, meeting.series_id)
    if series.ground_rule_set_id is not None:
        return series.ground_rule_set_id
    sets = store.find(GroundRuleSet, series_id=series.id, order_by="-created_at", limit=1)
    return sets[0].id if sets else None


def agree_ground_rules(store: Store, meeting_id: str) -> VersionedRules:
    """Record that the meeting agreed the series' latest rules; returns that version."""
    with store.transaction():
        meeting = store.get(Meeting, meeting_id)
        if meeting.status is MeetingStatus.APPROVED:
            raise LiveError(f"the minutes of “{meeting.title}” are approved")
        set_id = _rule_set_id(store, meeting)
        if set_id is None:
            raise LiveError("this series has no ground rules yet; add a rule set first")
        rules = ground_rules.latest_version(store, set_id)
        meeting.ground_rule_version_id = rules.version.id
        store.save(meeting)
    return rules


# -- moving through the agenda --------------------------------------------------------------


def _live_item(store: Store, item_id: str) -> tuple[AgendaItem, Meeting]:
    item = store.get(AgendaItem, item_id)
    meeting = store.get(Meeting, item.meeting_id)
    if meeting.status is not MeetingStatus.LIVE:
        raise LiveError(f"“{meeting.title}” is not running; open it first")
    return item, meeting


def _finish(item: AgendaItem, state: ItemState, at: datetime) -> None:
    item.state = state
    if item.started_at is not None and item.ended_at is None:
        item.ended_at = at


def _next_pending(meeting: Meeting, items: list[AgendaItem]) -> AgendaItem | None:
    """The first pending item after the current (or last started) one, else the first pending."""
    started = [i for i in items if i.started_at is not None]
    anchor = next((i for i in items if i.id == meeting.current_item_id), None)
    if anchor is None and started:
        anchor = max(started, key=lambda i: as_utc(i.started_at))
    pending = [i for i in items if i.state is ItemState.PENDING]
    after = [i for i in pending if anchor is None or i.position > anchor.position]
    choices = after or pending
    return choices[0] if choices else None


def start_item(store: Store, item_id: str, now: datetime | None = None) -> LiveView:
    """Make `item_id` the current item, ending (DONE) the one that was active (moving on;
    `take_item` pauses it instead)."""
    at = as_utc(now)
    with store.transaction():
        item, meeting = _live_item(store, item_id)
        _start(store, meeting, item, at)
    return live_view(store, meeting.id, at)


def roll_call_begun(store: Store, meeting_id: str) -> bool:
    """Whether anyone's attendance is recorded yet (present, late, regrets, a guest): before
    that, quorum says nothing of who is in the room, only that nobody was checked in. The quorum
    rule's own fact, remembered with it: the live screen asks every second."""
    return quorum.quorum(store, meeting_id).attendance_taken


def is_paused(item: AgendaItem) -> bool:
    """Taken, then set aside for another item taken out of order: pending, with its start."""
    return item.state is ItemState.PENDING and item.started_at is not None


@dataclass(frozen=True)
class Taken:
    """An item taken out of order: the meeting now, and the item it paused (None: none was
    under way)."""

    view: LiveView
    paused: AgendaItem | None


def take_item(store: Store, item_id: str, now: datetime | None = None) -> Taken:
    """Take `item_id` now, in any order: it becomes the current item, and the item that was
    under way is paused (see the module's docstring), not finished.

    Taking the item already under way is refused: nothing would change."""
    at = as_utc(now)
    with store.transaction():
        item, meeting = _live_item(store, item_id)
        if item.state is ItemState.ACTIVE and meeting.current_item_id == item.id:
            raise LiveError(f"“{item.title}” is already the item under way")
        paused = _start(store, meeting, item, at, pause_active=True)
    return Taken(live_view(store, meeting.id, at), paused[0] if paused else None)


def _start(
    store: Store, meeting: Meeting, item: AgendaItem, at: datetime, *, pause_active: bool = False
) -> list[AgendaItem]:
    """Make `item` current. The item that was active ends (DONE), or is paused with
    `pause_active`; returns the items paused. Rows are read inside the caller's transaction and
    only the fields changed are written: the other window's changes to the rest survive."""
    paused = []
    for other in agenda.items(store, meeting.id):
        if other.state is not ItemState.ACTIVE or other.id == item.id:
            continue
        _finish(other, ItemState.PENDING if pause_active else ItemState.DONE, at)
        store.update_fields(other, ["state", "ended_at"])
        if pause_active:
            paused.append(other)
    if item.state is ItemState.PARKED:
        for entry in store.find(ParkingLotItem, meeting_id=meeting.id, agenda_item_id=item.id):
            entry.resolved = True
            store.update_fields(entry, ["resolved"])
    if item.state is not ItemState.ACTIVE or item.ended_at is not None:
        _resume(item, at)
        store.update_fields(item, ["state", "started_at", "ended_at", "paused_seconds"])
    if meeting.current_item_id != item.id:
        meeting.current_item_id = item.id
        store.update_fields(meeting, ["current_item_id"])
    return paused


def _resume(item: AgendaItem, at: datetime) -> None:
    """Active from `at`. An item started before resumes its clock where it stopped: the time it
    was away is added to `paused_seconds`, and `started_at` stays its first take (the minutes
    print items in the order they were taken)."""
    if item.started_at is None:
        item.started_at = at
    elif item.ended_at is not None:
        away = max(at - as_utc(item.ended_at), timedelta(0))
        item.paused_seconds += int(away.total_seconds())
    item.state = ItemState.ACTIVE
    item.ended_at = None


def next_item(
    store: Store, meeting_id: str, leaving: str | None, now: datetime | None = None
) -> LiveView:
    """End the active item and start the next pending one; at the agenda's end, just end it.

    `leaving` is the item the caller showed as current (None: none). If another window moved
    on first, nothing changes and LiveError says where the meeting is now: two windows
    pressing "next" at once must not skip an item."""
    at = as_utc(now)
    with store.transaction():
        meeting = store.get(Meeting, meeting_id)
        if meeting.status is not MeetingStatus.LIVE:
            raise LiveError(f"“{meeting.title}” is not running; open it first")
        if meeting.current_item_id != leaving:
            now_on = (
                f"“{store.get(AgendaItem, meeting.current_item_id).title}”"
                if meeting.current_item_id
                else "no item"
            )
            raise LiveError(f"The other window already moved on: the meeting is at {now_on}")
        following = _next_pending(meeting, agenda.items(store, meeting_id))
        if following is not None:
            _start(store, meeting, following, at)
        elif meeting.current_item_id is not None:
            _set_state(store, store.get(AgendaItem, meeting.current_item_id), ItemState.DONE, at)
    return live_view(store, meeting_id, at)


def extend_item(store: Store, item_id: str, minutes: int, now: datetime | None = None) -> LiveView:
    """Give the active item `minutes` more."""
    if minutes < 1:
        raise LiveError(f"extend by at least 1 minute (got {minutes})")
    at = as_utc(now)
    with store.transaction():
        item, meeting = _live_item(store, item_id)
        if item.state is not ItemState.ACTIVE:
            raise LiveError(f"“{item.title}” is not the item under way; start it first")
        item.extended_minutes += minutes
        store.save(item)
    return live_view(store, meeting.id, at)


def _set_state(store: Store, item: AgendaItem, state: ItemState, at: datetime) -> Meeting:
    meeting = store.get(Meeting, item.meeting_id)
    _finish(item, state, at)
    store.save(item)
    if meeting.current_item_id == item.id:
        meeting.current_item_id = None
        store.save(meeting)
    return meeting


def close_item(store: Store, item_id: str, now: datetime | None = None) -> LiveView:
    """The item is done: state DONE and its end time. No item is current until the next starts."""
    at = as_utc(now)
    with store.transaction():
        item, meeting = _live_item(store, item_id)
        _set_state(store, item, ItemState.DONE, at)
    return live_view(store, meeting.id, at)


def continue_next_time(store: Store, item_id: str, now: datetime | None = None) -> LiveView:
    """Stop here and take the item up at the next meeting (offered there by carry-over)."""
    at = as_utc(now)
    with store.transaction():
        item, meeting = _live_item(store, item_id)
        _set_state(store, item, ItemState.CONTINUE_NEXT_TIME, at)
    return live_view(store, meeting.id, at)


def park_item(
    store: Store,
    item_id: str,
    *,
    follow_up_person_id: str | None = None,
    now: datetime | None = None,
) -> tuple[LiveView, ParkingLotItem]:
    """Set the item aside: state PARKED plus a parking-lot entry naming it (returned too)."""
    at = as_utc(now)
    with store.transaction():
        item, meeting = _live_item(store, item_id)
        _set_state(store, item, ItemState.PARKED, at)
        entry = add_parking(
            store, meeting.id, item.title, follow_up_person_id=follow_up_person_id, item_id=item.id
        )
    return live_view(store, meeting.id, at), entry
