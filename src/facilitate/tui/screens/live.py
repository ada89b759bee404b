"""The running meeting: the current item and its clock, quorum, and one line to capture into.

Every entry is committed to SQLite when Enter is pressed, and shown only once it is saved. A line
that cannot be read stays in the line with what is wrong, stored as a draft, until it is fixed
or discarded. The clocks and quorum are recomputed from the record every second, and entries
saved by a co-facilitator's window on the same file appear within about a second.

An idle screen sends almost nothing to the terminal (a slow link is common in the room): the
status lines are redrawn only when their text changes, and the capture line does not blink.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, TypeVar, cast

from textual import events, work
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, Static

from facilitate.models import ActionItem, AgendaItem, Meeting, Person
from facilitate.models.enums import ItemState, MeetingStatus
from facilitate.services import quorum
from facilitate.services.lead import ground_rules
from facilitate.services.people import directory
from facilitate.services.people.people_lookup import Candidate
from facilitate.services.plan import agenda
from facilitate.services.record import capture_links
from facilitate.services.record.capture_links import SeriesAnswers
from facilitate.services.run import (
    capture,
    completion,
    correct_form,
    corrections,
    decision_form,
    drafts,
    live,
    quick_entry,
)
from facilitate.services.run.capture import CaptureResult, Entry
from facilitate.services.run.entry_feed import EntryCursor, entries_since
from facilitate.store import StoreError
from facilitate.tui.dialogs.choose import ChoiceDialog
from facilitate.tui.dialogs.confirm import ConfirmDialog
from facilitate.tui.dialogs.correct_entry import CorrectDialog, HistoryDialog
from facilitate.tui.dialogs.decision import DecisionDialog
from facilitate.tui.dialogs.owner_choice import owner_chooser
from facilitate.tui.feedback import USER_ERRORS
from facilitate.tui.symbols import mark as symbol
from facilitate.tui.widgets.capture_box import CaptureBox
from facilitate.tui.widgets.entries_table import EntriesTable, kind_label
from facilitate.tui.widgets.key_bar import KeyBar
from facilitate.tui.widgets.screen_help import ScreenHelp, screen_keys
from facilitate.tui.widgets.table import Fit, Table

if TYPE_CHECKING:
    from facilitate.tui.app import FacilitateApp

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
PLACEHOLDER = "Type a note · / shows what can follow · ctrl+d decision · F1 keys"
# Every refusal and every store error (a locked or damaged file) becomes a message: the live
# screen stays up, with what was typed still in the line.
LIVE_ERRORS = USER_ERRORS
# Below this many columns the TIME UP bar leaves out its ctrl+t hint, to stay within two lines.
NARROW = 80
NO_ROLL_CALL = "No roll call yet: ctrl+o for attendance, quorum and ground rules."
"""Said on opening until anyone is checked in; cleared by the tick once someone is."""

A = TypeVar("A", bound=Callable[..., Awaitable[None]])


def said(action: A) -> A:
    """An action run in a worker: a refusal or a store error becomes a message, never an ended
    app (an error escaping a worker ends it)."""

    @functools.wraps(action)
    async def run(screen: Screen[None], *args: object) -> None:
        try:
            await action(screen, *args)
        except LIVE_ERRORS as error:
            screen.notify(f"Not done: {error}", severity="error", timeout=8)

    return cast("A", run)


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
    seconds = int(delta.total_seconds())
    return f"{seconds // 60}:{seconds % 60:02d}"


def _take_choice(view: live.LiveView, number: int, item: AgendaItem) -> str:
    """An item as the take chooser lists it: "‖ 1. Welcome · paused at 4:10", marked as in the
    agenda column (taking a finished or parked item takes it up again)."""
    paused = (
        f" · paused at {clock(live.item_timer(item, view.now).elapsed)}"
        if live.is_paused(item)
        else ""
    )
    return f"{_mark(item)} {number}. {item.title}{paused}"


def _mark(item: AgendaItem) -> str:
    """The agenda column's mark for an item: its state, or paused."""
    return PAUSED_MARK if live.is_paused(item) else STATE_MARK[item.state]


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
            self._feedback(NO_ROLL_CALL)
        self.refresh_view()
        self.poll_entries()
        if self.entries.row_count:  # the newest entry selected, and so in view
            self.entries.move_cursor(row=self.entries.row_count - 1)
        self._resume_draft()
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
        """Redraw the agenda, clocks and quorum from the record."""
        view = live.live_view(
            self.facilitate.store, self.meeting_id, self.now() if self.now else None
        )
        self.shown_status = view.meeting.status
        was_current = self.shown_current_id
        # What "next" moves on from: the item this window shows, not whatever is current now.
        self.shown_current_id = view.current.id if view.current else None
        self.title = view.meeting.title
        agenda_table = self.query_one("#live-agenda", Table)
        rows = [
            (i.id, (_mark(i), i.title, str(i.minutes + i.extended_minutes))) for i in view.items
        ]
        if rows != list(agenda_table.fitted_rows):
            agenda_table.fit_rows(AGENDA_COLUMNS, rows)
        # The cursor goes to the current item when that changes (here or in the other window);
        # otherwise it stays where it was moved to choose an item to take (Enter).
        if view.current is not None and view.current.id != was_current:
            agenda_table.move_cursor(row=agenda_table.get_row_index(view.current.id))
        status = self.query_one("#live-status", Static)
        clocks = self.query_one("#live-clock", Static)
        outcome = self.query_one("#live-outcome", Static)
        meeting_clock = view.meeting_timer
        meeting_part = (
            f"meeting {clock(meeting_clock.elapsed)}/"
            f"{int(meeting_clock.planned.total_seconds() // 60)}m"
        )
        quorum_mark = self._quorum_mark()
        if view.current is None or view.item_timer is None:
            self._put(status, "No item running · ctrl+n starts the next item")
            self._put(clocks, meeting_part)
            self._put(outcome, quorum_mark)
            self._over(False)
            return
        item, timer = view.current, view.item_timer
        number = view.items.index(item) + 1
        lead = directory.lead_label(
            self.facilitate.store, item.lead_person_id, item.lead_organization_id, item.lead_text
        )
        if view.time_up:
            text = f"TIME UP · {number}. {escape(item.title)}"
            if self.size.width >= NARROW:
                # Narrower, the hint wrapped the bar to three lines; the feedback line above
                # the capture line says ctrl+t when time runs out, and F1 lists it.
                text += " · ctrl+t: extend, close or park"
            ticking = f"+{clock(timer.overrun)} over · {meeting_part}"
            if self.warned_item != item.id:
                # Said once, above the capture line: a pop-up here covered what was being typed.
                self.warned_item = item.id
                self._feedback(
                    f"Time is up for “{escape(item.title)}”. ctrl+t to extend, close or park.",
                    problem=True,
                )
        else:
            text = f"{number}. {escape(item.title)}"
            ticking = f"{clock(timer.elapsed)}/{clock(timer.planned)} · {meeting_part}"
        self._put(status, text)
        self._put(clocks, ticking)
        self._over(view.time_up)
        details = [f"{item.purpose.value.capitalize()}"]
        if item.desired_outcome:
            details.append(f"outcome: {item.desired_outcome}")
        if lead:
            details.append(f"lead: {lead}")
        details.append(quorum_mark)
        self._put(outcome, " · ".join(details))

    def _over(self, over: bool) -> None:
        """The status bar in the alarm colour while the item runs over (TIME UP says it too)."""
        for part in ("#live-status-bar", "#live-status", "#live-clock"):
            self.query_one(part).set_class(over, "-over")

    def _put(self, line: Static, text: str) -> None:
        """Redraw `line` only when its text changes: most seconds, nothing does."""
        if self.drawn.get(line.id) != text:
            self.drawn[line.id] = text
            line.update(text)

    def _quorum_mark(self) -> str:
        """Quorum now, by the one rule: what a decision taken now will record. Before anyone is
        checked in, that the roll call is still to take: "NO QUORUM 0/6" said nothing of why."""
        status = quorum.quorum(self.facilitate.store, self.meeting_id)
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

    def poll_entries(self) -> None:
        batch = entries_since(self.facilitate.store, self.meeting_id, self.cursor)
        self.cursor = batch.cursor
        if batch.is_empty:
            return
        for _kind, entry_id in batch.removed:
            self.entries.forget(entry_id)
        for entry in batch.changed:
            self.entries.show(entry)
        self._show_detail()

    def _show_detail(self) -> None:
        """The selected entry whole, under the table: a row is cut to the width it has."""
        self._put(self.query_one("#entry-detail", Static), self.entries.detail())

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "entries":
            self._show_detail()

    def _feedback(self, text: str, *, problem: bool = False) -> None:
        """Say `text` above the capture line; a problem in the warning colour. Each starts with
        a mark as well (⚠ or ✓): the colour alone is lost with NO_COLOR or to a colour-blind
        reader."""
        feedback = self.query_one("#capture-feedback", Static)
        self.said = text
        feedback.update(f"{symbol('⚠' if problem else '✓')} {text}")
        feedback.set_class(problem, "-problem")

    # -- capture ------------------------------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "capture":
            return
        line = event.value
        try:
            store = self.facilitate.store
            result: CaptureResult = capture.capture_line(
                store,
                self.meeting_id,
                line,
                draft_id=self.box.draft_id,
                answers=SeriesAnswers(store, self.meeting.series_id),
            )
        except (*LIVE_ERRORS, StoreError) as error:
            # The line is not cleared: what was typed is never lost, and Enter tries again.
            self._feedback(
                f"[b]Not saved:[/] {escape(str(error))}. Your text is still in the line.",
                problem=True,
            )
            return
        if result.draft is not None:
            self._held(result.draft.id, result.problems)
            return
        if result.entry is None:
            return
        # Saved: only now is the line cleared and the entry shown.
        self.box.draft_id = None
        event.input.value = ""
        self._saved(result.entry, [*result.problems, *result.warnings], bool(result.problems))
        if result.parsed.themes:  # a new theme is offered after + from the next line on
            self.box.names = completion.names_for(self.facilitate.store, self.meeting)
        if result.owner_choices and isinstance(result.entry, ActionItem):
            self.choose_owner(result.entry, result.owner_choices)

    @work
    async def choose_owner(self, action: ActionItem, choices: tuple[Candidate, ...]) -> None:
        """An ``@owner`` that could mean several people: ask which; escape keeps it as typed."""
        dialog = owner_chooser(self.facilitate.store, action, choices)
        chosen = await self.app.push_screen_wait(dialog)
        if chosen is None:
            return
        try:
            corrections.choose_owner(self.facilitate.store, action, choices[int(chosen)])
        except (*LIVE_ERRORS, StoreError) as problem:
            self._feedback(f"[b]Owner not changed:[/] {escape(str(problem))}", problem=True)
            return
        self.poll_entries()
        self._feedback(f"Saved action; owner: {escape(choices[int(chosen)].name)}.")

    def _held(self, draft_id: str, problems: tuple[str, ...]) -> None:
        """A line that could not be read: it stays in the line, stored as a draft."""
        self.box.draft_id = draft_id
        self.refresh_bindings()
        self._feedback(
            f"[b]Not saved yet:[/] {escape(' · '.join(problems))}. Fix the line and press Enter"
            " (kept meanwhile), or ctrl+x to discard it.",
            problem=True,
        )

    def _saved(self, entry: Entry, notes: list[str], problem: bool) -> None:
        self.cursor = self.cursor.including(entry)
        self.entries.show(entry, follow=True)
        self._show_detail()
        self.refresh_bindings()
        saved = kind_label(entry)
        self._feedback(
            f"Saved {saved}." + (" " + escape(" · ".join(notes)) if notes else ""), problem=problem
        )

    def _resume_draft(self) -> None:
        """After a crash or a restart, the newest line not yet saved is back in the line."""
        waiting = drafts.open_drafts(self.facilitate.store, self.meeting_id)
        if not waiting or self.box.line.value:
            return
        newest = waiting[-1]
        self.box.line.value = newest.line
        self._held(newest.id, tuple(newest.problems))

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
        draft_id = self.box.draft_id
        if draft_id is None:
            return
        question = f"Discard “{self.box.line.value.strip()}”? It was never saved as an entry."
        if not await self.app.push_screen_wait(
            ConfirmDialog(question, yes="Discard it", no="Keep it")
        ):
            return
        drafts.discard(self.facilitate.store, draft_id)
        self.box.draft_id = None
        self.box.line.value = ""
        self.refresh_bindings()
        self._feedback("The line was discarded.")

    def action_select(self, step: int) -> None:
        """Up/down in the capture line move through the entries, to correct or remove one."""
        table = self.entries
        if self.focused is not self.box.line or not table.row_count:
            raise SkipAction()
        table.move_cursor(row=max(0, min(table.cursor_row + step, table.row_count - 1)))

    # -- decisions ------------------------------------------------------------------------------

    @work
    @said
    async def action_decision(self) -> None:
        """The decision dialog, filled from what is in the capture line."""
        store, line = self.facilitate.store, self.box.line.value
        meeting = self.meeting
        parsed = quick_entry.parse_line(line, capture.meeting_day(meeting))
        if line.strip() and parsed.kind is not quick_entry.EntryKind.DECISION:
            parsed = quick_entry.parse_line(f"/d {line}", capture.meeting_day(meeting))
        # The voting members present are listed, ready for a roll call.
        form = decision_form.with_voters(store, meeting, decision_form.from_line(parsed))
        problems = parsed.problems
        while True:
            answer = await self.app.push_screen_wait(DecisionDialog(form, problems=problems))
            if answer is None:
                return
            form = answer
            try:
                resolved = decision_form.resolve(store, meeting, form)
                saved = capture.add_decision(
                    store,
                    self.meeting_id,
                    form.text,
                    visibility=form.visibility,
                    **decision_form.fields(form, resolved),
                )
            except LIVE_ERRORS as error:
                problems = (str(error),)
                continue
            break
        if self.box.draft_id is not None:
            drafts.discard(store, self.box.draft_id)
            self.box.draft_id = None
        self.box.line.value = ""
        self._saved(saved, list(resolved.problems), bool(resolved.problems))

    @work
    @said
    async def action_answers_input(self) -> None:
        """Find the input the line answers and put its `re:N` in the line, where the cursor is;
        another series' input as `re:listening#6` (numbers are per series)."""
        from facilitate.services.input_reference import token as answer_token
        from facilitate.services.record.loop_links import search_inputs
        from facilitate.tui.dialogs.input_search import InputSearchDialog

        store, series_id = self.facilitate.store, self.meeting.series_id
        hit = await self.app.push_screen_wait(
            InputSearchDialog(lambda words: search_inputs(store, words), home_series_id=series_id)
        )
        line = self.box.line
        line.focus()
        if hit is None:
            return
        elsewhere = hit.series_code if hit.series_id != series_id else ""
        at = line.cursor_position
        before, after = line.value[:at], line.value[at:]
        token = ("" if not before or before.endswith(" ") else " ") + answer_token(
            hit.number, elsewhere
        )
        token += "" if after.startswith(" ") else " "
        line.value = before + token + after
        line.cursor_position = len(before + token)

    # -- agenda and time ------------------------------------------------------------------------

    def action_next_item(self) -> None:
        try:
            view = live.next_item(self.facilitate.store, self.meeting_id, self.shown_current_id)
        except LIVE_ERRORS as error:
            self.notify(str(error), severity="error")
            return
        self.refresh_view()
        if view.current is None:
            self.notify("That was the last item. ctrl+l for the closing round.")

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on an item of the agenda column takes it now."""
        if event.data_table.id == "live-agenda" and event.row_key.value:
            self.take(event.row_key.value)

    @work
    @said
    async def action_take_item(self) -> None:
        """Choose an item to take now, out of the agenda's order."""
        view = live.live_view(self.facilitate.store, self.meeting_id)
        choices = [
            directory.Choice(i.id, _take_choice(view, n, i))
            for n, i in enumerate(view.items, start=1)
            if view.current is None or i.id != view.current.id
        ]
        if not choices:
            self.notify("No other item on the agenda.")
            return
        now_on = f"Now: “{view.current.title}”; it is paused, " if view.current else ""
        item_id = await self.app.push_screen_wait(
            ChoiceDialog(
                "Take which item now?",
                choices,
                help_text=f"{now_on}kept as it is, to take up again. (Also: tab to the "
                "agenda, an item, Enter.)",
            )
        )
        if item_id is not None:
            self.take(item_id)

    def take(self, item_id: str) -> None:
        """Make `item_id` the current item; say which item was paused and how to go back."""
        try:
            taken = live.take_item(self.facilitate.store, item_id)
        except LIVE_ERRORS as error:
            self.notify(str(error), severity="error")
            return
        self.refresh_view()
        self.box.line.focus()
        current, paused = taken.view.current, taken.paused
        said_now = f"Now: “{escape(current.title)}”." if current else ""
        if paused is not None:
            timer = live.item_timer(paused, taken.view.now)
            said_now += (
                f" “{escape(paused.title)}” paused at {clock(timer.elapsed)}, with what was"
                " captured; take it again to resume."
            )
        self._feedback(said_now)

    @work
    @said
    async def action_time_choice(self) -> None:
        view = live.live_view(self.facilitate.store, self.meeting_id)
        if view.current is None:
            self.notify("No item is running.")
            return
        options = [
            directory.Choice("extend:5", "Extend by 5 minutes"),
            directory.Choice("extend:10", "Extend by 10 minutes"),
            directory.Choice("extend:15", "Extend by 15 minutes"),
            directory.Choice("close", "Close this item (done)"),
            directory.Choice("park", "Park it (to the parking lot)"),
            directory.Choice("continue", "Continue next time"),
        ]
        choice = await self.app.push_screen_wait(
            ChoiceDialog(
                f"“{view.current.title}”",
                options,
                help_text=f"{clock(view.item_timer.elapsed) if view.item_timer else ''} "
                "so far. What now?",
            )
        )
        if choice is None:
            return
        store, item_id = self.facilitate.store, view.current.id
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
            self.notify(str(error), severity="error")
        self.refresh_view()
        self.poll_entries()

    @work
    @said
    async def action_invoke_rule(self) -> None:
        """A ground rule invoked is an entry of the meeting (internal unless corrected)."""
        store = self.facilitate.store
        view = live.live_view(store, self.meeting_id)
        version_id = view.meeting.ground_rule_version_id
        if version_id is None:
            self.notify("No ground rules agreed yet: ctrl+o to agree them.", severity="warning")
            return
        rules = ground_rules.rules_of(store, version_id)
        choices = [directory.Choice(r.id, f"{r.short or r.text[:30]} — {r.text}") for r in rules]
        rule_id = await self.app.push_screen_wait(
            ChoiceDialog("Invoke which ground rule?", choices)
        )
        if rule_id is None:
            return
        try:
            entry = capture.invoke_rule(store, self.meeting_id, rule_id)
        except (*LIVE_ERRORS, StoreError) as error:
            self.notify(str(error), severity="error", timeout=8)
            return
        self._saved(entry, ["internal: ctrl+r to change who may see it"], False)

    # -- corrections ----------------------------------------------------------------------------

    def _selected_entry(self) -> Entry | None:
        entry_id = self.entries.selected_id
        if entry_id is None:
            return None
        return corrections.find_entry(self.facilitate.store, self.meeting_id, entry_id)

    @work
    @said
    async def action_correct(self) -> None:
        entry = self._selected_entry()
        if entry is None:
            self.notify("Nothing to correct yet.")
            return
        store, meeting = self.facilitate.store, self.meeting
        items = [directory.Choice(i.id, i.title) for i in agenda.items(store, meeting.id)]
        organizations = directory.organization_choices(store)
        form = correct_form.from_entry(store, entry)
        error = ""
        while True:
            dialog = CorrectDialog(
                form,
                items=items,
                organizations=organizations,
                day=capture.meeting_day(meeting),
                error=error,
            )
            answer = await self.app.push_screen_wait(dialog)
            if answer is None:
                return
            form = answer
            try:
                applied = correct_form.apply(store, entry, form)
            except (*LIVE_ERRORS, StoreError) as problem:
                error = str(problem)
                continue
            break
        self.poll_entries()
        notes = [*applied.problems, *applied.warnings]
        self.notify(
            "Corrected; the earlier values are in its history (F2)."
            + (" " + " · ".join(notes) if notes else ""),
            severity="warning" if notes else "information",
        )

    @work
    @said
    async def action_remove(self) -> None:
        """Remove the selected entry, after asking; it is kept whole and can be restored."""
        entry = self._selected_entry()
        if entry is None:
            self.notify("Nothing to remove: select an entry (up/down) first.")
            return
        label = kind_label(entry).lower()
        question = (
            f"Remove this {label}: “{entry.text}”?\n\nIt is kept whole in its history; ctrl+y "
            "restores it."
        )
        if not await self.app.push_screen_wait(ConfirmDialog(question, yes="Remove", no="Keep it")):
            return
        try:
            corrections.remove_entry(self.facilitate.store, entry)
        except (*LIVE_ERRORS, StoreError) as error:
            self.notify(str(error), severity="error", timeout=8)
            return
        self.poll_entries()
        self.notify(f"Removed the {label} (ctrl+y restores it).")

    @work
    @said
    async def action_restore(self) -> None:
        store = self.facilitate.store
        removed = corrections.removed_entries(store, self.meeting_id)
        if not removed:
            self.notify("Nothing removed from this meeting.")
            return
        by_id = {r.entry.id: r.entry for r in removed}
        choices = [
            directory.Choice(
                r.entry.id, f"{kind_label(r.entry)} · {r.entry.text} (removed {r.removed_at:%H:%M})"
            )
            for r in removed
        ]
        chosen = await self.app.push_screen_wait(ChoiceDialog("Restore which entry?", choices))
        if chosen is None:
            return
        try:
            entry = corrections.restore_entry(store, by_id[chosen])
        except (*LIVE_ERRORS, StoreError) as error:
            self.notify(str(error), severity="error", timeout=8)
            return
        self.poll_entries()
        self.notify(f"Restored: {entry.text}")

    @work
    @said
    async def action_history(self) -> None:
        entry = self._selected_entry()
        if entry is None:
            self.notify("Nothing selected.")
            return
        store = self.facilitate.store
        revisions = corrections.history(store, entry)
        revision = await self.app.push_screen_wait(
            HistoryDialog(f"History of “{entry.text}”", revisions)
        )
        if revision is None:
            return
        try:
            corrections.put_back(store, entry, revision)
        except (*LIVE_ERRORS, StoreError) as error:
            self.notify(str(error), severity="error", timeout=8)
            return
        self.poll_entries()
        self.notify(f"{revision.field} put back (kept in the history).")

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
        store = self.facilitate.store
        meeting = store.get(Meeting, self.meeting_id)
        refusal = live.why_not_planned(store, meeting)
        if refusal is not None:
            self.notify(f"{refusal}.", severity="error", timeout=10)
            return
        question = (
            f"Put “{meeting.title}” back to planned, as if it had not started? Nothing has "
            "been captured in it."
        )
        if not await self.app.push_screen_wait(
            ConfirmDialog(question, yes="Back to planned", no="Keep it live")
        ):
            return
        try:
            live.return_to_planned(store, self.meeting_id)
        except (*LIVE_ERRORS, StoreError) as error:
            self.notify(f"{error}.", severity="error", timeout=10)
            return
        self.notify(f"“{meeting.title}” is planned again; nothing was kept from this start.")
        self.dismiss(None)

    def action_room_view(self) -> None:
        """The room's view of this meeting, full screen, for a projector on this terminal;
        escape comes back."""
        from facilitate.tui.room.screen import RoomScreen

        self.app.push_screen(RoomScreen(self.facilitate.store, self.meeting_id))

    def action_leave(self) -> None:
        self.notify("The meeting stays live; open it again from the home screen.")
        self.dismiss(None)
