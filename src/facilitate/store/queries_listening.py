"""Read-only joins for a listening session's outputs: the themes its notes are filed under."""

from __future__ import annotations

import json

from facilitate.store.records import Store


def note_themes(store: Store, note_ids: list[str]) -> dict[str, list[str]]:
    """Each note's theme names (by note id, each list by name), in one query; a note filed
    under no theme is not in the result."""
    if not note_ids:
        return {}
    rows = store.query(
        """SELECT et.entry_id, t.name FROM entry_themes et JOIN themes t ON t.id = et.theme_id
           WHERE et.entry_table = 'notes' AND et.entry_id IN (SELECT value FROM json_each(:ids))
           ORDER BY t.name COLLATE NOCASE""",
        {"ids": json.dumps(note_ids)},
    )
    found: dict[str, list[str]] = {}
    for row in rows:
        names = found.setdefault(row["entry_id"], [])
        if row["name"] not in names:
            names.append(row["name"])
    return found
