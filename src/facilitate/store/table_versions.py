"""A change counter per table, kept by triggers, for the tables the room is read from.

`Store.remember` keeps a read (who is in the room, the quorum, the meeting being captured into)
until something it read may have changed. Within one connection the store counts its own writes;
another connection's commit shows only as a new `PRAGMA data_version`, which says *that* the file
changed, not *what*. With a second window capturing notes, every one of its commits made this
window redo the quorum and the room (a dozen reads) before its next capture, though neither had
changed: a decision took three times a bare insert (issue #15).

For the tables below, triggers count every insert, update and delete, whichever connection or
library made it (a merge through APSW too), so a remembered read over them is redone only when
one of them really changed. Tables written on every keystroke (notes, decisions, actions) are
deliberately not counted: a trigger there would slow every capture, and reads over them fall back
to `data_version`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

TABLE = "_table_versions"
"""Local bookkeeping (the "_" keeps it out of the two-laptop sync)."""

COUNTED = (
    "attendance",
    "bodies",
    "meeting_series",
    "meetings",
    "memberships",
    "organizations",
    "people",
)
"""The tables whose changes are counted: what the room, its quorum and the meeting are read from."""

_EVENTS = {"ins": "INSERT", "upd": "UPDATE", "del": "DELETE"}


def install_sql(tables: tuple[str, ...] = COUNTED) -> str:
    """The bookkeeping table and each counted table's three triggers (idempotent: a migration
    that rebuilds a counted table runs this again to put its triggers back)."""
    parts = [
        f"CREATE TABLE IF NOT EXISTS {TABLE} "
        "(name TEXT PRIMARY KEY, version INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;"
    ]
    for table in tables:
        parts.append(f"INSERT OR IGNORE INTO {TABLE} (name) VALUES ('{table}');")
        for short, event in _EVENTS.items():
            parts.append(
                f"CREATE TRIGGER IF NOT EXISTS {TABLE}_{table}_{short} AFTER {event} ON {table} "
                f"BEGIN UPDATE {TABLE} SET version = version + 1 WHERE name = '{table}'; END;"
            )
    return "\n".join(parts)


def read(query: Callable[[str], Any]) -> dict[str, int]:
    """Each counted table's version, from `query(sql)` returning (name, version) rows."""
    rows = query(f"SELECT name, version FROM {TABLE}")
    return {str(name): int(version) for name, version in rows}
