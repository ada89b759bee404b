"""`facilitate meetings list` and `meetings unstart`, run as a user runs them."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from facilitate.cli import cli
from facilitate.models import Meeting
from facilitate.models.enums import MeetingStatus
from facilitate.services.run import capture, closing, live
from facilitate.store import Store

from .conftest import TODAY


def _run(db: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), "meetings", *args])
    return result.exit_code, result.output


def _planned(store: Store, prefix: str) -> Meeting:
    return next(
        m for m in store.find(Meeting, status=MeetingStatus.PLANNED) if m.title.startswith(prefix)
    )


def test_list_every_meeting_then_by_status_and_series(demo_store: Store, db_path: Path) -> None:
    db = db_path
    code, out = _run(db, "list")
    assert code == 0, out
    lines = out.splitlines()
    assert len(lines) == 7
    # Planned first (soonest first), then held, newest first.
    assert [line.split("  ")[1].strip() for line in lines] == [
        "planned",
        "planned",
        "minutes draft",
        "minutes draft",
        "minutes draft",
        "approved",
        "approved",
    ]
    assert [line[:16] for line in lines] == [
        "2026-11-24 10:00",
        "2026-11-29 13:00",
        "2026-11-08 10:00",
        "2026-10-25 13:00",
        "2026-10-18 18:00",
        "2026-09-27 13:00",
        "2026-08-30 13:00",
    ]
    code, out = _run(db, "list", "--status", "draft")
    assert code == 0 and len(out.splitlines()) == 3
    code, out = _run(db, "list", "--series", "steering", "--status", "approved")
    assert code == 0
    assert len(out.splitlines()) == 2
    assert all("Steering Committee" in line and "approved" in line for line in out.splitlines())
    code, out = _run(db, "list", "--status", "planned", "--status", "approved")
    assert code == 0 and len(out.splitlines()) == 4
    code, out = _run(db, "list", "--match", "cedar")
    assert code == 0 and out.splitlines() == [
        line for line in _run(db, "list")[1].splitlines() if "Listening session" in line
    ]


def test_a_meeting_closed_with_a_later_date_is_listed(demo_store: Store, db_path: Path) -> None:
    core = _planned(demo_store, "Core Team")
    assert core.starts_at.date() > TODAY
    live.open_meeting(demo_store, core.id)
    closing.close_meeting(demo_store, core.id)
    code, out = _run(db_path, "list", "--status", "closed")
    assert code == 0
    assert core.title in out.splitlines()[0]
    assert f"(id {core.id[:8]})" in out


def test_bad_filters_get_one_clear_line(demo_store: Store, db_path: Path) -> None:
    db = db_path
    code, out = _run(db, "list", "--status", "finished")
    assert code == 1
    assert "facilitate: --status: status 'finished' is not one of" in out
    code, out = _run(db, "list", "--series", "no such series")
    assert code == 1
    assert "no series matching" in out
    assert "Traceback" not in out


def test_an_empty_file_lists_no_meetings(tmp_path: Path) -> None:
    db = tmp_path / "empty.db"
    Store.open(db).close()
    assert _run(db, "list") == (0, "No meetings.\n")


def test_unstart_a_meeting_started_by_mistake(demo_store: Store, db_path: Path) -> None:
    db = db_path
    core = _planned(demo_store, "Core Team")
    steering = _planned(demo_store, "Steering")
    live.open_meeting(demo_store, core.id)
    live.open_meeting(demo_store, steering.id)
    capture.capture_line(demo_store, steering.id, "We agreed to meet monthly", TODAY)

    code, out = _run(db, "unstart", core.id[:8])
    assert code == 0, out
    assert f"{core.title} is planned again." in out
    code, out = _run(db, "unstart", steering.id[:8])
    assert code == 1
    assert "cannot go back to planned: 1 note captured" in out

    assert demo_store.get(Meeting, core.id).status is MeetingStatus.PLANNED
    assert demo_store.get(Meeting, steering.id).status is MeetingStatus.LIVE
