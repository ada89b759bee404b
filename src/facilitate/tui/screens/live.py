"""The running meeting: the current item and its clock, and one line to capture into.

Every entry is committed to SQLite when Enter is pressed, and shown only once it is saved. The
clocks are recomputed from stored times every second, and entries saved by a co-facilitator's
window on the same file appear within about a second.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, cast

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, Static

from facilitate.models import ActionItem, Meeting, Person
from facilitate.models.enums import ItemState, MeetingStatus
from facilitate.services.lead import ground_rules
from facilitate.services.people import directory
from facilitate.services.run import capture, corrections, live
from facilitate.services.run.capture import CaptureError, CaptureResult, Entry
from facilitate.services.run.entry_feed import EntryCursor, entries_since
from facilitate.store import StoreError
from facilitate.tui.dialogs.choose import ChoiceDialog
from facilitate.tui.dialogs.confirm import ConfirmDialog
from facilitate.tui.dialogs.correct_entry import CorrectDialog
from facilitate.tui.feedback import reported
from facilitate.tui.widgets.key_bar import KeyBar
from facilitate.tui.widgets.table import Table

if TYPE_CHECKING:
    from facilitate.tui.app import FacilitateApp

STATE_MARK = {
    ItemState.PENDING: " ",
    ItemState.ACTIVE: "▶",
    ItemState.DONE: "✓",
    ItemState.PARKED: "P",
    ItemState.CONTINUE_NEXT_TIME: "↻",
}
KIND_LABEL = {"note": "note", "decision": "DECISION", "action": "ACTION", "parking": "parked"}
PLACEHOLDER = "Type a note · /d decision · /a action @owner due:fri · /p parking lot · #internal"
LIVE_ERRORS = (live.LiveError, CaptureError)


def clock(delta: timedelta) -> str:
    seconds = int(delta.total_seconds())
    return f"{seconds // 60}:{seconds % 60:02d}"


def entry_key(entry: Entry) -> str:
    return f"{entry.table}:{entry.id}"


class LiveMeetingScreen(Screen[None]):
    """A facilitator and note-taker live here for two hours."""

    BINDINGS = [
        Binding("ctrl+n", "next_item", "Next item", id="live.next", priority=True),
        Binding("ctrl+t", "time_choice", "Extend/close/park", id="live.time", priority=True),
        Binding("ctrl+g", "invoke_rule", "Ground rule", id="live.rule", priority=True),
        Binding("ctrl+r", "correct", "Correct", id="live.correct", priority=True),
        Binding("ctrl+z", "undo", "Undo", id="live.undo", priority=True),
        Binding("ctrl+o", "opening", "Opening", id="live.opening", priority=True),
        Binding("ctrl+f", "follow_through", "Follow-through", id="live.follow", priority=True),
        Binding("ctrl+l", "closing", "Close meeting", id="live.closing", priority=True),
        Binding("ctrl+b", "not_started", "Not started", id="live.not_started", priority=True),
        Binding("escape", "leave", "Home (stays live)", id="live.leave"),
    ]

    def __init__(self, meeting_id: str) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.cursor = EntryCursor()
        self.warned_item: str | None = None
        # The meeting's status when last drawn: another window may close it or unstart it.
        self.shown_status = MeetingStatus.LIVE

    @property
    def facilitate(self) -> FacilitateApp:
        return cast("FacilitateApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="live-status")
        yield Static(id="live-outcome")
        with Horizontal(id="live-body"):
            yield Table(id="live-agenda", cursor_type="row", show_header=False)
            with Vertical(id="live-right"):
                yield Table(id="entries", cursor_type="row", zebra_stripes=True)
        yield Static(id="capture-feedback")
        yield Input(placeholder=PLACEHOLDER, id="capture")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#live-agenda", DataTable).add_columns("", "Item", "Min")
        self.query_one("#entries", DataTable).add_columns("At", "Kind", "Vis", "Entry")
        try:
            view = live.open_meeting(self.facilitate.store, self.meeting_id)
            if view.current is None and view.next_pending is not None:
                live.start_item(self.facilitate.store, view.next_pending.id)
        except (*LIVE_ERRORS, StoreError) as error:
            self.notify(f"Cannot run this meeting: {error}", severity="error", timeout=8)
            self.app.call_later(self.app.pop_screen)
            return
        self.refresh_view()
        self.poll_entries()
        self.set_interval(1.0, self.tick)
        self.query_one("#capture", Input).focus()

    # -- drawing ------------------------------------------------------------------------------

    def tick(self) -> None:
        self.refresh_view()
        if self.shown_status is MeetingStatus.PLANNED and self.is_active:
            # The other window put it back to planned: there is no meeting running here now.
            # (Only from the top of the stack: dismiss pops whatever screen is on top.)
            self.notify("This meeting was put back to planned in another window.")
            self.dismiss(None)
            return
        self.poll_entries()

    def refresh_view(self) -> None:
        """Redraw the agenda and clocks from the record."""
        view = live.live_view(self.facilitate.store, self.meeting_id)
        self.shown_status = view.meeting.status
        self.title = view.meeting.title
        agenda_table = self.query_one("#live-agenda", DataTable)
        marks = [
            (STATE_MARK[i.state], i.title, str(i.minutes + i.extended_minutes)) for i in view.items
        ]
        if agenda_table.row_count != len(marks) or any(
            tuple(str(c) for c in agenda_table.get_row_at(n)) != row for n, row in enumerate(marks)
        ):
            agenda_table.clear()
            for item, row in zip(view.items, marks, strict=True):
                agenda_table.add_row(*row, key=item.id)
        if view.current is not None:
            agenda_table.move_cursor(row=agenda_table.get_row_index(view.current.id))
        status = self.query_one("#live-status", Static)
        outcome = self.query_one("#live-outcome", Static)
        meeting_clock = view.meeting_timer
        meeting_part = (
            f"meeting {clock(meeting_clock.elapsed)}/"
            f"{int(meeting_clock.planned.total_seconds() // 60)}m"
        )
        if view.current is None or view.item_timer is None:
            status.update(f"No item running · {meeting_part} · ctrl+n starts the next item")
            outcome.update("")
            status.set_class(False, "-over")
            return
        item, timer = view.current, view.item_timer
        number = view.items.index(item) + 1
        lead = directory.lead_label(
            self.facilitate.store, item.lead_person_id, item.lead_organization_id, item.lead_text
        )
        if view.time_up:
            text = (
                f"TIME UP +{clock(timer.overrun)} · {number}. {escape(item.title)} · "
                f"ctrl+t: extend, close or park · {meeting_part}"
            )
            if self.warned_item != item.id:
                self.warned_item = item.id
                self.notify(
                    f"Time is up for “{item.title}”. ctrl+t to extend, close or park.",
                    severity="warning",
                    timeout=6,
                )
        else:
            text = (
                f"{number}. {escape(item.title)} · {clock(timer.elapsed)}/{clock(timer.planned)} · "
                f"{meeting_part}"
            )
        status.update(text)
        status.set_class(view.time_up, "-over")
        details = [f"{item.purpose.value.capitalize()}"]
        if item.desired_outcome:
            details.append(f"outcome: {item.desired_outcome}")
        if lead:
            details.append(f"lead: {lead}")
        outcome.update(" · ".join(details))

    def poll_entries(self) -> None:
        batch = entries_since(self.facilitate.store, self.meeting_id, self.cursor)
        self.cursor = batch.cursor
        if batch.is_empty:
            return
        table = self.query_one("#entries", DataTable)
        keys = {row.value for row in table.rows}
        for _kind, entry_id in batch.removed:
            for key in list(keys):
                if key and key.endswith(f":{entry_id}"):
                    table.remove_row(key)
        for entry in batch.changed:
            self._show_entry(entry, replace=entry_key(entry) in keys)

    def _show_entry(self, entry: Entry, *, replace: bool = False) -> None:
        table = self.query_one("#entries", DataTable)
        key = entry_key(entry)
        kind = KIND_LABEL[capture.kind_of(entry).value]
        text = entry.text
        if isinstance(entry, ActionItem):
            owner = entry.owner_text or "no owner"
            if entry.owner_person_id:
                owner = self.facilitate.store.get(Person, entry.owner_person_id).name
            due = f", due {entry.due:%b %d}" if entry.due else ", no date"
            text += f"  ({owner}{due})"
        row = (f"{entry.created_at.astimezone():%H:%M}", kind, entry.visibility.value, text)
        if replace and key in {r.value for r in table.rows}:
            for column, value in zip(table.columns, row, strict=True):
                table.update_cell(key, column, value)
            return
        table.add_row(*row, key=key)
        table.move_cursor(row=table.row_count - 1)

    # -- capture ------------------------------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "capture":
            return
        line = event.value
        feedback = self.query_one("#capture-feedback", Static)
        try:
            result: CaptureResult = capture.capture_line(
                self.facilitate.store, self.meeting_id, line, self.facilitate.today
            )
        except (*LIVE_ERRORS, StoreError) as error:
            # The line is not cleared: what was typed is never lost, and Enter tries again.
            feedback.update(
                f"[b red]Not saved:[/] {escape(str(error))}. Your text is still in the line."
            )
            feedback.set_class(True, "-problem")
            return
        if result.entry is None:
            return
        # Saved: only now is the line cleared and the entry shown.
        event.input.value = ""
        self.cursor = self.cursor.including(result.entry)
        self._show_entry(result.entry)
        notes = [*result.problems, *result.warnings]
        saved = KIND_LABEL[capture.kind_of(result.entry).value]
        feedback.update(f"Saved {saved}." + (" " + escape(" · ".join(notes)) if notes else ""))
        feedback.set_class(bool(result.problems), "-problem")

    # -- agenda and time ------------------------------------------------------------------------

    def action_next_item(self) -> None:
        try:
            view = live.next_item(self.facilitate.store, self.meeting_id)
        except LIVE_ERRORS as error:
            self.notify(str(error), severity="error")
            return
        self.refresh_view()
        if view.current is None:
            self.notify("That was the last item. ctrl+l for the closing round.")

    @work
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
    async def action_invoke_rule(self) -> None:
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
        rule = next(r for r in rules if r.id == rule_id)
        with reported(self.app):
            ground_rules.invoke(
                store,
                self.meeting_id,
                rule_id,
                view.now,
                agenda_item_id=view.current.id if view.current else None,
            )
            self.notify(f"Ground rule noted: {rule.short or rule.text}")

    # -- corrections ----------------------------------------------------------------------------

    def _selected_entry(self) -> Entry | None:
        table = self.query_one("#entries", DataTable)
        if not table.row_count:
            return None
        key = str(table.coordinate_to_cell_key(table.cursor_coordinate)[0].value)
        entry_id = key.split(":", 1)[1]
        return next(
            (
                e
                for e in capture.entries(self.facilitate.store, self.meeting_id)
                if e.id == entry_id
            ),
            None,
        )

    @work
    async def action_correct(self) -> None:
        entry = self._selected_entry()
        if entry is None:
            self.notify("Nothing to correct yet.")
            return
        kind = capture.kind_of(entry).value
        text = await self.app.push_screen_wait(CorrectDialog(kind, entry.text))
        if text is None or text == entry.text:
            return
        try:
            corrections.correct_entry(self.facilitate.store, entry, {"text": text})
        except LIVE_ERRORS as error:
            self.notify(str(error), severity="error")
        self.poll_entries()

    def action_undo(self) -> None:
        try:
            result = corrections.undo_last(self.facilitate.store, self.meeting_id)
        except LIVE_ERRORS as error:
            self.notify(str(error), severity="error")
            return
        self.notify(result.message)
        self.poll_entries()

    # -- other screens ----------------------------------------------------------------------------

    def action_opening(self) -> None:
        from facilitate.tui.screens.opening import OpeningScreen

        self.app.push_screen(OpeningScreen(self.meeting_id), lambda _: self.refresh_view())

    def action_follow_through(self) -> None:
        from facilitate.tui.screens.follow_through import FollowThroughScreen

        self.app.push_screen(FollowThroughScreen(self.meeting_id))

    def action_closing(self) -> None:
        from facilitate.tui.screens.closing import ClosingScreen

        def closed(done: bool | None) -> None:
            if done:
                self.dismiss(None)

        self.app.push_screen(ClosingScreen(self.meeting_id), closed)

    @work
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

    def action_leave(self) -> None:
        self.notify("The meeting stays live; open it again from the home screen.")
        self.dismiss(None)
