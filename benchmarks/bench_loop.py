"""Time "you said, we did" and the series record on long histories, each beside a bare SQL query
over the same rows measured in the same run.

    .venv/bin/python benchmarks/bench_loop.py --db /tmp/history5.db --db /tmp/history25.db
        [--runs 9] [--cases loop,series-record] [--profile loop]

Histories come from generate_history.py (five years; for twenty-five, the same script with its
YEARS set to 25). The machine's load average is printed before and after each database: on a
shared machine the medians move with it, so compare a case with its bare SQL of the same run.
`--cases` times only the cases named (the whole list takes minutes at 25 years); `--profile
CASE` then prints where one run of CASE spends its time, per series (cProfile, cumulative).

Each database is copied to a temporary folder first (the original is never changed) and given
what the generator leaves out: a response linked to one note in 25 (the meeting's first
decision), a declined answer to one parking-lot entry in 10, and a theme on every
listening-session note (ten themes a series), all through `Store.insert_all` as the app writes
them.

Per database and series (the steering committee, the largest series, and the listening
circle), interleaved so drift hits every case alike, the median of `--runs`:

- `loop`: `you_said_we_did` for the series (partners) rendered as Markdown: what
  `facilitate loop SERIES` does between opening the file and writing it;
- `loop bare SQL`: the report's input rows, their links and answers, fetched by plain sqlite3
  with no numbering, no objects and no rendering;
- `series-record`: `series_record` rendered as Markdown; `series-record bare SQL`: the same
  decision and action rows fetched by plain sqlite3;
- `Loop screen rows`: `newest_loop_rows`, what the Loop screen lists first (the newest
  `LOOP_PAGE` inputs, numbered, with their responses); `Loop screen all notes` the same with
  every numbered note (`a` on the screen); `loop_rows (all)` every input of the series, as
  `facilitate loop list` prints it;
- `response chooser`: `response_candidates` with no words and with two, as the chooser asks on
  opening and on a keystroke.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from facilitate.export import render_loop, render_series_record
from facilitate.models import Decision, EntryLink, Meeting, MeetingSeries, Note, ParkingLotItem
from facilitate.models.base import Record
from facilitate.models.enums import LoopResponseKind, MeetingKind, Visibility
from facilitate.models.loop import EntryTheme, LoopResponse, Theme
from facilitate.services.record.loop_links import loop_rows, newest_loop_rows, response_candidates
from facilitate.services.record.series_record import series_record
from facilitate.services.record.you_said_we_did import you_said_we_did
from facilitate.services.share.sharing import ExportFormat
from facilitate.store import Store

HERE = Path(__file__).parent
LINK_EVERY = 25
DECLINE_EVERY = 10
THEMES = 10

# The report's input as `store.queries_input` defines it (every parking-lot entry, every note of
# a listening session, a business meeting's note only when answered or filed under a theme),
# with its links and answers, by plain SQL: no numbering, no objects, no rendering.
BARE_LOOP = """
    SELECT x.id, x.text, x.visibility, l.from_id, r.text
    FROM (SELECT n.id, n.text, n.visibility FROM notes n JOIN meetings m ON m.id = n.meeting_id
          WHERE m.series_id = :s AND (m.kind = 'listening_session'
                OR n.id IN (SELECT to_id FROM entry_links WHERE to_table = 'notes')
                OR n.id IN (SELECT input_id FROM loop_responses WHERE input_table = 'notes')
                OR n.id IN (SELECT entry_id FROM entry_themes WHERE entry_table = 'notes'))
          UNION ALL
          SELECT p.id, p.text, p.visibility FROM parking_lot p
          JOIN meetings m ON m.id = p.meeting_id WHERE m.series_id = :s) x
    LEFT JOIN entry_links l ON l.to_id = x.id
    LEFT JOIN loop_responses r ON r.input_id = x.id
"""

BARE_RECORD = (
    "SELECT d.* FROM decisions d JOIN meetings m ON m.id = d.meeting_id "
    "WHERE m.series_id = :s ORDER BY m.starts_at, d.created_at",
    "SELECT a.* FROM action_items a JOIN meetings m ON m.id = a.meeting_id "
    "WHERE m.series_id = :s ORDER BY m.starts_at, a.created_at",
)


def prepare(source: Path, folder: Path) -> Path:
    """A copy of `source` with links, answers and themes added as the app writes them."""
    path = folder / source.name
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{source}{suffix}").exists():
            shutil.copy(f"{source}{suffix}", f"{path}{suffix}")
    store = Store.open(path)
    try:
        if store.count(EntryLink) == 0:
            store.insert_all(_loop_records(store))
    finally:
        store.close()
    return path


def _loop_records(store: Store) -> list[Record]:
    rows: list[Record] = []
    first_decision: dict[str, Decision] = {}
    for decision in store.find(Decision, order_by="created_at"):
        first_decision.setdefault(decision.meeting_id, decision)
    listening = {m.id: m.series_id for m in store.find(Meeting, kind=MeetingKind.LISTENING_SESSION)}
    themes: dict[str, list[Theme]] = {}
    for n, note in enumerate(store.find(Note, order_by="created_at")):
        answer = first_decision.get(note.meeting_id)
        if n % LINK_EVERY == 0 and answer is not None:
            rows.append(
                EntryLink(
                    from_table="decisions", from_id=answer.id, to_table="notes", to_id=note.id
                )
            )
        if note.meeting_id in listening:
            series_id = listening[note.meeting_id]
            if series_id not in themes:
                themes[series_id] = [
                    Theme(series_id=series_id, name=f"theme {k}") for k in range(THEMES)
                ]
                rows += themes[series_id]
            theme = themes[series_id][n % THEMES]
            rows.append(EntryTheme(theme_id=theme.id, entry_table="notes", entry_id=note.id))
    for n, item in enumerate(store.find(ParkingLotItem, order_by="created_at")):
        if n % DECLINE_EVERY == 0:
            rows.append(
                LoopResponse(
                    input_table="parking_lot",
                    input_id=item.id,
                    kind=LoopResponseKind.DECLINED,
                    text="Not this year.",
                    reason="No budget for it.",
                )
            )
    return rows


def chosen_series(store: Store) -> list[MeetingSeries]:
    """The steering committee, the series with most notes, and the listening circle."""
    every = store.find(MeetingSeries)
    sizes = {
        s.id: sum(store.count(Note, meeting_id=m.id) for m in store.find(Meeting, series_id=s.id))
        for s in every
    }
    steering = next((s for s in every if "Steering" in s.name), every[0])
    largest = max(every, key=lambda s: sizes[s.id])
    listening = next((s for s in every if s.kind is MeetingKind.LISTENING_SESSION), None)
    picked = [steering, largest, *([listening] if listening else [])]
    return list({s.id: s for s in picked}.values())


def cases(
    store: Store, bare: sqlite3.Connection, series_id: str
) -> dict[str, Callable[[], object]]:
    def loop() -> object:
        report = you_said_we_did(store, series_id=series_id, audience=Visibility.PARTNERS)
        return render_loop(report, ExportFormat.MD)

    def record() -> object:
        return render_series_record(series_record(store, series_id), ExportFormat.MD)

    return {
        "loop": loop,
        "loop bare SQL": lambda: bare.execute(BARE_LOOP, {"s": series_id}).fetchall(),
        "series-record": record,
        "series-record bare SQL": lambda: [
            bare.execute(sql, {"s": series_id}).fetchall() for sql in BARE_RECORD
        ],
        "Loop screen rows": lambda: newest_loop_rows(store, series_id),
        "Loop screen all notes": lambda: newest_loop_rows(store, series_id, every=True),
        "loop_rows (all)": lambda: loop_rows(store, series_id),
        "response chooser": lambda: response_candidates(store, series_id),
        "response chooser, 2 words": lambda: response_candidates(store, series_id, "action done"),
    }


def bench(path: Path, runs: int, only: list[str] | None = None, profile: str = "") -> None:
    store = Store.open(path)
    bare = sqlite3.connect(path)
    print(f"{path.name}: load average {_load()} before")
    try:
        for series in chosen_series(store):
            every = cases(store, bare, series.id)
            todo = {label: func for label, func in every.items() if not only or label in only}
            times: dict[str, list[float]] = {label: [] for label in todo}
            for func in todo.values():
                func()  # warm the page cache and the model validators once
            for _ in range(runs):
                for label, func in todo.items():
                    start = time.perf_counter()
                    func()
                    times[label].append((time.perf_counter() - start) * 1000)
            notes = sum(
                store.count(Note, meeting_id=m.id) for m in store.find(Meeting, series_id=series.id)
            )
            print(f"{path.name}: {series.name} ({notes:,} notes), median of {runs}:")
            for label, values in times.items():
                print(f"  {label:28} {statistics.median(values):9.1f} ms")
            if profile:
                _profile(every[profile])
    finally:
        print(f"{path.name}: load average {_load()} after")
        bare.close()
        store.close()


def _load() -> str:
    return " ".join(f"{n:.2f}" for n in os.getloadavg())


def _profile(func: Callable[[], object]) -> None:
    """Where one run of `func` spends its time: the top functions by cumulative time."""
    profiler = cProfile.Profile()
    profiler.runcall(func)
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(15)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, action="append", help="A history (repeatable).")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--cases", help="Comma-separated case names (default: all).")
    parser.add_argument("--profile", default="", help="A case to profile once per series.")
    args = parser.parse_args()
    only = args.cases.split(",") if args.cases else None
    with tempfile.TemporaryDirectory() as folder:
        for source in args.db or [HERE / "history.db"]:
            bench(prepare(source, Path(folder)), args.runs, only, args.profile)


if __name__ == "__main__":
    main()
