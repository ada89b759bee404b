"""Per-table change counters: a second window's commit to other tables leaves a remembered read
of the room alone, and a commit to one of its tables (from any connection) makes it redone."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from facilitate.models import Meeting, Note
from facilitate.services.demo import build_demo
from facilitate.store import Store, table_versions
from tests.conftest import TODAY


def _two_windows(db_path: Path) -> tuple[Store, Store]:
    first = Store.open(db_path)
    build_demo(first, TODAY)
    return first, Store.open(db_path)


def _a_meeting_id(store: Store) -> str:
    return str(store.query("SELECT id FROM meetings ORDER BY starts_at LIMIT 1")[0]["id"])


def test_every_counted_table_has_its_three_triggers(store: Store) -> None:
    triggers = {
        row["name"] for row in store.query("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    }
    for table in table_versions.COUNTED:
        for event in ("ins", "upd", "del"):
            assert f"{table_versions.TABLE}_{table}_{event}" in triggers


def test_another_windows_note_leaves_the_room_remembered(db_path: Path) -> None:
    first, second = _two_windows(db_path)
    meeting_id = _a_meeting_id(first)
    computed: list[int] = []

    def room() -> int:
        computed.append(1)
        return len(computed)

    tables = ("attendance", "people", "meetings")
    assert second.remember("room", tables, room) == 1
    first.insert(Note(meeting_id=meeting_id, text="said in the other window"))
    assert second.remember("room", tables, room) == 1  # notes are not what the room reads
    # A read over notes (not counted) is redone after any other connection's commit.
    notes_stamp = second.version(("notes",))
    first.insert(Note(meeting_id=meeting_id, text="and another"))
    assert second.version(("notes",)) != notes_stamp
    first.close()
    second.close()


def test_another_connections_change_to_a_counted_table_is_seen(db_path: Path) -> None:
    first, second = _two_windows(db_path)
    tables = ("people",)
    stamp = second.version(tables)
    # Any connection, any library: a plain sqlite3 connection renames someone.
    other = sqlite3.connect(db_path)
    other.execute(
        "UPDATE people SET name = name || ' Jr' WHERE rowid = (SELECT min(rowid) FROM people)"
    )
    other.commit()
    other.close()
    assert second.version(tables) != stamp
    first.close()
    second.close()


def test_this_stores_own_write_is_seen(store: Store) -> None:
    build_demo(store, TODAY)
    meeting = store.get(Meeting, _a_meeting_id(store))
    stamp = store.version(("meetings",))
    assert store.version(("meetings",)) == stamp  # nothing written: the same
    meeting.title = "Renamed here"
    store.update_fields(meeting, ["title"])
    assert store.version(("meetings",)) != stamp
