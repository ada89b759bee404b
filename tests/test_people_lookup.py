"""Which person an @handle typed in the room means."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from facilitate.models import new_id
from facilitate.services.people.people_lookup import Candidate, normalize, resolve_handle
from facilitate.store import Store


def _person(name: str, email: str = "", org: str | None = None) -> Candidate:
    return Candidate(name, new_id(), email, org)


def _here(candidate: Candidate) -> Candidate:
    return replace(candidate, in_room=True)


MARIA = _person("María López", "mlopez@cfs.example", "cfs")
MARIO = _person("Mario Lopez-Grant", "mario.lg@court.example", "court")
MARSH = _person("Judge Ellen Marsh", "emarsh@courts.example", "court")
DANA = _person("Dana Whitfield", "dwhitfield@harbor.example", "cfs")
GUEST = Candidate("Rosa Delgado", None, in_room=True)


@pytest.mark.parametrize(
    ("handle", "expected"),
    [
        ("maria", "María López"),  # first name, accents and case ignored
        ("MARIA.LOPEZ", "María López"),  # full name with dots
        ("maria_lopez", "María López"),  # ... or underscores
        ("María López", "María López"),  # a quoted name
        ("mlopez", "María López"),  # email local part
        ("mario.lg", "Mario Lopez-Grant"),  # email local part with a dot
        ("mario_lopez_grant", "Mario Lopez-Grant"),  # hyphenated surname
        ("ellen", "Judge Ellen Marsh"),  # a title is not a first name
        ("ellen.marsh", "Judge Ellen Marsh"),
        ("dwhitfield", "Dana Whitfield"),
        ("rosa", "Rosa Delgado"),  # a guest, by name
    ],
)
def test_handles_resolve(handle: str, expected: str) -> None:
    match = resolve_handle(handle, [MARIA, MARIO, MARSH, DANA, GUEST])
    assert match.candidate is not None, match.problem
    assert match.candidate.name == expected
    assert match.problem is None


def test_unknown_and_partial_handles_do_not_match() -> None:
    for handle in ("zelda", "lop", "whitfield.dana", "judge", ""):
        match = resolve_handle(handle, [MARIA, MARSH, DANA])
        assert not match.resolved, handle
    assert "matches nobody" in (resolve_handle("zelda", [MARIA]).problem or "")


def test_two_people_with_one_first_name_is_ambiguous() -> None:
    other = _person("Maria Chen", "mchen@court.example")
    match = resolve_handle("maria", [MARIA, other])
    assert not match.resolved
    assert match.ambiguous == ("Maria Chen", "María López")
    assert "Maria Chen, María López" in (match.problem or "")


def test_someone_in_the_room_beats_an_absent_member() -> None:
    other = _person("Maria Chen")
    match = resolve_handle("maria", [MARIA, _here(other)])
    assert match.candidate is not None and match.candidate.name == "Maria Chen"


def test_a_full_name_beats_a_first_name() -> None:
    # "dana" is one person's whole email local part and another's first name.
    dana_k = _person("Dana Kim", "dkim@x.example")
    pat = _person("Pat Dana", "dana@x.example")
    match = resolve_handle("dana", [dana_k, pat])
    assert match.candidate is not None and match.candidate.name == "Pat Dana"
    # ... unless only the first-name match is in the room: the person at the table is meant.
    match = resolve_handle("dana", [_here(dana_k), pat])
    assert match.candidate is not None and match.candidate.name == "Dana Kim"


def test_normalize() -> None:
    assert normalize("  Zoë__O'Neil-Smith. ") == "zoe o'neil smith"


def test_a_member_beats_someone_only_on_the_roster() -> None:
    member = Candidate("Dana Whitfield", new_id())
    roster_only = Candidate("Dana Ortiz", new_id(), member=False)
    assert resolve_handle("dana", [roster_only, member]).person_id == member.person_id


def test_an_owner_on_the_partnership_but_not_on_this_body_is_found(demo_store: Store) -> None:
    """@joseph at a steering meeting: Joseph Redhorse sits on no steering body, but he is on the
    partnership's roster; the action is his, with his organization, not the text "joseph"."""
    from facilitate.models import ActionItem, Person
    from facilitate.services.run import capture

    from .conftest import TODAY
    from .helpers.demo_lookup import upcoming

    meeting = upcoming(demo_store)
    capture.capture_line(demo_store, meeting.id, "/a Ask the Tribe's council @joseph", TODAY)
    (action,) = demo_store.find(ActionItem, meeting_id=meeting.id)
    joseph = next(p for p in demo_store.find(Person) if p.name == "Joseph Redhorse")
    assert (action.owner_person_id, action.owner_text) == (joseph.id, "")
    assert action.organization_id == joseph.organization_id is not None


def test_member_on_in_python_is_the_stores_member_on(demo_store: Store) -> None:
    """The rule "a member on a day" is said in SQL (queries.MEMBER_ON) and, for rows already
    read, in Python (people_lookup.member_on): on every day around every start and end date of
    the demo, the two name the same members."""
    from datetime import timedelta

    from facilitate.models import Body, Membership, Person
    from facilitate.services.people import bodies
    from facilitate.services.people.people_lookup import current_members, member_on

    core = next(b for b in demo_store.find(Body) if b.name.startswith("Core"))
    newcomer = demo_store.insert(Person(name="Rosa Diaz"))
    start, end = date(2026, 9, 1), date(2026, 10, 15)
    members = bodies.current_member_ids(demo_store, core.id, start)
    bodies.set_members(demo_store, core.id, members | {newcomer.id}, on=start)
    bodies.set_members(demo_store, core.id, members, on=end)
    rows = demo_store.find(Membership)
    days = {d for m in rows for d in (m.start_date, m.end_date) if d is not None}
    days = {d + timedelta(days=k) for d in days for k in (-1, 0, 1)}
    assert days
    for body in demo_store.find(Body):
        for day in days:
            in_python = {m.id for m in rows if m.body_id == body.id and member_on(m, day)}
            in_sql = {m.id for m in current_members(demo_store, body.id, day)}
            assert in_python == in_sql, (body.name, day)
