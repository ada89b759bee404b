"""The opening screen driven by keys on the demo steering committee: check-in, guests, quorum,
roles and ground rules, checked against the reopened file."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Select, Static

from facilitate.models import Attendance, Meeting, RoleAssignment
from facilitate.models.enums import AttendanceStatus, MeetingStatus
from facilitate.services.run import attendance, live
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.guest import GuestDialog
from facilitate.tui.screens.opening import OpeningScreen
from facilitate.tui.screens.roles import RolesScreen

from .conftest import TODAY
from .helpers.demo_lookup import org, person, upcoming


async def _type(pilot: Pilot[None], text: str) -> None:
    await pilot.press(*("space" if char == " " else char for char in text))


def _text(app: FacilitateApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def _names(app: FacilitateApp) -> list[str]:
    table = app.screen.query_one("#attendance", DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


def _row(app: FacilitateApp, name: str) -> list[str]:
    table = app.screen.query_one("#attendance", DataTable)
    return [str(c) for c in table.get_row_at(_names(app).index(name))]


async def _highlight(app: FacilitateApp, pilot: Pilot[None], name: str) -> None:
    app.screen.query_one("#attendance", DataTable).move_cursor(row=_names(app).index(name))
    await pilot.pause()


@contextmanager
def _reopened(db_path: Path) -> Iterator[Store]:
    store = Store.open(db_path)
    try:
        yield store
    finally:
        store.close()


def _stored_statuses(db_path: Path, meeting: Meeting) -> dict[str, AttendanceStatus]:
    with _reopened(db_path) as store:
        lines = attendance.roster(store, meeting.id)
        return {line.name: line.status for line in lines if line.status is not None}


async def test_roll_call_by_keys_moves_the_quorum_line(demo_store: Store, db_path: Path) -> None:
    meeting = upcoming(demo_store)
    live.open_meeting(demo_store, meeting.id)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(OpeningScreen(meeting.id))
        await pilot.pause()
        assert _text(app, "#quorum") == (
            "✗ Quorum NOT met: 0 members present (6 needed); required organizations "
            "(Cedar River ICWA, Parent Partners): missing Cedar River ICWA, Parent Partners."
        )
        assert _row(app, "Sofia Alvarez") == ["Sofia Alvarez", "Northside FRC", "member", "—"]
        # Roll call: p checks the highlighted person in and moves on to the next one.
        await _highlight(app, pilot, "Dana Whitfield")
        assert _names(app)[_names(app).index("Dana Whitfield") + 1] == "Marcus Reyes"
        await pilot.press("p", "p")
        await pilot.pause()
        for name in ("Lorraine Whitecloud", "Keisha Brown", "Priya Natarajan"):
            await _highlight(app, pilot, name)
            await pilot.press("p")
            await pilot.pause()
        assert _text(app, "#quorum") == (
            "✗ Quorum NOT met: 5 members present (6 needed); "
            "required organizations (Cedar River ICWA, Parent Partners): missing Parent Partners."
        )
        await _highlight(app, pilot, "Tasha Greene")
        await pilot.press("l")
        await pilot.pause()
        quorum = app.screen.query_one("#quorum", Static)
        assert str(quorum.render()) == (
            "✓ Quorum met: 6 members present (6 needed); "
            "required organizations present (Cedar River ICWA, Parent Partners)."
        )
        assert quorum.has_class("-met")
        assert _row(app, "Tasha Greene")[3] == "late"
        # Priya leaves early: she no longer counts, and the line says so at once.
        await _highlight(app, pilot, "Priya Natarajan")
        await pilot.press("e")
        await _highlight(app, pilot, "Judge Ellen Marsh")
        await pilot.press("r")
        await pilot.pause()
        assert _text(app, "#quorum").startswith("✗ Quorum NOT met: 5 members present (6 needed);")
        assert not quorum.has_class("-met")
        assert _row(app, "Priya Natarajan")[3] == "left early"
        assert _row(app, "Judge Ellen Marsh")[3] == "regrets"
        assert _row(app, "Sofia Alvarez")[3] == "—"
    assert _stored_statuses(db_path, meeting) == {
        "Dana Whitfield": AttendanceStatus.PRESENT,
        "Marcus Reyes": AttendanceStatus.PRESENT,
        "Lorraine Whitecloud": AttendanceStatus.PRESENT,
        "Keisha Brown": AttendanceStatus.PRESENT,
        "Priya Natarajan": AttendanceStatus.LEFT_EARLY,
        "Tasha Greene": AttendanceStatus.LATE,
        "Judge Ellen Marsh": AttendanceStatus.REGRETS,
    }


async def test_a_guest_added_on_the_spot_can_speak_for_an_organization(
    demo_store: Store, db_path: Path
) -> None:
    meeting = upcoming(demo_store)
    live.open_meeting(demo_store, meeting.id)
    for name in ("Dana Whitfield", "Marcus Reyes", "Lorraine Whitecloud", "Keisha Brown"):
        attendance.check_in(demo_store, meeting.id, person(demo_store, name).id)
    attendance.check_in(demo_store, meeting.id, person(demo_store, "Sofia Alvarez").id)
    attendance.check_in(demo_store, meeting.id, person(demo_store, "Priya Natarajan").id)
    parent_partners = org(demo_store, "Parent Partners")
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(OpeningScreen(meeting.id))
        await pilot.pause()
        assert _text(app, "#quorum").endswith("missing Parent Partners.")
        # A nameless guest is refused in the form, which stays open.
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, GuestDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GuestDialog)
        assert "Name is empty" in _text(app, "#error")
        await _type(pilot, "Ana Ruiz")
        app.screen.query_one("#guest-org", Select).value = parent_partners.id
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, OpeningScreen)
        assert _row(app, "Ana Ruiz") == ["Ana Ruiz", "Parent Partners", "guest", "present"]
        assert _names(app)[-1] == "Ana Ruiz", "guests come after the members"
        assert _text(app, "#quorum") == (
            "✓ Quorum met: 6 members present (6 needed); "
            "required organizations present (Cedar River ICWA, Parent Partners)."
        )
        # A guest's status changes with the same keys; cancelling the dialog adds nobody.
        await _highlight(app, pilot, "Ana Ruiz")
        await pilot.press("e")
        await pilot.pause()
        assert _row(app, "Ana Ruiz")[3] == "left early"
        await pilot.press("g")
        await pilot.pause()
        await _type(pilot, "Nobody")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, OpeningScreen)
        assert "Nobody" not in _names(app)
    with _reopened(db_path) as store:
        guests = [r for r in store.find(Attendance, meeting_id=meeting.id) if r.guest_name]
        assert [(g.guest_name, g.organization_id, g.status) for g in guests] == [
            ("Ana Ruiz", parent_partners.id, AttendanceStatus.LEFT_EARLY)
        ]
        assert not attendance.quorum(store, meeting.id).met


async def test_roles_and_ground_rules_are_settled_from_the_opening(
    demo_store: Store, db_path: Path
) -> None:
    meeting = upcoming(demo_store)
    live.open_meeting(demo_store, meeting.id)
    rules = live.rules_to_agree(demo_store, meeting.id)
    assert rules is not None
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        underneath = app.screen
        app.push_screen(OpeningScreen(meeting.id))
        await pilot.pause()
        assert "not set for today" in _text(app, "#today-roles")
        shown = app.screen.query_one("#rules-today", DataTable)
        assert [str(shown.get_row_at(i)[1]) for i in range(shown.row_count)] == [
            r.text for r in rules.rules
        ]
        assert _text(app, "#rules-status").startswith("Ground rules to agree (a): version 1")
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, RolesScreen)
        await pilot.press("a", "escape")
        await pilot.pause()
        assert isinstance(app.screen, OpeningScreen)
        # The suggestion (see test_roles) puts Sofia Alvarez in the chair.
        assert "Facilitator: Sofia Alvarez" in _text(app, "#today-roles")
        assert "(open)" not in _text(app, "#today-roles")
        await pilot.press("a")
        await pilot.pause()
        status = app.screen.query_one("#rules-status", Static)
        assert str(status.render()).startswith("✓ Ground rules agreed: version 1")
        assert status.has_class("-agreed")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is underneath
    with _reopened(db_path) as store:
        assert store.get(Meeting, meeting.id).ground_rule_version_id == rules.version.id
        held = store.find(RoleAssignment, meeting_id=meeting.id, role_key="facilitator")
        assert [person(store, "Sofia Alvarez").id] == [a.person_id for a in held]


async def test_check_in_refused_once_the_minutes_are_approved(
    demo_store: Store, db_path: Path
) -> None:
    approved = demo_store.find(Meeting, status=MeetingStatus.APPROVED, order_by="starts_at")[0]
    before = _stored_statuses(db_path, approved)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(OpeningScreen(approved.id))
        await pilot.pause()
        await _highlight(app, pilot, "Dana Whitfield")
        await pilot.press("r")
        await pilot.pause()
        assert _row(app, "Dana Whitfield")[3] == "present"
        assert any("approved" in str(n.message) for n in app._notifications)
    assert _stored_statuses(db_path, approved) == before
    assert before["Dana Whitfield"] is AttendanceStatus.PRESENT
