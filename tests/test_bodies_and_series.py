"""Bodies and meeting series a partnership sets up itself, against a real SQLite file."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from facilitate.models import Body, MeetingSeries, Membership, Organization, Person
from facilitate.models.enums import OrgKind
from facilitate.services.lead.ground_rules import rule_set_of_series
from facilitate.services.people import bodies
from facilitate.services.people.bodies import BodyError, BodyFields, QuorumRule, parse_quorum
from facilitate.services.plan import series
from facilitate.services.plan.series import SeriesError, SeriesFields
from facilitate.services.plan.templates import get_template
from facilitate.store import EditConflict, Store

DAY = date(2026, 1, 5)


@pytest.mark.parametrize(
    ("text", "count", "needed_of_8", "needed_of_7"),
    [
        ("6", 6, 6, 6),
        ("half", None, 4, 4),
        ("1/2", None, 4, 4),
        ("majority", None, 5, 4),
        ("2/3", None, 6, 5),
        ("two thirds", None, 6, 5),
        ("60%", None, 5, 5),
        ("all", None, 8, 7),
    ],
)
def test_quorum_as_people_write_it(
    text: str, count: int | None, needed_of_8: int, needed_of_7: int
) -> None:
    rule = parse_quorum(text)
    assert rule.count == count
    body = Body(name="B", quorum_count=rule.count, quorum_fraction=rule.fraction)
    assert (body.quorum_needed(8), body.quorum_needed(7)) == (needed_of_8, needed_of_7)
    # What the form shows again reads back to the same rule.
    assert parse_quorum(bodies.quorum_text(body)) == rule


@pytest.mark.parametrize("text", ["0", "soon", "150%", "3/0", "-2"])
def test_a_quorum_nobody_can_read_is_refused_with_what_was_typed(text: str) -> None:
    with pytest.raises(BodyError, match="Quorum"):
        parse_quorum(text)


def test_no_quorum_rule_is_a_rule_of_its_own() -> None:
    assert parse_quorum("") == QuorumRule()
    assert not Body(name="B").has_quorum_rule


def _orgs(store: Store) -> tuple[Organization, Organization]:
    agency = store.insert(Organization(name="County Children's Services", short_name="CCS"))
    tribe = store.insert(Organization(name="River Nation ICWA", kind=OrgKind.TRIBE))
    return agency, tribe


def test_a_body_is_added_renamed_and_archived_never_deleted(store: Store) -> None:
    agency, tribe = _orgs(store)
    made = bodies.add_body(
        store,
        BodyFields(
            name="  Steering Committee ",
            quorum=parse_quorum("majority"),
            required_organization_ids=(tribe.id,),
            required_kinds=(OrgKind.FAMILY_LIVED_EXPERIENCE,),
        ),
    )
    assert made.name == "Steering Committee"
    with pytest.raises(BodyError, match="already a body called"):
        bodies.add_body(store, BodyFields(name="steering committee"))
    with pytest.raises(BodyError, match="Body name is empty"):
        bodies.add_body(store, BodyFields(name="   "))
    renamed = bodies.update_body(
        store,
        made.id,
        BodyFields(name="Executive Steering", quorum=QuorumRule(count=5)),
        was=bodies.fields_of(made),
    )
    assert (renamed.name, renamed.quorum_count, renamed.quorum_fraction) == (
        "Executive Steering",
        5,
        None,
    )
    bodies.set_archived(store, made.id, True)
    assert bodies.bodies(store) == []
    assert [b.name for b in bodies.bodies(store, include_archived=True)] == ["Executive Steering"]
    assert store.count(Body) == 1
    line = bodies.body_lines(store, DAY)[0]
    assert (line.quorum, line.series) == ("5 members", 0)
    assert agency.id not in store.get(Body, made.id).quorum_organization_ids


def test_an_edit_keeps_what_another_window_changed_meanwhile(store: Store) -> None:
    made = bodies.add_body(store, BodyFields(name="Core Team"))
    form = bodies.fields_of(made)  # window A opens the form
    other = store.get(Body, made.id)  # window B writes a description
    other.description = "Meets between steering meetings"
    store.save(other)
    bodies.update_body(store, made.id, replace(form, short_name="CT"), was=form)
    saved = store.get(Body, made.id)
    assert (saved.short_name, saved.description) == ("CT", "Meets between steering meetings")
    # The same field changed in both windows: nothing is written, and the other version is named.
    with pytest.raises(EditConflict, match="short_name is now “CT”"):
        bodies.update_body(store, made.id, replace(form, short_name="Core"), was=form)
    assert store.get(Body, made.id).short_name == "CT"


def test_members_join_from_a_date_and_leave_with_an_end_date(store: Store) -> None:
    made = bodies.add_body(store, BodyFields(name="Core Team"))
    ana, ben, cy = (store.insert(Person(name=n)) for n in ("Ana", "Ben", "Cy"))
    change = bodies.set_members(store, made.id, {ana.id, ben.id}, on=DAY)
    assert sorted(change.started) == sorted([ana.id, ben.id])
    assert all(m.start_date == DAY for m in store.find(Membership, body_id=made.id))
    later = date(2026, 3, 1)
    bodies.set_members(store, made.id, {ana.id, cy.id}, on=later)
    rows = {m.person_id: m for m in store.find(Membership, body_id=made.id)}
    assert rows[ben.id].end_date == later  # history kept, not deleted
    assert rows[cy.id].start_date == later
    assert bodies.current_member_ids(store, made.id, date(2026, 3, 2)) == {ana.id, cy.id}
    assert bodies.current_member_ids(store, made.id, date(2026, 2, 1)) == {ana.id, ben.id}
    with pytest.raises(BodyError, match="Not on the roster"):
        bodies.set_members(store, made.id, {"nobody"}, on=later)


def test_a_series_reads_its_cadence_and_starts_its_own_ground_rules(store: Store) -> None:
    body = bodies.add_body(store, BodyFields(name="Steering Committee"))
    made = series.add_series(
        store,
        SeriesFields(
            body_id=body.id,
            name="Steering Committee",
            cadence="monthly, second Tuesday, 13:00-15:00",
            default_place="Family Resource Center",
            neutral_venue=True,
            default_template="steering committee",
        ),
        ground_rules_from="business-meeting",
    )
    assert made.cadence.lower().startswith("monthly")
    assert made.default_minutes == 120  # from the time range
    assert made.default_template == get_template("steering-committee").name
    rules = rule_set_of_series(store, made.id)
    assert rules is not None and rules.series_id == made.id
    line = series.series_lines(store)[0]
    assert (line.body_name, line.meetings) == ("Steering Committee", 0)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"cadence": "whenever the moon is full"}, "Cadence"),
        ({"default_template": "no-such-template"}, "Default template"),
        ({"name": ""}, "Series name"),
    ],
)
def test_a_series_with_a_bad_field_is_refused_naming_it(
    store: Store, change: dict[str, Any], message: str
) -> None:
    body = bodies.add_body(store, BodyFields(name="Core Team"))
    fields = SeriesFields(**{"body_id": body.id, "name": "Core Team", **change})
    with pytest.raises(SeriesError, match=message):
        series.add_series(store, fields)
    assert store.count(MeetingSeries) == 0


def test_unknown_ground_rules_leave_no_series_behind(store: Store) -> None:
    body = bodies.add_body(store, BodyFields(name="Core Team"))
    with pytest.raises(SeriesError, match="Ground rules"):
        series.add_series(
            store, SeriesFields(body_id=body.id, name="Core"), ground_rules_from="nope"
        )
    assert store.count(MeetingSeries) == 0


def test_a_series_is_renamed_and_archived(store: Store) -> None:
    body = bodies.add_body(store, BodyFields(name="Core Team"))
    made = series.add_series(store, SeriesFields(body_id=body.id, name="Core Team"))
    fields = series.fields_of(made)
    saved = series.update_series(
        store,
        made.id,
        replace(fields, name="Core Team (biweekly)", cadence="every two weeks"),
        was=fields,
    )
    assert saved.name == "Core Team (biweekly)" and saved.cadence
    with pytest.raises(SeriesError, match="already has a series"):
        series.add_series(store, SeriesFields(body_id=body.id, name="core team (BIWEEKLY)"))
    series.set_archived(store, made.id, True)
    assert series.series_lines(store, include_archived=False) == []
    assert store.count(MeetingSeries) == 1


def test_unticked_and_ticked_again_the_same_day_is_still_a_member(store: Store) -> None:
    made = bodies.add_body(store, BodyFields(name="Core Team"))
    ana = store.insert(Person(name="Ana"))
    bodies.set_members(store, made.id, {ana.id}, on=DAY)
    later = date(2026, 3, 1)
    bodies.set_members(store, made.id, set(), on=later)
    bodies.set_members(store, made.id, {ana.id}, on=later)  # a slip, put right at once
    (row,) = store.find(Membership, body_id=made.id)
    assert (row.start_date, row.end_date) == (DAY, None)
    assert bodies.current_member_ids(store, made.id, date(2026, 6, 1)) == {ana.id}
