"""A board meeting captured the way a board secretary takes it (issue #17), and its minutes.

Quorum is reached late (a stand-in and a late arrival at roll call), a member attends by
phone, another arrives late, the chair's report is taken before roll call, a motion is moved,
seconded, amended and carried unanimously, another is tabled, an action has two owners, three
members leave early and quorum is lost. Everything goes through the services and quick entry,
as the live screen would; the Markdown is compared with a golden file, and each fact is also
asserted where a reader would look for it.

Regenerate the golden file after an intended change with `UPDATE_GOLDEN=1 pytest
tests/test_board_secretary.py`, then read the diff.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from facilitate.export.markdown import render_minutes
from facilitate.models import (
    AgendaItem,
    Attendance,
    Body,
    Meeting,
    MeetingSeries,
    Membership,
    Organization,
    Person,
)
from facilitate.models.enums import (
    AttendanceCapacity,
    AttendanceMode,
    AttendanceStatus,
    ItemState,
    Visibility,
)
from facilitate.services.people.offices import set_office
from facilitate.services.record.document import MinutesDocument
from facilitate.services.record.minutes import build_minutes
from facilitate.services.record.settings import TIME_ZONE, set_setting
from facilitate.services.run import attendance, capture, closing, live, seats
from facilitate.services.time_zone import zone_named
from facilitate.store import Store

GOLDEN = Path(__file__).parent / "golden" / "minutes-board-secretary.md"
GENERATED = datetime(2026, 1, 16, 12, 0, tzinfo=UTC)
DAY = date(2026, 1, 15)
ZONE = "America/New_York"  # EST in January: UTC-5


def at(hour: int, minute: int) -> datetime:
    """A wall-clock time of the meeting's day in New York, as the UTC moment stored."""
    return datetime(DAY.year, DAY.month, DAY.day, hour + 5, minute, tzinfo=UTC)


@dataclass(frozen=True)
class Board:
    """The board's record: its meeting, and its people and items by a short name."""

    store: Store
    meeting: Meeting
    body: Body
    people: dict[str, Person]
    items: dict[str, AgendaItem]

    def minutes(self, audience: Visibility = Visibility.PARTNERS, **kw: str) -> MinutesDocument:
        return build_minutes(self.store, self.meeting.id, audience, generated_at=GENERATED, **kw)


MEMBERS = {
    # short name: (full name, organization short name or "")
    "michelle": ("Michelle Ortiz", ""),
    "marty": ("Marty Klein", ""),
    "pollock": ("Colonel James Pollock", "Sheriff"),
    "dana": ("Dana Lee", "DCS"),
    "grace": ("Grace Hill", ""),
    "henry": ("Henry Park", ""),
    "irene": ("Irene Cho", ""),
    "jack": ("Jack Ruiz", ""),
    "karen": ("Karen Wu", ""),
    "nora": ("Judge Nora Bell", ""),
}
OTHERS = {
    "russell": ("Captain Ann Russell", "Sheriff"),
    "sam": ("Sam Taylor", "DCS"),
}
ITEMS = (
    ("call", "Call to Order"),
    ("roll", "Roll Call"),
    ("report", "Chair's Report"),
    ("minutes", "Approval of the December Minutes"),
    ("budget", "2026 Budget"),
    ("transport", "Transportation Update"),
)


def plan_board(store: Store) -> Board:
    """The board, its members, a stand-in, staff and the January meeting as planned."""
    set_setting(store, TIME_ZONE, ZONE)
    orgs = {
        short: store.insert(Organization(name=name, short_name=short))
        for short, name in (
            ("Sheriff", "County Sheriff's Office"),
            ("DCS", "Department of Children's Services"),
            ("Hope Church", "Hope Community Church"),
        )
    }
    people = {
        key: store.insert(Person(name=name, organization_id=orgs[org].id if org else None))
        for key, (name, org) in {**MEMBERS, **OTHERS}.items()
    }
    body = store.insert(Body(name="Children's Services Advisory Board", quorum_count=6))
    for key in MEMBERS:
        store.insert(Membership(body_id=body.id, person_id=people[key].id))
    set_office(store, body.id, "Chair", people["michelle"].id, starts_on=date(2025, 7, 1))
    series = store.insert(MeetingSeries(body_id=body.id, name="Advisory Board (monthly)"))
    meeting = store.insert(
        Meeting(
            series_id=series.id,
            title="Advisory Board — January 2026",
            starts_at=datetime(2026, 1, 15, 9, 0),
            minutes=120,
            location="County Administration Building, Room 200",
        )
    )
    items = {
        key: store.insert(AgendaItem(meeting_id=meeting.id, position=float(n), title=title))
        for n, (key, title) in enumerate(ITEMS, start=1)
    }
    return Board(store, meeting, body, people, items)


def seat(board: Board, who: str, **changes: object) -> Attendance:
    """Change someone's seat as the roll call's dialog does: only what the note-taker changed."""
    store, meeting = board.store, board.meeting
    row = store.find(Attendance, meeting_id=meeting.id, person_id=board.people[who].id)[0]
    zone = zone_named(ZONE)
    was = seats.seat_of_row(store, row, zone)
    new = replace(was, **changes)  # type: ignore[arg-type]
    return seats.seat(store, meeting.id, new, zone, person_id=board.people[who].id, was=was)


def line(board: Board, text: str) -> None:
    result = capture.capture_line(board.store, board.meeting.id, text)
    assert result.entry is not None and not result.problems, (text, result.problems)


def take_the_meeting(store: Store) -> Board:
    """The January meeting, as the secretary took it."""
    board = plan_board(store)
    meeting_id, p = board.meeting.id, board.people

    def check_in(who: str, status: AttendanceStatus, when: datetime) -> None:
        attendance.check_in(store, meeting_id, p[who].id, status, now=when)

    # Before the call to order: five voting members (one on the phone), a member who does not
    # vote, staff, and two guests.
    for who in ("michelle", "marty", "grace", "henry", "dana", "nora", "sam"):
        check_in(who, AttendanceStatus.PRESENT, at(8, 55))
    seat(board, "dana", mode=AttendanceMode.PHONE)
    seat(board, "nora", voting=False)
    seat(board, "sam", capacity=AttendanceCapacity.STAFF)
    church = store.find(Organization, short_name="Hope Church")[0]
    attendance.add_guest(store, meeting_id, "Alan Moss", organization_id=church.id, now=at(8, 55))
    attendance.add_guest(store, meeting_id, "Rita Gomez", now=at(8, 55))
    check_in("karen", AttendanceStatus.REGRETS, at(8, 55))
    check_in("pollock", AttendanceStatus.ABSENT, at(8, 55))

    live.open_meeting(store, meeting_id, now=at(9, 10))
    # The chair took her report before roll call.
    live.start_item(store, board.items["report"].id, now=at(9, 12))
    line(board, "The county will fund two more family advocates from March.")
    live.start_item(store, board.items["roll"].id, now=at(9, 25))
    check_in("jack", AttendanceStatus.LATE, at(9, 25))
    check_in("russell", AttendanceStatus.LATE, at(9, 25))
    seat(
        board,
        "russell",
        capacity=AttendanceCapacity.ALTERNATE,
        for_person_id=p["pollock"].id,
    )
    live.start_item(store, board.items["minutes"].id, now=at(9, 30))
    line(
        board,
        "/d Approve the December minutes moved:@marty second:@grace "
        'amend:@henry "correct the date of the retreat to March 4" outcome:unanimous',
    )
    check_in("irene", AttendanceStatus.LATE, at(9, 40))
    live.start_item(store, board.items["budget"].id, now=at(9, 45))
    line(board, "/d Adopt the 2026 budget moved:@michelle second:@dana outcome:tabled")
    line(board, "/a Draft the transport agreement with the schools @michelle @marty due:jan 30")
    for who in ("grace", "henry", "jack"):
        check_in(who, AttendanceStatus.LEFT_EARLY, at(10, 40))
    # At closing the secretary said what became of the items never stepped through.
    closing.settle_untaken(store, board.items["call"].id, ItemState.DONE)
    closing.settle_untaken(store, board.items["transport"].id, ItemState.NOT_REACHED)
    closing.close_meeting(store, meeting_id, now=at(11, 4))
    return replace(board, meeting=store.get(Meeting, meeting_id))


@pytest.fixture
def board(store: Store) -> Board:
    return take_the_meeting(store)


def test_the_minutes_read_as_a_board_secretary_keeps_them(board: Board) -> None:
    markdown = render_minutes(board.minutes())
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(markdown, encoding="utf-8")
    assert markdown == GOLDEN.read_text(encoding="utf-8")


def test_the_header_says_when_it_really_ran_and_who_presided(board: Board) -> None:
    rows = dict(board.minutes().header_rows())
    assert rows["Date"] == "Thursday, January 15, 2026, 09:00–11:00 EST"
    assert rows["Called to order"] == "09:10 EST"
    assert rows["Adjourned"] == "11:04 EST"
    assert rows["Presiding"] == "Michelle Ortiz"


def test_attendance_says_who_sat_in_which_capacity(board: Board) -> None:
    summary = board.minutes().attendance
    assert summary is not None
    groups = {g.organization: g.people for g in summary.present}
    assert groups["DCS"] == ("Dana Lee (by phone)", "Sam Taylor (staff)")
    assert groups["Sheriff"] == ("Captain Ann Russell for Colonel James Pollock (arrived 09:25)",)
    assert groups["Hope Church"] == ("Alan Moss (guest)",)
    assert groups["Other members"] == (
        "Michelle Ortiz",
        "Marty Klein",
        "Grace Hill (left 10:40)",
        "Henry Park (left 10:40)",
        "Judge Nora Bell (non-voting)",
        "Jack Ruiz (arrived 09:25) (left 10:40)",
        "Irene Cho (arrived 09:40)",
    )
    assert summary.guests == ("Rita Gomez",)
    assert summary.regrets == ("Karen Wu",)
    assert summary.absent == ()  # Colonel Pollock was represented


def test_quorum_reads_as_it_happened(board: Board) -> None:
    quorum = board.minutes().quorum
    assert quorum is not None
    assert quorum.summary == (
        "Quorum: reached at 09:25 with 7 members (6 needed); "
        "lost at 10:40 with 5 members (6 needed)."
    )


def test_each_motion_shows_how_it_was_moved_and_the_count_when_taken(board: Board) -> None:
    decisions = {d.text: d for d in board.minutes().decisions}
    approval = decisions["Approve the December minutes"]
    assert approval.how() == (
        "Motion",
        "Moved by Marty Klein, seconded by Grace Hill; carried unanimously",
    )
    assert approval.amendments == (
        "correct the date of the retreat to March 4 (moved by Henry Park; adopted)",
    )
    assert ("Taken with 7 members present (6 needed)", "") in approval.further()
    budget = decisions["Adopt the 2026 budget"]
    assert budget.how() == ("Motion", "Moved by Michelle Ortiz, seconded by Dana Lee; tabled")
    assert ("Taken with 8 members present (6 needed)", "") in budget.further()


def test_items_follow_the_order_taken(board: Board) -> None:
    # In the order taken, each with the number the sent agenda gave it (Roll Call was 2).
    sections = board.minutes().items
    assert [(s.number, s.title, s.state_note) for s in sections] == [
        (1, "Call to Order", ""),
        (3, "Chair's Report", ""),
        (2, "Roll Call", ""),
        (4, "Approval of the December Minutes", ""),
        (5, "2026 Budget", ""),
        (6, "Transportation Update", "Not reached."),
    ]
    action = sections[4].actions[0]
    assert action.owner == "Michelle Ortiz, Marty Klein"
