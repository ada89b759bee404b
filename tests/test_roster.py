"""The roster service against real SQLite files: people, organizations, memberships, roles."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from facilitate.models import Body, MeetingSeries, Membership, Organization, Person
from facilitate.models.enums import OrgKind
from facilitate.services.people import roster
from facilitate.services.people.roster import RosterError
from facilitate.store import Store

from .conftest import TODAY


def _series(store: Store, name: str = "Core Team (biweekly)") -> MeetingSeries:
    body = store.insert(Body(name=name.split(" (")[0]))
    return store.insert(MeetingSeries(body_id=body.id, name=name))


def test_add_person_makes_ready_roles_willing_and_tidies_dates(db_path: Path) -> None:
    store = Store.open(db_path)
    org = roster.add_organization(store, "Parent Partners", kind=OrgKind.FAMILY_LIVED_EXPERIENCE)
    person = roster.add_person(
        store,
        "  Tasha   Greene ",
        organization_id=org.id,
        email=" tasha@parentpartners.example ",
        willing_roles=["note_taker", "timekeeper", "note_taker"],
        ready_roles=["facilitator"],
        unavailable=[date(2026, 12, 24), date(2026, 12, 1), date(2026, 12, 24)],
    )
    store.close()

    reopened = Store.open(db_path)
    stored = reopened.get(Person, person.id)
    assert stored.name == "Tasha Greene"
    assert stored.email == "tasha@parentpartners.example"
    assert stored.willing_roles == ["note_taker", "timekeeper", "facilitator"]
    assert stored.ready_roles == ["facilitator"]
    assert stored.unavailable == [date(2026, 12, 1), date(2026, 12, 24)]
    assert reopened.get(Organization, org.id).kind is OrgKind.FAMILY_LIVED_EXPERIENCE
    reopened.close()


def test_update_person_refuses_what_cannot_be_saved(store: Store) -> None:
    person = roster.add_person(store, "Ben Carter")
    with pytest.raises(RosterError, match="Name is empty"):
        roster.update_person(store, person.model_copy(update={"name": "   "}))
    with pytest.raises(RosterError, match="does not look like an address"):
        roster.update_person(store, person.model_copy(update={"email": "ben at example"}))
    with pytest.raises(RosterError, match="organization is no longer"):
        roster.update_person(store, person.model_copy(update={"organization_id": "gone"}))
    assert store.get(Person, person.id).name == "Ben Carter"

    person.ready_roles = ["facilitator", "timekeeper"]
    person.willing_roles = ["timekeeper"]
    roster.update_person(store, person)
    stored = store.get(Person, person.id)
    assert stored.willing_roles == ["timekeeper", "facilitator"]
    assert set(stored.ready_roles) <= set(stored.willing_roles)


def test_set_active_is_stored(db_path: Path) -> None:
    store = Store.open(db_path)
    person = roster.add_person(store, "Marcus Reyes")
    roster.set_active(store, person.id, False)
    store.close()
    reopened = Store.open(db_path)
    assert reopened.get(Person, person.id).active is False
    roster.set_active(reopened, person.id, True)
    assert reopened.get(Person, person.id).active is True
    reopened.close()


def test_organization_names_are_required_and_unique(store: Store) -> None:
    court = roster.add_organization(store, "Family Treatment Court", short_name=" FTC ")
    assert court.short_name == "FTC"
    with pytest.raises(RosterError, match="already an organization"):
        roster.add_organization(store, "family treatment court")
    with pytest.raises(RosterError, match="Organization name is empty"):
        roster.add_organization(store, "  ")
    tribe = roster.add_organization(store, "Cedar River ICWA", kind=OrgKind.TRIBE)
    tribe.name = "Family Treatment Court"
    with pytest.raises(RosterError, match="already an organization"):
        roster.update_organization(store, tribe)
    # Saving an organization under its own name is not a clash.
    court.kind = OrgKind.COURT
    roster.update_organization(store, court)
    assert store.get(Organization, court.id).kind is OrgKind.COURT
    assert store.get(Organization, tribe.id).name == "Cedar River ICWA"


def test_set_memberships_keeps_unchanged_rows(db_path: Path) -> None:
    store = Store.open(db_path)
    steering = store.insert(Body(name="Steering"))
    core = store.insert(Body(name="Core Team"))
    circle = store.insert(Body(name="Listening Circle"))
    person = roster.add_person(store, "Sofia Alvarez")
    kept = store.insert(Membership(body_id=steering.id, person_id=person.id, role="host"))
    store.insert(Membership(body_id=core.id, person_id=person.id))
    ended = store.insert(
        Membership(body_id=circle.id, person_id=person.id, end_date=TODAY - timedelta(days=30))
    )

    change = roster.set_memberships(store, person.id, [steering.id, circle.id], today=TODAY)
    assert change.added == (circle.id,)
    assert change.removed == (core.id,)
    store.close()

    reopened = Store.open(db_path)
    rows = {m.id: m for m in reopened.find(Membership, person_id=person.id)}
    assert rows[kept.id] == kept  # untouched: same role, same timestamps
    assert rows[ended.id] == ended  # history stays
    assert sorted(m.body_id for m in rows.values()) == sorted([steering.id, circle.id, circle.id])
    assert roster.current_body_ids(reopened, person.id, TODAY) == {steering.id, circle.id}
    assert roster.set_memberships(
        reopened, person.id, [steering.id, circle.id], today=TODAY
    ).is_empty
    reopened.close()


def test_roster_rows_on_the_demo(demo_store: Store) -> None:
    rows = roster.roster_rows(demo_store, TODAY)
    assert [r.name for r in rows] == sorted((r.name for r in rows), key=str.casefold)
    assert len(rows) == demo_store.count(Person)
    priya = next(r for r in rows if r.name == "Priya Natarajan")
    assert priya.next_unavailable == TODAY + timedelta(days=7)
    assert priya.organization == "Riverbend"
    assert priya.ready == ("facilitator",)
    assert "Steering" in priya.bodies
    person = demo_store.get(Person, priya.person_id)
    person.unavailable = [TODAY - timedelta(days=3), TODAY + timedelta(days=2)]
    demo_store.save(person)
    roster.set_active(demo_store, priya.person_id, False)
    again = next(r for r in roster.roster_rows(demo_store, TODAY) if r.name == priya.name)
    assert again.next_unavailable == TODAY + timedelta(days=2)
    assert again.upcoming_unavailable == (TODAY + timedelta(days=2),)
    assert again.active is False


def test_parse_unavailable_reads_many_forms_and_names_the_bad_one() -> None:
    assert roster.parse_unavailable("Dec 5, 2026, 12/24; tomorrow, 12/24", TODAY) == [
        TODAY + timedelta(days=1),
        date(2026, 12, 5),
        date(2026, 12, 24),
    ]
    assert roster.parse_unavailable("  ", TODAY) == []
    with pytest.raises(RosterError, match="could not read “dec 45”"):
        roster.parse_unavailable("12/5, dec 45", TODAY)
    with pytest.raises(RosterError, match="could not read “someday”"):
        roster.parse_unavailable("someday", TODAY)
    with pytest.raises(RosterError, match="already past"):
        roster.parse_unavailable("2026-11-01", TODAY)


def test_role_key_derivation() -> None:
    assert roster.role_key("Cultural liaison") == "cultural_liaison"
    assert roster.role_key("  Élder / Knowledge-keeper! ") == "elder_knowledge_keeper"
    assert roster.role_key("???") == ""


def test_role_catalogue_add_toggle_remove(db_path: Path) -> None:
    store = Store.open(db_path)
    series = _series(store)
    role = roster.add_role(store, series.id, "Cultural liaison", requires_readiness=True)
    assert role.key == "cultural_liaison"
    with pytest.raises(RosterError, match="already has a role with the key “cultural_liaison”"):
        roster.add_role(store, series.id, "cultural  LIAISON")
    with pytest.raises(RosterError, match="needs at least one letter"):
        roster.add_role(store, series.id, "!!")
    with pytest.raises(RosterError, match="Role name is empty"):
        roster.add_role(store, series.id, " ")
    roster.update_role(store, series.id, "cultural_liaison", requires_readiness=False, lead=True)
    roster.update_role(store, series.id, "timekeeper", requires_readiness=True)
    with pytest.raises(RosterError, match="only custom roles can be removed"):
        roster.remove_role(store, series.id, "note_taker")
    with pytest.raises(RosterError, match="has no role “nobody”"):
        roster.remove_role(store, series.id, "nobody")
    store.close()

    reopened = Store.open(db_path)
    roles = {r.key: r for r in roster.role_catalogue(reopened, series.id)}
    assert list(roles) == [*roster.DEFAULT_ROLE_KEYS, "cultural_liaison"]
    assert roles["cultural_liaison"].lead and not roles["cultural_liaison"].requires_readiness
    assert roles["timekeeper"].requires_readiness
    roster.remove_role(reopened, series.id, "cultural_liaison")
    assert [r.key for r in roster.role_catalogue(reopened, series.id)] == list(
        roster.DEFAULT_ROLE_KEYS
    )
    reopened.close()


def test_all_role_defs_is_the_union_with_defaults_first(store: Store) -> None:
    assert [r.key for r in roster.all_role_defs(store)] == list(roster.DEFAULT_ROLE_KEYS)
    core = _series(store, "Core Team (biweekly)")
    steering = _series(store, "Steering Committee (monthly)")
    roster.add_role(store, steering.id, "Family voice")
    roster.add_role(store, core.id, "Data steward")
    roster.add_role(store, steering.id, "Data steward")
    keys = [r.key for r in roster.all_role_defs(store)]
    assert keys == [*roster.DEFAULT_ROLE_KEYS, "data_steward", "family_voice"]
