"""Input under no theme, filed from the theme board (not only from the capture line), and theme
names as readers see them ("Court dates") where nobody types them."""

from __future__ import annotations

from datetime import datetime

import pytest
from textual.pilot import Pilot

from facilitate.models import Meeting
from facilitate.services import theme_names
from facilitate.services.plan import agenda
from facilitate.services.plan.templates import get_template
from facilitate.services.record import themes
from facilitate.services.record.themes import ThemeError
from facilitate.services.run import capture, live
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.choose import ChoiceDialog
from facilitate.tui.dialogs.theme_name import ThemeNameDialog
from facilitate.tui.screens.theme_board import UNFILED, ThemeBoardScreen
from facilitate.tui.widgets.table import Table

from .conftest import TODAY
from .helpers.demo_lookup import series, without_themes


def _session(store: Store, *lines: str) -> Meeting:
    """A listening session from the shipped template, opened, with `lines` captured."""
    without_themes(store, "Community Listening")  # the demo files its own
    made = agenda.create_meeting(
        store,
        agenda.MeetingPlan(
            series_id=series(store, "Community Listening").id,
            starts_at=datetime(2026, 11, 22, 18, 0),
        ),
        template=get_template("listening-session"),
    )
    live.open_meeting(store, made.id)
    for line in lines:
        assert capture.capture_line(store, made.id, line).entry is not None
    return store.get(Meeting, made.id)


def _board(store: Store, meeting: Meeting) -> dict[str, list[str]]:
    return {
        g.theme.name: [e.text for e in g.entries] for g in themes.board(store, meeting.series_id)
    }


def _unfiled(store: Store, meeting: Meeting) -> list[str]:
    return [hit.text for hit in themes.unfiled(store, meeting.series_id)]


async def _type(pilot: Pilot[None], text: str) -> None:
    await pilot.press(*("space" if char == " " else char for char in text))


def test_display_names_a_theme_as_a_reader_sees_it() -> None:
    assert theme_names.display("court-dates") == "Court dates"
    assert theme_names.display("housing") == "Housing"
    assert theme_names.display("ICWA") == "ICWA"
    assert theme_names.display("after_care-plans") == "After care plans"


def test_unfiled_input_is_filed_all_or_none(demo_store: Store) -> None:
    meeting = _session(demo_store, "Rent doubled +housing", "Buses stop at 6pm", "Hearings at 8am")
    assert {"Buses stop at 6pm", "Hearings at 8am"} <= set(_unfiled(demo_store, meeting))
    assert "Rent doubled" not in _unfiled(demo_store, meeting)
    hits = [h for h in themes.unfiled(demo_store, meeting.series_id) if h.meeting_id == meeting.id]
    entries = [(h.table, h.id) for h in hits]
    with pytest.raises(ThemeError, match="court dates"):
        themes.file_inputs(demo_store, meeting.series_id, entries, "court dates")
    assert "Buses stop at 6pm" in _unfiled(demo_store, meeting)
    theme = themes.file_inputs(demo_store, meeting.series_id, entries, "+Transport")
    assert theme.name == "Transport"
    assert _board(demo_store, meeting)["Transport"] == ["Buses stop at 6pm", "Hearings at 8am"]
    assert "Buses stop at 6pm" not in _unfiled(demo_store, meeting)


async def test_input_under_no_theme_is_filed_from_the_board(demo_store: Store) -> None:
    meeting = _session(demo_store, "Rent doubled +housing", "Buses stop at 6pm", "Hearings at 8am")
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(110, 30)) as pilot:
        app.push_screen(ThemeBoardScreen(meeting.series_id))
        await pilot.pause()
        themes_table = app.screen.query_one("#themes", Table)
        assert [cells[0] for _key, cells in themes_table.fitted_rows][-1] == UNFILED
        status = str(app.screen.query_one("#board-status").render())
        assert "under no theme: t files them" in status
        # The last row: the input under no theme, the newest last.
        themes_table.move_cursor(row=themes_table.row_count - 1)
        await pilot.pause()
        filed = app.screen.query_one("#filed", Table)
        texts = [str(cells[3]) for _key, cells in filed.fitted_rows]
        assert texts[-2:] == ["Buses stop at 6pm", "Hearings at 8am"]
        # A theme's keys say what this row is rather than act on it.
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ThemeBoardScreen)
        # Mark the last two, then t: a new theme.
        await pilot.press("tab")
        filed.move_cursor(row=filed.row_count - 2)
        await pilot.press("space", "space", "t")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        assert app.screen.choices[-1].label == "A new theme…"
        await pilot.press("end", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ThemeNameDialog)
        await _type(pilot, "transport")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ThemeBoardScreen)
        assert _board(demo_store, meeting)["transport"] == ["Buses stop at 6pm", "Hearings at 8am"]
        assert "Buses stop at 6pm" not in _unfiled(demo_store, meeting)
        # And one more under an existing theme: the first offered is +housing.
        themes_table.move_cursor(row=themes_table.row_count - 1)
        await pilot.pause()
        assert themes_table.ordered_rows[themes_table.cursor_row].key.value == UNFILED
        await pilot.press("tab", "t")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("enter")
        await pilot.pause()
    assert len(_board(demo_store, meeting)["housing"]) == 2
