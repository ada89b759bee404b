"""Every command that takes MEETING reads it the same way (cli/common.meeting_argument and
lookup.find_meeting): a date in the app's forms, words after it without quotes, and the same
one-line refusal when nothing matches. CliRunner against the demo in a real file."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner

from facilitate.cli import cli
from facilitate.models import AgendaItem, Meeting
from facilitate.services.demo import build_demo
from facilitate.services.meeting_forms import MEETING_FORMS
from facilitate.store import Store

from .conftest import TODAY

# Every command that takes MEETING, with what else it needs; MEETING goes where "M" is.
COMMANDS = [
    ["agenda", "show", "M"],
    ["agenda", "call", "M"],
    ["agenda", "export", "M"],
    ["agenda", "send", "M", "--out", "out"],
    ["agenda", "attach", "M", "1", "file.pdf"],
    ["agenda", "detach", "M", "1", "file.pdf"],
    ["agenda", "item", "add", "M", "Budget"],
    ["agenda", "item", "edit", "M", "1", "--minutes", "5"],
    ["agenda", "item", "remove", "M", "1"],
    ["agenda", "item", "move", "M", "1", "2"],
    ["attendance", "list", "M"],
    ["attendance", "set", "M", "Dana"],
    ["listening", "consent", "M"],
    ["meetings", "unstart", "M"],
    ["meetings", "close", "M"],
    ["meetings", "cancel", "M", "--reason", "snow"],
    ["meetings", "uncancel", "M"],
    ["meetings", "join", "M", "Video: https://example.org/x"],
    ["minutes", "M"],
    ["packets", "M", "--out", "out"],
    ["minutes-approve", "M", "--at", "M", "--moved-by", "Dana"],
    ["office", "presided", "M"],
    ["capture", "M"],
    ["room", "M"],
]


@pytest.fixture
def demo_db(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "demo.db"
    with closing(Store.open(path)) as store:
        build_demo(store, TODAY)
    yield path


def run(db: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), *args])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def meeting_titled(db: Path, title: str) -> Meeting:
    with closing(Store.open(db)) as store:
        return next(m for m in store.find(Meeting) if m.title == title)


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_nothing_matching_is_the_same_line_everywhere(demo_db: Path, command: list[str]) -> None:
    args = ["nope" if arg == "M" else arg for arg in command]
    code, out = run(demo_db, *args)
    assert (code, out) == (
        1,
        f"facilitate: no meeting matching 'nope'; name one as {MEETING_FORMS}\n",
    )


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_help_says_what_meeting_may_be(command: list[str]) -> None:
    words = command[: command.index("M")]
    text = CliRunner().invoke(cli, [*words, "--help"]).output
    assert " ".join(f"MEETING: {MEETING_FORMS}".split()) in " ".join(text.split())


def test_minutes_by_a_short_date_with_and_without_words(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    for meeting in (["10/25"], ["10/25", "steering"], ["oct", "25"]):
        code, said = run(
            demo_db,
            "minutes",
            *meeting,
            "--audience",
            "partners",
            "--format",
            "md",
            "--out",
            str(out),
        )
        assert code == 0, said
        assert said.startswith("Minutes of Steering Committee — October 2026 (partners):")


def test_agenda_show_takes_a_date_and_words_without_quotes(demo_db: Path) -> None:
    code, out = run(demo_db, "agenda", "show", "2026-10-18", "listening")
    assert code == 0, out
    assert out.startswith("Listening session: what helps families stay together")


def test_words_before_the_trailing_arguments_are_meeting(demo_db: Path) -> None:
    code, out = run(demo_db, "agenda", "item", "add", "11/29", "steering", "Budget check-in")
    assert code == 0, out
    assert "Added “Budget check-in” to Steering Committee — November 2026" in out
    code, out = run(
        demo_db, "meetings", "join", "nov", "29", "steering", "Video: https://x.example"
    )
    assert (code, out) == (
        0,
        "How to join Steering Committee — November 2026: Video: https://x.example\n",
    )
    november = meeting_titled(demo_db, "Steering Committee — November 2026")
    assert november.join_info == "Video: https://x.example"
    with closing(Store.open(demo_db)) as store:
        assert "Budget check-in" in [
            i.title for i in store.find(AgendaItem, meeting_id=november.id)
        ]


def test_presided_takes_meeting_quoted_then_a_person(demo_db: Path) -> None:
    code, out = run(demo_db, "office", "presided", "10/25 steering")
    assert code == 0, out
    assert out.startswith("Steering Committee — October 2026: ")


def test_several_matching_lists_the_candidates_on_one_line(demo_db: Path) -> None:
    code, out = run(demo_db, "attendance", "list", "steering")
    assert code == 1 and out.count("\n") == 1
    assert out.startswith("facilitate: 4 meetings matching 'steering': 2026-08-30 13:00 ")
    november = meeting_titled(demo_db, "Steering Committee — November 2026")
    assert f"2026-11-29 13:00 {november.title} [Steering Committee (monthly)] (id " in out
    assert f"(id {november.id[:8]})" in out


def test_a_day_no_calendar_has_is_refused_by_name(demo_db: Path) -> None:
    code, out = run(demo_db, "agenda", "show", "2/30")
    assert code == 1
    assert out.startswith("facilitate: 2/30 is not a valid date (there is no February 30")
