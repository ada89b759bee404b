"""Before the meeting, from the agenda editor: pre-reads attached to an item, how to join, the
call for agenda items and the agenda packets.

The editor's bindings and `action_*` methods stay on the screen (one list of keys for the key
bar, the help screen and user keymaps); each of these actions is the body of one of them,
awaited inside the screen's worker so its dialogs can be waited for.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from facilitate.export.agenda_files import AGENDA_RENDERERS
from facilitate.services.people.directory import Choice
from facilitate.services.plan import pre_reads
from facilitate.services.plan.join_info import set_join_info
from facilitate.services.plan.pre_reads import size_label
from facilitate.services.record.settings import unsigned_warning
from facilitate.services.share import agenda_call, agenda_packets
from facilitate.services.share.agenda_document import overrun_warning
from facilitate.services.share.agenda_mail import AgendaMail
from facilitate.services.share.sharing import ExportError
from facilitate.store import Store
from facilitate.tui.dialogs.agenda_out import AgendaMailDialog
from facilitate.tui.dialogs.choose import ChoiceDialog
from facilitate.tui.dialogs.join_info import JoinInfoDialog
from facilitate.tui.dialogs.pre_read import PreReadDialog
from facilitate.tui.feedback import reported

if TYPE_CHECKING:
    from facilitate.tui.screens.agenda_editor import AgendaEditorScreen


async def attach_pre_read(screen: AgendaEditorScreen) -> None:
    """Attach a file on this computer to the selected item, copied into the record."""
    item = screen.selected_item()
    if item is None:
        screen.notify("Add an item first: a pre-read belongs to an item.")
        return
    store = screen.facilitate.store
    names = [p.file_name for p in pre_reads.listed(store, item.id)]
    added = await screen.app.push_screen_wait(
        PreReadDialog(item.title, names, lambda path: pre_reads.attach(store, item.id, path))
    )
    if added is None:
        return
    screen.notify(
        f"Attached {added.file_name} ({size_label(added.size)}) to “{item.title}”", markup=False
    )
    screen.refresh_agenda(select_id=item.id)


async def detach_pre_read(screen: AgendaEditorScreen) -> None:
    """Remove one of the selected item's pre-reads from the record."""
    item = screen.selected_item()
    store = screen.facilitate.store
    attached = pre_reads.listed(store, item.id) if item else []
    if item is None or not attached:
        screen.notify("This item has no pre-reads.")
        return
    chosen = await screen.app.push_screen_wait(
        ChoiceDialog(
            f"Detach a pre-read from “{item.title}”",
            [Choice(p.id, f"{p.file_name} ({size_label(p.size)})") for p in attached],
        )
    )
    if chosen is None:
        return
    with reported(screen.app):
        removed = pre_reads.detach(store, item.id, chosen)
        screen.notify(f"Detached {removed.file_name}", markup=False)
    screen.refresh_agenda(select_id=item.id)


async def edit_join_info(screen: AgendaEditorScreen) -> None:
    """Set how to join the meeting (printed in the agenda and the invitation)."""
    text = await screen.app.push_screen_wait(JoinInfoDialog(screen.meeting.join_info))
    if text is None:
        return
    with reported(screen.app):
        set_join_info(screen.facilitate.store, screen.meeting_id, text)
    screen.refresh_agenda()


async def cancel_or_take_back(screen: AgendaEditorScreen) -> None:
    """Cancel the meeting (with why), or take a cancellation made by mistake back."""
    from facilitate.services.plan import cancel
    from facilitate.tui.dialogs.cancel_meeting import CancelMeetingDialog
    from facilitate.tui.dialogs.confirm import ConfirmDialog

    store, meeting = screen.facilitate.store, screen.meeting
    if cancel.is_cancelled(meeting):
        question = f"Take back the cancellation of “{meeting.title}”? It is on again."
        if await screen.app.push_screen_wait(ConfirmDialog(question, yes="Take it back")):
            with reported(screen.app):
                cancel.uncancel_meeting(store, screen.meeting_id)
                screen.notify("It is on again: send the agenda (p) so partners know.")
    else:
        reason = await screen.app.push_screen_wait(CancelMeetingDialog(meeting.title))
        if reason is not None:
            with reported(screen.app):
                cancel.cancel_meeting(store, screen.meeting_id, reason)
                screen.notify("Cancelled: p writes the cancellation for partners.")
    screen.refresh_agenda()


def _mail_folder(screen: AgendaEditorScreen, what: str) -> Path:
    return screen.facilitate.store.path.parent / "exports" / what


async def call_for_items(screen: AgendaEditorScreen) -> None:
    """Ask each partner organization for agenda items by a date (e-mail drafts): only for a
    meeting still to come, by a date between today and the meeting."""
    store, today = screen.facilitate.store, screen.facilitate.today
    meeting = screen.meeting
    try:
        agenda_call.check_meeting(meeting, today)
    except agenda_call.CallError as error:
        screen.notify(str(error), severity="error", timeout=8, markup=False)
        return
    choice = await screen.app.push_screen_wait(
        AgendaMailDialog(
            "Call for agenda items",
            _mail_folder(screen, "call-for-items"),
            today=today,
            by=agenda_call.call_deadline(meeting.starts_at.date(), today),
            check_by=lambda by: agenda_call.check_deadline(meeting, by, today),
            warning=unsigned_warning(store),
        )
    )
    if choice is None or choice.by is None:
        return
    with reported(screen.app), _export_errors(screen):
        mails = agenda_packets.write_call_for_items(
            store, screen.meeting_id, choice.by, choice.folder, AGENDA_RENDERERS, today=today
        )
        screen.notify(f"Wrote {len(mails)} calls for agenda items in {choice.folder}", markup=False)


async def send_packets(screen: AgendaEditorScreen) -> None:
    """An agenda packet per partner organization: agenda, invitation, e-mail draft; for a
    cancelled meeting, its cancellation."""
    from facilitate.services.plan.cancel import is_cancelled

    cancelled = is_cancelled(screen.meeting)
    what = "Cancellation packets" if cancelled else "Agenda packets"
    choice = await screen.app.push_screen_wait(
        AgendaMailDialog(
            what,
            _mail_folder(screen, "agenda-packets"),
            today=screen.facilitate.today,
            warning=unsigned_warning(screen.facilitate.store),
            overrun=overrun_warning(screen.facilitate.store, screen.meeting_id),
        )
    )
    if choice is None:
        return

    def show(done: int, total: int, org: str) -> None:
        # Shown where the missing proposals are, which the packets do not change.
        screen.query_one("#no-proposals", Static).update(
            Content(f"Writing {what.lower()}: {done} of {total} ({org})")
        )

    def write() -> list[AgendaMail]:
        """In a thread, with its own connection: packets carry pre-reads of up to 10 MB each,
        and the screen keeps drawing (the progress line) meanwhile."""
        store = Store.open(screen.facilitate.store.path, create=False)
        try:
            return agenda_packets.write_agenda_packets(
                store,
                screen.meeting_id,
                choice.folder,
                AGENDA_RENDERERS,
                progress=lambda *args: screen.app.call_from_thread(show, *args),
            )
        finally:
            store.close()

    with reported(screen.app), _export_errors(screen):
        mails = await asyncio.to_thread(write)
        screen.notify(f"Wrote {len(mails)} {what.lower()} in {choice.folder}", markup=False)
    screen.show_missing_proposals()


@contextmanager
def _export_errors(screen: Screen[None]) -> Iterator[None]:
    """A folder that cannot be written says so, naming it; nothing else is lost."""
    try:
        yield
    except ExportError as error:
        screen.notify(str(error), severity="error", timeout=8, markup=False)
