"""The fairness report: who has held which role, how often and how recently.

Pure counting over the same inputs as the rotation, for the "Fairness report" screen and
`facilitate roles report SERIES`. Formatting is the faces' business.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from facilitate.services.lead.rotation_types import (
    DEFAULT_ROLES,
    Candidate,
    PastAssignment,
    RoleLike,
)

__all__ = ["FairnessReport", "OrgFairness", "PersonFairness", "Tally", "fairness_report"]


@dataclass(frozen=True, slots=True)
class Tally:
    """How many times, and when last, within the report's window."""

    count: int = 0
    last_served: date | None = None

    def plus(self, on: date) -> Tally:
        """This tally with one more service on `on`."""
        last = on if self.last_served is None else max(self.last_served, on)
        return Tally(self.count + 1, last)


@dataclass(frozen=True, slots=True)
class PersonFairness:
    """One person's service. `on_roster` False: known only from history (e.g. a former member).

    The person's organization is today's for roster members; service is counted by person.
    """

    person_id: str
    name: str
    org_id: str | None
    org_name: str
    active: bool
    on_roster: bool
    total: Tally
    by_role: Mapping[str, Tally] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class OrgFairness:
    """One organization's service, credited to the organization the person represented then.

    `active_members`: active roster members today, to read counts against the org's size.
    """

    org_id: str
    org_name: str
    active_members: int
    total: Tally
    by_role: Mapping[str, Tally] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class FairnessReport:
    """Per role, per person and per organization: count and last served, within the window."""

    since: date | None
    until: date | None
    meeting_count: int
    role_keys: tuple[str, ...]
    by_role: Mapping[str, Tally]
    people: tuple[PersonFairness, ...]
    organizations: tuple[OrgFairness, ...]

    def person(self, person_id: str) -> PersonFairness:
        """The row for `person_id`; KeyError when they are neither on the roster nor served."""
        for p in self.people:
            if p.person_id == person_id:
                return p
        raise KeyError(person_id)

    def organization(self, org_id: str) -> OrgFairness:
        """The row for `org_id`; KeyError when it has no roster member and never served."""
        for o in self.organizations:
            if o.org_id == org_id:
                return o
        raise KeyError(org_id)


def _bump(table: dict[str, dict[str, Tally]], who: str, role_key: str, on: date) -> None:
    row = table.setdefault(who, {})
    row[role_key] = row.get(role_key, Tally()).plus(on)


def _row(counts: Mapping[str, Tally], role_keys: Sequence[str]) -> tuple[Tally, dict[str, Tally]]:
    by_role = {k: counts.get(k, Tally()) for k in role_keys}
    total = Tally(
        sum(t.count for t in by_role.values()),
        max((t.last_served for t in by_role.values() if t.last_served), default=None),
    )
    return total, by_role


def fairness_report(
    history: Iterable[PastAssignment],
    candidates: Sequence[Candidate],
    since: date | None = None,
    until: date | None = None,
    *,
    roles: Iterable[RoleLike] = DEFAULT_ROLES,
) -> FairnessReport:
    """Count who held which role between `since` and `until` (both inclusive, None: unbounded).

    Every roster member and every organization with a roster member gets a row, even at zero,
    so the people who have not served are visible; people and organizations known only from
    history get rows too. Role keys come in catalogue order, then any retired keys found in
    history, sorted.
    """
    window = [
        a
        for a in history
        if (since is None or a.meeting_date >= since) and (until is None or a.meeting_date <= until)
    ]
    role_keys = [r.key for r in roles]
    role_keys += sorted({a.role_key for a in window} - set(role_keys))

    per_person: dict[str, dict[str, Tally]] = {}
    per_org: dict[str, dict[str, Tally]] = {}
    per_role: dict[str, Tally] = {}
    latest_org: dict[str, tuple[date, str | None]] = {}
    for a in window:
        _bump(per_person, a.person_id, a.role_key, a.meeting_date)
        if a.org_id is not None:
            _bump(per_org, a.org_id, a.role_key, a.meeting_date)
        per_role[a.role_key] = per_role.get(a.role_key, Tally()).plus(a.meeting_date)
        seen = latest_org.get(a.person_id)
        if seen is None or a.meeting_date >= seen[0]:
            latest_org[a.person_id] = (a.meeting_date, a.org_id)

    org_names: dict[str, str] = {}
    members: dict[str, int] = {}
    for c in candidates:
        if c.org_id is not None:
            org_names.setdefault(c.org_id, c.org_name or c.org_id)
            members[c.org_id] = members.get(c.org_id, 0) + (1 if c.active else 0)

    people = []
    roster = {c.person_id: c for c in candidates}
    for c in candidates:
        total, by_role = _row(per_person.get(c.person_id, {}), role_keys)
        people.append(
            PersonFairness(
                c.person_id, c.name, c.org_id, c.org_name, c.active, True, total, by_role
            )
        )
    for pid in sorted(set(per_person) - set(roster)):
        org_id = latest_org[pid][1]
        org_name = org_names.get(org_id, org_id) if org_id is not None else ""
        total, by_role = _row(per_person[pid], role_keys)
        people.append(PersonFairness(pid, pid, org_id, org_name, False, False, total, by_role))
    people.sort(key=lambda p: (p.name.casefold(), p.person_id))

    orgs = []
    for org_id in set(org_names) | set(per_org):
        total, by_role = _row(per_org.get(org_id, {}), role_keys)
        name = org_names.get(org_id, org_id)
        orgs.append(OrgFairness(org_id, name, members.get(org_id, 0), total, by_role))
    orgs.sort(key=lambda o: (o.org_name.casefold(), o.org_id))

    return FairnessReport(
        since=since,
        until=until,
        meeting_count=len({a.meeting_date for a in window}),
        role_keys=tuple(role_keys),
        by_role={k: per_role.get(k, Tally()) for k in role_keys},
        people=tuple(people),
        organizations=tuple(orgs),
    )
