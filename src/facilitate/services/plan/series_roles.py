"""Whether one person may hold two meeting roles in a series (issue #17): the group's say.

Kept apart from the series' other fields so a change writes this one field only, to the row as
it is now, and a co-facilitator's edit of the same series in another window is kept.
"""

from __future__ import annotations

from facilitate.models import MeetingSeries
from facilitate.store import Store


def roles_may_double(store: Store, series_id: str) -> bool:
    """Whether the series lets one person hold two meeting roles."""
    return store.get(MeetingSeries, series_id).roles_may_double


def set_roles_may_double(store: Store, series_id: str, allowed: bool) -> MeetingSeries:
    """Let one person hold two meeting roles in the series (or not); unchanged, nothing is
    written."""
    with store.transaction():
        series = store.get(MeetingSeries, series_id)
        if series.roles_may_double == allowed:
            return series
        series.roles_may_double = allowed
        return store.update_fields(series, ["roles_may_double"])
