"""The one error a sync raises for the person at the keyboard."""

from __future__ import annotations

from facilitate.errors import Refusal


class SyncError(Refusal):
    """An export, import or merge that cannot be made; the message names the file and says
    what to do. Nothing was changed when it is raised."""
