"""Ground-rule starting sets: shipped and user TOML files a group starts its ground rules from.

Shipped sets live in the `ground-rules/` subfolder of the shipped agendas folder. They load and
report problems exactly as agenda templates do (file, rule number, field), through the same
machinery in `facilitate.services.plan.templates`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from facilitate.models.ground_rules_template import GroundRuleSetTemplate, GroundRuleTemplate
from facilitate.services.plan.toml_files import (
    GROUND_RULES_FOLDER,
    SHIPPED_FOLDER,
    EntrySpec,
    Loaded,
    LoadProblem,
    NotFoundError,
    load_named_files,
    not_found_message,
    shipped_agendas_dir,
)

RULE_SPEC = EntrySpec(
    field="rules", noun="rule", label_keys=("short", "text"), model=GroundRuleTemplate
)


@dataclass
class GroundRuleSetLoad(Loaded[GroundRuleSetTemplate]):
    """The result of `load_ground_rule_sets`."""

    @property
    def sets(self) -> list[GroundRuleSetTemplate]:
        """Every valid rule set, user sets in place of shipped ones of the same name."""
        return self.all()


class GroundRuleSetNotFoundError(NotFoundError):
    """No ground-rule starting set has the requested name."""


def shipped_ground_rules_dir() -> Path:
    """The folder of shipped ground-rule sets. Raises FileNotFoundError if it is missing."""
    return shipped_agendas_dir() / GROUND_RULES_FOLDER


def load_ground_rule_sets(user_dir: Path | None = None) -> GroundRuleSetLoad:
    """Load every valid ground-rule set, and describe every broken one in `errors`.

    `user_dir` is the folder holding the user's own rule-set files (it need not exist yet); its
    sets replace shipped ones of the same name.
    """
    result = GroundRuleSetLoad()
    folders: list[Path] = []
    try:
        shipped = shipped_ground_rules_dir()
    except FileNotFoundError as missing:
        result.errors.append(LoadProblem(Path(SHIPPED_FOLDER), str(missing)))
    else:
        if not shipped.is_dir():
            result.errors.append(
                LoadProblem(shipped, "the shipped ground-rules folder is missing", str(shipped))
            )
        folders.append(shipped)
    if user_dir is not None:
        folders.append(user_dir)
    load_named_files(folders, GroundRuleSetTemplate, RULE_SPEC, lambda s: s.name, result)
    return result


def get_ground_rule_set(name: str, user_dir: Path | None = None) -> GroundRuleSetTemplate:
    """The rule set called `name` (any case; spaces, "_" and "-" alike) or in file `name`.toml.

    Raises GroundRuleSetNotFoundError, whose message lists the available sets.
    """
    loaded = load_ground_rule_sets(user_dir)
    rule_set = loaded.get(name)
    if rule_set is None:
        raise GroundRuleSetNotFoundError(not_found_message("ground-rule set", name, loaded))
    return rule_set
