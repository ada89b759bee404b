"""The end of a meeting: check today's actions and decisions, a plus/delta round, the next date,
then close.

Each reflection and the next date are saved the moment Enter is pressed; closing is the only
step that asks first, and it says which actions still lack an owner or a date, which decisions
have no method recorded or were taken without quorum, and which typed lines were never saved.
A summary counts what was captured, ground rules invoked among it. ctrl+d fixes a decision's
method (and anything else of it) here; ctrl+o fixes the owner of the highlighted action (one of
the people its name could mean, or any owner in the correction dialog); ctrl+x deals with a line
never saved.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, Label, Static

from facilitate.models import ActionItem, Decision, Meeting
from facilitate.models.enums import DecisionMethod, ItemState, MeetingStatus, ReflectionKind
from facilitate.services.dates import DateParseError, parse_date
from facilitate.services.people import directory
from facilitate.services.plan import agenda
from facilitate.services.run import capture, closing, correct_form, corrections, drafts
from facilitate.services.run.capture import CaptureError
from facilitate.services.run.closing import ActionCheck, ClosingSummary
from facilitate.services.run.live import LiveError
from facilitate.services.run.untaken_answers import untaken_summary
from facilitate.store import StoreError
from facilitate.tui.dialogs.choose import ChoiceDialog
from facilitate.tui.dialogs.confirm import ConfirmDialog
from facilitate.tui.dialogs.correct_entry import CorrectDialog
from facilitate.tui.dialogs.form import field
from facilitate.tui.dialogs.owner_choice import CORRECT, owner_chooser
from facilitate.tui.dialogs.untaken import UntakenDialog
from facilitate.tui.feedback import reported
from facilitate.tui.symbols import mark as symbol
from facilitate.tui.widgets.key_bar import KeyBar
from facilitate.tui.widgets.screen_help import ScreenHelp, screen_keys
from facilitate.tui.widgets.table import Table, literal
from facilitate.tui.widgets.text_field import TextField

if TYPE_CHECKING:
    from facilitate.tui.app import FacilitateApp

PLUS_MARKS = ("+",)
DELTA_MARKS = ("-", "Δ", "δ")
# Owner, due and check are fixed; the action's text takes what is left of the width.
CHECK_WIDTH = 24
FIXED_WIDTH = 14 + 6 + CHECK_WIDTH + 4 * 2 + 2
REFLECTION_HINT = "start with + for what worked, or - (or Δ) for what to change"


def read_reflection(line: str) -> tuple[ReflectionKind, str]:
    """A typed plus/delta line as its kind and text; ValueError when it has no mark."""
    line = line.strip()
    if line.startswith(PLUS_MARKS):
        return ReflectionKind.PLUS, line[1:].strip()
    if line.startswith(DELTA_MARKS):
        return ReflectionKind.DELTA, line[1:].strip()
    raise ValueError(f"Plus or delta? {REFLECTION_HINT}")


def kind_cell(kind: ReflectionKind) -> Text:
    if kind is ReflectionKind.PLUS:
        return Text("+", style="bold green")
    return Text("Δ", style="bold yellow")


def flagged_summary(flagged: list[ActionCheck], *, limit: int = 4) -> str:
    lines = [f"• {check.action.text} — {', '.join(check.problems)}" for check in flagged[:limit]]
    if len(flagged) > limit:
        lines.append(f"• and {len(flagged) - limit} more")
    return "\n".join(lines)


class ClosingScreen(Screen[bool]):
    """Dismisses with True once the meeting is closed, False when left with escape."""

    DEFAULT_CSS = """
    ClosingScreen #review-heading { padding: 0 1; height: auto; color: $success; }
    ClosingScreen #review-heading.-flagged { color: $error; text-style: bold; }
    ClosingScreen #review-box { height: 1fr; min-height: 4; }
    ClosingScreen #review { overflow-x: hidden; }
    ClosingScreen #review-detail { padding: 0 1; height: auto; max-height: 2; color: $error; }
    ClosingScreen #summary { padding: 0 1; height: auto; max-height: 4; color: $text-muted; }
    ClosingScreen #summary.-flagged { color: $warning; }
    ClosingScreen #round-title { border-top: solid $primary-darken-2; height: auto; }
    ClosingScreen .field { padding: 0 1; }
    ClosingScreen #reflection-error, ClosingScreen #next-date-status { padding: 0 1; }
    ClosingScreen #reflections-box { height: 1fr; min-height: 3; }
    ClosingScreen #reflections { overflow-x: hidden; }
    ClosingScreen #next-date-status { color: $success; height: auto; }
    ClosingScreen #next-date-status.-error { color: $error; text-style: bold; }
    """

    BINDINGS = [
        Binding("ctrl+k", "close_meeting", "Close meeting", id="closing.close", priority=True),
        Binding("ctrl+d", "decisions", "Decisions", id="closing.decisions", priority=True),
        Binding("ctrl+o", "fix_owner", "Fix owner", id="closing.owner", priority=True),
        Binding("ctrl+x", "unsaved", "Unsaved lines", id="closing.unsaved", priority=True),
        Binding("f4", "theme_board", "Themes", id="closing.themes", priority=True),
        Binding("f1", "help", "Keys", id="closing.help", priority=True),
        Binding("question_mark", "help", "Keys", show=False, id="closing.help_key"),
        Binding("escape", "back", "Back", id="closing.back"),
    ]

    def __init__(self, meeting_id: str) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.checks: dict[str, ActionCheck] = {}
        self._action_width = 0
        # What became of each item never stepped through, as answered at the last ctrl+k.
        self.untaken_answers: dict[str, ItemState] = {}

    @property
    def facilitate(self) -> FacilitateApp:
        return cast("FacilitateApp", self.app)

    @property
    def meeting(self) -> Meeting:
        return self.facilitate.store.get(Meeting, self.meeting_id)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="review-heading")
        with Vertical(id="review-box"):
            yield Table(id="review", cursor_type="row", zebra_stripes=True)
        yield Static(id="review-detail")
        yield Static(id="summary")
        yield Static(
            "Plus / delta: what worked, what to change", id="round-title", classes="panel-title"
        )
        yield field(
            "Plus/delta",
            TextField(id="reflection", placeholder="+ what worked   - what to change   (Enter)"),
        )
        yield Static("", id="reflection-error", classes="form-error")
        with Vertical(id="reflections-box"):
            yield Table(id="reflections", cursor_type="row", show_header=False)
        with Horizontal(classes="field"):
            yield Label("Next meeting", classes="field-label")
            yield TextField(
                id="next-date", placeholder="e.g. dec 20, 12/20, in 4 weeks", compact=True
            )
        yield Static("", id="next-date-status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#reflections", DataTable).add_columns("", "Text")
        meeting = self.meeting
        self.title = f"Closing — {meeting.title}"
        if meeting.next_meeting_date is not None:
            self.query_one("#next-date", Input).value = meeting.next_meeting_date.isoformat()
            self._date_saved(meeting.next_meeting_date)
        self.show_review()
        self.show_summary()
        self.show_reflections()
        self.query_one("#reflection", Input).focus()

    def show_summary(self) -> ClosingSummary:
        """What was captured, and the decisions and lines that still need a word."""
        found = closing.summary(self.facilitate.store, self.meeting_id)
        widget = self.query_one("#summary", Static)
        lines = [f"Captured: {found.counts}"]
        lines += [symbol(f"⚠ {flag}") for flag in found.flags]
        widget.update(Text("\n".join(lines)))
        widget.set_class(bool(found.flags), "-flagged")
        self.refresh_bindings()
        return found

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """ctrl+x only while a typed line waits; otherwise the key is the field's own (cut)."""
        if action == "unsaved":
            return bool(drafts.open_drafts(self.facilitate.store, self.meeting_id))
        return True

    # -- showing ------------------------------------------------------------------------------

    def show_review(self) -> list[ActionCheck]:
        checks = closing.closing_review(self.facilitate.store, self.meeting_id)
        table = self.query_one("#review", DataTable)
        keep = self._selected_action_id()
        table.clear(columns=True)
        self._action_width = self._wanted_action_width()
        table.add_column("Action", width=self._action_width)
        table.add_column("Owner", width=14)
        table.add_column("Due", width=6)
        table.add_column("Check", width=CHECK_WIDTH)
        for check in checks:
            style = "" if check.ok else "red"
            due = check.action.due
            # Cut to the column's width with "…", so a cut name or text shows it was cut.
            table.add_row(
                literal(check.action.text, style),
                literal(check.owner or "—", style),
                literal(f"{due:%b %d}" if due else "—", style),
                literal("ok", "green")
                if check.ok
                else literal(symbol("⚠ ") + "; ".join(check.problems), "bold red"),
                key=check.action.id,
            )
        flagged = [c for c in checks if not c.ok]
        self.checks = {c.action.id: c for c in checks}
        if keep in self.checks:
            table.move_cursor(row=table.get_row_index(keep))
        elif flagged:
            table.move_cursor(row=table.get_row_index(flagged[0].action.id))
        self._show_detail()
        heading = self.query_one("#review-heading", Static)
        heading.set_class(bool(flagged), "-flagged")
        if not checks:
            heading.update("Today's actions: none captured")
        elif flagged:
            heading.update(
                f"Today's actions: {len(checks)} · ⚠ {len(flagged)} need an owner or a due date"
            )
        else:
            heading.update(f"Today's actions: {len(checks)} · ✓ each has an owner and a date")
        return checks

    def _selected_action_id(self) -> str | None:
        table = self.query_one("#review", DataTable)
        if table.row_count == 0:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return row_key.value

    def _show_detail(self) -> None:
        """The highlighted action's reasons in full: the table crops them on a narrow screen."""
        check = self.checks.get(self._selected_action_id() or "")
        detail = self.query_one("#review-detail", Static)
        if check is None or check.ok:
            detail.update("")
            return
        detail.update(f"⚠ {escape(check.action.text)}: {escape('; '.join(check.problems))}")

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "review":
            self._show_detail()

    def _wanted_action_width(self) -> int:
        return max(20, self.size.width - FIXED_WIDTH)

    def on_resize(self, event: events.Resize) -> None:
        if self._action_width and self._wanted_action_width() != self._action_width:
            self.show_review()

    def show_reflections(self) -> None:
        table = self.query_one("#reflections", DataTable)
        table.clear()
        for reflection in closing.reflections(self.facilitate.store, self.meeting_id):
            table.add_row(kind_cell(reflection.kind), reflection.text, key=reflection.id)
        if table.row_count:
            table.move_cursor(row=table.row_count - 1)

    def _date_saved(self, day: date | None) -> None:
        status = self.query_one("#next-date-status", Static)
        status.remove_class("-error")
        status.update(
            symbol("✓ ") + f"Next meeting: {day:%a %b %d, %Y}"
            if day
            else "No date set for the next meeting"
        )

    def _date_error(self, message: str) -> None:
        status = self.query_one("#next-date-status", Static)
        status.add_class("-error")
        status.update(escape(message))

    # -- typing -------------------------------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "reflection":
            self._save_reflection(event.input)
        elif event.input.id == "next-date":
            self._save_date(event.input.value)

    def _save_reflection(self, box: Input) -> None:
        error = self.query_one("#reflection-error", Static)
        try:
            kind, text = read_reflection(box.value)
        except ValueError as problem:
            error.update(escape(str(problem)))
            return
        with reported(self.app):
            try:
                closing.add_reflection(self.facilitate.store, self.meeting_id, kind, text)
            except (LiveError, CaptureError) as problem:
                error.update(escape(str(problem)))
                return
            error.update("")
            box.value = ""
            self.show_reflections()

    def _read_date(self, text: str) -> date | None:
        """The typed date, None for an empty field; DateParseError when it cannot be read."""
        return parse_date(text, self.facilitate.today) if text.strip() else None

    def _save_date(self, text: str) -> bool:
        try:
            day = self._read_date(text)
        except DateParseError as problem:
            self._date_error(str(problem))
            return False
        with reported(self.app):
            try:
                closing.set_next_meeting_date(self.facilitate.store, self.meeting_id, day)
            except CaptureError as problem:
                self._date_error(str(problem))
                return False
            self._date_saved(day)
            return True
        return False

    # -- closing ------------------------------------------------------------------------------

    @work
    async def action_close_meeting(self) -> None:
        meeting = self.meeting
        if meeting.status in (MeetingStatus.CLOSED, MeetingStatus.APPROVED):
            self.notify(f"“{meeting.title}” is already closed.")
            self.dismiss(True)
            return
        typed = self.query_one("#next-date", Input).value
        if typed.strip() and not self._save_date(typed):
            self.notify(
                "The next meeting's date cannot be read: fix it or clear it, then close.",
                severity="error",
                timeout=8,
            )
            self.query_one("#next-date", Input).focus()
            return
        settled = await self._ask_untaken()
        if settled is None:
            return
        checks = self.show_review()
        found = self.show_summary()
        flagged = [c for c in checks if not c.ok]
        question = f"Close “{meeting.title}”?"
        if settled:
            question += f"\n\nNever stepped through: {untaken_summary(settled)}."
        if flagged:
            question += (
                f"\n\n⚠ {len(flagged)} of today's actions still lack an owner or a due date:\n"
                f"{flagged_summary(flagged)}"
            )
        for flag in found.flags:
            question += f"\n\n⚠ {flag}"
        if flagged or found.flags:
            # Nothing edits a closed meeting's entries: say where they can still be put right.
            question += (
                "\n\nClose anyway? Once closed, its entries cannot be corrected: fix them here "
                "first (ctrl+o an action's owner or due date, ctrl+d a decision, ctrl+x a line "
                "never saved), or record the correction when a later meeting approves these "
                "minutes."
            )
        else:
            question += "\n\nThe minutes become a draft until a later meeting approves them."
        if not await self.app.push_screen_wait(
            ConfirmDialog(question, yes="Close meeting", no="Not yet")
        ):
            return
        with reported(self.app):
            try:
                closing.close_with_answers(self.facilitate.store, self.meeting_id, settled)
            except LiveError as problem:
                self.notify(str(problem), severity="error", timeout=8)
                return
            self.dismiss(True)

    async def _ask_untaken(self) -> dict[str, ItemState] | None:
        """What became of the items never stepped through (taken? not reached? moved to the next
        meeting?), asked in one list, never assumed; None when it is left with escape.

        The answers are written only when the closing is confirmed, and remembered here until
        then: after "Not yet" the list comes back answered, and Enter alone keeps them.
        """
        items = closing.untaken(self.facilitate.store, self.meeting_id)
        if not items:
            return {}
        dialog = UntakenDialog(items, self.untaken_answers)
        answers = await self.app.push_screen_wait(dialog)
        if answers is None:
            # Escape is "not yet": what was answered so far waits for the next ctrl+k.
            self.untaken_answers.update(dialog.given)
            self.notify("Not closed: each item not stepped through needs an answer.", timeout=4)
            return None
        self.untaken_answers.update(answers)
        return answers

    # -- decisions and lines not saved ----------------------------------------------------------

    @work
    async def action_decisions(self) -> None:
        """Correct one of today's decisions (those without a method first): its method, counts,
        stand-asides, blocks... as in the live screen's correction dialog."""
        store = self.facilitate.store
        decided = store.find(Decision, meeting_id=self.meeting_id, order_by="created_at")
        if not decided:
            self.notify("No decisions were captured in this meeting.")
            return
        decided.sort(key=lambda d: d.method is not DecisionMethod.NOT_RECORDED)
        choices = [
            directory.Choice(
                d.id,
                ("⚠ no method · " if d.method is DecisionMethod.NOT_RECORDED else "") + d.text,
            )
            for d in decided
        ]
        chosen = await self.app.push_screen_wait(ChoiceDialog("Correct which decision?", choices))
        if chosen is None:
            return
        if await self._correct(store.get(Decision, chosen)):
            self.show_summary()
            self.notify("Decision corrected; the earlier values are in its history.")

    async def _correct(self, entry: capture.Entry) -> bool:
        """The correction dialog on `entry` until it is saved (True) or left (False)."""
        store, meeting = self.facilitate.store, self.meeting
        items = [directory.Choice(i.id, i.title) for i in agenda.items(store, meeting.id)]
        form = correct_form.from_entry(store, entry)
        error = ""
        while True:
            answer = await self.app.push_screen_wait(
                CorrectDialog(
                    form,
                    items=items,
                    organizations=directory.organization_choices(store),
                    day=capture.meeting_day(meeting),
                    error=error,
                )
            )
            if answer is None:
                return False
            form = answer
            try:
                correct_form.apply(store, entry, form)
            except (CaptureError, StoreError) as problem:
                error = str(problem)
                continue
            return True

    @work
    async def action_fix_owner(self) -> None:
        """The highlighted action's owner: one of the people its typed name could mean, or, when
        it means nobody (or someone else), the correction dialog on the action."""
        check = self.checks.get(self._selected_action_id() or "")
        if check is None:
            self.notify("No action to fix: none were captured in this meeting.")
            return
        store = self.facilitate.store
        action = store.get(ActionItem, check.action.id)
        choices = (
            capture.owner_choices(store, self.meeting, action.owner_text)
            if action.owner_text
            else ()
        )
        chosen = CORRECT
        if choices:
            picked = await self.app.push_screen_wait(
                owner_chooser(store, action, choices, offer_correction=True)
            )
            if picked is None:
                return
            chosen = picked
        with reported(self.app):
            if chosen != CORRECT:
                try:
                    corrections.choose_owner(store, action, choices[int(chosen)])
                except (CaptureError, LiveError) as problem:
                    self.notify(str(problem), severity="error", timeout=8)
                    return
            elif not await self._correct(action):
                return
            self.show_review()
            self.show_summary()
            self.notify("Owner fixed; the earlier value is in the action's history.")

    @work
    async def action_unsaved(self) -> None:
        """A line typed but never read: discard it, or keep its words as a note after all."""
        store = self.facilitate.store
        waiting = {d.id: d for d in drafts.open_drafts(store, self.meeting_id)}
        if not waiting:
            return
        chosen = await self.app.push_screen_wait(
            ChoiceDialog(
                "Which line?",
                [directory.Choice(d.id, d.line.strip()) for d in waiting.values()],
                help_text="Typed in the live meeting but never saved: it could not be read.",
            )
        )
        if chosen is None:
            return
        draft = waiting[chosen]
        what = await self.app.push_screen_wait(
            ChoiceDialog(
                f"“{draft.line.strip()}”",
                [
                    directory.Choice("note", "Keep its words as a note"),
                    directory.Choice("discard", "Discard it"),
                ],
                help_text="Or leave it (escape) and fix it in the live meeting's capture line.",
            )
        )
        with reported(self.app):
            if what == "note":
                capture.add_note(store, self.meeting_id, draft.line, item_id=draft.agenda_item_id)
                drafts.discard(store, draft.id)
            elif what == "discard":
                drafts.discard(store, draft.id)
        self.show_summary()

    def action_theme_board(self) -> None:
        """The series' themes, to rename, merge and split them and move input between them."""
        from facilitate.tui.screens.theme_board import ThemeBoardScreen

        self.app.push_screen(ThemeBoardScreen(self.meeting.series_id))

    def action_help(self) -> None:
        self.app.push_screen(ScreenHelp("Keys — closing", screen_keys(self)))

    def action_back(self) -> None:
        self.dismiss(False)
