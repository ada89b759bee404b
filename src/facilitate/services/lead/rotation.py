"""Fair rotation of meeting roles ("shared leadership").

Pure functions over plain frozen dataclasses: the caller gathers the series' role catalogue, its
roster and its history of *chosen* assignments, and gets back one suggestion per role, each with
a human-readable reason. Same inputs always give the same output.

How one role is filled, in the catalogue's order of priority:

1. Eligible: active, available on the date, willing to take the role, ready for it when the role
   requires readiness, and not already holding another role at this meeting.
2. Nobody takes the same role as at the previous meeting, unless nobody else eligible is free.
3. For lead roles, nobody from an organization that already holds a lead role at this meeting,
   unless nobody from another organization is eligible.
4. Among those left, the best ranked: for roles where organizations take turns (facilitator), the
   organization that has gone longest without the role comes first; then the person who has gone
   longest without the role, then fewest times in the role, then the organization holding fewest
   roles at this meeting, then fewest roles overall, then person id. A role mentored by another
   (co-facilitator, mentored by the facilitator) first prefers a learner -- willing but not yet
   ready for the mentor's role -- when the mentor is ready, so that learning happens beside
   someone experienced.

Filters 2 and 3 are relaxed rather than leaving a role open, and the reason says so.
The types live in `rotation_types` and the fairness report in `rotation_report`; both are
re-exported here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from facilitate.services.lead.rotation_report import (
    FairnessReport,
    OrgFairness,
    PersonFairness,
    Tally,
    fairness_report,
)
from facilitate.services.lead.rotation_types import (
    CO_FACILITATOR,
    DEFAULT_ROLES,
    FACILITATOR,
    Candidate,
    PastAssignment,
    RoleLike,
    RoleSpec,
    RotationSuggestion,
    Suggestion,
    org_unit,
    role_specs,
)

__all__ = [
    "CO_FACILITATOR",
    "DEFAULT_ROLES",
    "FACILITATOR",
    "MARK_READY",
    "MARK_WILLING",
    "Candidate",
    "FairnessReport",
    "OrgFairness",
    "PastAssignment",
    "PersonFairness",
    "RoleLike",
    "RoleSpec",
    "RotationSuggestion",
    "Suggestion",
    "Tally",
    "fairness_report",
    "org_unit",
    "role_specs",
    "suggest_roles",
]


class _Stats:
    """What the history says, as of just before the meeting being planned."""

    def __init__(
        self, history: Iterable[PastAssignment], before: date, held: Iterable[date]
    ) -> None:
        past = sorted(
            (a for a in history if a.meeting_date < before),
            key=lambda a: (a.meeting_date, a.role_key, a.person_id),
        )
        self.dates = sorted({a.meeting_date for a in past} | {d for d in held if d < before})
        self._index = {d: i for i, d in enumerate(self.dates)}
        self.person_last: dict[tuple[str, str], date] = {}
        self.person_count: dict[tuple[str, str], int] = {}
        self.person_total: dict[str, int] = {}
        self.unit_last: dict[tuple[str, str], date] = {}
        self.unit_count: dict[tuple[str, str], int] = {}
        self.previous: set[tuple[str, str]] = set()
        for a in past:
            pk = (a.person_id, a.role_key)
            uk = (org_unit(a.org_id, a.person_id), a.role_key)
            self.person_last[pk] = a.meeting_date
            self.person_count[pk] = self.person_count.get(pk, 0) + 1
            self.person_total[a.person_id] = self.person_total.get(a.person_id, 0) + 1
            self.unit_last[uk] = a.meeting_date
            self.unit_count[uk] = self.unit_count.get(uk, 0) + 1
            if a.meeting_date == self.dates[-1]:
                self.previous.add(pk)

    def meetings_ago(self, d: date) -> int:
        """1 for the previous meeting."""
        return len(self.dates) - self._index[d]


def _ago(stats: _Stats, d: date) -> str:
    n = stats.meetings_ago(d)
    return "at the previous meeting" if n == 1 else f"{n} meetings ago ({d.isoformat()})"


def _person_fact(stats: _Stats, c: Candidate, role: RoleSpec) -> str:
    last = stats.person_last.get((c.person_id, role.key))
    if last is None:
        return f"never {role.done}"
    count = stats.person_count[(c.person_id, role.key)]
    times = f", {count} times in all" if count > 1 else ""
    return f"last {role.done} {_ago(stats, last)}{times}"


def _org_fact(stats: _Stats, c: Candidate, role: RoleSpec, meeting_date: date) -> str | None:
    if c.org_id is None:
        return None
    org = c.org_name or c.org_id
    last = stats.unit_last.get((c.org_id, role.key))
    if last is None:
        return f"{org} has not {role.done} yet in this series"
    if (meeting_date - last).days >= 365:
        return f"{org} has not {role.done} in the last 12 months (last on {last.isoformat()})"
    return f"{org} last {role.done} {_ago(stats, last)}"


class _Meeting:
    """The meeting being filled: who holds what so far."""

    def __init__(self) -> None:
        self.holder: dict[str, tuple[RoleSpec, Candidate]] = {}  # role key → (role, person)
        self.role_of: dict[str, RoleSpec] = {}  # person id → role
        self.lead_units: dict[str, RoleSpec] = {}  # org unit → first lead role it holds
        self.unit_load: dict[str, int] = {}

    def seat(self, role: RoleSpec, c: Candidate) -> None:
        unit = org_unit(c.org_id, c.person_id)
        self.holder[role.key] = (role, c)
        self.role_of[c.person_id] = role
        self.unit_load[unit] = self.unit_load.get(unit, 0) + 1
        if role.lead:
            self.lead_units.setdefault(unit, role)

    def mentor_for(self, role: RoleSpec) -> tuple[RoleSpec, Candidate] | None:
        """The holder of the role that mentors `role`, when they are ready for their role."""
        held = self.holder.get(role.mentored_by) if role.mentored_by else None
        if held is None or held[0].key not in held[1].ready:
            return None
        return held


MARK_WILLING = "mark who will in People: Willing to take"
"""How a role nobody is willing to take gets filled: the people's own form says who will."""
MARK_READY = "mark who is in People: Ready for"


def _why_open(
    role: RoleSpec, candidates: Sequence[Candidate], on: date, seated: _Meeting
) -> tuple[str, bool]:
    """Why `role` is left open, and whether marking people in People is what would fill it."""
    active = [c for c in candidates if c.active]
    available = [c for c in active if on not in c.unavailable]
    willing = [c for c in available if role.key in c.willing]
    in_people = False  # the two reasons below that marking people in People would fix
    if not candidates:
        reason = "the roster is empty"
    elif not active:
        reason = "no member of the roster is active"
    elif not available:
        reason = f"every active member is unavailable on {on.isoformat()}"
    elif not willing and not any(role.key in c.willing for c in active):
        # A new partnership's roster says nothing yet: say what to do, not only what is missing.
        reason = f"nobody has said they will {role.doing} yet ({MARK_WILLING})"
        in_people = True
    elif not willing:
        reason = f"everyone willing to {role.doing} is unavailable on {on.isoformat()}"
    elif not any(c.can_take(role, on) for c in willing):
        reason = f"nobody willing is marked ready to {role.doing} yet ({MARK_READY})"
        in_people = True
    else:
        busy = sorted(
            (c for c in willing if c.can_take(role, on)), key=lambda c: (c.name, c.person_id)
        )
        held = ", ".join(f"{c.name} as {seated.role_of[c.person_id].name.lower()}" for c in busy)
        reason = f"everyone eligible already holds another role at this meeting ({held})"
    return f"left open: {reason}", in_people


def _fill(
    role: RoleSpec,
    candidates: Sequence[Candidate],
    stats: _Stats,
    meeting_date: date,
    seated: _Meeting,
) -> Suggestion:
    free = [
        c
        for c in candidates
        if c.can_take(role, meeting_date) and c.person_id not in seated.role_of
    ]
    if not free:
        why, needs_people = _why_open(role, candidates, meeting_date, seated)
        return Suggestion(role.key, role.name, None, None, None, why, needs_people)

    # Not twice in a row outranks the organization spread: a repeat is felt by one person at
    # every meeting, while two leads from one organization is a one-meeting imbalance.
    fresh = [c for c in free if (c.person_id, role.key) not in stats.previous]
    repeat_relaxed = not fresh
    free = fresh or free

    org_relaxed = False
    if role.lead:
        spread = [c for c in free if org_unit(c.org_id, c.person_id) not in seated.lead_units]
        org_relaxed = not spread
        free = spread or free

    mentor = seated.mentor_for(role)

    def learns(c: Candidate) -> bool:
        return mentor is not None and c.is_learner_for(mentor[0].key)

    # date.min stands for "never": those who never held the role come first.
    def rank(c: Candidate) -> tuple[object, ...]:
        unit = org_unit(c.org_id, c.person_id)
        pk = (c.person_id, role.key)
        org_turn: tuple[object, ...] = ()
        if role.rotate_orgs:
            uk = (unit, role.key)
            org_turn = (stats.unit_last.get(uk, date.min), stats.unit_count.get(uk, 0))
        return (
            not learns(c),
            *org_turn,
            stats.person_last.get(pk, date.min),
            stats.person_count.get(pk, 0),
            seated.unit_load.get(unit, 0),
            stats.person_total.get(c.person_id, 0),
            # A tie a person can explain: by name; the id only separates two people of one name.
            c.name,
            c.person_id,
        )

    chosen = min(free, key=rank)
    facts: list[str] = []
    if mentor is not None and learns(chosen):
        mentor_role, mentor_person = mentor
        facts.append(
            f"learning pairing: willing but not yet ready to {mentor_role.doing}, "
            f"beside {mentor_person.name}, who is ready to {mentor_role.doing}"
        )
    facts.append(_person_fact(stats, chosen, role))
    if role.rotate_orgs and (org_fact := _org_fact(stats, chosen, role, meeting_date)):
        facts.append(org_fact)
    if repeat_relaxed:
        facts.append("a second meeting in a row, as nobody else eligible is free")
    if org_relaxed:
        # Only reached when every free candidate's organization already holds a lead role.
        other = seated.lead_units[org_unit(chosen.org_id, chosen.person_id)]
        org = chosen.org_name or chosen.org_id or chosen.name
        facts.append(
            f"{org} also holds {other.name.lower()}, as no member of another organization "
            "is eligible"
        )
    seated.seat(role, chosen)
    return Suggestion(
        role.key, role.name, chosen.person_id, chosen.name, chosen.org_id, "; ".join(facts)
    )


def suggest_roles(
    roles: Sequence[RoleSpec],
    candidates: Sequence[Candidate],
    history: Iterable[PastAssignment],
    meeting_date: date,
    *,
    locked: Mapping[str, str] | None = None,
    meeting_dates: Iterable[date] = (),
) -> RotationSuggestion:
    """Suggest who takes each role of `roles` at the meeting on `meeting_date`.

    Only history strictly before `meeting_date` counts, so the same call stays valid after the
    meeting is held. `locked` maps role keys already decided by people to person ids: those are
    kept as they are and their holders are not suggested for anything else. `meeting_dates` may
    name the series' earlier meetings so that meetings with no recorded roles still count, both
    in "N meetings ago" and as the previous meeting; by default only dates in `history` count.
    Raises ValueError for duplicate role keys or person ids, or a lock naming an unknown role
    or person, or one person locked into two roles.
    """
    keys = [r.key for r in roles]
    if len(set(keys)) != len(keys):
        raise ValueError("role keys must be unique")
    by_id = {c.person_id: c for c in candidates}
    if len(by_id) != len(candidates):
        raise ValueError("person ids must be unique")
    locked = dict(locked or {})
    if unknown := set(locked) - set(keys):
        raise ValueError(f"locked roles not in the catalogue: {sorted(unknown)}")
    if strangers := set(locked.values()) - set(by_id):
        raise ValueError(f"locked people not on the roster: {sorted(strangers)}")
    if len(set(locked.values())) != len(locked):
        raise ValueError("one person is locked into two roles")

    stats = _Stats(history, meeting_date, meeting_dates)
    seated = _Meeting()
    # Seat every lock first: a locked later role still takes its holder out of earlier ones.
    for role in roles:
        if role.key in locked:
            seated.seat(role, by_id[locked[role.key]])
    result = []
    for role in roles:
        if role.key in locked:
            c = by_id[locked[role.key]]
            why = "already chosen for this meeting"
            result.append(Suggestion(role.key, role.name, c.person_id, c.name, c.org_id, why))
        else:
            result.append(_fill(role, candidates, stats, meeting_date, seated))
    return RotationSuggestion(meeting_date, tuple(result))
