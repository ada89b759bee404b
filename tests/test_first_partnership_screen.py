"""A real partnership's first hour in the app, by keys only, from an empty file: four
organizations, twelve people from a spreadsheet (one row fixed in the preview), a body with two
required organizations and its members, a monthly series, its first meeting planned from the
series' template on the cadence's date, run with a note, a decision and an action, closed, and
the partners' minutes exported; the closed meeting is still one key from Home."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from facilitate.models import Body, Decision, Meeting, MeetingSeries, Person
from facilitate.models.enums import DecisionMethod, MeetingStatus
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.body_form import BodyDialog
from facilitate.tui.dialogs.body_members import BodyMembersDialog
from facilitate.tui.dialogs.confirm import ConfirmDialog
from facilitate.tui.dialogs.export import ExportDialog
from facilitate.tui.dialogs.person_form import ImportRowDialog
from facilitate.tui.dialogs.series_form import SeriesDialog
from facilitate.tui.dialogs.untaken import UntakenDialog
from facilitate.tui.screens.closing import ClosingScreen
from facilitate.tui.screens.home import HomeScreen
from facilitate.tui.screens.live import LiveMeetingScreen
from facilitate.tui.screens.minutes import MinutesScreen
from facilitate.tui.screens.people_import import PeopleImportScreen
from facilitate.tui.screens.setup import SetupScreen

from .conftest import TODAY
from .test_people_import_screen import ORGS, load, twelve_partners, type_text


async def _keys(pilot: Pilot[None], *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


async def _until(pilot: Pilot[None], kind: type, tries: int = 20) -> None:
    """Wait for a screen pushed from a worker (a dialog opened by an action)."""
    for _ in range(tries):
        if isinstance(pilot.app.screen, kind):
            return
        await pilot.pause(0.05)
    raise AssertionError(f"expected {kind.__name__}, on {type(pilot.app.screen).__name__}")


@pytest.mark.slow
async def test_a_partnership_starts_from_nothing_by_keys(tmp_path: Path, store: Store) -> None:
    sheet = twelve_partners(tmp_path)
    app = FacilitateApp(store, today=TODAY)  # Sun Nov 22, 2026
    async with app.run_test(size=(120, 40)) as pilot:
        # Home offers set-up; s opens it.
        await _keys(pilot, "s")
        await _until(pilot, SetupScreen)

        # 1. Four organizations, named as the spreadsheet names them.
        for name in ORGS:
            await _keys(pilot, "a")
            await type_text(pilot, name)
            await _keys(pilot, "ctrl+s")
        # 2. People: the spreadsheet, with its nameless row 8 fixed in the preview.
        await _keys(pilot, "n", "i")
        await _until(pilot, PeopleImportScreen)
        await load(app, pilot, sheet)
        await _keys(pilot, "n", "e")
        await _until(pilot, ImportRowDialog)
        await type_text(pilot, "Partner G")
        await _keys(pilot, "ctrl+s", "ctrl+s")
        await _until(pilot, ConfirmDialog)
        await _keys(pilot, "y")
        await _until(pilot, SetupScreen)
        assert store.count(Person) == 12

        # 3. The body: majority quorum, the first two organizations required, eight members.
        await _keys(pilot, "n", "a")
        await _until(pilot, BodyDialog)
        await type_text(pilot, "Steering Committee")
        await _keys(pilot, "tab", "tab", "tab")  # short name, kind, quorum
        await type_text(pilot, "majority")
        await _keys(pilot, "tab", "space", "down", "space")  # Harbor County CFS, Riverbend
        await _keys(pilot, "ctrl+s")
        await _until(pilot, SetupScreen)
        await _keys(pilot, "m")
        await _until(pilot, BodyMembersDialog)
        for _ in range(8):
            await _keys(pilot, "space", "down")
        await _keys(pilot, "ctrl+s")
        await _until(pilot, SetupScreen)

        # 4. A monthly series with its template.
        await _keys(pilot, "n", "a")
        await _until(pilot, SeriesDialog)
        await type_text(pilot, "Steering Committee")
        await _keys(pilot, "tab", "tab")  # kind, then the cadence
        await type_text(pilot, "monthly, second Tuesday, 13:00-15:00")
        await _keys(pilot, "tab")
        await type_text(pilot, "Library")
        await _keys(pilot, "tab", "tab", "enter")  # the template list opens
        for _ in range(5):
            await _keys(pilot, "down")
        await _keys(pilot, "enter", "ctrl+s")
        await _until(pilot, SetupScreen)
        body = store.find(Body)[0]
        series = store.find(MeetingSeries)[0]
        assert body.quorum_fraction is not None and len(body.quorum_organization_ids) == 2
        assert series.default_template == "Steering committee"

        # Home: plan the first meeting (the cadence's next date, the series' template).
        await _keys(pilot, "escape")
        await _until(pilot, HomeScreen)
        await _keys(pilot, "n")
        await pilot.pause(0.3)
        await _keys(pilot, "ctrl+s")
        await pilot.pause(0.3)
        for _ in range(5):  # carry-over review (nothing to carry), then the agenda: back home
            if isinstance(app.screen, HomeScreen):
                break
            await _keys(pilot, "escape")
        await _until(pilot, HomeScreen)
        (meeting,) = store.find(Meeting)
        assert meeting.starts_at.date().isoformat() == "2026-12-08"
        assert (meeting.starts_at.hour, meeting.location) == (13, "Library")

        # Run it: planned for another day, so the app asks first.
        await _keys(pilot, "m")
        await _until(pilot, ConfirmDialog)
        await _keys(pilot, "y")
        await _until(pilot, LiveMeetingScreen)
        capture = app.screen.query_one("#capture", Input)
        for line in (
            "Families asked for evening meetings",
            "/d Move the forum to evenings method:consensus",
            "/a Book the evening room @p0 due:12/18",
        ):
            capture.focus()
            await type_text(pilot, line)
            await _keys(pilot, "enter")
        (decision,) = store.find(Decision)
        assert decision.method is DecisionMethod.CONSENSUS

        # Close it from the closing screen.
        await _keys(pilot, "ctrl+l")
        await _until(pilot, ClosingScreen)
        await _keys(pilot, "ctrl+k")
        for _ in range(20):  # a confirmation, and what became of items not taken, if asked
            if isinstance(app.screen, HomeScreen):
                break
            if isinstance(app.screen, ConfirmDialog):
                await _keys(pilot, "y")
            elif isinstance(app.screen, UntakenDialog):  # items never stepped through
                await _keys(pilot, "a", "enter")  # all were taken
            else:
                await pilot.pause(0.1)
        assert store.get(Meeting, meeting.id).status is MeetingStatus.CLOSED
        while not isinstance(app.screen, HomeScreen):
            await _keys(pilot, "escape")

        # Still one key from Home: its minutes, exported for partners.
        upcoming = app.screen.query_one("#upcoming", DataTable)
        keys = [row.value for row in upcoming.rows]
        assert meeting.id in keys
        upcoming.focus()
        upcoming.move_cursor(row=keys.index(meeting.id))
        await _keys(pilot, "v")
        await _until(pilot, MinutesScreen)
        await _keys(pilot, "2", "e")
        await _until(pilot, ExportDialog)
        folder = Path(app.screen.query_one("#export-folder", Input).value)
        await _keys(pilot, "ctrl+s")
        for _ in range(40):
            if list(folder.glob("*partners*.html")):
                break
            await pilot.pause(0.1)
    (exported,) = folder.glob("*partners*.html")
    html = exported.read_text(encoding="utf-8")
    assert "Move the forum to evenings" in html
    assert "Book the evening room" in html and "Partner A" in html
