"""The live screen's status lines and agenda column, redrawn from the record each second:
the item and its clock, TIME UP, what the item is for, and quorum. A line is sent to the
terminal only when its text changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.markup import escape
from textual.widgets import Static

from facilitate.services.people import directory
from facilitate.services.run import live
from facilitate.tui.screens.live_text import AGENDA_COLUMNS, clock, item_mark, quorum_mark
from facilitate.tui.widgets.table import Table

if TYPE_CHECKING:
    from facilitate.tui.screens.live import LiveMeetingScreen

# Below this many columns the TIME UP bar leaves out its ctrl+t hint, to stay within two lines.
NARROW = 80


def draw(screen: LiveMeetingScreen) -> None:
    """Redraw the agenda, clocks and quorum from the record."""
    view = live.live_view(
        screen.facilitate.store, screen.meeting_id, screen.now() if screen.now else None
    )
    screen.shown_status = view.meeting.status
    was_current = screen.shown_current_id
    # What "next" moves on from: the item this window shows, not whatever is current now.
    screen.shown_current_id = view.current.id if view.current else None
    screen.title = view.meeting.title
    agenda_table = screen.query_one("#live-agenda", Table)
    rows = [
        (i.id, (item_mark(i), i.title, str(i.minutes + i.extended_minutes))) for i in view.items
    ]
    if rows != list(agenda_table.fitted_rows):
        agenda_table.fit_rows(AGENDA_COLUMNS, rows)
    # The cursor goes to the current item when that changes (here or in the other window);
    # otherwise it stays where it was moved to choose an item to take (Enter).
    if view.current is not None and view.current.id != was_current:
        agenda_table.move_cursor(row=agenda_table.get_row_index(view.current.id))
    status = screen.query_one("#live-status", Static)
    clocks = screen.query_one("#live-clock", Static)
    outcome = screen.query_one("#live-outcome", Static)
    meeting_clock = view.meeting_timer
    meeting_part = (
        f"meeting {clock(meeting_clock.elapsed)}/"
        f"{int(meeting_clock.planned.total_seconds() // 60)}m"
    )
    quorum_line = quorum_mark(screen.facilitate.store, screen.meeting_id)
    if view.current is None or view.item_timer is None:
        put(screen, status, "No item running · ctrl+n starts the next item")
        put(screen, clocks, meeting_part)
        put(screen, outcome, quorum_line)
        mark_over(screen, False)
        return
    item, timer = view.current, view.item_timer
    number = view.items.index(item) + 1
    lead = directory.lead_label(
        screen.facilitate.store, item.lead_person_id, item.lead_organization_id, item.lead_text
    )
    if view.time_up:
        text = f"TIME UP · {number}. {escape(item.title)}"
        if screen.size.width >= NARROW:
            # Narrower, the hint wrapped the bar to three lines; the feedback line above
            # the capture line says ctrl+t when time runs out, and F1 lists it.
            text += " · ctrl+t: extend, close or park"
        ticking = f"+{clock(timer.overrun)} over · {meeting_part}"
        if screen.warned_item != item.id:
            # Said once, above the capture line: a pop-up here covered what was being typed.
            screen.warned_item = item.id
            screen.feedback(
                f"Time is up for “{escape(item.title)}”. ctrl+t to extend, close or park.",
                problem=True,
            )
    else:
        text = f"{number}. {escape(item.title)}"
        ticking = f"{clock(timer.elapsed)}/{clock(timer.planned)} · {meeting_part}"
    put(screen, status, text)
    put(screen, clocks, ticking)
    mark_over(screen, view.time_up)
    details = [f"{item.purpose.value.capitalize()}"]
    if item.desired_outcome:
        details.append(f"outcome: {item.desired_outcome}")
    if lead:
        details.append(f"lead: {lead}")
    details.append(quorum_line)
    put(screen, outcome, " · ".join(details))


def mark_over(screen: LiveMeetingScreen, over: bool) -> None:
    """The status bar in the alarm colour while the item runs over (TIME UP says it too)."""
    for part in ("#live-status-bar", "#live-status", "#live-clock"):
        screen.query_one(part).set_class(over, "-over")


def put(screen: LiveMeetingScreen, line: Static, text: str) -> None:
    """Redraw `line` only when its text changes: most seconds, nothing does."""
    if screen.drawn.get(line.id) != text:
        screen.drawn[line.id] = text
        line.update(text)
