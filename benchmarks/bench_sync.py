"""Merging two laptops' records, beside copying the file, in the same run.

    .venv/bin/python benchmarks/bench_sync.py [--db benchmarks/history.db] [--runs 3]

Works on temporary copies (the database given is never changed). Two cases:

- a 300-entry meeting: laptop B runs the planned steering committee meeting and captures 300
  entries (notes, decisions, actions, parking lot) through the capture service; laptop A, a copy
  taken before, takes them in by `merge OTHER.db` and by `sync export --since last` + `sync import`;
- a year of history: laptop A is the record as it was a year before the end (rows created since
  taken out, its change log cleared, as if it had been away); it takes in the year by
  `merge OTHER.db` and by `sync export --since DATE` + `sync import`.

Each figure is the median over `--runs` fresh copies, in seconds, beside the median time to copy
the database file (the floor of any exchange by USB stick), measured in the same run.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path

from facilitate.models import Meeting
from facilitate.models.enums import MeetingStatus
from facilitate.services.run import capture, live
from facilitate.services.sync.incoming import import_file, merge_database
from facilitate.services.sync.outgoing import export_changes
from facilitate.store import Store

DEFAULT_DB = Path(__file__).with_name("history.db")
ENTRY_LINES = ("a note heard at the table", "/d adopt the plan", "/a follow up", "/p later")


def _timed(work: Callable[[], object]) -> float:
    began = time.perf_counter()
    work()
    return time.perf_counter() - began


def _copy(source: Path, target: Path) -> Path:
    shutil.copyfile(source, target)
    return target


def _meeting_of_300(b: Path, today: date) -> None:
    store = Store.open(b)
    try:
        planned = [m for m in store.find(Meeting) if m.status is MeetingStatus.PLANNED]
        meeting = max(planned, key=lambda m: m.starts_at)
        live.open_meeting(store, meeting.id)
        for n in range(300):
            line = f"{ENTRY_LINES[n % len(ENTRY_LINES)]} {n}"
            capture.capture_line(store, meeting.id, line, today)
    finally:
        store.close()


def _a_year_ago(source: Path, target: Path, cutoff: str) -> Path:
    """The record as a laptop away for a year holds it: no row created since `cutoff`."""
    _copy(source, target)
    conn = sqlite3.connect(target)
    conn.execute("PRAGMA foreign_keys = OFF")
    tables = [
        name
        for name, sql in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
        if not name.startswith(("_", "sqlite_"))
        and "VIRTUAL" not in str(sql).upper()
        and "_fts" not in name
    ]
    with conn:
        for table in tables:
            columns = {row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')}
            if "created_at" in columns:
                conn.execute(f'DELETE FROM "{table}" WHERE created_at >= ?', [cutoff])
        conn.execute("DELETE FROM _sync_changes")
    conn.execute("VACUUM")
    conn.close()
    return target


def _case(
    name: str,
    folder: Path,
    a: Path,
    b: Path,
    since: str,
    runs: int,
) -> None:
    copies, merges, exports, imports = [], [], [], []
    for run in range(runs):
        copies.append(_timed(partial(_copy, b, folder / f"copy-{run}.db")))
        target = _copy(a, folder / f"a-merge-{run}.db")
        merges.append(_timed(partial(merge_database, target, b)))
        out = folder / f"b-{run}.changeset"
        exports.append(_timed(partial(export_changes, b, out, since=since)))
        target = _copy(a, folder / f"a-import-{run}.db")
        imports.append(_timed(partial(import_file, target, out)))
    copy = statistics.median(copies)
    size = b.stat().st_size / 1e6
    print(f"\n{name}, since {since} (file {size:.1f} MB, medians of {runs})")
    print(f"  copy the file                  {copy:8.3f} s")
    for label, figures in (
        ("merge OTHER.db", merges),
        ("sync export --since …", exports),
        ("sync import", imports),
    ):
        median = statistics.median(figures)
        print(f"  {label:30} {median:8.3f} s   {median / copy:7.1f}x copying")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    if not args.db.exists():
        sys.exit(f"{args.db}: not found; run benchmarks/generate_history.py first")
    with tempfile.TemporaryDirectory(prefix="bench-sync-") as name:
        folder = Path(name)
        a = _copy(args.db, folder / "a.db")
        Store.open(a).close()  # brought up to the current schema once, outside the timings
        b = _copy(a, folder / "b.db")
        started = datetime.now(UTC).isoformat(timespec="microseconds")
        _meeting_of_300(b, date.today())
        _case("A 300-entry meeting", folder, a, b, started, args.runs)

        store = Store.open(a)
        newest = max(m.starts_at for m in store.find(Meeting))
        store.close()
        cutoff = (newest.date() - timedelta(days=365)).isoformat()
        away = _a_year_ago(a, folder / "a-year-ago.db", cutoff)
        _case("A year of history", folder, away, a, cutoff, args.runs)


if __name__ == "__main__":
    main()
