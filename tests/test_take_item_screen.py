"""The live screen, by keys: take an item out of order from the agenda column (Enter), the
palette ("Take item…") or F6; the roll call not yet taken says so where quorum is shown."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from facilitate.models import AgendaItem, Meeting
from facilitate.models.enums import AttendanceStatus, ItemState, MeetingStatus
from facilitate.services.plan import agenda
from facilitate.services.run import attendance, live
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.choose import ChoiceDialog
from facilitate.tui.screens.live import LiveMeetingScreen
from facilitate.tui.widgets.table import Table

from .conftest import TODAY
from .helpers.demo_lookup import person
from .test_palette import _choose


def _steering(store: Store) -> Meeting:
    return next(
        m
        for m in store.find(Meeting, order_by="starts_at")
        if m.status == MeetingStatus.PLANNED and m.title.startswith("Steering")
    )


async def _live(pilot: Pilot[None], meeting: Meeting) -> LiveMeetingScreen:
    await pilot.pause()
    pilot.app.push_screen(LiveMeetingScreen(meeting.id))
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, LiveMeetingScreen)
    return screen


def _text(screen: LiveMeetingScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_enter_on_the_agenda_column_takes_that_item_and_pauses_the_current(
    demo_store: Store,
) -> None:
    meeting = _steering(demo_store)
    items = agenda.items(demo_store, meeting.id)
    async with FacilitateApp(demo_store, today=TODAY).run_test(size=(120, 30)) as pilot:
        screen = await _live(pilot, meeting)
        table = screen.query_one("#live-agenda", Table)
        assert demo_store.get(Meeting, meeting.id).current_item_id == items[0].id
        await pilot.press("tab")  # from the capture line to the agenda column
        assert screen.focused is table
        await pilot.press("down", "down", "down")
        screen.tick()  # a second passes: the cursor stays where it was moved
        await pilot.pause()
        assert table.cursor_row == 3
        await pilot.press("enter")
        await pilot.pause()

        assert demo_store.get(Meeting, meeting.id).current_item_id == items[3].id
        first = demo_store.get(AgendaItem, items[0].id)
        assert (first.state, first.started_at is not None) == (ItemState.PENDING, True)
        feedback = _text(screen, "#capture-feedback")
        assert f"Now: “{items[3].title}”." in feedback
        assert f"“{items[0].title}” paused at" in feedback
        focused: object = screen.focused
        assert focused is screen.box.line  # back to capturing
        assert table.cursor_row == 3
        assert str(table.get_row_at(0)[0]) == "‖"  # the paused mark in the agenda column
        assert f"4. {items[3].title}" in _text(screen, "#live-status")


async def test_the_palette_finds_take_item_and_its_chooser_takes_one(demo_store: Store) -> None:
    meeting = _steering(demo_store)
    items = agenda.items(demo_store, meeting.id)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(120, 30)) as pilot:
        await _live(pilot, meeting)
        helps = {c.title: c.help for c in app.get_system_commands(app.screen)}
        assert helps["Take item…"] == "Live meeting · f6"
        await _choose(pilot, app, "take item")
        assert isinstance(app.screen, ChoiceDialog)
        labels = [
            str(app.screen.query_one(OptionList).get_option_at_index(n).prompt)
            for n in range(len(items) - 1)
        ]
        # Every item but the one under way, numbered as on the agenda.
        assert labels[0].strip() == f"2. {items[1].title}"
        await pilot.press("down", "enter")  # the third item
        await pilot.pause()
        assert isinstance(app.screen, LiveMeetingScreen)
        assert demo_store.get(Meeting, meeting.id).current_item_id == items[2].id

        # F6, the paused first item (listed with its time), Enter: it is taken up again.
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        first = str(app.screen.query_one(OptionList).get_option_at_index(0).prompt)
        assert first.startswith(f"‖ 1. {items[0].title} · paused at ")
        await pilot.press("enter")
        await pilot.pause()
        assert demo_store.get(Meeting, meeting.id).current_item_id == items[0].id
        assert demo_store.get(AgendaItem, items[2].id).state is ItemState.PENDING


async def test_escape_in_the_chooser_changes_nothing(demo_store: Store) -> None:
    meeting = _steering(demo_store)
    items = agenda.items(demo_store, meeting.id)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(120, 30)) as pilot:
        await _live(pilot, meeting)
        await pilot.press("f6")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LiveMeetingScreen)
        assert demo_store.get(Meeting, meeting.id).current_item_id == items[0].id
        assert demo_store.get(AgendaItem, items[0].id).state is ItemState.ACTIVE


async def test_no_roll_call_yet_is_said_until_someone_is_checked_in(demo_store: Store) -> None:
    meeting = _steering(demo_store)
    assert not live.roll_call_begun(demo_store, meeting.id)
    async with FacilitateApp(demo_store, today=TODAY).run_test(size=(120, 30)) as pilot:
        screen = await _live(pilot, meeting)
        outcome = _text(screen, "#live-outcome")
        assert "no roll call yet — ctrl+o" in outcome
        assert "NO QUORUM" not in outcome
        assert "No roll call yet: ctrl+o" in _text(screen, "#capture-feedback")
        # The other window (or ctrl+o here) checks someone in: quorum is shown from then on.
        attendance.check_in(
            demo_store,
            meeting.id,
            person(demo_store, "Dana Whitfield").id,
            AttendanceStatus.PRESENT,
        )
        screen.tick()
        await pilot.pause()
        outcome = _text(screen, "#live-outcome")
        assert "no roll call" not in outcome and "quorum" in outcome.lower()


async def test_no_quorum_says_which_required_organization_is_missing(demo_store: Store) -> None:
    """Enough members but Parent Partners (required) not there: the header says why."""
    meeting = _steering(demo_store)
    for name in (
        "Dana Whitfield",
        "Marcus Reyes",
        "Judge Ellen Marsh",
        "Keisha Brown",
        "Sofia Alvarez",
        "Priya Natarajan",
        "Lorraine Whitecloud",
    ):
        attendance.check_in(demo_store, meeting.id, person(demo_store, name).id)
    async with FacilitateApp(demo_store, today=TODAY).run_test(size=(120, 30)) as pilot:
        screen = await _live(pilot, meeting)
        outcome = _text(screen, "#live-outcome")
        assert "NO QUORUM 7/6 — no Parent Partners" in outcome
        attendance.check_in(demo_store, meeting.id, person(demo_store, "Tasha Greene").id)
        screen.tick()
        await pilot.pause()
        assert "no Parent Partners" not in _text(screen, "#live-outcome")
