"""The Store: reading and writing domain records. The only module family that holds SQL.

Records go in and come out as pydantic models; lists and dicts are JSON text in their column.
Every write is its own `BEGIN IMMEDIATE` transaction (or part of an explicit `transaction()`), so
a second process waits for the lock instead of failing half-way.
"""

from __future__ import annotations

import json
import sqlite3
import typing
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from facilitate.models.ids import utc_text, utcnow
from facilitate.store import table_versions
from facilitate.store.database import DEFAULT_BUSY_TIMEOUT_MS, as_database, open_db, track_close
from facilitate.store.errors import (
    DatabaseCorrupt,
    EditConflict,
    RecordNotFound,
    StoreError,
    explain,
)

if TYPE_CHECKING:
    # Only for types: importing pydantic is left to the first screen that reads a model.
    from sqlite_utils import Database

    from facilitate.models.base import Record

R = TypeVar("R", bound="Record")
T = TypeVar("T")

# How many remembered reads a store keeps; a session reads a handful of meetings.
_REMEMBERED_LIMIT = 64


@cache
def _json_fields(cls: type[Record]) -> frozenset[str]:
    """Fields whose value is a list, dict or nested model, and so is stored as JSON text."""
    names = set()
    for name, field in cls.model_fields.items():
        origin = typing.get_origin(field.annotation) or field.annotation
        if origin in (list, dict, tuple, set, frozenset):
            names.add(name)
    return frozenset(names)


@cache
def _time_fields(cls: type[Record]) -> frozenset[str]:
    """Fields that hold a datetime (or None)."""
    return frozenset(
        name
        for name, field in cls.model_fields.items()
        if field.annotation is datetime or datetime in typing.get_args(field.annotation)
    )


@cache
def _bytes_fields(cls: type[Record]) -> frozenset[str]:
    """Fields that hold bytes (a pre-read's file), stored as a BLOB as they are."""
    return frozenset(name for name, field in cls.model_fields.items() if field.annotation is bytes)


def to_row(record: Record) -> dict[str, Any]:
    binary = _bytes_fields(type(record))
    # JSON mode would decode bytes as UTF-8 (and fail on a PDF): they go to SQLite untouched.
    row = record.model_dump(mode="json", exclude=set(binary) or None)
    for name in binary:
        row[name] = getattr(record, name)
    for name in _time_fields(type(record)):
        value = getattr(record, name)
        # UTC times fixed-width, so ORDER BY on the text is time order (see utc_text). Wall-clock
        # times (a meeting's start, no zone) keep pydantic's form: with no terminator after the
        # seconds, a shorter one is a prefix of a longer one and already sorts first.
        if value is not None and value.tzinfo is not None:
            row[name] = utc_text(value)
    for name in _json_fields(type(record)):
        value = row[name]
        # Most are empty, and json.dumps costs microseconds a keystroke should not pay.
        if value == []:
            row[name] = "[]"
        elif value == {}:
            row[name] = "{}"
        else:
            row[name] = json.dumps(value, ensure_ascii=False)
    return row


def from_row(cls: type[R], row: dict[str, Any]) -> R:
    data = dict(row)
    for name in _json_fields(cls):
        value = data.get(name)
        # Most lists and dicts are empty (as `to_row` writes them): a record with a dozen JSON
        # fields would otherwise pay a dozen json.loads for nothing.
        if value == "[]":
            data[name] = []
        elif value == "{}":
            data[name] = {}
        elif isinstance(value, str):
            data[name] = json.loads(value)
    return cls.model_validate(data)


def apply_edit(
    record: Record, before: Mapping[str, Any], after: Mapping[str, Any], *, what: str
) -> list[str]:
    """The one rule for an edit made through a form, on `record` as freshly read inside the
    write's transaction: set the fields whose value differs between `before` (what the form was
    opened with) and `after` (what it holds now), and return their names. If one of them no
    longer holds `before`'s value (another window changed it, to something else than this
    edit's), set nothing and raise EditConflict naming the other window's values."""
    changed = [name for name, value in after.items() if before.get(name) != value]
    clashes = {
        name: getattr(record, name)
        for name in changed
        if getattr(record, name) not in (before.get(name), after[name])
    }
    if clashes:
        raise EditConflict(what, clashes)
    for name in changed:
        setattr(record, name, after[name])
    return changed


class Store:
    """An open facilitate database. Build one with `Store.open(path)`."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self._db: Database | None = None
        self._depth = 0
        # PRAGMA optimize on close may write statistics: only after this session wrote, and never
        # to a file found damaged (the user was told it was left untouched).
        self._wrote = False
        self._damaged = False
        # Writes this store made, by table: with PRAGMA data_version (other connections' commits)
        # they tell whether a remembered read can still be trusted.
        self._writes: Counter[str] = Counter()
        self._remembered: dict[Hashable, tuple[tuple[int, ...], Any]] = {}
        # PRAGMA data_version as read inside the current write transaction: while this store
        # holds the write lock no other connection can commit, so it cannot change until then.
        self._pinned_data_version: int | None = None
        # Per-table change counters (store/table_versions.py) as of this data_version.
        self._counted: dict[str, int] = {}
        self._counted_at: int | None = None

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        create: bool = True,
        busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
    ) -> Store:
        path = Path(path).expanduser()
        return cls(open_db(path, create=create, busy_timeout_ms=busy_timeout_ms), path)

    @property
    def db(self) -> Database:
        """sqlite-utils' view of this connection, made on first use: the store itself speaks
        plain sqlite3, so a command that only reads never loads sqlite-utils."""
        if self._db is None:
            self._db = as_database(self.conn)
        return self._db

    def close(self) -> None:
        """Give the planner fresh statistics if this session wrote anything, then close."""
        if self._wrote and not self._damaged:
            # Optimisation is best-effort; closing must still happen.
            with suppress(sqlite3.Error):
                self.conn.execute("PRAGMA optimize")
        self.conn.close()
        track_close(self.path)

    def _explain(self, error: sqlite3.Error) -> StoreError:
        explained = explain(self.path, error)
        if isinstance(explained, DatabaseCorrupt):
            self._damaged = True
        return explained

    # -- transactions -------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside commit together, durably, or not at all. Nests."""
        conn = self.conn
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise self._explain(error) from error
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            self._pinned_data_version = None
            # A read remembered inside the transaction saw its writes; they are gone now.
            self._remembered.clear()
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        self._depth = 0
        self._pinned_data_version = None
        try:
            conn.execute("COMMIT")
        except sqlite3.Error as error:
            self._remembered.clear()
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise self._explain(error) from error
        self._wrote = True

    def _write(self, table: str, sql: str, params: Sequence[Any] = ()) -> int:
        try:
            with self.transaction():
                return self.conn.execute(sql, params).rowcount
        except sqlite3.Error as error:
            raise self._explain(error) from error
        finally:
            # Counted even when rolled back: a remembered read redone for nothing is harmless.
            self._writes[table] += 1

    # -- change detection -----------------------------------------------------------------------

    def version(self, tables: Iterable[str]) -> tuple[int, ...]:
        """A value that changes whenever this store writes to one of `tables`, or another
        connection (a second window, another process) commits to the file: to one of `tables`
        when all of them keep a change counter (store/table_versions.py), to any table otherwise.
        Equal values mean those tables hold what they held; a changed value may be a false
        alarm, never a miss."""
        data_version = self._pinned_data_version
        if data_version is None:
            try:
                data_version = int(self.conn.execute("PRAGMA data_version").fetchone()[0])
            except sqlite3.Error as error:
                raise self._explain(error) from error
            if self._depth:
                self._pinned_data_version = data_version
        tables = tuple(tables)
        own = tuple(self._writes[table] for table in tables)
        counted = self._counted_versions(data_version)
        if tables and all(table in counted for table in tables):
            # Another connection's commit to other tables (a second window's note) leaves
            # these as they were: their triggers' counters say so (see store/table_versions.py).
            return (*(counted[table] for table in tables), *own)
        return (data_version, *own)

    def _counted_versions(self, data_version: int) -> dict[str, int]:
        """The per-table change counters, read again only after another connection committed."""
        if data_version != self._counted_at:
            try:
                self._counted = table_versions.read(self.conn.execute)
            except sqlite3.OperationalError:
                self._counted = {}  # a file opened without migrating: data_version alone
            self._counted_at = data_version
        return self._counted

    def remember(self, key: Hashable, tables: Iterable[str], compute: Callable[[], T]) -> T:
        """`compute()`, or what it returned for the same key, if nothing it read can have
        changed since: `compute` must read only `tables`. For reads repeated on every keystroke
        (who is in the room); the result is shared, so it must not be mutated."""
        tables = tuple(tables)
        # Taken before computing: a commit that lands during compute() makes the next call redo it.
        stamp = self.version(tables)
        hit = self._remembered.get(key)
        if hit is not None and hit[0] == stamp:
            return typing.cast(T, hit[1])
        value = compute()
        if len(self._remembered) >= _REMEMBERED_LIMIT:
            self._remembered.clear()
        self._remembered[key] = (stamp, value)
        return value

    def query(
        self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()
    ) -> list[dict[str, Any]]:
        """Rows as dicts. For the store's own query modules; services never pass SQL."""
        try:
            cursor = self.conn.execute(sql, params)
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        except sqlite3.Error as error:
            raise self._explain(error) from error

    # -- records ------------------------------------------------------------------------------

    def insert(self, record: R) -> R:
        row = to_row(record)
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        self._write(
            record.table,
            f"INSERT INTO {record.table} ({columns}) VALUES ({marks})",
            list(row.values()),
        )
        return record

    def insert_all(self, records: Sequence[Record]) -> None:
        with self.transaction():
            for record in records:
                self.insert(record)

    def save(self, record: R) -> R:
        """Write back a changed record, stamping `updated_at`."""
        record.updated_at = utcnow()
        row = to_row(record)
        record_id = row.pop("id")
        assignments = ", ".join(f"{name} = ?" for name in row)
        changed = self._write(
            record.table,
            f"UPDATE {record.table} SET {assignments} WHERE id = ?",
            [*row.values(), record_id],
        )
        if not changed:
            raise RecordNotFound(f"no {record.table} row with id {record_id}")
        return record

    def edit(
        self,
        cls: type[R],
        record_id: str,
        before: Mapping[str, Any],
        after: Mapping[str, Any],
        *,
        what: str,
    ) -> R:
        """Apply a form's edit as a second window would want it: write only the fields whose
        value differs between `before` (what the form was opened with) and `after` (what it
        holds now), on the row as it is inside this transaction. If another window changed one
        of those same fields meanwhile, write nothing and raise EditConflict with their values;
        its changes to other fields are kept either way."""
        with self.transaction():
            record = self.get(cls, record_id)
            changed = apply_edit(record, before, after, what=what)
            if changed:
                self.update_fields(record, changed)
            return record

    def update_fields(self, record: R, names: Iterable[str]) -> R:
        """Write only `names` (and `updated_at`) of a record: a concurrent change to any other
        column of the row survives."""
        record.updated_at = utcnow()
        row = to_row(record)
        columns = [*dict.fromkeys(names), "updated_at"]
        assignments = ", ".join(f"{name} = ?" for name in columns)
        changed = self._write(
            record.table,
            f"UPDATE {record.table} SET {assignments} WHERE id = ?",
            [*(row[name] for name in columns), record.id],
        )
        if not changed:
            raise RecordNotFound(f"no {record.table} row with id {record.id}")
        return record

    def delete(self, cls: type[Record], record_id: str) -> None:
        self._write(cls.table, f"DELETE FROM {cls.table} WHERE id = ?", [record_id])

    def get(self, cls: type[R], record_id: str) -> R:
        rows = self.query(f"SELECT * FROM {cls.table} WHERE id = ?", [record_id])
        if not rows:
            raise RecordNotFound(f"no {cls.table} row with id {record_id}")
        return from_row(cls, rows[0])

    def find(
        self,
        cls: type[R],
        *,
        order_by: str | None = None,
        limit: int | None = None,
        **equals: Any,
    ) -> list[R]:
        """Records whose fields equal the given values. `order_by="-field"` sorts descending."""
        sql, params = _select(cls, order_by=order_by, limit=limit, equals=equals)
        return [from_row(cls, row) for row in self.query(sql, params)]

    def count(self, cls: type[Record], **equals: Any) -> int:
        where, params = _where(cls, equals)
        rows = self.query(f"SELECT count(*) AS n FROM {cls.table}{where}", params)
        return int(rows[0]["n"])


def _where(cls: type[Record], equals: dict[str, Any]) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    for name, value in equals.items():
        if name not in cls.model_fields:
            raise ValueError(f"{cls.__name__} has no field {name!r}")
        if value is None:
            clauses.append(f"{name} IS NULL")
        else:
            clauses.append(f"{name} = ?")
            params.append(_param(value))
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _param(value: Any) -> Any:
    """A Python value as `to_row` stores it, so an equality test can match: enums as their text,
    UTC times fixed-width, dates and wall-clock times as pydantic writes them."""
    if isinstance(value, datetime) and value.tzinfo is not None:
        return utc_text(value)
    if isinstance(value, (date, datetime)):
        from pydantic import TypeAdapter

        return TypeAdapter(type(value)).dump_python(value, mode="json")
    if isinstance(value, str):
        return str(value)
    return value


def _select(
    cls: type[Record], *, order_by: str | None, limit: int | None, equals: dict[str, Any]
) -> tuple[str, list[Any]]:
    where, params = _where(cls, equals)
    sql = f"SELECT * FROM {cls.table}{where}"
    if order_by:
        name = order_by.lstrip("-")
        if name not in cls.model_fields:
            raise ValueError(f"{cls.__name__} has no field {name!r}")
        sql += f" ORDER BY {name} {'DESC' if order_by.startswith('-') else 'ASC'}"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return sql, params
