"""Line mode (`facilitate capture`) on a meeting planned for another day: a script is refused
unless it says `--today`; a person at a terminal is asked, as on Home."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pexpect  # type: ignore[import-untyped]
import pytest

from facilitate.models import Meeting
from facilitate.models.enums import MeetingStatus
from facilitate.services.plan import agenda
from facilitate.store import Store

from .helpers.demo_lookup import upcoming

FACILITATE = [sys.executable, "-m", "facilitate"]


def _away(store: Store) -> Meeting:
    """The demo's next steering meeting, planned three days from the real today (never today:
    the command reads the computer's date)."""
    meeting = upcoming(store)
    meeting.starts_at = datetime.combine(date.today() + timedelta(days=3), meeting.starts_at.time())
    store.update_fields(meeting, ["starts_at"])
    return meeting


def _stored(db_path: Path, meeting_id: str) -> Meeting:
    store = Store.open(db_path)
    try:
        return store.get(Meeting, meeting_id)
    finally:
        store.close()


def _pipe(db_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*FACILITATE, "--db", str(db_path), "capture", *args],
        input="Families want evening sessions\n",
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_script_is_refused_a_meeting_of_another_day(demo_store: Store, db_path: Path) -> None:
    meeting = _away(demo_store)
    demo_store.close()
    done = _pipe(db_path, meeting.id[:8])
    assert done.returncode == 1
    planned = meeting.starts_at.date()
    assert f"planned for {planned:%a %b} {planned.day}, not today" in done.stderr
    assert "add --today to hold it today" in done.stderr
    assert _stored(db_path, meeting.id) == meeting


def test_with_today_a_script_moves_it_to_today(demo_store: Store, db_path: Path) -> None:
    meeting = _away(demo_store)
    demo_store.close()
    before = date.today()
    done = _pipe(db_path, meeting.id[:8], "--today")
    assert done.returncode == 0, done.stderr
    held = _stored(db_path, meeting.id)
    assert held.status is MeetingStatus.LIVE
    assert held.starts_at.date() in {before, date.today()}
    assert f"Moved to today, {held.starts_at:%a %b} {held.starts_at.day}." in done.stdout


@pytest.mark.slow
def test_at_a_terminal_it_asks_and_no_leaves_it_planned(demo_store: Store, db_path: Path) -> None:
    meeting = _away(demo_store)
    items = agenda.items(demo_store, meeting.id)
    demo_store.close()
    planned = meeting.starts_at.date()

    def spawn() -> pexpect.spawn:
        return pexpect.spawn(
            FACILITATE[0],
            [*FACILITATE[1:], "--db", str(db_path), "capture", meeting.id[:8]],
            env={**os.environ, "TERM": "dumb"},
            encoding="utf-8",
            timeout=60,
        )

    # The CLI runs on the computer's day; the question names it.
    question = f"“{meeting.title}” is planned for {planned:%a %b} {planned.day}. Hold it today, "
    term = spawn()
    try:
        term.expect_exact(question)
        term.sendline("n")
        term.expect_exact("Not started: it stays planned for")
        term.expect(pexpect.EOF)
    finally:
        term.close()
    assert _stored(db_path, meeting.id) == meeting

    term = spawn()
    try:
        term.expect_exact(question)
        term.sendline("y")
        term.expect_exact("Moved to today, ")
        term.expect_exact(f"Opened “{meeting.title}”; it is live now.")
        term.expect_exact(f"Item 1 of {len(items)}: {items[0].title}")
        term.sendline(":quit")
        term.expect(pexpect.EOF)
    finally:
        term.close()
    assert _stored(db_path, meeting.id).starts_at.date() != planned
