"""What a new series starts from, so the form is filled as a facilitator expects: the meeting
kind follows the body (a listening circle holds listening sessions), the agenda template and
the ground rules follow the kind (a listening session: the shipped listening template and the
listening ground rules), and the length follows the template.

The series form applies these only to fields the user has not chosen; nothing here is stored.
A meeting's length has one rule, `meeting_minutes`: the series' length (the template's when
none was typed), unless the meeting is made from another template chosen for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from facilitate.models import Body, MeetingSeries
from facilitate.models.enums import BodyKind, MeetingKind
from facilitate.models.template import AgendaTemplate
from facilitate.services.plan.ground_rule_sets import load_ground_rule_sets
from facilitate.services.plan.templates import load_templates
from facilitate.services.plan.toml_files import template_key
from facilitate.store import Store

DEFAULT_MINUTES: int = MeetingSeries.model_fields["default_minutes"].default
"""A series' length when neither the user nor a template says one: the model's default."""

KIND_OF_BODY: dict[BodyKind, MeetingKind] = {
    BodyKind.LISTENING_CIRCLE: MeetingKind.LISTENING_SESSION,
}
"""The meetings a kind of body holds, where it is not a business meeting."""


@dataclass(frozen=True)
class Start:
    """A template's (or a kind's) starting point: its name ("" for none), the ground-rule set
    it names ("" for none) and its length."""

    template: str = ""
    ground_rules: str = ""
    minutes: int = DEFAULT_MINUTES


@dataclass(frozen=True)
class SeriesStart:
    """Everything the series form needs to fill itself in: each body's meeting kind, and the
    starting point of each kind and of each template (by name)."""

    body_kinds: dict[str, MeetingKind] = field(default_factory=dict)
    by_kind: dict[MeetingKind, Start] = field(default_factory=dict)
    by_template: dict[str, Start] = field(default_factory=dict)

    def kind_of_body(self, body_id: str) -> MeetingKind:
        """The kind of meeting the body holds (business when it is not known)."""
        return self.body_kinds.get(body_id, MeetingKind.BUSINESS)

    def of_kind(self, kind: MeetingKind) -> Start:
        """Where a series of `kind` starts (no template when none or several fit)."""
        return self.by_kind.get(kind, Start())

    def of_template(self, name: str) -> Start:
        """Where a series with template `name` starts."""
        return self.by_template.get(name, Start(template=name))


def meeting_kind_for(body_kind: BodyKind) -> MeetingKind:
    """The kind of meeting a body of `body_kind` holds."""
    return KIND_OF_BODY.get(body_kind, MeetingKind.BUSINESS)


def template_minutes(template_name: str, user_dir: Path | None = None) -> int:
    """The length a series with template `template_name` (may be "") gets when none is typed."""
    found = load_templates(user_dir).get(template_name) if template_name.strip() else None
    return found.length_minutes if found is not None else DEFAULT_MINUTES


def meeting_minutes(series: MeetingSeries, template: AgendaTemplate | None = None) -> int:
    """How long a meeting of `series` is planned for, unless the planner types a length.

    The series says so for its own meetings: its minutes (its cadence's time range when it has
    one; its template's length when none was typed, see `template_minutes`), also when the
    meeting is made from the series' own template, so a first meeting made from the template
    lasts as long as the next one made from the last. Only a meeting made from another
    template, chosen for that meeting, takes that template's length."""
    if template is None or template_key(template.name) == template_key(series.default_template):
        return series.default_minutes
    return template.length_minutes


def series_start(store: Store, user_dir: Path | None = None) -> SeriesStart:
    """The starting points for a new series, read from the bodies on record and the templates
    and ground-rule sets (shipped and the user's own)."""
    rule_sets = load_ground_rule_sets(user_dir)
    templates = load_templates(user_dir).templates

    def start_of(template: AgendaTemplate) -> Start:
        named = rule_sets.get(template.ground_rule_set) if template.ground_rule_set else None
        return Start(template.name, named.name if named else "", template.length_minutes)

    by_template = {template.name: start_of(template) for template in templates}
    by_kind: dict[MeetingKind, Start] = {}
    for kind in MeetingKind:
        fits = [by_template[t.name] for t in templates if t.kind is kind]
        rules = {start.ground_rules for start in fits}
        if len(fits) == 1:
            by_kind[kind] = fits[0]
        elif fits:
            # Several templates (steering committee, core team…): the user picks one; the
            # ground rules they all name still apply.
            by_kind[kind] = Start(ground_rules=rules.pop() if len(rules) == 1 else "")
    body_kinds = {body.id: meeting_kind_for(body.kind) for body in store.find(Body)}
    return SeriesStart(body_kinds, by_kind, by_template)
