"""Time a spreadsheet import of people: a 2,000-row and a 20,000-row CSV, preview and import.

    .venv/bin/python benchmarks/bench_import.py [--runs 5]

Each run writes the CSVs in a temporary folder (semicolon-separated, UTF-8 with a byte-order
mark, as Excel saves them; names with accents, forty organizations of which half are new, a
role list per row) and imports them into a fresh copy of the demo partnership, so every row is
checked against people and organizations already on record. Timed, medians of the runs:

- preview: `read_sheet` + `known_record` + every row's problems (what the import screen does
  in its worker before the table shows);
- import: `import_people` (the re-check inside the transaction, the new organizations and
  every person, committed with `synchronous=FULL`).

Issue #10 asks that 20,000 rows preview "within seconds".
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from facilitate.services.demo import build_demo
from facilitate.services.people import people_import
from facilitate.store import Store

ROLES = ("Facilitator, Note-taker", "Timekeeper", "co-facilitator / process observer", "")


def write_csv(path: Path, rows: int) -> None:
    lines = ["Full name;E-mail;Organisation;Phone;Roles"]
    for i in range(rows):
        org = f"Partner Org {i % 20}" if i % 2 else "CFS"
        lines.append(
            f"Pérson {i:05d} Ñúñez;person{i}@partners.example;{org};555-{i % 10_000:04d};"
            f"{ROLES[i % len(ROLES)]}"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")


def one_run(folder: Path, rows: int, run: int) -> tuple[float, float]:
    sheet_path = folder / f"people-{rows}.csv"
    if not sheet_path.exists():
        write_csv(sheet_path, rows)
    db = folder / f"record-{rows}-{run}.db"
    store = Store.open(db)
    build_demo(store, date(2026, 11, 22))
    try:
        start = time.perf_counter()
        preview = people_import.ImportPreview(
            people_import.read_sheet(sheet_path), people_import.known_record(store)
        )
        preview.compute()
        previewed = time.perf_counter()
        preview.set_create_organizations(True)
        preview.compute()  # the user's choice, not part of either timing
        begun = time.perf_counter()
        result = people_import.import_people(store, preview)
        imported = time.perf_counter()
        assert result.people == rows, result
    finally:
        store.close()
    return previewed - start, imported - begun


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="facilitate-bench-import-") as name:
        folder = Path(name)
        for rows in (2_000, 20_000):
            # Interleaved runs are not needed here: each size is its own case.
            timings = [one_run(folder, rows, run) for run in range(args.runs)]
            preview = statistics.median(t[0] for t in timings)
            imported = statistics.median(t[1] for t in timings)
            print(
                f"{rows:>6,} rows: preview {preview * 1000:7.0f} ms, "
                f"import {imported * 1000:7.0f} ms (median of {args.runs})"
            )


if __name__ == "__main__":
    main()
