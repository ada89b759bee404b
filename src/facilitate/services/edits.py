"""Edits that respect a second window: write only what the user changed, and only if nobody
changed the same field since the form was opened.

A form reads a record, the user changes some fields, then saves. Meanwhile a co-facilitator on
the same file may have saved the same record. Writing the whole form back would undo their
change; so the service re-reads the row inside the write's transaction and applies only the
fields whose value differs between what the form started from (`before`) and what it holds now
(`after`). If one of those fields was also changed by the other window, nothing is written and
the user is shown the other window's value.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from facilitate.models.base import Record


class EditConflict(ValueError):
    """The same field was changed in another window since this form was opened."""

    def __init__(self, what: str, fields: Mapping[str, Any]) -> None:
        shown = "; ".join(f"{name} is now “{_show(value)}”" for name, value in fields.items())
        super().__init__(
            f"{what} was changed in another window while you edited it ({shown}). "
            "Nothing was saved: reopen it to see their version, then make your change again."
        )
        self.fields = dict(fields)


def _show(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value) or "none"
    return "" if value is None else str(value)


def apply_changes(
    record: Record, before: Mapping[str, Any], after: Mapping[str, Any], *, what: str
) -> list[str]:
    """Set on `record` (freshly read) the fields that differ between `before` and `after`.

    Returns the names of the fields set. Raises EditConflict, changing nothing, when the record
    no longer holds `before`'s value for a field the user changed (and not already the user's).
    """
    changed = [name for name, value in after.items() if before.get(name) != value]
    clashes = {
        name: getattr(record, name)
        for name in changed
        if getattr(record, name) != before.get(name) and getattr(record, name) != after[name]
    }
    if clashes:
        raise EditConflict(what, clashes)
    for name in changed:
        setattr(record, name, after[name])
    return changed
