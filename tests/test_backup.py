"""Backups through SQLite's online backup API: complete, consistent under a live writer, never
overwriting anything. Real files in tmp_path; the writer is a real second connection (a thread in
this process, or a separate process for the CLI).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from facilitate.models import Meeting, Note
from facilitate.services.demo import build_demo
from facilitate.store import Store, StoreError
from facilitate.store.maintenance import backup, integrity_problems, table_counts
from facilitate.store.search import search

DEMO_DAY = date(2026, 11, 22)
WRITER_PREFIX = "writer note "


# -- helpers ----------------------------------------------------------------------------------


def all_rows(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every record table, in a stable order: the whole record, for comparison."""
    rows: dict[str, list[tuple[Any, ...]]] = {}
    for table in table_counts(store):
        cursor = store.db.conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid')
        rows[table] = cursor.fetchall()
    return rows


def fts_is_consistent(store: Store) -> None:
    """FTS5's own check that each search index matches its table (raises if not)."""
    for table in ("notes", "decisions", "action_items"):
        store.db.conn.execute(f"INSERT INTO {table}_fts({table}_fts) VALUES('integrity-check')")
    store.db.conn.rollback()


def writer_indexes(store: Store) -> list[int]:
    texts = [n.text for n in store.find(Note) if n.text.startswith(WRITER_PREFIX)]
    return sorted(int(text.removeprefix(WRITER_PREFIX)) for text in texts)


def wait_for(condition: Callable[[], bool], *, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for the writer")
        time.sleep(0.01)


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    """A closed demo database file."""
    path = tmp_path / "record.db"
    store = Store.open(path)
    build_demo(store, DEMO_DAY)
    store.close()
    return path


def run_cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "FACILITATE_DB"}
    env["FACILITATE_HOME"] = str(home)
    return subprocess.run(
        [sys.executable, "-m", "facilitate", *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=60,
        check=False,
    )


@contextlib.contextmanager
def opened(path: Path) -> Iterator[Store]:
    store = Store.open(path, create=False)
    try:
        yield store
    finally:
        store.close()


# -- a plain backup ---------------------------------------------------------------------------


def test_backup_opens_and_holds_the_same_rows(demo_store: Store, tmp_path: Path) -> None:
    # The demo was just written by this open store: its rows live in the -wal, not yet in the
    # main file, so a byte copy of record.db would miss them; the backup API must not.
    wal = demo_store.path.with_name(demo_store.path.name + "-wal")
    assert wal.stat().st_size > 0
    written = backup(demo_store, tmp_path / "copy.db")
    assert written == tmp_path / "copy.db"
    with opened(written) as copy:
        assert table_counts(copy) == table_counts(demo_store)
        assert table_counts(copy)["notes"] > 0
        assert all_rows(copy) == all_rows(demo_store)
        assert integrity_problems(copy) == []
        fts_is_consistent(copy)
        hits = search(copy, "referral")
        assert hits
        assert [h.id for h in hits] == [h.id for h in search(demo_store, "referral")]


def test_backup_leaves_the_source_unchanged_and_usable(demo_db: Path, tmp_path: Path) -> None:
    with opened(demo_db) as store:
        before = all_rows(store)
        backup(store, tmp_path / "copy.db")
        assert all_rows(store) == before
        meeting = store.find(Meeting, limit=1)[0]
        store.insert(Note(meeting_id=meeting.id, text="written after the backup"))
    with opened(tmp_path / "copy.db") as copy:
        assert all_rows(copy) == before  # the later note is only in the source
    with opened(demo_db) as store:
        assert "written after the backup" in [n.text for n in store.find(Note)]


# -- a backup while another connection writes -------------------------------------------------


class NoteWriter(threading.Thread):
    """Inserts numbered notes through its own Store, one transaction each, until stopped."""

    def __init__(self, path: Path, meeting_id: str) -> None:
        super().__init__(daemon=True)
        self.path = path
        self.meeting_id = meeting_id
        self.committed = 0
        self.stop = threading.Event()
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            store = Store.open(self.path)
            try:
                while not self.stop.is_set():
                    note = Note(meeting_id=self.meeting_id, text=f"{WRITER_PREFIX}{self.committed}")
                    store.insert(note)
                    self.committed += 1
            finally:
                store.close()
        except BaseException as error:
            self.error = error


def test_backup_while_a_writer_is_active_is_a_consistent_snapshot(
    demo_db: Path, tmp_path: Path
) -> None:
    with opened(demo_db) as store:
        meeting_id = store.find(Meeting, limit=1)[0].id
        before = store.count(Note)
        writer = NoteWriter(demo_db, meeting_id)
        writer.start()
        try:
            wait_for(lambda: writer.committed >= 20 or writer.error is not None)
            started_at = writer.committed
            written = backup(store, tmp_path / "copy.db")
            finished_at = writer.committed
            wait_for(lambda: writer.committed >= finished_at + 20 or writer.error is not None)
        finally:
            writer.stop.set()
            writer.join(timeout=30)
        assert writer.error is None, writer.error
        after = store.count(Note)
    assert after == before + writer.committed

    with opened(written) as copy:
        assert integrity_problems(copy) == []
        fts_is_consistent(copy)
        in_backup = copy.count(Note)
        # Everything committed before the backup began is in it; what came after is not.
        assert before + started_at <= in_backup <= before + finished_at + 1
        assert in_backup < after
        # A snapshot of one-at-a-time commits is a prefix of them: no gaps, no torn writes.
        indexes = writer_indexes(copy)
        assert indexes == list(range(len(indexes)))
        assert in_backup == before + len(indexes)


WRITER_PROCESS = r"""
import sys
from pathlib import Path
from facilitate.models import Note
from facilitate.store import Store

path, meeting_id, stop = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
store = Store.open(path)
n = 0
while not stop.exists():
    store.insert(Note(meeting_id=meeting_id, text=f"writer note {n}"))
    n += 1
store.close()
print(n)
"""


def test_cli_backup_while_another_process_writes(
    demo_db: Path, tmp_path: Path, isolated_home: Path
) -> None:
    with opened(demo_db) as store:
        meeting_id = store.find(Meeting, limit=1)[0].id
        before = store.count(Note)

    def committed() -> int:
        with contextlib.closing(sqlite3.connect(f"file:{demo_db}?mode=ro", uri=True)) as conn:
            return int(
                conn.execute(
                    "SELECT count(*) FROM notes WHERE text LIKE 'writer note %'"
                ).fetchone()[0]
            )

    stop = tmp_path / "stop"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER_PROCESS, str(demo_db), meeting_id, str(stop)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for(lambda: committed() >= 20 or writer.poll() is not None)
        dest = tmp_path / "copy.db"
        result = run_cli(isolated_home, "--db", str(demo_db), "db", "backup", str(dest))
        at_backup_end = committed()
        wait_for(lambda: committed() >= at_backup_end + 20 or writer.poll() is not None)
    finally:
        stop.touch()
        out, err = writer.communicate(timeout=30)
    assert writer.returncode == 0, err
    total = int(out)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Backed up to {dest}"

    with opened(dest) as copy:
        assert integrity_problems(copy) == []
        fts_is_consistent(copy)
        indexes = writer_indexes(copy)
        assert indexes == list(range(len(indexes)))
        assert 20 <= len(indexes) < total
        assert copy.count(Note) == before + len(indexes)


# -- where the backup goes --------------------------------------------------------------------


def test_backup_refuses_to_overwrite_an_existing_file(demo_store: Store, tmp_path: Path) -> None:
    dest = tmp_path / "precious.db"
    dest.write_bytes(b"yesterday's only copy")
    with pytest.raises(StoreError) as caught:
        backup(demo_store, dest)
    assert str(dest) in str(caught.value)
    assert "already exists" in str(caught.value)
    assert dest.read_bytes() == b"yesterday's only copy"


def test_backup_onto_its_own_database_is_refused(demo_store: Store) -> None:
    before = all_rows(demo_store)
    with pytest.raises(StoreError, match="already exists"):
        backup(demo_store, demo_store.path)
    assert all_rows(demo_store) == before
    assert integrity_problems(demo_store) == []


def test_cli_backup_refuses_to_overwrite(
    demo_db: Path, tmp_path: Path, isolated_home: Path
) -> None:
    dest = tmp_path / "precious.db"
    dest.write_bytes(b"yesterday's only copy")
    result = run_cli(isolated_home, "--db", str(demo_db), "db", "backup", str(dest))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stderr.strip() == (
        f"facilitate: {dest}: a file already exists here; choose another name."
    )
    assert dest.read_bytes() == b"yesterday's only copy"


def test_backup_into_a_folder_writes_a_file_inside_it(demo_store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    written = backup(demo_store, folder)
    assert written.parent == folder
    assert written.is_file()
    assert list(folder.iterdir()) == [written]
    with opened(written) as copy:
        assert all_rows(copy) == all_rows(demo_store)


def test_backup_into_a_folder_gets_a_dated_name(demo_store: Store, tmp_path: Path) -> None:
    written = backup(demo_store, tmp_path)
    assert date.today().isoformat() in written.name


def test_backup_into_a_missing_folder_fails_cleanly(demo_store: Store, tmp_path: Path) -> None:
    dest = tmp_path / "no-such-folder" / "copy.db"
    with pytest.raises(StoreError) as caught:
        backup(demo_store, dest)
    assert str(dest) in str(caught.value)
    assert "cannot create the backup" in str(caught.value)
    assert not dest.parent.exists()
