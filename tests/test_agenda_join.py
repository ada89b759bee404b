"""How to join a meeting: set from the command line or when the meeting is planned, printed in
the agenda and the invitation; a meeting with neither a place nor a way to join gets no
invitation, and says why."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from icalendar import Calendar

from facilitate.cli import cli
from facilitate.export.agenda_files import AGENDA_RENDERERS
from facilitate.models import Meeting, ShareRecord
from facilitate.models.enums import Visibility
from facilitate.services.plan import agenda
from facilitate.services.plan.join_info import JoinInfoError, set_join_info
from facilitate.services.share.agenda_out import InvitationError, export_agenda
from facilitate.services.share.sharing import ExportFormat
from facilitate.store import Store

from .test_agenda_out import NOW, next_steering

JOIN = "Video: https://meet.example.org/steering · Phone: +1 555 0100, code 4471#"


def _export(store: Store, meeting_id: str, fmt: ExportFormat, out: Path) -> Path:
    (written,) = export_agenda(
        store, meeting_id, Visibility.PARTNERS, [fmt], out, AGENDA_RENDERERS, now=NOW
    )
    return written.path


def test_join_info_is_in_the_agenda_and_the_invitation(demo_store: Store, tmp_path: Path) -> None:
    meeting = next_steering(demo_store)
    set_join_info(demo_store, meeting.id, f"  {JOIN}  ")
    assert demo_store.get(Meeting, meeting.id).join_info == JOIN
    markdown = _export(demo_store, meeting.id, ExportFormat.MD, tmp_path).read_text("utf-8")
    assert "- **How to join:** Video: https://meet.example.org/steering" in markdown
    calendar = Calendar.from_ical(
        _export(demo_store, meeting.id, ExportFormat.ICS, tmp_path).read_bytes()
    )
    (event,) = calendar.walk("VEVENT")
    assert f"How to join: {JOIN}" in str(event["DESCRIPTION"])
    assert str(event["LOCATION"]).startswith("Northside Family Resource Center")


def test_a_new_way_to_join_raises_the_sequence(demo_store: Store, tmp_path: Path) -> None:
    meeting = next_steering(demo_store)

    def sequence(folder: str) -> int:
        path = _export(demo_store, meeting.id, ExportFormat.ICS, tmp_path / folder)
        (event,) = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
        return int(str(event["SEQUENCE"]))

    assert sequence("a") == 0
    set_join_info(demo_store, meeting.id, JOIN)
    assert sequence("b") == 1
    assert sequence("c") == 1


def test_online_only_meeting_is_located_by_how_to_join(demo_store: Store, tmp_path: Path) -> None:
    meeting = next_steering(demo_store)
    meeting.location = ""
    demo_store.update_fields(meeting, ["location"])
    set_join_info(demo_store, meeting.id, "https://meet.example.org/steering")
    path = _export(demo_store, meeting.id, ExportFormat.ICS, tmp_path)
    (event,) = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert str(event["LOCATION"]) == "https://meet.example.org/steering"


def test_no_place_and_no_way_to_join_names_what_is_missing(
    demo_store: Store, tmp_path: Path
) -> None:
    meeting = next_steering(demo_store)
    meeting.location = ""
    demo_store.update_fields(meeting, ["location"])
    with pytest.raises(InvitationError, match="no place is set, nor how to join"):
        _export(demo_store, meeting.id, ExportFormat.ICS, tmp_path / "out")
    assert demo_store.find(ShareRecord) == []
    # The agenda itself still goes: it says the place is to be announced.
    markdown = _export(demo_store, meeting.id, ExportFormat.MD, tmp_path)
    assert "- **Where:** Place to be announced" in markdown.read_text("utf-8")


def test_join_info_too_long_is_refused(demo_store: Store) -> None:
    meeting = next_steering(demo_store)
    with pytest.raises(JoinInfoError, match="keep it under 1000"):
        set_join_info(demo_store, meeting.id, "x" * 1001)
    assert demo_store.get(Meeting, meeting.id).join_info == ""


def test_cli_sets_and_clears_join_info(demo_store: Store) -> None:
    meeting = next_steering(demo_store)
    runner = CliRunner()
    db = ["--db", str(demo_store.path), "meetings", "join", meeting.title]
    done = runner.invoke(cli, [*db, JOIN])
    assert done.exit_code == 0, done.output
    assert demo_store.get(Meeting, meeting.id).join_info == JOIN
    shown = runner.invoke(cli, ["--db", str(demo_store.path), "agenda", "show", meeting.title])
    assert f"How to join: {JOIN}" in shown.output
    cleared = runner.invoke(cli, [*db, ""])
    assert cleared.exit_code == 0 and "(not set)" in cleared.output
    assert demo_store.get(Meeting, meeting.id).join_info == ""


def test_a_new_meeting_is_planned_with_how_to_join(demo_store: Store) -> None:
    series_id = next_steering(demo_store).series_id
    when = datetime(2027, 1, 12, 13)
    planned = agenda.create_meeting(
        demo_store, agenda.MeetingPlan(series_id=series_id, starts_at=when, join_info=f" {JOIN} ")
    )
    assert demo_store.get(Meeting, planned.id).join_info == JOIN
    before = len(demo_store.find(Meeting))
    with pytest.raises(JoinInfoError, match="keep it under 1000"):
        agenda.create_meeting(
            demo_store,
            agenda.MeetingPlan(series_id=series_id, starts_at=when, join_info="x" * 1001),
        )
    assert len(demo_store.find(Meeting)) == before  # refused whole: no meeting without it


def test_cli_new_meeting_takes_join_or_the_latest_meetings(demo_store: Store) -> None:
    latest = next_steering(demo_store)
    set_join_info(demo_store, latest.id, JOIN)
    runner = CliRunner()
    command = ["--db", str(demo_store.path), "agenda", "new", "steering", "--no-carry-over"]

    def new(day: str, *extra: str) -> Meeting:
        done = runner.invoke(cli, [*command, "--date", day, *extra])
        assert done.exit_code == 0, done.output
        (made,) = [m for m in demo_store.find(Meeting) if m.starts_at.date().isoformat() == day]
        return made

    assert new("2027-01-12").join_info == JOIN  # a standing link carries on
    assert new("2027-02-09", "--join", "Room 4, side door").join_info == "Room 4, side door"
    assert new("2027-03-09", "--join", "").join_info == ""
    refused = runner.invoke(cli, [*command, "--date", "2027-04-13", "--join", "x" * 1001])
    assert refused.exit_code == 1
    assert refused.output.startswith("facilitate: how to join: 1001 characters")
