"""Storage: the only layer that speaks SQL. Open it with `Store.open(path)`."""

from facilitate.store.errors import (
    DatabaseCorrupt,
    DatabaseLocked,
    DatabaseMissing,
    DatabaseReadOnly,
    DatabaseTooNew,
    EditConflict,
    RecordNotFound,
    StoreError,
)
from facilitate.store.records import Store, apply_edit

__all__ = [
    "DatabaseCorrupt",
    "DatabaseLocked",
    "DatabaseMissing",
    "DatabaseReadOnly",
    "DatabaseTooNew",
    "EditConflict",
    "RecordNotFound",
    "Store",
    "StoreError",
    "apply_edit",
]
