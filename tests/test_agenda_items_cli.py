"""`facilitate agenda item add|edit|remove|move`, run as a user runs them on the demo's next
steering meeting (2026-11-29 as of the suite's TODAY), items numbered as `agenda show` prints
them."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from facilitate.cli import cli
from facilitate.models import AgendaItem, Meeting
from facilitate.models.enums import Visibility
from facilitate.services.demo import build_demo
from facilitate.services.plan import agenda
from facilitate.store import Store

from .conftest import TODAY

NEXT = "2026-11-29"  # the demo's planned steering meeting
HELD = "2026-10-25"  # a steering meeting already held: its agenda is the record
TITLES = [
    "Welcome, introductions and ground rules",
    "Approve last month's minutes",
    "Follow-up on commitments",
    "Peer recovery coach pilot: first 60 days",
    "ICWA notification timelines",
    "Plus / delta and next steps",
]


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    store = Store.open(path)
    build_demo(store, TODAY)
    store.close()
    return path


def item(db: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), "agenda", "item", *args])


def items(db: Path, day: str = NEXT) -> list[AgendaItem]:
    store = Store.open(db, create=False)
    try:
        [meeting] = [m for m in store.find(Meeting) if m.starts_at.date().isoformat() == day]
        return agenda.items(store, meeting.id)
    finally:
        store.close()


def test_add_after_an_item_with_owner_and_visibility(demo_file: Path) -> None:
    result = item(
        demo_file,
        *("add", NEXT, "Budget check", "--minutes", "15", "--after", "1"),
        *("--owner", "Priya", "--visibility", "internal", "--purpose", "decide"),
    )
    assert result.exit_code == 0, result.output
    assert "Added “Budget check”" in result.output
    assert " 2. [ 10'] Budget check  (decide, 15 min, Priya Natarajan)" in result.output
    added = items(demo_file)[1]
    assert (added.title, added.minutes, added.visibility) == (
        "Budget check",
        15,
        Visibility.INTERNAL,
    )
    assert [i.title for i in items(demo_file)] == [TITLES[0], "Budget check", *TITLES[1:]]


def test_add_at_the_end_by_default_or_first_with_after_zero(demo_file: Path) -> None:
    assert item(demo_file, "add", NEXT, "Last word").exit_code == 0
    assert item(demo_file, "add", NEXT, "Land acknowledgement", "--after", "0").exit_code == 0
    titles = [i.title for i in items(demo_file)]
    assert titles == ["Land acknowledgement", *TITLES, "Last word"]
    assert items(demo_file)[-1].minutes == 10


def test_an_organization_may_own_an_item(demo_file: Path) -> None:
    result = item(demo_file, "add", NEXT, "Court calendar", "--owner", "Family Court")
    assert result.exit_code == 0, result.output
    assert "Court calendar  (discuss, 10 min, Family Court)" in result.output


def test_bad_input_names_the_field_and_adds_nothing(demo_file: Path) -> None:
    unknown = item(demo_file, "add", NEXT, "X", "--owner", "Nobody Atall")
    assert unknown.exit_code == 1
    assert unknown.output == (
        "facilitate: --owner: No person called “Nobody Atall” (nor an organization)\n"
    )
    beyond = item(demo_file, "add", NEXT, "X", "--after", "7")
    assert beyond.exit_code == 1
    assert "--after: there is no item 7: the agenda's items are numbered 1-6" in beyond.output
    empty = item(demo_file, "add", NEXT, "   ")
    assert empty.exit_code == 1
    assert empty.output == "facilitate: an agenda item needs a title\n"
    zero = item(demo_file, "add", NEXT, "X", "--minutes", "0")
    assert zero.exit_code == 2
    assert "'--minutes'" in zero.output
    assert [i.title for i in items(demo_file)] == TITLES


def test_edit_writes_only_what_is_given(demo_file: Path) -> None:
    before = items(demo_file)[3]
    result = item(demo_file, "edit", NEXT, "4", "--minutes", "20")
    assert result.exit_code == 0, result.output
    after = items(demo_file)[3]
    assert after.minutes == 20
    assert after.model_dump(exclude={"minutes", "updated_at"}) == before.model_dump(
        exclude={"minutes", "updated_at"}
    )


def test_edit_title_owner_and_visibility(demo_file: Path) -> None:
    result = item(
        demo_file,
        *("edit", NEXT, "5", "--title", "ICWA notices"),
        *("--owner", "Lorraine", "--visibility", "public"),
    )
    assert result.exit_code == 0, result.output
    assert "Changed item 5: “ICWA notices”" in result.output
    edited = items(demo_file)[4]
    assert edited.title == "ICWA notices"
    assert edited.lead_organization_id is None and edited.lead_person_id is not None
    assert edited.visibility is Visibility.PUBLIC
    # Who proposed it is the form's too, and stays as it was.
    assert edited.proposed_by_person_id is not None
    cleared = item(demo_file, "edit", NEXT, "5", "--owner", "")
    assert cleared.exit_code == 0, cleared.output
    assert items(demo_file)[4].lead_person_id is None


def test_edit_with_nothing_to_change_or_no_such_item_is_refused(demo_file: Path) -> None:
    nothing = item(demo_file, "edit", NEXT, "1")
    assert nothing.exit_code == 1
    assert "say what to change: --title, --minutes" in nothing.output
    missing = item(demo_file, "edit", NEXT, "9", "--minutes", "5")
    assert missing.exit_code == 1
    assert "facilitate: N: there is no item 9" in missing.output
    blank = item(demo_file, "edit", NEXT, "1", "--title", " ")
    assert blank.exit_code == 1
    assert blank.output == "facilitate: --title: an agenda item needs a title\n"
    assert [i.title for i in items(demo_file)] == TITLES


def test_move_an_item_to_a_number(demo_file: Path) -> None:
    result = item(demo_file, "move", NEXT, "6", "2")
    assert result.exit_code == 0, result.output
    assert "Moved “Plus / delta and next steps” to item 2" in result.output
    assert [i.title for i in items(demo_file)] == [TITLES[0], TITLES[5], *TITLES[1:5]]
    # Renumbered in whole numbers, as the editor leaves them.
    assert [i.position for i in items(demo_file)] == [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]
    beyond = item(demo_file, "move", NEXT, "2", "9")
    assert beyond.exit_code == 1
    assert "facilitate: TO: there is no item 9" in beyond.output


def test_remove_an_item(demo_file: Path) -> None:
    result = item(demo_file, "remove", NEXT, "2")
    assert result.exit_code == 0, result.output
    assert "Removed item 2: “Approve last month's minutes”" in result.output
    assert [i.title for i in items(demo_file)] == [TITLES[0], *TITLES[2:]]


def test_an_item_with_a_pre_read_says_to_detach_it_first(demo_file: Path, tmp_path: Path) -> None:
    paper = tmp_path / "budget.pdf"
    paper.write_bytes(b"%PDF-1.4 budget")
    attached = CliRunner().invoke(
        cli, ["--db", str(demo_file), "agenda", "attach", NEXT, "4", str(paper)]
    )
    assert attached.exit_code == 0, attached.output
    result = item(demo_file, "remove", NEXT, "4")
    assert result.exit_code == 1
    assert "has 1 pre-read attached: detach them first" in result.output
    assert "facilitate agenda detach" in result.output
    assert [i.title for i in items(demo_file)] == TITLES


def test_a_held_meetings_agenda_is_the_record(demo_file: Path) -> None:
    before = [i.title for i in items(demo_file, HELD)]
    for args in (
        ("add", HELD, "Late item"),
        ("edit", HELD, "1", "--minutes", "3"),
        ("remove", HELD, "1"),
        ("move", HELD, "1", "1"),
    ):
        result = item(demo_file, *args)
        assert result.exit_code == 1, args
        assert "is closed; its agenda is part of the record now" in result.output
        assert "Traceback" not in result.output
    assert [i.title for i in items(demo_file, HELD)] == before


def test_an_unknown_meeting_is_one_line(demo_file: Path) -> None:
    result = item(demo_file, "add", "2031-01-01", "X")
    assert result.exit_code == 1
    assert result.output.startswith("facilitate: no meeting on 2031-01-01; name one as an id")
    assert result.output.count("\n") == 1


def test_help_says_what_each_does() -> None:
    result = CliRunner().invoke(cli, ["agenda", "item", "--help"], terminal_width=200)
    assert result.exit_code == 0
    assert "Add, change, remove and reorder a meeting's agenda items." in result.output
    for name in ("add", "edit", "remove", "move"):
        assert f"  {name} " in result.output
