"""Time sorts as text. SQLite orders the stored timestamps as strings, so every UTC time is kept
fixed-width (`YYYY-MM-DDTHH:MM:SS.ffffffZ`): a variable fraction put `…:00Z` after `…:00.5Z`.
Migration 0005 rewrites files written before. Meeting wall-clock times (`starts_at`, no zone)
are stored without a terminator, so a shorter one is a prefix and sorts first: kept as they are.

Each pair below is written later-first, so neither insertion order nor rowid can hide a wrong
ORDER BY.
"""

from __future__ import annotations

import json
import re
import typing
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from facilitate.models import (
    Body,
    Meeting,
    MeetingSeries,
    Note,
    ParkingLotItem,
    Record,
    new_id,
)
from facilitate.models.enums import BodyKind, MeetingKind, MeetingStatus
from facilitate.store import Store, queries, queries_owed
from facilitate.store.migrations import FIXED_WIDTH_TIMES, migrations

from .test_store import full_record

EARLY = datetime(2026, 11, 3, 18, 30, tzinfo=UTC)  # once stored as "…:30:00Z"
LATER = EARLY + timedelta(milliseconds=500)  # once stored as "…:30:00.500000Z", before EARLY
FIXED = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$")
WALL_CLOCK = "starts_at"  # the one datetime field that is local time, with no zone


def utc_time_fields(cls: type[Record]) -> list[str]:
    """The fields of `cls` that hold a UTC datetime."""
    names = []
    for name, field in cls.model_fields.items():
        annotation = field.annotation
        if name != WALL_CLOCK and (
            annotation is datetime or datetime in typing.get_args(annotation)
        ):
            names.append(name)
    return names


TIME_FIELDS = [
    pytest.param(type(record), name, id=f"{record.table}.{name}")
    for record in full_record()
    for name in utc_time_fields(type(record))
]


def a_pair(store: Store, cls: type[Record], name: str) -> tuple[str, str]:
    """Beside one of every record, two of `cls` with `name` at EARLY and LATER, written later
    first; their ids."""
    records = full_record()
    store.insert_all(records)
    template = next(r for r in records if isinstance(r, cls))
    ids: dict[datetime, str] = {}
    for number, moment in enumerate((LATER, EARLY)):
        update: dict[str, Any] = {"id": new_id(), name: moment}
        if "version" in cls.model_fields:  # ground-rule versions are unique per set
            update["version"] = 100 + number
        ids[moment] = store.insert(template.model_copy(update=update)).id
    return ids[EARLY], ids[LATER]


def in_pair(records: list[Any], pair: tuple[str, str]) -> list[str]:
    return [r.id for r in records if r.id in pair]


@pytest.mark.parametrize(("cls", "name"), TIME_FIELDS)
def test_find_orders_every_utc_time_by_time(store: Store, cls: type[Record], name: str) -> None:
    early, later = a_pair(store, cls, name)
    assert in_pair(store.find(cls, order_by=name), (early, later)) == [early, later]
    assert in_pair(store.find(cls, order_by=f"-{name}"), (early, later)) == [later, early]


@pytest.mark.parametrize(("cls", "name"), TIME_FIELDS)
def test_every_utc_time_is_stored_fixed_width(store: Store, cls: type[Record], name: str) -> None:
    pair = a_pair(store, cls, name)
    rows = store.query(f"SELECT {name} FROM {cls.table} WHERE id IN (?, ?)", pair)
    assert sorted(row[name] for row in rows) == [
        "2026-11-03T18:30:00.000000Z",
        "2026-11-03T18:30:00.500000Z",
    ]


def test_a_time_in_another_zone_is_stored_as_its_utc_instant(store: Store) -> None:
    records = full_record()
    store.insert_all(records)
    meeting = next(r for r in records if isinstance(r, Meeting))
    in_berlin = datetime(2026, 11, 3, 19, 30, 0, 500000, tzinfo=timezone(timedelta(hours=1)))
    note = store.insert(Note(meeting_id=meeting.id, text="x", created_at=in_berlin))
    (row,) = store.query("SELECT created_at FROM notes WHERE id = ?", [note.id])
    assert row["created_at"] == "2026-11-03T18:30:00.500000Z"
    assert store.get(Note, note.id).created_at == LATER


def test_find_by_a_utc_time_matches_the_stored_text(store: Store) -> None:
    records = full_record()
    store.insert_all(records)
    meeting = next(r for r in records if isinstance(r, Meeting))
    note = store.insert(Note(meeting_id=meeting.id, text="on the second", created_at=EARLY))
    assert [n.id for n in store.find(Note, created_at=EARLY)] == [note.id]
    assert store.find(Note, created_at=LATER) == []


# -- the joins of store/queries.py ------------------------------------------------------------


@pytest.fixture
def series(store: Store) -> MeetingSeries:
    body = store.insert(Body(name="Steering", kind=BodyKind.STEERING_COMMITTEE))
    return store.insert(MeetingSeries(body_id=body.id, name="Monthly", kind=MeetingKind.BUSINESS))


def a_meeting(store: Store, series: MeetingSeries, starts_at: datetime, **fields: Any) -> Meeting:
    return store.insert(
        Meeting(
            series_id=series.id, title=f"{starts_at:%H:%M:%S.%f}", starts_at=starts_at, **fields
        )
    )


def test_waiting_parking_comes_in_the_order_it_was_parked(
    store: Store, series: MeetingSeries
) -> None:
    earlier = a_meeting(store, series, datetime(2026, 10, 6, 13, 0))
    later_item = store.insert(ParkingLotItem(meeting_id=earlier.id, text="b", created_at=LATER))
    early_item = store.insert(ParkingLotItem(meeting_id=earlier.id, text="a", created_at=EARLY))
    found = queries_owed.waiting_parking(store, [earlier.id])
    assert [p.id for p in found] == [early_item.id, later_item.id]


def test_live_meetings_come_in_the_order_they_were_opened(
    store: Store, series: MeetingSeries
) -> None:
    live = MeetingStatus.LIVE
    second = a_meeting(store, series, datetime(2026, 11, 3, 9, 0), status=live, opened_at=LATER)
    first = a_meeting(store, series, datetime(2026, 11, 3, 13, 0), status=live, opened_at=EARLY)
    assert [m.id for m in queries.live_meetings(store)] == [first.id, second.id]


def test_wall_clock_start_times_keep_their_form_and_sort(
    store: Store, series: MeetingSeries
) -> None:
    on_the_minute = datetime(2026, 11, 22, 13, 0)
    half_a_second_on = on_the_minute + timedelta(milliseconds=500)
    later = a_meeting(store, series, half_a_second_on)
    early = a_meeting(store, series, on_the_minute)
    stored = store.query("SELECT starts_at FROM meetings ORDER BY starts_at")
    assert [row["starts_at"] for row in stored] == [
        "2026-11-22T13:00:00",
        "2026-11-22T13:00:00.500000",
    ]
    assert [m.id for m in store.find(Meeting, order_by="starts_at")] == [early.id, later.id]


# -- migration 0005 ---------------------------------------------------------------------------


def old_row(record: Record) -> dict[str, Any]:
    """A record as facilitate stored it before 0005: pydantic's JSON text, whose UTC times drop
    a zero fraction ("…:00Z") and keep any other ("…:00.500000Z")."""
    row = record.model_dump(mode="json")
    return {
        key: json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value
        for key, value in row.items()
    }


@pytest.fixture
def old_file(db_path: Path) -> Iterator[list[Record]]:
    """A schema-4 file written by hand in the old format; yields what it holds."""
    records = full_record()
    meeting = next(r for r in records if isinstance(r, Meeting))
    records += [
        Note(meeting_id=meeting.id, text="second", created_at=LATER, updated_at=LATER),
        Note(meeting_id=meeting.id, text="first", created_at=EARLY, updated_at=EARLY),
        # Text that looks like a time is a note's words, not a time: never rewritten.
        Note(meeting_id=meeting.id, text="2026-11-03T18:30:00Z", created_at=LATER),
    ]
    db = Database(db_path)
    migrations.apply(db, stop_before=FIXED_WIDTH_TIMES)
    # Only the tables and columns schema 4 has: later schemas' are not in this file yet, and
    # read back they hold their defaults, so each record is compared as schema 4 could keep it.
    records = [r for r in records if db.table(r.table).exists()]
    kept: list[Record] = []
    with db.atomic():
        for record in records:
            columns = db.table(record.table).columns_dict
            db.table(record.table).insert(
                {k: v for k, v in old_row(record).items() if k in columns}
            )
            later = {name for name in type(record).model_fields if name not in columns}
            defaults = {
                name: type(record).model_fields[name].get_default(call_default_factory=True)
                for name in later
            }
            kept.append(record.model_copy(update=defaults))
    records = kept
    before = db.execute("SELECT created_at FROM notes WHERE text = 'first'").fetchone()
    assert before == ("2026-11-03T18:30:00Z",)  # the old format, or this test proves nothing
    db.close()
    yield records


def stored_times(store: Store) -> list[tuple[str, str, str]]:
    """(table, column, text) of every non-empty time column value in the file."""
    found = []
    for (table,) in store.db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%' "
        "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_%' ESCAPE '\\'"
    ).fetchall():
        columns = [c.name for c in store.db.table(table).columns]
        for column in columns:
            if column == "at" or column.endswith("_at"):
                for (value,) in store.db.execute(
                    f'SELECT "{column}" FROM "{table}" WHERE "{column}" IS NOT NULL'
                ).fetchall():
                    found.append((table, column, value))
    return found


def test_migration_rewrites_old_times_fixed_width(old_file: list[Record], db_path: Path) -> None:
    store = Store.open(db_path)
    try:
        times = stored_times(store)
        assert {table for table, _, _ in times} >= {"notes", "meetings", "action_updates"}
        for table, column, text in times:
            if column == WALL_CLOCK:
                assert text == "2026-11-03T18:00:00", (table, column, text)
            else:
                assert FIXED.match(text), (table, column, text)
        # Every value is the instant it was: the records read back equal what was written.
        for record in old_file:
            assert store.get(type(record), record.id) == record
        ordered = [n.text for n in store.find(Note, order_by="created_at")]
        assert ordered.index("first") < ordered.index("second")
        assert store.find(Note, text="2026-11-03T18:30:00Z") != []
        for table in ("notes", "decisions", "action_items"):  # search indexes still match
            store.db.execute(f"INSERT INTO {table}_fts({table}_fts) VALUES('integrity-check')")
        store.db.conn.rollback()
        applied = {row["name"] for row in store.query("SELECT name FROM _sqlite_migrations")}
        assert FIXED_WIDTH_TIMES in applied
    finally:
        store.close()
