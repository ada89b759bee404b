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

Removing, restoring, changing kind
    `remove_entry` removes the entry the facilitator chose (never simply the newest), kept whole
    as a ``"*"`` revision; `removed_entries` lists what can be brought back and `restore_entry`
    brings one back with its id and capture time, recording a ``"*"`` revision whose
    ``old_value`` is empty. `change_kind` turns a note into an action (and so on): the entry
    keeps its id, text, item, visibility and capture time in the other kind's table; the old
    record is kept whole (a ``"*"`` revision whose ``new_value`` names the new table) and a
    ``"kind"`` revision records the change. `history` and `describe` show all of it.

A decision is checked against the decision rules (`decision_rules`) after every correction, and
its quorum snapshot is never corrected: it says how things stood when it was taken.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from pydantic import ValidationError

from facilitate.models import (
    ActionItem,
    ActionUpdate,
    AgendaItem,
    Decision,
    EntryRevision,
    utcnow,
)
from facilitate.services.people import people_lookup
from facilitate.services.quorum import quorum
from facilitate.services.run import decisions, referral_link
from facilitate.services.run.capture import (
    ENTRY_TYPES,
    CaptureError,
    Entry,
    capturable,
    kind_of,
)
from facilitate.services.run.decision_rules import check_levels, settle_outcome, tally
from facilitate.services.run.quick_entry import EntryKind
from facilitate.store import RecordNotFound, Store
from facilitate.store.undo_reads import field_revisions, newest_capture

REMOVED = "*"
"""The ``field`` of a revision that keeps a whole removed entry."""
KIND = "kind"
"""The ``field`` of a revision recording that an entry became another kind."""
MOVED = "moved to "
"""How the ``new_value`` of a ``"*"`` revision starts when the entry changed kind."""

FIXED_FIELDS = frozenset(
    {
        "id",
        "created_at",
        "updated_at",
        "meeting_id",
        "status",
        "ground_rule_id",
        *decisions.SNAPSHOT_FIELDS,
    }
)
_TABLES = {cls.table: cls for cls in ENTRY_TYPES.values()}
# A correction of these re-reads which body a decision was sent to (`referral_link`).
REFERRAL_FIELDS = frozenset({"outcome", "referred_to"})


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
    if isinstance(entry, Decision):
        _check_decision(entry)
    if revisions:
        store.save(entry)
        store.insert_all(revisions)
    if isinstance(entry, Decision) and {r.field for r in revisions} & REFERRAL_FIELDS:
        referral_link.link_referral(store, entry)
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


def _check_decision(decision: Decision) -> None:
    """A corrected decision still follows the decision rules, as a new one must."""
    settled = settle_outcome(
        decision.method,
        decision.outcome,
        blocks=len(decision.blocks),
        override=decision.override_reason,
        referred_to=decision.referred_to,
    )
    _, miscounted = tally(
        [called.vote for called in decision.roll_call],
        decision.votes_for,
        decision.votes_against,
        decision.abstentions,
    )
    problem = settled.problem or check_levels(decision.method, decision.distribution) or miscounted
    if problem:
        raise CaptureError(problem)


def history(store: Store, entry: Entry) -> list[EntryRevision]:
    """Every revision of one entry, oldest first, including those it had as another kind."""
    return store.find(EntryRevision, entry_id=entry.id, order_by="at")


def put_back(
    store: Store, entry: Entry, revision: EntryRevision, *, now: datetime | None = None
) -> Entry:
    """Correct one field of `entry` back to the value `revision` replaced (a correction of its
    own, so the history keeps both)."""
    cls = type(entry)
    if revision.field in (REMOVED, KIND) or revision.field not in cls.model_fields:
        raise CaptureError(
            "only a corrected field can be put back; restore a removed entry from the list "
            "of removed entries, and change the kind in the correction dialog"
        )
    return correct_entry(
        store, entry, {revision.field: _decode(cls, revision.field, revision.old_value)}, now=now
    )


def describe(revision: EntryRevision) -> str:
    """One revision in words, for the history the screen shows on request."""
    if revision.field == REMOVED:
        if not revision.old_value:
            return "restored"
        if revision.new_value.startswith(MOVED):
            return f"kept whole when it became another kind ({revision.new_value})"
        return "removed (kept whole, can be restored)"
    return f"{revision.field}: {_shown(revision.old_value)} → {_shown(revision.new_value)}"


def _shown(stored: str) -> str:
    """A revision's value as a person reads it: JSON strings unquoted, nothing as "(none)"."""
    try:
        value = json.loads(stored)
    except ValueError:
        value = stored
    if value in (None, "", [], {}):
        return "(none)"
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


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


def _live_corrections(store: Store, meeting_id: str, only: Collection[str] | None) -> list[_Step]:
    """Corrections of the meeting's entries (those in `only`, if given) that no later correction
    has undone, newest last."""
    steps: dict[tuple[str, str, datetime], _Step] = {}
    for revision in field_revisions(store, meeting_id, list(_TABLES)):
        if only is not None and revision.entry_id not in only:
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
    """Undo the newest capture or correction of this meeting (see the module docstring).

    Reads only the newest capture and the corrected entries' revisions (`undo_reads`), never
    the whole meeting: undo stays quick in a meeting of thousands of entries."""
    at = now or utcnow()
    with store.transaction():
        capturable(store, meeting_id)
        corrections = _live_corrections(store, meeting_id, only)
        found = newest_capture(store, meeting_id, list(_TABLES), only)
        newest = store.get(_TABLES[found[0]], found[1]) if found else None
        newest_fix = corrections[-1] if corrections else None
        if newest_fix is not None and (newest is None or newest_fix.at >= newest.created_at):
            cls = _TABLES[newest_fix.table]
            entry = store.get(cls, newest_fix.entry_id)
            restore = {
                name: _decode(cls, name, old) for name, (old, _new) in newest_fix.fields.items()
            }
            _apply(store, entry, restore, at)
            names = ", ".join(sorted(restore))
            return UndoResult("reverted", entry, f"{kind_of(entry).value} {names} put back")
        if newest is None:
            return UndoResult("nothing", None, "nothing to undo in this meeting")
        _remove(store, newest, at)
        return UndoResult("removed", newest, f"{kind_of(newest).value} removed (kept in history)")


def remove_entry(store: Store, entry: Entry, *, now: datetime | None = None) -> None:
    """Remove this entry (the one chosen, not the newest), keeping it whole to restore."""
    _remove(store, entry, now or utcnow())


@dataclass(frozen=True)
class Removed:
    """An entry removed from a meeting, as it was, and when it was removed."""

    entry: Entry
    removed_at: datetime


def removed_entries(store: Store, meeting_id: str) -> list[Removed]:
    """The meeting's removed entries that can be restored, most recently removed first."""
    latest: dict[tuple[str, str], EntryRevision] = {}
    for revision in store.find(EntryRevision, field=REMOVED, order_by="at"):
        latest[(revision.entry_table, revision.entry_id)] = revision
    found = []
    for (table, _entry_id), revision in latest.items():
        if revision.new_value or table not in _TABLES:
            continue  # restored since, or moved to another kind
        entry = _TABLES[table].model_validate_json(revision.old_value)
        if entry.meeting_id == meeting_id and not store.count(type(entry), id=entry.id):
            found.append(Removed(entry, revision.at))
    return sorted(found, key=lambda removed: removed.removed_at, reverse=True)


def restore_entry(store: Store, removed: Entry, *, now: datetime | None = None) -> Entry:
    """Bring back a removed entry with its id and capture time, on its item if that still
    exists; the restore is a revision of its own."""
    at = now or utcnow()
    with store.transaction():
        capturable(store, removed.meeting_id)
        cls = type(removed)
        if store.count(cls, id=removed.id):
            raise CaptureError(f"this {kind_of(removed).value} is in the record already")
        entry = removed.model_copy(update={"updated_at": at})
        if entry.agenda_item_id and not store.count(AgendaItem, id=entry.agenda_item_id):
            entry.agenda_item_id = None
        store.insert(entry)
        store.insert(
            EntryRevision(
                entry_table=cls.table,
                entry_id=entry.id,
                field=REMOVED,
                old_value="",
                new_value=entry.model_dump_json(),
                at=at,
            )
        )
    return entry


def change_kind(
    store: Store, entry: Entry, kind: EntryKind, *, now: datetime | None = None
) -> Entry:
    """Make `entry` a `kind` entry (a note that was an action, ...), keeping its id, text, item,
    visibility and capture time. A new decision keeps quorum as it stood when the entry was
    captured; what the old kind alone held stays in the history."""
    at = now or utcnow()
    target = ENTRY_TYPES[kind]
    with store.transaction():
        capturable(store, entry.meeting_id)
        stored = store.get(type(entry), entry.id)
        if isinstance(stored, target):
            return stored
        if store.count(ActionUpdate, action_id=stored.id):
            raise CaptureError("this action already has status updates; it stays an action")
        extra: dict[str, object] = {}
        if target is Decision:
            status = quorum(store, stored.meeting_id, at=stored.created_at)
            extra = decisions.snapshot(status)
        changed = target(
            id=stored.id,
            created_at=stored.created_at,
            updated_at=at,
            meeting_id=stored.meeting_id,
            agenda_item_id=stored.agenda_item_id,
            text=stored.text,
            visibility=stored.visibility,
            **extra,
        )
        store.insert(
            EntryRevision(
                entry_table=stored.table,
                entry_id=stored.id,
                field=REMOVED,
                old_value=stored.model_dump_json(),
                new_value=MOVED + target.table,
                at=at,
            )
        )
        store.delete(type(stored), stored.id)
        store.insert(changed)
        store.insert(
            EntryRevision(
                entry_table=target.table,
                entry_id=stored.id,
                field=KIND,
                old_value=kind_of(stored).value,
                new_value=kind.value,
                at=at,
            )
        )
    return changed


def find_entry(store: Store, meeting_id: str, entry_id: str) -> Entry | None:
    """The meeting's entry with this id, whatever its kind, or None when there is none."""
    for cls in ENTRY_TYPES.values():
        try:
            entry = store.get(cls, entry_id)
        except RecordNotFound:
            continue
        return entry if entry.meeting_id == meeting_id else None
    return None


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


def choose_owner(store: Store, action: ActionItem, chosen: people_lookup.Candidate) -> ActionItem:
    """Make `chosen` the owner of `action`, as a correction (kept in the entry's revisions):
    only the owner fields, and the organization when the action names none yet."""
    changes: dict[str, Any] = (
        {"owner_person_id": chosen.person_id, "owner_text": ""}
        if chosen.person_id is not None
        else {"owner_person_id": None, "owner_text": chosen.name}
    )
    if action.organization_id is None and chosen.organization_id is not None:
        changes["organization_id"] = chosen.organization_id
    corrected = correct_entry(store, action, changes)
    assert isinstance(corrected, ActionItem)
    return corrected
