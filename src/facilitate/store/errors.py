"""Errors the store raises, each worded for the person at the keyboard.

Every message names the file and says what to do; callers print `str(error)` and nothing else.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from facilitate.errors import Refusal


class StoreError(Exception):
    """A problem with the database file that the user can act on."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path


class DatabaseMissing(StoreError):
    pass


class DatabaseLocked(StoreError):
    pass


class DatabaseReadOnly(StoreError):
    pass


class DatabaseCorrupt(StoreError):
    pass


class DatabaseTooNew(StoreError):
    pass


class DatabaseEmpty(StoreError):
    """An empty file, or a SQLite file with no tables: not a record yet, and a command that only
    reads must not make it one."""


class DatabaseForeign(StoreError):
    """A SQLite database another application made."""


class EditConflict(Refusal):
    """A field this edit changes was changed by another window since the edit's form was opened.

    Nothing was written; `fields` holds the other window's values, which the message shows.
    """

    def __init__(self, what: str, fields: dict[str, object]) -> None:
        shown = "; ".join(f"{name} is now “{_show(value)}”" for name, value in fields.items())
        super().__init__(
            f"{what} was changed in another window while you edited it ({shown}). "
            "Nothing was saved: look at their version, then make your change again."
        )
        self.fields = fields


def _show(value: object) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value) or "none"
    return "" if value is None else str(value)


class RecordNotFound(LookupError):
    """A lookup by id or name found nothing; the message says what was looked for."""


def explain(path: Path, error: sqlite3.Error) -> StoreError:
    """Turn an sqlite3 error about `path` into the StoreError a user can act on."""
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return DatabaseLocked(
            path,
            "the database is locked by another program. Close the other program "
            "(or the other facilitate window's pending change) and try again; nothing was changed.",
        )
    if "readonly" in text or "read-only" in text:
        return DatabaseReadOnly(
            path,
            "the database file is read-only. Make it writable (chmod u+w) or copy it somewhere "
            "you can write; nothing was changed.",
        )
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return DatabaseCorrupt(
            path,
            "this file is not a facilitate database or it is damaged "
            f"({error}). It was left untouched; restore it from a backup "
            "(facilitate db backup makes one).",
        )
    if "unable to open" in text:
        return StoreError(
            path, "cannot open the database file. Check that the folder exists and is writable."
        )
    return StoreError(path, f"database error: {error}")
