"""Bytes per second an idle live meeting sends to the terminal: what a slow link has to carry.

Runs the real app in a pseudo-terminal (80×24 unless told), on a demo file with a meeting live, so
it opens straight on the live screen; waits for it to settle, then counts what it writes in the
next ten seconds of nobody typing. ``--blink`` turns the capture line's blinking cursor back on,
for the figure before it was turned off. Goal (issue #18): under 100 bytes/s at 80×24, the clock
apart.

    python benchmarks/bench_idle_bytes.py [--size 80x24] [--seconds 10] [--blink]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import pexpect  # type: ignore[import-untyped]  # no stubs published with it

from facilitate.models import Meeting
from facilitate.models.enums import MeetingStatus
from facilitate.services.demo import build_demo
from facilitate.services.plan import agenda
from facilitate.services.run import live
from facilitate.store import Store

# Run inside the pseudo-terminal: the app, with the capture line's blink set as asked.
CHILD = """
import sys
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.widgets.capture_box import CaptureBox

if sys.argv[2] == "blink":
    def blinking(box, compose=CaptureBox.compose):
        for widget in compose(box):
            widget.cursor_blink = True
            yield widget
    CaptureBox.compose = blinking
FacilitateApp(Store.open(sys.argv[1], create=False)).run()
"""


def live_file(folder: Path) -> Path:
    """A demo file with its first planned meeting with an agenda live and its first item running."""
    path = folder / "idle.db"
    store = Store.open(path)
    build_demo(store, date.today())
    meeting = next(
        m
        for m in store.find(Meeting, order_by="starts_at")
        if m.status is MeetingStatus.PLANNED and agenda.items(store, m.id)
    )
    live.open_meeting(store, meeting.id)
    live.start_item(store, agenda.items(store, meeting.id)[0].id)
    store.close()
    return path


def count_idle(path: Path, size: tuple[int, int], seconds: float, blink: bool) -> float:
    """Bytes per second written by the app while idle, after it has settled."""
    columns, rows = size
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(columns), "LINES": str(rows)}
    child = pexpect.spawn(
        sys.executable,
        ["-c", CHILD, str(path), "blink" if blink else "steady"],
        dimensions=(rows, columns),
        env=env,
    )
    try:
        settle_until = time.monotonic() + 4
        while time.monotonic() < settle_until:  # start-up drawing is not idle
            with contextlib.suppress(pexpect.TIMEOUT):
                child.read_nonblocking(65536, timeout=0.2)
        total, end = 0, time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            with contextlib.suppress(pexpect.TIMEOUT):
                total += len(child.read_nonblocking(65536, timeout=min(left, 0.5)))
        return total / seconds
    finally:
        child.terminate(force=True)


def main() -> None:
    parser = argparse.ArgumentParser(
        description="Bytes per second an idle live meeting sends to the terminal."
    )
    parser.add_argument("--size", default="80x24", help="COLUMNSxROWS")
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--blink", action="store_true", help="the cursor blinking, as before")
    args = parser.parse_args()
    columns, rows = (int(n) for n in args.size.split("x"))
    with tempfile.TemporaryDirectory() as folder:
        os.environ["FACILITATE_HOME"] = folder
        rate = count_idle(live_file(Path(folder)), (columns, rows), args.seconds, args.blink)
    blink = "blinking cursor" if args.blink else "steady cursor"
    print(f"idle live screen {columns}x{rows}, {blink}: {rate:,.0f} bytes/s")


if __name__ == "__main__":
    main()
