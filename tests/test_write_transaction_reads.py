"""Inside a write transaction no other window can commit, so the file's change counter is read
once there and trusted until the transaction ends; after it, another window's commit is seen
again. (The rest of the remembered-read rules are in test_remembered_reads.py.)"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from facilitate.models import Organization
from facilitate.models.enums import OrgKind
from facilitate.store import Store


def _counter_reads(statements: list[str]) -> int:
    return sum(1 for sql in statements if sql.strip().upper() == "PRAGMA DATA_VERSION")


def _remember_orgs(store: Store, runs: list[int]) -> int:
    def read() -> int:
        runs.append(1)
        return store.count(Organization)

    return store.remember("organizations", ["organizations"], read)


def _commit_from_another_window(db_path: Path, org_id: str) -> None:
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute(
        "INSERT INTO organizations (id, created_at, updated_at, name, kind) "
        f"VALUES ('{org_id}', '2026-11-22T00:00:00Z', '2026-11-22T00:00:00Z', 'Tribe', 'tribe')"
    )
    other.close()


def test_the_change_counter_is_read_once_per_write_transaction(store: Store) -> None:
    statements: list[str] = []
    runs: list[int] = []
    store.db.conn.set_trace_callback(statements.append)
    try:
        with store.transaction():
            for _ in range(3):
                _remember_orgs(store, runs)
    finally:
        store.db.conn.set_trace_callback(None)
    assert _counter_reads(statements) == 1
    assert len(runs) == 1


def test_a_write_inside_the_transaction_still_makes_a_remembered_read_run_again(
    store: Store,
) -> None:
    runs: list[int] = []
    with store.transaction():
        assert _remember_orgs(store, runs) == 0
        store.insert(Organization(name="Harbor County CFS", kind=OrgKind.AGENCY))
        assert _remember_orgs(store, runs) == 1
    assert len(runs) == 2


def test_after_the_transaction_another_windows_commit_is_seen(store: Store, db_path: Path) -> None:
    runs: list[int] = []
    with store.transaction():
        _remember_orgs(store, runs)
    _commit_from_another_window(db_path, "o1")
    assert _remember_orgs(store, runs) == 1
    assert len(runs) == 2


def test_after_a_rolled_back_transaction_another_windows_commit_is_seen(
    store: Store, db_path: Path
) -> None:
    runs: list[int] = []
    with pytest.raises(RuntimeError), store.transaction():
        _remember_orgs(store, runs)
        raise RuntimeError("abandon")
    _commit_from_another_window(db_path, "o2")
    assert _remember_orgs(store, runs) == 1
    assert len(runs) == 2
