"""The room view as an app of its own: `facilitate room`, and each browser of `room --serve`.

It is handed an open Store and the meeting to follow, and never writes to either. It has no
command palette: through a browser that would offer Textual's own commands (a screenshot saved
on the server), and the room only looks.
"""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from facilitate.store import Store
from facilitate.tui.room.screen import RoomScreen


class RoomApp(App[None]):
    """The meeting for the room, and nothing else."""

    TITLE = "facilitate room"
    ENABLE_COMMAND_PALETTE = False
    # The screen names this file too, but Textual loads a screen's CSS only when it is pushed,
    # never for the default screen.
    CSS_PATH = "room.tcss"
    # Nothing to press on a projector: the key bar would only say how to quit.
    CSS = "RoomScreen KeyBar { display: none; }"
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", id="room.quit", show=False, priority=True)]

    def __init__(self, store: Store, meeting_id: str) -> None:
        super().__init__()
        self.store = store
        self.meeting_id = meeting_id

    def get_default_screen(self) -> Screen[None]:
        return RoomScreen(self.store, self.meeting_id)
