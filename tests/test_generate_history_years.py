"""benchmarks/generate_history.py --years N: the benchmark history's length is an option, not
an edit of YEARS. Run as a person runs it, in a fresh process."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from facilitate.models import Meeting
from facilitate.store import Store

SCRIPT = Path(__file__).parent.parent / "benchmarks" / "generate_history.py"
END = date(2026, 11, 22)


def generate(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--end", END.isoformat(), *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_one_year_of_history(tmp_path: Path) -> None:
    out = tmp_path / "history.db"
    result = generate("--out", str(out), "--years", "1")
    assert result.returncode == 0, result.stderr
    store = Store.open(out, create=False)
    try:
        held = [m.starts_at.date() for m in store.find(Meeting, order_by="starts_at")]
    finally:
        store.close()
    # The year before END (five years would start in 2021), then the one planned meeting.
    assert END - timedelta(days=365) <= held[0] < END - timedelta(days=300)
    assert held[-1] == END + timedelta(days=7)


def test_years_must_be_a_whole_number_of_at_least_one(tmp_path: Path) -> None:
    for bad, said in (("0", "0: give at least one year"), ("two", "'two' is not a whole")):
        result = generate("--out", str(tmp_path / "never.db"), "--years", bad)
        assert result.returncode == 2
        assert f"argument --years: {said}" in result.stderr
        assert "Traceback" not in result.stderr
        assert not (tmp_path / "never.db").exists()
