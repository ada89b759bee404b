"""Ground rules, agreed together and versioned so a meeting keeps the version it agreed to."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from facilitate.models.base import Record


class GroundRuleSet(Record):
    table = "ground_rule_sets"

    series_id: str | None = None
    name: str
    description: str = ""


class GroundRuleSetVersion(Record):
    """An immutable snapshot: editing a set makes a new version, never changes an old one."""

    table = "ground_rule_set_versions"

    set_id: str
    version: int = Field(ge=1)
    note: str = ""


class GroundRule(Record):
    table = "ground_rules"

    version_id: str
    position: int
    text: str
    short: str = ""


class RuleInvocation(Record):
    """A rule invoked during a meeting: which rule and when, never who."""

    table = "rule_invocations"

    meeting_id: str
    ground_rule_id: str
    agenda_item_id: str | None = None
    at: datetime
