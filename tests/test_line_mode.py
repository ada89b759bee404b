"""Line mode (`facilitate capture`), driven as its users drive it: a person at a terminal
(through a real pseudo-terminal), and a script piping a file in."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pexpect  # type: ignore[import-untyped]
import pytest

from facilitate.models import ActionItem, Decision, Meeting, Note, ParkingLotItem
from facilitate.models.enums import ItemState, MeetingStatus, Visibility
from facilitate.services.plan import agenda
from facilitate.services.run import attendance, capture, drafts, live
from facilitate.store import Store

from .helpers.demo_lookup import person, upcoming

FACILITATE = [sys.executable, "-m", "facilitate"]


def _entries(db_path: Path, meeting_id: str) -> list[capture.Entry]:
    store = Store.open(db_path)
    try:
        return capture.entries(store, meeting_id)
    finally:
        store.close()


def _pipe(db_path: Path, meeting: str, lines: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*FACILITATE, "--db", str(db_path), "capture", meeting],
        input="".join(f"{line}\n" for line in lines),
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow
def test_a_whole_short_meeting_at_a_terminal(demo_store: Store, db_path: Path) -> None:
    meeting = upcoming(demo_store)
    items = agenda.items(demo_store, meeting.id)
    attendance.check_in(demo_store, meeting.id, person(demo_store, "Dana Whitfield").id)
    demo_store.close()

    term = pexpect.spawn(
        FACILITATE[0],
        [*FACILITATE[1:], "--db", str(db_path), "capture", meeting.id[:8], "--today"],
        env={**os.environ, "TERM": "dumb"},
        encoding="utf-8",
        timeout=60,
        dimensions=(24, 80),
    )
    try:
        term.expect_exact(f"Opened “{meeting.title}”; it is live now.")
        term.expect_exact(f"Item 1 of {len(items)}: {items[0].title}")
        term.expect_exact("1 Welcome, introductions a…> ")

        term.sendline("Families want evening sessions")
        term.expect_exact("Saved note 1: Families want evening sessions")
        term.sendline(":who")
        term.expect_exact("Facilitator: nobody yet")
        term.expect_exact("Here, 1:")
        term.expect_exact("Dana Whitfield, ")
        term.sendline(":rules")
        term.expect_exact("not yet agreed at this meeting:")
        term.expect_exact("1. Start and end on time")

        term.sendline(":next")
        term.expect_exact(f"Item 2 of {len(items)}: {items[1].title}, for decision.")
        term.expect_exact("2 Approve last month's min…> ")
        term.sendline("/d Approve the November minutes method:consent")
        term.expect_exact("Saved decision 1: Approve the November minutes, consent, adopted")

        term.sendline(":next")
        term.sendline("/a Book the room @keisha due:2026-12-18")
        term.expect_exact("Saved action 1: Book the room, Keisha Brown, due Fri Dec 18")
        term.sendline("/a Call the court clerk #internal")
        term.expect_exact("Saved action 2 (internal): Call the court clerk, no owner, no due date")
        term.expect_exact("To finish: no owner yet")
        term.sendline(":undo")
        term.expect_exact(
            "Undone: removed action “Call the court clerk”; it is kept in the history."
        )
        # A line the grammar cannot read is not saved: it is kept as a draft and put back to
        # edit; the corrected line replaces the draft.
        term.sendline("/a Fix the form due:someday")
        term.expect_exact('Not saved: could not read due date "someday"')
        term.expect_exact("Kept as a draft; your line is back to edit.")
        term.expect_exact("3 Follow-up on commitments> /a Fix the form due:someday")
        term.sendcontrol("u")
        term.sendline("/a Fix the form due:2026-12-11")
        term.expect_exact("Saved action 2: Fix the form, no owner, due Fri Dec 11")
        term.sendline(":bogus")
        term.expect_exact("Not done: no command “:bogus”; :help lists them.")

        for number in range(4, len(items) + 1):
            term.sendline(":next")
            term.expect_exact(f"Item {number} of {len(items)}: ")
        term.sendline("/p Transport to treatment")
        term.expect_exact("Saved parking-lot entry 1: Transport to treatment")
        term.sendline(":time")
        term.expect_exact(" left of 10:00. Meeting ")
        term.sendline(":items")
        term.expect_exact("1. Welcome, introductions and ground rules, 10 min, done")
        term.expect_exact(f"{len(items)}. {items[-1].title}, 10 min, now, ")
        term.sendline(":next")
        term.expect_exact("That was the last item.")
        term.sendline(":help")
        term.expect_exact(":undo takes back the last entry")
        term.sendline(":quit")
        term.expect_exact("Ended: 6 saved in this session.")
        term.expect(pexpect.EOF)
    finally:
        term.close()
    assert term.exitstatus == 0

    store = Store.open(db_path)
    try:
        assert store.get(Meeting, meeting.id).status is MeetingStatus.LIVE
        assert {i.state for i in agenda.items(store, meeting.id)} == {ItemState.DONE}
        stored = capture.entries(store, meeting.id)
        assert [type(e) for e in stored] == [Note, Decision, ActionItem, ActionItem, ParkingLotItem]
        assert stored[2].agenda_item_id == items[2].id
        assert drafts.open_drafts(store, meeting.id) == []
    finally:
        store.close()


def test_a_piped_file_records_every_line_and_says_so(demo_store: Store, db_path: Path) -> None:
    meeting = upcoming(demo_store)
    live.open_meeting(demo_store, meeting.id)
    live.start_item(demo_store, agenda.items(demo_store, meeting.id)[0].id)
    demo_store.close()
    done = _pipe(
        db_path,
        meeting.id,
        [
            "Welcome from the chair",
            "",
            ":next",
            "/d Approve the minutes",
            "/a Send the minutes @dana due:2026-12-04 #public",
            "Staffing gap at the county #internal",
        ],
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        f"Capturing into “{meeting.title}”.",
        "Item 1 of 6: Welcome, introductions and ground rules, for information.",
        "Saved note 1: Welcome from the chair",
        "Item 2 of 6: Approve last month's minutes, for decision.",
        "Saved decision 1: Approve the minutes, adopted",
        "Saved action 1 (public): Send the minutes, Dana Whitfield, due Fri Dec 4",
        "Saved note 2 (internal): Staffing gap at the county",
        "Done: 4 saved from 6 lines.",
    ]
    stored = _entries(db_path, meeting.id)
    assert [e.visibility for e in stored][-1] is Visibility.INTERNAL


def test_a_piped_file_stops_at_the_first_line_it_cannot_save(
    demo_store: Store, db_path: Path
) -> None:
    meeting = upcoming(demo_store)
    live.open_meeting(demo_store, meeting.id)
    demo_store.close()
    done = _pipe(
        db_path,
        meeting.title,
        [
            "First note",
            "/d Adopt the form",
            "/a Fix the form due:someday",
            "Never read",
        ],
    )
    assert done.returncode == 1
    assert "facilitate: line 3 not saved: " in done.stderr
    assert "someday" in done.stderr
    assert "  line 3: /a Fix the form due:someday" in done.stderr
    assert "2 saved before it, nothing after it was read" in done.stderr
    assert "its words are kept as a draft to fix in the app" in done.stderr
    assert "Traceback" not in done.stderr
    assert [e.text for e in _entries(db_path, meeting.id)] == ["First note", "Adopt the form"]
    store = Store.open(db_path)
    try:
        assert [d.line for d in drafts.open_drafts(store, meeting.id)] == [
            "/a Fix the form due:someday"
        ]
    finally:
        store.close()


def test_without_a_live_meeting_it_says_how_to_name_one(db_path: Path, demo_store: Store) -> None:
    demo_store.close()
    done = subprocess.run(
        [*FACILITATE, "--db", str(db_path), "capture"],
        input="",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stderr.startswith("facilitate: no meeting is live. Name one")


def test_a_closed_meetings_draft_still_takes_entries_without_reopening(
    demo_store: Store,
) -> None:
    from facilitate.line.session import LineSession

    held = next(
        m for m in demo_store.find(Meeting, order_by="-starts_at") if m.status.value == "closed"
    )
    session = LineSession(demo_store, held.id)
    assert session.start()[1] == "This meeting is closed: entries go into its draft minutes."
    assert session.prompt() == "closed> "
    reply = session.handle("/d Ratify the charter")
    assert reply.refused is None and reply.lines[0].startswith("Saved decision ")
    refused = session.handle(":next")
    assert refused.refused is not None and "not running" in refused.refused
    assert demo_store.get(Meeting, held.id).status.value == "closed"
