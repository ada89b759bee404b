"""Meeting series: a body's recurring meeting and its defaults (cadence, place, template, ground
rules, roles). A partnership creates its own (set-up screen, `facilitate series ...`); nothing here
deletes history: a series that stops meeting is archived.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from facilitate.errors import Refusal
from facilitate.models import Body, Meeting, MeetingSeries
from facilitate.models.enums import MeetingKind
from facilitate.services.lead import ground_rules
from facilitate.services.people.roster import require_name
from facilitate.services.plan.cadence import CadenceError, parse_cadence
from facilitate.services.plan.ground_rule_sets import (
    GroundRuleSetNotFoundError,
    get_ground_rule_set,
    load_ground_rule_sets,
)
from facilitate.services.plan.series_defaults import template_minutes
from facilitate.services.plan.templates import TemplateNotFoundError, get_template, load_templates
from facilitate.store import Store


class SeriesError(Refusal):
    """A series that cannot be saved as given; the message names the field."""


@dataclass(frozen=True)
class SeriesFields:
    """What the series form and `facilitate series add|edit` set."""

    body_id: str
    name: str
    kind: MeetingKind = MeetingKind.BUSINESS
    cadence: str = ""
    default_place: str = ""
    neutral_venue: bool = False
    default_template: str = ""
    # None: the template's length (90 without one); a cadence's time range says it better.
    default_minutes: int | None = None


def _check(
    store: Store, fields: SeriesFields, exclude_id: str | None, user_dir: Path | None
) -> dict[str, Any]:
    try:
        name = require_name(fields.name, "Series name")
    except ValueError as error:
        raise SeriesError(str(error)) from error
    body = store.get(Body, fields.body_id)
    for other in store.find(MeetingSeries, body_id=body.id):
        if other.id != exclude_id and other.name.casefold() == name.casefold():
            raise SeriesError(f"{body.name} already has a series called “{other.name}”")
    try:
        cadence = parse_cadence(fields.cadence)
    except CadenceError as error:
        raise SeriesError(f"Cadence: {error}") from error
    template = fields.default_template.strip()
    if template:
        try:
            template = get_template(template, user_dir).name
        except TemplateNotFoundError as error:
            raise SeriesError(f"Default template: {error}") from error
    minutes = fields.default_minutes
    if minutes is None:
        minutes = template_minutes(template, user_dir)
    if cadence is not None and cadence.minutes is not None:
        minutes = cadence.minutes  # "13:00–15:00" says how long, better than a separate box
    if minutes < 1:
        raise SeriesError("Length must be at least 1 minute")
    return {
        "body_id": body.id,
        "name": name,
        "kind": fields.kind,
        "cadence": cadence.describe() if cadence is not None else "",
        "default_place": fields.default_place.strip(),
        "neutral_venue": fields.neutral_venue,
        "default_template": template,
        "default_minutes": minutes,
    }


def check_series(
    store: Store,
    fields: SeriesFields,
    *,
    exclude_id: str | None = None,
    user_dir: Path | None = None,
) -> None:
    """Refuse, with the field and the reason, what add_series or update_series would refuse."""
    _check(store, fields, exclude_id, user_dir)


def starting_rule_sets(user_dir: Path | None = None) -> list[str]:
    """Names of the ground-rule starting sets a new series can begin from."""
    return [rule_set.name for rule_set in load_ground_rule_sets(user_dir).all()]


def template_names(user_dir: Path | None = None) -> list[str]:
    return [template.name for template in load_templates(user_dir).templates]


def add_series(
    store: Store,
    fields: SeriesFields,
    *,
    ground_rules_from: str = "",
    user_dir: Path | None = None,
) -> MeetingSeries:
    """A new series with the standard role catalogue; with `ground_rules_from`, its own ground
    rules start as a copy of that shipped (or user's) starting set, version 1."""
    values = _check(store, fields, None, user_dir)
    starting = None
    if ground_rules_from.strip():
        try:
            starting = get_ground_rule_set(ground_rules_from.strip(), user_dir)
        except GroundRuleSetNotFoundError as error:
            raise SeriesError(f"Ground rules: {error}") from error
    with store.transaction():
        series = store.insert(MeetingSeries(**values))
        if starting is not None:
            ground_rules.adopt_starting_set(store, series.id, starting)
    return store.get(MeetingSeries, series.id)


def update_series(
    store: Store,
    series_id: str,
    fields: SeriesFields,
    *,
    was: SeriesFields,
    user_dir: Path | None = None,
) -> MeetingSeries:
    """Save what the user changed between `was` and `fields`, on the row as it is now: fields the
    form does not show (roles, ground rules) and a co-facilitator's other changes are kept; the
    same field changed in both windows is an EditConflict (Store.edit)."""
    after = _check(store, fields, series_id, user_dir)
    return store.edit(
        MeetingSeries, series_id, _as_values(was), after, what=f"The series “{was.name}”"
    )


def _as_values(fields: SeriesFields) -> dict[str, Any]:
    """What a form's starting fields were, in the row's own terms (no validation: they came
    from the row)."""
    return {
        "body_id": fields.body_id,
        "name": fields.name,
        "kind": fields.kind,
        "cadence": fields.cadence,
        "default_place": fields.default_place,
        "neutral_venue": fields.neutral_venue,
        "default_template": fields.default_template,
        "default_minutes": fields.default_minutes,
    }


def fields_of(series: MeetingSeries) -> SeriesFields:
    return SeriesFields(
        body_id=series.body_id,
        name=series.name,
        kind=series.kind,
        cadence=series.cadence,
        default_place=series.default_place,
        neutral_venue=series.neutral_venue,
        default_template=series.default_template,
        default_minutes=series.default_minutes,
    )


def set_archived(store: Store, series_id: str, archived: bool) -> MeetingSeries:
    """Archive a series that no longer meets (its meetings and minutes stay), or bring it back."""
    with store.transaction():
        series = store.get(MeetingSeries, series_id)
        series.archived = archived
        return store.save(series)


@dataclass(frozen=True)
class SeriesLine:
    series: MeetingSeries
    body_name: str
    meetings: int


def series_lines(store: Store, *, include_archived: bool = True) -> list[SeriesLine]:
    names = {b.id: b.name for b in store.find(Body)}
    counts: dict[str, int] = {}
    for meeting in store.find(Meeting):
        counts[meeting.series_id] = counts.get(meeting.series_id, 0) + 1
    every = store.find(MeetingSeries, order_by="name")
    return [
        SeriesLine(s, names.get(s.body_id, "?"), counts.get(s.id, 0))
        for s in sorted(every, key=lambda s: (names.get(s.body_id, ""), s.name))
        if include_archived or not s.archived
    ]
