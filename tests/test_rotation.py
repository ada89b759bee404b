"""Example-based tests of the fair role rotation, one or more per rule."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

import pytest

from facilitate.services.lead.rotation import (
    DEFAULT_ROLES,
    Candidate,
    PastAssignment,
    RoleSpec,
    fairness_report,
    role_specs,
    suggest_roles,
)

ALL = frozenset(r.key for r in DEFAULT_ROLES)
FAC = frozenset({"facilitator"})
NONE: frozenset[str] = frozenset()
NOTE_TAKER = RoleSpec(key="note_taker", name="Note-taker")
FACILITATOR = DEFAULT_ROLES[0]
CO_FACILITATOR = DEFAULT_ROLES[1]
LEADS = (FACILITATOR, CO_FACILITATOR)
TODAY = date(2024, 6, 6)


def meeting(n: int) -> date:
    """The date of the meeting n meetings before TODAY, one a fortnight."""
    return TODAY - timedelta(days=14 * n)


def person(
    pid: str,
    org: str | None = "county",
    *,
    willing: frozenset[str] = ALL,
    ready: frozenset[str] = NONE,
    active: bool = True,
    unavailable: frozenset[date] = frozenset(),
) -> Candidate:
    names = {"county": "County", "tribe": "Tribe", "court": "Court"}
    return Candidate(
        person_id=pid,
        name=pid.capitalize(),
        org_id=org,
        org_name=names.get(org or "", ""),
        willing=willing,
        ready=ready,
        active=active,
        unavailable=unavailable,
    )


def served(n: int, role: str, pid: str, org: str | None = "county") -> PastAssignment:
    return PastAssignment(meeting(n), role, pid, org)


# --- catalogue -------------------------------------------------------------------------------


def test_default_roles_in_filling_order() -> None:
    assert [r.key for r in DEFAULT_ROLES] == [
        "facilitator",
        "co_facilitator",
        "note_taker",
        "timekeeper",
        "process_observer",
    ]
    fac, co, *rest = DEFAULT_ROLES
    assert fac.lead and fac.requires_readiness and fac.rotate_orgs
    assert co.lead and not co.requires_readiness and co.mentored_by == "facilitator"
    assert not any(r.lead or r.requires_readiness for r in rest)


@dataclass
class _StoredRole:
    """Stands in for the stored catalogue entry (facilitate.models.RoleDef)."""

    key: str
    name: str
    requires_readiness: bool = False
    lead: bool = False


def test_role_specs_from_a_stored_catalogue_keep_order_and_flags() -> None:
    specs = role_specs(
        [
            _StoredRole("scribe", "Scribe"),
            _StoredRole("facilitator", "Facilitator", requires_readiness=True, lead=True),
            _StoredRole("elder", "Elder host", lead=True),
            _StoredRole("co_facilitator", "Co-facilitator", lead=True),
        ]
    )
    assert [s.key for s in specs] == ["scribe", "facilitator", "elder", "co_facilitator"]
    assert specs[1].rotate_orgs and specs[1].verb == "facilitate"
    assert specs[2].lead and not specs[2].rotate_orgs and specs[2].doing == "serve as elder host"
    assert specs[3].mentored_by == "facilitator"
    assert not specs[0].lead and specs[0].done == "served as scribe"


# --- longest since served, counts ------------------------------------------------------------


def test_longest_since_served_goes_first_and_why_says_when() -> None:
    people = [person("ana"), person("ben"), person("cy")]
    history = [
        served(3, "note_taker", "ana"),
        served(2, "note_taker", "ben"),
        served(1, "note_taker", "cy"),
    ]
    s = suggest_roles((NOTE_TAKER,), people, history, TODAY)
    assert s.for_role("note_taker").person_id == "ana"
    assert s.for_role("note_taker").why == (
        f"last served as note-taker 3 meetings ago ({meeting(3).isoformat()})"
    )


def test_never_served_goes_before_anyone_who_has() -> None:
    people = [person("ana"), person("ben")]
    history = [served(9, "note_taker", "ana")]
    s = suggest_roles((NOTE_TAKER,), people, history, TODAY)
    assert s.for_role("note_taker").person_id == "ben"
    assert s.for_role("note_taker").why == "never served as note-taker"


def test_longest_since_beats_fewest_times() -> None:
    # Ana has taken notes more often, but Ben did so more recently: recency decides, else a
    # newcomer would take notes at every meeting until caught up.
    people = [person("ana"), person("ben")]
    history = [served(n, "note_taker", "ana") for n in (8, 6, 4)]
    history += [served(2, "note_taker", "ben"), served(1, "note_taker", "cy")]
    s = suggest_roles((NOTE_TAKER,), people, history, TODAY)
    assert s.for_role("note_taker").person_id == "ana"


def test_fewer_times_in_the_role_breaks_a_tie_on_last_served() -> None:
    # Two note-takers at one meeting happens in imported records; the count then decides.
    people = [person("ana"), person("ben")]
    history = [
        served(5, "note_taker", "ana"),
        served(4, "note_taker", "ana"),
        served(2, "note_taker", "ana"),
        served(2, "note_taker", "ben"),
        served(1, "timekeeper", "cy"),
    ]
    s = suggest_roles((NOTE_TAKER,), people, history, TODAY)
    assert s.for_role("note_taker").person_id == "ben"
    ana = suggest_roles((NOTE_TAKER,), [person("ana")], history, TODAY).for_role("note_taker")
    assert ana.why == f"last served as note-taker 2 meetings ago ({meeting(2).isoformat()}), " + (
        "3 times in all"
    )


def test_fewer_roles_overall_breaks_a_tie_among_newcomers_to_the_role() -> None:
    people = [person("ana", None), person("ben", None)]
    history = [served(1, "timekeeper", "ana", None), served(2, "timekeeper", "ana", None)]
    s = suggest_roles((NOTE_TAKER,), people, history, TODAY)
    assert s.for_role("note_taker").person_id == "ben"


def test_ties_break_by_person_id_whatever_the_input_order() -> None:
    people = [person("zed", None), person("amy", None), person("kim", None)]
    first = suggest_roles(DEFAULT_ROLES[2:], people, [], TODAY)
    assert [a.person_id for a in first.assignments] == ["amy", "kim", "zed"]
    rng = random.Random(7)
    for _ in range(10):
        shuffled = people[:]
        rng.shuffle(shuffled)
        assert suggest_roles(DEFAULT_ROLES[2:], shuffled, [], TODAY) == first


def test_history_on_or_after_the_meeting_date_is_ignored() -> None:
    people = [person("ana"), person("ben")]
    history = [served(2, "note_taker", "ben"), PastAssignment(TODAY, "note_taker", "ana", "x")]
    s = suggest_roles((NOTE_TAKER,), people, history, TODAY)
    assert s.for_role("note_taker").person_id == "ana"
    assert s.for_role("note_taker").why == "never served as note-taker"


def test_previous_meeting_is_named_as_such() -> None:
    history = [served(1, "note_taker", "ana")]
    s = suggest_roles((NOTE_TAKER,), [person("ana")], history, TODAY)
    assert "last served as note-taker at the previous meeting" in s.for_role("note_taker").why


# --- not the same role twice in a row ---------------------------------------------------------


def test_no_back_to_back_even_for_the_preferred_learner() -> None:
    lea = person("lea", "tribe", willing=ALL, ready=NONE)  # the only learner
    people = [person("fay", "county", ready=FAC), lea, person("eve", "court", ready=FAC)]
    history = [served(2, "co_facilitator", "eve", "court"), served(1, "co_facilitator", "lea")]
    s = suggest_roles(LEADS, people, history, TODAY)
    assert s.for_role("co_facilitator").person_id != "lea"


def test_no_back_to_back_even_when_the_org_turn_points_at_them() -> None:
    # Ana facilitated last time for the county; today she represents the tribe, whose turn it is.
    people = [person("ana", "tribe", ready=FAC), person("ben", "county", ready=FAC)]
    history = [served(2, "facilitator", "ben", "county"), served(1, "facilitator", "ana")]
    s = suggest_roles((FACILITATOR,), people, history, TODAY)
    assert s.for_role("facilitator").person_id == "ben"


def test_back_to_back_when_nobody_else_can_and_why_says_so() -> None:
    history = [served(1, "note_taker", "ana")]
    people = [person("ana"), person("ben", willing=frozenset({"timekeeper"}))]
    s = suggest_roles((NOTE_TAKER,), people, history, TODAY)
    note = s.for_role("note_taker")
    assert note.person_id == "ana"
    assert "a second meeting in a row, as nobody else eligible is free" in note.why


# --- one role per person ----------------------------------------------------------------------


def test_one_role_per_person_and_leftover_roles_open_with_reason() -> None:
    people = [person("ana", "county", ready=FAC), person("ben", "tribe")]
    s = suggest_roles(DEFAULT_ROLES, people, [], TODAY)
    assert s.chosen() == {"facilitator": "ana", "co_facilitator": "ben"}
    assert s.open_roles == ("note_taker", "timekeeper", "process_observer")
    assert s.for_role("note_taker").why == (
        "left open: everyone eligible already holds another role at this meeting "
        "(Ana as facilitator, Ben as co-facilitator)"
    )


# --- organizations ----------------------------------------------------------------------------


def test_lead_roles_go_to_different_organizations_when_possible() -> None:
    people = [
        person("ana", "county", ready=FAC),
        person("amos", "county"),  # never co-facilitated, but the county already leads
        person("bea", "tribe"),
    ]
    history = [served(3, "co_facilitator", "bea", "tribe"), served(1, "facilitator", "x", "court")]
    s = suggest_roles(LEADS, people, history, TODAY)
    assert s.chosen() == {"facilitator": "ana", "co_facilitator": "bea"}


def test_same_organization_leads_twice_only_when_no_other_is_eligible() -> None:
    people = [person("ana", "county", ready=FAC), person("amos", "county")]
    s = suggest_roles(LEADS, people, [], TODAY)
    co = s.for_role("co_facilitator")
    assert co.person_id == "amos"
    assert "County also holds facilitator, as no member of another organization is eligible" in (
        co.why
    )


def test_custom_lead_role_counts_towards_the_organization_rule() -> None:
    elder = RoleSpec(key="elder", name="Elder host", lead=True)
    people = [person("ana", "tribe", willing=frozenset({"elder"})), person("amos", "tribe")]
    people.append(person("carl", "county"))
    s = suggest_roles((elder, CO_FACILITATOR), people, [], TODAY)
    assert s.chosen() == {"elder": "ana", "co_facilitator": "carl"}


def test_organization_rule_does_not_touch_non_lead_roles() -> None:
    people = [person("ana", "county", ready=FAC), person("amos", "county"), person("bea", "tribe")]
    history = [served(1, "note_taker", "bea", "tribe")]
    s = suggest_roles((FACILITATOR, NOTE_TAKER), people, history, TODAY)
    assert s.chosen() == {"facilitator": "ana", "note_taker": "amos"}


def test_unaffiliated_people_never_clash_with_each_other() -> None:
    people = [person("ana", None, ready=FAC), person("ben", None), person("cat", "county")]
    history = [served(1, "co_facilitator", "cat")]
    s = suggest_roles(LEADS, people, history, TODAY)
    assert s.chosen() == {"facilitator": "ana", "co_facilitator": "ben"}


def test_organizations_take_turns_at_facilitation_before_people_do() -> None:
    people = [
        person("ana", "county", ready=FAC),  # waited longest as a person ...
        person("amos", "county", ready=FAC),
        person("bea", "tribe", ready=FAC),  # ... but it is the tribe's turn
    ]
    history = [
        served(3, "facilitator", "ana", "county"),
        served(2, "facilitator", "bea", "tribe"),
        served(1, "facilitator", "amos", "county"),
    ]
    s = suggest_roles((FACILITATOR,), people, history, TODAY)
    fac = s.for_role("facilitator")
    assert fac.person_id == "bea"
    assert fac.why == (
        f"last facilitated 2 meetings ago ({meeting(2).isoformat()}); "
        f"Tribe last facilitated 2 meetings ago ({meeting(2).isoformat()})"
    )


def test_organizations_take_turns_by_recency_not_by_catching_up_counts() -> None:
    people = [
        person("ana", "county", ready=FAC),
        person("bea", "tribe", ready=FAC),
        person("cal", "court", ready=FAC),
    ]
    history = [
        served(5, "facilitator", "x", "county"),
        served(4, "facilitator", "y", "county"),
        served(3, "facilitator", "z", "county"),  # the county's last turn is the oldest
        served(2, "facilitator", "bea", "tribe"),
        served(1, "facilitator", "cal", "court"),
    ]
    s = suggest_roles((FACILITATOR,), people, history, TODAY)
    assert s.for_role("facilitator").person_id == "ana"


def test_organization_that_never_facilitated_goes_first_and_why_says_so() -> None:
    people = [person("ana", "county", ready=FAC), person("bea", "tribe", ready=FAC)]
    history = [served(2, "facilitator", "ana", "county"), served(1, "note_taker", "bea", "tribe")]
    fac = suggest_roles((FACILITATOR,), people, history, TODAY).for_role("facilitator")
    assert fac.person_id == "bea"
    assert fac.why == "never facilitated; Tribe has not facilitated yet in this series"


def test_a_year_without_facilitating_is_called_out() -> None:
    long_ago = TODAY - timedelta(days=400)
    people = [person("ana", "county", ready=FAC), person("bea", "tribe", ready=FAC)]
    history = [
        PastAssignment(long_ago, "facilitator", "bea", "tribe"),
        *(served(n, "facilitator", "ana", "county") for n in range(5, 0, -2)),
    ]
    fac = suggest_roles((FACILITATOR,), people, history, TODAY).for_role("facilitator")
    assert fac.person_id == "bea"
    assert fac.why == (
        f"last facilitated 4 meetings ago ({long_ago.isoformat()}); "
        f"Tribe has not facilitated in the last 12 months (last on {long_ago.isoformat()})"
    )


def test_organization_turn_follows_who_they_represented_at_the_time() -> None:
    # Ben facilitated for the tribe before moving to the county: that was the tribe's turn.
    people = [person("ben", "county", ready=FAC), person("bea", "tribe", ready=FAC)]
    history = [
        served(3, "facilitator", "old", "county"),
        served(2, "facilitator", "ben", "tribe"),
        served(1, "facilitator", "x", "court"),
    ]
    fac = suggest_roles((FACILITATOR,), people, history, TODAY).for_role("facilitator")
    assert fac.person_id == "ben"  # county's last turn (3 ago) is older than the tribe's (2 ago)
    assert fac.why.endswith(f"County last facilitated 3 meetings ago ({meeting(3).isoformat()})")


# --- readiness and the learning pairing -------------------------------------------------------


def test_facilitator_must_be_ready_else_left_open_with_reason() -> None:
    people = [person("ana", ready=NONE), person("ben", willing=frozenset({"note_taker"}))]
    s = suggest_roles(DEFAULT_ROLES, people, [], TODAY)
    fac = s.for_role("facilitator")
    assert fac.is_open and fac.person_id is None
    assert fac.why == (
        "left open: nobody willing is marked ready to facilitate yet "
        "(mark who is in People: Ready for)"
    )
    assert "facilitator" in s.open_roles


def test_ready_but_unwilling_is_not_chosen() -> None:
    people = [person("ana", willing=frozenset({"note_taker"}), ready=FAC)]
    fac = suggest_roles((FACILITATOR,), people, [], TODAY).for_role("facilitator")
    assert fac.why == (
        "left open: nobody has said they will facilitate yet "
        "(mark who will in People: Willing to take)"
    )


def test_experienced_facilitator_is_paired_with_a_learner() -> None:
    people = [
        person("fay", "county", ready=FAC),
        person("eve", "court", ready=FAC),  # experienced, never co-facilitated
        person("lea", "tribe"),  # willing to facilitate, not yet ready
    ]
    history = [served(3, "co_facilitator", "lea", "tribe"), served(1, "facilitator", "x", "court")]
    co = suggest_roles(LEADS, people, history, TODAY).for_role("co_facilitator")
    assert co.person_id == "lea"
    assert co.why == (
        "learning pairing: willing but not yet ready to facilitate, beside Fay, who is ready "
        f"to facilitate; last co-facilitated 2 meetings ago ({meeting(3).isoformat()})"
    )


def test_meetings_without_recorded_roles_still_count_as_meetings_ago() -> None:
    history = [served(3, "note_taker", "ana")]
    held = [meeting(n) for n in (4, 3, 2, 1)]
    plain = suggest_roles((NOTE_TAKER,), [person("ana")], history, TODAY)
    told = suggest_roles((NOTE_TAKER,), [person("ana")], history, TODAY, meeting_dates=held)
    assert "last served as note-taker at the previous meeting" in plain.for_role("note_taker").why
    assert "last served as note-taker 3 meetings ago" in told.for_role("note_taker").why


def test_previous_meeting_without_recorded_roles_frees_everyone() -> None:
    # Ana took notes two meetings ago; the meeting since had no roles recorded.
    history = [served(2, "note_taker", "ana"), served(3, "note_taker", "ben")]
    people = [person("ana"), person("ben", active=False)]
    s = suggest_roles((NOTE_TAKER,), people, history, TODAY, meeting_dates=[meeting(1)])
    assert s.for_role("note_taker").why == (
        f"last served as note-taker 2 meetings ago ({meeting(2).isoformat()})"
    )


def test_someone_unwilling_to_facilitate_is_no_learner() -> None:
    not_learning = ALL - {"facilitator"}
    people = [
        person("fay", "county", ready=FAC),
        person("eve", "court", ready=FAC),
        person("lou", "tribe", willing=not_learning),
    ]
    history = [served(3, "co_facilitator", "lou", "tribe"), served(1, "facilitator", "x", "court")]
    co = suggest_roles(LEADS, people, history, TODAY).for_role("co_facilitator")
    assert co.person_id == "eve"
    assert "learning pairing" not in co.why


def test_no_learning_pairing_without_a_ready_facilitator() -> None:
    people = [person("eve", "court", ready=FAC), person("lea", "tribe"), person("kai", "county")]
    history = [served(3, "co_facilitator", "lea", "tribe")]
    # The facilitator was decided by people and is not ready: no one to learn from.
    s = suggest_roles(LEADS, people, history, TODAY, locked={"facilitator": "kai"})
    assert s.for_role("co_facilitator").person_id == "eve"
    # And when the facilitator role is open there is no pairing either.
    open_fac = suggest_roles(
        LEADS, [person("lea", "tribe"), person("eve", "court")], history, TODAY
    )
    assert open_fac.for_role("facilitator").is_open
    assert open_fac.for_role("co_facilitator").person_id == "eve"


# --- availability and activity ----------------------------------------------------------------


def test_unavailable_and_inactive_people_are_skipped() -> None:
    people = [
        person("ana", unavailable=frozenset({TODAY})),
        person("ben", active=False),
        person("cy", unavailable=frozenset({meeting(1)})),
    ]
    s = suggest_roles((NOTE_TAKER,), people, [served(1, "note_taker", "zz")], TODAY)
    assert s.chosen() == {"note_taker": "cy"}


def test_open_reasons_name_the_blocking_fact() -> None:
    def why(people: list[Candidate]) -> str:
        return suggest_roles((NOTE_TAKER,), people, [], TODAY).for_role("note_taker").why

    assert why([]) == "left open: the roster is empty"
    assert why([person("ana", active=False)]) == "left open: no member of the roster is active"
    assert why([person("ana", unavailable=frozenset({TODAY}))]) == (
        f"left open: every active member is unavailable on {TODAY.isoformat()}"
    )
    assert why([person("ana", willing=FAC)]) == (
        "left open: nobody has said they will serve as note-taker yet "
        "(mark who will in People: Willing to take)"
    )
    # Someone is willing, only not on the day: marking more people willing is not the fix.
    away = person("ana", willing=frozenset({"note_taker"}), unavailable=frozenset({TODAY}))
    assert why([away, person("ben", willing=FAC)]) == (
        f"left open: everyone willing to serve as note-taker is unavailable on {TODAY.isoformat()}"
    )


def test_a_new_roster_that_has_said_nothing_is_told_how_to_fill_every_role() -> None:
    # People typed in or imported without a Roles column: willing to take nothing yet. Nobody is
    # handed a role they never agreed to; each role says where to say who will.
    people = [person("ana", willing=frozenset(), ready=frozenset()), person("ben", willing=NONE)]
    s = suggest_roles(DEFAULT_ROLES, people, [], TODAY)
    assert s.open_roles == tuple(r.key for r in DEFAULT_ROLES)
    assert all("(mark who will in People: Willing to take)" in a.why for a in s.assignments)
    assert s.for_role("facilitator").why.startswith("left open: nobody has said they will facil")


# --- locked choices and validation ------------------------------------------------------------


def test_locked_roles_are_kept_and_their_holders_not_reused() -> None:
    people = [person("ana", "county", ready=FAC), person("bea", "tribe", ready=FAC)]
    s = suggest_roles(LEADS, people, [], TODAY, locked={"co_facilitator": "ana"})
    assert s.chosen() == {"facilitator": "bea", "co_facilitator": "ana"}
    assert s.for_role("co_facilitator").why == "already chosen for this meeting"


def test_locked_lead_counts_for_the_organization_rule() -> None:
    people = [person("ana", "county"), person("amy", "county", ready=FAC)]
    people.append(person("bea", "tribe", ready=FAC))
    history = [served(1, "facilitator", "x", "tribe")]  # the tribe has just had its turn
    s = suggest_roles(LEADS, people, history, TODAY, locked={"co_facilitator": "ana"})
    assert s.for_role("facilitator").person_id == "bea"


@pytest.mark.parametrize(
    ("roles", "people", "locked", "message"),
    [
        ((NOTE_TAKER, NOTE_TAKER), [person("ana")], {}, "role keys"),
        ((NOTE_TAKER,), [person("ana"), person("ana")], {}, "person ids"),
        ((NOTE_TAKER,), [person("ana")], {"timekeeper": "ana"}, "not in the catalogue"),
        ((NOTE_TAKER,), [person("ana")], {"note_taker": "zed"}, "not on the roster"),
        (LEADS, [person("ana")], {"facilitator": "ana", "co_facilitator": "ana"}, "two roles"),
    ],
)
def test_invalid_inputs_are_refused(
    roles: tuple[RoleSpec, ...], people: list[Candidate], locked: dict[str, str], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        suggest_roles(roles, people, [], TODAY, locked=locked)


def test_suggestion_lookup() -> None:
    s = suggest_roles((NOTE_TAKER,), [], [], TODAY)
    assert s.meeting_date == TODAY
    with pytest.raises(KeyError):
        s.for_role("timekeeper")


# --- fairness report --------------------------------------------------------------------------


def test_fairness_report_counts_per_role_person_and_organization() -> None:
    people = [
        person("ana", "county", ready=FAC),
        person("ben", "tribe"),
        person("cy", "tribe", active=False),
        person("dee", None),
    ]
    history = [
        served(5, "facilitator", "ana", "county"),
        served(5, "note_taker", "ben", "county"),  # Ben represented the county then
        served(4, "facilitator", "ben", "tribe"),
        served(3, "facilitator", "ana", "county"),
        served(3, "scribe", "gone", "court"),  # a former member, a retired role
        served(2, "note_taker", "dee", None),
    ]
    report = fairness_report(history, people)
    assert report.meeting_count == 4
    assert report.role_keys == (*(r.key for r in DEFAULT_ROLES), "scribe")
    assert report.by_role["facilitator"].count == 3
    assert report.by_role["facilitator"].last_served == meeting(3)
    assert report.by_role["timekeeper"].count == 0

    ana = report.person("ana")
    assert (ana.total.count, ana.total.last_served) == (2, meeting(3))
    assert ana.by_role["facilitator"].count == 2
    assert ana.by_role["note_taker"].last_served is None
    cy = report.person("cy")
    assert cy.on_roster and not cy.active and cy.total.count == 0
    gone = report.person("gone")
    assert not gone.on_roster and gone.org_id == "court" and gone.by_role["scribe"].count == 1

    county, tribe = report.organization("county"), report.organization("tribe")
    assert county.total.count == 3 and county.by_role["note_taker"].count == 1
    assert tribe.total.count == 1 and tribe.active_members == 1
    assert report.organization("court").org_name == "court"  # known only from history
    assert [o.org_id for o in report.organizations] == ["county", "court", "tribe"]
    with pytest.raises(KeyError):
        report.organization("nowhere")
    with pytest.raises(KeyError):
        report.person("nobody")


def test_fairness_report_window_is_inclusive() -> None:
    history = [served(n, "facilitator", "ana") for n in (6, 4, 2)]
    report = fairness_report(history, [person("ana")], since=meeting(4), until=meeting(2))
    assert report.meeting_count == 2
    assert report.person("ana").by_role["facilitator"].count == 2
    assert report.person("ana").total.last_served == meeting(2)
    early = fairness_report(history, [person("ana")], until=meeting(5))
    assert early.person("ana").total.count == 1
