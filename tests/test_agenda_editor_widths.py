"""The agenda editor at 80×24 and 100×30 (#18): each item's number, title, purpose, minutes and
how many pre-reads it has stay whole; who leads and who proposed it give way, and are read whole
under the table for the highlighted item."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Static

from facilitate.models import Meeting
from facilitate.services.plan import agenda, pre_reads
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.screens.agenda_editor import AgendaEditorScreen
from facilitate.tui.widgets.table import Table

from .conftest import TODAY
from .helpers.demo_lookup import upcoming

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _with_pre_reads(store: Store, tmp_path: Path) -> Meeting:
    """The demo's steering agenda, its ICWA item (proposed by Lorraine) with two pre-reads."""
    meeting = upcoming(store)
    icwa = agenda.items(store, meeting.id)[4]
    for name in ("timelines.pdf", "notice-letter.pdf"):
        (tmp_path / name).write_bytes(PDF)
        pre_reads.attach(store, icwa.id, tmp_path / name)
    return meeting


def _drawn(table: Table) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def _headings(table: Table) -> list[str]:
    return [str(column.label) for column in table.ordered_columns]


async def _detail(pilot: Pilot[None], table: Table, row: int) -> str:
    table.move_cursor(row=row)
    await pilot.pause()
    detail = pilot.app.screen.query_one("#item-detail", Static)
    return str(detail.render()) if detail.display else ""


async def _open(app: FacilitateApp, pilot: Pilot[None], meeting: Meeting) -> Table:
    app.push_screen(AgendaEditorScreen(meeting.id))
    await pilot.pause()
    return app.screen.query_one("#agenda", Table)


async def test_at_80_columns_the_agenda_is_whole_and_who_proposed_is_read_below(
    demo_store: Store, tmp_path: Path
) -> None:
    meeting = _with_pre_reads(demo_store, tmp_path)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await _open(app, pilot, meeting)
        assert _headings(table) == ["#", "Item", "Purpose", "Min", "Files", "Lead"]
        rows = _drawn(table)
        assert [row[:5] for row in rows] == [
            ["1", "Welcome, introductions and ground rules", "Inform", "10", ""],
            ["2", "Approve last month's minutes", "Decide", "5", ""],
            ["3", "Follow-up on commitments", "Discuss", "20", ""],
            ["4", "Peer recovery coach pilot: first 60 days", "Inform", "25", ""],
            ["5", "ICWA notification timelines", "Decide", "30", "2"],
            ["6", "Plus / delta and next steps", "Discuss", "10", ""],
        ]
        assert await _detail(pilot, table, 0) == ""
        assert await _detail(pilot, table, 4) == (
            "Lead: Cedar River ICWA · Proposed by: Lorraine Whitecloud 11/12"
        )
        shown = str(app.screen.query_one("#pre-reads", Static).render())
        assert "timelines.pdf" in shown and "notice-letter.pdf" in shown


async def test_at_100_columns_the_lead_is_whole_too(demo_store: Store, tmp_path: Path) -> None:
    meeting = _with_pre_reads(demo_store, tmp_path)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        table = await _open(app, pilot, meeting)
        assert _headings(table)[-2:] == ["Lead", "Proposed by"]
        assert _drawn(table)[4][:6] == [
            "5", "ICWA notification timelines", "Decide", "30", "2", "Cedar River ICWA",
        ]  # fmt: skip
        assert await _detail(pilot, table, 4) == "Proposed by: Lorraine Whitecloud 11/12"
        assert await _detail(pilot, table, 3) == ""


async def test_a_long_title_takes_the_room_and_is_read_whole_below(demo_store: Store) -> None:
    meeting = upcoming(demo_store)
    title = "Family lived experience: what parents told the listening sessions this fall"
    agenda.add_item(demo_store, meeting.id, title, minutes=15)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await _open(app, pilot, meeting)
        last = table.row_count - 1
        # Number, purpose, minutes and files keep their room; the title has the rest.
        assert _headings(table) == ["#", "Item", "Purpose", "Min", "Files"]
        assert [c.width for c in table.ordered_columns] == [1, 54, 7, 3, 5]
        assert _drawn(table)[last][2:4] == ["Discuss", "15"]
        assert await _detail(pilot, table, last) == f"Item: {title}"
