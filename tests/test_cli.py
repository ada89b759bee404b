"""The `facilitate` command as a user meets it: help, the demo file, search, `db check|path`, the
last line of defence against tracebacks, and a CLI module light enough that `--help` is instant.

Real subprocesses (`python -m facilitate`) where the whole path matters; click's CliRunner on
`facilitate.cli.cli` for the many small cases.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from facilitate.cli import cli
from facilitate.models import Organization
from facilitate.services.demo import build_demo
from facilitate.store import Store
from facilitate.store.maintenance import table_counts

DEMO_DAY = date(2026, 11, 22)


def run_cli(home: Path, *args: str, **env_extra: str) -> subprocess.CompletedProcess[str]:
    """`facilitate ARGS` in a fresh process with its own FACILITATE_HOME and stdin closed."""
    env = {k: v for k, v in os.environ.items() if k != "FACILITATE_DB"}
    env["FACILITATE_HOME"] = str(home)
    env.update(env_extra)
    return subprocess.run(
        [sys.executable, "-m", "facilitate", *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=60,
        check=False,
    )


def no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stdout + result.stderr, result.stdout + result.stderr


@contextmanager
def opened(path: Path) -> Iterator[Store]:
    store = Store.open(path, create=False)
    try:
        yield store
    finally:
        store.close()


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    """A demo record built in process (faster than the CLI), closed."""
    path = tmp_path / "demo.db"
    store = Store.open(path)
    build_demo(store, DEMO_DAY)
    store.close()
    return path


# -- help -------------------------------------------------------------------------------------


def test_help_lists_the_commands_and_touches_nothing(isolated_home: Path) -> None:
    result = run_cli(isolated_home, "--help")
    no_traceback(result)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Usage: facilitate")
    commands = result.stdout.split("Commands:")[1]
    listed = {line.split()[0] for line in commands.splitlines() if line.startswith("  ")}
    assert {"db", "demo", "search"} <= listed  # others may be added; these must stay
    assert "--db" in result.stdout
    assert list(isolated_home.iterdir()) == []  # asking for help creates no database


def test_db_help_lists_its_subcommands(isolated_home: Path) -> None:
    result = run_cli(isolated_home, "db", "--help")
    assert result.returncode == 0, result.stderr
    commands = result.stdout.split("Commands:")[1]
    listed = {line.split()[0] for line in commands.splitlines() if line.startswith("  ")}
    assert {"backup", "check", "path"} <= listed


def test_version() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert re.search(r"\d+\.\d+\.\d+", result.output)


# -- demo, then search / db check / db path -----------------------------------------------------


def test_demo_file_then_search_check_and_path(tmp_path: Path, isolated_home: Path) -> None:
    path = tmp_path / "kept" / "demo.db"
    made = run_cli(isolated_home, "demo", str(path), "--no-open")
    no_traceback(made)
    assert made.returncode == 0, made.stderr
    assert made.stdout.strip() == f"Demo partnership saved in {path}"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with opened(path) as store:
        counts = table_counts(store)
    assert counts["organizations"] > 0 and counts["meetings"] > 0 and counts["notes"] > 0

    found = run_cli(isolated_home, "--db", str(path), "search", "referral")
    no_traceback(found)
    assert found.returncode == 0, found.stderr
    *listed, total = found.stdout.splitlines()
    assert re.fullmatch(r"\d+ of \d+ matches\.", total), total
    hits = [line for line in listed if not line.startswith("    ")]
    texts = [line.strip() for line in listed if line.startswith("    ")]
    assert len(hits) == len(texts) >= 2
    assert all("referral" in text.lower() for text in texts)
    assert all(re.match(r"\d{4}-\d{2}-\d{2}  \w+ +\[\w+\] ", hit) for hit in hits), hits

    checked = run_cli(isolated_home, "--db", str(path), "db", "check")
    no_traceback(checked)
    assert checked.returncode == 0, checked.stderr
    lines = checked.stdout.splitlines()
    assert lines[-1] == f"{path}: ok"
    printed = {name: int(n) for name, n in (line.split() for line in lines[:-1])}
    assert printed == counts

    where = run_cli(isolated_home, "--db", str(path), "db", "path")
    assert where.returncode == 0
    assert where.stdout.strip() == str(path)


def test_search_without_a_match_says_so(demo_file: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(demo_file), "search", "xylophone"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "No matches."


def test_search_limit_is_respected(demo_file: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(demo_file), "search", "referral", "--limit", "1"])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 3  # one hit (a heading and its text), then how many there were
    assert re.fullmatch(r"1 of \d+ matches\.", lines[-1]), lines[-1]


def test_db_path_defaults_to_facilitate_home(isolated_home: Path) -> None:
    result = CliRunner().invoke(cli, ["db", "path"])
    assert result.exit_code == 0
    assert result.output.strip() == str(isolated_home / "facilitate.db")
    assert list(isolated_home.iterdir()) == []  # printing the path creates nothing


def test_db_path_follows_db_option_and_environment(tmp_path: Path) -> None:
    chosen = tmp_path / "elsewhere.db"
    by_option = CliRunner().invoke(cli, ["--db", str(chosen), "db", "path"])
    by_env = CliRunner().invoke(cli, ["db", "path"], env={"FACILITATE_DB": str(chosen)})
    assert by_option.output.strip() == by_env.output.strip() == str(chosen)
    assert not chosen.exists()


def test_db_path_in_a_real_process_uses_facilitate_home(isolated_home: Path) -> None:
    result = run_cli(isolated_home, "db", "path")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(isolated_home / "facilitate.db")


def test_demo_on_an_existing_demo_does_not_duplicate_it(demo_file: Path) -> None:
    with opened(demo_file) as store:
        before = table_counts(store)
    result = CliRunner().invoke(cli, ["demo", str(demo_file), "--no-open"])
    assert result.exit_code == 0, result.output
    with opened(demo_file) as store:
        assert store.count(Organization) == before["organizations"]
        assert table_counts(store) == before


def test_demo_on_an_existing_record_leaves_it_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "ours.db"
    store = Store.open(path)
    store.insert(Organization(name="Our only partner"))
    store.close()
    result = CliRunner().invoke(cli, ["demo", str(path), "--no-open"])
    assert result.exit_code == 0, result.output
    with opened(path) as store:
        assert [o.name for o in store.find(Organization)] == ["Our only partner"]
        assert sum(table_counts(store).values()) == 1


# -- search input a user might type -------------------------------------------------------------

PUNCTUATION = [
    "referral's (form)",
    '"referral',
    'referral"',
    "form*",
    "NOT referral",
    "referral OR",
    "AND",
    "NEAR(referral form)",
    "text:referral",
    "^referral",
    "+referral -form",
    "referral's",
    "()",
    "*",
    '""',
    "'",
    ";DROP TABLE notes;--",
    "réunion — café ✓",
    "%_\\",
]


@pytest.mark.parametrize("text", PUNCTUATION)
def test_search_with_punctuation_does_not_crash(demo_file: Path, text: str) -> None:
    result = CliRunner().invoke(cli, ["--db", str(demo_file), "search", text])
    assert result.exception is None, result.output
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    with opened(demo_file) as store:  # and nothing was harmed
        assert store.count(Organization) > 0
        assert store.query("SELECT count(*) AS n FROM notes")[0]["n"] > 0


def test_search_with_punctuation_finds_the_words(demo_file: Path, isolated_home: Path) -> None:
    """Words inside punctuation are still searched for: "referral's (form)" finds "form's"."""
    result = run_cli(isolated_home, "--db", str(demo_file), "search", "referral's (form)")
    no_traceback(result)
    assert result.returncode == 0, result.stderr
    assert "the referral form's ICWA section" in result.stdout


def test_search_made_only_of_punctuation_matches_nothing(demo_file: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(demo_file), "search", "?!", "()"])
    assert result.exit_code == 0
    assert result.output.strip() == "No matches."


# -- the last line of defence -------------------------------------------------------------------


def test_unexpected_error_shows_no_traceback_and_writes_a_crash_log(
    demo_file: Path, isolated_home: Path
) -> None:
    # A value this version does not know (say, written by hand) makes search fail unexpectedly.
    with closing(sqlite3.connect(str(demo_file))) as conn:
        conn.execute("UPDATE notes SET visibility = 'mystery' WHERE text LIKE '%referral%'")
        conn.commit()
    result = run_cli(isolated_home, "--db", str(demo_file), "search", "referral")
    no_traceback(result)
    assert result.returncode == 2
    assert "facilitate: unexpected error:" in result.stderr
    assert "nothing you saved is lost" in result.stderr
    log = isolated_home / "crash.log"
    assert str(log) in result.stderr
    assert "Traceback" in log.read_text(encoding="utf-8")  # the details went to the log


# -- a light CLI module -------------------------------------------------------------------------

HEAVY = ("textual", "sqlite_utils")


def loaded_modules(code: str) -> set[str]:
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def test_importing_the_cli_does_not_import_textual_or_sqlite_utils() -> None:
    modules = loaded_modules("import facilitate.cli")
    assert "facilitate.cli" in modules
    assert "click" in modules
    assert sorted(m for m in modules if m.split(".")[0] in HEAVY) == []


def test_help_does_not_import_textual_or_sqlite_utils(isolated_home: Path) -> None:
    code = (
        "import os, sys\n"
        f"os.environ['FACILITATE_HOME'] = {str(isolated_home)!r}\n"
        "from facilitate.cli import cli\n"
        "try:\n"
        "    cli.main(['--help'], prog_name='facilitate')\n"
        "except SystemExit:\n"
        "    pass"
    )
    modules = loaded_modules(code)
    assert sorted(m for m in modules if m.split(".")[0] in HEAVY) == []


def test_the_home_screen_is_drawn_without_loading_pydantic(tmp_path: Path) -> None:
    """The first screen reads joined rows, not models: pydantic and the model classes load when
    a screen first needs them, which keeps start-up short."""
    path = tmp_path / "demo.db"
    store = Store.open(path)
    build_demo(store, date(2026, 11, 22))
    store.close()
    code = (
        "import asyncio\n"
        "from facilitate.store import Store\n"
        "from facilitate.tui.app import FacilitateApp\n"
        "async def main():\n"
        f"    app = FacilitateApp(Store.open({str(path)!r}))\n"
        "    async with app.run_test(size=(100, 30)) as pilot:\n"
        "        await pilot.pause()\n"
        "        assert app.screen.query_one('#actions').row_count > 0\n"
        "asyncio.run(main())"
    )
    modules = loaded_modules(code)
    assert "facilitate.tui.screens.home" in modules
    assert sorted(m for m in modules if m.split(".")[0] == "pydantic") == []
