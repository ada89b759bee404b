"""Opening the record for a sync: once as the app does (checks, migrations), then with APSW.

The two are never open together: APSW carries its own SQLite, and two SQLite libraries in one
process drop each other's file locks (see `store.changesets`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from facilitate.store import Store
from facilitate.store.changesets import SyncDb


def open_checked(path: Path) -> None:
    """Refuse a file that is not a facilitate record (missing, empty, another application's,
    damaged, newer) and bring an older one's schema up to date, then close it again."""
    Store.open(path, create=False).close()


@contextmanager
def sync_db(path: Path) -> Iterator[SyncDb]:
    db = SyncDb.open(path)
    try:
        yield db
    finally:
        db.close()
