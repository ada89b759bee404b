"""Time the minutes exports: a 40-item, 320-entry meeting in every format, in-process and from
the command line, each beside its baseline measured in the same run; and (given a history from
generate_history.py) a series record and "you said, we did" across the whole history.

    .venv/bin/python benchmarks/bench_exports.py [--runs 7] [--history benchmarks/history.db]
        [--before OLD_SRC]

Command-line cases run as separate processes, interleaved so drift hits each alike, medians:

- `python -c pass` and `facilitate --help`: the baselines (issue #15's goals: all five formats
  under 0.5 s wall, `-f md` alone within 3x `facilitate --help`);
- `facilitate minutes MEETING -f md`, and with all five formats.

With `--before OLD_SRC` (the `src` folder of an earlier checkout, e.g. from `git archive`), the
same commands also run on that code, on its own copy of the meeting, in the same rounds.
Bytecode is written and warm before timing, as an installed facilitate has it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import TypeVar

from facilitate.export import RENDERERS, render_minutes
from facilitate.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Body,
    Decision,
    Meeting,
    MeetingSeries,
    Membership,
    Note,
    Organization,
    Person,
    Record,
)
from facilitate.models.enums import MeetingStatus, Visibility
from facilitate.services.record.minutes import build_minutes
from facilitate.services.record.series_record import series_record
from facilitate.services.record.you_said_we_did import you_said_we_did
from facilitate.services.share.sharing import ExportFormat
from facilitate.store import Store

T = TypeVar("T")
VISIBILITIES = list(Visibility)
HERE = Path(__file__).parent
ALL_FORMATS = ["-f", "md", "-f", "html", "-f", "docx", "-f", "ics", "-f", "csv"]


def timed(label: str, func: Callable[[], T], repeat: int) -> T:
    best = float("inf")
    result: T | None = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - start)
    print(f"{label:58} {best * 1000:9.1f} ms")
    assert result is not None
    return result


def build_big_meeting(store: Store, items: int = 40, orgs: int = 8) -> Meeting:
    """One long meeting: `items` agenda items, each with 3 notes, a decision and 2 actions, and
    two people from each of `orgs` organizations on the body and at the table."""
    rows: list[Record] = []
    organizations = [Organization(name=f"Partner organization {n}") for n in range(orgs)]
    people = [
        Person(name=f"Person {o}-{k}", organization_id=org.id, email=f"p{o}{k}@org{o}.example")
        for o, org in enumerate(organizations)
        for k in range(2)
    ]
    body = Body(name="Benchmark steering", quorum_count=orgs)
    series = MeetingSeries(body_id=body.id, name="Benchmark steering (monthly)")
    meeting = Meeting(
        series_id=series.id,
        title="Benchmark meeting",
        starts_at=datetime(2026, 10, 1, 13),
        minutes=240,
        status=MeetingStatus.CLOSED,
        next_meeting_date=date(2026, 11, 1),
    )
    rows += [*organizations, *people, body, series, meeting]
    rows += [Membership(body_id=body.id, person_id=p.id) for p in people]
    rows += [
        Attendance(meeting_id=meeting.id, person_id=p.id, organization_id=p.organization_id)
        for p in people
    ]
    for n in range(items):
        item = AgendaItem(meeting_id=meeting.id, position=float(n), title=f"Item {n}")
        rows.append(item)
        for k in range(3):
            rows.append(
                Note(
                    meeting_id=meeting.id,
                    agenda_item_id=item.id,
                    text=f"Note {k} on item {n}: a <b>sentence</b> with | pipes and *stars*.",
                    visibility=VISIBILITIES[(n + k) % 4],
                )
            )
        rows.append(
            Decision(
                meeting_id=meeting.id,
                agenda_item_id=item.id,
                text=f"Decision on item {n}",
                rationale="Because the partners agreed.",
            )
        )
        for k in range(2):
            owner = people[(n + k) % len(people)]
            rows.append(
                ActionItem(
                    meeting_id=meeting.id,
                    agenda_item_id=item.id,
                    text=f"Action {k} on item {n}",
                    owner_person_id=owner.id,
                    organization_id=owner.organization_id,
                    due=date(2026, 10, 15) + timedelta(days=n),
                )
            )
    store.insert_all(rows)
    return meeting


# -- separate processes -------------------------------------------------------------------------


def process_env(src: Path | None = None) -> dict[str, str]:
    """The environment a user's shell gives facilitate: bytecode written and reused (a session
    that sets PYTHONDONTWRITEBYTECODE would time compiling every module), and `src` first on the
    path when timing an older checkout."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if src is not None:
        env["PYTHONPATH"] = str(src)
    return env


def facilitate_argv(*args: str) -> list[str]:
    return [sys.executable, "-m", "facilitate", *args]


def make_meeting_db(folder: Path, src: Path | None = None) -> tuple[Path, str]:
    """A database holding the 40-item meeting, built by the code under `src` (or this code) in
    its own process, so each version reads a file its own schema made."""
    path = folder / ("before.db" if src is not None else "now.db")
    code = (
        "import sys; sys.path.insert(0, sys.argv[2])\n"
        "from bench_exports import build_big_meeting\n"
        "from facilitate.store import Store\n"
        "store = Store.open(sys.argv[1]); print(build_big_meeting(store).id); store.close()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(path), str(HERE)],
        env=process_env(src),
        check=True,
        capture_output=True,
        text=True,
    )
    return path, result.stdout.strip()


def median_runs(
    cases: Sequence[tuple[str, list[str], dict[str, str]]], runs: int
) -> dict[str, float]:
    """Each case run once to warm up (and write bytecode), then `runs` interleaved rounds;
    the median wall time of each, in milliseconds."""
    return {label: statistics.median(values) for label, values in timed_runs(cases, runs).items()}


def timed_runs(
    cases: Sequence[tuple[str, list[str], dict[str, str]]], runs: int
) -> dict[str, list[float]]:
    """Each case run once to warm up (and write bytecode), then `runs` interleaved rounds;
    every wall time of each, in milliseconds."""
    times: dict[str, list[float]] = {label: [] for label, _, _ in cases}
    for label, argv, env in cases:
        result = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
        if result.returncode:
            raise SystemExit(f"{label} failed: {result.stderr.strip()[-500:]}")
    for _ in range(runs):
        for label, argv, env in cases:
            start = time.perf_counter()
            subprocess.run(argv, env=env, capture_output=True, check=True)
            times[label].append((time.perf_counter() - start) * 1000)
    return times


def print_medians(medians: dict[str, float], base: str) -> None:
    for label, value in medians.items():
        print(f"{label:58} {value:9.1f} ms  {value / medians[base]:5.1f}x {base}")


def bench_cli(folder: Path, runs: int, before: Path | None) -> None:
    versions: list[tuple[str, Path | None]] = [("", None)]
    if before is not None:
        versions.append(("before: ", before))
    cases: list[tuple[str, list[str], dict[str, str]]] = [
        ("python -c pass", [sys.executable, "-c", "pass"], process_env()),
        ("facilitate --help", facilitate_argv("--help"), process_env()),
    ]
    for prefix, src in versions:
        db, meeting = make_meeting_db(folder, src)
        out = folder / f"out-{'before' if src else 'now'}"
        common = ["--db", str(db), "minutes", meeting, "--out", str(out)]
        env = process_env(src)
        cases += [
            (f"{prefix}minutes -f md", facilitate_argv(*common, "-f", "md"), env),
            (f"{prefix}minutes, all five formats", facilitate_argv(*common, *ALL_FORMATS), env),
        ]
    times = timed_runs(cases, runs)
    print(f"command line, median of {runs} interleaved runs:")
    print_medians({label: statistics.median(t) for label, t in times.items()}, "facilitate --help")
    # On a shared machine other work slows some runs; the fastest is the start-up cost itself.
    print(f"command line, fastest of {runs} interleaved runs:")
    print_medians({label: min(t) for label, t in times.items()}, "facilitate --help")


# -- in one process -----------------------------------------------------------------------------


def bench_meeting(store: Store, meeting: Meeting, repeat: int) -> None:
    doc = timed(
        "build_minutes (40 items, partners)",
        lambda: build_minutes(store, meeting.id, Visibility.PARTNERS),
        repeat,
    )
    for fmt in ExportFormat:
        rendered = timed(f"render {fmt.value}", partial(render_minutes, doc, fmt), repeat)
        size = sum(len(f.data) for f in rendered)
        print(f"{'':58} {size / 1024:9.1f} KiB")
    spanish = build_minutes(store, meeting.id, Visibility.PARTNERS, language="es")
    timed("render docx in Spanish", partial(render_minutes, spanish, ExportFormat.DOCX), repeat)


def bench_history(path: Path, repeat: int) -> None:
    store = Store.open(path, create=False)
    try:
        series = max(
            store.find(MeetingSeries),
            key=lambda s: store.count(Meeting, series_id=s.id),
        )
        meetings = store.count(Meeting, series_id=series.id)
        print(f"history: {path} — series {series.name!r} with {meetings} meetings")
        record = timed(
            "series_record (whole series, partners)",
            lambda: series_record(store, series.id, audience=Visibility.PARTNERS),
            repeat,
        )
        print(f"{'':58} {len(record.decisions)} decisions, {len(record.actions)} actions")
        for fmt in (ExportFormat.MD, ExportFormat.HTML, ExportFormat.DOCX, ExportFormat.CSV):
            timed(
                f"render series record {fmt.value}",
                partial(RENDERERS.series_record, record, fmt),
                repeat,
            )
        report = timed(
            "you_said_we_did (whole series)",
            lambda: you_said_we_did(store, series_id=series.id),
            repeat,
        )
        print(f"{'':58} {len(report.inputs)} inputs")
        last = store.find(
            Meeting,
            series_id=series.id,
            status=MeetingStatus.CLOSED,
            order_by="-starts_at",
            limit=1,
        ) or store.find(Meeting, series_id=series.id, order_by="-starts_at", limit=1)
        timed(
            "build_minutes (latest meeting of the history)",
            lambda: build_minutes(store, last[0].id, Visibility.PARTNERS),
            repeat,
        )
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--history", type=Path, help="A database from generate_history.py.")
    parser.add_argument("--repeat", type=int, default=3, help="In-process: best of this many.")
    parser.add_argument("--runs", type=int, default=7, help="Command line: median of this many.")
    parser.add_argument("--before", type=Path, help="An earlier checkout's src folder.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "bench.db")
        try:
            start = time.perf_counter()
            meeting = build_big_meeting(store)
            print(
                f"{'build the 40-item meeting':58} {(time.perf_counter() - start) * 1000:9.1f} ms"
            )
            bench_meeting(store, meeting, args.repeat)
        finally:
            store.close()
        bench_cli(Path(folder), args.runs, args.before)
    if args.history is not None:
        bench_history(args.history, args.repeat)
    print(f"done at {datetime.now(UTC):%Y-%m-%d %H:%M:%S} UTC")


if __name__ == "__main__":
    main()
