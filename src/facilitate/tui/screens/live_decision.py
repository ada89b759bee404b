"""The live screen's decision dialog and its ``re:`` finder: a decision filled from the capture
line, and the input it answers put into the line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from facilitate.services.run import capture, decision_form, drafts, quick_entry
from facilitate.tui.dialogs.decision import DecisionDialog
from facilitate.tui.screens.live_capture import show_saved
from facilitate.tui.screens.live_errors import LIVE_ERRORS

if TYPE_CHECKING:
    from facilitate.tui.screens.live import LiveMeetingScreen


async def decide(screen: LiveMeetingScreen) -> None:
    """The decision dialog, filled from what is in the capture line."""
    store, line = screen.facilitate.store, screen.box.line.value
    meeting = screen.meeting
    parsed = quick_entry.parse_line(line, capture.meeting_day(meeting))
    if line.strip() and parsed.kind is not quick_entry.EntryKind.DECISION:
        parsed = quick_entry.parse_line(f"/d {line}", capture.meeting_day(meeting))
    # The voting members present are listed, ready for a roll call.
    form = decision_form.with_voters(store, meeting, decision_form.from_line(parsed))
    problems = parsed.problems
    while True:
        answer = await screen.app.push_screen_wait(DecisionDialog(form, problems=problems))
        if answer is None:
            return
        form = answer
        try:
            resolved = decision_form.resolve(store, meeting, form)
            saved = capture.add_decision(
                store,
                screen.meeting_id,
                form.text,
                visibility=form.visibility,
                **decision_form.fields(form, resolved),
            )
        except LIVE_ERRORS as error:
            problems = (str(error),)
            continue
        break
    if screen.box.draft_id is not None:
        drafts.discard(store, screen.box.draft_id)
        screen.box.draft_id = None
    screen.box.line.value = ""
    show_saved(screen, saved, list(resolved.problems), bool(resolved.problems))


async def put_answered_input(screen: LiveMeetingScreen) -> None:
    """Find the input the line answers and put its `re:N` in the line, where the cursor is;
    another series' input as `re:listening#6` (numbers are per series)."""
    from facilitate.services.input_reference import token as answer_token
    from facilitate.services.record.loop_links import search_inputs
    from facilitate.tui.dialogs.input_search import InputSearchDialog

    store, series_id = screen.facilitate.store, screen.meeting.series_id
    hit = await screen.app.push_screen_wait(
        InputSearchDialog(lambda words: search_inputs(store, words), home_series_id=series_id)
    )
    line = screen.box.line
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
