"""The live screen's agenda and time: the next item, an item taken out of order, more time or
an end for the item running, a ground rule invoked, and a meeting started by mistake put back
to planned."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.markup import escape

from facilitate.models import Meeting
from facilitate.services.lead import ground_rules
from facilitate.services.people import directory
from facilitate.services.run import capture, live
from facilitate.store import StoreError
from facilitate.tui.dialogs.choose import ChoiceDialog
from facilitate.tui.dialogs.confirm import ConfirmDialog
from facilitate.tui.screens.live_capture import show_saved
from facilitate.tui.screens.live_errors import LIVE_ERRORS
from facilitate.tui.screens.live_text import clock, take_choice

if TYPE_CHECKING:
    from facilitate.tui.screens.live import LiveMeetingScreen


def next_item(screen: LiveMeetingScreen) -> None:
    """Close the item this window shows and start the next one."""
    try:
        view = live.next_item(screen.facilitate.store, screen.meeting_id, screen.shown_current_id)
    except LIVE_ERRORS as error:
        screen.notify(str(error), severity="error")
        return
    screen.refresh_view()
    if view.current is None:
        screen.notify("That was the last item. ctrl+l for the closing round.")


async def choose_item(screen: LiveMeetingScreen) -> None:
    """Choose an item to take now, out of the agenda's order."""
    view = live.live_view(screen.facilitate.store, screen.meeting_id)
    choices = [
        directory.Choice(i.id, take_choice(view, n, i))
        for n, i in enumerate(view.items, start=1)
        if view.current is None or i.id != view.current.id
    ]
    if not choices:
        screen.notify("No other item on the agenda.")
        return
    now_on = f"Now: “{view.current.title}”; it is paused, " if view.current else ""
    item_id = await screen.app.push_screen_wait(
        ChoiceDialog(
            "Take which item now?",
            choices,
            help_text=f"{now_on}kept as it is, to take up again. (Also: tab to the "
            "agenda, an item, Enter.)",
        )
    )
    if item_id is not None:
        take(screen, item_id)


def take(screen: LiveMeetingScreen, item_id: str) -> None:
    """Make `item_id` the current item; say which item was paused and how to go back."""
    try:
        taken = live.take_item(screen.facilitate.store, item_id)
    except LIVE_ERRORS as error:
        screen.notify(str(error), severity="error")
        return
    screen.refresh_view()
    screen.box.line.focus()
    current, paused = taken.view.current, taken.paused
    said_now = f"Now: “{escape(current.title)}”." if current else ""
    if paused is not None:
        timer = live.item_timer(paused, taken.view.now)
        said_now += (
            f" “{escape(paused.title)}” paused at {clock(timer.elapsed)}, with what was"
            " captured; take it again to resume."
        )
    screen.feedback(said_now)


async def time_choice(screen: LiveMeetingScreen) -> None:
    """Extend, close, park or continue next time the item running."""
    view = live.live_view(screen.facilitate.store, screen.meeting_id)
    if view.current is None:
        screen.notify("No item is running.")
        return
    options = [
        directory.Choice("extend:5", "Extend by 5 minutes"),
        directory.Choice("extend:10", "Extend by 10 minutes"),
        directory.Choice("extend:15", "Extend by 15 minutes"),
        directory.Choice("close", "Close this item (done)"),
        directory.Choice("park", "Park it (to the parking lot)"),
        directory.Choice("continue", "Continue next time"),
    ]
    choice = await screen.app.push_screen_wait(
        ChoiceDialog(
            f"“{view.current.title}”",
            options,
            help_text=f"{clock(view.item_timer.elapsed) if view.item_timer else ''} "
            "so far. What now?",
        )
    )
    if choice is None:
        return
    store, item_id = screen.facilitate.store, view.current.id
    try:
        if choice.startswith("extend:"):
            live.extend_item(store, item_id, int(choice.split(":")[1]))
        elif choice == "close":
            live.close_item(store, item_id)
        elif choice == "park":
            live.park_item(store, item_id)
        else:
            live.continue_next_time(store, item_id)
    except LIVE_ERRORS as error:
        screen.notify(str(error), severity="error")
    screen.refresh_view()
    screen.poll_entries()


async def invoke_rule(screen: LiveMeetingScreen) -> None:
    """A ground rule invoked is an entry of the meeting (internal unless corrected)."""
    store = screen.facilitate.store
    view = live.live_view(store, screen.meeting_id)
    version_id = view.meeting.ground_rule_version_id
    if version_id is None:
        screen.notify("No ground rules agreed yet: ctrl+o to agree them.", severity="warning")
        return
    rules = ground_rules.rules_of(store, version_id)
    choices = [directory.Choice(r.id, f"{r.short or r.text[:30]} — {r.text}") for r in rules]
    rule_id = await screen.app.push_screen_wait(ChoiceDialog("Invoke which ground rule?", choices))
    if rule_id is None:
        return
    try:
        entry = capture.invoke_rule(store, screen.meeting_id, rule_id)
    except (*LIVE_ERRORS, StoreError) as error:
        screen.notify(str(error), severity="error", timeout=8)
        return
    show_saved(screen, entry, ["internal: ctrl+r to change who may see it"], False)


async def back_to_planned(screen: LiveMeetingScreen) -> None:
    """Started by mistake, nothing captured: back to planned, as if never opened."""
    store = screen.facilitate.store
    meeting = store.get(Meeting, screen.meeting_id)
    refusal = live.why_not_planned(store, meeting)
    if refusal is not None:
        screen.notify(f"{refusal}.", severity="error", timeout=10)
        return
    question = (
        f"Put “{meeting.title}” back to planned, as if it had not started? Nothing has "
        "been captured in it."
    )
    if not await screen.app.push_screen_wait(
        ConfirmDialog(question, yes="Back to planned", no="Keep it live")
    ):
        return
    try:
        live.return_to_planned(store, screen.meeting_id)
    except (*LIVE_ERRORS, StoreError) as error:
        screen.notify(f"{error}.", severity="error", timeout=10)
        return
    screen.notify(f"“{meeting.title}” is planned again; nothing was kept from this start.")
    screen.dismiss(None)
