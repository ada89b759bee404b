"""Whether an open role waits on what people say of themselves in People is a field of the
suggestion (`Suggestion.needs_people`), not read back out of its wording; the roles screen's
hint to open People follows that field, for a suggestion and for roles already recorded."""

from __future__ import annotations

from datetime import datetime

from textual.widgets import Static

from facilitate.models import Body, Meeting, MeetingSeries, Membership, Person
from facilitate.services.lead import roles
from facilitate.services.lead.rotation_types import DEFAULT_ROLES
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.screens.roles import RolesScreen

from .conftest import TODAY


def _meeting(store: Store, *people: Person) -> Meeting:
    """A series' meeting today, whose body has `people` as members."""
    body = store.insert(Body(name="Core Team"))
    for person in people:
        store.insert(Membership(body_id=body.id, person_id=store.insert(person).id))
    series = store.insert(MeetingSeries(body_id=body.id, name="Core team"))
    starts = datetime(TODAY.year, TODAY.month, TODAY.day, 13)
    return store.insert(Meeting(series_id=series.id, title="Core team", starts_at=starts))


def test_roles_nobody_has_said_they_will_take_need_people(store: Store) -> None:
    meeting = _meeting(store, Person(name="Dana Whitfield"), Person(name="Ben Cole"))
    suggestion = roles.suggest(store, meeting.id)
    assert suggestion.needing_people == tuple(r.key for r in DEFAULT_ROLES)
    assert suggestion.for_role("note_taker").needs_people


def test_a_willing_person_not_yet_ready_to_facilitate_needs_people(store: Store) -> None:
    dana = Person(name="Dana Whitfield", willing_roles=["facilitator", "note_taker"])
    meeting = _meeting(store, dana)
    suggestion = roles.suggest(store, meeting.id)
    assert suggestion.for_role("note_taker").person_name == "Dana Whitfield"
    assert not suggestion.for_role("note_taker").needs_people
    facilitator = suggestion.for_role("facilitator")
    assert facilitator.is_open and facilitator.needs_people


def test_a_role_open_for_an_empty_roster_does_not_need_people(store: Store) -> None:
    suggestion = roles.suggest(store, _meeting(store).id)
    assert suggestion.open_roles == tuple(r.key for r in DEFAULT_ROLES)
    assert suggestion.needing_people == ()
    assert "roster is empty" in suggestion.for_role("facilitator").why


async def _heading(store: Store, meeting: Meeting, *keys: str) -> str:
    app = FacilitateApp(store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(RolesScreen(meeting.id))
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        return str(app.screen.query_one("#roles-heading", Static).render())


async def test_the_people_hint_follows_the_field_suggested_and_recorded(store: Store) -> None:
    meeting = _meeting(store, Person(name="Dana Whitfield"))
    assert "p opens People" in await _heading(store, meeting)
    # Accepted with its roles open: still the hint, from the rotation, not from the Why text.
    recorded = await _heading(store, meeting, "a")
    assert "roles recorded" in recorded
    assert "p opens People" in recorded


async def test_no_people_hint_when_the_roster_is_empty(store: Store) -> None:
    meeting = _meeting(store)
    assert "p opens People" not in await _heading(store, meeting)
    assert "p opens People" not in await _heading(store, meeting, "a")
