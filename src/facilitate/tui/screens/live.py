"""The running meeting: the current item and its clock, quorum, and one line to capture into.

Every entry is committed to SQLite when Enter is pressed, and shown only once it is saved. A line
that cannot be read stays in the line with what is wrong, stored as a draft, until it is fixed
or discarded. The clocks and quorum are recomputed from the record every second, and entries
saved by a co-facilitator's window on the same file appear within about a second.

An idle screen sends almost nothing to the terminal (a slow link is common in the room): the
status lines are redrawn only when their text changes, and the capture line does not blink.

Every key stays bound here, on the screen, with priority: the keys must work wherever the focus
is (the capture line, the entries, the agenda column). What each key does lives beside it, by
concern: `live_capture` (the line saved or held as a draft), `live_decision`, `live_agenda`
(items and time), `live_corrections`, `live_status` (the status lines redrawn each second) and
`live_text` (the marks and words they show).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, cast

from textual import events, work
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, Static

from facilitate.models import ActionItem, Meeting, Person
from facilitate.models.enums import MeetingStatus
from facilitate.services.people.people_lookup import Candidate
from facilitate.services.record import capture_links
from facilitate.services.run import completion, live
from facilitate.services.run.capture import Entry
from facilitate.services.run.entry_feed import EntryCursor, entries_since
from facilitate.store import StoreError
from facilitate.tui.screens import (
    live_agenda,
    live_capture,
    live_corrections,
    live_decision,
    live_status,
)
from facilitate.tui.screens.live_errors import LIVE_ERRORS, said
from facilitate.tui.screens.live_text import CAPTURE_HELP
from facilitate.tui.symbols import mark as symbol
from facilitate.tui.widgets.capture_box import CaptureBox
from facilitate.tui.widgets.entries_table import EntriesTable
from facilitate.tui.widgets.key_bar import KeyBar
from facilitate.tui.widgets.screen_help import ScreenHelp, screen_keys
from facilitate.tui.widgets.table import Table

if TYPE_CHECKING:
    from facilitate.tui.app import FacilitateApp

PLACEHOLDER = "Type a note · / shows what can follow · ctrl+d decision · F1 keys"
NO_ROLL_CALL = "No roll call yet: ctrl+o for attendance, quorum and ground rules."
"""Said on opening until anyone is checked in; cleared by the tick once someone is."""


class LiveMeetingScreen(Screen[None]):
    """A facilitator and note-taker live here for two hours."""

    BINDINGS = [
        # First, so the key bar always shows where every other key is explained.
        Binding("f1", "help", "Keys", id="live.help", priority=True),
        Binding("ctrl+n", "next_item", "Next item", id="live.next", priority=True),
        # Also Enter on an item of the agenda column (tab to it). Out of the bar: F1 and the
        # palette list it, and the bar keeps its room at 80 columns.
        Binding("f6", "take_item", "Take item…", show=False, id="live.take", priority=True),
        Binding("ctrl+d", "decision", "Decision", id="live.decision", priority=True),
        Binding("ctrl+t", "time_choice", "Extend/close/park", id="live.time", priority=True),
        Binding("ctrl+g", "invoke_rule", "Ground rule", id="live.rule", priority=True),
        Binding("ctrl+r", "correct", "Correct", id="live.correct", priority=True),
        Binding("ctrl+z", "remove", "Remove", id="live.remove", priority=True),
        Binding("ctrl+y", "restore", "Restore", id="live.restore", priority=True),
        Binding("f2", "history", "History", id="live.history", priority=True),
        Binding("ctrl+x", "discard_draft", "Discard line", id="live.discard", priority=True),
        Binding("ctrl+o", "opening", "Opening", id="live.opening", priority=True),
        Binding("ctrl+f", "follow_through", "Follow-through", id="live.follow", priority=True),
        Binding("ctrl+l", "closing", "Close meeting", id="live.closing", priority=True),
        Binding("ctrl+b", "not_started", "Not started", id="live.not_started", priority=True),
        Binding("f3", "room_view", "Room view", id="live.room", priority=True),
        Binding("f4", "theme_board", "Themes", id="live.themes", priority=True),
        Binding("ctrl+e", "answers_input", "re: input", id="live.answers_input", priority=True),
        Binding("question_mark", "help", "Keys", show=False, id="live.help_key"),
        Binding("up", "select(-1)", "Previous entry", show=False, id="live.up"),
        Binding("down", "select(1)", "Next entry", show=False, id="live.down"),
        Binding("escape", "leave", "Home (stays live)", id="live.leave"),
    ]

    def __init__(self, meeting_id: str, *, now: Callable[[], datetime] | None = None) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        # The clock the timers read: the real one, or a fixed one for pictures of the screen.
        self.now = now
        self.cursor = EntryCursor()
        self.warned_item: str | None = None
        # The meeting's status when last drawn: another window may close it or unstart it.
        self.shown_status = MeetingStatus.LIVE
        self.shown_current_id: str | None = None
        self.tick_failed = False
        # The feedback line's text now: the roll-call hint is cleared once anyone checks in.
        self.said = ""
        # The text each status line shows now, by id (see `_put`).
        self.drawn: dict[str | None, str] = {}

    @property
    def facilitate(self) -> FacilitateApp:
        return cast("FacilitateApp", self.app)

    @property
    def meeting(self) -> Meeting:
        return self.facilitate.store.get(Meeting, self.meeting_id)

    def compose(self) -> ComposeResult:
        yield Header()
        # The clocks apart from the item: each second only their few cells are sent.
        with Horizontal(id="live-status-bar"):
            yield Static(id="live-status")
            yield Static(id="live-clock")
        yield Static(id="live-outcome")
        with Horizontal(id="live-body"):
            yield Table(id="live-agenda", cursor_type="row", show_header=False)
            with Vertical(id="live-right"):
                yield EntriesTable(self._person_name, input_number=self._input_number, id="entries")
                yield Static(id="entry-detail", markup=False)
        yield Static(id="capture-feedback")
        yield CaptureBox(PLACEHOLDER)
        yield KeyBar()

    @property
    def entries(self) -> EntriesTable:
        return self.query_one("#entries", EntriesTable)

    @property
    def box(self) -> CaptureBox:
        return self.query_one(CaptureBox)

    def _person_name(self, person_id: str) -> str:
        return self.facilitate.store.get(Person, person_id).name

    def _input_number(self, entry: Entry) -> int | None:
        store = self.facilitate.store
        return capture_links.input_number(store, self.meeting_id, entry.table, entry.id)

    def on_mount(self) -> None:
        store = self.facilitate.store
        try:
            view = live.open_meeting(store, self.meeting_id)
            if view.current is None and view.next_pending is not None:
                live.start_item(store, view.next_pending.id)
        except (*LIVE_ERRORS, StoreError) as error:
            self.notify(f"Cannot run this meeting: {error}", severity="error", timeout=8)
            self.app.call_later(self.app.pop_screen)
            return
        self.box.names = completion.names_for(store, view.meeting)
        # Said first: time up (said while drawing) and a line held back say more, and replace it.
        if not live.roll_call_begun(store, self.meeting_id):
            self.feedback(NO_ROLL_CALL)
        self.refresh_view()
        self.poll_entries()
        if self.entries.row_count:  # the newest entry selected, and so in view
            self.entries.move_cursor(row=self.entries.row_count - 1)
        live_capture.resume_draft(self)
        self.set_interval(1.0, self.tick)
        self.box.line.focus()

    # -- drawing ------------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        """The status bar's wording follows the width at once, not at the next tick."""
        if self.drawn:  # drawn once: the meeting is open and running here
            self.tick()

    def tick(self) -> None:
        try:
            self.refresh_view()
        except LIVE_ERRORS as error:
            # The file is locked or gone for a moment: say so once, try again next second.
            if not self.tick_failed:
                self.notify(f"Cannot read the record right now: {error}", severity="error")
            self.tick_failed = True
            return
        self.tick_failed = False
        if self.said == NO_ROLL_CALL and live.roll_call_begun(
            self.facilitate.store, self.meeting_id
        ):
            self.said = ""  # said by the roll call itself now: the hint would be a false fact
            self.query_one("#capture-feedback", Static).update("")
        if self.shown_status is MeetingStatus.PLANNED and self.is_active:
            # The other window put it back to planned: there is no meeting running here now.
            # (Only from the top of the stack: dismiss pops whatever screen is on top.)
            self.notify("This meeting was put back to planned in another window.")
            self.dismiss(None)
            return
        self.poll_entries()

    def refresh_view(self) -> None:
        """Redraw the agenda, clocks and quorum from the record (see `live_status.draw`)."""
        live_status.draw(self)

    def poll_entries(self) -> None:
        batch = entries_since(self.facilitate.store, self.meeting_id, self.cursor)
        self.cursor = batch.cursor
        if batch.is_empty:
            return
        for _kind, entry_id in batch.removed:
            self.entries.forget(entry_id)
        for entry in batch.changed:
            self.entries.show(entry)
        self.show_detail()

    def show_detail(self) -> None:
        """The selected entry whole, under the table: a row is cut to the width it has."""
        live_status.put(self, self.query_one("#entry-detail", Static), self.entries.detail())

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "entries":
            self.show_detail()

    def feedback(self, text: str, *, problem: bool = False) -> None:
        """Say `text` above the capture line; a problem in the warning colour. Each starts with
        a mark as well (⚠ or ✓): the colour alone is lost with NO_COLOR or to a colour-blind
        reader."""
        feedback = self.query_one("#capture-feedback", Static)
        self.said = text
        feedback.update(f"{symbol('⚠' if problem else '✓')} {text}")
        feedback.set_class(problem, "-problem")

    # -- capture (see live_capture) -------------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "capture":
            live_capture.submit(self, event.input)

    @work
    async def choose_owner(self, action: ActionItem, choices: tuple[Candidate, ...]) -> None:
        """An ``@owner`` that could mean several people: ask which; escape keeps it as typed."""
        await live_capture.choose_owner(self, action, choices)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """ctrl+x (discard the line) only while the line holds a draft; otherwise the key is the
        line's own (cut)."""
        if action == "discard_draft":
            box = self.query(CaptureBox).first() if self.query(CaptureBox) else None
            return box is not None and box.draft_id is not None
        return True

    @work
    @said
    async def action_discard_draft(self) -> None:
        """Discard the line held back as a draft, after asking."""
        await live_capture.discard_draft(self)

    def action_select(self, step: int) -> None:
        """Up/down in the capture line move through the entries, to correct or remove one."""
        table = self.entries
        if self.focused is not self.box.line or not table.row_count:
            raise SkipAction()
        table.move_cursor(row=max(0, min(table.cursor_row + step, table.row_count - 1)))

    # -- decisions (see live_decision) -----------------------------------------------------------

    @work
    @said
    async def action_decision(self) -> None:
        """The decision dialog, filled from what is in the capture line."""
        await live_decision.decide(self)

    @work
    @said
    async def action_answers_input(self) -> None:
        """Find the input the line answers and put its `re:N` in the line."""
        await live_decision.put_answered_input(self)

    # -- agenda and time (see live_agenda) -------------------------------------------------------

    def action_next_item(self) -> None:
        """Close the item shown and start the next one."""
        live_agenda.next_item(self)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on an item of the agenda column takes it now."""
        if event.data_table.id == "live-agenda" and event.row_key.value:
            live_agenda.take(self, event.row_key.value)

    @work
    @said
    async def action_take_item(self) -> None:
        """Choose an item to take now, out of the agenda's order."""
        await live_agenda.choose_item(self)

    @work
    @said
    async def action_time_choice(self) -> None:
        """Extend, close, park or continue next time the item running."""
        await live_agenda.time_choice(self)

    @work
    @said
    async def action_invoke_rule(self) -> None:
        """A ground rule invoked is an entry of the meeting (internal unless corrected)."""
        await live_agenda.invoke_rule(self)

    # -- corrections (see live_corrections) ------------------------------------------------------

    @work
    @said
    async def action_correct(self) -> None:
        """Correct any field of the entry selected."""
        await live_corrections.correct(self)

    @work
    @said
    async def action_remove(self) -> None:
        """Remove the selected entry, after asking; it is kept whole and can be restored."""
        await live_corrections.remove(self)

    @work
    @said
    async def action_restore(self) -> None:
        """Bring back an entry removed from this meeting."""
        await live_corrections.restore(self)

    @work
    @said
    async def action_history(self) -> None:
        """The selected entry's history, to put an earlier value back."""
        await live_corrections.history(self)

    # -- help and other screens -------------------------------------------------------------------

    def action_theme_board(self) -> None:
        """The series' themes, to rename, merge and split them and move input between them."""
        from facilitate.tui.screens.theme_board import ThemeBoardScreen

        self.app.push_screen(ThemeBoardScreen(self.meeting.series_id))

    def action_help(self) -> None:
        sections = [*screen_keys(self), ("The capture line", CAPTURE_HELP)]
        self.app.push_screen(ScreenHelp("Keys — live meeting", sections))

    def action_opening(self) -> None:
        from facilitate.tui.screens.opening import OpeningScreen

        def back(_: None) -> None:
            self.box.names = completion.names_for(self.facilitate.store, self.meeting)
            self.refresh_view()

        self.app.push_screen(OpeningScreen(self.meeting_id), back)

    def action_follow_through(self) -> None:
        from facilitate.tui.screens.follow_through import FollowThroughScreen

        self.app.push_screen(FollowThroughScreen(self.meeting_id))

    def action_closing(self) -> None:
        from facilitate.tui.screens.closing import ClosingScreen

        def closed(done: bool | None) -> None:
            if done:
                self.dismiss(None)
            else:
                self.poll_entries()

        self.app.push_screen(ClosingScreen(self.meeting_id), closed)

    @work
    @said
    async def action_not_started(self) -> None:
        """Started by mistake, nothing captured: back to planned, as if never opened."""
        await live_agenda.back_to_planned(self)

    def action_room_view(self) -> None:
        """The room's view of this meeting, full screen, for a projector on this terminal;
        escape comes back."""
        from facilitate.tui.room.screen import RoomScreen

        self.app.push_screen(RoomScreen(self.facilitate.store, self.meeting_id))

    def action_leave(self) -> None:
        self.notify("The meeting stays live; open it again from the home screen.")
        self.dismiss(None)
