"""Follow-through: the open commitments of earlier meetings, each given a status in the room.

An update is history, never an overwrite: every status given is a new `ActionUpdate` row (with
its note, the meeting it was given at, and when), and the action's current ``status`` is set in
the same transaction so lists of open actions stay right.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from facilitate.errors import Refusal
from facilitate.models import ActionItem, ActionUpdate, Meeting, Organization, Person
from facilitate.models.enums import ActionStatus
from facilitate.services.plan import agenda
from facilitate.services.run.live import as_utc
from facilitate.store import Store, queries
from facilitate.store.queries import OpenActionRow

UPDATE_STATUSES = (
    ActionStatus.DONE,
    ActionStatus.IN_PROGRESS,
    ActionStatus.BLOCKED,
    ActionStatus.DROPPED,
)


class FollowThroughError(Refusal):
    """An update that cannot be recorded; the message says why."""


@dataclass(frozen=True)
class FollowThroughLine:
    """An action to ask about, with the update given at this meeting (if any yet)."""

    action: OpenActionRow
    today: ActionUpdate | None

    @property
    def status(self) -> ActionStatus:
        return self.today.status if self.today else self.action.status


def to_review(store: Store, meeting_id: str) -> list[FollowThroughLine]:
    """Actions of the series' earlier meetings that were open when this meeting began.

    An action closed at this meeting (done, dropped) stays on the list with today's update, so the
    screen does not lose a line the moment it is answered. Earliest due first.
    """
    meeting = store.get(Meeting, meeting_id)
    earlier = {
        m.id: m
        for m in agenda.meetings_of(store, meeting.series_id)
        if m.starts_at < meeting.starts_at
    }
    updates: dict[str, ActionUpdate] = {}
    for update in store.find(ActionUpdate, meeting_id=meeting_id, order_by="at"):
        updates[update.action_id] = update
    rows = {
        row.id: row
        for row in queries.open_actions(store, series_id=meeting.series_id)
        if row.meeting_id in earlier
    }
    for action_id in updates.keys() - rows.keys():
        action = store.get(ActionItem, action_id)
        if action.meeting_id in earlier:
            rows[action_id] = _row(store, action, earlier[action.meeting_id])
    lines = [FollowThroughLine(row, updates.get(row.id)) for row in rows.values()]
    return sorted(
        lines, key=lambda line: (line.action.due is None, line.action.due, line.action.owner)
    )


def _row(store: Store, action: ActionItem, meeting: Meeting) -> OpenActionRow:
    """The row `queries.open_actions` would give, for an action closed at this meeting."""
    person = store.get(Person, action.owner_person_id) if action.owner_person_id else None
    org_id = action.organization_id or (person.organization_id if person else None)
    org = store.get(Organization, org_id) if org_id else None
    return OpenActionRow(
        id=action.id,
        text=action.text,
        due=action.due,
        status=action.status,
        owner=person.name if person else (action.owner_text or "(no owner)"),
        organization=org.label if org else "",
        meeting_title=meeting.title,
        meeting_id=meeting.id,
        series_id=meeting.series_id,
    )


def update_action(
    store: Store,
    action_id: str,
    status: ActionStatus,
    *,
    note: str = "",
    meeting_id: str | None = None,
    now: datetime | None = None,
) -> ActionUpdate:
    """Record a status (done, in progress, blocked, dropped) with a note, at `meeting_id`."""
    if status not in UPDATE_STATUSES:
        raise FollowThroughError(
            "give a status of done, in progress, blocked or dropped (not “open”)"
        )
    at = as_utc(now)
    with store.transaction():
        action = store.get(ActionItem, action_id)
        update = store.insert(
            ActionUpdate(
                action_id=action.id,
                meeting_id=meeting_id,
                status=status,
                note=note.strip(),
                at=at,
            )
        )
        action.status = status
        store.update_fields(action, ["status"])  # the rest of the action is not this update's
    return update


def history(store: Store, action_id: str) -> list[ActionUpdate]:
    """Every status an action was given, oldest first."""
    return store.find(ActionUpdate, action_id=action_id, order_by="at")
