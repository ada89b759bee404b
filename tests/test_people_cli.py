"""`facilitate people ...` and `facilitate org ...` on real files, as a script would use them."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner

from facilitate.cli import cli
from facilitate.models import Organization, Person
from facilitate.services.demo import build_demo
from facilitate.store import Store

from .conftest import TODAY


def run(db: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), *args])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


@pytest.fixture
def empty_db(tmp_path: Path) -> Path:
    path = tmp_path / "ours.db"
    Store.open(path).close()
    return path


@pytest.fixture
def demo_db(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "demo.db"
    with closing(Store.open(path)) as store:
        build_demo(store, TODAY)
    yield path


def counts(db: Path) -> tuple[int, int]:
    with closing(Store.open(db)) as store:
        return store.count(Person), store.count(Organization)


SHEET = (
    "Full name;E-mail;Organisation;Roles\n"
    "Ana Ruiz;ana@river.example;River Nation ICWA;Facilitator\n"
    ";ben@hope.example;Hope House;\n"
    "Cal Ode;cal@hope.example;Hope House;note-taker\n"
)


def test_dry_run_shows_the_preview_and_writes_nothing(tmp_path: Path, empty_db: Path) -> None:
    sheet = tmp_path / "partners.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    before = empty_db.read_bytes()
    code, out = run(empty_db, "people", "import", str(sheet), "--dry-run")
    assert code == 1
    assert f"Read {sheet} (UTF-8, semicolon-separated)." in out
    assert (
        "Columns: Name ← “Full name”, Email ← “E-mail”, Phone: none, "
        "Organization ← “Organisation”, Roles ← “Roles”"
    ) in out
    assert (
        "New organizations (not created without --create-orgs): River Nation ICWA, Hope House"
        in out
    )
    assert "row 3: Name is empty: it is required" in out
    assert "facilitate: 3 rows with a problem" in out and "Nothing was imported." in out

    code, out = run(
        empty_db, "people", "import", str(sheet), "--dry-run", "--create-orgs", "--skip-problems"
    )
    assert code == 0, out
    assert "Leaving out 1 row with a problem." in out
    assert out.rstrip().endswith(
        "Dry run: would import 2 people and create 2 organizations. Nothing written."
    )
    assert counts(empty_db) == (0, 0)
    assert empty_db.read_bytes() == before


def test_import_creates_people_and_organizations(tmp_path: Path, empty_db: Path) -> None:
    sheet = tmp_path / "partners.csv"
    sheet.write_text(SHEET.replace(";ben@", "Ben Cole;ben@"), encoding="cp1252")
    code, out = run(empty_db, "people", "import", str(sheet))
    assert code == 1 and counts(empty_db) == (0, 0)
    code, out = run(empty_db, "people", "import", str(sheet), "--create-orgs")
    assert code == 0, out
    assert "Imported 3 people; created River Nation ICWA, Hope House." in out
    code, out = run(empty_db, "people", "list")
    assert [line.split("  ")[0] for line in out.splitlines()] == ["Ana Ruiz", "Ben Cole", "Cal Ode"]
    code, out = run(empty_db, "org", "list")
    assert "Hope House" in out and "2 people" in out
    # The same file again: every email is now someone's, and nothing more is written.
    code, out = run(empty_db, "people", "import", str(sheet), "--create-orgs")
    assert code == 1
    assert "row 2: Email “ana@river.example” is already Ana Ruiz's" in out
    assert counts(empty_db) == (3, 2)


def test_a_column_can_be_chosen(tmp_path: Path, empty_db: Path) -> None:
    sheet = tmp_path / "export.csv"
    sheet.write_text("Attendee,Contact\nAna Ruiz,ana@river.example\n", encoding="utf-8")
    code, out = run(empty_db, "people", "import", str(sheet))
    assert code == 1
    assert "no column holds the names: choose the Name column" in out
    code, out = run(
        empty_db,
        "people",
        "import",
        str(sheet),
        "--column",
        "name=attendee",
        "--column",
        "email=2",
    )
    assert code == 0, out
    assert out.rstrip().endswith("Imported 1 person.")
    code, out = run(empty_db, "people", "import", str(sheet), "--column", "nickname=1")
    assert code == 1 and "--column nickname=1: write FIELD=HEADING" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x00\x01\x02binary", "is not a text file"),
        (b"", "is empty"),
        (b"Name\n", "has a heading row but nobody under it"),
    ],
)
def test_a_bad_file_is_one_line(
    tmp_path: Path, empty_db: Path, content: bytes, message: str
) -> None:
    sheet = tmp_path / "bad.csv"
    sheet.write_bytes(content)
    code, out = run(empty_db, "people", "import", str(sheet))
    assert code == 1
    assert out.count("\n") == 1 and out.startswith(f"facilitate: {sheet}") and message in out


def test_people_add_deactivate_and_delete(demo_db: Path) -> None:
    code, out = run(
        demo_db,
        "people",
        "add",
        "Rosa Diaz",
        "--email",
        "rosa@pp.example",
        "--org",
        "parent partners",
    )
    assert (code, out) == (0, "Added Rosa Diaz.\n")
    code, out = run(demo_db, "people", "add", "Rosa Two", "--email", "ROSA@pp.example")
    assert (code, out) == (1, "facilitate: Email “ROSA@pp.example” is already Rosa Diaz's\n")
    code, out = run(demo_db, "people", "add", "x" * 201)
    assert code == 1 and "Name is 201 characters long: at most 200 are kept" in out

    code, out = run(demo_db, "people", "delete", "Dana Whitfield")
    assert code == 1
    assert out.startswith("facilitate: Dana Whitfield is named in ")
    assert out.rstrip().endswith("deactivate instead, which keeps the history")
    code, out = run(demo_db, "people", "deactivate", "dwhitfield@harborcounty.example")
    assert (code, out) == (
        0,
        "Dana Whitfield is inactive: kept in the record, suggested for no role.\n",
    )
    code, out = run(demo_db, "people", "list", "--active")
    assert "Dana Whitfield" not in out and "Rosa Diaz" in out
    code, out = run(demo_db, "people", "delete", "Rosa Diaz")
    assert (code, out) == (0, "Deleted Rosa Diaz.\n")
    with closing(Store.open(demo_db)) as store:
        assert store.find(Person, name="Rosa Diaz") == []
        assert store.find(Person, name="Dana Whitfield")[0].active is False


def test_org_add_edit_retire_and_delete(demo_db: Path) -> None:
    code, out = run(
        demo_db, "org", "add", "Harbour Housing", "--short", "Housing", "--kind", "agency"
    )
    assert (code, out) == (0, "Added Harbour Housing.\n")
    code, out = run(demo_db, "org", "add", "harbour housing")
    assert code == 1 and "There is already an organization called “Harbour Housing”" in out
    code, out = run(demo_db, "org", "edit", "housing", "--name", "Harbor Housing")
    assert (code, out) == (0, "Saved Harbor Housing.\n")
    code, out = run(demo_db, "org", "retire", "riverbend")
    assert code == 0 and "Riverbend Recovery Services is retired" in out
    code, out = run(demo_db, "people", "add", "New Hire", "--org", "riverbend")
    assert code == 1 and "Riverbend Recovery Services is retired" in out
    code, out = run(demo_db, "org", "delete", "riverbend")
    assert code == 1 and "retire it instead" in out and "2 people's records" in out
    code, out = run(demo_db, "org", "list")
    listed = {line.split("  ")[0]: line for line in out.splitlines()}
    assert listed["Riverbend Recovery Services"].endswith("2 people  (retired)")
    code, out = run(demo_db, "org", "delete", "Harbor Housing")
    assert (code, out) == (0, "Deleted Harbor Housing.\n")
    with closing(Store.open(demo_db)) as store:
        assert store.find(Organization, short_name="Riverbend")[0].active is False
        assert store.find(Organization, short_name="Housing") == []


def test_a_new_partnership_starts_from_the_command_line(
    isolated_home: Path, tmp_path: Path
) -> None:
    """No --db and no file yet: the first command that adds makes the default database."""
    result = CliRunner().invoke(cli, ["org", "add", "River Nation ICWA", "--kind", "tribe"])
    assert result.exit_code == 0, result.output
    assert (isolated_home / "facilitate.db").exists()


def test_help_of_these_commands_imports_nothing_heavy(isolated_home: Path) -> None:
    script = (
        "import json, sys\n"
        "from facilitate.cli import cli\n"
        "for args in (['people', '--help'], ['org', '--help'], ['people', 'import', '--help']):\n"
        "    try:\n"
        "        cli.main(args, prog_name='facilitate')\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(json.dumps(sorted(sys.modules)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    modules = json.loads(done.stdout.strip().splitlines()[-1])
    assert "Import people from a CSV FILE" in done.stdout
    assert [m for m in modules if m.split(".")[0] in ("textual", "sqlite_utils", "pydantic")] == []


def test_the_kinds_offered_are_the_models() -> None:
    from facilitate.cli.organizations import ORG_KINDS
    from facilitate.models.enums import OrgKind

    assert tuple(kind.value for kind in OrgKind) == ORG_KINDS
