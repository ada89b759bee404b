"""Line mode's sentences: a saved entry, the agenda, the clocks, the rules and who is here, each
as short plain lines a screen reader reads once and a braille display shows whole.

No symbols that read badly aloud (no check marks, arrows or boxes): words only. The room view
writes its clocks and dates with `clock` and `day` too, so both faces say a time alike.
"""

from __future__ import annotations

from datetime import date, timedelta

from facilitate.models import ActionItem, AgendaItem, Decision, Note, ParkingLotItem, Person
from facilitate.models.enums import AttendanceStatus, DecisionMethod, ItemState, Visibility
from facilitate.services.lead.ground_rules import VersionedRules
from facilitate.services.people.people_lookup import IN_ROOM
from facilitate.services.record.wording import METHOD_LABELS, OUTCOME_LABELS, PURPOSE_LABELS
from facilitate.services.run.attendance import RoleLine, RosterLine
from facilitate.services.run.capture import CaptureResult, Entry
from facilitate.services.run.live import LiveView, is_paused, item_timer
from facilitate.services.run.untaken_answers import UNTAKEN_ANSWERS
from facilitate.store import RecordNotFound, Store

KIND_WORDS = {
    Note: "note",
    Decision: "decision",
    ActionItem: "action",
    ParkingLotItem: "parking-lot entry",
}
# Said only when an entry is kept narrower or wider than the partners' default.
_VISIBILITY_WORDS = {
    Visibility.PUBLIC: " (public)",
    Visibility.INTERNAL: " (internal)",
    Visibility.CONFIDENTIAL: " (confidential)",
}
# An item closing settled is said as the closing list said it (services/run/untaken_answers).
_STATE_WORDS = {
    ItemState.PENDING: "",
    ItemState.ACTIVE: "now",
    ItemState.DONE: "done",
    ItemState.PARKED: "parked",
    ItemState.CONTINUE_NEXT_TIME: UNTAKEN_ANSWERS[ItemState.CONTINUE_NEXT_TIME].short,
    ItemState.NOT_REACHED: UNTAKEN_ANSWERS[ItemState.NOT_REACHED].short,
}
_HERE = IN_ROOM  # at the table (people_lookup's one definition)


def clock(delta: timedelta) -> str:
    """ "12:05": minutes and seconds."""
    seconds = int(delta.total_seconds())
    return f"{seconds // 60}:{seconds % 60:02d}"


def day(due: date) -> str:
    """ "Fri Dec 18"."""
    return f"{due:%a %b} {due.day}"


def kind_word(entry: Entry) -> str:
    return KIND_WORDS[type(entry)]


def _person(store: Store, person_id: str | None) -> str:
    if person_id is None:
        return ""
    try:
        return store.get(Person, person_id).name
    except RecordNotFound:
        return "(unknown)"


def entry_details(store: Store, entry: Entry) -> str:
    """The entry as one phrase: its text, then what else it carries."""
    parts = [entry.text]
    if isinstance(entry, ActionItem):
        parts.append(_person(store, entry.owner_person_id) or entry.owner_text or "no owner")
        parts.append(f"due {day(entry.due)}" if entry.due else "no due date")
    elif isinstance(entry, Decision):
        if entry.method is not DecisionMethod.NOT_RECORDED:
            parts.append(METHOD_LABELS[entry.method].lower())
        parts.append(OUTCOME_LABELS[entry.outcome].lower())
    elif isinstance(entry, ParkingLotItem) and entry.follow_up_person_id:
        parts.append(f"follow-up {_person(store, entry.follow_up_person_id)}")
    return ", ".join(parts)


def saved_lines(store: Store, result: CaptureResult, number: int) -> list[str]:
    """ "Saved action 12: Book the room, Sofia Alvarez, due Fri Dec 18", then anything to
    check, a line each."""
    entry = result.entry
    if entry is None:
        return []
    visibility = _VISIBILITY_WORDS.get(entry.visibility, "")
    lines = [f"Saved {kind_word(entry)} {number}{visibility}: {entry_details(store, entry)}"]
    lines += [f"  Problem: {problem}" for problem in result.problems]
    lines += [f"  To finish: {warning}" for warning in result.warnings]
    return lines


def item_line(view: LiveView, index: int) -> str:
    """ "3. Budget, 15 min, now 4:10 of 15:00" for one agenda item."""
    item = view.items[index]
    words = [f"{index + 1}. {item.title}", f"{item.minutes + item.extended_minutes} min"]
    state = _STATE_WORDS[item.state]
    if is_paused(item):
        state = f"paused at {clock(item_timer(item, view.now).elapsed)}"
    if view.current is not None and item.id == view.current.id and view.item_timer:
        timer = view.item_timer
        state = f"now, {clock(timer.elapsed)} of {clock(timer.planned)}"
        if view.time_up:
            state += ", time is up"
    if state:
        words.append(state)
    return ", ".join(words)


def current_line(view: LiveView) -> str:
    """What is under way, in one line."""
    if view.current is None:
        following = view.next_pending
        if following is None:
            return "No item is running, and none is left on the agenda."
        return f"No item is running. Next: {following.title}. Type :next to start it."
    number = view.items.index(view.current) + 1
    item = view.current
    line = (
        f"Item {number} of {len(view.items)}: {item.title}, {PURPOSE_LABELS[item.purpose].lower()}"
    )
    if item.desired_outcome:
        line += f". Outcome: {item.desired_outcome}"
    return line + "."


def paused_line(view: LiveView, item: AgendaItem) -> str:
    """ "Paused: 1. Welcome, at 4:10. :take 1 takes it up again." for the item a take paused."""
    number = view.items.index(item) + 1 if item in view.items else 0
    at = clock(item_timer(item, view.now).elapsed)
    return f"Paused: {number}. {item.title}, at {at}. :take {number} takes it up again."


def time_line(view: LiveView) -> str:
    meeting = view.meeting_timer
    whole = f"Meeting {clock(meeting.elapsed)} of {int(meeting.planned.total_seconds() // 60)} min."
    timer = view.item_timer
    if view.current is None or timer is None:
        return whole
    if view.time_up:
        return f"Time is up, {clock(timer.overrun)} over. {whole}"
    return f"{clock(timer.remaining)} left of {clock(timer.planned)}. {whole}"


def rules_lines(rules: VersionedRules | None, agreed: bool) -> list[str]:
    if rules is None or not rules.rules:
        return ["No ground rules yet."]
    state = "agreed" if agreed else "not yet agreed at this meeting"
    lines = [f"Ground rules, {rules.rule_set.name}, version {rules.version.version}, {state}:"]
    lines += [f"{n}. {rule.text}" for n, rule in enumerate(rules.rules, start=1)]
    return lines


def who_lines(roles: list[RoleLine], roster: list[RosterLine]) -> list[str]:
    lines = [
        f"{line.role.name}: {line.person.name if line.person else 'nobody yet'}" for line in roles
    ]
    here = [r for r in roster if r.status in _HERE]
    if not here:
        return [*lines, "Nobody checked in yet."]
    lines.append(f"Here, {len(here)}:")
    for row in here:
        late = {AttendanceStatus.LATE: ", late", AttendanceStatus.LEFT_EARLY: ", left early"}
        org = f", {row.organization}" if row.organization else ""
        lines.append(f"{row.name}{org}{late.get(row.status or AttendanceStatus.PRESENT, '')}")
    return lines
