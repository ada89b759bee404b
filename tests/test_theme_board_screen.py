"""The theme board and the listening session's opening, driven by keys: a listening session's
notes filed under themes in the room, then renamed, merged, split and moved after it; consent
recorded at the opening as a count."""

from __future__ import annotations

from datetime import datetime

from textual.pilot import Pilot
from textual.widgets import Input, Static, TextArea

from facilitate.models import ActionItem, EntryLink, Meeting, Note
from facilitate.models.enums import Attribution
from facilitate.services.plan import agenda
from facilitate.services.plan.templates import get_template
from facilitate.services.record import loop_links, themes
from facilitate.services.run import capture, live
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.choose import ChoiceDialog
from facilitate.tui.dialogs.consent import ConsentDialog
from facilitate.tui.dialogs.theme_name import ThemeNameDialog
from facilitate.tui.screens.closing import ClosingScreen
from facilitate.tui.screens.live import LiveMeetingScreen
from facilitate.tui.screens.opening import OpeningScreen
from facilitate.tui.screens.theme_board import ThemeBoardScreen
from facilitate.tui.widgets.capture_box import CaptureBox
from facilitate.tui.widgets.table import Table

from .conftest import TODAY
from .helpers.demo_lookup import series, without_themes


def _session(store: Store) -> Meeting:
    """A listening session from the shipped template, opened."""
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
    return store.get(Meeting, made.id)


async def _type(pilot: Pilot[None], text: str) -> None:
    await pilot.press(*("space" if char == " " else char for char in text))


def _rows(app: FacilitateApp, selector: str) -> list[list[str]]:
    table = app.screen.query_one(selector, Table)
    return [[str(c) for c in cells] for _key, cells in table.fitted_rows]


def _board(store: Store, meeting: Meeting) -> dict[str, list[str]]:
    return {
        g.theme.name: [e.text for e in g.entries] for g in themes.board(store, meeting.series_id)
    }


async def test_rename_merge_split_and_move_by_keys(demo_store: Store) -> None:
    meeting = _session(demo_store)
    for line in (
        "Hearings start at 8am +court",
        "The bus does not reach the courthouse +court",
        "Rent doubled +housing",
        "Shelter waitlists are months long +shelter",
    ):
        assert capture.capture_line(demo_store, meeting.id, line).entry is not None
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(110, 30)) as pilot:
        app.push_screen(ClosingScreen(meeting.id))
        await pilot.pause()
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, ThemeBoardScreen)
        # The themes by name, then the demo session's input under no theme.
        assert _rows(app, "#themes") == [
            ["court", "2"],
            ["housing", "1"],
            ["shelter", "1"],
            ["(no theme)", "4"],
        ]
        assert [r[3] for r in _rows(app, "#filed")] == [
            "Hearings start at 8am",
            "The bus does not reach the courthouse",
        ]

        # Rename +court: the name is offered selected, so typing replaces it.
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ThemeNameDialog)
        await _type(pilot, "court-dates")
        await pilot.press("enter")
        await pilot.pause()
        assert _rows(app, "#themes")[0] == ["court-dates", "2"]

        # Split: mark the bus note (second), split it off as +transport.
        await pilot.press("tab", "down", "space")
        await pilot.pause()
        assert [r[0] for r in _rows(app, "#filed")] == ["", "*"]
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, ThemeNameDialog)
        await _type(pilot, "transport")
        await pilot.press("enter")
        await pilot.pause()
        assert _board(demo_store, meeting)["transport"] == ["The bus does not reach the courthouse"]

        # Merge +shelter into +housing (the first other theme offered is +court-dates).
        await pilot.press("shift+tab")
        table = app.screen.query_one("#themes", Table)
        table.move_cursor(row=table.get_row_index(_theme_id(demo_store, meeting, "shelter")))
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert _board(demo_store, meeting) == {
            "court-dates": ["Hearings start at 8am"],
            "housing": ["Rent doubled", "Shelter waitlists are months long"],
            "transport": ["The bus does not reach the courthouse"],
        }

        # Move the hearings note from +court-dates to +transport.
        table.move_cursor(row=0)
        await pilot.press("tab", "v")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert _board(demo_store, meeting)["court-dates"] == []
        assert _board(demo_store, meeting)["transport"] == [
            "Hearings start at 8am",
            "The bus does not reach the courthouse",
        ]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ClosingScreen)


def _theme_id(store: Store, meeting: Meeting, name: str) -> str:
    return next(g.theme.id for g in themes.board(store, meeting.series_id) if g.theme.name == name)


async def test_a_taken_name_is_refused_and_nothing_changes(demo_store: Store) -> None:
    meeting = _session(demo_store)
    capture.capture_line(demo_store, meeting.id, "Rent doubled +housing")
    capture.capture_line(demo_store, meeting.id, "Hearings at 8am +court")
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(110, 30)) as pilot:
        app.push_screen(ThemeBoardScreen(meeting.series_id))
        await pilot.pause()
        await pilot.press("r", "ctrl+u")
        await _type(pilot, "court dates")
        await pilot.press("enter")
        await pilot.pause()
        # Not a +name: the form says so and keeps what was typed.
        assert isinstance(app.screen, ThemeNameDialog)
        assert "cannot be typed as +court dates" in str(app.screen.query_one("#error").render())
        await pilot.press("ctrl+u")
        await _type(pilot, "Housing")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ThemeBoardScreen)
        assert any("merge +court into it" in str(n.message) for n in app._notifications)
    assert _board(demo_store, meeting) == {
        "court": ["Hearings at 8am"],
        "housing": ["Rent doubled"],
    }


async def test_consent_is_recorded_at_the_opening_as_a_count(demo_store: Store) -> None:
    meeting = _session(demo_store)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(110, 30)) as pilot:
        app.push_screen(OpeningScreen(meeting.id))
        await pilot.pause()
        line = str(app.screen.query_one("#listening", Static).render())
        assert line.startswith("Consent: not recorded · attribution: no attribution (no names)")
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ConsentDialog)
        statement = app.screen.query_one("#consent-text", TextArea).text
        assert statement.startswith("Before we begin: taking part today is your choice")
        await pilot.press("ctrl+s")  # no count yet: refused in the dialog, nothing lost
        await pilot.pause()
        assert isinstance(app.screen, ConsentDialog)
        await _type(pilot, "12")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, OpeningScreen)
        line = str(app.screen.query_one("#listening", Static).render())
        assert line.startswith("Consent: 12 gave consent")
    stored = demo_store.get(Meeting, meeting.id)
    assert (stored.consent_count, stored.attribution_policy, stored.language) == (
        12,
        Attribution.NONE,
        "en",
    )


async def test_the_statement_as_read_to_the_room_is_kept(demo_store: Store) -> None:
    meeting = _session(demo_store)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(110, 30)) as pilot:
        app.push_screen(OpeningScreen(meeting.id))
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        # What the facilitator actually said, as typed in the statement box.
        app.screen.query_one("#consent-text", TextArea).text = "Notes, no names; pass any time."
        await _type(pilot, "9")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, OpeningScreen)
    stored = demo_store.get(Meeting, meeting.id)
    assert (stored.consent_statement, stored.consent_count) == (
        "Notes, no names; pass any time.",
        9,
    )


async def test_the_live_log_numbers_input_and_re_links_to_it(demo_store: Store) -> None:
    meeting = _session(demo_store)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(110, 30)) as pilot:
        app.push_screen(LiveMeetingScreen(meeting.id))
        await pilot.pause()
        line = app.screen.query_one("#capture", Input)
        line.value = "Evening sessions would help +timing"
        await pilot.press("enter")
        await pilot.pause()
        note = demo_store.find(Note, meeting_id=meeting.id)[0]
        number = loop_links.input_numbers(demo_store, meeting.series_id)[(Note.table, note.id)]
        entries = app.screen.query_one("#entries", Table)
        assert [str(c) for c in entries.get_row_at(entries.row_count - 1)][-1] == f"#{number}"
        # + offers the theme just used.
        line.value = "Weekends too "
        line.cursor_position = len(line.value)
        await pilot.press("plus", "t")
        await pilot.pause()
        offered = app.screen.query_one(CaptureBox).completions.offered.items
        assert [c.insert for c in offered] == ["+timing "]
        await pilot.press("tab")
        assert line.value == "Weekends too +timing "
        line.value = f"/a ask partners about evening hours re:{number},999"
        await pilot.press("enter")
        await pilot.pause()
        feedback = str(app.screen.query_one("#capture-feedback", Static).render())
        assert "no input numbered #999 in this series; re:999 kept in the text" in feedback
    [action] = demo_store.find(ActionItem, meeting_id=meeting.id)
    assert action.text == "ask partners about evening hours re:999"
    assert [link.to_id for link in demo_store.find(EntryLink, from_id=action.id)] == [note.id]
