"""Closing the loop (issue #13): themes of what was said, and responses that are not entries."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from facilitate.models.base import Record
from facilitate.models.enums import LoopResponseKind, Visibility


class Theme(Record):
    """A theme of a series' input (`+housing`), named as the partnership says it."""

    table = "themes"

    series_id: str
    name: str


class EntryTheme(Record):
    """A captured entry (usually a listening-session note) filed under a theme."""

    table = "entry_themes"

    theme_id: str
    entry_table: str
    entry_id: str


class LoopResponse(Record):
    """An answer to input that is not a decision or an action: "we can't, because …" (declined,
    with its reason), or answered in words. Shown beside decisions and actions in the report."""

    table = "loop_responses"

    input_table: str
    input_id: str
    kind: LoopResponseKind = LoopResponseKind.DECLINED
    text: str
    reason: str = ""
    organization_id: str | None = None
    responded_on: date | None = None
    visibility: Visibility = Visibility.PARTNERS
    # The meeting it was recorded at, if any (a Loop screen answer after a meeting has none).
    meeting_id: str | None = Field(default=None)
