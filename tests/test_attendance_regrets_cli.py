"""`facilitate attendance set --regrets|--absent [--stand-in NAME]`: someone not at the table,
as `r` on the opening screen marks them, with who sat in their place; run on the demo's next
steering meeting (2026-11-29 as of the suite's TODAY)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from facilitate.cli import cli
from facilitate.models import Attendance, Meeting, Person
from facilitate.models.enums import AttendanceCapacity, AttendanceStatus
from facilitate.services.demo import build_demo
from facilitate.store import Store

from .conftest import TODAY

NEXT = "2026-11-29"


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    store = Store.open(path)
    build_demo(store, TODAY)
    store.close()
    return path


def attendance(db: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), "attendance", *args])


def rows(db: Path) -> dict[str, Attendance]:
    """The next meeting's attendance by person's first name."""
    store = Store.open(db, create=False)
    try:
        [meeting] = [m for m in store.find(Meeting) if m.starts_at.date().isoformat() == NEXT]
        names = {p.id: p.name.split()[0] for p in store.find(Person)}
        return {
            names[r.person_id]: r
            for r in store.find(Attendance, meeting_id=meeting.id)
            if r.person_id
        }
    finally:
        store.close()


def test_regrets_with_a_stand_in_who_keeps_quorum(demo_file: Path) -> None:
    for name in ("Dana", "Priya", "Judge Ellen", "Keisha", "Lorraine"):
        assert attendance(demo_file, "set", NEXT, name).exit_code == 0
    said = attendance(demo_file, "set", NEXT, "Tasha", "--regrets", "--stand-in", "Miguel")
    assert said.exit_code == 0, said.output
    assert said.output == (
        "Tasha Greene at Steering Committee — November 2026: regrets; Miguel Santos stands in\n"
    )
    stored = rows(demo_file)
    assert stored["Tasha"].status is AttendanceStatus.REGRETS
    assert stored["Tasha"].arrived_at is None
    assert stored["Miguel"].capacity is AttendanceCapacity.ALTERNATE
    assert stored["Miguel"].for_person_id == stored["Tasha"].person_id
    listed = attendance(demo_file, "list", NEXT).output
    assert "  Tasha Greene (Parent Partners): regrets, represented by Miguel Santos" in listed
    # Miguel sits for Parent Partners: six counted, with both required organizations.
    assert listed.strip().splitlines()[-1].startswith("Quorum met: ")


def test_absent_without_regrets(demo_file: Path) -> None:
    said = attendance(demo_file, "set", NEXT, "Marcus", "--absent")
    assert said.exit_code == 0, said.output
    assert rows(demo_file)["Marcus"].status is AttendanceStatus.ABSENT
    assert "  Marcus Reyes (CFS): absent\n" in attendance(demo_file, "list", NEXT).output


def test_seating_someone_who_sent_regrets_puts_them_back_at_the_table(demo_file: Path) -> None:
    assert attendance(demo_file, "set", NEXT, "Sofia", "--regrets").exit_code == 0
    assert rows(demo_file)["Sofia"].status is AttendanceStatus.REGRETS
    back = attendance(demo_file, "set", NEXT, "Sofia", "--mode", "video")
    assert back.exit_code == 0, back.output
    assert rows(demo_file)["Sofia"].status is AttendanceStatus.PRESENT


def test_a_refused_stand_in_records_neither(demo_file: Path) -> None:
    said = attendance(demo_file, "set", NEXT, "Tasha", "--regrets", "--stand-in", "Tasha")
    assert said.exit_code == 1
    assert (
        said.output == "facilitate: --stand-in: For whom: a member cannot stand in for themself\n"
    )
    assert rows(demo_file) == {}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--regrets", "--absent"), "facilitate: --regrets, --absent: choose one\n"),
        (
            ("--stand-in", "Miguel"),
            "facilitate: --stand-in: give it with --regrets or --absent "
            "(PERSON was not at the table)\n",
        ),
        (
            ("--regrets", "--mode", "phone", "--arrived", "13:05"),
            "facilitate: --mode, --arrived: PERSON is not at the table (--regrets), "
            "so has no seat\n",
        ),
        (
            ("--absent", "--non-voting"),
            "facilitate: --voting/--non-voting: PERSON is not at the table (--absent), "
            "so has no seat\n",
        ),
    ],
)
def test_options_that_cannot_go_together_are_named(
    demo_file: Path, args: tuple[str, ...], message: str
) -> None:
    said = attendance(demo_file, "set", NEXT, "Tasha", *args)
    assert said.exit_code == 1
    assert said.output == message
    assert rows(demo_file) == {}


def test_help_names_regrets_absent_and_stand_in() -> None:
    said = CliRunner().invoke(cli, ["attendance", "set", "--help"], terminal_width=200)
    assert said.exit_code == 0
    assert "--regrets" in said.output and "PERSON sent regrets" in said.output
    assert "--absent" in said.output and "--stand-in" in said.output
