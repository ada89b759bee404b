"""Set-up by keys from an empty file: organizations, a person, a body with members and quorum, a
series with its cadence; checked against the file."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, SelectionList, Static, TabbedContent

from facilitate.models import Body, MeetingSeries, Membership, Organization, Person
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.body_form import BodyDialog
from facilitate.tui.dialogs.body_members import BodyMembersDialog
from facilitate.tui.dialogs.organization_form import OrganizationDialog
from facilitate.tui.dialogs.series_form import SeriesDialog
from facilitate.tui.screens.setup import SetupScreen

from .conftest import TODAY


async def _type(pilot: Pilot[None], text: str) -> None:
    for char in text:
        await pilot.press("space" if char == " " else char)


def _rows(app: FacilitateApp, step: str) -> list[list[str]]:
    table = app.screen.query_one(f"#{step}-table", DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def _add_org(pilot: Pilot[None], name: str, short: str) -> None:
    await pilot.press("a")
    await pilot.pause()
    assert isinstance(pilot.app.screen, OrganizationDialog)
    await _type(pilot, name)
    await pilot.press("tab")
    await _type(pilot, short)
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_a_partnership_sets_itself_up_by_keys(store: Store) -> None:
    app = FacilitateApp(store, today=TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        app.push_screen(SetupScreen())
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SetupScreen)
        assert "Step 1 of 5" in str(screen.query_one("#setup-hint", Static).render())
        assert "Nothing here yet" in str(screen.query_one("#setup-hint", Static).render())

        await _add_org(pilot, "River Nation ICWA", "RN")
        await _add_org(pilot, "Parent Partners", "PP")
        assert [r[0] for r in _rows(app, "orgs")] == ["Parent Partners", "River Nation ICWA"]

        # A duplicate name is refused in the form, with everything typed kept.
        await pilot.press("a")
        await pilot.pause()
        await _type(pilot, "parent partners")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, OrganizationDialog)
        assert "already" in str(app.screen.query_one("#error").render())
        await pilot.press("escape")
        await pilot.pause()

        # People: skip straight to bodies after adding two people through the store's roster
        # (the people step's own form is the roster's, tested with the roster screen).
        await pilot.press("n")
        await pilot.pause()
        assert screen.query_one(TabbedContent).active == "people"
        for name in ("Ana Ruiz", "Ben Cole"):
            store.insert(Person(name=name))
        await pilot.press("3")
        await pilot.pause()
        assert screen.query_one(TabbedContent).active == "bodies"

        # A body with a quorum nobody can read first, then a good one and a required org.
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, BodyDialog)
        await _type(pilot, "Steering Committee")
        app.screen.query_one("#quorum", Input).value = "soon"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Quorum “soon”" in str(app.screen.query_one("#error").render())
        app.screen.query_one("#quorum", Input).value = "majority"
        required = app.screen.query_one("#required", SelectionList)
        required.select(store.find(Organization, name="River Nation ICWA")[0].id)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        body = store.find(Body)[0]
        assert body.name == "Steering Committee" and body.quorum_fraction is not None
        assert len(body.quorum_organization_ids) == 1

        # Members: tick both people, from the default date (the app's today).
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, BodyMembersDialog)
        await pilot.press("space", "down", "space", "ctrl+s")
        await pilot.pause()
        rows = store.find(Membership, body_id=body.id)
        assert len(rows) == 2 and {r.start_date for r in rows} == {TODAY}
        assert _rows(app, "bodies")[0][1:4] == ["2", "majority of members", "RN"]

        # A series, with its cadence shown back before saving.
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, SeriesDialog)
        await _type(pilot, "Monthly steering")
        app.screen.query_one("#cadence", Input).value = "monthly, second Tuesday, 13:00-15:00"
        await pilot.pause()
        preview = str(app.screen.query_one("#cadence-preview", Static).render())
        assert "next: Tue Dec 08 2026" in preview
        app.screen.query_one("#place", Input).value = "Family Resource Center"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        made = store.find(MeetingSeries)[0]
        assert (made.name, made.default_minutes, made.default_place) == (
            "Monthly steering",
            120,
            "Family Resource Center",
        )
        assert made.ground_rule_set_id is not None  # started from the first starting set
        assert _rows(app, "series")[0][:2] == ["Steering Committee", "Monthly steering"]

        # Archive and bring back, from the keys.
        await pilot.press("x")
        await pilot.pause()
        assert store.get(MeetingSeries, made.id).archived
        await pilot.press("x")
        await pilot.pause()
        assert not store.get(MeetingSeries, made.id).archived


async def test_keys_shown_are_the_steps_own(store: Store) -> None:
    app = FacilitateApp(store, today=TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        app.push_screen(SetupScreen())
        await pilot.pause()
        screen = app.screen
        assert screen.check_action("import_people", ()) is False
        assert screen.check_action("add", ()) is True
        await pilot.press("2")
        await pilot.pause()
        assert screen.check_action("import_people", ()) is True
        assert screen.check_action("members", ()) is False
        # Adding a series before any body says what to do first, and opens nothing.
        await pilot.press("4", "a")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert store.count(MeetingSeries) == 0
