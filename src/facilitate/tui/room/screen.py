"""The room view: the meeting as the room sees it, large, read-only, on a projector or a phone.

It shows the current item with its purpose and desired outcome, a big clock with the time left
and a bar that changes colour as the time runs out, the decisions and actions captured so far,
what comes next and the ground rules. It reads the file twice a second (`RoomFeed`), so it
follows whichever window captures, and it writes nothing.

The same screen runs alone (`facilitate room`, `RoomApp`) or on top of the live screen in the
facilitator's own app when there is only one terminal; escape then goes back.
"""

from __future__ import annotations

from datetime import timedelta

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from facilitate.line.wording import clock
from facilitate.models.enums import MeetingStatus
from facilitate.store import RecordNotFound, Store, StoreError
from facilitate.tui.room.big_clock import BigClock
from facilitate.tui.room.state import RoomFeed, RoomView
from facilitate.tui.room.time_bar import TimeBar
from facilitate.tui.widgets.key_bar import KeyBar

POLL_SECONDS = 0.5
"""How often the file is read: a second window's entry shows within a second."""


def minutes(delta: timedelta) -> int:
    return int(delta.total_seconds() // 60)


def bullets(lines: tuple[str, ...], empty: str) -> Content:
    """Lines as a list for the room, or `empty` dimmed; text is shown as typed, never markup."""
    if not lines:
        return Content.styled(empty, "dim italic")
    return Content("\n".join(f"• {line}" for line in lines))


class RoomScreen(Screen[None]):
    """The meeting for everyone in the room."""

    CSS_PATH = "room.tcss"
    BINDINGS = [Binding("escape", "back", "Back to the meeting", id="room.back")]

    def __init__(self, store: Store, meeting_id: str) -> None:
        super().__init__()
        self.feed = RoomFeed(store, meeting_id)
        self.view: RoomView | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="room-heading", markup=False)
        with Horizontal(id="room-top"):
            with Vertical(id="room-now"):
                yield Static(id="room-position", markup=False)
                yield Static(id="room-item", markup=False)
                yield Static(id="room-outcome", markup=False)
                yield Static(id="room-lead", markup=False)
            with Vertical(id="room-clock-box"):
                yield BigClock(id="room-clock")
                yield Static(id="room-clock-label", markup=False)
        yield TimeBar(id="room-bar")
        yield Static(id="room-times", markup=False)
        with Horizontal(id="room-lower"):
            with Vertical(id="room-record"):
                yield Static("Decided", classes="room-title", markup=False)
                yield Static(id="room-decisions", classes="room-list", markup=False)
                yield Static("Actions", classes="room-title", markup=False)
                yield Static(id="room-actions", classes="room-list", markup=False)
            with Vertical(id="room-side"):
                yield Static("Next", classes="room-title", markup=False)
                yield Static(id="room-next", classes="room-list", markup=False)
                yield Static("Ground rules", classes="room-title", markup=False)
                yield Static(id="room-rules", classes="room-list", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.refresh_room()
        self.set_interval(POLL_SECONDS, self.refresh_room)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Back only when there is something to go back to (the live screen below this one).
        if action == "back":
            return len(self.app.screen_stack) > 1
        return True

    def action_back(self) -> None:
        self.dismiss(None)

    # -- drawing ------------------------------------------------------------------------------

    def refresh_room(self) -> None:
        """Read the meeting and draw it. A file that cannot be read right now (locked by a
        restarting app, moved) is said in the heading; the last view stays until it can."""
        heading = self.query_one("#room-heading", Static)
        try:
            view = self.feed.read()
        except (StoreError, RecordNotFound) as error:
            reason = error.args[0] if isinstance(error, RecordNotFound) and error.args else error
            heading.update(f"Waiting for the meeting's record: {reason}")
            heading.set_class(True, "-problem")
            return
        heading.set_class(False, "-problem")
        self.view = view
        self._draw(view)

    def _draw(self, view: RoomView) -> None:
        kind = " · Listening session" if view.listening else ""
        self.query_one("#room-heading", Static).update(
            f"{view.title}{kind} · {view.now.astimezone():%H:%M}"
        )
        self._draw_now(view)
        self._draw_clock(view)
        self.query_one("#room-decisions", Static).update(
            bullets(view.decisions, "No decisions yet.")
        )
        self.query_one("#room-actions", Static).update(bullets(view.actions, "No actions yet."))
        coming = tuple(f"{i.number}. {i.title} ({i.minutes} min)" for i in view.coming)
        self.query_one("#room-next", Static).update(bullets(coming, "Nothing more on the agenda."))
        self.query_one("#room-rules", Static).update(
            bullets(view.rules, "No ground rules agreed yet.")
        )

    def _draw_now(self, view: RoomView) -> None:
        position, item, outcome, lead = "", "", "", ""
        if view.status is MeetingStatus.PLANNED:
            position, item = "Not started yet", "Welcome"
        elif view.status is not MeetingStatus.LIVE:
            position, item = "The meeting has closed", "Thank you"
        elif view.current is None:
            position = "Between items"
            item = f"Next: {view.coming[0].title}" if view.coming else "End of the agenda"
        else:
            current = view.current
            position = f"Item {current.number} of {len(view.items)} · {view.purpose}"
            item = current.title
            outcome = f"Outcome: {view.outcome}" if view.outcome else ""
            lead = f"Lead: {view.lead}" if view.lead else ""
        for name, text in (
            ("position", position),
            ("item", item),
            ("outcome", outcome),
            ("lead", lead),
        ):
            widget = self.query_one(f"#room-{name}", Static)
            widget.update(text)
            widget.display = bool(text)  # no blank line where an item has no outcome or lead

    def _draw_clock(self, view: RoomView) -> None:
        big = self.query_one("#room-clock", BigClock)
        label = self.query_one("#room-clock-label", Static)
        bar = self.query_one("#room-bar", TimeBar)
        times = self.query_one("#room-times", Static)
        timer, meeting = view.item_timer, view.meeting_timer
        running = view.status is MeetingStatus.LIVE
        meeting_part = f"Meeting {minutes(meeting.elapsed)} of {minutes(meeting.planned)} min"
        if running and timer is not None and view.current is not None:
            if view.time_up:
                big.value, words = f"+{clock(timer.overrun)}", "over time"
            else:
                big.value, words = clock(timer.remaining), f"left of {view.current.minutes} min"
            times.update(f"Item {clock(timer.elapsed)} of {clock(timer.planned)} · {meeting_part}")
        elif running:
            big.value, words = clock(meeting.remaining), "left in the meeting"
            times.update(meeting_part)
        else:
            big.value, words = "", ""
            times.update("")
        label.update(words)
        for widget in (big, label):
            widget.set_class(running and view.time_up, "-over")
        bar.show(timer if view.current is not None else None, running=running)
