"""Home's follow-through: a short line per series in the bodies panel where it is wide, beside
the members (issue #18), and f for every series' and organization's figures at any width."""

from __future__ import annotations

from textual.widgets import DataTable, Static

from facilitate.services.overview import follow_through_cell
from facilitate.services.record.follow_through_figures import FollowThrough
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.follow_through_figures import NOTHING, FollowThroughFiguresDialog
from facilitate.tui.screens.home import HomeScreen

from .conftest import TODAY


def _columns(table: DataTable[object]) -> list[str]:
    return [str(column.label) for column in table.columns.values()]


def _rows(table: DataTable[object]) -> dict[str, list[str]]:
    """Each row's cells by its first cell."""
    cells = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
    return {row[0]: row[1:] for row in cells}


def test_the_cell_names_only_what_happened() -> None:
    figure = FollowThrough("s", "Steering", done_on_time=3, done_late=1, open=4, overdue=2)
    assert follow_through_cell(figure) == "3 on time · 1 late · 4 open (2 overdue)"
    dropped = FollowThrough("s", "Core", done_undated=1, dropped=2)
    assert follow_through_cell(dropped) == "1 done (no date) · 2 dropped"
    assert follow_through_cell(FollowThrough("s", "Open", open=2)) == "2 open"
    assert follow_through_cell(None) == ""
    assert follow_through_cell(FollowThrough("s", "None yet")) == ""


async def test_a_wide_home_shows_members_and_each_series_follow_through(
    demo_store: Store,
) -> None:
    async with FacilitateApp(demo_store, today=TODAY).run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        bodies = pilot.app.screen.query_one("#bodies", DataTable)
        assert _columns(bodies) == ["Body", "Series", "Members", "Follow-through"]
        rows = _rows(bodies)
    assert rows["Steering"] == ["Steering Committee (monthly)", "8", "1 late · 4 open (3 overdue)"]
    assert rows["Core"][1:] == ["6", "1 open (1 overdue)"]
    assert rows["Listening"][1:] == ["3", ""]  # no action items: no figure


async def test_a_laptop_home_keeps_the_members_column(demo_store: Store) -> None:
    async with FacilitateApp(demo_store, today=TODAY).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        bodies = pilot.app.screen.query_one("#bodies", DataTable)
        assert _columns(bodies) == ["Body", "Series", "Members"]
        assert _rows(bodies)["Steering"][1] == "8"


async def test_at_100_columns_members_is_whole_and_the_series_gives_way(
    demo_store: Store,
) -> None:
    async with FacilitateApp(demo_store, today=TODAY).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        bodies = pilot.app.screen.query_one("#bodies", DataTable)
        widths = {str(c.label): c.width for c in bodies.columns.values()}
        assert widths["Members"] >= len("Members")
        assert _rows(bodies)["Steering"][1] == "8"


async def test_f_shows_each_organization_figure_at_80_columns(demo_store: Store) -> None:
    async with FacilitateApp(demo_store, today=TODAY).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, FollowThroughFiguresDialog)
        organizations = _rows(dialog.query_one("#figures-organizations", DataTable))
        series = _rows(dialog.query_one("#figures-series", DataTable))
        # On time, late, open, overdue, dropped.
        assert organizations["CFS"] == ["0", "1", "1", "1", "0"]
        assert organizations["Northside FRC"] == ["0", "0", "2", "1", "0"]
        assert series["Steering Committee (monthly)"] == ["0", "1", "4", "3", "0"]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HomeScreen)


async def test_f_on_an_empty_record_says_there_is_nothing_to_count(store: Store) -> None:
    async with FacilitateApp(store, today=TODAY).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        said = pilot.app.screen.query_one("#figures-none", Static)
        assert str(said.render()) == NOTHING


async def test_widening_the_window_brings_the_follow_through_column(demo_store: Store) -> None:
    async with FacilitateApp(demo_store, today=TODAY).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        bodies = pilot.app.screen.query_one("#bodies", DataTable)
        assert "Follow-through" not in _columns(bodies)
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        assert _columns(bodies)[-2:] == ["Members", "Follow-through"]
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert _columns(bodies)[-1] == "Members"
