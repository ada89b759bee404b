"""The theme board reads as what it is: the themes in one bordered pane and, in another titled
with the highlighted theme's name, only the input under that theme; at 80x24 and 100x30, with
every key it had."""

from __future__ import annotations

from datetime import datetime

import pytest
from textual.binding import Binding
from textual.pilot import Pilot
from textual.widgets import Static

from facilitate.models import Meeting
from facilitate.services.plan import agenda
from facilitate.services.plan.templates import get_template
from facilitate.services.record import themes
from facilitate.services.run import capture, live
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.screens.home import FOCUSED
from facilitate.tui.screens.theme_board import UNFILED, ThemeBoardScreen
from facilitate.tui.symbols import mark

from .conftest import TODAY
from .helpers.demo_lookup import series

SIZES = [(80, 24), (100, 30)]
HEARINGS = "Hearings start at 8am"
EVENING = "Can the court offer evening hearings?"
MENTORS = "Peer mentors got us through the first month"


def _session(store: Store) -> Meeting:
    """A listening session with two notes under +court-dates and one under +peer-support."""
    made = agenda.create_meeting(
        store,
        agenda.MeetingPlan(
            series_id=series(store, "Community Listening").id,
            starts_at=datetime(2026, 11, 22, 18, 0),
        ),
        template=get_template("listening-session"),
    )
    live.open_meeting(store, made.id)
    for line in (f"{HEARINGS} +court-dates", f"{EVENING} +court-dates", f"{MENTORS} +peer-support"):
        assert capture.capture_line(store, made.id, line).entry is not None
    return store.get(Meeting, made.id)


async def _highlight(pilot: Pilot[None], board: ThemeBoardScreen, theme_id: str) -> None:
    """Press down in the themes pane until `theme_id` is highlighted, as a user would."""
    for _ in range(board.themes_table.row_count):
        if board.selected_theme_id == theme_id:
            return
        await pilot.press("down")
        await pilot.pause()
    assert board.selected_theme_id == theme_id


def _theme_id(store: Store, meeting: Meeting, name: str) -> str:
    return next(g.theme.id for g in themes.board(store, meeting.series_id) if g.theme.name == name)


def _title(board: ThemeBoardScreen, pane: str) -> str:
    return str(board.query_one(f"#{pane}-title", Static).render())


def _filed_texts(board: ThemeBoardScreen) -> list[str]:
    return [str(cells[3]) for _key, cells in board.filed_table.fitted_rows]


@pytest.mark.parametrize("size", SIZES)
async def test_the_highlighted_themes_input_sits_in_its_own_titled_pane(
    demo_store: Store, size: tuple[int, int]
) -> None:
    meeting = _session(demo_store)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=size) as pilot:
        app.push_screen(ThemeBoardScreen(meeting.series_id))
        await pilot.pause()
        board = app.screen
        assert isinstance(board, ThemeBoardScreen)
        await _highlight(pilot, board, _theme_id(demo_store, meeting, "court-dates"))

        assert _title(board, "filed") == "Under +court-dates: 2 input"
        assert _filed_texts(board) == [HEARINGS, EVENING]
        pane = board.query_one("#filed-pane")
        assert pane.border_subtitle == mark("prints as “Court dates”")
        # Two panes side by side, each with its border, the input's title on one line.
        themes_pane = board.query_one("#themes-pane")
        assert themes_pane.region.right <= pane.region.x
        assert pane.region.right <= size[0]
        assert themes_pane.styles.border_top[0] and pane.styles.border_top[0]
        assert board.query_one("#filed-title").region.height == 1
        # Every theme's name is whole in its pane at either size.
        names = [str(cells[0]) for _key, cells in board.themes_table.fitted_rows]
        shown = [str(board.themes_table.get_row_at(i)[0]) for i in range(len(names))]
        assert shown == names

        # The next theme: its own input only, and its name on the pane.
        await _highlight(pilot, board, _theme_id(demo_store, meeting, "peer-support"))
        assert _title(board, "filed") == "Under +peer-support: 1 input"
        assert _filed_texts(board) == [MENTORS]
        assert pane.border_subtitle == mark("prints as “Peer support”")


async def test_the_pane_with_the_keys_is_marked_and_marked_input_counted(
    demo_store: Store,
) -> None:
    meeting = _session(demo_store)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ThemeBoardScreen(meeting.series_id))
        await pilot.pause()
        board = app.screen
        assert isinstance(board, ThemeBoardScreen)
        await _highlight(pilot, board, _theme_id(demo_store, meeting, "court-dates"))
        focused = mark(FOCUSED)
        assert _title(board, "themes").startswith(f"{focused}Themes (")
        assert not _title(board, "filed").startswith(focused)
        await pilot.press("tab")
        await pilot.pause()
        assert _title(board, "filed") == f"{focused}Under +court-dates: 2 input"
        assert not _title(board, "themes").startswith(focused)
        await pilot.press("space")
        await pilot.pause()
        assert _title(board, "filed") == mark(f"{FOCUSED}Under +court-dates: 2 input · 1 marked")


async def test_a_theme_emptied_says_so_in_its_pane(demo_store: Store) -> None:
    meeting = _session(demo_store)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ThemeBoardScreen(meeting.series_id))
        await pilot.pause()
        board = app.screen
        assert isinstance(board, ThemeBoardScreen)
        empty = board.query_one("#filed-empty", Static)
        await _highlight(pilot, board, _theme_id(demo_store, meeting, "peer-support"))
        assert not empty.display
        await pilot.press("tab", "x")
        await pilot.pause()
        assert _title(board, "filed").endswith("Under +peer-support: 0 input")
        assert empty.display
        assert str(empty.render()).startswith("Nothing is under +peer-support now: m merges it")


async def test_the_input_under_no_theme_has_its_own_title(demo_store: Store) -> None:
    meeting = _session(demo_store)
    loose = len(themes.unfiled(demo_store, meeting.series_id))
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ThemeBoardScreen(meeting.series_id))
        await pilot.pause()
        board = app.screen
        assert isinstance(board, ThemeBoardScreen)
        await _highlight(pilot, board, UNFILED)
        assert _title(board, "filed") == f"Under no theme: {loose} input"
        assert board.query_one("#filed-pane").border_subtitle is None
        assert HEARINGS not in _filed_texts(board)


def test_the_board_keeps_every_key() -> None:
    ids = [b.id for b in ThemeBoardScreen.BINDINGS if isinstance(b, Binding)]
    assert ids == [
        "themes.rename",
        "themes.merge",
        "themes.mark",
        "themes.split",
        "themes.move",
        "themes.unfile",
        "themes.file",
        "themes.help",
        "themes.back",
    ]
