"""The live screen's corrections of the entry selected: correct any field, remove it (kept whole,
to restore), restore one removed, and put back an earlier value from its history."""

from __future__ import annotations

from typing import TYPE_CHECKING

from facilitate.services.people import directory
from facilitate.services.plan import agenda
from facilitate.services.run import capture, correct_form, corrections
from facilitate.services.run.capture import Entry
from facilitate.store import StoreError
from facilitate.tui.dialogs.choose import ChoiceDialog
from facilitate.tui.dialogs.confirm import ConfirmDialog
from facilitate.tui.dialogs.correct_entry import CorrectDialog, HistoryDialog
from facilitate.tui.screens.live_errors import LIVE_ERRORS
from facilitate.tui.widgets.entries_table import kind_label

if TYPE_CHECKING:
    from facilitate.tui.screens.live import LiveMeetingScreen


def selected_entry(screen: LiveMeetingScreen) -> Entry | None:
    """The entry selected in the entries table, read afresh from the record."""
    entry_id = screen.entries.selected_id
    if entry_id is None:
        return None
    return corrections.find_entry(screen.facilitate.store, screen.meeting_id, entry_id)


async def correct(screen: LiveMeetingScreen) -> None:
    """Correct any field of the entry selected; the earlier values go to its history."""
    entry = selected_entry(screen)
    if entry is None:
        screen.notify("Nothing to correct yet.")
        return
    store, meeting = screen.facilitate.store, screen.meeting
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
        answer = await screen.app.push_screen_wait(dialog)
        if answer is None:
            return
        form = answer
        try:
            applied = correct_form.apply(store, entry, form)
        except (*LIVE_ERRORS, StoreError) as problem:
            error = str(problem)
            continue
        break
    screen.poll_entries()
    notes = [*applied.problems, *applied.warnings]
    screen.notify(
        "Corrected; the earlier values are in its history (F2)."
        + (" " + " · ".join(notes) if notes else ""),
        severity="warning" if notes else "information",
    )


async def remove(screen: LiveMeetingScreen) -> None:
    """Remove the selected entry, after asking; it is kept whole and can be restored."""
    entry = selected_entry(screen)
    if entry is None:
        screen.notify("Nothing to remove: select an entry (up/down) first.")
        return
    label = kind_label(entry).lower()
    question = (
        f"Remove this {label}: “{entry.text}”?\n\nIt is kept whole in its history; ctrl+y "
        "restores it."
    )
    if not await screen.app.push_screen_wait(ConfirmDialog(question, yes="Remove", no="Keep it")):
        return
    try:
        corrections.remove_entry(screen.facilitate.store, entry)
    except (*LIVE_ERRORS, StoreError) as error:
        screen.notify(str(error), severity="error", timeout=8)
        return
    screen.poll_entries()
    screen.notify(f"Removed the {label} (ctrl+y restores it).")


async def restore(screen: LiveMeetingScreen) -> None:
    """Choose an entry removed from this meeting and bring it back."""
    store = screen.facilitate.store
    removed = corrections.removed_entries(store, screen.meeting_id)
    if not removed:
        screen.notify("Nothing removed from this meeting.")
        return
    by_id = {r.entry.id: r.entry for r in removed}
    choices = [
        directory.Choice(
            r.entry.id, f"{kind_label(r.entry)} · {r.entry.text} (removed {r.removed_at:%H:%M})"
        )
        for r in removed
    ]
    chosen = await screen.app.push_screen_wait(ChoiceDialog("Restore which entry?", choices))
    if chosen is None:
        return
    try:
        entry = corrections.restore_entry(store, by_id[chosen])
    except (*LIVE_ERRORS, StoreError) as error:
        screen.notify(str(error), severity="error", timeout=8)
        return
    screen.poll_entries()
    screen.notify(f"Restored: {entry.text}")


async def history(screen: LiveMeetingScreen) -> None:
    """The selected entry's history; a revision chosen is put back (and kept in the history)."""
    entry = selected_entry(screen)
    if entry is None:
        screen.notify("Nothing selected.")
        return
    store = screen.facilitate.store
    revisions = corrections.history(store, entry)
    revision = await screen.app.push_screen_wait(
        HistoryDialog(f"History of “{entry.text}”", revisions)
    )
    if revision is None:
        return
    try:
        corrections.put_back(store, entry, revision)
    except (*LIVE_ERRORS, StoreError) as error:
        screen.notify(str(error), severity="error", timeout=8)
        return
    screen.poll_entries()
    screen.notify(f"{revision.field} put back (kept in the history).")
