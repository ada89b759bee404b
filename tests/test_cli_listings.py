"""CLI listings whose columns line up whatever their content (cli/common.aligned), and counts
said with the right noun (services/plurals.counted). CliRunner against real files."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner

from facilitate.cli import cli
from facilitate.services.demo import build_demo
from facilitate.services.plurals import counted
from facilitate.store import Store

from .conftest import TODAY

LONG_ORG = "Harbor Housing Authority of Greater Harbor County"


@pytest.fixture
def demo_db(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "demo.db"
    with closing(Store.open(path)) as store:
        build_demo(store, TODAY)
    yield path


@pytest.fixture
def empty_db(tmp_path: Path) -> Path:
    path = tmp_path / "ours.db"
    Store.open(path).close()
    return path


def run(db: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result.output


def starts(lines: list[str], marker: str) -> set[int]:
    """Where `marker` begins on each line: one value when the column lines up."""
    return {line.index(marker) for line in lines}


def test_people_list_keeps_emails_in_line_with_a_long_organization(demo_db: Path) -> None:
    run(demo_db, "org", "add", LONG_ORG)
    run(demo_db, "people", "add", "Rosa Delgado", "--org", LONG_ORG, "--email", "rd@hha.org")
    lines = run(demo_db, "people", "list").splitlines()
    assert len(lines) == 13
    rosa = next(line for line in lines if line.startswith("Rosa Delgado"))
    assert f"  {LONG_ORG}  rd@hha.org" in rosa
    emails = {line.index(word) for line in lines for word in line.split() if "@" in word}
    assert emails == {rosa.index("rd@hha.org")}
    assert all(line == line.rstrip() for line in lines)


def test_org_list_lines_up_and_counts_one_person(demo_db: Path) -> None:
    run(demo_db, "org", "add", LONG_ORG, "--short", "HHA", "--kind", "agency")
    run(demo_db, "people", "add", "Rosa Delgado", "--org", "HHA")
    lines = run(demo_db, "org", "list").splitlines()
    housing = next(line for line in lines if line.startswith(LONG_ORG))
    assert housing.endswith("  Agency                     1 person")
    assert len({len(line) for line in lines}) == 1  # counts right-aligned: every line ends alike
    others = [line for line in lines if line != housing]
    assert len(starts(others, "  2 people") | starts([housing], "  1 person")) == 1


def test_meetings_list_lines_up_ids_and_places(demo_db: Path) -> None:
    lines = run(demo_db, "meetings", "list").splitlines()
    assert len(lines) == 7
    assert len(starts(lines, "(id ")) == 1
    assert len(starts(lines, "[")) == 1


def test_series_list_is_columns(demo_db: Path) -> None:
    lines = run(demo_db, "series", "list").splitlines()
    assert lines[0].split("  ")[0] == "Community Listening Sessions"
    saids = ("no cadence", "Every", "Every")
    cadences = [line.index(said) for line, said in zip(lines, saids, strict=True)]
    assert len(set(cadences)) == 1
    assert lines[0].endswith("   1 meeting") and "  2 meetings  CFS Training Room B" in lines[1]
    assert len(starts(lines[1:], "meetings  ")) == 1


def test_an_import_of_one_says_one(tmp_path: Path, empty_db: Path) -> None:
    sheet = tmp_path / "one.csv"
    sheet.write_text("Name,Email,Organization\nRosa Delgado,rd@hha.org,Harbor Housing\n", "utf-8")
    out = run(empty_db, "people", "import", str(sheet), "--dry-run", "--create-orgs")
    assert "Dry run: would import 1 person and create 1 organization. Nothing written." in out
    out = run(empty_db, "people", "import", str(sheet), "--create-orgs")
    assert out.endswith("Imported 1 person; created Harbor Housing.\n")


def test_counted_says_one_and_many() -> None:
    assert counted(1, "organization") == "1 organization"
    assert counted(0, "organization") == "0 organizations"
    assert counted(1204, "meeting") == "1,204 meetings"
    assert counted(1, "person", "people") == "1 person"
    assert counted(2, "series", "series") == "2 series"
