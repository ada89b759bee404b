"""What the home screen says is due: a sharing agreement to review, and what a body's protocol
says to share and was not sent yet, which `u` writes after asking, in a thread."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

from textual.content import Content
from textual.markup import escape
from textual.widgets import Static

from facilitate.services.overview import HomeSummary, home_summary
from facilitate.services.plurals import counted
from facilitate.services.share.due_lines import home_line
from facilitate.tui.feedback import TOAST_SECONDS, reported

if TYPE_CHECKING:
    from facilitate.tui.screens.home import HomeScreen


def show_sharing_due(line: Static, summary: HomeSummary) -> None:
    """A line when a body's protocol says something is due and not sent; none otherwise."""
    text = home_line(summary.sharing_due, summary.today)
    line.display = bool(text)
    if text:
        line.update(escape(text) + " · u: send")


def show_reviews_due(line: Static, summary: HomeSummary) -> None:
    """A line when a partner's sharing agreement is due for review; none otherwise."""
    due = summary.reviews_due
    line.display = bool(due)
    if due:
        names = ", ".join(d.organization + (f" ({d.body})" if d.body else "") for d in due)
        line.update(f"Sharing agreement review due since {due[0].review_on:%b %d}: {escape(names)}")


def ask_to_send_due(screen: HomeScreen) -> None:
    """Write what the protocols say is due (packets, minutes, reminders), after asking."""
    store = screen.facilitate.store
    today = screen.facilitate.today
    rows = home_summary(store, today).sharing_due
    if not rows:
        screen.notify("Nothing is due to be shared.")
        return
    from facilitate.tui.dialogs.confirm import ConfirmDialog

    folder = store.path.parent / "exports" / f"shared-{today.isoformat()}"
    count = counted(len(rows), "item")
    question = f"Write what is due ({count}) into {folder}? Nothing is e-mailed."

    def answered(yes: bool | None) -> None:
        if yes:
            screen.run_worker(send_due(screen, folder, count), group="send-due", exclusive=True)

    screen.app.push_screen(ConfirmDialog(question, yes="Write"), answered)


async def send_due(screen: HomeScreen, folder: Path, count: str) -> None:
    """Write what is due into `folder` in a thread, then say how much was written: minutes and
    packets of a year of meetings take a while, and Home keeps drawing meanwhile."""
    from facilitate.export import RENDERERS
    from facilitate.services.share.send_due import Kept
    from facilitate.services.share.send_due import send_due as write_due
    from facilitate.store import Store

    path, today = screen.facilitate.store.path, screen.facilitate.today
    line = screen.query_one("#sharing-due", Static)
    line.display = True
    line.update(Content(f"Writing what is due ({count}) into {folder}…"))

    def write() -> list[Kept]:
        """In a thread, with its own connection (a connection stays in the thread it was
        opened in)."""
        store = Store.open(path, create=False)
        try:
            return write_due(store, today, folder, RENDERERS)
        finally:
            store.close()

    kept: list[Kept] | None = None
    with reported(screen.app):
        kept = await asyncio.to_thread(write)
    screen.action_refresh()  # the line says what is still due (nothing, once all is written)
    if kept is not None:
        files = counted(sum(k.files for k in kept), "file")
        said = f"Wrote {files} for {counted(len(kept), 'item')} in {folder}"
        screen.notify(said, timeout=TOAST_SECONDS, markup=False)
