"""The rules of a merge, one record at a time, as a person would state them.

* Nothing captured is lost: every row has its own UUID, so both laptops' entries all survive.
* When the two laptops hold different versions of a row, the later edit wins (`updated_at`;
  equal times are settled by the content, so both laptops pick the same one).
* When *both* edited the row since they last agreed, that is a conflict: the winner is kept and
  the other version goes into the entry's revisions (one per field), and the merge report
  names it. Each laptop knows the version its own edits started from (its base); an edit made
  on top of the other laptop's version is a later edit, not a conflict.
* A meeting's status only moves forward (planned → live → closed → approved), whichever
  version wins, with the times of the step it reached.
* A removal travels as a removal: it wins over versions no newer than it, a later edit brings
  the row back (restored), and the removed entry itself stays in its revisions (undo keeps it).
* Attendance and role assignments of one person at one meeting merge into one row (the
  smallest id, with the latest content).

Every rule depends only on the two versions, never on which laptop applies it, so merging A into
B and B into A give the same record. Nothing here reads or writes the file.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from facilitate.models import EntryRevision
from facilitate.models.enums import MeetingStatus
from facilitate.store.records import to_row

Row = dict[str, Any]

# Columns a conflict never lists: the version's own times.
_STAMPS = frozenset({"created_at", "updated_at"})
# Stable across laptops, so the revisions a conflict writes are the same rows on both.
_NAMESPACE = uuid.UUID("0d8f5b8e-2c4a-4a8e-9f1e-6b7c3d2a1f90")


class Kind(StrEnum):
    """What a record of the other laptop's does here."""

    NEW = "new"
    CHANGED = "changed"
    CONFLICTING = "conflicting"
    REMOVED = "removed"


@dataclass(frozen=True)
class Forward:
    """A column whose value only moves forward, and the columns that record each step."""

    column: str
    order: tuple[str, ...]
    stamps: tuple[str, ...]


FORWARD_ONLY: dict[str, Forward] = {
    "meetings": Forward(
        "status",
        tuple(status.value for status in MeetingStatus),
        ("opened_at", "closed_at", "approved_at", "approved_in_meeting_id"),
    )
}

MERGE_KEYS: dict[str, tuple[str, ...]] = {
    "attendance": ("meeting_id", "person_id"),
    "role_assignments": ("meeting_id", "role_key", "person_id"),
}
"""Rows that mean the same thing when these columns agree (a person's check-in, a role held)."""


@dataclass(frozen=True)
class Side:
    """One laptop's knowledge of one record: its row (None if it has none), when it removed
    it, and the version its edits started from if it edited the row since it last agreed."""

    row: Row | None
    removed_at: str | None = None
    edited_from: str | None = None


@dataclass(frozen=True)
class Conflict:
    """Both laptops changed the same record: which version stayed, and what happened to the
    other."""

    table: str
    row_id: str
    label: str
    kept: str  # "this laptop's" or "the other laptop's"
    kept_at: str
    fields: tuple[str, ...]
    note: str

    def describe(self) -> str:
        fields = f" ({', '.join(self.fields)})" if self.fields else ""
        return f"{self.label}{fields}: {self.note}"


@dataclass(frozen=True)
class Outcome:
    """What to do with one record. `target` is the row to hold afterwards (None: leave the row
    as it is); `remove` deletes it. `agreed`: afterwards this laptop holds what the other
    holds."""

    kind: Kind | None = None
    target: Row | None = None
    remove: bool = False
    conflict: Conflict | None = None
    revisions: tuple[Row, ...] = ()
    agreed: bool = False
    stays_removed: bool = False
    notes: tuple[str, ...] = field(default=())


NOTHING = Outcome()


def _order(row: Row) -> tuple[str, str]:
    """Later edit first; equal times settled by the content, identically on every laptop."""
    return (str(row.get("updated_at") or ""), json.dumps(sorted(row.items()), default=str))


def label(table: str, row: Row) -> str:
    """A record named for a person: "note “Parents want evening sessions…”"."""
    kind = {
        "notes": "note",
        "decisions": "decision",
        "action_items": "action",
        "parking_lot": "parking-lot entry",
        "meetings": "meeting",
        "agenda_items": "agenda item",
        "attendance": "attendance",
        "role_assignments": "role",
        "people": "person",
        "organizations": "organization",
    }.get(table, table.replace("_", " ").rstrip("s"))
    for column in ("text", "title", "name", "guest_name", "role_key"):
        value = row.get(column)
        if isinstance(value, str) and value.strip():
            text = " ".join(value.split())
            shown = text if len(text) <= 48 else text[:47] + "…"
            return f"{kind} “{shown}”"
    return f"{kind} {str(row.get('id', ''))[:8]}"


def _forward(table: str, winner: Row, loser: Row) -> Row:
    """The winner, with a forward-only column taken from the loser if it got further."""
    rule = FORWARD_ONLY.get(table)
    if rule is None or rule.column not in winner:
        return winner
    order = {value: rank for rank, value in enumerate(rule.order)}
    if order.get(str(loser.get(rule.column)), -1) <= order.get(str(winner.get(rule.column)), -1):
        return winner
    merged = dict(winner)
    merged[rule.column] = loser[rule.column]
    for stamp in rule.stamps:
        if stamp in loser and loser[stamp] is not None:
            merged[stamp] = loser[stamp]
    return merged


def _text(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def conflict_revisions(table: str, winner: Row, loser: Row) -> tuple[Row, ...]:
    """The losing version, field by field, as revisions of the entry (the same rows on both
    laptops: ids and times come from the two versions)."""
    at = str(winner["updated_at"])
    moment = datetime.fromisoformat(at.replace("Z", "+00:00"))
    rows = []
    for name in sorted(winner):
        if name in _STAMPS or name == "id" or loser.get(name) == winner.get(name):
            continue
        key = f"{table}:{winner['id']}:{name}:{loser.get('updated_at')}:{at}"
        revision = EntryRevision(
            id=str(uuid.uuid5(_NAMESPACE, key)),
            created_at=moment,
            updated_at=moment,
            entry_table=table,
            entry_id=str(winner["id"]),
            field=name,
            old_value=_text(loser.get(name)),
            new_value=_text(winner.get(name)),
            at=moment,
        )
        rows.append(to_row(revision))
    return tuple(rows)


def _both_edited(here: Side, there: Side) -> bool:
    """Each laptop edited the row since they last agreed, neither on top of the other's version."""
    if here.row is None or there.row is None:
        return False
    if here.edited_from is None or there.edited_from is None:
        return False
    return there.edited_from != here.row.get("updated_at") and here.edited_from != there.row.get(
        "updated_at"
    )


def _removal(table: str, here: Row, removed_at: str) -> Outcome:
    if removed_at >= str(here.get("updated_at") or ""):
        return Outcome(Kind.REMOVED, remove=True, agreed=True)
    conflict = Conflict(
        table,
        str(here["id"]),
        label(table, here),
        "this laptop's",
        str(here["updated_at"]),
        (),
        "removed on the other laptop, but edited here afterwards: kept",
    )
    return Outcome(Kind.CONFLICTING, conflict=conflict)


def resolve(table: str, here: Side, there: Side) -> Outcome:
    """What the other laptop's version (or removal) of one record does here."""
    if there.row is None:
        if here.row is None or there.removed_at is None:
            return NOTHING
        return _removal(table, here.row, there.removed_at)
    if here.row is None:
        if here.removed_at is None:
            return Outcome(Kind.NEW, target=there.row, agreed=True)
        if str(there.row.get("updated_at") or "") > here.removed_at:
            note = (
                f"{label(table, there.row)}: edited on the other laptop after it was removed here"
            )
            return Outcome(
                Kind.CHANGED, target=there.row, agreed=True, notes=(note + "; restored",)
            )
        return Outcome(stays_removed=True)
    if here.row == there.row:
        return Outcome(agreed=True)
    theirs_later = _order(there.row) > _order(here.row)
    winner, loser = (there.row, here.row) if theirs_later else (here.row, there.row)
    target = _forward(table, winner, loser)
    changed = target != here.row
    fields = tuple(sorted(n for n in winner if n not in _STAMPS and winner.get(n) != loser.get(n)))
    # Two edits that ended on the same content (a correction undone) are no conflict.
    if not fields or not _both_edited(here, there):
        kind = Kind.CHANGED if changed else None
        return Outcome(kind, target=target if changed else None, agreed=target == there.row)
    kept = "the other laptop's" if theirs_later else "this laptop's"
    conflict = Conflict(
        table,
        str(winner["id"]),
        label(table, winner),
        kept,
        str(winner["updated_at"]),
        fields,
        f"edited on both laptops; kept {kept} later version, the other is in its history",
    )
    return Outcome(
        Kind.CONFLICTING,
        target=target if changed else None,
        conflict=conflict,
        revisions=conflict_revisions(table, winner, loser),
        agreed=target == there.row,
    )


@dataclass(frozen=True)
class Merged:
    """Rows that mean the same thing, made one: `keep` becomes `target`, `drop` are removed."""

    keep: Row
    target: Row
    drop: tuple[Row, ...]


def merge_duplicates(rows: Sequence[Row]) -> Merged:
    """One row from several of the same person at the same meeting: the smallest id (the same
    choice on every laptop), the latest content, the earliest creation."""
    keep = min(rows, key=lambda row: str(row["id"]))
    latest = max(rows, key=_order)
    target = dict(latest)
    target["id"] = keep["id"]
    target["created_at"] = min(str(row["created_at"]) for row in rows)
    return Merged(keep, target, tuple(row for row in rows if row is not keep))
