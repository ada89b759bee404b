"""The closing screen's review of today's actions at 80 columns: an owner's name longer than its
column is cut with "…", so a reader sees it was cut (and not a person called "Lorraine Whitec")."""

from __future__ import annotations

from datetime import date

from textual.widgets import DataTable

from facilitate.services.run import capture, live
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.screens.closing import ClosingScreen

from .conftest import TODAY
from .helpers.demo_lookup import person, upcoming

TEXT = "Draft the ICWA notice letter for every family court hearing this winter"


def _drawn(table: DataTable[object]) -> list[str]:
    """The table's lines as the screen draws them (its header first)."""
    return [table.render_line(y).text for y in range(table.size.height)]


async def test_a_long_owner_and_text_are_cut_with_an_ellipsis(demo_store: Store) -> None:
    meeting = upcoming(demo_store)
    live.open_meeting(demo_store, meeting.id)
    lorraine = person(demo_store, "Lorraine Whitecloud")  # 19 letters, the column has 14
    capture.add_action(
        demo_store, meeting.id, TEXT, owner_person_id=lorraine.id, due=date(2026, 12, 5)
    )
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ClosingScreen(meeting.id))
        await pilot.pause()
        review = app.screen.query_one("#review", DataTable)
        row = next(line for line in _drawn(review) if "Draft the ICWA" in line)
        assert "Lorraine Whit…" in row
        assert "Lorraine Whitec" not in row
        assert TEXT not in row and "…" in row.split("Lorraine")[0]
        assert "Dec 05" in row
