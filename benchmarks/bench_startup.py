"""Start-up time: `facilitate --help` and the app's first screen, each beside a bare baseline
measured in the same run.

    python benchmarks/bench_startup.py [--runs 15] [--db PATH]

- `python -c pass` — the interpreter alone.
- `facilitate --help` — the CLI must not import Textual or sqlite-utils to answer.
- a bare Textual app (Header, a 200-row DataTable, Input, Footer) importing the same libraries
  (pydantic, sqlite_utils), headless, to its first frame.
- facilitate on the demo database (or --db, e.g. the five-year history) to its first usable
  screen, headless.
Medians in milliseconds. Run by hand; never part of the test suite.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

# Both apps are timed the same way: from process start until the first screen has been
# composed, mounted and refreshed once (headless, 100x30).
BARE_APP = """
import asyncio, sys, time
start = float(sys.argv[1])
import pydantic, sqlite_utils
from textual.app import App
from textual.widgets import DataTable, Footer, Header, Input
class Bare(App):
    def compose(self):
        yield Header(); yield DataTable(); yield Input(); yield Footer()
    def on_mount(self):
        table = self.query_one(DataTable)
        table.add_columns("a", "b", "c")
        for i in range(200):
            table.add_row(i, i * 2, str(i))
async def main():
    async with Bare().run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        print((time.time() - start) * 1000)
asyncio.run(main())
"""

OUR_APP = """
import asyncio, sys, time
start = float(sys.argv[1])
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
async def main():
    store = Store.open(sys.argv[2])
    async with FacilitateApp(store).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        print((time.time() - start) * 1000)
    store.close()
asyncio.run(main())
"""


def timed(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, capture_output=True)
    return (time.perf_counter() - start) * 1000


def self_timed(code: str, *args: str) -> float:
    """Run `code`, which prints its own ms from the wall-clock start passed in, and return it."""
    out = (
        subprocess.run(
            [sys.executable, "-c", code, str(time.time()), *args],
            check=True,
            capture_output=True,
            text=True,
        )
        .stdout.strip()
        .splitlines()
    )
    return float(out[-1])


def median(values: list[float]) -> str:
    return f"{statistics.median(values):7.0f} ms  (min {min(values):.0f}, n={len(values)})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--db", type=Path, help="database to open (default: a fresh demo)")
    args = parser.parse_args()
    facilitate = str(Path(sys.executable).with_name("facilitate"))
    with tempfile.TemporaryDirectory() as home:
        os.environ["FACILITATE_HOME"] = home
        db = args.db or Path(home) / "demo.db"
        if args.db is None:
            subprocess.run(
                [facilitate, "demo", str(db), "--no-open"], check=True, capture_output=True
            )
        cases: dict[str, Callable[[], float]] = {
            "python -c pass": lambda: timed([sys.executable, "-c", "pass"]),
            "facilitate --help": lambda: timed([facilitate, "--help"]),
            "bare Textual app, first frame": lambda: self_timed(BARE_APP),
            f"facilitate on {db.name}, first screen": lambda: self_timed(OUR_APP, str(db)),
        }
        rows: dict[str, list[float]] = {name: [] for name in cases}
        # Interleaved, so that drift on a shared machine hits every case alike.
        for _ in range(args.runs):
            for name, run in cases.items():
                rows[name].append(run())
    for name, values in rows.items():
        print(f"{name:42} {median(values)}")
    bare = statistics.median(rows["bare Textual app, first frame"])
    ours = statistics.median(rows[f"facilitate on {db.name}, first screen"])
    print(f"{'app start / bare Textual app':42} {ours / bare:7.2f}x")


if __name__ == "__main__":
    main()
