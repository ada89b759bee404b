"""The live screen's capture line: a line saved on Enter, a line held back as a draft until it
is fixed or discarded, and an ``@owner`` that could mean several people."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.markup import escape
from textual.widgets import Input

from facilitate.models import ActionItem
from facilitate.services.people.people_lookup import Candidate
from facilitate.services.record.capture_links import SeriesAnswers
from facilitate.services.run import capture, completion, corrections, drafts
from facilitate.services.run.capture import CaptureResult, Entry
from facilitate.store import StoreError
from facilitate.tui.dialogs.confirm import ConfirmDialog
from facilitate.tui.dialogs.owner_choice import owner_chooser
from facilitate.tui.screens.live_errors import LIVE_ERRORS
from facilitate.tui.widgets.entries_table import kind_label

if TYPE_CHECKING:
    from facilitate.tui.screens.live import LiveMeetingScreen


def submit(screen: LiveMeetingScreen, line_input: Input) -> None:
    """Save the line typed, or hold it back as a draft with what is wrong."""
    line = line_input.value
    try:
        store = screen.facilitate.store
        result: CaptureResult = capture.capture_line(
            store,
            screen.meeting_id,
            line,
            draft_id=screen.box.draft_id,
            answers=SeriesAnswers(store, screen.meeting.series_id),
        )
    except (*LIVE_ERRORS, StoreError) as error:
        # The line is not cleared: what was typed is never lost, and Enter tries again.
        screen.feedback(
            f"[b]Not saved:[/] {escape(str(error))}. Your text is still in the line.",
            problem=True,
        )
        return
    if result.draft is not None:
        show_held(screen, result.draft.id, result.problems)
        return
    if result.entry is None:
        return
    # Saved: only now is the line cleared and the entry shown.
    screen.box.draft_id = None
    line_input.value = ""
    show_saved(screen, result.entry, [*result.problems, *result.warnings], bool(result.problems))
    if result.parsed.themes:  # a new theme is offered after + from the next line on
        screen.box.names = completion.names_for(screen.facilitate.store, screen.meeting)
    if result.owner_choices and isinstance(result.entry, ActionItem):
        screen.choose_owner(result.entry, result.owner_choices)


async def choose_owner(
    screen: LiveMeetingScreen, action: ActionItem, choices: tuple[Candidate, ...]
) -> None:
    """An ``@owner`` that could mean several people: ask which; escape keeps it as typed."""
    dialog = owner_chooser(screen.facilitate.store, action, choices)
    chosen = await screen.app.push_screen_wait(dialog)
    if chosen is None:
        return
    try:
        corrections.choose_owner(screen.facilitate.store, action, choices[int(chosen)])
    except (*LIVE_ERRORS, StoreError) as problem:
        screen.feedback(f"[b]Owner not changed:[/] {escape(str(problem))}", problem=True)
        return
    screen.poll_entries()
    screen.feedback(f"Saved action; owner: {escape(choices[int(chosen)].name)}.")


def show_held(screen: LiveMeetingScreen, draft_id: str, problems: tuple[str, ...]) -> None:
    """A line that could not be read: it stays in the line, stored as a draft."""
    screen.box.draft_id = draft_id
    screen.refresh_bindings()
    screen.feedback(
        f"[b]Not saved yet:[/] {escape(' · '.join(problems))}. Fix the line and press Enter"
        " (kept meanwhile), or ctrl+x to discard it.",
        problem=True,
    )


def show_saved(screen: LiveMeetingScreen, entry: Entry, notes: list[str], problem: bool) -> None:
    """An entry just saved: shown and selected, and said with what to know about it."""
    screen.cursor = screen.cursor.including(entry)
    screen.entries.show(entry, follow=True)
    screen.show_detail()
    screen.refresh_bindings()
    saved = kind_label(entry)
    screen.feedback(
        f"Saved {saved}." + (" " + escape(" · ".join(notes)) if notes else ""), problem=problem
    )


def resume_draft(screen: LiveMeetingScreen) -> None:
    """After a crash or a restart, the newest line not yet saved is back in the line."""
    waiting = drafts.open_drafts(screen.facilitate.store, screen.meeting_id)
    if not waiting or screen.box.line.value:
        return
    newest = waiting[-1]
    screen.box.line.value = newest.line
    show_held(screen, newest.id, tuple(newest.problems))


async def discard_draft(screen: LiveMeetingScreen) -> None:
    """Discard the line held back, after asking: it was never saved as an entry."""
    draft_id = screen.box.draft_id
    if draft_id is None:
        return
    question = f"Discard “{screen.box.line.value.strip()}”? It was never saved as an entry."
    if not await screen.app.push_screen_wait(
        ConfirmDialog(question, yes="Discard it", no="Keep it")
    ):
        return
    drafts.discard(screen.facilitate.store, draft_id)
    screen.box.draft_id = None
    screen.box.line.value = ""
    screen.refresh_bindings()
    screen.feedback("The line was discarded.")
