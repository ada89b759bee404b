"""Quick-entry lines that could not be read, kept as typed until fixed or discarded.

A line such as ``/a call the court due:blursday`` is not turned into a note: it stays in the
capture line with what could not be read, and the words are stored here at once, so a crash,
a closed lid or the other window cannot lose them. Fixing the line and saving it as an entry
removes its draft (`capture.capture_line` with ``draft_id``); so does discarding it. Drafts are
not part of the record: no minutes or export reads this table.
"""

from __future__ import annotations

from collections.abc import Sequence

from facilitate.models import CaptureDraft, utcnow
from facilitate.store import RecordNotFound, Store


def keep(
    store: Store,
    meeting_id: str,
    line: str,
    problems: Sequence[str],
    *,
    item_id: str | None = None,
    draft_id: str | None = None,
) -> CaptureDraft:
    """Store `line` as a draft, or update the draft `draft_id` still being fixed. Durable when
    it returns."""
    with store.transaction():
        if draft_id is not None:
            try:
                draft = store.get(CaptureDraft, draft_id)
            except RecordNotFound:
                pass  # discarded in the other window meanwhile: keep the words as a new draft
            else:
                draft.line, draft.problems = line, list(problems)
                return store.save(draft)
        now = utcnow()
        return store.insert(
            CaptureDraft(
                meeting_id=meeting_id,
                agenda_item_id=item_id,
                line=line,
                problems=list(problems),
                created_at=now,
                updated_at=now,
            )
        )


def discard(store: Store, draft_id: str) -> None:
    """Forget a draft (fixed and saved, or given up on). A draft already gone is no error."""
    store.delete(CaptureDraft, draft_id)


def open_drafts(store: Store, meeting_id: str) -> list[CaptureDraft]:
    """The meeting's drafts, oldest first."""
    return store.find(CaptureDraft, meeting_id=meeting_id, order_by="created_at")
