"""`facilitate templates check`: every problem with the agenda templates and the ground-rule
starting sets together, including a template that names a rule set that does not exist."""

from __future__ import annotations

from pathlib import Path

from facilitate.models.template import AgendaTemplate
from facilitate.services.plan.ground_rule_sets import load_ground_rule_sets
from facilitate.services.plan.minutes_approval import marks_approval, title_says_approval
from facilitate.services.plan.templates import load_templates
from facilitate.services.plan.toml_files import GROUND_RULES_FOLDER, LoadProblem, quote


def check_templates(
    user_dir: Path | None = None, ground_rules_user_dir: Path | None = None
) -> list[LoadProblem]:
    """Every problem with the agenda templates and ground-rule sets, for `templates check`.

    Besides broken files this reports templates that suggest a ground-rule set which doesn't
    exist, and an item judged the approval of the last minutes by its title alone.
    `ground_rules_user_dir` defaults to `user_dir / "ground-rules"`, mirroring the shipped
    layout.
    """
    if ground_rules_user_dir is None and user_dir is not None:
        ground_rules_user_dir = user_dir / GROUND_RULES_FOLDER
    templates = load_templates(user_dir)
    rule_sets = load_ground_rule_sets(ground_rules_user_dir)
    problems = [*templates.errors, *rule_sets.errors]
    for key, template in templates.by_key.items():
        problems += [LoadProblem(templates.sources[key], said) for said in _unmarked(template)]
        wanted = template.ground_rule_set
        if wanted is not None and rule_sets.get(wanted) is None:
            available = ", ".join(rule_sets.sorted_keys()) or "none"
            problems.append(
                LoadProblem(
                    templates.sources[key],
                    f"ground_rule_set {quote(wanted)} does not match any ground-rule set "
                    f"(available: {available})",
                )
            )
    return problems


def _unmarked(template: AgendaTemplate) -> list[str]:
    """An item whose title reads as the approval of the last meeting's minutes, in a template
    that marks no item: said with what `approves_minutes` does, so the file can say it."""
    if marks_approval(template):
        return []
    return [
        f"item {n} ({quote(item.title)}): its title reads as the approval of the last meeting's "
        "minutes, which a series' first agenda leaves out; say so with approves_minutes = true "
        "(or false to keep it on every agenda)"
        for n, item in enumerate(template.items, start=1)
        if title_says_approval(item.title)
    ]
