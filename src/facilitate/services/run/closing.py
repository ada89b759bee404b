"""Closing a meeting: review today's actions, a plus/delta round, the next date, then close.

Closing makes the record a draft: the minutes stay editable (`corrections`) until another
meeting approves them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from facilitate.models import ActionItem, AgendaItem, Meeting, Organization, Reflection
from facilitate.models.enums import ItemState, MeetingStatus, ReflectionKind, Visibility
from facilitate.services.people.people_lookup import people_by_id
from facilitate.services.run.capture import capturable, default_visibility
from facilitate.services.run.live import LiveError, as_utc
from facilitate.store import Store


@dataclass(frozen=True)
class ActionCheck:
    """One of today's actions as the closing review shows it, with what it still lacks."""

    action: ActionItem
    owner: str
    organization: str
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def closing_review(store: Store, meeting_id: str) -> list[ActionCheck]:
    """Today's actions in capture order; each is flagged when it has no owner or no due date."""
    actions = store.find(ActionItem, meeting_id=meeting_id, order_by="created_at")
    people = people_by_id(store, (a.owner_person_id for a in actions))
    orgs = {o.id: o for o in store.find(Organization)} if actions else {}
    checks = []
    for action in actions:
        problems = []
        person = people.get(action.owner_person_id) if action.owner_person_id else None
        if person is not None:
            owner = person.name
        elif action.owner_text:
            owner = action.owner_text
            problems.append(f"owner “{owner}” is not matched to a person")
        else:
            owner = ""
            problems.append("no owner")
        if action.due is None:
            problems.append("no due date")
        org = orgs.get(action.organization_id) if action.organization_id else None
        checks.append(ActionCheck(action, owner, org.label if org else "", tuple(problems)))
    return checks


def add_reflection(
    store: Store,
    meeting_id: str,
    kind: ReflectionKind,
    text: str,
    *,
    visibility: Visibility | None = None,
) -> Reflection:
    """Save one plus (what worked) or delta (what to change); durable when it returns."""
    meeting = capturable(store, meeting_id)
    text = text.strip()
    if not text:
        raise LiveError("nothing to record: type the plus or delta first")
    return store.insert(
        Reflection(
            meeting_id=meeting.id,
            kind=kind,
            text=text,
            visibility=visibility or default_visibility(meeting),
        )
    )


def reflections(store: Store, meeting_id: str) -> list[Reflection]:
    return store.find(Reflection, meeting_id=meeting_id, order_by="created_at")


def set_next_meeting_date(store: Store, meeting_id: str, day: date | None) -> Meeting:
    """Record (or clear) the date the group agreed to meet next."""
    with store.transaction():
        meeting = capturable(store, meeting_id)
        meeting.next_meeting_date = day
        store.save(meeting)
    return meeting


def close_meeting(
    store: Store,
    meeting_id: str,
    *,
    next_meeting_date: date | None = None,
    now: datetime | None = None,
) -> Meeting:
    """Live → closed: the active item ends (DONE), ``closed_at`` is set, no item is current.

    Closing a meeting that is already closed changes nothing (the other window may have done it).
    """
    at = as_utc(now)
    with store.transaction():
        meeting = store.get(Meeting, meeting_id)
        if meeting.status in (MeetingStatus.CLOSED, MeetingStatus.APPROVED):
            return meeting
        if meeting.status is not MeetingStatus.LIVE:
            raise LiveError(f"“{meeting.title}” has not been opened")
        for item in store.find(AgendaItem, meeting_id=meeting_id, state=ItemState.ACTIVE):
            item.state = ItemState.DONE
            if item.started_at is not None and item.ended_at is None:
                item.ended_at = at
            store.save(item)
        meeting.status = MeetingStatus.CLOSED
        meeting.closed_at = at
        meeting.current_item_id = None
        if next_meeting_date is not None:
            meeting.next_meeting_date = next_meeting_date
        store.save(meeting)
    return meeting
