"""Agreements in the app: Home says when a review is due; set-up's organizations step edits one."""

from __future__ import annotations

from datetime import date

from textual.widgets import DataTable, Static

from facilitate.models.enums import Visibility
from facilitate.services.share import agreements
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.agreement_form import AgreementDialog
from facilitate.tui.screens.setup import SetupScreen

from .conftest import TODAY
from .test_minutes import org


async def test_home_says_when_an_agreements_review_is_past(demo_store: Store) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        line = app.screen.query_one("#reviews-due", Static)
        assert not line.display
        agreements.reviewed(demo_store, org(demo_store, "Family Court").id, date(2026, 11, 1))
        await pilot.press("r")
        await pilot.pause()
        assert line.display
        assert "review due since Nov 01: Family Court" in str(line.render())


async def test_g_on_an_organization_records_its_next_agreement_version(demo_store: Store) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    court = org(demo_store, "Family Court")
    async with app.run_test(size=(100, 36)) as pilot:
        app.push_screen(SetupScreen())
        await pilot.pause()
        table = app.screen.query_one("#orgs-table", DataTable)
        table.move_cursor(row=table.get_row_index(court.id))
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, AgreementDialog)
        # The highest-audience select has the keyboard: open it, go up to "Public", take it.
        await pilot.press("enter", "up", "enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
    current = agreements.current(demo_store, court.id)
    assert current is not None and current.version == 2
    assert current.highest is Visibility.PUBLIC
    # What the form was opened with is kept: the exclusion and the review date.
    assert current.excluded_kinds == agreements.versions(demo_store, court.id)[0].excluded_kinds
    assert current.review_on == date(2027, 2, 20)
