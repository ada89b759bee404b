"""A guest typed with a roster name ("Dana Whitfield") is asked about in the guest form and,
with y, checked in as herself, organization and all (services/run/attendance.py,
tui/dialogs/guest.py); placeholders in the dialogs name nobody on the roster."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input, Static

from facilitate.models import Attendance, Meeting, Organization, Person
from facilitate.models.enums import AttendanceCapacity
from facilitate.services.people import directory
from facilitate.services.people.roster_retire import set_active
from facilitate.services.run import attendance, live
from facilitate.services.run.decision_form import DecisionInput
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.decision import DecisionDialog
from facilitate.tui.dialogs.guest import GuestDialog, GuestFields
from facilitate.tui.screens.opening import OpeningScreen

from .conftest import TODAY
from .helpers.demo_lookup import person, upcoming

DANA = "Dana Whitfield"


def _opened(store: Store) -> Meeting:
    meeting = upcoming(store)
    live.open_meeting(store, meeting.id)
    return meeting


def _org_label(store: Store, who: Person) -> str:
    assert who.organization_id is not None
    return store.get(Organization, who.organization_id).label


async def _type(pilot: Pilot[None], text: str) -> None:
    for char in text:
        await pilot.press("space" if char == " " else char)


async def _guest_form(
    store: Store, pilot: Pilot[None], typed: str, *answer: str
) -> list[GuestFields | None]:
    """The guest form, asking the store's roster; `typed` then ctrl+s, then `answer` keys."""
    answers: list[GuestFields | None] = []
    pilot.app.push_screen(
        GuestDialog(
            directory.organization_choices(store),
            find_on_roster=lambda name: attendance.on_roster(store, name),
        ),
        answers.append,
    )
    await pilot.pause()
    await _type(pilot, typed)
    await pilot.press("ctrl+s")
    await pilot.pause()
    if answer:
        await pilot.press(*answer)
        await pilot.pause()
    return answers


def test_a_roster_name_in_any_case_is_found_once(demo_store: Store) -> None:
    dana = person(demo_store, DANA)
    found = attendance.on_roster(demo_store, "  dana   WHITFIELD ")
    assert found == attendance.OnRoster(dana.id, DANA, _org_label(demo_store, dana))
    assert found.question.startswith(f"{DANA} is on the roster ({found.organization}):")
    assert attendance.on_roster(demo_store, "A. Stranger") is None
    set_active(demo_store, dana.id, False)  # retired: a guest of that name is a stranger
    assert attendance.on_roster(demo_store, DANA) is None


async def test_y_checks_her_in_as_herself(demo_store: Store) -> None:
    meeting = _opened(demo_store)
    dana = person(demo_store, DANA)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        answers = await _guest_form(demo_store, pilot, "dana whitfield")
        dialog = app.screen
        assert isinstance(dialog, GuestDialog)
        question = str(dialog.query_one("#roster-question", Static).render())
        assert question.startswith(f"{DANA} is on the roster ({_org_label(demo_store, dana)})")
        await pilot.press("y")
        await pilot.pause()
    assert answers == [GuestFields(DANA, None, person_id=dana.id)]
    [fields] = answers
    assert fields is not None
    arrival = attendance.arrive(demo_store, meeting.id, fields.name, person_id=fields.person_id)
    assert (arrival.key, arrival.said) == (
        f"person:{dana.id}",
        f"{DANA} checked in from the roster.",
    )
    rows = demo_store.find(Attendance, meeting_id=meeting.id)
    assert [r.guest_name for r in rows if r.capacity is AttendanceCapacity.GUEST] == []
    [row] = [r for r in rows if r.person_id == dana.id]
    assert row.organization_id == dana.organization_id


async def test_n_checks_in_a_guest_of_that_name(demo_store: Store) -> None:
    meeting = _opened(demo_store)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        answers = await _guest_form(demo_store, pilot, DANA, "n")
    assert answers == [GuestFields(DANA, None)]
    arrival = attendance.arrive(demo_store, meeting.id, DANA)
    assert arrival.said == f"{DANA} checked in as a guest."
    assert arrival.row.capacity is AttendanceCapacity.GUEST


async def test_a_name_not_on_the_roster_is_not_asked_about(demo_store: Store) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        answers = await _guest_form(demo_store, pilot, "Yolanda Q")
    assert answers == [GuestFields("Yolanda Q", None)]


async def test_changing_the_name_takes_the_question_away(demo_store: Store) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await _guest_form(demo_store, pilot, DANA)
        dialog = app.screen
        name = dialog.query_one("#guest-name", Input)
        name.focus()
        await pilot.press("end", "backspace", "backspace", "backspace")
        await pilot.pause()
        assert not dialog.query_one("#roster-question", Static).display
        assert name.value == "Dana Whitfi"


async def test_placeholders_name_nobody_on_the_roster(demo_store: Store) -> None:
    demo_store.insert(Person(name="Rosa Delgado"))  # on the roster of the user who tried it
    words: set[str] = set()
    for someone in demo_store.find(Person):
        words.update(part.casefold() for part in someone.name.split())
        if someone.email:
            words.add(someone.email.casefold())
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        for dialog in (
            GuestDialog(directory.organization_choices(demo_store)),
            DecisionDialog(DecisionInput()),
        ):
            app.push_screen(dialog)
            await pilot.pause()
            for box in dialog.query(Input):
                said = {w.strip("@;,.…").casefold() for w in str(box.placeholder).split()}
                assert not said & words, (box.id, box.placeholder)
            app.pop_screen()
            await pilot.pause()


async def test_g_on_the_opening_checks_dana_in_as_herself(demo_store: Store) -> None:
    meeting = _opened(demo_store)
    dana = person(demo_store, DANA)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(OpeningScreen(meeting.id))
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        await _type(pilot, DANA)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    rows = demo_store.find(Attendance, meeting_id=meeting.id)
    assert [r.guest_name for r in rows if r.guest_name] == []
    assert any(r.person_id == dana.id for r in rows)


async def test_escape_at_the_roster_question_keeps_the_form_and_the_name(
    demo_store: Store,
) -> None:
    """Escape takes the question away, not the form: what was typed stays, and a second
    escape closes the form as ever."""
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await _guest_form(demo_store, pilot, DANA)
        dialog = app.screen
        assert dialog.query_one("#roster-question", Static).display
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is dialog
        assert not dialog.query_one("#roster-question", Static).display
        assert dialog.query_one("#guest-name", Input).value == DANA
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is not dialog
