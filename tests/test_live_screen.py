"""The live meeting screen, driven by keys: capture by Enter, items and time, corrections."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import DataTable, Input, Static

from facilitate.models import ActionItem, AgendaItem, Decision, Meeting, Note, ParkingLotItem
from facilitate.models.enums import DecisionMethod, ItemState, MeetingStatus
from facilitate.services.plan import agenda
from facilitate.services.run import capture, drafts, live
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.screens.live import LiveMeetingScreen

from .conftest import TODAY


def _steering(store: Store) -> Meeting:
    return next(
        m
        for m in store.find(Meeting, order_by="starts_at")
        if m.status == MeetingStatus.PLANNED and m.title.startswith("Steering")
    )


async def _type(pilot: object, text: str) -> None:
    for char in text:
        await pilot.press(char)  # type: ignore[attr-defined]


async def _enter(pilot: object, app: FacilitateApp, line: str) -> None:
    """Put a line in the capture field and press Enter (typing every key is slow in the harness;
    the first capture below is typed key by key)."""
    app.screen.query_one("#capture", Input).value = line
    await pilot.press("enter")  # type: ignore[attr-defined]


def _entries(app: FacilitateApp) -> list[list[str]]:
    table = app.screen.query_one("#entries", DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def test_capture_items_time_and_corrections(demo_store: Store) -> None:
    meeting = _steering(demo_store)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.run_meeting(meeting.id)  # type: ignore[attr-defined]
        await pilot.pause()
        assert isinstance(app.screen, LiveMeetingScreen)
        assert demo_store.get(Meeting, meeting.id).status is MeetingStatus.LIVE
        first = agenda.items(demo_store, meeting.id)[0]
        assert demo_store.get(Meeting, meeting.id).current_item_id == first.id

        # A plain line is a note, saved and shown when Enter is pressed.
        await _type(pilot, "Families want evening sessions")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#capture", Input).value == ""
        assert _entries(app)[-1][1:4] == ["note", "partners", "Families want evening sessions"]
        assert demo_store.find(Note, meeting_id=meeting.id)[0].agenda_item_id == first.id

        # One decision of each method, by quick entry.
        await pilot.press("ctrl+n")
        await pilot.pause()
        for method in DecisionMethod:
            await _enter(pilot, app, f"/d Adopt option {method.value} method:{method.value}")
        await pilot.pause()
        methods = {d.method for d in demo_store.find(Decision, meeting_id=meeting.id)}
        assert methods == set(DecisionMethod)

        # Three actions with owners and dates; one parking-lot entry.
        await pilot.press("ctrl+n")
        await pilot.pause()
        for line in (
            "/a Draft the MOU @dana due:12/5",
            "/a Book the room @keisha due:fri",
            "/a Call the court @lorraine due:next week #internal",
        ):
            await _enter(pilot, app, line)
        await _enter(pilot, app, "/p Transportation to treatment")
        await pilot.pause()
        actions = demo_store.find(ActionItem, meeting_id=meeting.id, order_by="created_at")
        assert [a.text for a in actions] == ["Draft the MOU", "Book the room", "Call the court"]
        assert all(a.owner_person_id and a.due for a in actions)
        assert actions[2].visibility.value == "internal"
        assert len(demo_store.find(ParkingLotItem, meeting_id=meeting.id)) == 1

        # A line that cannot be read is not saved as an entry: it stays in the line with what
        # is wrong, and is stored as a draft meanwhile.
        await _enter(pilot, app, "/a Fix it @dana due:blursday")
        await pilot.pause()
        assert app.screen.query_one("#capture", Input).value == "/a Fix it @dana due:blursday"
        assert "blursday" in str(app.screen.query_one("#capture-feedback", Static).render())
        assert _entries(app)[-1][3] == "Transportation to treatment"
        assert [d.line for d in drafts.open_drafts(demo_store, meeting.id)] == [
            "/a Fix it @dana due:blursday"
        ]
        # Fixed and sent again, it is the action it was meant to be, and the draft is gone.
        await _enter(pilot, app, "/a Fix it @dana due:fri")
        await pilot.pause()
        assert _entries(app)[-1][1:3] == ["ACTION", "partners"]
        assert _entries(app)[-1][3].startswith("Fix it  (Dana Whitfield, due")
        assert drafts.open_drafts(demo_store, meeting.id) == []

        # Correct the last entry in the dialog; its history puts the earlier text back.
        await pilot.press("ctrl+r")
        await pilot.pause()
        app.screen.query_one("#text", Input).value = "Fix the form by Friday"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert _entries(app)[-1][3].startswith("Fix the form by Friday")
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("enter")  # the newest change: text
        await pilot.pause()
        await pilot.pause()
        assert _entries(app)[-1][3].startswith("Fix it  (")

        # Overrun: the item started longer ago than its time box; extend it by 10.
        current = demo_store.get(Meeting, meeting.id).current_item_id or ""
        item = demo_store.get(AgendaItem, current)
        item.started_at = live.as_utc(None) - timedelta(minutes=item.minutes + 2)
        demo_store.save(item)
        app.screen.refresh_view()
        status = app.screen.query_one("#live-status", Static)
        assert "TIME UP" in str(status.render())
        assert status.has_class("-over")
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press("down", "enter")  # "Extend by 10 minutes"
        await pilot.pause()
        assert demo_store.get(AgendaItem, current).extended_minutes == 10
        assert "TIME UP" not in str(status.render())


async def test_restart_goes_straight_back_to_the_live_meeting(db_path: Path) -> None:
    from facilitate.services.demo import build_demo

    store = Store.open(db_path)
    build_demo(store, TODAY)
    meeting = _steering(store)
    live.open_meeting(store, meeting.id)
    items = agenda.items(store, meeting.id)
    live.start_item(store, items[2].id)
    capture.capture_line(store, meeting.id, "Said before the crash", TODAY)
    store.close()

    reopened = Store.open(db_path)
    app = FacilitateApp(reopened, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LiveMeetingScreen)
        assert app.screen.meeting_id == meeting.id
        assert str(app.screen.query_one("#live-status", Static).render()).startswith(
            f"3. {items[2].title}"
        )
        assert any(row[3] == "Said before the crash" for row in _entries(app))
        agenda_table = app.screen.query_one("#live-agenda", DataTable)
        assert str(agenda_table.get_row_at(2)[0]) == "▶"
    assert reopened.get(AgendaItem, items[2].id).state is ItemState.ACTIVE
    reopened.close()


async def test_entries_from_another_window_appear(demo_store: Store, db_path: Path) -> None:
    meeting = _steering(demo_store)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.run_meeting(meeting.id)  # type: ignore[attr-defined]
        await pilot.pause()
        other = Store.open(db_path)  # the co-facilitator's window: its own connection
        capture.capture_line(other, meeting.id, "From the second laptop window", TODAY)
        other.close()
        await pilot.pause(1.3)
        assert any(row[3] == "From the second laptop window" for row in _entries(app))


async def test_running_a_closed_meeting_is_refused_with_a_message(demo_store: Store) -> None:
    closed = next(m for m in demo_store.find(Meeting) if m.status is MeetingStatus.CLOSED)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.run_meeting(closed.id)  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.pause()
        assert not isinstance(app.screen, LiveMeetingScreen)
        assert any("Cannot run this meeting" in str(n.message) for n in app._notifications)
    assert demo_store.get(Meeting, closed.id).status is MeetingStatus.CLOSED


# -- not started after all: back to planned ---------------------------------------------------


def _notified(app: FacilitateApp, text: str) -> bool:
    return any(text in str(n.message) for n in app._notifications)


async def test_a_meeting_started_by_mistake_goes_back_to_planned(demo_store: Store) -> None:
    from facilitate.tui.dialogs.confirm import ConfirmDialog
    from facilitate.tui.screens.home import HomeScreen

    meeting = _steering(demo_store)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.run_meeting(meeting.id)  # type: ignore[attr-defined]
        await pilot.pause()
        assert isinstance(app.screen, LiveMeetingScreen)
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # keep it live after all
        await pilot.pause()
        assert isinstance(app.screen, LiveMeetingScreen)
        assert demo_store.get(Meeting, meeting.id).status is MeetingStatus.LIVE
        await pilot.press("ctrl+b")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert _notified(app, "is planned again")
    stored = demo_store.get(Meeting, meeting.id)
    assert (stored.status, stored.opened_at, stored.current_item_id) == (
        MeetingStatus.PLANNED,
        None,
        None,
    )
    assert all(i.state is ItemState.PENDING for i in agenda.items(demo_store, meeting.id))


async def test_back_to_planned_is_refused_with_what_was_captured(demo_store: Store) -> None:
    meeting = _steering(demo_store)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.run_meeting(meeting.id)  # type: ignore[attr-defined]
        await pilot.pause()
        await _enter(pilot, app, "Families want evening sessions")
        await pilot.pause()
        await pilot.press("ctrl+b")
        await pilot.pause()
        # No question to answer: the refusal says why, and the meeting runs on.
        assert isinstance(app.screen, LiveMeetingScreen)
        assert _notified(app, "cannot go back to planned: 1 note captured")
    assert demo_store.get(Meeting, meeting.id).status is MeetingStatus.LIVE


async def test_put_back_to_planned_in_the_other_window_leaves_this_one(
    demo_store: Store, db_path: Path
) -> None:
    from facilitate.tui.screens.home import HomeScreen

    meeting = _steering(demo_store)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.run_meeting(meeting.id)  # type: ignore[attr-defined]
        await pilot.pause()
        other = Store.open(db_path)  # the co-facilitator's window
        live.return_to_planned(other, meeting.id)
        other.close()
        await pilot.pause(1.3)
        assert isinstance(app.screen, HomeScreen)
        assert _notified(app, "put back to planned in another window")


async def test_a_line_not_yet_saved_is_back_in_the_line_after_a_restart(db_path: Path) -> None:
    from facilitate.services.demo import build_demo
    from facilitate.tui.dialogs.confirm import ConfirmDialog

    store = Store.open(db_path)
    build_demo(store, TODAY)
    meeting = _steering(store)
    live.open_meeting(store, meeting.id)
    failed = capture.capture_line(store, meeting.id, "/a Call the court due:blursday")
    assert failed.entry is None and failed.draft is not None
    store.close()

    reopened = Store.open(db_path)
    app = FacilitateApp(reopened, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LiveMeetingScreen)
        assert app.screen.query_one("#capture", Input).value == "/a Call the court due:blursday"
        feedback = str(app.screen.query_one("#capture-feedback", Static).render())
        assert "blursday" in feedback and "ctrl+x" in feedback
        # Discarding is a choice, asked once.
        await pilot.press("ctrl+x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert app.screen.query_one("#capture", Input).value == ""
        assert drafts.open_drafts(reopened, meeting.id) == []
        # With no draft held, ctrl+x is the line's own key again (cut), not a discard.
        app.screen.query_one("#capture", Input).value = "typed"
        await pilot.press("ctrl+x")
        await pilot.pause()
        assert isinstance(app.screen, LiveMeetingScreen)
    reopened.close()


async def test_f3_shows_the_room_view_and_escape_comes_back(demo_store: Store) -> None:
    from facilitate.tui.room.screen import RoomScreen

    meeting = _steering(demo_store)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(LiveMeetingScreen(meeting.id))
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, RoomScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LiveMeetingScreen)


async def test_long_entries_are_read_whole_and_the_newest_stay_in_view(demo_store: Store) -> None:
    meeting = _steering(demo_store)
    long = "Families asked for evening sessions at the library, with childcare on site " * 2
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.run_meeting(meeting.id)  # type: ignore[attr-defined]
        await pilot.pause()
        for n in range(12):
            await _enter(pilot, app, f"note {n}")
        await _enter(pilot, app, long.strip())
        await pilot.pause()
        table = app.screen.query_one("#entries", DataTable)
        detail = str(app.screen.query_one("#entry-detail", Static).render())
        assert long.strip() in " ".join(detail.split())  # the whole text, wrapped
        assert table.scroll_y == table.max_scroll_y > 0  # scrolled to the newest
        assert table.cursor_row == table.row_count - 1
        await pilot.press("up")
        await pilot.pause()
        assert "note 11" in str(app.screen.query_one("#entry-detail", Static).render())


async def test_the_agenda_column_grows_with_the_terminal(demo_store: Store) -> None:
    meeting = _steering(demo_store)
    widths = []
    for size in ((80, 24), (200, 40)):
        app = FacilitateApp(demo_store, today=TODAY)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            if not isinstance(app.screen, LiveMeetingScreen):  # live already: it opens there
                app.screen.run_meeting(meeting.id)  # type: ignore[attr-defined]
                await pilot.pause()
            agenda_table = app.screen.query_one("#live-agenda", DataTable)
            widths.append(agenda_table.size.width)
            labels = [str(c.label) for c in agenda_table.columns.values()]
        assert "Min" in labels  # the minutes column is drawn at both sizes
    assert widths[0] >= 22 and widths[1] >= 45


async def test_time_up_is_said_above_the_line_not_over_it(demo_store: Store) -> None:
    meeting = _steering(demo_store)
    first = agenda.items(demo_store, meeting.id)[0]
    opened = live.open_meeting(demo_store, meeting.id).now
    live.start_item(demo_store, first.id, now=opened)
    late = opened + timedelta(minutes=first.minutes + 2)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(LiveMeetingScreen(meeting.id, now=lambda: late))
        await pilot.pause()
        feedback = str(app.screen.query_one("#capture-feedback", Static).render())
        assert "Time is up" in feedback
        assert "TIME UP" in str(app.screen.query_one("#live-status", Static).render())
        assert not any("Time is up" in str(n.message) for n in app._notifications)


async def test_escape_in_the_line_closes_the_list_then_goes_home(demo_store: Store) -> None:
    meeting = _steering(demo_store)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.run_meeting(meeting.id)  # type: ignore[attr-defined]
        await pilot.pause()
        await _type(pilot, "/")
        await pilot.pause()
        assert app.screen.query_one("#completions").has_class("-open")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LiveMeetingScreen)  # only the list closed
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, LiveMeetingScreen)
