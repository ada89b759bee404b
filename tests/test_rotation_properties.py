"""Property tests of the role rotation over random rosters and histories.

Each example simulates consecutive meetings: every suggestion is accepted and fed back as history,
as a series that always takes the suggestion would.

Eligibility below is written out again rather than taken from `Candidate.can_take`, so that a
mistake there cannot hide itself.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta
from typing import TypeVar

from hypothesis import given, settings
from hypothesis import strategies as st

from facilitate.services.lead.rotation import (
    DEFAULT_ROLES,
    Candidate,
    PastAssignment,
    RoleSpec,
    RotationSuggestion,
    fairness_report,
    org_unit,
    suggest_roles,
)

ROLE_KEYS = [r.key for r in DEFAULT_ROLES]
FIRST = date(2024, 1, 4)
FORTNIGHT = timedelta(days=14)
T = TypeVar("T")
SETTINGS = settings(max_examples=100, deadline=None)


def dates(n: int) -> list[date]:
    return [FIRST + i * FORTNIGHT for i in range(n)]


def subsets(items: Sequence[T]) -> st.SearchStrategy[frozenset[T]]:
    """Subsets as one bitmask draw: much cheaper to generate than `st.frozensets`."""
    return st.integers(0, 2 ** len(items) - 1).map(
        lambda mask: frozenset(x for i, x in enumerate(items) if mask >> i & 1)
    )


def mostly_all(items: Sequence[T]) -> st.SearchStrategy[frozenset[T]]:
    """Subsets, half of them drawn as "all but a few"."""
    every = frozenset(items)
    return st.one_of(subsets(items), subsets(items).map(lambda s: every - s))


def eligible(c: Candidate, role: RoleSpec, on: date) -> bool:
    return (
        c.active
        and on not in c.unavailable
        and role.key in c.willing
        and (not role.requires_readiness or role.key in c.ready)
    )


def unit(c: Candidate) -> str:
    return org_unit(c.org_id, c.person_id)


@st.composite
def histories(
    draw: st.DrawFn, roster: Sequence[Candidate], org_ids: Sequence[str]
) -> list[PastAssignment]:
    """Earlier meetings, before FIRST: roster members and former members, who may have
    represented another organization then. At most one holder per role per meeting."""
    pids = [c.person_id for c in roster] + ["former-1", "former-2"]
    orgs = st.one_of(st.none(), st.sampled_from(list(org_ids))) if org_ids else st.none()
    past = []
    for n in range(draw(st.integers(0, 6)), 0, -1):
        on = FIRST - n * FORTNIGHT
        for key in draw(subsets(ROLE_KEYS)):
            past.append(PastAssignment(on, key, draw(st.sampled_from(pids)), draw(orgs)))
    return past


@st.composite
def people(
    draw: st.DrawFn, pid: str, org_ids: Sequence[str], meeting_dates: Sequence[date]
) -> Candidate:
    # Mostly affiliated, mostly willing: sparse rosters leave roles open and test little.
    org = draw(st.sampled_from([*org_ids, *org_ids, *org_ids, None]))
    return Candidate(
        person_id=pid,
        name=pid.upper(),
        org_id=org,
        org_name=(org or "").title(),
        willing=draw(mostly_all(ROLE_KEYS)),
        ready=draw(mostly_all(ROLE_KEYS)),
        active=draw(st.sampled_from([True, True, True, False])),
        unavailable=draw(st.frozensets(st.sampled_from(meeting_dates), max_size=4)),
    )


@st.composite
def scenarios(
    draw: st.DrawFn,
) -> tuple[list[Candidate], list[PastAssignment], list[date]]:
    """A random roster, a random prior history and the dates of the meetings to simulate."""
    meeting_dates = dates(draw(st.integers(1, 14)))
    org_ids = [f"org-{i}" for i in range(draw(st.integers(1, 4)))]
    # Ids are drawn, not numbered, so that roster order and id order disagree.
    size = draw(st.integers(0, 10))
    ids = st.text("abcdef", min_size=1, max_size=4)
    pids = draw(st.lists(ids, min_size=size, max_size=size, unique=True))
    roster = [draw(people(pid, org_ids, meeting_dates)) for pid in pids]
    return roster, draw(histories(roster, org_ids)), meeting_dates


def simulate(
    roster: Sequence[Candidate], history: Sequence[PastAssignment], meeting_dates: Sequence[date]
) -> tuple[list[RotationSuggestion], list[PastAssignment]]:
    """Run the series, accepting every suggestion; returns suggestions and the full history."""
    org_of = {c.person_id: c.org_id for c in roster}
    log = list(history)
    out = []
    for on in meeting_dates:
        s = suggest_roles(DEFAULT_ROLES, roster, log, on)
        out.append(s)
        log += [PastAssignment(on, k, p, org_of[p]) for k, p in s.chosen().items()]
    return out, log


def previous_holders(log: Sequence[PastAssignment], on: date) -> set[tuple[str, str]]:
    before = [a.meeting_date for a in log if a.meeting_date < on]
    if not before:
        return set()
    last = max(before)
    return {(a.person_id, a.role_key) for a in log if a.meeting_date == last}


def check_one_role_per_person(suggestions: Sequence[RotationSuggestion]) -> None:
    """Property 1, plus: every role appears once, in catalogue order; open ones say why."""
    for s in suggestions:
        assert [a.role_key for a in s.assignments] == ROLE_KEYS
        held = [a.person_id for a in s.assignments if a.person_id is not None]
        assert len(held) == len(set(held))
        for a in s.assignments:
            assert a.why
            assert a.why.startswith("left open: ") == a.is_open


def check_only_eligible_chosen(
    suggestions: Sequence[RotationSuggestion], roster: Sequence[Candidate]
) -> None:
    """Property 5: never inactive, unavailable or unwilling; the facilitator is always ready."""
    by_id = {c.person_id: c for c in roster}
    roles = {r.key: r for r in DEFAULT_ROLES}
    for s in suggestions:
        for a in s.assignments:
            if a.person_id is None:
                continue
            c = by_id[a.person_id]
            assert c.active and s.meeting_date not in c.unavailable
            assert a.role_key in c.willing
            assert eligible(c, roles[a.role_key], s.meeting_date)
        fac = s.for_role("facilitator").person_id
        assert fac is None or "facilitator" in by_id[fac].ready


def check_no_avoidable_repeat_or_open_role(
    suggestions: Sequence[RotationSuggestion],
    roster: Sequence[Candidate],
    log: Sequence[PastAssignment],
) -> None:
    """Property 2. A role is filled in catalogue order; when it goes to the person who held it at
    the previous meeting, every other eligible person already holds a role filled before it.
    Likewise a role is left open only when every eligible person holds an earlier role."""
    for s in suggestions:
        previous = previous_holders(log, s.meeting_date)
        earlier: set[str] = set()
        for role, a in zip(DEFAULT_ROLES, s.assignments, strict=True):
            others = [
                c
                for c in roster
                if eligible(c, role, s.meeting_date) and c.person_id != a.person_id
            ]
            if a.person_id is None or (a.person_id, role.key) in previous:
                assert all(c.person_id in earlier for c in others), (role.key, a)
            if a.person_id is not None:
                earlier.add(a.person_id)


def check_lead_roles_spread(
    suggestions: Sequence[RotationSuggestion],
    roster: Sequence[Candidate],
    log: Sequence[PastAssignment],
) -> None:
    """Property 6. When a lead role goes to an organization that already holds an earlier lead
    role at the meeting, no free eligible member of another organization was left -- after
    setting aside, as the higher rule, whoever held the role at the previous meeting (unless
    that set aside everyone). Unaffiliated people count as organizations of their own."""
    by_id = {c.person_id: c for c in roster}
    for s in suggestions:
        previous = previous_holders(log, s.meeting_date)
        taken: set[str] = set()
        lead_units: set[str] = set()
        for role, a in zip(DEFAULT_ROLES, s.assignments, strict=True):
            if a.person_id is None:
                continue
            chosen = by_id[a.person_id]
            if role.lead and unit(chosen) in lead_units:
                free = [
                    c
                    for c in roster
                    if eligible(c, role, s.meeting_date) and c.person_id not in taken
                ]
                fresh = [c for c in free if (c.person_id, role.key) not in previous] or free
                assert all(unit(c) in lead_units for c in fresh), (role.key, a)
            taken.add(a.person_id)
            if role.lead:
                lead_units.add(unit(chosen))


def check_report_agrees(
    roster: Sequence[Candidate], log: Sequence[PastAssignment], since: date
) -> None:
    """The fairness report counts exactly what was chosen, per person and per organization."""
    report = fairness_report(log, roster, since=since)
    simulated = [a for a in log if a.meeting_date >= since]
    per_person = Counter(a.person_id for a in simulated)
    for c in roster:
        assert report.person(c.person_id).total.count == per_person[c.person_id]
    per_org = Counter(a.org_id for a in simulated if a.org_id is not None)
    assert {o.org_id: o.total.count for o in report.organizations if o.total.count} == dict(per_org)
    assert report.meeting_count == len({a.meeting_date for a in simulated})


@settings(max_examples=200, deadline=None)
@given(scenarios())
def test_simulated_series_keeps_every_rule(
    scenario: tuple[list[Candidate], list[PastAssignment], list[date]],
) -> None:
    """Properties 1, 2, 5 and 6 and the report, checked on one simulation per example: the
    data generation is the expensive part, so the checks share it."""
    roster, history, meeting_dates = scenario
    suggestions, log = simulate(roster, history, meeting_dates)
    check_one_role_per_person(suggestions)
    check_only_eligible_chosen(suggestions, roster)
    check_no_avoidable_repeat_or_open_role(suggestions, roster, log)
    check_lead_roles_spread(suggestions, roster, log)
    check_report_agrees(roster, log, meeting_dates[0])


@SETTINGS
@given(scenarios(), st.randoms(use_true_random=False))
def test_same_inputs_same_output_whatever_their_order(
    scenario: tuple[list[Candidate], list[PastAssignment], list[date]], rnd: random.Random
) -> None:
    """Determinism: repeating the call, or shuffling the roster and the history, changes
    nothing."""
    roster, history, meeting_dates = scenario
    on = meeting_dates[-1]
    first = suggest_roles(DEFAULT_ROLES, roster, history, on)
    assert suggest_roles(DEFAULT_ROLES, roster, history, on) == first
    shuffled_roster, shuffled_history = roster[:], history[:]
    rnd.shuffle(shuffled_roster)
    rnd.shuffle(shuffled_history)
    assert suggest_roles(DEFAULT_ROLES, shuffled_roster, shuffled_history, on) == first


# --- organizations and people take turns at facilitation --------------------------------------

EVERY_ROLE = frozenset(ROLE_KEYS)
NOT_FACILITATING: list[tuple[frozenset[str], frozenset[str], bool]] = [
    # (willing, ready, active): each never eligible to facilitate, for a different reason.
    (EVERY_ROLE, frozenset(), True),
    (EVERY_ROLE - {"facilitator"}, EVERY_ROLE, True),
    (EVERY_ROLE, EVERY_ROLE, False),
]


@st.composite
def facilitation_scenarios(
    draw: st.DrawFn, equal_sizes: bool
) -> tuple[list[Candidate], list[PastAssignment], dict[str, list[str]]]:
    """Orgs with facilitators (ready, willing, active) and people who can never facilitate.

    equal_sizes: every org has the same number of facilitators, all always available.
    Otherwise: every org has one always-available facilitator plus up to two others who are
    unavailable on random dates. Returns roster, prior history and each org's facilitators.
    """
    org_ids = [f"org-{i}" for i in range(draw(st.integers(1 if equal_sizes else 2, 4)))]
    horizon = dates(40)
    per_org = draw(st.integers(1, 3))
    roster: list[Candidate] = []
    facilitators: dict[str, list[str]] = {}
    for org in org_ids:
        extra = 0 if equal_sizes else draw(st.integers(0, 2))
        for i in range((per_org if equal_sizes else 1) + extra):
            pid = f"{org}-f{i}"
            away = draw(subsets(horizon)) if i > 0 and extra else frozenset()
            roster.append(
                Candidate(
                    pid,
                    pid,
                    org,
                    org,
                    willing=draw(subsets(ROLE_KEYS)) | {"facilitator"},
                    ready=frozenset({"facilitator"}),
                    unavailable=away,
                )
            )
            facilitators.setdefault(org, []).append(pid)
    for i in range(draw(st.integers(0, 4))):
        # Distractors may belong to an org with no facilitator: it must not get a turn.
        willing, ready, active = draw(st.sampled_from(NOT_FACILITATING))
        where = draw(st.sampled_from([*org_ids, "org-none-ready", None]))
        roster.append(Candidate(f"x{i}", f"x{i}", where, where or "", willing, ready, active))
    return roster, draw(histories(roster, [*org_ids, "org-gone"])), facilitators


def facilitator_sequence(suggestions: Sequence[RotationSuggestion]) -> list[str]:
    seq = [s.for_role("facilitator").person_id for s in suggestions]
    assert None not in seq
    return [p for p in seq if p is not None]


@SETTINGS
@given(facilitation_scenarios(equal_sizes=True))
def test_every_facilitator_serves_once_in_n_meetings(
    scenario: tuple[list[Candidate], list[PastAssignment], dict[str, list[str]]],
) -> None:
    """Property 3. Condition: every org has the same number k of facilitators (ready, willing,
    active, always available); nobody else can facilitate. With N = k × number of orgs, every
    facilitator facilitates exactly once in the first N meetings, whatever the prior history,
    and the next N meetings repeat the same order.

    (With unequal org sizes this does not hold, by design: orgs take turns first, so a lone
    facilitator of a small org facilitates more often than each one of a large org.)"""
    roster, history, facilitators = scenario
    everyone = sorted(p for ps in facilitators.values() for p in ps)
    n = len(everyone)
    seq = facilitator_sequence(simulate(roster, history, dates(2 * n))[0])
    assert sorted(seq[:n]) == everyone
    assert seq[n:] == seq[:n]


@SETTINGS
@given(facilitation_scenarios(equal_sizes=False))
def test_organizations_take_turns_at_facilitation(
    scenario: tuple[list[Candidate], list[PastAssignment], dict[str, list[str]]],
) -> None:
    """Property 4. Condition: at least two orgs have facilitators, and each of them has at least
    one facilitator available at every meeting (others may be away); nobody else can facilitate.
    Then, whatever the prior history: in every window of m consecutive meetings (m orgs) each
    org facilitates exactly once, so over any stretch of meetings the orgs' facilitation counts
    differ by at most one."""
    roster, history, facilitators = scenario
    org_of = {c.person_id: c.org_id for c in roster}
    m = len(facilitators)
    seq = [org_of[p] for p in facilitator_sequence(simulate(roster, history, dates(3 * m + 2))[0])]
    for start in range(len(seq) - m + 1):
        assert sorted(o for o in seq[start : start + m] if o) == sorted(facilitators)
    for start in range(len(seq)):
        for end in range(start + 1, len(seq) + 1):
            counts = Counter(seq[start:end])
            per_org = [counts[o] for o in facilitators]
            assert max(per_org) - min(per_org) <= 1
