"""A separate process that captures into a live meeting, for the crash and two-writer tests.

Every acknowledgement line is printed (and flushed) only after the service call has returned,
which is the moment a screen would show the entry: whatever was acknowledged must survive.

    python capture_worker.py crash DB MEETING_ID
        Forever: mostly capture lines of every kind; every 7th step start the next agenda item
        ("starting ID" before the call, "item ID" after it); every 5th step extend the current
        item by a minute ("extend ID TOTAL"). Captures print "entry KIND ID". Runs until killed.

    python capture_worker.py writer DB MEETING_ID COUNT TAG
        Print "ready", wait for "go" on stdin, capture COUNT entries tagged TAG as fast as
        possible (polling `entries_since` now and then, as a screen would; every 50 entries it
        waits for the other writer to catch up, so the two overlap on any machine), then poll
        until the other writer's entries have all been seen or 30 s pass. Prints "entry ID" per
        capture, then one JSON line {"seen_other": [...ids], "errors": [...], "slowest_ms": N}.
"""

from __future__ import annotations

import json
import sys
import time
from datetime import date

from facilitate.services.plan import agenda
from facilitate.services.run import capture, live
from facilitate.services.run.entry_feed import EntryCursor, entries_since
from facilitate.store import Store

TODAY = date(2026, 11, 29)
LINES = (
    "note {n}: partners discussed the referral pathway",
    "/d decision {n}: adopt the shared form method:consensus",
    "/a action {n}: send the draft @dana due:fri",
    "/p parking {n}: transport vouchers @lorraine",
    "note {n} #internal staffing detail",
    "/a action {n} for someone unknown @nobody due:dec 15",
)


def _say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def crash(db: str, meeting_id: str) -> None:
    store = Store.open(db)
    items = agenda.items(store, meeting_id)
    step = 0
    while True:
        step += 1
        if step % 7 == 0:
            meeting = live.live_view(store, meeting_id).meeting
            ids = [i.id for i in items]
            here = ids.index(meeting.current_item_id) if meeting.current_item_id in ids else -1
            following = ids[(here + 1) % len(ids)]
            _say(f"starting {following}")
            live.start_item(store, following)
            _say(f"item {following}")
        elif step % 5 == 0:
            view = live.live_view(store, meeting_id)
            if view.current is not None:
                view = live.extend_item(store, view.current.id, 1)
                assert view.current is not None
                _say(f"extend {view.current.id} {view.current.extended_minutes}")
        else:
            line = LINES[step % len(LINES)].format(n=step)
            result = capture.capture_line(store, meeting_id, line, TODAY)
            assert result.entry is not None and result.kind is not None
            _say(f"entry {result.kind.value} {result.entry.id}")


def writer(db: str, meeting_id: str, count: int, tag: str) -> None:
    store = Store.open(db)
    errors: list[str] = []
    mine: set[str] = set()
    seen_other: set[str] = set()
    cursor = EntryCursor()

    def poll() -> None:
        nonlocal cursor
        batch = entries_since(store, meeting_id, cursor)
        cursor = batch.cursor
        seen_other.update(e.id for e in batch.changed if f"{tag}-" not in e.text)

    _say("ready")
    if sys.stdin.readline().strip() != "go":
        return
    slowest = 0.0
    for n in range(count):
        started = time.perf_counter()
        try:
            line = LINES[n % len(LINES)].format(n=f"{tag}-{n}")
            result = capture.capture_line(store, meeting_id, line, TODAY)
        except Exception as error:  # every failure is reported to the parent, none is hidden
            errors.append(f"{type(error).__name__}: {error}")
            continue
        slowest = max(slowest, time.perf_counter() - started)
        assert result.entry is not None
        mine.add(result.entry.id)
        cursor = cursor.including(result.entry)
        _say(f"entry {result.entry.id}")
        if n % 25 == 0:
            poll()
        if n % 50 == 49:
            # Take turns in blocks, whatever the scheduler does: wait (a few seconds at most)
            # until the other writer has also written this many, so the two always overlap.
            waited = time.monotonic() + 10
            while len(seen_other) < n + 1 and time.monotonic() < waited:
                poll()
                time.sleep(0.01)
    deadline = time.monotonic() + 30
    while len(seen_other) < count and time.monotonic() < deadline:
        poll()
        time.sleep(0.05)
    store.close()
    report = {"seen_other": sorted(seen_other), "errors": errors, "slowest_ms": slowest * 1000}
    _say(json.dumps(report))


def main(argv: list[str]) -> None:
    mode, db, meeting_id, *rest = argv
    if mode == "crash":
        crash(db, meeting_id)
    elif mode == "writer":
        writer(db, meeting_id, int(rest[0]), rest[1])
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main(sys.argv[1:])
