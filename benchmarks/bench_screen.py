"""Enter-to-screen latency in the live meeting, and peak memory with a big database open.

    python benchmarks/bench_screen.py --db benchmarks/history.db [--entries 60]

Both apps are measured the same way, headless: from the moment the Input posts its Submitted
message until the frame after the new row was added has been refreshed.

- baseline: a bare Textual app with an Input and a DataTable that adds the typed line as a row;
- facilitate: the live meeting screen on the planned steering meeting of a copy of the database,
  where Enter commits the entry to SQLite (WAL, synchronous=FULL) before it is shown.

Then the peak resident memory (ru_maxrss) of this process, which by then has the database open,
the home screen and the live meeting drawn. Run by hand; never part of the test suite.
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import shutil
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Input

from facilitate.models import Meeting
from facilitate.models.enums import MeetingStatus
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.screens.live import LiveMeetingScreen

SUBMITTED_AT: list[float] = []
SHOWN: list[float] = []


class BareCapture(App[None]):
    def compose(self) -> ComposeResult:
        yield DataTable()
        yield Input()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("entry")
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        start = time.perf_counter()
        self.query_one(DataTable).add_row(event.value)
        event.input.value = ""
        self.call_after_refresh(lambda: SHOWN.append(time.perf_counter() - start))


class TimedLive(LiveMeetingScreen):
    """The real screen, with a stopwatch around its own Enter handler."""

    def on_input_submitted(self, event: Input.Submitted) -> None:
        start = time.perf_counter()
        super().on_input_submitted(event)
        self.call_after_refresh(lambda: SHOWN.append(time.perf_counter() - start))


async def measure(app: App[None], entries: int, *, live: bool) -> list[float]:
    SHOWN.clear()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for n in range(entries):
            field = app.screen.query_one("#capture", Input) if live else app.screen.query_one(Input)
            field.value = f"/a Follow up item {n} @dana due:fri" if n % 3 == 0 else f"Note {n}"
            await pilot.press("enter")
            await pilot.pause()
    return list(SHOWN)


def summary(values: list[float]) -> str:
    ms = [v * 1000 for v in values]
    p95 = sorted(ms)[int(len(ms) * 0.95) - 1]
    return f"median {statistics.median(ms):6.2f} ms   p95 {p95:6.2f} ms   n={len(ms)}"


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--entries", type=int, default=60)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "copy.db"
        shutil.copy(args.db, copy)
        store = Store.open(copy)
        meeting = next(
            m for m in store.find(Meeting, status=MeetingStatus.PLANNED, order_by="starts_at")
        )
        bare = await measure(BareCapture(), args.entries, live=False)

        app = FacilitateApp(store, today=date.today())

        async def run_live() -> list[float]:
            SHOWN.clear()
            async with app.run_test(size=(100, 30)) as pilot:
                await pilot.pause()
                app.push_screen(TimedLive(meeting.id))
                await pilot.pause()
                for n in range(args.entries):
                    field = app.screen.query_one("#capture", Input)
                    field.value = (
                        f"/a Follow up item {n} @dana due:fri" if n % 3 == 0 else f"Note {n}"
                    )
                    await pilot.press("enter")
                    await pilot.pause()
            return list(SHOWN)

        ours = await run_live()
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        store.close()
    print(f"bare Textual Input → row on screen      {summary(bare)}")
    print(f"facilitate Enter → saved and on screen  {summary(ours)}")
    ratio = statistics.median(ours) / statistics.median(bare)
    print(f"ratio of medians                        {ratio:.2f}x")
    print(f"peak RSS with {args.db.name} open and the live screen drawn: {peak_mb:.0f} MB")


if __name__ == "__main__":
    asyncio.run(main())
