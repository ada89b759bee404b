"""Offices beside meeting roles (issue #17): a body's officers with terms, who presided, the chair
who facilitates, and two roles for one person when the series allows it."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from facilitate.cli import cli
from facilitate.models import Meeting, MeetingSeries, Office, Person, RoleAssignment
from facilitate.models.enums import AttendanceMode, AttendanceStatus, MeetingStatus
from facilitate.models.meeting import RoleDef
from facilitate.services import quorum
from facilitate.services.lead import roles
from facilitate.services.people import offices
from facilitate.services.people.offices import OfficeError
from facilitate.services.run import attendance
from facilitate.store import Store

from .helpers.demo_lookup import person, upcoming


def _series(store: Store, meeting: Meeting) -> MeetingSeries:
    return store.get(MeetingSeries, meeting.series_id)


def _facilitator(store: Store, meeting: Meeting) -> str:
    suggestion = roles.suggest(store, meeting.id)
    roles.accept(store, meeting.id, suggestion)
    chosen = suggestion.for_role("facilitator").person_id
    assert chosen is not None
    return chosen


def test_the_chair_who_facilitates_is_accepted(demo_store: Store) -> None:
    meeting = upcoming(demo_store)
    series = _series(demo_store, meeting)
    series.roles = [*series.roles, RoleDef(key="chair", name="Chair")]
    demo_store.save(series)
    facilitator = _facilitator(demo_store, meeting)
    # The issue: "RolesError: … already holds facilitator".
    roles.override(demo_store, meeting.id, "chair", facilitator, "our chair facilitates")
    held = {a.role_key: a.person_id for a in demo_store.find(RoleAssignment, meeting_id=meeting.id)}
    assert held["chair"] == held["facilitator"] == facilitator
    # And the office itself, kept on the body, is no meeting role at all.
    office = offices.set_office(
        demo_store, series.body_id, "Chair", facilitator, starts_on=date(2026, 1, 1)
    )
    assert offices.presiding(demo_store, meeting.id) == demo_store.get(Person, facilitator)
    assert office.title == "Chair"


def test_two_roles_only_when_the_series_says_so(demo_store: Store) -> None:
    meeting = upcoming(demo_store)
    facilitator = _facilitator(demo_store, meeting)
    with pytest.raises(roles.RolesError, match="already holds facilitator"):
        roles.override(demo_store, meeting.id, "timekeeper", facilitator, "short-handed")
    series = _series(demo_store, meeting)
    series.roles_may_double = True
    demo_store.save(series)
    roles.override(demo_store, meeting.id, "timekeeper", facilitator, "short-handed")
    timekeeper = demo_store.find(RoleAssignment, meeting_id=meeting.id, role_key="timekeeper")
    assert timekeeper[0].person_id == facilitator


def test_the_rotation_still_balances_when_roles_may_double(demo_store: Store) -> None:
    meeting = upcoming(demo_store)
    series = _series(demo_store, meeting)
    before = roles.suggest(demo_store, meeting.id).chosen()
    series.roles_may_double = True
    demo_store.save(series)
    after = roles.suggest(demo_store, meeting.id).chosen()
    assert after == before
    assert len(set(after.values())) == len(after), "the suggestion still spreads the roles"


def test_an_office_changes_hands_and_keeps_its_history(demo_store: Store) -> None:
    # The core team: the demo's steering committee has co-chairs already.
    body_id = _series(demo_store, upcoming(demo_store, "Core")).body_id
    dana, keisha = person(demo_store, "Dana Whitfield"), person(demo_store, "Keisha Brown")
    offices.set_office(demo_store, body_id, "Chair", dana.id, starts_on=date(2025, 1, 1))
    offices.set_office(demo_store, body_id, "chair", keisha.id, starts_on=date(2026, 7, 1))
    terms = sorted(
        ((o.person_id, o.starts_on, o.ends_on) for o in demo_store.find(Office, body_id=body_id)),
        key=lambda term: term[1] or date.min,
    )
    assert terms == [
        (dana.id, date(2025, 1, 1), date(2026, 6, 30)),
        (keisha.id, date(2026, 7, 1), None),
    ]
    on_day = offices.officers(demo_store, body_id, date(2026, 3, 1))
    assert [(line.office.title, line.person) for line in on_day] == [("Chair", "Dana Whitfield")]
    with pytest.raises(offices.OfficeError, match="From: Keisha Brown is chair"):
        offices.set_office(demo_store, body_id, "Chair", dana.id, starts_on=date(2026, 7, 1))
    with pytest.raises(offices.OfficeError, match="Title"):
        offices.set_office(demo_store, body_id, "  ", dana.id)


def test_who_presided_defaults_to_the_chair_and_can_be_recorded(demo_store: Store) -> None:
    meeting = upcoming(demo_store, "Core")
    body_id = _series(demo_store, meeting).body_id
    assert offices.presiding(demo_store, meeting.id) is None
    vice = person(demo_store, "Sofia Alvarez")
    offices.set_office(demo_store, body_id, "Vice chair", vice.id)
    assert offices.presiding(demo_store, meeting.id) == vice
    day = meeting.starts_at.date()
    chair = person(demo_store, "Dana Whitfield")
    offices.set_office(demo_store, body_id, "Chair", chair.id, starts_on=day + timedelta(days=1))
    assert offices.presiding(demo_store, meeting.id) == vice, "not chair yet on that day"
    judge = person(demo_store, "Judge Ellen Marsh")
    attendance.check_in(demo_store, meeting.id, judge.id)
    offices.set_presiding(demo_store, meeting.id, judge.id)
    assert offices.presiding(demo_store, meeting.id) == judge


def test_only_someone_at_the_table_may_preside(demo_store: Store) -> None:
    meeting = upcoming(demo_store, "Core")
    dana, judge = person(demo_store, "Dana Whitfield"), person(demo_store, "Judge Ellen Marsh")
    attendance.check_in(demo_store, meeting.id, judge.id, AttendanceStatus.LATE)
    attendance.check_in(demo_store, meeting.id, dana.id, AttendanceStatus.REGRETS)
    assert offices.presiding_candidates(demo_store, meeting.id) == [judge]
    with pytest.raises(OfficeError, match="Presiding: Dana Whitfield is not at the table"):
        offices.set_presiding(demo_store, meeting.id, dana.id)
    assert demo_store.get(Meeting, meeting.id).presided_by_person_id is None


def test_office_commands(demo_store: Store, db_path: Path) -> None:
    meeting = upcoming(demo_store)
    assert meeting.status is MeetingStatus.PLANNED
    demo_store.close()
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(cli, ["--db", str(db_path), *args])
        assert result.exit_code == 0, result.output
        return result.output

    said = run("office", "set", "steering", "Chair", "Dana Whitfield", "--from", "2026-01-01")
    assert (
        said.strip()
        == "Dana Whitfield is Chair of Partnership Steering Committee (from 2026-01-01)."
    )
    listed = run("office", "list", "steering")
    assert "Chair            Dana Whitfield (from 2026-01-01)" in listed
    presided = run("office", "presided", meeting.id)
    assert presided.strip().endswith("presided by Dana Whitfield")
    bad = runner.invoke(
        cli, ["--db", str(db_path), "office", "set", "steering", "Chair", "Nobody Known"]
    )
    assert bad.exit_code == 1 and "No person called “Nobody Known”" in bad.output
    late = runner.invoke(
        cli, ["--db", str(db_path), "office", "set", "steering", "Chair", "Dana", "--from", "x"]
    )
    assert late.exit_code == 1 and "--from" in late.output


def test_an_office_given_by_mistake_is_removed_and_a_real_one_ended(
    demo_store: Store, db_path: Path
) -> None:
    demo_store.close()
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(cli, ["--db", str(db_path), *args])
        assert result.exit_code == 0, result.output
        return result.output

    run("office", "set", "steering", "Secretary", "Marcus Reyes", "--from", "2026-12-01")
    removed = run("office", "remove", "steering", "Secretary", "Marcus Reyes")
    assert removed.startswith("Removed: Marcus Reyes as Secretary")
    assert "Marcus Reyes" not in run("office", "list", "steering")
    # The right person can now be given it from the same day.
    run("office", "set", "steering", "Secretary", "Keisha Brown", "--from", "2026-12-01")
    ended = run("office", "end", "steering", "Secretary", "Keisha", "--on", "2027-06-30")
    assert "(2026-12-01 to 2027-06-30)" in ended
    missing = runner.invoke(
        cli, ["--db", str(db_path), "office", "remove", "steering", "Treasurer", "Keisha"]
    )
    assert missing.exit_code == 1 and "holds no such office" in missing.output


def test_the_demo_has_co_chairs_who_facilitate_a_stand_in_and_a_phone(demo_store: Store) -> None:
    october = demo_store.find(Meeting, status=MeetingStatus.CLOSED)[0]
    body_id = _series(demo_store, october).body_id
    co_chairs = offices.officers(demo_store, body_id, october.starts_at.date())
    assert sorted(line.person for line in co_chairs) == ["Dana Whitfield", "Lorraine Whitecloud"]
    facilitated = {
        a.person_id
        for a in demo_store.find(RoleAssignment, role_key="facilitator")
        if a.person_id is not None
    }
    assert {line.office.person_id for line in co_chairs} <= facilitated
    # Lorraine sent regrets; her co-chair presided, and Joseph Redhorse sat for her.
    presided = offices.presiding(demo_store, october.id)
    assert presided is not None and presided.name == "Dana Whitfield"
    lines = {line.name: line for line in attendance.roster(demo_store, october.id)}
    assert lines["Lorraine Whitecloud"].stand_in == "Joseph Redhorse"
    assert lines["Joseph Redhorse"].sits_for == "Lorraine Whitecloud"
    tasha = lines["Tasha Greene"].attendance
    assert tasha is not None and tasha.mode is AttendanceMode.PHONE
    assert quorum.quorum(demo_store, october.id).counted == 8
