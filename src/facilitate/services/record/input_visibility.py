"""Who may see a piece of input, changed after the meeting (the Loop screen's `v`).

Listening notes are captured for partners; what may be public is chosen afterwards, input by
input, before the public report or the community one-pager goes out. Only the visibility is
written, on the row as it is stored now (another window may have corrected its text meanwhile),
and the change is kept as an entry revision, as a correction is, so the history shows who could
see it before. Which audience sees what stays `audience`'s rule.
"""

from __future__ import annotations

import json
from datetime import datetime

from facilitate.errors import Refusal
from facilitate.models import EntryRevision, utcnow
from facilitate.models.enums import Visibility
from facilitate.services.record.loop_links import INPUT_KINDS, Input
from facilitate.store import RecordNotFound, Store

VISIBILITY_LABELS = {
    Visibility.PUBLIC: "Public: anyone, in the public report and the community one-pager",
    Visibility.PARTNERS: "Partners: the partner organizations",
    Visibility.INTERNAL: "Internal: the body only",
    Visibility.CONFIDENTIAL: "Confidential: never leaves this file",
}


class InputVisibilityError(Refusal):
    """A visibility that cannot be set; the message says why."""


def set_input_visibility(
    store: Store,
    table: str,
    input_id: str,
    visibility: Visibility | str,
    *,
    now: datetime | None = None,
) -> Input:
    """Let `visibility` see the input (`table` "notes" or "parking_lot_items"); returns it as
    stored. Setting what it already has writes nothing."""
    cls = INPUT_KINDS.get(table)
    if cls is None:
        raise InputVisibilityError("only a note or a parking-lot entry is input")
    try:
        wanted = Visibility(visibility)
    except ValueError:
        choices = ", ".join(v.value for v in Visibility)
        raise InputVisibilityError(f"visibility {visibility!r} is not one of {choices}") from None
    with store.transaction():
        try:
            current = store.get(cls, input_id)
        except RecordNotFound:
            raise InputVisibilityError("that input is no longer on record") from None
        before = current.visibility
        if before is wanted:
            return current
        current.visibility = wanted
        store.update_fields(current, ["visibility"])
        store.insert(
            EntryRevision(
                entry_table=cls.table,
                entry_id=current.id,
                field="visibility",
                # As corrections store a field that is not text: its JSON.
                old_value=json.dumps(before.value),
                new_value=json.dumps(wanted.value),
                at=now or utcnow(),
            )
        )
    return current
