"""The last wrong facts a new-user tryout found in boards' and listening minutes (issues #17,
#13): hosts who sent regrets, "nothing recorded" over items whose notes went to the themes, a
late chair presiding, an item moved to the next meeting never offered back, a stand-in left out
of the roll call, and the "no roll call yet" hint outliving the roll call."""

from __future__ import annotations

from datetime import datetime, timedelta

from textual.widgets import Static

from facilitate.export import render_minutes
from facilitate.models import AgendaItem, Attendance, Meeting, Note
from facilitate.models.enums import (
    AttendanceCapacity,
    AttendanceStatus,
    ItemState,
    MeetingStatus,
    Visibility,
)
from facilitate.services.people.offices import presiding
from facilitate.services.plan import agenda, carry_over
from facilitate.services.record.minutes import build_minutes
from facilitate.services.run import attendance, closing, decision_form, live, seats
from facilitate.services.share.sharing import ExportFormat
from facilitate.services.theme_names import file_under
from facilitate.services.time_zone import zone_named
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.screens.live import NO_ROLL_CALL, LiveMeetingScreen

from .conftest import TODAY
from .test_exports import html_text
from .test_minutes import GENERATED, demo_meetings, person

OPENED = datetime(2026, 11, 22, 16, 16)  # the call to order, in UTC


def _steering(store: Store) -> Meeting:
    """The demo's planned Steering Committee meeting."""
    return next(
        m
        for m in store.find(Meeting, order_by="starts_at")
        if m.status is MeetingStatus.PLANNED and m.title.startswith("Steering")
    )


def _listening(store: Store) -> tuple[Meeting, str]:
    """The demo's listening session with its circle's roll (Sofia and Miguel there, Tasha's
    regrets) and one agenda item whose five notes are filed under a theme; and the markdown
    of its public minutes, Markdown then HTML."""
    meeting = demo_meetings(store)["listening"]
    statuses = {
        "Sofia Alvarez": AttendanceStatus.PRESENT,
        "Miguel Santos": AttendanceStatus.PRESENT,
        "Tasha Greene": AttendanceStatus.REGRETS,
    }
    for name, status in statuses.items():
        store.insert(
            Attendance(meeting_id=meeting.id, person_id=person(store, name).id, status=status)
        )
    item = store.insert(AgendaItem(meeting_id=meeting.id, position=1, title="What helps"))
    for n in range(5):
        note = store.insert(
            Note(
                meeting_id=meeting.id,
                agenda_item_id=item.id,
                text=f"Heard {n}",
                visibility=Visibility.PUBLIC,
            )
        )
        file_under(store, meeting.series_id, "notes", note.id, ["housing"])
    doc = build_minutes(store, meeting.id, Visibility.PUBLIC, generated_at=GENERATED)
    [md] = render_minutes(doc, ExportFormat.MD)
    [page] = render_minutes(doc, ExportFormat.HTML)
    return meeting, md.data.decode() + html_text(page.data.decode())


def test_listening_hosts_are_those_of_the_circle_who_were_there(demo_store: Store) -> None:
    _, text = _listening(demo_store)
    hosts = [line for line in text.splitlines() if "Hosts" in line]
    assert len(hosts) >= 2  # Markdown and HTML
    assert all("Miguel Santos, Sofia Alvarez" in line for line in hosts)
    assert not any("Tasha Greene" in line for line in hosts)


def test_listening_item_says_its_notes_are_under_the_themes(demo_store: Store) -> None:
    _, text = _listening(demo_store)
    assert "Nothing recorded for this audience." not in text
    assert text.count("Notes are under “What we heard, by theme” (5).") == 2


def test_the_officer_at_the_call_to_order_presides_not_the_late_chair(demo_store: Store) -> None:
    meeting = _steering(demo_store)
    live.open_meeting(demo_store, meeting.id, OPENED)
    dana, lorraine = person(demo_store, "Dana Whitfield"), person(demo_store, "Lorraine Whitecloud")
    attendance.check_in(demo_store, meeting.id, dana.id, now=OPENED)
    attendance.check_in(
        demo_store,
        meeting.id,
        lorraine.id,
        AttendanceStatus.LATE,
        now=OPENED + timedelta(minutes=2),
    )
    found = presiding(demo_store, meeting.id)
    assert found is not None and found.name == "Dana Whitfield"


def test_an_item_moved_at_closing_is_offered_past_a_meeting_planned_ahead(
    demo_store: Store,
) -> None:
    """Closing says an item moves on; next month's meeting is already on the calendar, and
    the one after is planned now: the item is offered to both until an agenda takes it."""
    meeting = _steering(demo_store)
    live.open_meeting(demo_store, meeting.id, OPENED)
    moved = closing.untaken(demo_store, meeting.id)[-2]
    closing.settle_untaken(demo_store, moved.id, ItemState.CONTINUE_NEXT_TIME)
    closing.close_meeting(demo_store, meeting.id, now=OPENED + timedelta(hours=2))
    start = demo_store.get(Meeting, meeting.id).starts_at
    ahead, now = (
        agenda.create_meeting(
            demo_store, agenda.MeetingPlan(series_id=meeting.series_id, starts_at=start + weeks)
        )
        for weeks in (timedelta(weeks=4), timedelta(weeks=8))
    )
    assert [i.id for i in carry_over.carry_over_offer(demo_store, now).continued] == [moved.id]
    offer = carry_over.carry_over_offer(demo_store, ahead)
    assert [i.id for i in offer.continued] == [moved.id]
    carry_over.accept_carry_over(
        demo_store, ahead.id, offer, action_ids=(), parking_ids=(), continued_ids={moved.id}
    )
    assert carry_over.carry_over_offer(demo_store, now).continued == []


def test_the_roll_call_lists_a_stand_in_checked_in_by_name(demo_store: Store) -> None:
    meeting = _steering(demo_store)
    live.open_meeting(demo_store, meeting.id, OPENED)
    attendance.check_in(demo_store, meeting.id, person(demo_store, "Dana Whitfield").id)
    guest = attendance.add_guest(demo_store, meeting.id, "Ruth  Example")
    seats.seat(
        demo_store,
        meeting.id,
        seats.Seat(
            capacity=AttendanceCapacity.ALTERNATE,
            for_person_id=person(demo_store, "Lorraine Whitecloud").id,
        ),
        zone_named("UTC"),
        attendance_id=guest.id,
    )
    form = decision_form.with_voters(demo_store, meeting, decision_form.DecisionInput())
    assert form.voters == ["Dana Whitfield", "Ruth Example"]


async def test_the_no_roll_call_hint_goes_once_someone_is_checked_in(demo_store: Store) -> None:
    meeting = _steering(demo_store)
    async with FacilitateApp(demo_store, today=TODAY).run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        pilot.app.push_screen(LiveMeetingScreen(meeting.id))
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, LiveMeetingScreen)
        feedback = screen.query_one("#capture-feedback", Static)
        assert NO_ROLL_CALL in str(feedback.render())
        # The other window (or ctrl+o here) checks someone in.
        attendance.check_in(demo_store, meeting.id, person(demo_store, "Dana Whitfield").id)
        screen.tick()  # a second passes
        await pilot.pause()
        assert "No roll call" not in str(feedback.render())
