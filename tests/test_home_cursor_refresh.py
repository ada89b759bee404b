"""Home's tables keep the cursor on the same meeting when they are filled again, by key, even
when another window's meeting moves it down a row (the table does it; Home does not redo it)."""

from __future__ import annotations

from datetime import datetime

from facilitate.models import Meeting, MeetingSeries
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.widgets.table import Table

from .conftest import TODAY


async def test_the_cursor_stays_on_its_meeting_when_one_is_added_above(demo_store: Store) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        upcoming = app.screen.query_one("#upcoming", Table)
        upcoming.focus()
        await pilot.press("down")
        chosen, row = upcoming.highlighted_key, upcoming.cursor_row
        assert chosen is not None and row == 1
        # Another window plans a meeting earlier today: it is listed first.
        series = next(iter(demo_store.find(MeetingSeries)))
        early = datetime(TODAY.year, TODAY.month, TODAY.day, 7)
        added = demo_store.insert(Meeting(series_id=series.id, title="Huddle", starts_at=early))
        await pilot.press("r")
        await pilot.pause()
        assert upcoming.ordered_rows[0].key.value == added.id
        assert upcoming.highlighted_key == chosen
        assert upcoming.cursor_row == row + 1
        # A key now acts on the meeting chosen, not on the one that moved into its row.
        await pilot.press("o")
        await pilot.pause()
        assert getattr(app.screen, "meeting_id", None) == chosen
