"""Running a meeting from a list (Home's m, the meetings screen's m): the same question and the
same rule (`services/run/redate.py`), so both ways in agree.

A meeting planned for another day is run only when the person says it is held today; it is then
opened here, moved to today, and the live screen takes it up as it is (live already).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.screen import Screen

from facilitate.tui.feedback import USER_ERRORS

if TYPE_CHECKING:
    from facilitate.tui.app import FacilitateApp


async def may_run(screen: Screen[None], meeting_id: str) -> bool:
    """Whether the live screen may open `meeting_id`: not cancelled, and, when planned for
    another day, held today by the person's answer (then moved to today, and said so)."""
    from facilitate.models import Meeting
    from facilitate.services.plan.cancel import cannot_run
    from facilitate.services.run import live, redate
    from facilitate.tui.dialogs.confirm import ConfirmDialog

    app = cast("FacilitateApp", screen.app)
    store = app.store
    meeting = store.get(Meeting, meeting_id)
    cancelled = cannot_run(meeting)
    if cancelled:
        app.notify(cancelled, severity="error", timeout=8)
        return False
    if redate.other_day(meeting, app.today) is None:
        return True
    question = redate.question(meeting, app.today)
    if not await app.push_screen_wait(ConfirmDialog(question, yes="Start it", no="Not now")):
        return False
    try:
        view = live.open_meeting(store, meeting_id, today=app.today, move_to_today=True)
    except USER_ERRORS as error:
        app.notify(f"Cannot run this meeting: {error}", severity="error", timeout=8)
        return False
    if moved := redate.moved_note(meeting, view.meeting):
        app.notify(f"{moved}.", timeout=3)  # the question said so: a short reminder
    return True
