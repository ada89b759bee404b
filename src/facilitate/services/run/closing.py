"""Closing a meeting: review today's actions and decisions, a plus/delta round, the next date,
then close.

Closing makes the record a draft: the minutes stay editable (`corrections`) until another
meeting approves them. The summary counts what was captured (ground rules invoked among it)
and flags what the record cannot say yet: decisions without a method, decisions taken without
quorum, lines typed but never saved as entries (drafts).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from facilitate.models import (
    ActionItem,
    AgendaItem,
    CaptureDraft,
    Decision,
    Meeting,
    Note,
    Organization,
    ParkingLotItem,
    Reflection,
    RuleInvocation,
)
from facilitate.models.enums import (
    DecisionMethod,
    DecisionOutcome,
    ItemState,
    MeetingStatus,
    ReflectionKind,
    Visibility,
)
from facilitate.services.people.people_lookup import people_by_id
from facilitate.services.plurals import counted
from facilitate.services.run import drafts
from facilitate.services.run.capture import capturable, default_visibility
from facilitate.services.run.live import LiveError, as_utc
from facilitate.services.run.untaken_answers import UNTAKEN_ANSWERS
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


@dataclass(frozen=True)
class ClosingSummary:
    """What the meeting captured, and what in it still needs a word before the record is right."""

    notes: int
    decisions: int
    actions: int
    parking: int
    rules_invoked: int
    without_method: tuple[Decision, ...]
    without_quorum: tuple[Decision, ...]
    drafts: tuple[CaptureDraft, ...]

    @property
    def counts(self) -> str:
        """ "4 notes · 2 decisions · ..." (kinds with none left out), or "nothing captured"."""
        kinds = [
            (self.notes, "note", "notes"),
            (self.decisions, "decision", "decisions"),
            (self.actions, "action item", "action items"),
            (self.parking, "parking-lot entry", "parking-lot entries"),
            (self.rules_invoked, "ground rule invoked", "ground rules invoked"),
        ]
        parts = [counted(n, one, many) for n, one, many in kinds if n]
        return " · ".join(parts) or "nothing captured"

    @property
    def flags(self) -> tuple[str, ...]:
        """One sentence per thing to look at before closing."""
        found = []
        if self.without_method:
            found.append(
                counted(len(self.without_method), "decision has", "decisions have")
                + " no method recorded: "
                + "; ".join(f"“{d.text}”" for d in self.without_method)
            )
        if self.without_quorum:
            found.append(
                counted(len(self.without_quorum), "decision was", "decisions were")
                + " taken without quorum: "
                + "; ".join(f"“{d.text}”" for d in self.without_quorum)
            )
        if self.drafts:
            found.append(
                counted(len(self.drafts), "typed line was", "typed lines were")
                + " never saved as an entry: "
                + "; ".join(f"“{d.line.strip()}”" for d in self.drafts)
            )
        return tuple(found)


NO_METHOD_NEEDED = frozenset({DecisionOutcome.TABLED, DecisionOutcome.WITHDRAWN})
"""A motion laid on the table or withdrawn was never decided, so no method is missing."""


def summary(store: Store, meeting_id: str) -> ClosingSummary:
    """Counts of today's entries, ground rules invoked among them, and what to look at."""
    notes = store.find(Note, meeting_id=meeting_id)
    decided = store.find(Decision, meeting_id=meeting_id, order_by="created_at")
    rule_notes = sum(1 for note in notes if note.ground_rule_id is not None)
    return ClosingSummary(
        notes=len(notes) - rule_notes,
        decisions=len(decided),
        actions=store.count(ActionItem, meeting_id=meeting_id),
        parking=store.count(ParkingLotItem, meeting_id=meeting_id),
        # Rules invoked before schema 6 were kept only as invocations.
        rules_invoked=rule_notes + store.count(RuleInvocation, meeting_id=meeting_id),
        without_method=tuple(
            d
            for d in decided
            if d.method is DecisionMethod.NOT_RECORDED and d.outcome not in NO_METHOD_NEEDED
        ),
        without_quorum=tuple(d for d in decided if d.quorum_defined and d.quorum_met is False),
        drafts=tuple(drafts.open_drafts(store, meeting_id)),
    )


def untaken(store: Store, meeting_id: str) -> list[AgendaItem]:
    """Items still pending that were never stepped through in the live screen, in agenda
    order: closing asks what became of them (taken? not reached? moved to the next meeting?)."""
    items = store.find(AgendaItem, meeting_id=meeting_id, order_by="position")
    return [i for i in items if i.state is ItemState.PENDING and i.started_at is None]


class UnansweredError(LiveError):
    """Closing was asked for while an item never stepped through had no answer."""

    def __init__(self, items: Sequence[AgendaItem]) -> None:
        titles = "; ".join(f"“{item.title}”" for item in items)
        super().__init__(
            f"{counted(len(items), 'item')} never stepped through and not answered for: {titles}."
            " Say what became of each ("
            + ", ".join(answer.short for answer in UNTAKEN_ANSWERS.values())
            + ")"
        )
        self.items = tuple(items)


def close_with_answers(
    store: Store,
    meeting_id: str,
    answers: Mapping[str, ItemState],
    *,
    next_meeting_date: date | None = None,
    now: datetime | None = None,
) -> Meeting:
    """Record what became of each item never stepped through, then close: the one way the app
    and `meetings close` both close a meeting.

    One transaction: a meeting is never closed with an item left unanswered (UnansweredError
    names them, and nothing is written), nor are items settled on a meeting left open. An answer
    for an item the other window has since taken up is not applied (see `settle_untaken`).
    """
    with store.transaction():
        if store.get(Meeting, meeting_id).status is MeetingStatus.LIVE:
            pending = untaken(store, meeting_id)
            missing = [item for item in pending if item.id not in answers]
            if missing:
                raise UnansweredError(missing)
            for item in pending:
                settle_untaken(store, item.id, answers[item.id])
        return close_meeting(store, meeting_id, next_meeting_date=next_meeting_date, now=now)


def settle_untaken(store: Store, item_id: str, state: ItemState) -> AgendaItem:
    """Record what became of an item never stepped through. Only its state is written, and only
    while it is still pending: an item the other window has since started keeps its own."""
    if state not in UNTAKEN_ANSWERS:
        said = ", ".join(answer.short for answer in UNTAKEN_ANSWERS.values())
        raise LiveError(f"an item not stepped through is one of: {said}; not {state}")
    with store.transaction():
        item = store.get(AgendaItem, item_id)
        capturable(store, item.meeting_id)
        if item.state is not ItemState.PENDING or item.started_at is not None:
            return item
        item.state = state
        return store.update_fields(item, ["state"])


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
