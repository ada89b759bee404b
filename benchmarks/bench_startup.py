"""Start-up time: `facilitate --help` and the app's first screen, each beside a bare baseline
measured in the same run.

    python benchmarks/bench_startup.py [--runs 15] [--db PATH]

- `python -c pass` — the interpreter alone.
- `facilitate --help` — the CLI must not import Textual or sqlite-utils to answer.
- a bare Textual app (Header, a 200-row DataTable, Input, Footer) importing the same libraries
  (pydantic, sqlite_utils), to its first frame.
- `facilitate --db FILE`, exactly as a user starts it, on the demo database (or --db, e.g. the
  five-year history) to its first usable screen.

Both apps run in a real pseudo-terminal (100x30), as in a terminal window: each is timed from
the moment the process is started until the text of its first screen has been written to the
terminal, then killed. Cases are interleaved so that drift hits each alike. Medians in
milliseconds. Run by hand; never part of the test suite.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Callable
from pathlib import Path

BARE_APP = """
import pydantic, sqlite_utils
from textual.app import App
from textual.widgets import DataTable, Footer, Header, Input
class Bare(App):
    TITLE = "bare-app-ready"
    def compose(self):
        yield Header(); yield DataTable(); yield Input(); yield Footer()
    def on_mount(self):
        table = self.query_one(DataTable)
        table.add_columns("a", "b", "c")
        for i in range(200):
            table.add_row(i, i * 2, str(i))
Bare().run()
"""
# Text each first screen shows once it is drawn (the bare app's title; facilitate's home).
BARE_READY = b"bare-app-ready"
OUR_READY = b"Open action items ("
TIMEOUT_S = 20.0


def timed(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, capture_output=True)
    return (time.perf_counter() - start) * 1000


def first_screen(argv: list[str], ready: bytes, env: dict[str, str]) -> float:
    """Milliseconds from starting `argv` in a 100x30 pseudo-terminal until `ready` is drawn."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    start = time.perf_counter()
    process = subprocess.Popen(
        argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
    )
    os.close(slave)
    seen = b""
    try:
        while ready not in seen:
            if time.perf_counter() - start > TIMEOUT_S:
                raise SystemExit(f"no first screen from {argv[0]} after {TIMEOUT_S:.0f} s")
            readable, _, _ = select.select([master], [], [], 0.5)
            if readable:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # the terminal closed: the process ended
                    raise SystemExit(f"{argv} ended before its first screen") from None
                # Keep a tail, so a marker split across two reads is still found.
                seen = seen[-len(ready) :] + chunk
        return (time.perf_counter() - start) * 1000
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        os.close(master)


def median(values: list[float]) -> str:
    return f"{statistics.median(values):7.0f} ms  (min {min(values):.0f}, n={len(values)})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--db", type=Path, help="database to open (default: a fresh demo)")
    args = parser.parse_args()
    facilitate = str(Path(sys.executable).with_name("facilitate"))
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "FACILITATE_HOME": home, "TERM": "xterm-256color"}
        env.pop("FACILITATE_DB", None)
        db = Path(home) / (args.db.name if args.db else "demo.db")
        if args.db is None:
            subprocess.run(
                [facilitate, "demo", str(db), "--no-open"], check=True, capture_output=True, env=env
            )
        else:  # a copy: the app is killed at its first screen, and must not touch the original
            shutil.copy(args.db, db)
        cases: dict[str, Callable[[], float]] = {
            "python -c pass": lambda: timed([sys.executable, "-c", "pass"]),
            "facilitate --help": lambda: timed([facilitate, "--help"]),
            "bare Textual app, first frame": lambda: first_screen(
                [sys.executable, "-c", BARE_APP], BARE_READY, env
            ),
            f"facilitate --db {db.name}, first screen": lambda: first_screen(
                [facilitate, "--db", str(db)], OUR_READY, env
            ),
        }
        rows: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(args.runs):
            for name, run in cases.items():
                rows[name].append(run())
    for name, values in rows.items():
        print(f"{name:42} {median(values)}")
    bare = statistics.median(rows["bare Textual app, first frame"])
    ours = statistics.median(rows[f"facilitate --db {db.name}, first screen"])
    print(f"{'app start / bare Textual app':42} {ours / bare:7.2f}x")


if __name__ == "__main__":
    main()
