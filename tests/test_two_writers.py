"""Two facilitators, one file: two processes capture into one meeting at the same time."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import pytest

from facilitate.services.plan import agenda
from facilitate.services.run import capture, live
from facilitate.store import Store
from facilitate.store.maintenance import integrity_problems

from .helpers.demo_lookup import upcoming
from .helpers.processes import spawn_worker

EACH = 200


@pytest.mark.slow
def test_two_processes_capture_concurrently(demo_store: Store, db_path: Path) -> None:
    meeting = upcoming(demo_store)
    live.open_meeting(demo_store, meeting.id)
    live.start_item(demo_store, agenda.items(demo_store, meeting.id)[0].id)
    demo_store.close()

    writers = {
        tag: spawn_worker("writer", str(db_path), meeting.id, str(EACH), tag) for tag in "AB"
    }
    for proc in writers.values():
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
    for proc in writers.values():  # release both together so their writes interleave
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    outputs = {tag: proc.communicate(timeout=90) for tag, proc in writers.items()}

    acked: dict[str, list[str]] = {}
    seen_other: dict[str, set[str]] = {}
    for tag, (out, err) in outputs.items():
        assert writers[tag].returncode == 0, err
        assert "locked" not in err.lower() and "Traceback" not in err, err
        *entries, summary = out.splitlines()
        report = json.loads(summary)
        assert report["errors"] == [], report["errors"]
        acked[tag] = [line.split()[1] for line in entries]
        # Well inside the 5 s busy timeout, or a slower machine could see "database is locked".
        assert report["slowest_ms"] < 2500, report["slowest_ms"]
        seen_other[tag] = set(report["seen_other"])
    assert len(acked["A"]) == len(acked["B"]) == EACH

    store = Store.open(db_path)
    try:
        stored = capture.entries(store, meeting.id)
        ids = [e.id for e in stored]
        assert len(ids) == 2 * EACH
        assert len(set(ids)) == 2 * EACH
        assert set(ids) == set(acked["A"]) | set(acked["B"])
        assert len({e.text for e in stored}) == 2 * EACH
        # The writers overlapped (took turns at the lock) rather than ran one after the other.
        order = ["A" if e.id in set(acked["A"]) else "B" for e in stored]
        switches = sum(1 for x, y in pairwise(order) if x != y)
        assert switches >= 2, f"the writers did not overlap ({switches} switch)"
        assert integrity_problems(store) == []
    finally:
        store.close()
    # Each process's poll saw every entry the other one wrote.
    assert seen_other["A"] == set(acked["B"])
    assert seen_other["B"] == set(acked["A"])
