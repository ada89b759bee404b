"""Each printed symptom of issue #17, one test each: who sat in which capacity, quorum as it
happened, the times the meeting really ran, who presided, and the order items were taken.

The board is the one of `test_board_secretary` (a quorum of 6 among ten members, New York
time), planned but not yet run; each test runs only what its symptom needs.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from facilitate.export import docx, html
from facilitate.export.csv import decisions_csv
from facilitate.export.markdown import render_minutes
from facilitate.models import Attendance, Meeting
from facilitate.models.enums import (
    AttendanceCapacity,
    AttendanceMode,
    AttendanceStatus,
    ItemState,
    Visibility,
)
from facilitate.services.people.offices import set_presiding
from facilitate.services.record.quorum_timeline import quorum_timeline
from facilitate.services.run import attendance, closing, live
from facilitate.store import Store

from .test_board_secretary import Board, at, line, plan_board, seat, take_the_meeting
from .test_exports import csv_rows, docx_text, html_text

FIVE = ("michelle", "marty", "grace", "henry", "dana")


@pytest.fixture
def board(store: Store) -> Board:
    return plan_board(store)


def check_in(board: Board, who: str, status: AttendanceStatus, when: datetime) -> Attendance:
    return attendance.check_in(
        board.store, board.meeting.id, board.people[who].id, status, now=when
    )


def run(board: Board, present: tuple[str, ...] = FIVE) -> Board:
    """`present` checked in before the call to order, at 09:10."""
    for who in present:
        check_in(board, who, AttendanceStatus.PRESENT, at(8, 55))
    live.open_meeting(board.store, board.meeting.id, now=at(9, 10))
    return board


def close(board: Board, when: datetime | None = None) -> Board:
    closing.close_meeting(board.store, board.meeting.id, now=when or at(11, 4))
    return board


def people_by_group(board: Board) -> dict[str, tuple[str, ...]]:
    summary = board.minutes().attendance
    assert summary is not None
    return {g.organization: g.people for g in summary.present}


# -- who sat in which capacity ---------------------------------------------------------------


def test_members_without_an_organization_are_members_never_guests(board: Board) -> None:
    groups = people_by_group(close(run(board, ("michelle", "marty"))))
    assert groups == {"Members": ("Michelle Ortiz", "Marty Klein")}
    assert "Guests" not in render_minutes(board.minutes())


def test_someone_on_record_who_is_not_a_member_is_marked_guest(board: Board) -> None:
    run(board, ("dana",))
    check_in(board, "sam", AttendanceStatus.PRESENT, at(9, 15))  # DCS, not on the board
    assert people_by_group(board)["DCS"] == ("Dana Lee", "Sam Taylor (guest)")


def test_staff_are_marked_staff_and_guests_without_an_organization_listed_apart(
    board: Board,
) -> None:
    run(board, ("dana", "sam"))
    seat(board, "sam", capacity=AttendanceCapacity.STAFF)
    attendance.add_guest(board.store, board.meeting.id, "Rita Gomez", now=at(9, 20))
    summary = board.minutes().attendance
    assert summary is not None
    assert people_by_group(board)["DCS"] == ("Dana Lee", "Sam Taylor (staff)")
    assert summary.guests == ("Rita Gomez",)
    assert "- **Guests:** Rita Gomez" in render_minutes(board.minutes())


def test_a_stand_in_sits_for_the_member_who_is_then_not_absent(board: Board) -> None:
    run(board)
    check_in(board, "pollock", AttendanceStatus.ABSENT, at(9, 0))
    check_in(board, "russell", AttendanceStatus.PRESENT, at(9, 0))
    seat(
        board,
        "russell",
        capacity=AttendanceCapacity.ALTERNATE,
        for_person_id=board.people["pollock"].id,
    )
    summary = board.minutes().attendance
    assert summary is not None
    assert people_by_group(board)["Sheriff"] == ("Captain Ann Russell for Colonel James Pollock",)
    assert summary.absent == ()


def test_how_someone_attended_is_printed(board: Board) -> None:
    run(board)
    seat(board, "dana", mode=AttendanceMode.PHONE)
    seat(board, "marty", mode=AttendanceMode.VIDEO)
    seat(board, "grace", voting=False)
    groups = people_by_group(board)
    assert groups["DCS"] == ("Dana Lee (by phone)",)
    assert groups["Other members"] == (
        "Michelle Ortiz",
        "Marty Klein (by video)",
        "Grace Hill (non-voting)",
        "Henry Park",
    )


def test_late_arrivals_and_early_departures_print_their_times(board: Board) -> None:
    run(board)
    check_in(board, "irene", AttendanceStatus.LATE, at(9, 25))
    check_in(board, "henry", AttendanceStatus.LEFT_EARLY, at(10, 40))
    people = people_by_group(close(board))["Other members"]
    assert "Irene Cho (arrived 09:25)" in people
    assert "Henry Park (left 10:40)" in people
    assert "(late)" not in render_minutes(board.minutes())


# -- quorum as it happened ---------------------------------------------------------------------


def test_quorum_reached_late_says_when_and_with_how_many(board: Board) -> None:
    run(board)
    check_in(board, "irene", AttendanceStatus.LATE, at(9, 25))
    check_in(board, "jack", AttendanceStatus.LATE, at(9, 25))
    close(board)
    markdown = render_minutes(board.minutes())
    assert "**Quorum:** reached at 09:25 with 7 members (6 needed)." in markdown


def test_quorum_never_reached_says_so(board: Board) -> None:
    close(run(board))
    quorum = board.minutes().quorum
    assert quorum is not None
    assert quorum.summary == "Quorum: never reached; at most 5 members present (6 needed)."


def test_quorum_lost_says_when(board: Board) -> None:
    run(board, (*FIVE, "irene", "jack"))
    check_in(board, "jack", AttendanceStatus.LEFT_EARLY, at(10, 40))
    check_in(board, "irene", AttendanceStatus.LEFT_EARLY, at(10, 50))
    quorum = close(board).minutes().quorum
    assert quorum is not None
    assert quorum.summary == (
        "Quorum: met at the call to order (09:10) with 7 members (6 needed); "
        "lost at 10:50 with 5 members (6 needed)."
    )


def test_quorum_present_throughout_keeps_the_simple_wording(board: Board) -> None:
    run(board, (*FIVE, "irene", "jack", "karen"))
    check_in(board, "karen", AttendanceStatus.LEFT_EARLY, at(10, 40))
    quorum = close(board).minutes().quorum
    assert quorum is not None
    assert quorum.summary == "Quorum met: 7 members present (6 needed)."


def test_each_decision_shows_the_count_present_when_it_was_taken(board: Board) -> None:
    run(board, (*FIVE, "irene"))
    line(board, "/d Adopt the calendar method:vote for:6")
    markdown = render_minutes(board.minutes())
    assert "  - Taken with 6 members present (6 needed)" in markdown
    rows = csv_rows(decisions_csv(board.minutes()))
    assert (rows[0]["quorum_present"], rows[0]["quorum_needed"]) == ("6", "6")


def test_the_timeline_counts_from_the_call_to_order_and_stops_at_adjournment(
    board: Board,
) -> None:
    run(board)
    close(board, at(10, 0))
    # A late check-in typed after adjournment is not part of the meeting.
    row = check_in_after_close(board, "irene", at(10, 30))
    assert row.arrived_at is not None
    timeline = quorum_timeline(board.store, board.meeting.id)
    assert timeline is not None
    assert timeline.opening.at == at(9, 10)  # the check-ins at 08:55 count from 09:10
    assert (timeline.opening.met, timeline.opening.counted, timeline.changes) == (False, 5, ())


def check_in_after_close(board: Board, who: str, when: datetime) -> Attendance:
    """An arrival stamped after adjournment, as a correction made later would leave it."""
    row = Attendance(
        meeting_id=board.meeting.id,
        person_id=board.people[who].id,
        status=AttendanceStatus.LATE,
        arrived_at=when,
    )
    return board.store.insert(row)


def test_a_meeting_never_called_to_order_has_no_timeline(board: Board) -> None:
    check_in(board, "michelle", AttendanceStatus.PRESENT, at(8, 55))
    assert quorum_timeline(board.store, board.meeting.id) is None


# -- times, presiding and order ------------------------------------------------------------------


def test_the_header_prints_called_to_order_and_adjourned_when_they_differ(board: Board) -> None:
    rows = dict(close(run(board)).minutes().header_rows())
    assert rows["Date"] == "Thursday, January 15, 2026, 09:00–11:00 EST"
    assert (rows["Called to order"], rows["Adjourned"]) == ("09:10 EST", "11:04 EST")


def test_a_meeting_run_on_time_prints_no_extra_rows(board: Board) -> None:
    live.open_meeting(board.store, board.meeting.id, now=at(9, 0))
    rows = dict(close(board, at(11, 0)).minutes().header_rows())
    assert "Called to order" not in rows and "Adjourned" not in rows


def test_who_presided_is_the_chair_in_office_unless_the_meeting_says(board: Board) -> None:
    assert dict(board.minutes().header_rows())["Presiding"] == "Michelle Ortiz"
    attendance.check_in(board.store, board.meeting.id, board.people["marty"].id)
    set_presiding(board.store, board.meeting.id, board.people["marty"].id)
    assert dict(board.minutes().header_rows())["Presiding"] == "Marty Klein"


def test_items_print_in_the_order_taken(board: Board) -> None:
    run(board)
    items = board.items
    live.start_item(board.store, items["report"].id, now=at(9, 12))
    live.start_item(board.store, items["roll"].id, now=at(9, 20))
    live.start_item(board.store, items["minutes"].id, now=at(9, 30))
    closing.settle_untaken(board.store, items["call"].id, ItemState.DONE)
    titles = [s.title for s in close(board).minutes().items]
    assert titles == [
        "Call to Order",
        "Chair's Report",
        "Roll Call",
        "Approval of the December Minutes",
        "2026 Budget",
        "Transportation Update",
    ]


def test_items_taken_out_of_order_print_in_the_order_taken(board: Board) -> None:
    """Transportation is taken right after the call to order, then the report, then the budget
    while the report is under way (paused, never resumed): in the order taken, each once."""
    run(board)
    items = board.items
    live.start_item(board.store, items["call"].id, now=at(9, 10))
    live.take_item(board.store, items["transport"].id, now=at(9, 12))
    live.take_item(board.store, items["report"].id, now=at(9, 20))
    live.take_item(board.store, items["budget"].id, now=at(9, 25))
    titles = [s.title for s in close(board).minutes().items]
    assert titles == [
        "Call to Order",
        "Transportation Update",
        "Chair's Report",
        "2026 Budget",
        "Roll Call",
        "Approval of the December Minutes",
    ]
    notes = {s.title: s.state_note for s in board.minutes().items}
    assert notes["Chair's Report"] == ""  # paused, never said not reached


def test_only_an_item_said_not_reached_prints_not_reached(board: Board) -> None:
    run(board)
    closing.settle_untaken(board.store, board.items["transport"].id, ItemState.NOT_REACHED)
    close(board)
    notes = {s.title: s.state_note for s in board.minutes().items}
    assert notes["Transportation Update"] == "Not reached."
    assert notes["Call to Order"] == ""  # pending: never assumed not reached


# -- every format and language -------------------------------------------------------------------


def test_every_format_shows_capacity_quorum_and_times(store: Store) -> None:
    board = take_the_meeting(store)
    doc = board.minutes()
    for text in (html_text(html.render_minutes(doc)), docx_text(docx.render_minutes(doc))):
        assert "Captain Ann Russell for Colonel James Pollock (arrived 09:25)" in text
        assert "Dana Lee (by phone)" in text
        assert "Rita Gomez" in text
        assert "reached at 09:25 with 7 members (6 needed)" in text
        assert "09:10 EST" in text and "11:04 EST" in text
        assert "Michelle Ortiz" in text
        assert "Taken with 8 members present (6 needed)" in text
    rows = csv_rows(decisions_csv(doc))
    assert [(r["decision"], r["quorum_present"]) for r in rows] == [
        ("Approve the December minutes", "7"),
        ("Adopt the 2026 budget", "8"),
    ]


def test_the_spanish_minutes_say_it_in_spanish(store: Store) -> None:
    board = take_the_meeting(store)
    doc = board.minutes(language="es")
    markdown = render_minutes(doc)
    assert "Captain Ann Russell en representación de Colonel James Pollock (llegó a las 09:25)" in (
        markdown
    )
    assert "Dana Lee (por teléfono)" in markdown
    assert "alcanzado a las 09:25 con 7 miembros (se necesitaban 6)" in markdown
    assert "- **Apertura de la sesión:** 09:10" in markdown
    assert "- **Presidió:** Michelle Ortiz" in markdown
    assert "Tomada con 7 miembros presentes (se necesitaban 6)" in markdown


def test_a_listening_session_still_counts_by_organization(board: Board) -> None:
    board.store.update_fields(
        Meeting.model_validate({**board.meeting.model_dump(), "kind": "listening_session"}),
        ["kind"],
    )
    # Michelle and Dana, on the board, host it; Sam (DCS) and Rita come to speak.
    run(board, ("michelle", "dana", "sam"))
    attendance.add_guest(board.store, board.meeting.id, "Rita Gomez", now=at(9, 20))
    summary = close(board).minutes(Visibility.PUBLIC).attendance
    assert summary is not None and summary.anonymous
    assert [(g.organization, g.count, g.people) for g in summary.present] == [
        ("DCS", 1, ()),
        ("Guests", 1, ()),
    ]


def test_stamps_are_read_as_utc(board: Board) -> None:
    """An arrival stored without a zone reads as UTC, like every capture stamp."""
    run(board)
    row = check_in(board, "jack", AttendanceStatus.LATE, at(9, 25))
    naive = row.arrived_at.astimezone(UTC).replace(tzinfo=None) if row.arrived_at else None
    board.store.update_fields(row.model_copy(update={"arrived_at": naive}), ["arrived_at"])
    assert "Jack Ruiz (arrived 09:25)" in people_by_group(board)["Other members"]
