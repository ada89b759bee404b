"""Tiers that talk: which body reports to which, and each report made."""

from __future__ import annotations

from datetime import datetime

from pydantic import field_validator

from facilitate.models.base import Record
from facilitate.models.enums import Visibility


class ReportingLine(Record):
    """`body_id` reports to `reports_to_body_id` (a core team to its steering committee), and
    the higher body sees the lower body's entries up to `audience`."""

    table = "reporting_lines"

    body_id: str
    reports_to_body_id: str
    audience: Visibility = Visibility.PARTNERS

    @field_validator("audience")
    @classmethod
    def _not_confidential(cls, value: Visibility) -> Visibility:
        if value is Visibility.CONFIDENTIAL:
            raise ValueError("confidential entries never leave their body; choose another level")
        return value


class ReportUp(Record):
    """A report accepted onto the higher body's agenda: it covered the lower body's meetings
    that started before `covers_until`, so the next report starts there."""

    table = "reports_up"

    from_body_id: str
    to_body_id: str
    meeting_id: str
    agenda_item_id: str
    covers_until: datetime
