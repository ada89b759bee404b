"""Building agendas together: meetings from templates or from the last meeting, items with a
purpose, a time box, a lead and who proposed them, and the running total against the meeting's
length.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from facilitate import paths
from facilitate.errors import Refusal
from facilitate.models import (
    AgendaItem,
    EntryLink,
    GroundRuleSet,
    Meeting,
    MeetingSeries,
    PreRead,
)
from facilitate.models.enums import MeetingKind, MeetingStatus, Purpose
from facilitate.models.template import AgendaItemTemplate, AgendaTemplate
from facilitate.models.tiers import ReportUp
from facilitate.services.people.directory import lead_label
from facilitate.services.plan.cadence import CadenceError, parse_cadence
from facilitate.services.plan.join_info import set_join_info
from facilitate.services.plan.minutes_approval import (
    approves_minutes,
    copied_item_approves,
    left_out,
    restore_at,
    without_approvals,
)
from facilitate.services.plan.series_defaults import meeting_minutes
from facilitate.services.plan.templates import load_templates
from facilitate.store import Store

DEFAULT_START = time(13, 0)
"""When a meeting starts if neither its series' cadence nor an earlier meeting says."""

# The talking points carry-over writes onto the follow-up item (carry_over.accept_carry_over):
# this meeting's commitments, never part of an agenda's structure.
CARRIED_ACTION = "Action: "
CARRIED_PARKING = "Parking lot: "


class AgendaError(Refusal):
    """Something the user asked of an agenda that cannot be done; the message says why."""


@dataclass(frozen=True)
class MeetingPlan:
    """What a coordinator fills in to create a meeting."""

    series_id: str
    starts_at: datetime
    minutes: int | None = None
    location: str = ""
    neutral_venue: bool | None = None
    kind: MeetingKind | None = None
    title: str = ""
    # How to join, as the coordinator writes it (services/plan/join_info.py).
    join_info: str = ""


@dataclass(frozen=True)
class AgendaTiming:
    planned: int
    length: int

    @property
    def over_by(self) -> int:
        return max(0, self.planned - self.length)

    @property
    def is_over(self) -> bool:
        return self.planned > self.length


@dataclass(frozen=True)
class MeetingDefaults:
    """What a new meeting of a series starts with, before the coordinator changes anything.

    ``day`` is None when the series' cadence gives no date; ``no_day_reason`` then says why
    (no cadence, or a cadence that cannot be read). ``cadence`` is the cadence in normalized
    wording ("" for none). ``template`` is the series' default template name ("" for none);
    ``ground_rules`` names the rule set its meetings agree; ``join_info`` is how the latest
    meeting was joined.
    """

    series_id: str
    day: date | None
    start: time
    minutes: int | None
    place: str
    neutral_venue: bool
    template: str
    ground_rules: str
    cadence: str = ""
    no_day_reason: str = ""
    # How the series' latest meeting was joined: a standing video link or dial-in carries on.
    join_info: str = ""


def next_meeting_defaults(store: Store, series_id: str, today: date) -> MeetingDefaults:
    """The defaults for the series' next meeting: the cadence's first date after both today and
    the series' latest meeting, its time and length, the series' place, template and rules, and
    how its latest meeting was joined.

    Without a time in the cadence the latest meeting's start time is kept.
    """
    series = store.get(MeetingSeries, series_id)
    held = meetings_of(store, series_id)
    latest = held[-1].starts_at if held else None
    day: date | None = None
    reason = ""
    try:
        cadence = parse_cadence(series.cadence)
    except CadenceError as error:
        cadence, reason = None, f"{series.name}: {error}"
    if cadence is not None:
        anchor = latest.date() if latest else None
        day = cadence.next_date(max(today, anchor) if anchor else today, anchor=anchor)
    elif not reason:
        reason = f"{series.name} has no cadence to take the date from"
    start = DEFAULT_START if latest is None else latest.time()
    if cadence is not None and cadence.start is not None:
        start = cadence.start
    rules = (
        store.get(GroundRuleSet, series.ground_rule_set_id).name
        if series.ground_rule_set_id
        else ""
    )
    return MeetingDefaults(
        series_id=series.id,
        day=day,
        start=start,
        minutes=cadence.minutes if cadence else None,
        place=series.default_place,
        neutral_venue=series.neutral_venue,
        template=series.default_template,
        ground_rules=rules,
        cadence=cadence.describe() if cadence else "",
        no_day_reason=reason,
        join_info=held[-1].join_info if held else "",
    )


def short_series_name(series: MeetingSeries) -> str:
    """The series' name without its parenthesis: "Steering Committee (monthly)" -> "Steering
    Committee"."""
    return series.name.split(" (")[0]


def default_title(series: MeetingSeries, day: date) -> str:
    """A new meeting's title: "Steering Committee — Dec 08, 2026"."""
    return f"{short_series_name(series)} — {day:%b %d, %Y}"


@dataclass(frozen=True)
class PlannedMeeting:
    """A meeting just planned, and a sentence for each item its agenda went without."""

    meeting: Meeting
    left_out: tuple[str, ...] = ()


def plan_meeting(
    store: Store,
    plan: MeetingPlan,
    *,
    template: AgendaTemplate | None = None,
    from_last: bool = False,
) -> PlannedMeeting:
    """A new planned meeting whose agenda starts from a template or from the series' last meeting,
    and what the agenda went without, for the face to say (see `minutes_approval`).

    Carry-over of open commitments is *offered* separately (`carry_over.carry_over_offer`);
    nothing is added to the agenda without the user accepting it. Starting from the last meeting
    therefore copies only its structure (see `structure`), never the commitments carried onto it.
    """
    if template is not None and from_last:
        raise AgendaError("start from a template or from the last meeting, not both")
    series = store.get(MeetingSeries, plan.series_id)
    kind = plan.kind or (template.kind if template else series.kind)
    minutes = plan.minutes or meeting_minutes(series, template)
    neutral = plan.neutral_venue
    if neutral is None:
        neutral = template.neutral_venue if template else False
    # A listening session made from the last one reads the same consent statement to the room
    # (never its count: consent is given afresh each time); when the last one had none, the
    # series' template's statement (issue #13).
    last = last_meeting(store, series.id, before=plan.starts_at) if from_last else None
    consent = template.consent_statement if template else (last.consent_statement if last else "")
    if from_last and not consent:
        consent = series_consent_statement(series)
    with store.transaction():
        meeting = store.insert(
            Meeting(
                series_id=series.id,
                title=plan.title.strip() or default_title(series, plan.starts_at.date()),
                starts_at=plan.starts_at,
                minutes=minutes,
                location=plan.location,
                neutral_venue=neutral,
                kind=kind,
                consent_statement=consent,
            )
        )
        if plan.join_info.strip():
            # Its own rule (a length a mail can carry); refused, no meeting is made.
            meeting = set_join_info(store, meeting.id, plan.join_info)
        series_template = _series_template(series) if from_last else None
        if template is not None:
            shape = [_from_template(item, meeting.id) for item in template.items]
            approvals = [approves_minutes(item, template) for item in template.items]
        elif from_last:
            if last is None:
                raise AgendaError(f"{series.name} has no earlier meeting to start from")
            shape = structure(store, last.id)
            approvals = [copied_item_approves(item.title, series_template) for item in shape]
        else:
            shape, approvals = [], []
        went_without: list[str] = []
        if not has_earlier_minutes(store, series.id, plan.starts_at):
            shape, went_without = without_approvals(shape, approvals)
        elif (
            series_template is not None
            and last is not None
            and shape
            and not any(approvals)
            and not has_earlier_minutes(store, series.id, last.starts_at)
        ):
            # The last meeting was the series' first, so it went without an approval.
            shape, went_without = _approval_restored(shape, series_template, meeting.id)
        for position, old in enumerate(shape, start=1):
            store.insert(_copy_item(old, meeting.id, float(position)))
    return PlannedMeeting(meeting, tuple(went_without))


def create_meeting(
    store: Store,
    plan: MeetingPlan,
    *,
    template: AgendaTemplate | None = None,
    from_last: bool = False,
) -> Meeting:
    """`plan_meeting`'s meeting, for a caller that shows nothing of what was left out (the
    demo, scripts building a record)."""
    return plan_meeting(store, plan, template=template, from_last=from_last).meeting


_HELD = (MeetingStatus.CLOSED, MeetingStatus.APPROVED)
"""Statuses of a meeting that was held, so that it has minutes a later meeting can approve."""


def has_earlier_minutes(store: Store, series_id: str, before: datetime) -> bool:
    """Whether the series held a meeting before `before`, whose minutes there are to approve."""
    return any(m.status in _HELD for m in meetings_of(store, series_id) if m.starts_at < before)


def _approval_restored(
    shape: list[AgendaItem], series_template: AgendaTemplate, meeting_id: str
) -> tuple[list[AgendaItem], list[str]]:
    """`shape` with the series template's approval put back where the template has it, when
    `shape` follows that template; otherwise unchanged, saying what it went without."""
    found = restore_at(shape, series_template)
    if found is not None:
        item, at = found
        return [*shape[:at], _from_template(item, meeting_id), *shape[at:]], []
    missing = [
        item.title for item in series_template.items if approves_minutes(item, series_template)
    ]
    why = f"this agenda does not follow the template “{series_template.name}”"
    return shape, [left_out(title, why) for title in missing]


def series_consent_statement(series: MeetingSeries) -> str:
    """The consent statement of the series' default template ("" when it has none, or the
    template cannot be found or read: the facilitator then says it in their own words)."""
    found = _series_template(series)
    return found.consent_statement if found else ""


def _series_template(series: MeetingSeries) -> AgendaTemplate | None:
    """The series' default template; None when it has none, or it cannot be found or read."""
    if not series.default_template:
        return None
    return load_templates(paths.user_templates_dir()).get(series.default_template)


def _from_template(item: AgendaItemTemplate, meeting_id: str) -> AgendaItem:
    """A template's item as an agenda item (its place is given when it is copied in)."""
    return AgendaItem(
        meeting_id=meeting_id,
        position=0.0,
        title=item.title,
        purpose=item.purpose,
        desired_outcome=item.desired_outcome,
        minutes=item.minutes,
        lead_text=item.lead,
        prompts=list(item.prompts),
        notes=item.notes,
    )


def _copy_item(old: AgendaItem, meeting_id: str, position: float) -> AgendaItem:
    """The structure of an item for a new meeting: what it is for, not what happened to it."""
    return AgendaItem(
        meeting_id=meeting_id,
        position=position,
        title=old.title,
        purpose=old.purpose,
        desired_outcome=old.desired_outcome,
        minutes=old.minutes,
        lead_person_id=old.lead_person_id,
        lead_organization_id=old.lead_organization_id,
        lead_text=old.lead_text,
        prompts=list(old.prompts),
        notes=old.notes,
    )


def is_carried_prompt(prompt: str) -> bool:
    """True for a talking point carry-over added: one of this meeting's actions or parked items."""
    return prompt.startswith((CARRIED_ACTION, CARRIED_PARKING))


def belongs_to_one_meeting(item: AgendaItem) -> bool:
    """True for an item that is this meeting's business rather than the agenda's shape: one
    continued from an earlier meeting, or a talking point someone proposed on a date."""
    return item.carried_from_item_id is not None or item.proposed_on is not None


def structure(store: Store, meeting_id: str) -> list[AgendaItem]:
    """The meeting's agenda as a shape to reuse: its items, purposes, time boxes, leads and
    prompts, without the commitments, parked items and dated talking points of this meeting.

    The items returned are copies; the stored agenda is not changed.
    """
    return [
        item.model_copy(
            update={"prompts": [p for p in item.prompts if p.strip() and not is_carried_prompt(p)]}
        )
        for item in items(store, meeting_id)
        if not belongs_to_one_meeting(item)
    ]


def last_meeting(store: Store, series_id: str, *, before: datetime) -> Meeting | None:
    earlier = [m for m in meetings_of(store, series_id) if m.starts_at < before]
    return earlier[-1] if earlier else None


def meetings_of(store: Store, series_id: str) -> list[Meeting]:
    return store.find(Meeting, series_id=series_id, order_by="starts_at")


def items(store: Store, meeting_id: str) -> list[AgendaItem]:
    return store.find(AgendaItem, meeting_id=meeting_id, order_by="position")


def timing(store: Store, meeting: Meeting) -> AgendaTiming:
    return AgendaTiming(
        planned=sum(i.minutes for i in items(store, meeting.id)), length=meeting.minutes
    )


def _editable(store: Store, meeting_id: str) -> Meeting:
    meeting = store.get(Meeting, meeting_id)
    if meeting.status in (MeetingStatus.CLOSED, MeetingStatus.APPROVED):
        raise AgendaError(f"“{meeting.title}” is closed; its agenda is part of the record now")
    return meeting


def item_title(title: str) -> str:
    """`title` without surrounding spaces; AgendaError when nothing is left."""
    if not title.strip():
        raise AgendaError("an agenda item needs a title")
    return title.strip()


def add_item(
    store: Store,
    meeting_id: str,
    title: str,
    *,
    purpose: Purpose = Purpose.DISCUSS,
    minutes: int = 10,
    after_item_id: str | None = None,
    desired_outcome: str = "",
    lead_text: str = "",
    proposed_by_person_id: str | None = None,
    proposed_by_organization_id: str | None = None,
    proposed_on: date | None = None,
) -> AgendaItem:
    """Add an item at the end, or just after `after_item_id`."""
    _editable(store, meeting_id)
    title = item_title(title)
    if minutes < 1:
        raise AgendaError(f"time box must be at least 1 minute (got {minutes})")
    current = items(store, meeting_id)
    position = (current[-1].position + 1) if current else 1.0
    if after_item_id is not None:
        index = next((i for i, it in enumerate(current) if it.id == after_item_id), None)
        if index is not None:
            following = current[index + 1].position if index + 1 < len(current) else None
            here = current[index].position
            position = (here + following) / 2 if following is not None else here + 1
    return store.insert(
        AgendaItem(
            meeting_id=meeting_id,
            position=position,
            title=title,
            purpose=purpose,
            minutes=minutes,
            desired_outcome=desired_outcome.strip(),
            lead_text=lead_text.strip(),
            proposed_by_person_id=proposed_by_person_id,
            proposed_by_organization_id=proposed_by_organization_id,
            proposed_on=proposed_on,
        )
    )


# What the item form edits, who may see the item included. The rest of an item (its state, start
# time, extension, position) belongs to the live meeting and the ordering, and an edit of the form
# never writes it.
FORM_FIELDS = (
    "title",
    "purpose",
    "desired_outcome",
    "minutes",
    "lead_text",
    "lead_person_id",
    "lead_organization_id",
    "proposed_by_person_id",
    "proposed_by_organization_id",
    "proposed_on",
    "visibility",
)


def form_values(item: AgendaItem) -> dict[str, Any]:
    """The item as the form shows it: what an edit starts from."""
    return {name: getattr(item, name) for name in FORM_FIELDS}


def edit_item(
    store: Store, item_id: str, before: Mapping[str, Any], after: Mapping[str, Any]
) -> AgendaItem:
    """Save what the user changed in the item form (`before` → `after`), and only that: a
    co-facilitator who started or extended the item meanwhile keeps their change, and one who
    changed the same field is named instead of overwritten (Store.edit)."""
    item = store.get(AgendaItem, item_id)
    _editable(store, item.meeting_id)
    item_title(str(after.get("title", item.title)))
    return store.edit(AgendaItem, item_id, before, after, what=f"The item “{item.title}”")


def update_fields(store: Store, item: AgendaItem, names: Sequence[str]) -> AgendaItem:
    """Write the named fields of an item this code just changed (e.g. prompts it added)."""
    _editable(store, item.meeting_id)
    return store.update_fields(item, names)


def set_minutes(store: Store, item_id: str, minutes: int) -> AgendaItem:
    if minutes < 1:
        raise AgendaError(f"time box must be at least 1 minute (got {minutes})")
    item = store.get(AgendaItem, item_id)
    _editable(store, item.meeting_id)
    item.minutes = minutes
    return store.update_fields(item, ["minutes"])


def delete_item(store: Store, item_id: str) -> None:
    item = store.get(AgendaItem, item_id)
    _editable(store, item.meeting_id)
    if item.started_at is not None:
        raise AgendaError(f"“{item.title}” has already been discussed; it stays in the record")
    # Rows that point at the item would make the delete fail on a foreign key: say what to do.
    attached = store.count(PreRead, agenda_item_id=item_id)
    if attached:
        raise AgendaError(
            f"“{item.title}” has {attached} pre-read{'' if attached == 1 else 's'} attached: "
            "detach them first (F in the agenda editor, or facilitate agenda detach)"
        )
    if store.count(ReportUp, agenda_item_id=item_id):
        raise AgendaError(
            f"“{item.title}” holds a report accepted from another body; it stays on the agenda "
            "(mark it not reached at closing if it is not taken)"
        )
    with store.transaction():
        # A link to the item (a motion taken from the table onto it) goes with it: the motion
        # is owed again, and no link names a row that is gone.
        for link in store.find(EntryLink, to_table=AgendaItem.table, to_id=item_id):
            store.delete(EntryLink, link.id)
        store.delete(AgendaItem, item_id)


def move_item(store: Store, item_id: str, steps: int) -> list[AgendaItem]:
    """Move an item up (negative) or down (positive) and return the agenda in its new order."""
    item = store.get(AgendaItem, item_id)
    _editable(store, item.meeting_id)
    ordered = items(store, item.meeting_id)
    index = next(i for i, it in enumerate(ordered) if it.id == item_id)
    target = max(0, min(len(ordered) - 1, index + steps))
    if target == index:
        return ordered
    ordered.insert(target, ordered.pop(index))
    with store.transaction():
        # Renumber only what changed; whole numbers keep positions readable in the file.
        for number, each in enumerate(ordered, start=1):
            if each.position != float(number):
                each.position = float(number)
                # Only the position: a co-facilitator's edit of the item meanwhile survives.
                store.update_fields(each, ["position"])
    return ordered


def as_template(store: Store, meeting: Meeting, name: str, description: str = "") -> AgendaTemplate:
    """The meeting's agenda as a reusable template: its structure only (see `structure`)."""
    name = name.strip()
    if not name:
        raise AgendaError("a template needs a name")
    if not items(store, meeting.id):
        raise AgendaError("this agenda has no items to save")
    shape = structure(store, meeting.id)
    if not shape:
        raise AgendaError(
            "every item on this agenda is this meeting's own (carried over or proposed for it); "
            "there is no structure to save as a template"
        )
    # The approval is marked, so the saved template never has it judged by its title.
    series_template = _series_template(store.get(MeetingSeries, meeting.series_id))
    return AgendaTemplate(
        name=name,
        description=description,
        kind=meeting.kind,
        default_minutes=meeting.minutes,
        neutral_venue=meeting.neutral_venue,
        items=[
            AgendaItemTemplate(
                title=item.title,
                purpose=item.purpose,
                minutes=item.minutes,
                desired_outcome=item.desired_outcome,
                lead=(
                    lead_label(store, item.lead_person_id, item.lead_organization_id, "")
                    if item.lead_person_id or item.lead_organization_id
                    else item.lead_text
                ),
                prompts=item.prompts,
                notes=item.notes,
                approves_minutes=copied_item_approves(item.title, series_template) or None,
            )
            for item in shape
        ],
    )
