"""A new partnership's roles: people typed in say nothing about roles yet, so every role is left
open with what to do about it; a role set by hand says who set it; the person form tells a
ticked role from an unticked one without colour."""

from __future__ import annotations

from datetime import datetime

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, Label, Select, Static

from facilitate.models import Body, Meeting, MeetingSeries, Membership, Organization, Person
from facilitate.models.meeting import RoleAssignment
from facilitate.services.lead import roles
from facilitate.services.lead.rotation_types import DEFAULT_ROLES
from facilitate.services.record import settings
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.override_role import OverrideDialog
from facilitate.tui.dialogs.person_form import PersonDialog
from facilitate.tui.screens.roles import RolesScreen
from facilitate.tui.screens.roster import RosterScreen
from facilitate.tui.widgets.check_list import CheckList
from facilitate.tui.widgets.table import Table

from .conftest import TODAY


def _new_partnership(store: Store) -> Meeting:
    """Two people added by hand (no roles said), a body with both, a series and its meeting."""
    county = store.insert(Organization(name="Harris County CFS", short_name="HCCFS"))
    dana = store.insert(Person(name="Dana Whitfield", organization_id=county.id))
    ben = store.insert(Person(name="Ben Cole"))
    body = store.insert(Body(name="Steering Committee"))
    for person in (dana, ben):
        store.insert(Membership(body_id=body.id, person_id=person.id))
    series = store.insert(MeetingSeries(body_id=body.id, name="Steering monthly"))
    starts = datetime(TODAY.year, TODAY.month, TODAY.day, 13)
    return store.insert(Meeting(series_id=series.id, title="Steering", starts_at=starts))


def _person(store: Store, name: str) -> Person:
    return next(p for p in store.find(Person) if p.name == name)


def test_a_roster_that_has_said_nothing_is_told_where_to_say_it(store: Store) -> None:
    meeting = _new_partnership(store)
    suggestion = roles.suggest(store, meeting.id)
    assert suggestion.open_roles == tuple(r.key for r in DEFAULT_ROLES)
    assert suggestion.for_role("facilitator").why == (
        "left open: nobody has said they will facilitate yet "
        "(mark who will in People: Willing to take)"
    )
    # Once someone says they will keep time, the rotation gives them the role.
    ben = _person(store, "Ben Cole")
    ben.willing_roles = ["timekeeper"]
    store.save(ben)
    assert roles.suggest(store, meeting.id).for_role("timekeeper").person_name == "Ben Cole"


def test_a_role_set_by_hand_says_who_set_it_not_the_rotation_s_reason(store: Store) -> None:
    meeting = _new_partnership(store)
    roles.accept(store, meeting.id, roles.suggest(store, meeting.id))
    dana = _person(store, "Dana Whitfield")
    roles.override(store, meeting.id, "facilitator", dana.id, "she offered", by="Alex Morgan")
    held = {a.role_key: a for a in store.find(RoleAssignment, meeting_id=meeting.id)}
    assert held["facilitator"].why == "set by hand by Alex Morgan (suggested: left open)"
    assert held["facilitator"].override_reason == "she offered"
    assert held["facilitator"].person_id == dana.id
    # Another window's choice for a different role survives the override (only its row changes).
    assert held["note_taker"].why.startswith("left open: nobody has said")
    # With no coordinator name, it still says the role was set by hand.
    roles.override(store, meeting.id, "timekeeper", None, "nobody today")
    assert roles.assignments(store, meeting.id)[3].why == "set by hand (suggested: left open)"


async def _type(pilot: Pilot[None], text: str) -> None:
    for char in text:
        await pilot.press("space" if char == " " else char)


def _why(screen: RolesScreen, role_key: str) -> str:
    return str(dict(screen.query_one("#roles", Table).fitted_rows)[role_key][4])


async def test_roles_screen_says_how_to_fill_open_roles_and_who_set_one(store: Store) -> None:
    meeting = _new_partnership(store)
    settings.set_coordinator(store, "Alex Morgan", "alex@example.org", was=settings.read(store))
    app = FacilitateApp(store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(RolesScreen(meeting.id))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RolesScreen)
        heading = str(screen.query_one("#roles-heading", Static).render())
        assert "p opens People" in heading
        assert "nobody has said they will facilitate yet" in _why(screen, "facilitator")

        # o on the facilitator: Dana, with a reason; its Why now says who set it by hand.
        await pilot.press("o")
        for _ in range(20):
            await pilot.pause(0.05)
            if isinstance(app.screen, OverrideDialog):
                break
        dialog = app.screen
        assert isinstance(dialog, OverrideDialog)
        dialog.query_one("#person", Select).value = _person(store, "Dana Whitfield").id
        dialog.query_one("#reason", Input).focus()
        await _type(pilot, "she offered")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, RolesScreen)
        by_hand = "set by hand by Alex Morgan (suggested: left open)"
        assert _why(app.screen, "facilitator") == by_hand

        # p opens People, where roles are marked; back, the roles are read again.
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, RosterScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


class PersonFormApp(App[None]):
    """The person form over an empty screen, as Set-up and People open it."""

    def on_mount(self) -> None:
        self.push_screen(PersonDialog(organizations=[], roles=DEFAULT_ROLE_DEFS, today=TODAY))


DEFAULT_ROLE_DEFS = MeetingSeries(body_id="x", name="x").roles


def _box(check_list: CheckList, index: int) -> str:
    """The box drawn before choice `index`: its first three cells."""
    return check_list.render_line(index).text[:3]


async def test_person_form_roles_read_ticked_or_not_without_colour() -> None:
    app = PersonFormApp()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        dialog = app.screen
        labels = [str(label.render()) for label in dialog.query(Label)]
        assert "Willing to take:" in labels
        willing = dialog.query_one("#willing", CheckList)
        # A new person takes no role: every box is empty, not an X told apart by colour.
        assert [_box(willing, i) for i in range(len(DEFAULT_ROLE_DEFS))] == ["▐ ▌"] * len(
            DEFAULT_ROLE_DEFS
        )
        willing.focus()
        await pilot.press("down", "space")  # the second role: co-facilitator
        await pilot.pause()
        assert willing.selected == ["co_facilitator"]
        assert _box(willing, 1) == "▐X▌"
        assert _box(willing, 0) == "▐ ▌"
