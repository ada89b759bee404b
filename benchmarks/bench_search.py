"""Time `search` for ordinary and common words on the five- and twenty-five-year histories, each
beside the search it replaced (ranking every match, then joining every match to its meeting)
run on the same file in the same rounds.

    .venv/bin/python benchmarks/bench_search.py [--five FILE] [--twenty-five FILE] [--runs 15]

A missing history file is generated first with generate_history.py's own code (twenty-five
years: the same script with its YEARS set to 25), which takes a minute and ~200 MB. Issue #15's
goal: every query under 50 ms on the twenty-five-year history, with the total shown.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

import generate_history

from facilitate.store import Store
from facilitate.store.search import fts_query, search_page

HERE = Path(__file__).parent
END = date(2026, 11, 22)
QUERIES = ("families", "the", "court", "referral form", "the families court", "zzzz")
_BEFORE = (
    ("note", "notes", "text"),
    ("decision", "decisions", "text"),
    ("action", "action_items", "text"),
)


def before(store: Store, text: str, limit: int = 20) -> list[dict[str, object]]:
    """The search as it was before issue #15: bm25 and the meeting join over every match."""
    query = fts_query(text)
    if not query:
        return []
    selects = [
        f"""SELECT '{kind}' AS kind, t.id, t.meeting_id, m.title AS meeting_title,
                   m.starts_at AS meeting_starts_at, t.{column} AS text, t.visibility,
                   bm25({table}_fts) AS rank
            FROM {table}_fts JOIN {table} t ON t.rowid = {table}_fts.rowid
            JOIN meetings m ON m.id = t.meeting_id
            WHERE {table}_fts MATCH ?"""
        for kind, table, column in _BEFORE
    ]
    sql = " UNION ALL ".join(selects) + " ORDER BY rank LIMIT ?"
    return store.query(sql, [query] * len(selects) + [limit])


def history(path: Path, years: int) -> Path:
    if not path.exists():
        print(f"generating a {years}-year history in {path} …", flush=True)
        generate_history.YEARS = years
        totals = generate_history.generate(path, 2026, END)
        print(", ".join(f"{v:,} {k}" for k, v in totals.items()))
    return path


def median_ms(func: Callable[[], object], runs: int) -> float:
    func()  # warm the page cache: every case alike
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def bench(path: Path, runs: int) -> None:
    store = Store.open(path, create=False)
    try:
        print(f"{path}: median of {runs}")
        print(f"{'query':22} {'shown':>16} {'now':>9} {'before':>9} {'ratio':>7}")
        for text in QUERIES:
            page = search_page(store, text)
            now = median_ms(partial(search_page, store, text), runs)
            old = median_ms(partial(before, store, text), runs)
            ratio = f"{now / old:6.2f}x" if old else "      -"
            shown = f"{len(page.hits)} of {page.total:,}"
            print(f"{text!r:22} {shown:>16} {now:7.1f}ms {old:7.1f}ms {ratio}")
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--five", type=Path, default=HERE / "history.db")
    parser.add_argument("--twenty-five", type=Path, default=HERE / "history-25y.db")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    bench(history(args.five, 5), args.runs)
    bench(history(args.twenty_five, 25), args.runs)


if __name__ == "__main__":
    main()
