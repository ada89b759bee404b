"""Ground rules agreed together: sets, immutable versions, and rules invoked in the room."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from facilitate.models import GroundRule, GroundRuleSet, GroundRuleSetVersion, RuleInvocation
from facilitate.store import Store


@dataclass(frozen=True)
class RuleText:
    text: str
    short: str = ""


@dataclass(frozen=True)
class VersionedRules:
    rule_set: GroundRuleSet
    version: GroundRuleSetVersion
    rules: list[GroundRule]


def create_rule_set(
    store: Store,
    name: str,
    rules: Sequence[RuleText],
    *,
    series_id: str | None = None,
    description: str = "",
    note: str = "First version",
) -> VersionedRules:
    """A new rule set with its version 1."""
    with store.transaction():
        rule_set = store.insert(
            GroundRuleSet(name=name, description=description, series_id=series_id)
        )
        return _insert_version(store, rule_set, 1, rules, note)


def new_version(
    store: Store, set_id: str, rules: Sequence[RuleText], *, note: str
) -> VersionedRules:
    """Edit a rule set by adding the next version; earlier versions stay as they were agreed."""
    with store.transaction():
        rule_set = store.get(GroundRuleSet, set_id)
        latest = store.find(GroundRuleSetVersion, set_id=set_id, order_by="-version", limit=1)
        number = latest[0].version + 1 if latest else 1
        return _insert_version(store, rule_set, number, rules, note)


def _insert_version(
    store: Store, rule_set: GroundRuleSet, number: int, rules: Sequence[RuleText], note: str
) -> VersionedRules:
    version = store.insert(GroundRuleSetVersion(set_id=rule_set.id, version=number, note=note))
    stored = [
        store.insert(
            GroundRule(version_id=version.id, position=i, text=rule.text, short=rule.short)
        )
        for i, rule in enumerate(rules, start=1)
    ]
    return VersionedRules(rule_set, version, stored)


def latest_version(store: Store, set_id: str) -> VersionedRules:
    rule_set = store.get(GroundRuleSet, set_id)
    version = store.find(GroundRuleSetVersion, set_id=set_id, order_by="-version", limit=1)[0]
    return VersionedRules(rule_set, version, rules_of(store, version.id))


def version_by_id(store: Store, version_id: str) -> VersionedRules:
    version = store.get(GroundRuleSetVersion, version_id)
    rule_set = store.get(GroundRuleSet, version.set_id)
    return VersionedRules(rule_set, version, rules_of(store, version.id))


def rules_of(store: Store, version_id: str) -> list[GroundRule]:
    return store.find(GroundRule, version_id=version_id, order_by="position")


def invoke(
    store: Store, meeting_id: str, rule_id: str, at: datetime, *, agenda_item_id: str | None
) -> RuleInvocation:
    """Note in the record that a rule was invoked: which rule and when, never by whom."""
    return store.insert(
        RuleInvocation(
            meeting_id=meeting_id, ground_rule_id=rule_id, agenda_item_id=agenda_item_id, at=at
        )
    )
