"""Time `facilitate packets` for 8 partner organizations (the 40-item meeting of
bench_exports.py, all five formats and an e-mail draft each), beside `facilitate --help` in the
same run; in-process too, all in English and with two organizations reading Spanish.

    .venv/bin/python benchmarks/bench_packets.py [--runs 7] [--before OLD_SRC]

Issue #15's goal: under 1.5 s wall. With `--before`, the same command on an earlier checkout's
code (its own copy of the meeting) runs in the same rounds.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from bench_exports import (
    ALL_FORMATS,
    build_big_meeting,
    facilitate_argv,
    make_meeting_db,
    median_runs,
    print_medians,
    process_env,
    timed,
)

from facilitate.export import RENDERERS
from facilitate.models import Organization
from facilitate.services.record.settings import (
    COORDINATOR_EMAIL,
    COORDINATOR_NAME,
    set_organization_language,
    set_setting,
)
from facilitate.services.share.packets import write_packets
from facilitate.services.share.sharing import ExportFormat
from facilitate.store import Store


def bench_in_process(folder: Path, repeat: int) -> None:
    store = Store.open(folder / "packets.db")
    try:
        meeting = build_big_meeting(store)
        set_setting(store, COORDINATOR_NAME, "Benchmark Coordinator")
        set_setting(store, COORDINATOR_EMAIL, "coordinator@bench.example")
        runs = iter(range(1_000_000))

        def packets() -> int:
            out = folder / f"run-{next(runs)}"
            written = write_packets(store, meeting.id, out, RENDERERS, formats=list(ExportFormat))
            return sum(len(p.files) + 1 for p in written)

        files = timed("write_packets: 8 orgs x 5 formats + .eml, English", packets, repeat)
        print(f"{'':58} {files} files written and logged")
        for org in store.find(Organization, order_by="name")[:2]:
            set_organization_language(store, org.id, "es")
        timed("write_packets: the same, two organizations in Spanish", packets, repeat)
    finally:
        store.close()


def bench_cli(folder: Path, runs: int, before: Path | None) -> None:
    cases = [("facilitate --help", facilitate_argv("--help"), process_env())]
    for prefix, src in [("", None), *([("before: ", before)] if before else [])]:
        db, meeting = make_meeting_db(folder, src)
        # The same folder each run: every file is written again (atomically replaced) and
        # logged again, as when a coordinator re-exports.
        out = folder / f"packets-{'before' if src else 'now'}"
        argv = facilitate_argv("--db", str(db), "packets", meeting, *ALL_FORMATS, "--out", str(out))
        label = f"{prefix}packets, 8 organizations, all five formats"
        cases.append((label, argv, process_env(src)))
    print(f"command line, median of {runs} interleaved runs:")
    print_medians(median_runs(cases, runs), "facilitate --help")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="In-process: best of this many.")
    parser.add_argument("--runs", type=int, default=7, help="Command line: median of this many.")
    parser.add_argument("--before", type=Path, help="An earlier checkout's src folder.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        bench_in_process(Path(folder), args.repeat)
        bench_cli(Path(folder), args.runs, args.before)
        print(f"{'(whole run)':58} {(time.perf_counter() - start):9.1f} s")


if __name__ == "__main__":
    main()
