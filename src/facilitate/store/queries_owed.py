"""What a series still owes: parking-lot entries nothing has settled, and the one rule for when a
response settles a piece of input.

The rule sits here, below the services, because planning (`services/plan/carry_over`), sharing
(the agenda and its call for items) and the record (the Loop screen, the report) all ask it and
planning may not import the record: an answer that is not an entry (declined with its reason, or
answered in words) settles input; a linked decision or action settles it once it is no longer
still open (`still_open`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from facilitate.models.enums import ActionStatus, DecisionOutcome
from facilitate.store.records import Store, from_row

if TYPE_CHECKING:
    from facilitate.models import ParkingLotItem

# Decisions that have not settled the matter yet: a response still being worked on.
UNSETTLED_OUTCOMES = frozenset(
    {DecisionOutcome.DEFERRED.value, DecisionOutcome.REFERRED.value, DecisionOutcome.TABLED.value}
)


def still_open(kind: str, state: str) -> bool:
    """Whether a linked response is still being worked on: an action not finished, or a decision
    that settled nothing yet (deferred, referred, tabled)."""
    if kind == "decision":
        return state in UNSETTLED_OUTCOMES
    return ActionStatus(state).is_open


def settles(kind: str, state: str) -> bool:
    """Whether one response settles the input it answers: a decision or action once it is no
    longer still open; any other kind is a recorded answer (declined or answered), which does."""
    if kind in ("decision", "action"):
        return not still_open(kind, state)
    return True


# Every response to the wanted inputs as (input, kind, state); a link to a decision or action
# since deleted joins nothing, so it settles nothing.
_RESPONSE_STATES = """
    WITH wanted(input_table, input_id) AS (
        SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(:inputs))
    SELECT l.to_table AS input_table, l.to_id AS input_id, 'decision' AS kind, d.outcome AS state
    FROM entry_links l JOIN decisions d ON l.from_table = 'decisions' AND d.id = l.from_id
    WHERE (l.to_table, l.to_id) IN (SELECT input_table, input_id FROM wanted)
    UNION ALL
    SELECT l.to_table, l.to_id, 'action', a.status
    FROM entry_links l JOIN action_items a ON l.from_table = 'action_items' AND a.id = l.from_id
    WHERE (l.to_table, l.to_id) IN (SELECT input_table, input_id FROM wanted)
    UNION ALL
    SELECT r.input_table, r.input_id, r.kind, '' FROM loop_responses r
    WHERE (r.input_table, r.input_id) IN (SELECT input_table, input_id FROM wanted)
"""


def settled_inputs(store: Store, inputs: Sequence[tuple[str, str]]) -> set[tuple[str, str]]:
    """Those of `inputs` ((table, id) pairs) that a response has settled (`settles`); one
    query, whatever their number."""
    if not inputs:
        return set()
    rows = store.query(_RESPONSE_STATES, {"inputs": json.dumps([list(key) for key in inputs])})
    return {
        (row["input_table"], row["input_id"]) for row in rows if settles(row["kind"], row["state"])
    }


def waiting_parking(store: Store, meeting_ids: Sequence[str]) -> list[ParkingLotItem]:
    """The parking-lot entries of these meetings that still wait: not marked resolved and
    settled by no response; meeting by meeting in the order given, each in the order parked."""
    from facilitate.models import ParkingLotItem  # models load on first use (see models)

    rows = store.query(
        """SELECT p.* FROM parking_lot p
           JOIN json_each(:meetings) j ON j.value = p.meeting_id
           WHERE p.resolved = 0
           ORDER BY j.key, p.created_at, p.id""",
        {"meetings": json.dumps(list(meeting_ids))},
    )
    entries = [from_row(ParkingLotItem, row) for row in rows]
    return waiting(store, entries)


def waiting(store: Store, entries: Sequence[ParkingLotItem]) -> list[ParkingLotItem]:
    """`entries`, in the order given, less those a response has settled."""
    settled = settled_inputs(store, [(entry.table, entry.id) for entry in entries])
    return [entry for entry in entries if (entry.table, entry.id) not in settled]
