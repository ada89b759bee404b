"""Ground rules agreed together: sets, immutable versions, and rules invoked in the room."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from facilitate.models import (
    GroundRule,
    GroundRuleSet,
    GroundRuleSetVersion,
    MeetingSeries,
    RuleInvocation,
)
from facilitate.models.ground_rules_template import GroundRuleSetTemplate
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
    """Note that a rule was invoked: which rule and when, never by whom.

    The bare fact, as meetings before schema 6 kept it. The live meeting now records an invoked
    rule as an entry of the meeting (`facilitate.services.run.capture.invoke_rule`: a note,
    internal by default), which can be corrected, removed and restored like any entry and is
    counted at closing; both forms are counted as "ground rules invoked".
    """
    return store.insert(
        RuleInvocation(
            meeting_id=meeting_id, ground_rule_id=rule_id, agenda_item_id=agenda_item_id, at=at
        )
    )


def rule_set_of_series(store: Store, series_id: str) -> GroundRuleSet | None:
    series = store.get(MeetingSeries, series_id)
    return (
        store.get(GroundRuleSet, series.ground_rule_set_id) if series.ground_rule_set_id else None
    )


def versions(store: Store, set_id: str) -> list[GroundRuleSetVersion]:
    return store.find(GroundRuleSetVersion, set_id=set_id, order_by="version")


def adopt_starting_set(
    store: Store, series_id: str, template: GroundRuleSetTemplate
) -> VersionedRules:
    """Give a series its own rule set, version 1 copied from a shipped starting set. The group
    then edits it together; each edit is a new version."""
    with store.transaction():
        series = store.get(MeetingSeries, series_id)
        made = create_rule_set(
            store,
            template.name,
            [RuleText(rule.text, rule.short) for rule in template.rules],
            series_id=series_id,
            description=template.description,
            note=f"Started from the shipped “{template.name}” set",
        )
        series.ground_rule_set_id = made.rule_set.id
        store.save(series)
    return made


def rules_to_text(rules: Sequence[GroundRule]) -> str:
    """Rules as editable text: one per line, `short label | rule text`."""
    return "\n".join(f"{r.short} | {r.text}" if r.short else r.text for r in rules)


def rules_from_text(text: str) -> list[RuleText]:
    """Read rules edited as text (see `rules_to_text`). Blank lines are skipped; a line without
    `|` is a rule with no short label."""
    rules = []
    for line in text.splitlines():
        if not line.strip():
            continue
        short, bar, rest = line.partition("|")
        rules.append(RuleText(rest.strip(), short.strip()) if bar else RuleText(line.strip()))
    if not rules:
        raise ValueError("a rule set needs at least one rule")
    if any(not rule.text for rule in rules):
        raise ValueError("every rule needs text after its short label and “|”")
    return rules
