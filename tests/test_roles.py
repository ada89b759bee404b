"""Role rotation in the record and on screen: suggest, accept, override with a reason, report."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.widgets import DataTable, Input, Select

from facilitate.cli import cli
from facilitate.models import Meeting, MeetingSeries, Person, RoleAssignment
from facilitate.services.lead import roles
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.screens.fairness import FairnessScreen
from facilitate.tui.screens.roles import RolesScreen

from .conftest import TODAY


def _upcoming_steering(store: Store) -> Meeting:
    return next(
        m
        for m in store.find(Meeting, order_by="starts_at")
        if m.status == "planned" and m.title.startswith("Steering")
    )


def _free_member(store: Store, meeting: Meeting) -> Person:
    """An available member willing to keep time who holds no suggested role (ids are random, so
    tie-breaks, and with them who is free, differ between demo builds)."""
    chosen = set(roles.suggest(store, meeting.id).chosen().values())
    return next(
        p
        for p in store.find(Person, order_by="name")
        if p.id not in chosen
        and "timekeeper" in p.willing_roles
        and meeting.starts_at.date() not in p.unavailable
        and p.name in {c.name for c in roles.candidates(store, _series(store, meeting))}
    )


def _series(store: Store, meeting: Meeting) -> MeetingSeries:
    return store.get(MeetingSeries, meeting.series_id)


def test_suggestion_skips_unavailable_and_explains(demo_store: Store) -> None:
    meeting = _upcoming_steering(demo_store)
    suggestion = roles.suggest(demo_store, meeting.id)
    priya = demo_store.find(Person, name="Priya Natarajan")[0]
    assert meeting.starts_at.date() in priya.unavailable
    chosen = suggestion.chosen()
    assert priya.id not in chosen.values()
    assert len(set(chosen.values())) == len(chosen), "one role per person"
    facilitator = suggestion.for_role("facilitator")
    # Northside FRC is the only organization with a ready facilitator that has not facilitated.
    assert facilitator.person_name == "Sofia Alvarez"
    assert "Northside FRC" in facilitator.why


def test_accept_then_override_keeps_suggested_beside_chosen(demo_store: Store) -> None:
    meeting = _upcoming_steering(demo_store)
    suggestion = roles.suggest(demo_store, meeting.id)
    roles.accept(demo_store, meeting.id, suggestion)
    busy = suggestion.for_role("facilitator").person_id
    marcus = _free_member(demo_store, meeting)
    with pytest.raises(roles.RolesError, match="why"):
        roles.override(demo_store, meeting.id, "timekeeper", marcus.id, "  ")
    with pytest.raises(roles.RolesError, match="already holds"):
        roles.override(demo_store, meeting.id, "timekeeper", busy, "swap")
    roles.override(demo_store, meeting.id, "timekeeper", marcus.id, "Lorraine arrives late")
    held = demo_store.find(RoleAssignment, meeting_id=meeting.id, role_key="timekeeper")[0]
    assert held.person_id == marcus.id
    assert held.suggested_person_id == suggestion.for_role("timekeeper").person_id
    row = next(
        r
        for r in roles.history_rows(demo_store, meeting.series_id)
        if r.meeting_id == meeting.id and r.role_key == "timekeeper"
    )
    assert row.overridden and row.override_reason == "Lorraine arrives late"
    report = roles.report(demo_store, meeting.series_id)
    assert report.person(marcus.id).by_role["timekeeper"].count == 1


async def test_roles_screen_accept_override_history_and_report(demo_store: Store) -> None:
    meeting = _upcoming_steering(demo_store)
    marcus = _free_member(demo_store, meeting)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        app.push_screen(RolesScreen(meeting.id))
        await pilot.pause()
        table = app.screen.query_one("#roles", DataTable)
        assert str(table.get_row_at(0)[3]) == "suggested"
        await pilot.press("a")
        await pilot.pause()
        assert str(table.get_row_at(0)[3]) == "accepted"
        # Override the timekeeper (fourth role) with a free member, giving a reason.
        await pilot.press("down", "down", "down", "o")
        await pilot.pause()
        app.screen.query_one("#person", Select).value = marcus.id
        app.screen.query_one("#reason", Input).focus()
        for char in "Lorraine arrives late":
            await pilot.press(char)
        await pilot.press("enter")
        await pilot.pause()
        row = [str(c) for c in table.get_row_at(3)]
        assert row[1] == marcus.name
        assert row[3] == "overridden: Lorraine arrives late"
        history = app.screen.query_one("#role-history", DataTable)
        rows = [[str(c) for c in history.get_row_at(i)] for i in range(history.row_count)]
        assert ["Timekeeper", marcus.name] in [r[1:3] for r in rows]
        assert any(r[4] == "Lorraine arrives late" for r in rows)
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FairnessScreen)
        people = app.screen.query_one("#fair-people", DataTable)
        marcus_row = next(
            [str(c) for c in people.get_row_at(i)]
            for i in range(people.row_count)
            if str(people.get_row_at(i)[0]) == marcus.name
        )
        # Columns: person, facilitator, co-facilitator, note-taker, timekeeper, observer, ...
        assert marcus_row[4] == "1"


def test_roles_cli_suggest_accept_and_report(demo_store: Store, db_path: Path) -> None:
    # The demo is built for the suite's fixed TODAY (its next steering meeting is in November),
    # never for the calendar's today.
    db = db_path
    demo_store.close()
    runner = CliRunner()
    suggested = runner.invoke(
        cli, ["--db", str(db), "roles", "suggest", "November 2026", "--accept"]
    )
    assert suggested.exit_code == 0, suggested.output
    assert "Sofia Alvarez" in suggested.output and "Recorded" in suggested.output
    report = runner.invoke(cli, ["--db", str(db), "roles", "report", "steering"])
    assert report.exit_code == 0, report.output
    sofia = next(line for line in report.output.splitlines() if line.startswith("Sofia"))
    assert sofia.split()[2] == "1"  # facilitated once, counted after --accept
    bad = runner.invoke(cli, ["--db", str(db), "roles", "report", "steering", "--since", "soon"])
    assert bad.exit_code == 1 and "could not read date" in bad.output
