"""How long undo takes in a very long meeting, against a bare SQLite delete of the newest entry.

Builds a demo file (in a temporary folder), opens its first planned meeting and fills it with
notes, a decision and an action every tenth line, and a correction every fiftieth, until it holds
``--entries`` (6,000 unless told: far more than any real meeting, the size issue #15 measured).
Then times, interleaved so drift hits every case alike,

* the baseline: bare ``sqlite3`` on the store's own connection (the app's pragmas) doing
  ``BEGIN IMMEDIATE``, finding the newest note by its index, deleting it, ``COMMIT``;
* ``undo_last`` when the newest step is a capture (it removes the entry, kept in history);
* ``undo_last`` when the newest step is a correction (it puts the earlier value back);

each followed, untimed, by what keeps the meeting at the same size (a new note; a new
correction). Goal (issue #15): under 10 ms at 6,000 entries.

    .venv/bin/python benchmarks/bench_undo.py [--entries 6000] [--runs 50]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from facilitate.models import Meeting
from facilitate.models.enums import MeetingStatus
from facilitate.services.demo import build_demo
from facilitate.services.plan import agenda
from facilitate.services.run import capture, corrections, live
from facilitate.store import Store


def long_meeting(store: Store, entries: int) -> str:
    """The demo's first planned meeting with an agenda, live, holding `entries` entries."""
    build_demo(store, date.today())
    meeting = next(
        m
        for m in store.find(Meeting, order_by="starts_at")
        if m.status is MeetingStatus.PLANNED and agenda.items(store, m.id)
    )
    live.open_meeting(store, meeting.id)
    live.start_item(store, agenda.items(store, meeting.id)[0].id)
    for n in range(entries):
        if n % 10 == 3:
            capture.capture_line(store, meeting.id, f"/d Adopt proposal {n} method:consensus")
        elif n % 10 == 7:
            capture.capture_line(store, meeting.id, f"/a Follow up on point {n}")
        else:
            note = capture.add_note(store, meeting.id, f"Point {n} raised by the partners")
            if n % 50 == 1:
                corrections.correct_entry(store, note, {"text": f"Point {n}, as corrected"})
    return meeting.id


def bare_delete(store: Store, meeting_id: str) -> None:
    """The least an undo can do: find the newest note by its index and delete it."""
    conn = store.db.conn
    conn.execute("BEGIN IMMEDIATE")
    (note_id,) = conn.execute(
        "SELECT id FROM notes WHERE meeting_id = ? ORDER BY created_at DESC LIMIT 1",
        [meeting_id],
    ).fetchone()
    conn.execute("DELETE FROM notes WHERE id = ?", [note_id])
    conn.execute("COMMIT")


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def bench(entries: int, runs: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        os.environ["FACILITATE_HOME"] = folder
        store = Store.open(Path(folder) / "undo.db")
        started = time.perf_counter()
        meeting_id = long_meeting(store, entries)
        print(f"built a meeting of {entries:,} entries in {time.perf_counter() - started:.1f} s")
        note = lambda: capture.add_note(store, meeting_id, "Another point")  # noqa: E731

        def corrected() -> None:
            newest = capture.entries(store, meeting_id)[-1]
            corrections.correct_entry(store, newest, {"text": newest.text + " (corrected)"})

        cases: dict[str, tuple[Callable[[], object], Callable[[], object]]] = {
            "bare: find newest note, delete, commit": (
                lambda: bare_delete(store, meeting_id),
                note,
            ),
            "undo_last, newest is a capture": (
                lambda: corrections.undo_last(store, meeting_id),
                note,
            ),
            "undo_last, newest is a correction": (
                lambda: corrections.undo_last(store, meeting_id),
                corrected,
            ),
        }
        samples: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(runs):
            for name, (fn, prepare) in cases.items():
                prepare()
                samples[name].append(timed(fn))
        size = len(capture.entries(store, meeting_id))
        store.close()
    bare = statistics.median(samples["bare: find newest note, delete, commit"])
    print(f"meeting of {size:,} entries; median and 95th percentile of {runs} runs, ms")
    for name, values in samples.items():
        median = statistics.median(values)
        p95 = statistics.quantiles(values, n=20)[-1]
        print(f"  {name:42} {median:7.2f} {p95:7.2f}   {median / bare:5.1f}x bare")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=6000)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    bench(args.entries, args.runs)


if __name__ == "__main__":
    main()
