"""The roster service against real SQLite files: people, organizations, memberships, roles;
what is refused (with one line), retired, and deleted only when nothing names it."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from facilitate.models import Body, Meeting, MeetingSeries, Membership, Organization, Person
from facilitate.models.enums import OrgKind
from facilitate.services.people import directory, roster
from facilitate.services.people.people_lookup import current_members
from facilitate.services.people.roster import RosterError
from facilitate.store import EditConflict, Store, queries

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
    person = roster.add_person(store, "Ben Carter", email="ben@northside.example")
    was = roster.person_fields(person, TODAY)

    def update(**changes: Any) -> None:
        roster.update_person(store, person.id, replace(was, **changes), was=was, today=TODAY)

    with pytest.raises(RosterError, match="Name is empty"):
        update(name="   ")
    with pytest.raises(RosterError, match="does not look like an address"):
        update(email="ben at example")
    with pytest.raises(RosterError, match="organization is no longer"):
        update(organization_id="gone")
    assert store.get(Person, person.id) == person  # nothing half-saved

    update(ready_roles=("facilitator", "timekeeper"), willing_roles=("timekeeper",))
    stored = store.get(Person, person.id)
    assert stored.willing_roles == ["timekeeper", "facilitator"]
    assert set(stored.ready_roles) <= set(stored.willing_roles)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "", "Name is empty: it is required"),
        ("name", "x" * 201, "Name is 201 characters long: at most 200 are kept"),
        ("email", "a@" + "b" * 200 + ".org", "Email is 206 characters long: at most 200"),
        ("email", "a@b.org, c@d.org", "“a@b.org, c@d.org” does not look like an address"),
        ("email", "dana@", "does not look like an address"),
        ("email", "dana@harbor", "does not look like an address"),
        ("email", "DWhitfield@HarborCounty.example", "is already Dana Whitfield's"),
    ],
)
def test_a_typed_person_is_refused_with_one_line_and_nothing_saved(
    demo_store: Store, field: str, value: str, message: str
) -> None:
    before = demo_store.count(Person)
    values: dict[str, str] = {"name": "Rosa Diaz", "email": "rosa@pp.example"} | {field: value}
    with pytest.raises(RosterError, match=re.escape(message)):
        roster.add_person(demo_store, values["name"], email=values["email"])
    assert demo_store.count(Person) == before


def test_an_edit_writes_only_what_changed_and_keeps_another_windows_change(
    db_path: Path,
) -> None:
    mine = Store.open(db_path)
    person = roster.add_person(mine, "Tom Okafor", phone="555-0101")
    was = roster.person_fields(person, TODAY)
    # Meanwhile, a co-facilitator's window changes the phone number.
    theirs = Store.open(db_path)
    other = theirs.get(Person, person.id)
    roster.update_person(
        theirs,
        person.id,
        replace(roster.person_fields(other, TODAY), phone="555-0199"),
        was=roster.person_fields(other, TODAY),
        today=TODAY,
    )
    theirs.close()
    # This window only changed the email: their phone number stays.
    roster.update_person(
        mine, person.id, replace(was, email="tokafor@riverbend.example"), was=was, today=TODAY
    )
    stored = mine.get(Person, person.id)
    assert (stored.phone, stored.email) == ("555-0199", "tokafor@riverbend.example")
    # Keeping one's own email is no clash, in any case.
    roster.update_person(
        mine,
        person.id,
        replace(roster.person_fields(stored, TODAY), email="TOkafor@riverbend.example"),
        was=roster.person_fields(stored, TODAY),
        today=TODAY,
    )
    mine.close()


def test_delete_person_refused_with_what_names_them(demo_store: Store) -> None:
    dana = demo_store.find(Person, name="Dana Whitfield")[0]
    counts = queries.references(demo_store, "people", dana.id)
    assert counts["attendance"] >= 2 and counts["memberships"] >= 1
    with pytest.raises(RosterError) as refused:
        roster.delete_person(demo_store, dana.id)
    message = str(refused.value)
    assert message.startswith("Dana Whitfield is named in ")
    assert f"{counts['attendance']} meetings' attendance" in message
    assert message.endswith(": deactivate instead, which keeps the history")
    assert demo_store.get(Person, dana.id).name == "Dana Whitfield"

    # Someone added by mistake, named nowhere, can go.
    slip = roster.add_person(demo_store, "Dana Whitfeld")
    assert roster.delete_person(demo_store, slip.id) == "Dana Whitfeld"
    assert demo_store.find(Person, name="Dana Whitfeld") == []


def test_describe_references_reads_as_a_sentence() -> None:
    assert roster.describe_references({"attendance": 3, "action_items": 2}) == (
        "3 meetings' attendance and 2 action items"
    )
    assert roster.describe_references({"notes": 1, "memberships": 1, "attendance": 1}) == (
        "1 note, 1 membership and 1 meeting's attendance"
    )


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
    with pytest.raises(RosterError, match="Organization name is 201 characters long"):
        roster.add_organization(store, "x" * 201)
    tribe = roster.add_organization(store, "Cedar River ICWA", kind=OrgKind.TRIBE)
    was = roster.organization_fields(tribe)
    with pytest.raises(RosterError, match="already an organization"):
        roster.edit_organization(
            store, tribe.id, replace(was, name="Family Treatment Court"), was=was
        )
    # Saving an organization under its own name is not a clash.
    was = roster.organization_fields(court)
    roster.edit_organization(store, court.id, replace(was, kind=OrgKind.COURT), was=was)
    assert store.get(Organization, court.id).kind is OrgKind.COURT
    assert store.get(Organization, tribe.id).name == "Cedar River ICWA"
    assert store.count(Organization) == 2


def test_an_organization_edit_keeps_another_windows_changes(store: Store) -> None:
    court = roster.add_organization(store, "Family Treatment Court", short_name="FTC")
    was = roster.organization_fields(court)
    # Another window retires it and changes its kind while this form is open.
    roster.set_organization_active(store, court.id, False)
    roster.edit_organization(store, court.id, replace(was, kind=OrgKind.COURT), was=was)
    with pytest.raises(EditConflict, match="kind is now “court”"):
        roster.edit_organization(store, court.id, replace(was, kind=OrgKind.AGENCY), was=was)
    roster.edit_organization(store, court.id, replace(was, short_name="Family Court"), was=was)
    stored = store.get(Organization, court.id)
    assert (stored.short_name, stored.kind, stored.active) == ("Family Court", OrgKind.COURT, False)
    # A whole edited record saves its form fields only: still retired.
    court.notes = "Meets Tuesdays"
    roster.update_organization(store, court)
    stored = store.get(Organization, court.id)
    assert (stored.notes, stored.active, stored.short_name) == ("Meets Tuesdays", False, "FTC")


def test_a_retired_organization_is_kept_and_offered_for_nothing_new(demo_store: Store) -> None:
    riverbend = demo_store.find(Organization, short_name="Riverbend")[0]
    priya = demo_store.find(Person, name="Priya Natarajan")[0]
    roster.set_organization_active(demo_store, riverbend.id, False)
    offered = directory.organization_choices(demo_store, include_retired=False)
    assert riverbend.id not in [c.value for c in offered]
    # Still shown for history, and for someone already placed in it.
    everything = {c.value: c.label for c in directory.organization_choices(demo_store)}
    assert everything[riverbend.id] == "Riverbend (retired)"
    kept = directory.organization_choices(
        demo_store, include_retired=False, keep=priya.organization_id
    )
    assert riverbend.id in [c.value for c in kept]
    with pytest.raises(RosterError, match="Riverbend Recovery Services is retired"):
        roster.add_person(demo_store, "New Hire", organization_id=riverbend.id)
    # Priya's record can still be edited without moving her.
    was = roster.person_fields(priya, TODAY)
    roster.update_person(demo_store, priya.id, replace(was, phone="555"), was=was, today=TODAY)
    assert demo_store.get(Person, priya.id).organization_id == riverbend.id
    roster.set_organization_active(demo_store, riverbend.id, True)
    roster.add_person(demo_store, "New Hire", organization_id=riverbend.id)


def test_delete_organization_only_when_nothing_names_it(demo_store: Store) -> None:
    riverbend = demo_store.find(Organization, short_name="Riverbend")[0]
    with pytest.raises(RosterError, match=r"^Riverbend Recovery Services is named in \d+ "):
        roster.delete_organization(demo_store, riverbend.id)
    message = ""
    try:
        roster.delete_organization(demo_store, riverbend.id)
    except RosterError as error:
        message = str(error)
    assert "people's records" in message and message.endswith(
        "retire it instead, which keeps the history"
    )
    slip = roster.add_organization(demo_store, "Harbour Housing")
    assert roster.delete_organization(demo_store, slip.id) == "Harbour Housing"
    assert demo_store.find(Organization, name="Harbour Housing") == []


def test_set_memberships_keeps_unchanged_rows_and_ends_the_others(db_path: Path) -> None:
    store = Store.open(db_path)
    steering = store.insert(Body(name="Steering"))
    core = store.insert(Body(name="Core Team"))
    circle = store.insert(Body(name="Listening Circle"))
    person = roster.add_person(store, "Sofia Alvarez")
    kept = store.insert(Membership(body_id=steering.id, person_id=person.id, role="host"))
    left = store.insert(
        Membership(body_id=core.id, person_id=person.id, start_date=date(2025, 3, 1))
    )
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
    # Unticking ended the Core Team membership today: the row is kept as history.
    assert rows[left.id].end_date == TODAY
    assert rows[left.id].start_date == date(2025, 3, 1)
    rejoined = [m for m in rows.values() if m.body_id == circle.id and m.id != ended.id]
    assert [(m.start_date, m.end_date) for m in rejoined] == [(TODAY, None)]
    assert len(rows) == 4
    assert roster.current_body_ids(reopened, person.id, TODAY) == {steering.id, circle.id}
    assert roster.set_memberships(
        reopened, person.id, [steering.id, circle.id], today=TODAY
    ).is_empty
    # Left today, yet still counted at a meeting today; not the day after.
    assert left.id in {m.id for m in current_members(reopened, core.id, TODAY)}
    assert current_members(reopened, core.id, TODAY + timedelta(days=1)) == []
    assert roster.membership_history(reopened, person.id, TODAY) == [
        "Listening Circle (to Oct 23, 2026)",
        "Core Team (Mar 01, 2025 to Nov 22, 2026)",
    ]
    reopened.close()


def test_membership_unticked_by_mistake_goes_on_when_ticked_again(store: Store) -> None:
    core = store.insert(Body(name="Core Team"))
    person = roster.add_person(store, "Ben Carter")
    joined = store.insert(
        Membership(body_id=core.id, person_id=person.id, start_date=date(2026, 1, 5))
    )
    roster.set_memberships(store, person.id, [], today=TODAY)
    assert store.get(Membership, joined.id).end_date == TODAY
    assert roster.current_body_ids(store, person.id, TODAY) == set()
    roster.set_memberships(store, person.id, [core.id], today=TODAY)
    assert [(m.start_date, m.end_date) for m in store.find(Membership, person_id=person.id)] == [
        (date(2026, 1, 5), None)
    ]
    # Ticked and unticked the same day, before it took effect: nothing to keep.
    other = store.insert(Body(name="Steering"))
    roster.set_memberships(store, person.id, [core.id, other.id], today=TODAY)
    roster.set_memberships(store, person.id, [core.id], today=TODAY)
    assert store.count(Membership, body_id=other.id) == 0


def test_archived_bodies_are_offered_only_to_their_members(store: Store) -> None:
    old = store.insert(Body(name="Old Workgroup", archived=True))
    core = store.insert(Body(name="Core Team"))
    assert [c.value for c in roster.body_choices(store)] == [core.id]
    assert [c.value for c in roster.body_choices(store, keep=[old.id])] == [core.id, old.id]


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


def test_a_membership_ended_today_counts_today_and_not_after(demo_store: Store) -> None:
    """The people a meeting may name (`queries.people_at_meeting`) follow the same end date."""
    keisha = demo_store.find(Person, name="Keisha Brown")[0]
    core = next(b for b in demo_store.find(Body) if b.name.startswith("Core"))
    series = demo_store.find(MeetingSeries, body_id=core.id)[0]
    meeting = demo_store.find(Meeting, series_id=series.id)[0]
    steering_ids = roster.current_body_ids(demo_store, keisha.id, TODAY) - {core.id}
    roster.set_memberships(demo_store, keisha.id, steering_ids, today=TODAY)

    def members(day: date) -> set[str]:
        rows = queries.people_at_meeting(demo_store, meeting.id, day)
        return {row.name for row in rows if row.status is None}

    assert "Keisha Brown" in members(TODAY)
    assert "Keisha Brown" not in members(TODAY + timedelta(days=1))
    assert "Tom Okafor" in members(TODAY + timedelta(days=1))
