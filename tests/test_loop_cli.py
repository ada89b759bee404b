"""`facilitate loop` as a script uses it: the report, linking by number, answering, undoing."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from facilitate.cli import cli
from facilitate.models import EntryLink, ShareRecord
from facilitate.models.loop import LoopResponse
from facilitate.services.demo import build_demo
from facilitate.store import Store

from .conftest import TODAY


@pytest.fixture
def demo_db(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "demo.db"
    store = Store.open(path)
    build_demo(store, TODAY)
    store.close()
    yield path


def run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)


def _count(db: Path, cls: type[EntryLink] | type[LoopResponse] | type[ShareRecord]) -> int:
    store = Store.open(db)
    try:
        return store.count(cls)
    finally:
        store.close()


def test_loop_series_still_writes_the_report(demo_db: Path, tmp_path: Path) -> None:
    result = run(demo_db, "loop", "listening", "--audience", "public", "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "Community Listening Sessions: 2 pieces of input; 2 with a response so far." in (
        result.output
    )
    [md] = tmp_path.glob("*.md")
    public = md.read_text("utf-8")
    # The themes action is for partners: the public reads that something is being done.
    assert "Share the listening session's themes" not in public
    assert "A response is being worked on." in public
    result = run(demo_db, "loop", "listening", "--out", str(tmp_path / "partners"))
    [md] = (tmp_path / "partners").glob("*.md")
    assert "Share the listening session's themes" in md.read_text("utf-8")


def test_one_page_writes_markdown_and_html_for_the_public(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run(demo_db, "loop", "report", "listening", "--one-page", "--out", str(out))
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert [n.rsplit(".", 1)[1] for n in names] == ["html", "md"]
    assert all("one-page-public" in n for n in names)
    page = (out / names[0]).read_text("utf-8")
    assert "What you told us, and what we did" in page
    assert "caseworkers explain ICWA" not in page  # partners-only input stays out
    store = Store.open(demo_db)
    assert {r.document for r in store.find(ShareRecord)} == {"you-said-we-did-one-page"}
    store.close()


def test_list_link_unlink_by_number(demo_db: Path) -> None:
    listed = run(demo_db, "loop", "list", "steering")
    assert listed.exit_code == 0, listed.output
    assert "#2 [partners] Parent Partners asked that families be at the table" in listed.output
    assert "→ decision (adopted): Adopt three shared outcomes" in listed.output
    # #4, a discussion note nobody answered, is numbered but not input: not listed until an
    # answer is linked to it by its number.
    assert "#4 " not in listed.output
    before = _count(demo_db, EntryLink)
    linked = run(
        demo_db, "loop", "link", "steering", "--input", "4", "--action", "pilot shared referral"
    )
    assert linked.exit_code == 0, linked.output
    assert "#4 is answered by: Pilot the shared referral form with three families" in linked.output
    assert _count(demo_db, EntryLink) == before + 1
    relisted = run(demo_db, "loop", "list", "steering").output
    assert "#4 [internal] Staffing shortfall" in relisted
    assert "→ action (open): Pilot the shared referral form" in relisted
    unlinked = run(
        demo_db, "loop", "unlink", "steering", "--input", "4", "--action", "pilot shared referral"
    )
    assert unlinked.exit_code == 0, unlinked.output
    assert _count(demo_db, EntryLink) == before
    assert "#4 " not in run(demo_db, "loop", "list", "steering").output


def test_decline_needs_a_reason_and_remove_takes_it_back(demo_db: Path) -> None:
    missing = CliRunner().invoke(
        cli, ["--db", str(demo_db), "loop", "decline", "listening", "--input", "3", "--text", "No"]
    )
    assert missing.exit_code == 2 and "--reason" in missing.output
    declined = run(
        demo_db,
        "loop",
        "decline",
        "listening",
        "--input",
        "3",
        "--text",
        "Caseworkers cannot add an ICWA briefing at the first visit.",
        "--reason",
        "The state sets the first-visit script.",
        "--org",
        "cfs",
        "--on",
        "2026-11-20",
    )
    assert declined.exit_code == 0, declined.output
    answer_id = declined.output.split("(")[1].split(")")[0]
    listed = run(demo_db, "loop", "list", "listening").output
    assert (
        "→ declined: Caseworkers cannot add an ICWA briefing at the first visit. "
        "(reason: The state sets the first-visit script.)"
    ) in listed
    assert "declined (declined" not in listed
    assert _count(demo_db, LoopResponse) == 2  # the demo's transport answer, and this one
    removed = run(demo_db, "loop", "remove", answer_id)
    assert removed.exit_code == 0, removed.output
    assert _count(demo_db, LoopResponse) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["loop", "zzz"], "facilitate: no series matching 'zzz'\n"),
        (
            ["loop", "link", "steering", "--input", "99", "--decision", "shared"],
            "facilitate: there is no input #99 in this series\n",
        ),
        (
            ["loop", "link", "steering", "--input", "1", "--decision", "nothing like this"],
            'facilitate: no decision matches "nothing like this"\n',
        ),
        (
            ["loop", "link", "steering", "--input", "1"],
            "facilitate: give --decision or --action (one of them)\n",
        ),
        (
            ["loop", "respond", "steering", "--input", "1", "--text", " "],
            "facilitate: say what the response is\n",
        ),
        (["loop", "remove", "zzzz"], 'facilitate: no answer has an id starting "zzzz"\n'),
    ],
)
def test_refusals_are_one_line(demo_db: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(cli, ["--db", str(demo_db), *args])
    assert result.exit_code == 1
    assert result.output == message


def test_several_matching_responses_are_named(demo_db: Path) -> None:
    result = CliRunner().invoke(
        cli, ["--db", str(demo_db), "loop", "link", "steering", "--input", "1", "--action", "the"]
    )
    assert result.exit_code == 1
    assert "several actions match" in result.output and "give more of its id" in result.output


def test_summary_prints_follow_through_figures(demo_db: Path) -> None:
    result = run(demo_db, "loop", "--summary", "--as-of", "2026-11-22")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Follow-through by series:"
    assert any(line.startswith("  Steering Committee") for line in lines)
    one = run(demo_db, "loop", "steering", "--summary", "--as-of", "2026-11-22")
    assert one.exit_code == 0, one.output
    assert "Core Team" not in one.output


def test_summary_says_how_much_input_is_answered(demo_db: Path) -> None:
    result = run(demo_db, "loop", "--summary", "--as-of", "2026-11-22")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    # The report's own count (`loop listening` prints it): confidential input is not counted;
    # of the steering committee's six numbered entries, its parking-lot entry and the one note
    # answered are input, not the discussion notes nobody answered or filed.
    assert lines[-3:] == [
        "Input by series:",
        "  Community Listening Sessions: answered: 2 of 3",
        "  Steering Committee (monthly): answered: 2 of 2",
    ]
    one = run(demo_db, "loop", "listening", "--summary", "--as-of", "2026-11-22")
    assert one.output.splitlines()[-2:] == [
        "Input by series:",
        "  Community Listening Sessions: answered: 2 of 3",
    ]


def test_one_meeting_report(demo_db: Path, tmp_path: Path) -> None:
    result = run(demo_db, "loop", "--meeting", "listening session", "--out", str(tmp_path / "o"))
    assert result.exit_code == 0, result.output
    assert "what helps families stay together: 3 pieces of input; 2 with a response" in (
        result.output
    )


@pytest.mark.parametrize(
    ("number", "seen_by"),
    [("1", "public"), ("3", "partners"), ("4", "internal")],  # #4 is confidential input
)
def test_an_answer_is_seen_by_whoever_sees_the_input_unless_told(
    demo_db: Path, number: str, seen_by: str
) -> None:
    text = f"Answer to #{number}"
    result = run(
        demo_db,
        "loop",
        "decline",
        "listening",
        "--input",
        number,
        "--text",
        text,
        "--reason",
        "no budget line",
    )
    assert result.exit_code == 0, result.output
    store = Store.open(demo_db)
    try:
        (answer,) = store.find(LoopResponse, text=text)
    finally:
        store.close()
    assert answer.visibility.value == seen_by
    told = run(
        demo_db,
        "loop",
        "respond",
        "listening",
        "--input",
        number,
        "--text",
        "Told",
        "--visibility",
        "internal",
    )
    assert told.exit_code == 0, told.output
    store = Store.open(demo_db)
    try:
        (chosen,) = store.find(LoopResponse, text="Told")
    finally:
        store.close()
    assert chosen.visibility.value == "internal"  # what was asked for, whatever the input's


def test_visibility_makes_an_input_public_from_the_command_line(demo_db: Path) -> None:
    from facilitate.models.enums import Visibility
    from facilitate.services.lookup import find_series
    from facilitate.services.record.loop_links import input_by_number

    done = run(demo_db, "loop", "visibility", "steering", "--input", "2", "--to", "public")
    assert done.exit_code == 0, done.output
    assert done.output.strip() == "#2 is now seen by: public"
    store = Store.open(demo_db)
    try:
        said = input_by_number(store, find_series(store, "steering").id, 2)
        assert said.visibility is Visibility.PUBLIC
    finally:
        store.close()
    missing = run(demo_db, "loop", "visibility", "steering", "--input", "99", "--to", "public")
    assert missing.exit_code == 1 and "99" in missing.output


def test_remove_takes_back_a_link_by_the_id_the_list_shows(demo_db: Path) -> None:
    linked = run(demo_db, "loop", "list", "listening")
    assert linked.exit_code == 0, linked.output
    before = _count(demo_db, EntryLink)
    # `loop list` shows each answer's id in brackets; a link's is there too.
    link_ids = re.findall(r"\[([0-9a-f]{8})\]", linked.output)
    assert link_ids, linked.output
    removed = run(demo_db, "loop", "remove", link_ids[0])
    assert removed.exit_code == 0, removed.output
    assert "the link" in removed.output
    assert _count(demo_db, EntryLink) == before - 1
