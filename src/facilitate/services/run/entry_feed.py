"""What the other window wrote: a cheap poll for entries that are new, changed or removed.

Two facilitators can capture into one meeting from two processes. A screen polls
`entries_since` about once a second with the cursor the previous call returned.

The cursor remembers each entry it has seen with its ``updated_at``. It is not a timestamp
high-water mark on purpose: an entry's ``created_at`` is stamped before its writer waits for the
database lock, so entries can commit out of timestamp order and a "since T" poll would miss one.
Comparing against what was seen cannot miss anything, and it also reports corrections and
removals made by the other window. The cost is one indexed read of the meeting's entries per
poll (a meeting holds hundreds of entries, not millions).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from facilitate.services.run.capture import ENTRY_TYPES, Entry, entries, kind_of
from facilitate.services.run.quick_entry import EntryKind
from facilitate.store import Store

_Key = tuple[str, str]
ENTRY_TABLES = tuple(cls.table for cls in ENTRY_TYPES.values())


def _key(entry: Entry) -> _Key:
    return (entry.table, entry.id)


@dataclass(frozen=True)
class EntryCursor:
    """Where a poller is: every entry it has seen, with the version it saw."""

    seen: Mapping[_Key, datetime] = field(default_factory=dict)
    kinds: Mapping[_Key, EntryKind] = field(default_factory=dict)
    # The entry tables' version when `seen` was read (Store.version): while it is unchanged,
    # nothing can have been written, and a poll costs one PRAGMA instead of a read of every entry.
    version: tuple[int, ...] | None = None

    def including(self, *shown: Entry) -> EntryCursor:
        """This cursor plus entries the window saved itself, so they are not reported back."""
        seen = dict(self.seen)
        kinds = dict(self.kinds)
        for entry in shown:
            seen[_key(entry)] = entry.updated_at
            kinds[_key(entry)] = kind_of(entry)
        return EntryCursor(seen, kinds, self.version)


@dataclass(frozen=True)
class EntryBatch:
    """New or changed entries (oldest first), removed ones as (kind, id), and the next cursor."""

    changed: list[Entry]
    removed: list[tuple[EntryKind, str]]
    cursor: EntryCursor

    @property
    def is_empty(self) -> bool:
        return not (self.changed or self.removed)


def entries_since(store: Store, meeting_id: str, since: EntryCursor | None = None) -> EntryBatch:
    """Entries of the meeting written since `since` (all of them when None), by any process."""
    since = since or EntryCursor()
    # Taken before reading: an entry committed while we read makes the next poll read again.
    version = store.version(ENTRY_TABLES)
    if since.version is not None and since.version == version:
        return EntryBatch([], [], since)
    now = entries(store, meeting_id)
    changed = [e for e in now if since.seen.get(_key(e)) != e.updated_at]
    present = {_key(e) for e in now}
    removed = [(since.kinds[k], k[1]) for k in since.seen if k not in present and k in since.kinds]
    cursor = EntryCursor(
        {_key(e): e.updated_at for e in now}, {_key(e): kind_of(e) for e in now}, version
    )
    return EntryBatch(changed, removed, cursor)
