"""The words and marks the live screen draws: an item's mark and clock, the quorum line, the
take chooser's rows and the capture line's help."""

from __future__ import annotations

from datetime import timedelta

from facilitate.models import AgendaItem
from facilitate.models.enums import ItemState
from facilitate.services import quorum
from facilitate.services.run import live
from facilitate.store import Store
from facilitate.tui.symbols import mark as symbol
from facilitate.tui.widgets.table import Fit

STATE_MARK = {
    ItemState.PENDING: " ",
    ItemState.ACTIVE: symbol("▶"),
    ItemState.DONE: symbol("✓"),
    ItemState.PARKED: "P",
    ItemState.CONTINUE_NEXT_TIME: "↻",
    ItemState.NOT_REACHED: "–",
}
# Taken, then paused for an item taken out of order: pending, with its time so far.
PAUSED_MARK = "‖"
AGENDA_COLUMNS = (Fit("mark", ""), Fit("item", "Item", flexible=True), Fit("minutes", "Min"))

CAPTURE_HELP = (
    ("text", "a note (plain text)"),
    ("/d TEXT", "a decision; ctrl+d opens the decision dialog instead"),
    ("  method:M", "consensus, consent, fist, gradients, vote, other (none: not recorded)"),
    ("  outcome:O", "adopted, not-adopted, deferred, referred:BODY"),
    ("  for:N against:N abstain:N", "vote counts; levels:5=3,4=2 for fist or gradients"),
    ('  aside:@WHO "reason"', 'a stand-aside (WHO: @handle, @"Full Name" or @ORG)'),
    ('  block:@WHO "reason"', 'a block; override:"why" if the group adopted it anyway'),
    ('  objection:"what" resolved:"how"', "a consent objection and how it was resolved"),
    ("/a TEXT @owner due:DATE", "an action (dates count from the meeting's date); org:SHORT"),
    ("  re:12  re:12,14", "it answers the series' input #12 (the log's # column); ctrl+e finds it"),
    ("/p TEXT @person", "the parking lot"),
    ("+housing +court-dates", "file a note or parking-lot item under themes (+ lists them)"),
    ("#public #partners #internal #conf", "who may see the entry"),
    ("~org:SHORT ~participant ~none", "who said a note"),
    ("tab / up / down", "take / move through the completion list"),
    ("up / down", "(no list open) select an entry: ctrl+r corrects, ctrl+z removes, F2 history"),
)


def clock(delta: timedelta) -> str:
    """A duration as the clocks show it: minutes and seconds, "12:05"."""
    seconds = int(delta.total_seconds())
    return f"{seconds // 60}:{seconds % 60:02d}"


def take_choice(view: live.LiveView, number: int, item: AgendaItem) -> str:
    """An item as the take chooser lists it: "‖ 1. Welcome · paused at 4:10", marked as in the
    agenda column (taking a finished or parked item takes it up again)."""
    paused = (
        f" · paused at {clock(live.item_timer(item, view.now).elapsed)}"
        if live.is_paused(item)
        else ""
    )
    return f"{item_mark(item)} {number}. {item.title}{paused}"


def item_mark(item: AgendaItem) -> str:
    """The agenda column's mark for an item: its state, or paused."""
    return PAUSED_MARK if live.is_paused(item) else STATE_MARK[item.state]


def quorum_mark(store: Store, meeting_id: str) -> str:
    """Quorum now, by the one rule: what a decision taken now will record. Before anyone is
    checked in, that the roll call is still to take: "NO QUORUM 0/6" said nothing of why."""
    status = quorum.quorum(store, meeting_id)
    if not status.attendance_taken:
        return f"no roll call yet {symbol('—')} ctrl+o"
    if not status.defined:
        return "no quorum rule"
    needed = f"{status.counted}/{status.needed}" if status.needed is not None else ""
    if status.met:
        return f"quorum {symbol('✓')} {needed}".rstrip()
    # Enough members but a required organization absent: "NO QUORUM 6/6" alone said no why.
    missing = ", ".join(status.missing_organizations)
    return f"NO QUORUM {needed}".rstrip() + (f" {symbol('—')} no {missing}" if missing else "")
