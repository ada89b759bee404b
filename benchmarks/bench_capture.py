"""How long a capture takes until it is durable, against a bare SQLite insert + commit.

Runs on a copy of the five-year database from `generate_history.py` (the original is never
changed): opens its planned meeting, then times, interleaved so drift hits every case alike,

* baseline — a bare ``sqlite3`` connection with the app's pragmas (WAL, synchronous=FULL)
  doing ``BEGIN IMMEDIATE; INSERT INTO notes ...; COMMIT`` with a prepared row;
* ``capture.add_note`` — the service call the note form makes;
* ``capture.capture_line`` for a plain note, a decision, and an action with an ``@handle`` and
  a due date (which also resolves the handle against the room and the body);

then the reads a running screen makes: ``entries_since`` with an up-to-date cursor (the poll a
second window makes every second), ``live_view`` (timers), ``resume_state`` and ``undo_last``,
once at a realistic meeting size and once at the end.

    .venv/bin/python benchmarks/bench_capture.py [--db benchmarks/history.db] [--runs 300]
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
from datetime import date
from pathlib import Path

from facilitate.models import Meeting, MeetingSeries, Membership, Person, new_id, utcnow
from facilitate.models.enums import MeetingStatus
from facilitate.services import agenda, attendance, capture, corrections, live
from facilitate.services.entry_feed import entries_since
from facilitate.store import Store

DEFAULT_DB = Path(__file__).with_name("history.db")
# Reads are timed once the meeting holds what a real one does (~5 entries a run, so ~300),
# and again at the end, when it holds far more than any real meeting.
TYPICAL_RUNS = 60
TODAY = date.today()


def _baseline(path: Path) -> Callable[[int], None]:
    """A bare connection writing the same row shape into the same table, triggers and all."""
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    meeting_id = conn.execute("SELECT id FROM meetings WHERE status = 'live'").fetchone()[0]
    sql = (
        "INSERT INTO notes (id, created_at, updated_at, meeting_id, agenda_item_id, text, "
        "visibility, attribution) VALUES (?, ?, ?, ?, NULL, ?, 'partners', 'none')"
    )

    def run(n: int) -> None:
        now = utcnow().isoformat()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(sql, (new_id(), now, now, meeting_id, f"baseline note {n}"))
        conn.execute("COMMIT")

    return run


def _timed(fn: Callable[[int], object], n: int) -> float:
    began = time.perf_counter()
    fn(n)
    return (time.perf_counter() - began) * 1000


def _report(name: str, samples: list[float], baseline: float | None) -> str:
    samples = sorted(samples)
    median = statistics.median(samples)
    p95 = samples[int(len(samples) * 0.95) - 1]
    ratio = f"{median / baseline:5.2f}x" if baseline else "     "
    return f"  {name:<42} median {median:7.3f} ms   p95 {p95:7.3f} ms   {ratio}"


def _prepare(store: Store) -> Meeting:
    planned = store.find(Meeting, status=MeetingStatus.PLANNED, order_by="-starts_at", limit=1)
    if not planned:
        raise SystemExit("no planned meeting: build the database with generate_history.py")
    meeting = planned[0]
    body_id = store.get(MeetingSeries, meeting.series_id).body_id
    for membership in store.find(Membership, body_id=body_id):
        attendance.check_in(store, meeting.id, membership.person_id)
    live.open_meeting(store, meeting.id)
    live.start_item(store, agenda.items(store, meeting.id)[0].id)
    return store.get(Meeting, meeting.id)


def bench(db: Path, runs: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        shutil.copy(db, path)
        store = Store.open(path)
        meeting = _prepare(store)
        owner = store.get(Person, store.get(Membership, _member(store, meeting)).person_id)
        handle = owner.email.split("@")[0]  # an email local part, e.g. @maria.lopez
        baseline = _baseline(path)

        cases: dict[str, Callable[[int], object]] = {
            "bare sqlite3 insert + commit (baseline)": baseline,
            "capture.add_note": lambda n: capture.add_note(store, meeting.id, f"note {n}"),
            "capture_line: note": lambda n: capture.capture_line(
                store, meeting.id, f"partners discussed item {n}", TODAY
            ),
            "capture_line: /d decision method:vote for:": lambda n: capture.capture_line(
                store, meeting.id, f"/d adopt plan {n} method:vote for:7 against:1", TODAY
            ),
            "capture_line: /a action @handle due:fri": lambda n: capture.capture_line(
                store, meeting.id, f"/a send draft {n} @{handle} due:fri", TODAY
            ),
        }
        samples: dict[str, list[float]] = {name: [] for name in cases}
        for fn in cases.values():  # warm up
            fn(-1)
        read_reports: list[str] = []
        for n in range(runs):
            for name, fn in cases.items():
                samples[name].append(_timed(fn, n))
            if n + 1 == TYPICAL_RUNS:
                read_reports += _reads(store, meeting.id)

        print(f"{db.name}: {runs} runs of each capture, interleaved; times until durable")
        base = statistics.median(samples["bare sqlite3 insert + commit (baseline)"])
        for name in cases:
            print(_report(name, samples[name], base))
        for line in [*read_reports, *_reads(store, meeting.id)]:
            print(line)
        store.close()


def _reads(store: Store, meeting_id: str) -> list[str]:
    """The reads a running screen makes, and undo, timed at the meeting's current size."""
    size = len(capture.entries(store, meeting_id))
    cursor = entries_since(store, meeting_id).cursor
    reads: dict[str, Callable[[int], object]] = {
        "entries_since, nothing new (1 s poll)": lambda n: entries_since(store, meeting_id, cursor),
        "live_view (agenda + timers)": lambda n: live.live_view(store, meeting_id),
        "resume_state": lambda n: live.resume_state(store),
        "undo_last (removes the newest capture)": lambda n: corrections.undo_last(
            store, meeting_id
        ),
    }
    lines = [f"reads of a running screen, meeting of {size} entries"]
    lines += [_report(name, [_timed(fn, n) for n in range(30)], None) for name, fn in reads.items()]
    return lines


def _member(store: Store, meeting: Meeting) -> str:
    body_id = store.get(MeetingSeries, meeting.series_id).body_id
    return store.find(Membership, body_id=body_id, limit=1)[0].id


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--runs", type=int, default=300)
    args = parser.parse_args(argv)
    if not args.db.exists():
        raise SystemExit(f"{args.db} is missing: run benchmarks/generate_history.py first")
    bench(args.db, args.runs)


if __name__ == "__main__":
    main(sys.argv[1:])
