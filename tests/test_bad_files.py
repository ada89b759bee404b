"""Files facilitate must refuse: missing, locked, read-only, not a database, another
application's database, empty (to a command that only reads), damaged, too new, a folder.

Each case gets one clear message that names the file and says what to do, a non-zero exit status
from the CLI, no traceback, and the file is left byte-identical. Everything is a real file in
tmp_path; the CLI runs as a real subprocess (`python -m facilitate`), the truest test of what a
user sees. Also: the files facilitate creates are private (mode 0o600).
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import os
import random
import shutil
import sqlite3
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from facilitate.cli import cli
from facilitate.cli.common import may_start_record
from facilitate.models import Organization
from facilitate.services.demo import build_demo
from facilitate.store import (
    DatabaseCorrupt,
    DatabaseLocked,
    DatabaseMissing,
    DatabaseReadOnly,
    DatabaseTooNew,
    Store,
    StoreError,
)
from facilitate.store.errors import DatabaseEmpty, DatabaseForeign
from facilitate.store.maintenance import backup, integrity_problems

DEMO_DAY = date(2026, 11, 22)
SIDECARS = ("-wal", "-shm", "-journal")
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


# -- helpers ----------------------------------------------------------------------------------


def sidecar(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def snapshot(path: Path) -> dict[str, bytes | None]:
    """The file's bytes and each SQLite companion's bytes (None when absent)."""
    files = {"": path.read_bytes() if path.is_file() else None}
    for suffix in SIDECARS:
        companion = sidecar(path, suffix)
        files[suffix] = companion.read_bytes() if companion.exists() else None
    return files


def make_db(path: Path, *, demo: bool = False) -> Path:
    """A real facilitate database, closed, with no -wal/-shm left beside it."""
    store = Store.open(path)
    if demo:
        build_demo(store, DEMO_DAY)
    store.close()
    assert snapshot(path)["-wal"] is None
    return path


def run_cli(home: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """`facilitate ARGS` as a user runs it: a fresh process, stdin closed, own FACILITATE_HOME."""
    env = {k: v for k, v in os.environ.items() if k != "FACILITATE_DB"}
    env["FACILITATE_HOME"] = str(home)
    return subprocess.run(
        [sys.executable, "-m", "facilitate", *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=timeout,
        check=False,
    )


def assert_refused(result: subprocess.CompletedProcess[str], path: Path, *words: str) -> str:
    """Exit status 1, nothing on stdout, exactly one line on stderr naming `path`, no traceback."""
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert result.returncode == 1, output
    assert result.stdout == "", output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    line = lines[0]
    assert line.startswith("facilitate: "), line
    assert str(path) in line, line
    for word in words:
        assert word.lower() in line.lower(), line
    return line


HOLDER = r"""
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
if sys.argv[2] == "exclusive":
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
conn.execute("BEGIN EXCLUSIVE" if sys.argv[2] == "exclusive" else "BEGIN IMMEDIATE")
conn.execute(
    "INSERT INTO organizations (id, created_at, updated_at, name, kind) "
    "VALUES ('holder', '2026-01-01', '2026-01-01', 'Held', 'other')"
)
print("locked", flush=True)
sys.stdin.read()  # hold until the test closes our stdin
conn.execute("ROLLBACK")
conn.close()
"""


class Holder:
    """Another program holding the database: a separate process with a write in progress.

    `exclusive`: `locking_mode=EXCLUSIVE` + `BEGIN EXCLUSIVE`, so in WAL mode other connections
    cannot even read. `writer`: an ordinary `BEGIN IMMEDIATE`, which in WAL mode blocks writers
    only. A separate process, because closing any file descriptor on the database inside the
    test process (reading its bytes, say) would silently drop an in-process holder's POSIX locks.
    """

    def __init__(self, path: Path, how: str = "exclusive") -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(path), how],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        if self.process.stdout.readline().strip() != "locked":
            self.process.kill()
            self.process.wait()
            raise AssertionError("the lock holder could not take its lock")

    def release(self) -> None:
        assert self.process.stdin is not None
        if not self.process.stdin.closed:
            self.process.stdin.close()
        assert self.process.wait(timeout=30) == 0
        if self.process.stdout is not None:
            self.process.stdout.close()

    def __enter__(self) -> Holder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


# -- missing ------------------------------------------------------------------------------------


def test_missing_file_raises_database_missing_and_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "missing.db"
    with pytest.raises(DatabaseMissing) as caught:
        Store.open(path, create=False)
    message = str(caught.value)
    assert str(path) in message
    assert "facilitate demo" in message  # says what to do
    assert sorted(tmp_path.iterdir()) == []


def test_missing_folder_is_not_created_either(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "missing.db"
    with pytest.raises(DatabaseMissing):
        Store.open(path, create=False)
    assert not path.parent.exists()


@pytest.mark.parametrize(
    "command",
    [["search", "x"], ["db", "check"], ["db", "backup", "BACKUP"], []],
    ids=["search", "db-check", "db-backup", "open-app"],
)
def test_cli_on_missing_file_fails_cleanly_and_creates_nothing(
    tmp_path: Path, isolated_home: Path, command: list[str]
) -> None:
    path = tmp_path / "missing.db"
    args = [str(tmp_path / "backup.db") if arg == "BACKUP" else arg for arg in command]
    result = run_cli(isolated_home, "--db", str(path), *args)
    assert_refused(result, path, "no database here")
    assert sorted(tmp_path.iterdir()) == []


def test_cli_default_database_missing_names_the_facilitate_home_file(isolated_home: Path) -> None:
    expected = isolated_home / "facilitate.db"
    result = run_cli(isolated_home, "search", "x")
    assert_refused(result, expected, "no database here")
    assert not expected.exists()


# -- locked -------------------------------------------------------------------------------------


@dataclass
class LockedOpen:
    path: Path
    error: BaseException | None
    elapsed: float
    before: dict[str, bytes | None]
    after: dict[str, bytes | None]


@pytest.fixture(scope="module")
def locked_open(tmp_path_factory: pytest.TempPathFactory) -> LockedOpen:
    """Store.open with a 200 ms busy timeout on a file another connection holds exclusively.

    Shared by two tests so the (currently 5 s) wait is paid once.
    """
    path = make_db(tmp_path_factory.mktemp("locked") / "locked.db")
    with Holder(path):
        before = snapshot(path)
        error: BaseException | None = None
        started = time.monotonic()
        try:
            Store.open(path, busy_timeout_ms=200).close()
        except Exception as exc:
            error = exc
        elapsed = time.monotonic() - started
        after = snapshot(path)
    return LockedOpen(path, error, elapsed, before, after)


@pytest.mark.slow
def test_exclusively_locked_file_raises_database_locked_and_is_untouched(
    locked_open: LockedOpen,
) -> None:
    assert isinstance(locked_open.error, DatabaseLocked), repr(locked_open.error)
    message = str(locked_open.error)
    assert str(locked_open.path) in message
    assert "locked by another program" in message
    assert "try again" in message
    assert locked_open.after == locked_open.before


@pytest.mark.slow
def test_open_on_locked_file_honours_short_busy_timeout(locked_open: LockedOpen) -> None:
    assert isinstance(locked_open.error, DatabaseLocked)
    assert locked_open.elapsed < 2.0, f"waited {locked_open.elapsed:.1f}s with a 200 ms timeout"


def test_write_while_another_writer_holds_the_lock_raises_locked_then_recovers(
    tmp_path: Path,
) -> None:
    path = make_db(tmp_path / "busy.db")
    holder = Holder(path, "writer")
    store = Store.open(path, busy_timeout_ms=200)  # WAL: reading is fine while another writes
    try:
        assert store.count(Organization) == 0
        started = time.monotonic()
        with pytest.raises(DatabaseLocked) as caught:
            store.insert(Organization(name="Blocked"))
        assert time.monotonic() - started < 2.0
        assert str(path) in str(caught.value)
        assert "locked by another program" in str(caught.value)
        holder.release()
        # The failed write left nothing behind and the store still works.
        assert store.count(Organization) == 0
        store.insert(Organization(name="After"))
        assert [o.name for o in store.find(Organization)] == ["After"]
    finally:
        store.close()
        holder.release()


@pytest.mark.slow
def test_cli_on_exclusively_locked_file_fails_cleanly(tmp_path: Path, isolated_home: Path) -> None:
    """The CLI's busy timeout is 5 s, so this waits that long before it is refused."""
    path = make_db(tmp_path / "locked.db")
    with Holder(path):
        before = snapshot(path)
        result = run_cli(isolated_home, "--db", str(path), "search", "x")
        after = snapshot(path)
    assert_refused(result, path, "locked by another program", "try again")
    assert after == before


@pytest.mark.slow
def test_cli_waits_for_a_lock_that_is_released(tmp_path: Path, isolated_home: Path) -> None:
    path = make_db(tmp_path / "demo.db", demo=True)
    holder = Holder(path)
    timer = threading.Timer(1.5, holder.release)
    timer.start()
    try:
        started = time.monotonic()
        result = run_cli(isolated_home, "--db", str(path), "search", "referral")
        elapsed = time.monotonic() - started
    finally:
        timer.join()
        holder.release()
    assert result.returncode == 0, result.stderr
    assert "referral" in result.stdout.lower()
    assert elapsed >= 1.4  # it could not have read anything before the holder let go


def count_in_another_process(path: Path) -> int:
    script = (
        "import sqlite3, sys; "
        "print(sqlite3.connect(sys.argv[1]).execute('SELECT count(*) FROM organizations')"
        ".fetchone()[0])"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=True
    )
    return int(done.stdout)


def test_second_open_in_one_process_keeps_the_first_stores_locks(tmp_path: Path) -> None:
    path = make_db(tmp_path / "shared.db")
    first = Store.open(path)
    try:
        first.insert(Organization(name="One"))
        Store.open(path).close()  # e.g. a second window or a worker opening the same file
        script = "import sys; from facilitate.store import Store; Store.open(sys.argv[1]).close()"
        subprocess.run([sys.executable, "-c", script, str(path)], check=True)
        first.insert(Organization(name="Two"))
        assert sidecar(path, "-wal").exists(), "another process deleted the WAL in use"
        assert count_in_another_process(path) == 2
    finally:
        first.close()


# -- read-only ----------------------------------------------------------------------------------


@pytest.mark.skipif(IS_ROOT, reason="root bypasses permission bits (os.access W_OK is True)")
def test_read_only_file_raises_database_read_only(tmp_path: Path) -> None:
    path = make_db(tmp_path / "ro.db")
    path.chmod(0o400)
    before = snapshot(path)
    for create in (True, False):
        with pytest.raises(DatabaseReadOnly) as caught:
            Store.open(path, create=create)
        assert str(path) in str(caught.value)
        assert "chmod u+w" in str(caught.value)
    assert snapshot(path) == before


def _drop_dac_override() -> None:
    """In the child, before exec: drop root's power to ignore permission bits.

    Removing CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH from the bounding set means the exec'd
    program runs as root without them, so a 0o400 file is read-only to it as to any user.
    """
    libc = ctypes.CDLL(None, use_errno=True)
    pr_capbset_drop, cap_dac_override, cap_dac_read_search = 24, 1, 2
    for cap in (cap_dac_override, cap_dac_read_search):
        if libc.prctl(pr_capbset_drop, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


@pytest.mark.skipif(not IS_ROOT or sys.platform != "linux", reason="root-only Linux variant")
def test_cli_read_only_file_as_root_without_dac_override(
    tmp_path: Path, isolated_home: Path
) -> None:
    path = make_db(tmp_path / "ro.db")
    path.chmod(0o400)
    before = snapshot(path)
    env = {k: v for k, v in os.environ.items() if k != "FACILITATE_DB"}
    env["FACILITATE_HOME"] = str(isolated_home)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "facilitate", "--db", str(path), "search", "x"],
            capture_output=True,
            text=True,
            env=env,
            stdin=subprocess.DEVNULL,
            timeout=60,
            check=False,
            preexec_fn=_drop_dac_override,
        )
    except subprocess.SubprocessError as error:  # no CAP_SETPCAP in this container
        pytest.skip(f"cannot drop capabilities here: {error}")
    assert_refused(result, path, "read-only", "chmod u+w")
    assert snapshot(path) == before


@pytest.fixture
def immutable(tmp_path: Path) -> Iterator[Path]:
    """A facilitate database marked immutable (chattr +i): read-only even to root."""
    path = make_db(tmp_path / "immutable.db")
    chattr = shutil.which("chattr")
    if chattr is None:
        pytest.skip("chattr is not installed")
    done = subprocess.run([chattr, "+i", str(path)], capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"chattr +i not permitted here: {done.stderr!r}")
    try:
        yield path
    finally:
        subprocess.run([chattr, "-i", str(path)], check=True)


def test_immutable_file_raises_database_read_only_even_for_root(
    immutable: Path, isolated_home: Path
) -> None:
    before = snapshot(immutable)
    with pytest.raises(DatabaseReadOnly) as caught:
        Store.open(immutable)
    assert str(immutable) in str(caught.value)
    assert "read-only" in str(caught.value)
    result = run_cli(isolated_home, "--db", str(immutable), "db", "check")
    assert_refused(result, immutable, "read-only")
    assert snapshot(immutable) == before


# -- not a database -----------------------------------------------------------------------------

NOT_DATABASES = {
    "text": b"Minutes of the March meeting\nPresent: everyone\n" * 50,
    "random-bytes": random.Random(7).randbytes(8192),
    "sqlite-header-then-garbage": b"SQLite format 3\x00" + random.Random(8).randbytes(8192),
}


@pytest.mark.parametrize("kind", NOT_DATABASES)
def test_file_that_is_not_a_database_raises_corrupt_and_is_untouched(
    tmp_path: Path, kind: str
) -> None:
    path = tmp_path / "x.db"
    path.write_bytes(NOT_DATABASES[kind])
    before = snapshot(path)
    for create in (True, False):
        with pytest.raises(DatabaseCorrupt) as caught:
            Store.open(path, create=create)
        message = str(caught.value)
        assert str(path) in message
        assert "not a facilitate database" in message
        assert "untouched" in message
    assert snapshot(path) == before  # and no -wal/-shm/-journal appeared beside it
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.db"]


@pytest.mark.parametrize("command", [["search", "x"], ["db", "check"]], ids=["search", "check"])
@pytest.mark.parametrize("kind", NOT_DATABASES)
def test_cli_on_file_that_is_not_a_database_fails_cleanly(
    tmp_path: Path, isolated_home: Path, kind: str, command: list[str]
) -> None:
    path = tmp_path / "x.db"
    path.write_bytes(NOT_DATABASES[kind])
    before = snapshot(path)
    result = run_cli(isolated_home, "--db", str(path), *command)
    assert_refused(result, path, "not a facilitate database")
    assert snapshot(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.db"]


# -- another application's SQLite file -------------------------------------------------------


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


FOREIGN_SCHEMAS = {
    "plain": (
        "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT);"
        "CREATE TABLE stock (item_id INTEGER, count INTEGER);"
        "INSERT INTO items (name) VALUES ('folding chairs');"
    ),
    # Another sqlite-utils application: the same bookkeeping table, its own migration set.
    "other-migrations": (
        "CREATE TABLE _sqlite_migrations (migration_set TEXT, name TEXT, applied_at TEXT);"
        "INSERT INTO _sqlite_migrations VALUES ('inventory', '0001_items', '2025-01-01');"
        "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT);"
        "CREATE TABLE stock (item_id INTEGER, count INTEGER);"
    ),
}


@pytest.fixture(params=list(FOREIGN_SCHEMAS))
def foreign(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """A SQLite file another application made: tables of its own, no facilitate migrations."""
    path = tmp_path / "inventory.db"
    with contextlib.closing(sqlite3.connect(str(path))) as conn:
        conn.executescript(FOREIGN_SCHEMAS[request.param])
        conn.commit()
    assert snapshot(path)["-journal"] is None
    return path


def test_another_applications_database_is_refused_and_left_byte_identical(foreign: Path) -> None:
    digest = sha256(foreign)
    for create in (True, False):
        with pytest.raises(DatabaseForeign) as caught:
            Store.open(foreign, create=create)
        message = str(caught.value)
        assert message.startswith(f"{foreign}: ")
        assert "a SQLite database of another application (tables: items, stock)" in message
        assert "not a facilitate record; facilitate left it untouched" in message
    assert sha256(foreign) == digest
    assert sorted(p.name for p in foreign.parent.iterdir()) == [foreign.name]


@pytest.mark.parametrize(
    "command",
    [["db", "check"], ["search", "x"], ["minutes", "2026-11-03"], ["db", "backup", "BACKUP"], []],
    ids=["db-check", "search", "minutes", "db-backup", "open-app"],
)
def test_cli_refuses_another_applications_database(
    foreign: Path, isolated_home: Path, command: list[str]
) -> None:
    digest = sha256(foreign)
    args = [str(isolated_home / "backup.db") if arg == "BACKUP" else arg for arg in command]
    result = run_cli(isolated_home, "--db", str(foreign), *args)
    assert_refused(result, foreign, "another application", "tables: items, stock", "untouched")
    assert sha256(foreign) == digest
    assert sorted(p.name for p in foreign.parent.iterdir()) == [foreign.name]
    assert not (isolated_home / "backup.db").exists()


def test_app_refuses_another_applications_database_as_its_default_file(
    foreign: Path, tmp_path: Path
) -> None:
    """The default file may be created; one that exists and is not ours is still refused."""
    home = tmp_path / "home"
    home.mkdir()
    default = home / "facilitate.db"
    foreign.rename(default)
    digest = sha256(default)
    assert_refused(run_cli(home), default, "another application")
    assert sha256(default) == digest


# -- an empty file --------------------------------------------------------------------------------

EMPTY_LINE = "this file is empty: not a facilitate record yet; run `facilitate --db"


@pytest.fixture(params=[0o644, 0o444], ids=["writable", "read-only"])
def empty(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """A 0-byte file the user made, with the mode they gave it."""
    path = tmp_path / "empty.db"
    path.touch()
    path.chmod(request.param)
    return path


def assert_untouched(path: Path, file_mode: int) -> None:
    assert path.stat().st_size == 0
    assert mode(path) == file_mode
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_reading_an_empty_file_is_refused_and_leaves_it_alone(empty: Path) -> None:
    file_mode = mode(empty)
    with pytest.raises(DatabaseEmpty) as caught:
        Store.open(empty, create=False)
    assert str(caught.value).startswith(f"{empty}: {EMPTY_LINE} {empty}` to start one")
    assert_untouched(empty, file_mode)


@pytest.mark.parametrize(
    "command",
    [["db", "check"], ["search", "x"], ["minutes", "2026-11-03"], ["db", "backup", "BACKUP"]],
    ids=["db-check", "search", "minutes", "db-backup"],
)
def test_read_only_commands_leave_an_empty_file_alone(
    empty: Path, isolated_home: Path, command: list[str]
) -> None:
    file_mode = mode(empty)
    backup_path = isolated_home / "backup.db"
    args = [str(backup_path) if arg == "BACKUP" else arg for arg in command]
    result = run_cli(isolated_home, "--db", str(empty), *args)
    assert_refused(result, empty, EMPTY_LINE, "to start one")
    assert_untouched(empty, file_mode)
    assert not backup_path.exists()


def test_starting_a_record_in_an_empty_file_keeps_the_mode_its_owner_set(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    path.touch()
    path.chmod(0o640)
    with permissive_umask():
        store = Store.open(path, create=True)
        try:
            store.insert(Organization(name="Riverbend"))
        finally:
            store.close()
    assert mode(path) == 0o640
    assert make_db(path) == path  # reopens as a facilitate record
    assert integrity_problems_of(path) == []


def integrity_problems_of(path: Path) -> list[str]:
    store = Store.open(path, create=False)
    try:
        return integrity_problems(store)
    finally:
        store.close()


def test_demo_file_may_start_in_an_empty_file(tmp_path: Path, isolated_home: Path) -> None:
    path = tmp_path / "demo.db"
    path.touch()
    path.chmod(0o644)
    result = run_cli(isolated_home, "demo", str(path), "--no-open")
    assert result.returncode == 0, result.stderr
    assert mode(path) == 0o644
    assert run_cli(isolated_home, "--db", str(path), "search", "referral").returncode == 0


def test_starting_a_record_in_a_read_only_empty_file_is_refused(tmp_path: Path) -> None:
    """The app and `demo FILE` may start a record in an empty file, never by making it
    writable. As root, in a child without the power to ignore permission bits."""
    path = tmp_path / "locked-down.db"
    path.touch()
    path.chmod(0o444)
    env = {k: v for k, v in os.environ.items() if k != "FACILITATE_DB"}
    env["FACILITATE_HOME"] = str(tmp_path / "home")
    try:
        result = subprocess.run(
            [sys.executable, "-m", "facilitate", "demo", str(path), "--no-open"],
            capture_output=True,
            text=True,
            env=env,
            stdin=subprocess.DEVNULL,
            timeout=60,
            check=False,
            preexec_fn=_drop_dac_override if IS_ROOT else None,
        )
    except subprocess.SubprocessError as error:  # no CAP_SETPCAP in this container
        pytest.skip(f"cannot drop capabilities here: {error}")
    assert_refused(result, path, "read-only")
    assert_untouched(path, 0o444)


def test_a_starting_command_may_fill_an_empty_file_but_never_makes_a_mistyped_one(
    tmp_path: Path,
) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()

    def may_start(db: Path | None) -> bool:
        return may_start_record(click.Context(cli, obj={"db": db}))

    assert may_start(None)  # the default file
    assert may_start(empty)
    assert not may_start(tmp_path / "mistyped.db")
    assert not may_start(tmp_path)  # a folder: the store names it


def test_a_sqlite_file_with_no_tables_is_empty_too(tmp_path: Path) -> None:
    """A header and nothing else: a first start that died before its schema was written."""
    path = tmp_path / "blank.db"
    with contextlib.closing(sqlite3.connect(str(path))) as conn:
        conn.execute("PRAGMA journal_mode = WAL")  # what facilitate's first connection writes
    assert path.stat().st_size > 0
    digest = sha256(path)
    with pytest.raises(DatabaseEmpty):
        Store.open(path, create=False)
    assert sha256(path) == digest
    Store.open(path, create=True).close()
    assert integrity_problems_of(path) == []


# -- damaged pages ------------------------------------------------------------------------------


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    """A real demo database whose `notes` table page was overwritten with garbage after closing."""
    path = tmp_path / "damaged.db"
    store = Store.open(path)
    build_demo(store, DEMO_DAY)
    root = store.query("SELECT rootpage FROM sqlite_master WHERE name = 'notes'")[0]["rootpage"]
    page_size = store.query("PRAGMA page_size")[0]["page_size"]
    store.close()
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(random.Random(46).randbytes(page_size))
    assert snapshot(path)["-wal"] is None
    return path


def test_damaged_database_is_reported_by_the_integrity_check(damaged: Path) -> None:
    before = snapshot(damaged)
    store = Store.open(damaged)  # the schema pages are intact, so opening may succeed
    try:
        problems = integrity_problems(store)
    except DatabaseCorrupt as error:
        assert str(damaged) in str(error)
        assert "restore it from a backup" in str(error)
    else:
        assert problems, "integrity check found nothing wrong with a damaged page"
    finally:
        store.close()
    assert snapshot(damaged)[""] == before[""]


def test_cli_db_check_on_damaged_database_fails_cleanly_and_leaves_it(
    damaged: Path, isolated_home: Path
) -> None:
    before = snapshot(damaged)
    result = run_cli(isolated_home, "--db", str(damaged), "db", "check")
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert result.returncode == 1, output
    last = result.stderr.strip().splitlines()[-1]
    assert str(damaged) in last
    assert "backup" in last
    assert ": ok" not in result.stdout
    assert snapshot(damaged)[""] == before[""]


def test_cli_search_on_damaged_database_gives_one_clear_message(
    damaged: Path, isolated_home: Path
) -> None:
    result = run_cli(isolated_home, "--db", str(damaged), "search", "referral")
    assert_refused(result, damaged, "damaged", "restore it from a backup")


def test_cli_search_on_damaged_database_leaves_it_byte_identical(
    damaged: Path, isolated_home: Path
) -> None:
    before = snapshot(damaged)
    result = run_cli(isolated_home, "--db", str(damaged), "search", "referral")
    assert "left untouched" in result.stderr
    assert snapshot(damaged)[""] == before[""]


# -- written by a newer facilitate --------------------------------------------------------------


@pytest.fixture
def too_new(tmp_path: Path) -> Path:
    path = make_db(tmp_path / "future.db")
    conn = sqlite3.connect(str(path))
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('facilitate', '9999_future', '2031-01-01T00:00:00')"
    )
    conn.commit()
    conn.close()  # the last connection: SQLite checkpoints and removes -wal/-shm
    assert snapshot(path)["-wal"] is None
    return path


def test_database_from_newer_version_raises_too_new_and_is_untouched(too_new: Path) -> None:
    before = snapshot(too_new)[""]
    for create in (True, False):
        with pytest.raises(DatabaseTooNew) as caught:
            Store.open(too_new, create=create)
        message = str(caught.value)
        assert str(too_new) in message
        assert "newer version" in message
        assert "Upgrade facilitate" in message
        assert "9999_future" in message
    assert snapshot(too_new)[""] == before


def test_cli_on_database_from_newer_version_fails_cleanly(
    too_new: Path, isolated_home: Path
) -> None:
    before = snapshot(too_new)[""]
    result = run_cli(isolated_home, "--db", str(too_new), "search", "x")
    assert_refused(result, too_new, "newer version", "upgrade")
    assert snapshot(too_new)[""] == before


def test_refusing_a_too_new_database_leaves_no_companion_files(too_new: Path) -> None:
    with pytest.raises(DatabaseTooNew):
        Store.open(too_new)
    assert sorted(p.name for p in too_new.parent.iterdir()) == [too_new.name]


# -- a folder -----------------------------------------------------------------------------------


def test_folder_as_database_raises_a_clear_store_error(tmp_path: Path) -> None:
    folder = tmp_path / "meetings"
    folder.mkdir()
    for create in (True, False):
        with pytest.raises(StoreError) as caught:
            Store.open(folder, create=create)
        assert str(folder) in str(caught.value)
        assert "folder" in str(caught.value)
    assert list(folder.iterdir()) == []


FOLDER_LINE = "this is a folder, not a database file"


@pytest.mark.parametrize("via", ["option", "env"])
def test_cli_with_folder_as_db_fails_cleanly(tmp_path: Path, isolated_home: Path, via: str) -> None:
    """`--db FOLDER` (or FACILITATE_DB) gets the store's one line, not click's usage error."""
    folder = tmp_path / "meetings"
    folder.mkdir()
    if via == "option":
        result = run_cli(isolated_home, "--db", str(folder), "search", "x")
    else:
        env = {**os.environ, "FACILITATE_HOME": str(isolated_home), "FACILITATE_DB": str(folder)}
        result = subprocess.run(
            [sys.executable, "-m", "facilitate", "search", "x"],
            capture_output=True,
            text=True,
            env=env,
            stdin=subprocess.DEVNULL,
            timeout=60,
            check=False,
        )
    assert_refused(result, folder, FOLDER_LINE)
    assert list(folder.iterdir()) == []


def test_folder_as_db_gets_the_same_line_as_through_facilitate_home(tmp_path: Path) -> None:
    home = tmp_path / "home"
    folder = home / "facilitate.db"  # the file FACILITATE_HOME names is a folder
    folder.mkdir(parents=True)
    through_home = assert_refused(run_cli(home, "search", "x"), folder, FOLDER_LINE)
    through_option = assert_refused(
        run_cli(tmp_path, "--db", str(folder), "search", "x"), folder, FOLDER_LINE
    )
    assert through_option == through_home


# -- no traceback, in process -------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["missing", "text", "too-new", "folder-in-path"])
def test_store_errors_never_reach_the_user_as_a_traceback(tmp_path: Path, kind: str) -> None:
    """Same cases through click's CliRunner: exit 1, one line, no exception escapes."""
    path = tmp_path / "x.db"
    if kind == "text":
        path.write_text("not a database\n")
    elif kind == "too-new":
        make_db(path)
        with contextlib.closing(sqlite3.connect(str(path))) as conn:
            conn.execute(
                "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                "VALUES ('facilitate', '9999_future', '2031')"
            )
            conn.commit()
    elif kind == "folder-in-path":  # a file where a folder should be
        (tmp_path / "plain").write_text("")
        path = tmp_path / "plain" / "x.db"
    result = CliRunner().invoke(cli, ["--db", str(path), "search", "x"])
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and str(path) in lines[0], result.stderr


# -- permissions --------------------------------------------------------------------------------


@contextlib.contextmanager
def permissive_umask() -> Iterator[None]:
    """umask 0: any file created without an explicit private mode would come out 0o666/0o644."""
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_database_and_its_companions_are_private(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    with permissive_umask():
        store = Store.open(path)
        try:
            store.insert(Organization(name="Confidential partner"))
            companions = [sidecar(path, s) for s in SIDECARS if sidecar(path, s).exists()]
            assert sidecar(path, "-wal") in companions  # WAL mode: there is something to check
            assert {p.name: mode(p) for p in [path, *companions]} == {
                p.name: 0o600 for p in [path, *companions]
            }
        finally:
            store.close()
    assert mode(path) == 0o600


def test_database_in_a_new_folder_is_private(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folder" / "record.db"
    with permissive_umask():
        Store.open(path).close()
    assert mode(path) == 0o600


def test_backup_file_is_private(tmp_path: Path) -> None:
    source = make_db(tmp_path / "record.db")
    with permissive_umask():
        store = Store.open(source)
        try:
            written = backup(store, tmp_path / "copy.db")
        finally:
            store.close()
    assert mode(written) == 0o600
    for suffix in SIDECARS:
        if sidecar(written, suffix).exists():
            assert mode(sidecar(written, suffix)) == 0o600


def test_cli_backup_file_is_private(tmp_path: Path, isolated_home: Path) -> None:
    source = make_db(tmp_path / "record.db")
    dest = tmp_path / "copy.db"
    with permissive_umask():  # inherited by the child process
        result = run_cli(isolated_home, "--db", str(source), "db", "backup", str(dest))
    assert result.returncode == 0, result.stderr
    assert mode(dest) == 0o600
