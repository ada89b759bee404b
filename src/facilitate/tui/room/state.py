"""What the room may see of a meeting, read from the file: everything the room view draws.

The room is an audience like any other output. Its entries pass through the one rule in
`services.record.audience`, for partners at most (`ROOM_AUDIENCE`): internal and confidential
entries never reach a projector or a phone. A listening session shows no names: no action
owners and no item leads.

`RoomFeed.read` is called about twice a second. It follows the meeting as a second window does:
entries through `entries_since` (one cheap check when nothing was written), the agenda and the
clocks through `live.live_view`, rebuilt from stored times, so the view is the same whichever
process wrote last and however often the facilitator's app restarted.

No Textual here: the screen draws a `RoomView`; tests read one directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from facilitate.line.wording import day
from facilitate.models import ActionItem, Decision, Meeting
from facilitate.models.enums import (
    DecisionOutcome,
    ItemState,
    MeetingKind,
    MeetingStatus,
    Visibility,
)
from facilitate.services.people.directory import lead_label
from facilitate.services.record.audience import visible_entries
from facilitate.services.record.entry_lines import Names, owner_name
from facilitate.services.record.wording import OUTCOME_LABELS, PURPOSE_LABELS
from facilitate.services.run import live
from facilitate.services.run.capture import Entry
from facilitate.services.run.entry_feed import EntryCursor, entries_since
from facilitate.services.run.live import ItemTimer, MeetingTimer
from facilitate.store import Store

ROOM_AUDIENCE = Visibility.PARTNERS
"""The widest audience a room view is written for: everyone at the table, never staff only."""


@dataclass(frozen=True)
class ItemLine:
    """One agenda item as the room reads it."""

    number: int
    title: str
    minutes: int
    state: ItemState


@dataclass(frozen=True)
class RoomView:
    """One moment of the meeting, as the room may see it."""

    title: str
    listening: bool
    status: MeetingStatus
    items: tuple[ItemLine, ...]
    current: ItemLine | None
    purpose: str
    outcome: str
    lead: str
    item_timer: ItemTimer | None
    meeting_timer: MeetingTimer
    rules: tuple[str, ...]
    decisions: tuple[str, ...]
    actions: tuple[str, ...]
    now: datetime

    @property
    def time_up(self) -> bool:
        timer = self.item_timer
        return timer is not None and timer.running and timer.is_over

    @property
    def coming(self) -> tuple[ItemLine, ...]:
        """The items still to come, in agenda order, after the current one first."""
        pending = [i for i in self.items if i.state is ItemState.PENDING]
        if self.current is None:
            return tuple(pending)
        after = [i for i in pending if i.number > self.current.number]
        return tuple(after + [i for i in pending if i.number < self.current.number])


class RoomFeed:
    """Reads one meeting for the room, keeping what it has seen between reads."""

    def __init__(self, store: Store, meeting_id: str) -> None:
        self.store = store
        self.meeting_id = meeting_id
        self._cursor = EntryCursor()
        self._entries: dict[tuple[str, str], Entry] = {}
        self._lines: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
        self._rules: tuple[str | None, tuple[str, ...]] | None = None

    def read(self, now: datetime | None = None) -> RoomView:
        """The meeting now. Raises the store's errors (a locked or vanished file) to the caller,
        which shows them and tries again on the next read."""
        view = live.live_view(self.store, self.meeting_id, now)
        meeting = view.meeting
        listening = meeting.kind is MeetingKind.LISTENING_SESSION
        items = tuple(
            ItemLine(n, i.title, i.minutes + i.extended_minutes, i.state)
            for n, i in enumerate(view.items, start=1)
        )
        current_id = view.current.id if view.current else None
        current = next(
            (line for line, i in zip(items, view.items, strict=True) if i.id == current_id), None
        )
        purpose = outcome = lead = ""
        if view.current is not None:
            item = view.current
            purpose = PURPOSE_LABELS[item.purpose]
            outcome = item.desired_outcome
            if not listening:
                lead = lead_label(
                    self.store, item.lead_person_id, item.lead_organization_id, item.lead_text
                )
        decisions, actions = self._captured(listening)
        return RoomView(
            title=meeting.title,
            listening=listening,
            status=meeting.status,
            items=items,
            current=current,
            purpose=purpose,
            outcome=outcome,
            lead=lead,
            item_timer=view.item_timer,
            meeting_timer=view.meeting_timer,
            rules=self._ground_rules(meeting),
            decisions=decisions,
            actions=actions,
            now=view.now,
        )

    def _captured(self, listening: bool) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Decisions and actions the room may see, newest first; redone only after a write."""
        batch = entries_since(self.store, self.meeting_id, self._cursor)
        self._cursor = batch.cursor
        if batch.is_empty and self._entries:
            return self._lines
        for _kind, entry_id in batch.removed:
            for key in [k for k in self._entries if k[1] == entry_id]:
                del self._entries[key]
        for entry in batch.changed:
            # Kept whatever its visibility: a correction may narrow it, and then it must go.
            self._entries[(entry.table, entry.id)] = entry
        shown = visible_entries(
            sorted(self._entries.values(), key=lambda e: (e.created_at, e.id)), ROOM_AUDIENCE
        )
        names = Names(self.store)
        decisions = tuple(_decision(e) for e in reversed(shown) if isinstance(e, Decision))
        actions = tuple(
            _action(e, names, listening) for e in reversed(shown) if isinstance(e, ActionItem)
        )
        self._lines = (decisions, actions)
        return self._lines

    def _ground_rules(self, meeting: Meeting) -> tuple[str, ...]:
        """The rules agreed (else the series' latest), read again only when the agreement
        changes."""
        key = meeting.ground_rule_version_id
        if self._rules is None or self._rules[0] != key:
            versioned = live.rules_to_agree(self.store, meeting.id)
            texts = tuple(r.text for r in versioned.rules) if versioned else ()
            self._rules = (key, texts)
        return self._rules[1]


def _decision(decision: Decision) -> str:
    if decision.outcome is DecisionOutcome.ADOPTED:
        return decision.text
    return f"{decision.text} ({OUTCOME_LABELS[decision.outcome].lower()})"


def _action(action: ActionItem, names: Names, listening: bool) -> str:
    parts = [action.text]
    if not listening:
        parts.append(owner_name(action, names) or "owner to be named")
    if action.due is not None:
        parts.append(f"due {day(action.due)}")
    return ", ".join(parts)
