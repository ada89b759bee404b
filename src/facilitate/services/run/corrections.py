"""Correcting captured entries, and undo, without ever losing what was there before.

Corrections
    `correct_entry` changes fields of a note, decision, action or parking-lot entry of a meeting
    whose minutes are not yet approved. In the same transaction, one `EntryRevision` per changed
    field keeps the earlier value (``old_value``) and the new one. Text fields are stored as typed;
    other fields (dates, enums, counts, lists) as their JSON. An action's status is not corrected
    here: status changes are follow-through history (`follow_through.update_action`).

Undo
    `undo_last` walks back through the meeting's own history, newest first, one step per call:

    * if the newest step is a correction, the earlier values are restored, as a correction of
      its own (so the revert is in the history too);
    * if the newest step is a capture, the entry is removed: its whole record is kept as a
      revision with ``field = "*"``, ``old_value`` = the entry as JSON and ``new_value = ""``,
      then the row is deleted. An action with status updates is never removed.

    A correction that puts back exactly what the previous correction of the same entry changed
    (the same fields, old and new swapped) cancels it; undo writes such corrections, so calling
    undo again goes further back rather than redoing. Everything is read from stored rows, so
    undo works the same after a crash or from the second facilitator's window. ``only`` limits
    undo to some entry ids (say, those this window captured).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from pydantic import ValidationError

from facilitate.models import ActionUpdate, EntryRevision, utcnow
from facilitate.services.run.capture import (
    ENTRY_TYPES,
    CaptureError,
    Entry,
    capturable,
    entries,
    kind_of,
)
from facilitate.store import Store

REMOVED = "*"
"""The ``field`` of a revision that keeps a whole removed entry."""

FIXED_FIELDS = frozenset({"id", "created_at", "updated_at", "meeting_id", "status"})
_TABLES = {cls.table: cls for cls in ENTRY_TYPES.values()}


def _encode(entry: Entry, name: str) -> str:
    value = entry.model_dump(mode="json", include={name})[name]
    if type(entry).model_fields[name].annotation is str:
        return str(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _decode(cls: type[Entry], name: str, stored: str) -> object:
    if cls.model_fields[name].annotation is str:
        return stored
    return json.loads(stored)


def _apply(
    store: Store, entry: Entry, changes: Mapping[str, object], at: datetime
) -> list[EntryRevision]:
    """Change `entry` and write it back with one revision per changed field. In a transaction."""
    cls = type(entry)
    revisions = []
    for name, value in changes.items():
        if name in FIXED_FIELDS or name not in cls.model_fields:
            raise CaptureError(f"{kind_of(entry).value} entries have no correctable field {name!r}")
        old = _encode(entry, name)
        try:
            setattr(entry, name, value)
        except ValidationError as error:
            reason = error.errors()[0]["msg"]
            raise CaptureError(f"cannot set {name} to {value!r}: {reason}") from None
        new = _encode(entry, name)
        if new != old:
            revisions.append(
                EntryRevision(
                    entry_table=cls.table,
                    entry_id=entry.id,
                    field=name,
                    old_value=old,
                    new_value=new,
                    at=at,
                )
            )
    if not entry.text.strip():
        raise CaptureError("an entry needs its text; undo removes a whole entry")
    if revisions:
        store.save(entry)
        store.insert_all(revisions)
    return revisions


def correct_entry(
    store: Store, entry: Entry, changes: Mapping[str, object], *, now: datetime | None = None
) -> Entry:
    """Save corrected fields of `entry` (e.g. ``{"text": ...}``); returns the entry as stored.

    The stored row, not the caller's copy, is what gets corrected, so a change the other window
    made meanwhile is kept in the history rather than overwritten silently.
    """
    cls = type(entry)
    with store.transaction():
        capturable(store, entry.meeting_id)
        current = store.get(cls, entry.id)
        _apply(store, current, changes, now or utcnow())
    return current


def history(store: Store, entry: Entry) -> list[EntryRevision]:
    """Every revision of one entry, oldest first: the text it had before each correction."""
    return store.find(EntryRevision, entry_table=entry.table, entry_id=entry.id, order_by="at")


# -- undo -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Step:
    """One correction: the revisions written together (same entry, same moment)."""

    table: str
    entry_id: str
    at: datetime
    fields: dict[str, tuple[str, str]]

    def undoes(self, earlier: _Step) -> bool:
        return self.fields.keys() == earlier.fields.keys() and all(
            self.fields[name] == (new, old) for name, (old, new) in earlier.fields.items()
        )


@dataclass(frozen=True)
class UndoResult:
    """What undo did: ``removed`` a captured entry, ``reverted`` a correction, or ``nothing``."""

    action: Literal["removed", "reverted", "nothing"]
    entry: Entry | None
    message: str


def _live_corrections(store: Store, captured: list[Entry]) -> list[_Step]:
    """Corrections of these entries that no later correction has undone, newest last."""
    steps: dict[tuple[str, str, datetime], _Step] = {}
    for entry in captured:
        if entry.updated_at == entry.created_at:
            continue  # captured and never saved since, so never corrected (see capture._fresh)
        for revision in history(store, entry):
            if revision.field == REMOVED:
                continue
            key = (revision.entry_table, revision.entry_id, revision.at)
            step = steps.setdefault(key, _Step(*key, fields={}))
            step.fields[revision.field] = (revision.old_value, revision.new_value)
    stacks: dict[tuple[str, str], list[_Step]] = {}
    for step in sorted(steps.values(), key=lambda s: s.at):
        stack = stacks.setdefault((step.table, step.entry_id), [])
        if stack and step.undoes(stack[-1]):
            stack.pop()
        else:
            stack.append(step)
    return sorted((s for stack in stacks.values() for s in stack), key=lambda s: s.at)


def undo_last(
    store: Store,
    meeting_id: str,
    *,
    only: Collection[str] | None = None,
    now: datetime | None = None,
) -> UndoResult:
    """Undo the newest capture or correction of this meeting (see the module docstring)."""
    at = now or utcnow()
    with store.transaction():
        capturable(store, meeting_id)
        captured = [e for e in entries(store, meeting_id) if only is None or e.id in only]
        corrections = _live_corrections(store, captured)
        newest_capture = max(captured, key=lambda e: e.created_at, default=None)
        newest_fix = corrections[-1] if corrections else None
        if newest_fix is not None and (
            newest_capture is None or newest_fix.at >= newest_capture.created_at
        ):
            cls = _TABLES[newest_fix.table]
            entry = store.get(cls, newest_fix.entry_id)
            restore = {
                name: _decode(cls, name, old) for name, (old, _new) in newest_fix.fields.items()
            }
            _apply(store, entry, restore, at)
            names = ", ".join(sorted(restore))
            return UndoResult("reverted", entry, f"{kind_of(entry).value} {names} put back")
        if newest_capture is None:
            return UndoResult("nothing", None, "nothing to undo in this meeting")
        _remove(store, newest_capture, at)
        return UndoResult(
            "removed", newest_capture, f"{kind_of(newest_capture).value} removed (kept in history)"
        )


def _remove(store: Store, entry: Entry, at: datetime) -> None:
    """Delete a captured entry, keeping its whole record as a ``"*"`` revision first."""
    with store.transaction():
        capturable(store, entry.meeting_id)
        if store.count(ActionUpdate, action_id=entry.id):
            raise CaptureError("this action already has status updates; set it to dropped instead")
        stored = store.get(type(entry), entry.id)
        store.insert(
            EntryRevision(
                entry_table=stored.table,
                entry_id=stored.id,
                field=REMOVED,
                old_value=stored.model_dump_json(),
                new_value="",
                at=at,
            )
        )
        store.delete(type(stored), stored.id)
