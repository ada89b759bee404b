"""Cancelling a meeting: only its cancellation fields change, partners get a CANCEL of the same
calendar event with SEQUENCE up, the agenda says so, and the meeting cannot be opened live."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from icalendar import Calendar

from facilitate.cli import cli
from facilitate.export.agenda_files import AGENDA_RENDERERS
from facilitate.models import Meeting, ShareRecord
from facilitate.models.enums import MeetingStatus, Visibility
from facilitate.services.plan.cancel import CancelError, cancel_meeting, uncancel_meeting
from facilitate.services.run.live import LiveError, open_meeting
from facilitate.services.share.agenda_out import (
    InvitationError,
    export_agenda,
    write_cancellation,
)
from facilitate.services.share.sharing import ExportFormat
from facilitate.store import Store

from .test_agenda_out import NOW, next_steering


def _event(path: Path) -> tuple[Calendar, dict[str, str]]:
    calendar = Calendar.from_ical(path.read_bytes())
    (event,) = calendar.walk("VEVENT")
    return calendar, {key: str(event[key]) for key in ("UID", "SEQUENCE", "STATUS")}


def test_cancellation_replaces_the_invitation_in_the_calendar(
    demo_store: Store, tmp_path: Path
) -> None:
    meeting = next_steering(demo_store)
    (invited,) = export_agenda(
        demo_store,
        meeting.id,
        Visibility.PARTNERS,
        [ExportFormat.ICS],
        tmp_path / "one",
        AGENDA_RENDERERS,
        now=NOW,
    )
    first_calendar, first = _event(invited.path)
    assert (str(first_calendar["METHOD"]), first["SEQUENCE"], first["STATUS"]) == (
        "PUBLISH",
        "0",
        "CONFIRMED",
    )
    cancel_meeting(demo_store, meeting.id, "the community room flooded", now=NOW)
    written = write_cancellation(demo_store, meeting.id, tmp_path / "two", AGENDA_RENDERERS)
    assert written.path.name.endswith("-cancellation.ics")
    calendar, cancelled = _event(written.path)
    assert str(calendar["METHOD"]) == "CANCEL"
    assert cancelled == {"UID": first["UID"], "SEQUENCE": "1", "STATUS": "CANCELLED"}
    (event,) = calendar.walk("VEVENT")
    assert "the community room flooded" in str(event["DESCRIPTION"])
    assert len(demo_store.find(ShareRecord, document="invitation")) == 2


def test_cancel_writes_only_its_fields(demo_store: Store) -> None:
    meeting = next_steering(demo_store)
    other_window = demo_store.get(Meeting, meeting.id)
    other_window.location = "County building, room 2"
    demo_store.update_fields(other_window, ["location"])
    cancel_meeting(demo_store, meeting.id, "  snow   storm ", now=NOW)
    after = demo_store.get(Meeting, meeting.id)
    assert (after.location, after.cancel_reason, after.cancelled_at) == (
        "County building, room 2",
        "snow storm",
        NOW,
    )
    uncancel_meeting(demo_store, meeting.id)
    back = demo_store.get(Meeting, meeting.id)
    assert (back.cancelled_at, back.cancel_reason, back.location) == (
        None,
        "",
        "County building, room 2",
    )


def test_cancel_needs_a_reason_and_a_planned_meeting(demo_store: Store) -> None:
    meeting = next_steering(demo_store)
    with pytest.raises(CancelError, match="say why"):
        cancel_meeting(demo_store, meeting.id, "   ")
    held = next(m for m in demo_store.find(Meeting) if m.status is MeetingStatus.CLOSED)
    with pytest.raises(CancelError, match="only a planned meeting"):
        cancel_meeting(demo_store, held.id, "too late")
    with pytest.raises(CancelError, match="is not cancelled"):
        uncancel_meeting(demo_store, meeting.id)


def test_a_cancelled_meeting_cannot_be_opened_live(demo_store: Store) -> None:
    meeting = next_steering(demo_store)
    cancel_meeting(demo_store, meeting.id, "snow storm", now=NOW)
    with pytest.raises(LiveError, match=r"is cancelled \(snow storm\); take the cancellation"):
        open_meeting(demo_store, meeting.id)
    assert demo_store.get(Meeting, meeting.id).status is MeetingStatus.PLANNED
    uncancel_meeting(demo_store, meeting.id)
    assert open_meeting(demo_store, meeting.id) is not None


def test_the_agenda_of_a_cancelled_meeting_says_so(demo_store: Store, tmp_path: Path) -> None:
    meeting = next_steering(demo_store)
    with pytest.raises(InvitationError, match="not cancelled"):
        write_cancellation(demo_store, meeting.id, tmp_path, AGENDA_RENDERERS)
    cancel_meeting(demo_store, meeting.id, "snow storm", now=NOW)
    (written,) = export_agenda(
        demo_store, meeting.id, Visibility.PARTNERS, [ExportFormat.MD], tmp_path, AGENDA_RENDERERS
    )
    text = written.path.read_text(encoding="utf-8")
    assert text.startswith(f"# CANCELLED: Agenda: {meeting.title}")
    assert "**This meeting is cancelled: snow storm**" in text


def test_cli_cancel_and_uncancel(demo_store: Store, tmp_path: Path) -> None:
    meeting = next_steering(demo_store)
    runner = CliRunner()
    db = ["--db", str(demo_store.path), "meetings"]
    no_reason = runner.invoke(cli, [*db, "cancel", meeting.title, "--reason", " "])
    assert no_reason.exit_code == 1
    assert no_reason.stderr.startswith("facilitate: --reason:")
    done = runner.invoke(
        cli, [*db, "cancel", meeting.title, "--reason", "snow storm", "--out", str(tmp_path)]
    )
    assert done.exit_code == 0, done.output
    (ics,) = tmp_path.glob("*-cancellation.ics")
    assert str(Calendar.from_ical(ics.read_bytes())["METHOD"]) == "CANCEL"
    shown = runner.invoke(cli, ["--db", str(demo_store.path), "agenda", "show", meeting.title])
    assert "(cancelled: snow storm)" in shown.output
    back = runner.invoke(cli, [*db, "uncancel", meeting.title])
    assert back.exit_code == 0, back.output
    assert demo_store.get(Meeting, meeting.id).cancelled_at is None
