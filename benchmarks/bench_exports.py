"""Time the minutes exports: a 40-item meeting in every format, packets for 8 organizations,
and (given a five-year history from generate_history.py) a series record and "you said, we did"
across the whole history.

    .venv/bin/python benchmarks/bench_exports.py [--history benchmarks/history.db]

Prints one line per measurement (best of --repeat runs, in milliseconds).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import TypeVar

from facilitate.export import RENDERERS, render_minutes
from facilitate.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Body,
    Decision,
    Meeting,
    MeetingSeries,
    Membership,
    Note,
    Organization,
    Person,
    Record,
)
from facilitate.models.enums import MeetingStatus, Visibility
from facilitate.services.record.minutes import build_minutes
from facilitate.services.record.series_record import series_record
from facilitate.services.record.you_said_we_did import you_said_we_did
from facilitate.services.share.packets import write_packets
from facilitate.services.share.sharing import ExportFormat
from facilitate.store import Store

T = TypeVar("T")
VISIBILITIES = list(Visibility)


def timed(label: str, func: Callable[[], T], repeat: int) -> T:
    best = float("inf")
    result: T | None = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - start)
    print(f"{label:58} {best * 1000:9.1f} ms")
    assert result is not None
    return result


def build_big_meeting(store: Store, items: int = 40, orgs: int = 8) -> Meeting:
    """One long meeting: `items` agenda items, each with 3 notes, a decision and 2 actions, and
    two people from each of `orgs` organizations on the body and at the table."""
    rows: list[Record] = []
    organizations = [Organization(name=f"Partner organization {n}") for n in range(orgs)]
    people = [
        Person(name=f"Person {o}-{k}", organization_id=org.id, email=f"p{o}{k}@org{o}.example")
        for o, org in enumerate(organizations)
        for k in range(2)
    ]
    body = Body(name="Benchmark steering", quorum_count=orgs)
    series = MeetingSeries(body_id=body.id, name="Benchmark steering (monthly)")
    meeting = Meeting(
        series_id=series.id,
        title="Benchmark meeting",
        starts_at=datetime(2026, 10, 1, 13),
        minutes=240,
        status=MeetingStatus.CLOSED,
        next_meeting_date=date(2026, 11, 1),
    )
    rows += [*organizations, *people, body, series, meeting]
    rows += [Membership(body_id=body.id, person_id=p.id) for p in people]
    rows += [
        Attendance(meeting_id=meeting.id, person_id=p.id, organization_id=p.organization_id)
        for p in people
    ]
    for n in range(items):
        item = AgendaItem(meeting_id=meeting.id, position=float(n), title=f"Item {n}")
        rows.append(item)
        for k in range(3):
            rows.append(
                Note(
                    meeting_id=meeting.id,
                    agenda_item_id=item.id,
                    text=f"Note {k} on item {n}: a <b>sentence</b> with | pipes and *stars*.",
                    visibility=VISIBILITIES[(n + k) % 4],
                )
            )
        rows.append(
            Decision(
                meeting_id=meeting.id,
                agenda_item_id=item.id,
                text=f"Decision on item {n}",
                rationale="Because the partners agreed.",
            )
        )
        for k in range(2):
            owner = people[(n + k) % len(people)]
            rows.append(
                ActionItem(
                    meeting_id=meeting.id,
                    agenda_item_id=item.id,
                    text=f"Action {k} on item {n}",
                    owner_person_id=owner.id,
                    organization_id=owner.organization_id,
                    due=date(2026, 10, 15) + timedelta(days=n),
                )
            )
    store.insert_all(rows)
    return meeting


def bench_meeting(store: Store, meeting: Meeting, repeat: int) -> None:
    doc = timed(
        "build_minutes (40 items, partners)",
        lambda: build_minutes(store, meeting.id, Visibility.PARTNERS),
        repeat,
    )
    for fmt in ExportFormat:
        rendered = timed(f"render {fmt.value}", partial(render_minutes, doc, fmt), repeat)
        size = sum(len(f.data) for f in rendered)
        print(f"{'':58} {size / 1024:9.1f} KiB")
    with tempfile.TemporaryDirectory() as folder:
        packets = timed(
            "write_packets (8 orgs x md, html, docx, ics, csv + .eml)",
            lambda: write_packets(
                store,
                meeting.id,
                Path(folder) / f"run-{time.perf_counter_ns()}",
                RENDERERS,
                formats=list(ExportFormat),
            ),
            repeat,
        )
        files = sum(len(p.files) + 1 for p in packets)
        print(f"{'':58} {len(packets)} packets, {files} files logged")


def bench_history(path: Path, repeat: int) -> None:
    store = Store.open(path, create=False)
    try:
        series = max(
            store.find(MeetingSeries),
            key=lambda s: store.count(Meeting, series_id=s.id),
        )
        meetings = store.count(Meeting, series_id=series.id)
        print(f"history: {path} — series {series.name!r} with {meetings} meetings")
        record = timed(
            "series_record (whole series, partners)",
            lambda: series_record(store, series.id, audience=Visibility.PARTNERS),
            repeat,
        )
        print(f"{'':58} {len(record.decisions)} decisions, {len(record.actions)} actions")
        for fmt in (ExportFormat.MD, ExportFormat.HTML, ExportFormat.CSV):
            timed(
                f"render series record {fmt.value}",
                partial(RENDERERS.series_record, record, fmt),
                repeat,
            )
        report = timed(
            "you_said_we_did (whole series)",
            lambda: you_said_we_did(store, series_id=series.id),
            repeat,
        )
        print(f"{'':58} {len(report.inputs)} inputs")
        last = store.find(
            Meeting,
            series_id=series.id,
            status=MeetingStatus.CLOSED,
            order_by="-starts_at",
            limit=1,
        ) or store.find(Meeting, series_id=series.id, order_by="-starts_at", limit=1)
        timed(
            "build_minutes (latest meeting of the history)",
            lambda: build_minutes(store, last[0].id, Visibility.PARTNERS),
            repeat,
        )
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--history", type=Path, help="A database from generate_history.py.")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "bench.db")
        try:
            start = time.perf_counter()
            meeting = build_big_meeting(store)
            print(
                f"{'build the 40-item meeting':58} {(time.perf_counter() - start) * 1000:9.1f} ms"
            )
            bench_meeting(store, meeting, args.repeat)
        finally:
            store.close()
    if args.history is not None:
        bench_history(args.history, args.repeat)
    print(f"done at {datetime.now(UTC):%Y-%m-%d %H:%M:%S} UTC")


if __name__ == "__main__":
    main()
