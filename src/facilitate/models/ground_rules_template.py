"""Ground-rule starting sets: the wording a group starts from before agreeing its own rules.

These are file-backed suggestions, distinct from the stored, versioned `GroundRuleSet` records a
group actually agreed to; adopting a starting set copies its rules into a new stored version.
"""

from __future__ import annotations

import json
from typing import Annotated

from pydantic import BaseModel, Field, field_validator
from pydantic_core import PydanticCustomError

from facilitate.models.template import TEMPLATE_CONFIG, NonEmptyText, Text

# The short label is shown on a one-keystroke picker beside its key, so it has to stay small.
SHORT_MAX_WORDS = 4
SHORT_MAX_CHARS = 32


class GroundRuleTemplate(BaseModel):
    """One rule: the full wording read out to the group and a short label for the picker."""

    model_config = TEMPLATE_CONFIG

    text: NonEmptyText
    short: NonEmptyText

    @field_validator("short")
    @classmethod
    def _short_fits_picker(cls, value: str) -> str:
        words = len(value.split())
        if words > SHORT_MAX_WORDS:
            raise PydanticCustomError(
                "short_too_many_words",
                "must be at most {max_words} words (got {words}: {value})",
                {
                    "max_words": SHORT_MAX_WORDS,
                    "words": words,
                    "value": json.dumps(value, ensure_ascii=False),
                },
            )
        if len(value) > SHORT_MAX_CHARS:
            raise PydanticCustomError(
                "short_too_long",
                "must be at most {max_chars} characters (got {chars})",
                {"max_chars": SHORT_MAX_CHARS, "chars": len(value)},
            )
        return value


class GroundRuleSetTemplate(BaseModel):
    """A named starting set of ground rules (one TOML file)."""

    model_config = TEMPLATE_CONFIG

    name: NonEmptyText
    description: Text = ""
    rules: Annotated[list[GroundRuleTemplate], Field(min_length=1)]

    @field_validator("rules")
    @classmethod
    def _short_labels_unique(cls, rules: list[GroundRuleTemplate]) -> list[GroundRuleTemplate]:
        # Two rules with the same label would be indistinguishable on the picker.
        first_seen: dict[str, int] = {}
        for number, rule in enumerate(rules, start=1):
            label = rule.short.casefold()
            if label in first_seen:
                raise PydanticCustomError(
                    "duplicate_short",
                    "repeat the short label {label} (rules {first} and {second}); "
                    "each rule needs its own",
                    {
                        "label": json.dumps(rule.short, ensure_ascii=False),
                        "first": first_seen[label],
                        "second": number,
                    },
                )
            first_seen[label] = number
        return rules
