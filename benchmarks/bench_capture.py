"""How long a capture takes until it is durable, against a bare SQLite insert + commit.

Runs on a copy of the five-year database from `generate_history.py` (the original is never
changed): opens its planned meeting, then times, interleaved so drift hits every case alike,

* baselines — bare ``sqlite3`` on the store's own connection (the app's pragmas: WAL,
  synchronous=FULL) doing ``BEGIN IMMEDIATE; INSERT ...; COMMIT`` with a prepared row, one per
  table an entry goes to (notes, decisions, action_items: they differ in indexes), each row a
  copy of what the app itself wrote there, with a fresh id, time and text;
* ``capture.add_note`` — the service call the note form makes;
* ``capture.capture_line`` for a plain note, a decision, and an action with an ``@handle`` and
  a due date (which also resolves the handle against the room and the body);

each against the bare insert into its own table, and against the bare note insert. It does
this twice: with nobody else writing, and with a second connection (the other window)
committing before every timed call, which makes every read start from a cold page cache and
every remembered read (the meeting, who is in the room) be redone.

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
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path

from facilitate.models import Meeting, MeetingSeries, Membership, Person, new_id, utcnow
from facilitate.models.enums import MeetingStatus
from facilitate.services.plan import agenda
from facilitate.services.run import attendance, capture, corrections, live
from facilitate.services.run.entry_feed import entries_since
from facilitate.store import Store

DEFAULT_DB = Path(__file__).with_name("history.db")
# Reads are timed once the meeting holds what a real one does (~5 entries a run, so ~300),
# and again at the end, when it holds far more than any real meeting.
TYPICAL_RUNS = 60
TODAY = date.today()


def _bare_insert(conn: sqlite3.Connection, table: str, row: Mapping[str, object]) -> None:
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(
        f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})",
        list(row.values()),
    )
    conn.execute("COMMIT")


def _baseline(store: Store, table: str) -> Callable[[int], None]:
    """Bare sqlite3 on the store's own connection (so the same pragmas, the same page cache):
    the newest row of `table`, copied with a fresh id, time and text, triggers and all, with
    no Python layer around it.

    A second connection would not be a fairer baseline: each commit on one connection makes
    the other drop its page cache, a cost a single window never pays (the two-window section
    measures it).
    """
    conn = store.db.conn
    cursor = conn.execute(f"SELECT * FROM {table} ORDER BY rowid DESC LIMIT 1")
    template = dict(zip([d[0] for d in cursor.description], cursor.fetchone(), strict=True))

    def run(n: int) -> None:
        now = utcnow().isoformat()
        row = {**template, "id": new_id(), "created_at": now, "updated_at": now}
        row["text"] = f"baseline {table} {n}"
        _bare_insert(conn, table, row)

    return run


def _other_window(path: Path, meeting_id: str) -> Callable[[], None]:
    """A second process's connection, committing a note the way a co-facilitator's would."""
    conn = sqlite3.connect(str(path), isolation_level=None)
    for pragma in ("busy_timeout = 5000", "synchronous = FULL", "foreign_keys = ON"):
        conn.execute(f"PRAGMA {pragma}")
    counter = iter(range(10**9))

    def commit() -> None:
        now = utcnow().isoformat()
        row = {"id": new_id(), "created_at": now, "updated_at": now, "meeting_id": meeting_id}
        row |= {"text": f"other window {next(counter)}", "visibility": "partners"}
        row["attribution"] = "none"
        _bare_insert(conn, "notes", row)

    return commit


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

        captures: dict[str, tuple[str, Callable[[int], object]]] = {
            "capture.add_note": (
                "notes",
                lambda n: capture.add_note(store, meeting.id, f"note {n}"),
            ),
            "capture_line: note": (
                "notes",
                lambda n: capture.capture_line(
                    store, meeting.id, f"partners discussed item {n}", TODAY
                ),
            ),
            "capture_line: /d decision method:vote for:": (
                "decisions",
                lambda n: capture.capture_line(
                    store, meeting.id, f"/d adopt plan {n} method:vote for:7 against:1", TODAY
                ),
            ),
            "capture_line: /a action @handle due:fri": (
                "action_items",
                lambda n: capture.capture_line(
                    store, meeting.id, f"/a send draft {n} @{handle} due:fri", TODAY
                ),
            ),
        }
        for _table, fn in captures.values():  # warm up, and leave a row of each kind to copy
            fn(-1)
        tables = sorted({table for table, _fn in captures.values()})
        cases: dict[str, Callable[[int], object]] = {
            _bare(table): _baseline(store, table) for table in tables
        }
        cases |= {name: fn for name, (_table, fn) in captures.items()}
        against = {name: _bare(table) for name, (table, _fn) in captures.items()}
        read_reports: list[str] = []

        def at_typical_size(n: int) -> None:
            if n + 1 == TYPICAL_RUNS:
                read_reports.extend(_reads(store, meeting.id))

        alone = _interleaved(cases, runs, after_round=at_typical_size)
        print(f"{db.name}: {runs} runs of each capture, interleaved; times until durable")
        print("one window (nobody else writing):")
        _print(alone, against)
        other = _other_window(path, meeting.id)
        shared = _interleaved(cases, runs, before_each=other)
        print("two windows (the other commits before every timed call, untimed):")
        _print(shared, against)
        for line in [*read_reports, *_reads(store, meeting.id)]:
            print(line)
        store.close()


def _bare(table: str) -> str:
    return f"bare sqlite3 insert + commit: {table}"


def _interleaved(
    cases: Mapping[str, Callable[[int], object]],
    runs: int,
    *,
    before_each: Callable[[], None] | None = None,
    after_round: Callable[[int], None] | None = None,
) -> dict[str, list[float]]:
    """Each case once per round, so drift hits every case alike."""
    samples: dict[str, list[float]] = {name: [] for name in cases}
    for n in range(runs):
        for name, fn in cases.items():
            if before_each is not None:
                before_each()
            samples[name].append(_timed(fn, n))
        if after_round is not None:
            after_round(n)
    return samples


def _print(samples: dict[str, list[float]], against: dict[str, str]) -> None:
    """Each capture against the bare insert into its own table (the target's ratio), and
    against the bare note insert."""
    note = statistics.median(samples[_bare("notes")])
    print(f"  {'':42} {'':16} {'':16}   own table  vs note")
    for name, values in samples.items():
        own = statistics.median(samples[against.get(name, name)])
        print(f"{_report(name, values, own)}   {statistics.median(values) / note:5.2f}x")


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
