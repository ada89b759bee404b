"""Theme names print as partners typed them: ``+icwa-notice`` reads "Icwa notice" in the minutes
and the partners' report until a facilitator renames it ``ICWA-notice`` (a change of case only),
from the theme board's rename form, which says how the name will print, or from the command line.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.pilot import Pilot
from textual.widgets import Static

from facilitate.cli import cli
from facilitate.export import render_loop, render_minutes
from facilitate.models import Meeting, MeetingSeries, Note
from facilitate.models.enums import Visibility
from facilitate.models.loop import Theme
from facilitate.services.record import themes
from facilitate.services.record.minutes import build_minutes
from facilitate.services.record.themes import ThemeError
from facilitate.services.record.you_said_we_did import you_said_we_did
from facilitate.services.share.sharing import ExportFormat
from facilitate.services.theme_names import file_under
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.theme_name import ThemeNameDialog
from facilitate.tui.screens.theme_board import ThemeBoardScreen
from facilitate.tui.symbols import mark

from .conftest import TODAY
from .test_minutes import demo_meetings

NOTICE = "Nobody told us the Tribe had to be notified."


def _filed_lowercase(store: Store) -> tuple[Meeting, Theme]:
    """The demo's listening session with a partners' note filed under +icwa-notice, typed in
    lower case as a note-taker types it."""
    meeting = demo_meetings(store)["listening"]
    note = store.insert(Note(meeting_id=meeting.id, text=NOTICE, visibility=Visibility.PARTNERS))
    [theme] = file_under(store, meeting.series_id, "notes", note.id, ["icwa-notice"])
    return meeting, theme


def _minutes(store: Store, meeting: Meeting) -> str:
    doc = build_minutes(store, meeting.id, Visibility.PARTNERS)
    [md] = render_minutes(doc, ExportFormat.MD)
    return md.data.decode()


def _report_headings(store: Store, meeting: Meeting) -> list[str]:
    report = you_said_we_did(store, meeting_id=meeting.id, audience=Visibility.PARTNERS)
    md = render_loop(report, ExportFormat.MD)[0].data.decode()
    return re.findall(r"^## (.*)$", md, re.M)


def test_a_rename_of_case_only_is_what_readers_then_read(demo_store: Store) -> None:
    meeting, theme = _filed_lowercase(demo_store)
    assert "### Icwa notice (1)" in _minutes(demo_store, meeting)
    assert "Icwa notice" in _report_headings(demo_store, meeting)

    renamed = themes.rename(demo_store, theme.id, "+ICWA-notice")

    assert (renamed.id, renamed.name) == (theme.id, "ICWA-notice")
    assert demo_store.get(Theme, theme.id).name == "ICWA-notice"
    minutes = _minutes(demo_store, meeting)
    assert "### ICWA notice (1)" in minutes and "Icwa notice" not in minutes
    assert "ICWA notice" in _report_headings(demo_store, meeting)
    assert "Icwa notice" not in _report_headings(demo_store, meeting)


def test_another_themes_name_in_another_case_is_still_refused(demo_store: Store) -> None:
    meeting, theme = _filed_lowercase(demo_store)
    note = demo_store.insert(Note(meeting_id=meeting.id, text="Hearings at 8am."))
    file_under(demo_store, meeting.series_id, "notes", note.id, ["court-notice"])
    with pytest.raises(ThemeError, match="court-notice already exists: merge"):
        themes.rename(demo_store, theme.id, "COURT-NOTICE")
    assert demo_store.get(Theme, theme.id).name == "icwa-notice"


def test_the_command_line_renames_a_theme_to_another_case(db_path: Path, demo_store: Store) -> None:
    _filed_lowercase(demo_store)
    args = ["--db", str(db_path), "themes", "rename", "listening", "icwa-notice", "ICWA-notice"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith("+icwa-notice is now +ICWA-notice")
    [series] = demo_store.find(MeetingSeries, name="Community Listening Sessions")
    names = {t.name for t in demo_store.find(Theme, series_id=series.id)}
    assert "ICWA-notice" in names and "icwa-notice" not in names


async def _type(pilot: Pilot[None], text: str) -> None:
    await pilot.press(*("space" if char == " " else char for char in text))


def _printed_as(app: FacilitateApp) -> str:
    return str(app.screen.query_one("#printed-as", Static).render())


async def test_the_board_renames_to_capitals_and_the_form_says_how_it_prints(
    demo_store: Store,
) -> None:
    meeting, theme = _filed_lowercase(demo_store)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ThemeBoardScreen(meeting.series_id))
        await pilot.pause()
        board = app.screen
        assert isinstance(board, ThemeBoardScreen)
        # The keys a user presses to reach +icwa-notice, whatever else the demo files.
        while board.selected_theme_id != theme.id:
            await pilot.press("down")
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ThemeNameDialog)
        help_text = " ".join(str(s.render()) for s in app.screen.query(".dialog-help"))
        assert "ICWA-notice prints as “ICWA notice”" in help_text
        assert _printed_as(app) == "Prints in minutes and reports as “Icwa notice”."
        # The name is offered selected: typing replaces it, and the form follows each key.
        await _type(pilot, "ICWA-notice")
        await pilot.pause()
        assert _printed_as(app) == "Prints in minutes and reports as “ICWA notice”."
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ThemeBoardScreen)
        assert any("Renamed to +ICWA-notice" in str(n.message) for n in app._notifications)
        assert not any("already exists" in str(n.message) for n in app._notifications)
        subtitle = str(board.query_one("#filed-pane").border_subtitle)
        assert subtitle == mark("prints as “ICWA notice”")
    assert demo_store.get(Theme, theme.id).name == "ICWA-notice"


async def test_the_form_says_nothing_prints_for_a_name_that_cannot_be_typed(
    demo_store: Store,
) -> None:
    meeting, _theme = _filed_lowercase(demo_store)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ThemeBoardScreen(meeting.series_id))
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        await _type(pilot, "court dates")
        await pilot.pause()
        assert _printed_as(app) == ""
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ThemeNameDialog)
        assert "cannot be typed as +court dates" in str(app.screen.query_one("#error").render())
