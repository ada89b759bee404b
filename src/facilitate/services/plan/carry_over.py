"""Carry-over: nothing raised last time is silently dropped, and nothing is carried silently.

When a meeting is planned, the series' open action items, unresolved parking-lot entries, the
items marked "continue next time" and the motions tabled or deferred at an earlier meeting (not
yet taken up again) are *offered*; only what the user accepts goes on the agenda. A tabled motion
comes back as an item of its own, "Taken from the table: …", to decide, and an `EntryLink`
("taken from the table") joins the motion to that item: the link, not the item's words, says the
motion was taken up, so renaming the item keeps it so and an item typed with the same words
takes nothing up.

What is owed is what nothing has settled: a parking-lot entry answered in the loop (declined,
answered in words, or by a decision or action no longer open) is not offered, by the rule the
agenda and the Loop screen ask (`store.queries_owed`). "Earlier" is one order for every part of
the offer (`earlier_meetings`): a second session planned for the same evening follows the one
already held there.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from facilitate.models import AgendaItem, Decision, EntryLink, Meeting, ParkingLotItem
from facilitate.models.enums import DecisionOutcome, ItemState, Purpose
from facilitate.services.plan import agenda
from facilitate.store import Store, queries, queries_owed
from facilitate.store.queries import OpenActionRow

FOLLOW_UP_TITLE = "Follow-up on commitments"
FROM_THE_TABLE = "Taken from the table: "
"""How a tabled or deferred motion's item is titled when it comes back."""
TAKEN_UP = "taken from the table"
"""The note of the link from a tabled motion to the agenda item that took it up."""
TAKE_UP_OUTCOME = "The motion is decided, or tabled again with a reason"
"""The desired outcome such an item is given; with the title it marks the items that took a
motion up before links were kept (`_taken_up_before_links`)."""

LAID_ASIDE = frozenset({DecisionOutcome.TABLED, DecisionOutcome.DEFERRED})


@dataclass(frozen=True)
class CarryOverOffer:
    actions: list[OpenActionRow]
    parking: list[ParkingLotItem]
    continued: list[AgendaItem]
    # Motions tabled or deferred at an earlier meeting and not on a later agenda since.
    tabled: list[Decision] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.actions or self.parking or self.continued or self.tabled)


def carry_over_offer(store: Store, meeting: Meeting) -> CarryOverOffer:
    """What the series still owes itself, as of this meeting. The series' meetings are read
    once, and every part of the offer is judged against the same earlier ones."""
    meetings = agenda.meetings_of(store, meeting.series_id)
    earlier = _before(meetings, meeting)
    return CarryOverOffer(
        actions=open_actions_before(store, meeting, earlier),
        parking=open_parking_before(store, earlier),
        continued=_continued(store, meetings, earlier),
        tabled=_laid_aside(store, meeting, earlier),
    )


def earlier_meetings(store: Store, meeting: Meeting) -> list[Meeting]:
    """The series' meetings before `meeting`, oldest first. At the same start, one already
    opened comes first, then the one planned first: a session planned for the evening one has
    just been held in follows it, so what that one left open is owed to it."""
    return _before(agenda.meetings_of(store, meeting.series_id), meeting)


def _before(meetings: list[Meeting], meeting: Meeting) -> list[Meeting]:
    """`earlier_meetings` among the series' `meetings`, already read."""
    mine = _place(meeting)
    return [m for m in sorted(meetings, key=_place) if m.id != meeting.id and _place(m) < mine]


def _place(meeting: Meeting) -> tuple[datetime, bool, datetime, str]:
    """Where a meeting falls in its series' order (see `earlier_meetings`)."""
    return (meeting.starts_at, meeting.opened_at is None, meeting.created_at, meeting.id)


def open_actions_before(
    store: Store, meeting: Meeting, earlier: Sequence[Meeting]
) -> list[OpenActionRow]:
    """The series' action items still open that its `earlier` meetings (`earlier_meetings`)
    gave out."""
    given = {m.id for m in earlier}
    return [
        a for a in queries.open_actions(store, series_id=meeting.series_id) if a.meeting_id in given
    ]


def open_parking_before(store: Store, earlier: Sequence[Meeting]) -> list[ParkingLotItem]:
    """The parking-lot entries of the series' `earlier` meetings (`earlier_meetings`) that still
    wait: not resolved, and settled by no response (`queries_owed`), oldest meeting first."""
    return queries_owed.waiting_parking(store, [m.id for m in earlier])


def _continued(store: Store, meetings: list[Meeting], earlier: list[Meeting]) -> list[AgendaItem]:
    """Items moved to the next meeting at any earlier meeting of the series, oldest first,
    that no agenda of the series has taken up since. Not only the latest earlier meeting's:
    a meeting planned ahead (next month's, already on the calendar) may sit between the one
    that moved an item and the one being planned now, and has taken nothing up."""
    taken_up = {item.carried_from_item_id for m in meetings for item in agenda.items(store, m.id)}
    return [
        item
        for held in earlier
        for item in agenda.items(store, held.id)
        if item.state is ItemState.CONTINUE_NEXT_TIME and item.id not in taken_up
    ]


def tabled_title(decision: Decision) -> str:
    """ "Taken from the table: Adopt the calendar" (the motion's words, on one line)."""
    return FROM_THE_TABLE + " ".join(decision.text.split())


def _laid_aside(store: Store, meeting: Meeting, earlier: list[Meeting]) -> list[Decision]:
    """Motions tabled or deferred at the series' `earlier` meetings, oldest first, that no
    meeting since (this one included) has taken from the table."""
    meetings = [*earlier, meeting]
    motion_of = {link.to_id: link.from_id for link in store.find(EntryLink, note=TAKEN_UP)}
    found: list[Decision] = []
    for held in meetings:
        items = agenda.items(store, held.id)
        taken = {motion_of[item.id] for item in items if item.id in motion_of}
        untaken = [d for d in found if d.id not in taken]
        # Taken up here: no longer owed.
        found = [d for d in untaken if not _taken_up_before_links(d, items, motion_of)]
        if held.id != meeting.id:
            decided = store.find(Decision, meeting_id=held.id, order_by="created_at")
            found += [d for d in decided if d.outcome in LAID_ASIDE]
    return found


def _taken_up_before_links(
    motion: Decision, items: list[AgendaItem], motion_of: dict[str, str]
) -> bool:
    """Whether an item put on an agenda before links were kept took `motion` up: one with no
    link, the motion's title and the desired outcome this offer gave it (an item merely typed
    with the same words has another, or none)."""
    return any(
        item.id not in motion_of
        and item.title == tabled_title(motion)
        and item.desired_outcome == TAKE_UP_OUTCOME
        for item in items
    )


def is_follow_up_item(title: str) -> bool:
    """True for the agenda item where commitments are reviewed ("Review of action items",
    "Follow-up on commitments"): carried-over entries join it instead of making a second one."""
    lowered = title.lower()
    return "commitment" in lowered or "action item" in lowered


def _action_line(action: OpenActionRow) -> str:
    due = f", due {action.due:%b %d}" if action.due else ", no due date"
    org = f" ({action.organization})" if action.organization else ""
    return f"{agenda.CARRIED_ACTION}{action.text} — {action.owner}{org}{due}"


def accept_carry_over(
    store: Store,
    meeting_id: str,
    offer: CarryOverOffer,
    *,
    action_ids: Collection[str],
    parking_ids: Collection[str],
    continued_ids: Collection[str],
) -> list[AgendaItem]:
    """Put the accepted part of `offer` on the agenda; return the agenda as it now stands.

    Accepted actions and parking-lot entries become prompts of one "Follow-up on commitments"
    item (the template's own, when it has one); continued items come back as items of their own,
    and so do tabled motions, to decide. `continued_ids` names both what continues and the
    tabled motions (their decision ids) to take from the table.
    """
    lines = [_action_line(a) for a in offer.actions if a.id in action_ids]
    lines += [f"{agenda.CARRIED_PARKING}{p.text}" for p in offer.parking if p.id in parking_ids]
    with store.transaction():
        current = agenda.items(store, meeting_id)
        follow_up = next((i for i in current if is_follow_up_item(i.title)), None)
        if lines:
            if follow_up is None:
                after = current[0].id if current else None
                follow_up = agenda.add_item(
                    store,
                    meeting_id,
                    FOLLOW_UP_TITLE,
                    purpose=Purpose.DISCUSS,
                    minutes=max(10, 3 * len(lines)),
                    after_item_id=after,
                    desired_outcome="Every commitment has a status and a next step",
                )
            follow_up.prompts = [
                *follow_up.prompts,
                *(x for x in lines if x not in follow_up.prompts),
            ]
            agenda.update_fields(store, follow_up, ["prompts"])
        anchor = follow_up.id if follow_up is not None else None
        for old in offer.continued:
            if old.id not in continued_ids:
                continue
            added = agenda.add_item(
                store,
                meeting_id,
                old.title,
                purpose=old.purpose,
                minutes=old.minutes,
                after_item_id=anchor,
                desired_outcome=old.desired_outcome,
                lead_text=old.lead_text,
            )
            added.carried_from_item_id = old.id
            added.lead_person_id = old.lead_person_id
            added.lead_organization_id = old.lead_organization_id
            added.prompts = list(old.prompts)
            agenda.update_fields(
                store,
                added,
                ["carried_from_item_id", "lead_person_id", "lead_organization_id", "prompts"],
            )
            anchor = added.id
        for motion in offer.tabled:
            if motion.id in continued_ids:
                anchor = _take_from_the_table(store, meeting_id, motion, anchor).id
    return agenda.items(store, meeting_id)


def _take_from_the_table(
    store: Store, meeting_id: str, motion: Decision, after: str | None
) -> AgendaItem:
    """The tabled motion as an item to decide, after `after`, linked to the motion; the item it
    was tabled under lends its time box and lead."""
    found = (
        store.find(AgendaItem, id=motion.agenda_item_id, limit=1) if motion.agenda_item_id else []
    )
    under = found[0] if found else None
    item = agenda.add_item(
        store,
        meeting_id,
        tabled_title(motion),
        purpose=Purpose.DECIDE,
        minutes=under.minutes if under is not None else 10,
        after_item_id=after,
        desired_outcome=TAKE_UP_OUTCOME,
        lead_text=under.lead_text if under is not None else "",
    )
    store.insert(
        EntryLink(
            from_table=Decision.table,
            from_id=motion.id,
            to_table=AgendaItem.table,
            to_id=item.id,
            note=TAKEN_UP,
        )
    )
    return item
