"""The minutes commands as a script would use them: one clear line on every refusal."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from email import message_from_bytes, policy
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from facilitate.cli import cli
from facilitate.cli.minutes import register
from facilitate.models import Decision, Meeting, MinutesApproval, ShareRecord
from facilitate.models.enums import DecisionMethod, MeetingStatus
from facilitate.services.demo import build_demo
from facilitate.store import Store

from .conftest import TODAY
from .test_minutes import demo_meetings

register(cli)  # facilitate.cli registers these too; registering twice is harmless


@pytest.fixture
def demo_db(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "demo.db"
    store = Store.open(path)
    build_demo(store, TODAY)
    store.close()
    yield path


def run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)


def meetings(db: Path) -> dict[str, Meeting]:
    store = Store.open(db)
    try:
        return demo_meetings(store)
    finally:
        store.close()


def test_register_adds_the_commands() -> None:
    group = click.Group()
    register(group)
    assert sorted(group.commands) == [
        "minutes",
        "minutes-approve",
        "packets",
        "series-record",
        "shared-log",
    ]


def test_minutes_by_date_and_series_words(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run(
        demo_db,
        "minutes",
        "2026-10-25",
        "steering",
        "--audience",
        "public",
        "-f",
        "md",
        "-f",
        "csv",
        "--out",
        str(out),
    )
    assert result.exit_code == 0, result.output
    assert "Minutes of Steering Committee — October 2026 (public):" in result.output
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "2026-10-25-steering-committee-minutes-public-actions.csv",
        "2026-10-25-steering-committee-minutes-public-decisions.csv",
        "2026-10-25-steering-committee-minutes-public-notes.csv",
        "2026-10-25-steering-committee-minutes-public.md",
    ]
    md = (out / names[-1]).read_text("utf-8")
    assert md.startswith("# Steering Committee — October 2026")
    assert "Riverbend can place" not in md  # partners-only note, public export


def test_minutes_by_id_prefix_in_every_format(demo_db: Path, tmp_path: Path) -> None:
    october = meetings(demo_db)["october"]
    out = tmp_path / "out"
    for fmt in ("html", "docx", "ics"):
        result = run(demo_db, "minutes", october.id[:8], "-f", fmt, "--out", str(out))
        assert result.exit_code == 0, result.output
    assert len(list(out.iterdir())) == 3


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["minutes", "nope"], "facilitate: no meeting matching 'nope'; name one as an id"),
        (["minutes", "2020-01-01"], "facilitate: no meeting on 2020-01-01; name one as"),
        (["minutes", "2026-02-30"], "is not a valid date"),
        (["loop", "zzz"], "facilitate: no series matching 'zzz'\n"),
        (
            ["minutes-approve", "2026-10-25", "--at", "2026-08-30", "--moved-by", "Dana"],
            "is not after",
        ),
    ],
)
def test_refusals_are_one_line_and_exit_1(demo_db: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(cli, ["--db", str(demo_db), *args])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert message in result.output
    assert result.output.count("\n") == 1
    assert "Traceback" not in result.output


def test_ambiguous_prefix_lists_the_candidates(demo_db: Path) -> None:
    store = Store.open(demo_db)
    october = demo_meetings(store)["october"]
    for n in (1, 2):
        store.insert(
            Meeting(
                id=f"abcd0000-0000-4000-8000-00000000000{n}",
                series_id=october.series_id,
                title=f"Extra {n}",
                starts_at=october.starts_at.replace(day=n),
            )
        )
    store.close()
    result = CliRunner().invoke(cli, ["--db", str(demo_db), "minutes", "abcd"])
    assert result.exit_code == 1
    assert "2 meetings with an id starting 'abcd'" in result.output
    assert "Extra 1" in result.output and "use more of the id" in result.output
    assert (
        run(
            demo_db,
            "minutes",
            "abcd0000-0000-4000-8000-000000000002",
            "--out",
            str(demo_db.parent / "x"),
        ).exit_code
        == 0
    )


def test_unwritable_out_is_one_line(demo_db: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = CliRunner().invoke(
        cli, ["--db", str(demo_db), "minutes", "2026-10-25", "--out", str(blocker)]
    )
    assert result.exit_code == 1
    assert (
        result.output
        == f"facilitate: {blocker}: exists and is not a folder; choose another --out\n"
    )
    if os.geteuid() != 0:  # root writes anywhere
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
        result = CliRunner().invoke(
            cli, ["--db", str(demo_db), "minutes", "2026-10-25", "--out", str(locked / "x")]
        )
        assert result.exit_code == 1 and "cannot create" in result.output


def test_missing_database_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "none.db"), "minutes", "x"])
    assert result.exit_code == 1
    assert result.output.startswith("facilitate: ") and result.output.count("\n") == 1


def test_packets_then_shared_log(demo_db: Path, tmp_path: Path) -> None:
    result = run(demo_db, "packets", "2026-10-25", "--out", str(tmp_path / "p"), "-f", "md")
    assert result.exit_code == 0, result.output
    assert "Cedar River ICWA:" in result.output and "lwhitecloud@crb.example" in result.output
    eml = next((tmp_path / "p" / "cfs").glob("*.eml"))
    message = message_from_bytes(eml.read_bytes(), policy=policy.default)
    assert {a.addr_spec for a in message["To"].addresses} == {
        "dwhitfield@harborcounty.example",
        "marcus.reyes@harborcounty.example",
    }
    log = run(demo_db, "shared-log", "--meeting", "2026-10-25", "--verify")
    assert log.exit_code == 0
    assert log.output.count("minutes DRAFT") == 12  # six organizations: minutes + email each
    assert log.output.count("  ok") == 12
    assert "for CFS: Steering Committee — October 2026" in log.output


def test_approve_then_exports_say_approved(demo_db: Path, tmp_path: Path) -> None:
    result = run(
        demo_db,
        "minutes-approve",
        "2026-10-25",
        "--at",
        "2026-11-29 steering",
        "--moved-by",
        "Tasha Greene",
        "--corrections",
        "Two coaches, not three.",
    )
    assert result.exit_code == 0, result.output
    assert "approved at Steering Committee — November 2026; moved by Tasha Greene" in result.output
    assert meetings(demo_db)["october"].status is MeetingStatus.APPROVED
    again = CliRunner().invoke(
        cli,
        [
            "--db",
            str(demo_db),
            "minutes-approve",
            "2026-10-25",
            "--at",
            "2026-11-29",
            "--moved-by",
            "X",
        ],
    )
    assert again.exit_code == 1 and "already approved" in again.output
    run(demo_db, "minutes", "2026-10-25", "--out", str(tmp_path))
    md = next(tmp_path.glob("*.md")).read_text("utf-8")
    assert "APPROVED minutes" in md
    store = Store.open(demo_db)
    assert [r.minutes_status for r in store.find(ShareRecord)] == ["approved"]
    store.close()


def test_loop_and_series_record(demo_db: Path, tmp_path: Path) -> None:
    result = run(demo_db, "loop", "listening", "--audience", "public", "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert (
        "Community Listening Sessions: 2 pieces of input; 2 with a response so far."
        in result.output
    )
    result = run(
        demo_db,
        "series-record",
        "steering",
        "--open",
        "--org",
        "cfs",
        "-f",
        "csv",
        "--out",
        str(tmp_path),
    )
    assert result.exit_code == 0, result.output
    assert "0 decisions, 1 action." in result.output
    # Decisions, actions, and the follow-through figures.
    assert len(list(tmp_path.glob("*-record-partners-*.csv"))) == 3
    ics = CliRunner().invoke(cli, ["--db", str(demo_db), "series-record", "steering", "-f", "ics"])
    assert ics.exit_code == 2  # not a choice for this command: click's usage error


def test_empty_shared_log(demo_db: Path) -> None:
    result = run(demo_db, "shared-log")
    assert result.output == "Nothing has been shared yet.\n"


def test_a_calendar_with_nothing_dated_is_not_written_and_the_command_says_so(
    demo_db: Path, tmp_path: Path
) -> None:
    session = meetings(demo_db)["listening"]
    out = tmp_path / "out"
    result = run(demo_db, "minutes", session.id[:8], "-f", "ics", "-f", "md", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert [p.suffix for p in out.iterdir()] == [".md"]
    assert "No calendar file: nothing in these minutes has a date to add" in result.output
    packets = run(demo_db, "packets", session.id[:8], "--out", str(tmp_path / "p"))
    assert packets.exit_code == 0, packets.output
    assert packets.output.count("No calendar file") == 1
    assert not list((tmp_path / "p").rglob("*.ics"))


def test_the_commands_offer_every_format_audience_and_language_there_is() -> None:
    from facilitate.cli.minutes import AUDIENCE_CHOICES, FORMAT_CHOICES, LANGUAGE_CHOICES
    from facilitate.services.record.i18n import LANGUAGES
    from facilitate.services.share.sharing import ExportFormat
    from facilitate.tui.dialogs.export import FORMATS

    assert LANGUAGE_CHOICES == LANGUAGES
    assert set(FORMAT_CHOICES) == {f.value for f in ExportFormat}
    assert {value for value, _ in FORMATS} == {f.value for f in ExportFormat}
    assert AUDIENCE_CHOICES == ("public", "partners", "internal")


def test_approve_keeps_mover_seconder_method_and_corrections(demo_db: Path) -> None:
    result = run(
        demo_db,
        "minutes-approve",
        "2026-10-25",
        "--at",
        "2026-11-29 steering",
        "--moved-by",
        "Tasha Greene",
        "--seconded-by",
        "Dana Whitfield",
        "--approved-by",
        "consensus",
        "--corrections",
        "Two coaches, not three.",
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (
        "Minutes of Steering Committee — October 2026 approved at Steering Committee — "
        "November 2026; moved by Tasha Greene, seconded by Dana Whitfield; consensus."
    )
    store = Store.open(demo_db)
    try:
        [approval] = store.find(MinutesApproval)
        assert (approval.seconded_by, approval.method, approval.approved_by) == (
            "Dana Whitfield",
            DecisionMethod.CONSENSUS,
            "",
        )
        november = demo_meetings(store)["november"]
        [decision] = store.find(Decision, meeting_id=november.id)
        assert decision.method is DecisionMethod.CONSENSUS
        assert decision.text.endswith("as corrected: Two coaches, not three.")
    finally:
        store.close()


def test_approve_with_a_vote_and_counts(demo_db: Path) -> None:
    result = run(
        demo_db,
        "minutes-approve",
        "2026-10-25",
        "--at",
        "2026-11-29 steering",
        "--moved-by",
        "Tasha Greene",
        "--method",
        "vote",
        "--for",
        "7",
        "--against",
        "1",
    )
    assert result.exit_code == 0, result.output
    assert "; majority vote (for 7, against 1)." in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["minutes-approve", "2026-10-18", "--at", "2026-11-29 steering", "--moved-by", "Dana"],
            "is a meeting of Partnership Steering Committee, not of Community Listening Circle",
        ),
        (
            [
                "minutes-approve",
                "2026-10-25",
                "--at",
                "2026-11-29",
                "--moved-by",
                "D",
                "--method",
                "acclamation",
            ],
            "--method 'acclamation': use consensus, consent",
        ),
    ],
)
def test_approval_refusals_are_one_line(demo_db: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(cli, ["--db", str(demo_db), *args])
    assert result.exit_code == 1
    assert message in result.output
    assert result.output.count("\n") == 1
    assert meetings(demo_db)["october"].status is MeetingStatus.CLOSED


def test_listening_minutes_approved_elsewhere_with_a_reason(demo_db: Path) -> None:
    result = run(
        demo_db,
        "minutes-approve",
        "2026-10-18",
        "--at",
        "2026-11-29 steering",
        "--moved-by",
        "Dana Whitfield",
        "--reason",
        "the circle has no meeting until spring",
    )
    assert result.exit_code == 0, result.output
    assert "at another body's meeting because the circle has no meeting until spring" in (
        result.output
    )
