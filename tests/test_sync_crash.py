"""SIGKILL during `facilitate sync import`, at random moments: the record is either untouched or
fully merged, never half."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from facilitate.models import Meeting, Note
from facilitate.models.enums import MeetingStatus
from facilitate.services.demo import build_demo
from facilitate.services.sync.incoming import import_file
from facilitate.services.sync.outgoing import export_changes
from facilitate.store import Store

from .conftest import TODAY
from .test_sync_support import copy_record, logical, problems

TRIALS = 30
NOTES = 3000


def _import(db: Path, changeset: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "facilitate", "--db", str(db), "sync", "import", str(changeset)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


@pytest.mark.slow
def test_a_killed_import_leaves_the_record_untouched_or_fully_merged(tmp_path: Path) -> None:
    a = tmp_path / "a.db"
    store = Store.open(a)
    build_demo(store, TODAY)
    store.close()
    b = copy_record(a, tmp_path / "b.db")
    store = Store.open(a)
    meeting = next(m for m in store.find(Meeting) if m.status is MeetingStatus.CLOSED)
    store.insert_all([Note(meeting_id=meeting.id, text=f"heard, {n}") for n in range(NOTES)])
    store.close()
    changeset = export_changes(a, tmp_path / "a.changeset").path

    untouched = logical(b)
    merged_copy = copy_record(b, tmp_path / "merged.db")
    import_file(merged_copy, changeset)
    merged = logical(merged_copy)
    assert merged != untouched

    began = time.monotonic()
    _import(copy_record(b, tmp_path / "timed.db"), changeset).wait(timeout=60)
    took = time.monotonic() - began

    rng = random.Random(14)
    outcomes = {"untouched": 0, "merged": 0}
    for trial in range(TRIALS):
        db = copy_record(b, tmp_path / f"trial-{trial}.db")
        process = _import(db, changeset)
        time.sleep(rng.uniform(0.0, took * 1.1))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        state = logical(db)
        assert state in (untouched, merged), f"trial {trial} left a half-merged record"
        assert problems(db) == []
        outcomes["merged" if state == merged else "untouched"] += 1
        Store.open(db, create=False).close()
    assert sum(outcomes.values()) == TRIALS
