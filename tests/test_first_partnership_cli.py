"""A real partnership's first hour through commands only, from an empty FACILITATE_HOME: four
organizations, twelve people from a spreadsheet (one row fixed after the preview), a body with
two required organizations, a monthly series, its first meeting planned, run, closed, and the
partners' minutes written."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

from click.testing import CliRunner

from facilitate import paths
from facilitate.cli import cli
from facilitate.models import Body, Person
from facilitate.services.lookup import find_meeting
from facilitate.store import Store

ORGS = [
    ("Harbor County Children and Family Services", "CFS", "agency"),
    ("Cedar River ICWA", "ICWA", "tribe"),
    ("Parent Partners of Harbor County", "PP", "family_lived_experience"),
    ("Northside Family Resource Center", "NFRC", "community_organization"),
]
PEOPLE = [
    ("Dana Whitfield", "dana@cfs.example.org", "CFS"),
    ("Priya Natarajan", "priya@cfs.example.org", "CFS"),
    ("Lorraine Whitecloud", "lorraine@icwa.example.org", "ICWA"),
    ("Joseph Redbird", "joseph@icwa.example.org", "ICWA"),
    ("Tasha Greene", "tasha@pp.example.org", "PP"),
    ("Keisha Brown", "keisha@pp.example.org", "PP"),
    ("Sofia Alvarez", "sofia@nfrc.example.org", "NFRC"),
    ("Marcus Reyes", "marcus@nfrc.example.org", "NFRC"),
    ("Ellen Marsh", "ellen@cfs.example.org", "CFS"),
    ("Tom Okafor", "tom@cfs.example.org", "CFS"),
    ("Rosa Diaz", "rosa@pp.example.org", "PP"),
    ("Ana Ruiz", "ana@nfrc.example.org", "NFRC"),
]


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, f"{args}: {result.output}"
    return result.output


def _sheet(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    lines = ["Full name;E-mail;Agency"] + [";".join(row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")  # as Excel saves it
    return path


def test_a_partnership_starts_from_nothing_by_commands(tmp_path: Path) -> None:
    for name, short, kind in ORGS:
        _run("org", "add", name, "--short", short, "--kind", kind)

    # The spreadsheet as it first comes in: one row without a name. The preview says which row
    # (as the spreadsheet numbers it) and nothing is imported.
    broken = [*PEOPLE[:4], ("", "nobody@pp.example.org", "PP"), *PEOPLE[4:]]
    sheet = _sheet(tmp_path / "partners.csv", broken)
    refused = CliRunner().invoke(cli, ["people", "import", str(sheet)])
    assert refused.exit_code == 1
    assert "row 6:" in refused.output and "Nothing was imported" in refused.output
    _sheet(sheet, PEOPLE)  # fixed in the sheet
    assert "Imported 12 people" in _run("people", "import", str(sheet))

    _run(
        "body",
        "add",
        "Steering Committee",
        "--quorum",
        "majority",
        "--require",
        "ICWA",
        "--require",
        "PP",
    )
    _run(
        "body", "members", "steering", *(name for name, _, _ in PEOPLE[:8]), "--from", "2026-11-01"
    )
    _run(
        "series",
        "add",
        "steering",
        "Steering Committee",
        "--cadence",
        "monthly, second Tuesday, 13:00-15:00",
        "--place",
        "Northside Family Resource Center",
        "--template",
        "steering-committee",
        "--ground-rules",
        "business-meeting",
    )
    _run("agenda", "new", "steering", "--date", "2026-12-08", "--no-carry-over")

    with closing(Store.open(paths.default_db_path())) as store:
        assert store.count(Person) == 12
        body = store.find(Body)[0]
        assert len(body.quorum_organization_ids) == 2
        meeting = find_meeting(store, "2026-12-08")
        assert meeting.location == "Northside Family Resource Center"
        assert (meeting.starts_at.hour, meeting.minutes) == (13, 120)
        # Run on whatever day the test runs, `--today` moves it there: named by id from here on.
        ref = meeting.id[:8]
    # Run it from the command line, a line at a time, as a script or a screen reader would.
    lines = [
        "Families asked for evening meetings",
        "/d Move the forum to evenings method:consensus",
        "/a Book the evening room @sofia due:12/18",
    ]
    captured = CliRunner().invoke(cli, ["capture", ref, "--today"], input="\n".join(lines) + "\n")
    assert captured.exit_code == 0, captured.output
    assert "Saved action" in captured.output and "Sofia Alvarez" in captured.output
    closed = _run("meetings", "close", ref, "--next-date", "2027-01-12", "--untaken", "taken")
    assert closed.startswith("Closed Steering Committee")

    out = tmp_path / "minutes"
    _run("minutes", ref, "--audience", "partners", "--format", "md", "--out", str(out))
    (written,) = out.glob("*.md")
    minutes = written.read_text(encoding="utf-8")
    assert "Move the forum to evenings" in minutes
    assert "Book the evening room" in minutes and "Sofia Alvarez" in minutes
    listed = _run("meetings", "list", "--status", "draft")
    assert "Steering Committee" in listed and "Dec" in listed
    with closing(Store.open(paths.default_db_path())) as store:
        meeting = find_meeting(store, ref)
        assert meeting.status == "closed"
        assert meeting.next_meeting_date is not None
        assert meeting.next_meeting_date.isoformat() == "2027-01-12"
