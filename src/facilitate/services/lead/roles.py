"""Shared leadership in the record: suggest today's roles fairly, accept or override them with
a reason, and report who has served. The fairness itself lives in the pure `rotation` module;
this module feeds it from the store and writes the choices back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from facilitate.errors import Refusal
from facilitate.models import (
    Meeting,
    MeetingSeries,
    Membership,
    Organization,
    Person,
    RoleAssignment,
)
from facilitate.services.lead.rotation import (
    Candidate,
    FairnessReport,
    PastAssignment,
    RotationSuggestion,
    fairness_report,
    role_specs,
    suggest_roles,
)
from facilitate.services.people.offices import is_office_title
from facilitate.services.quorum import here_now
from facilitate.store import Store


class RolesError(Refusal):
    """A role change that cannot be made; the message says why."""


@dataclass(frozen=True)
class HistoryRow:
    meeting_id: str
    meeting_date: date
    meeting_title: str
    role_key: str
    role_name: str
    chosen: str
    suggested: str
    override_reason: str

    @property
    def overridden(self) -> bool:
        return self.chosen != self.suggested


def _people(store: Store) -> dict[str, Person]:
    return {p.id: p for p in store.find(Person)}


def candidates(store: Store, series: MeetingSeries) -> list[Candidate]:
    """The series' body members, as the rotation sees them."""
    people = _people(store)
    orgs = {o.id: o for o in store.find(Organization)}
    member_ids = sorted({m.person_id for m in store.find(Membership, body_id=series.body_id)})
    found = []
    for person_id in member_ids:
        person = people[person_id]
        org = orgs.get(person.organization_id or "")
        found.append(
            Candidate(
                person_id=person.id,
                name=person.name,
                org_id=person.organization_id,
                org_name=org.label if org else "",
                willing=frozenset(person.willing_roles),
                ready=frozenset(person.ready_roles),
                active=person.active,
                unavailable=frozenset(person.unavailable),
            )
        )
    return found


def _earlier_meetings(store: Store, meeting: Meeting) -> list[Meeting]:
    return [
        m
        for m in store.find(Meeting, series_id=meeting.series_id, order_by="starts_at")
        if m.starts_at < meeting.starts_at
    ]


def history(store: Store, series_id: str, *, before: Meeting | None = None) -> list[PastAssignment]:
    """Roles actually held (chosen, not merely suggested) at the series' meetings."""
    people = _people(store)
    meetings = store.find(Meeting, series_id=series_id, order_by="starts_at")
    if before is not None:
        meetings = [m for m in meetings if m.starts_at < before.starts_at]
    past = []
    for meeting in meetings:
        for held in store.find(RoleAssignment, meeting_id=meeting.id):
            if held.person_id is None:
                continue
            person = people.get(held.person_id)
            past.append(
                PastAssignment(
                    meeting_date=meeting.starts_at.date(),
                    role_key=held.role_key,
                    person_id=held.person_id,
                    org_id=person.organization_id if person else None,
                )
            )
    return past


def _in_the_room(store: Store, meeting_id: str, found: list[Candidate]) -> list[Candidate]:
    """Once attendance is taken, only those in the room now: nobody is handed a role who sent
    regrets or has not arrived yet. Before it, everyone (roles are planned ahead)."""
    here = here_now(store, meeting_id)
    return found if here is None else [c for c in found if c.person_id in here]


def suggest(store: Store, meeting_id: str) -> RotationSuggestion:
    """Who should take each role at this meeting, and why: among those in the room once
    attendance is taken."""
    meeting = store.get(Meeting, meeting_id)
    series = store.get(MeetingSeries, meeting.series_id)
    return suggest_roles(
        role_specs(series.roles),
        _in_the_room(store, meeting_id, candidates(store, series)),
        history(store, series.id, before=meeting),
        meeting.starts_at.date(),
        meeting_dates=[m.starts_at.date() for m in _earlier_meetings(store, meeting)],
    )


def assignments(store: Store, meeting_id: str) -> list[RoleAssignment]:
    """Today's roles in the order of the series' catalogue."""
    meeting = store.get(Meeting, meeting_id)
    order = [r.key for r in store.get(MeetingSeries, meeting.series_id).roles]
    held = store.find(RoleAssignment, meeting_id=meeting_id)
    return sorted(held, key=lambda a: order.index(a.role_key) if a.role_key in order else 99)


def accept(store: Store, meeting_id: str, suggestion: RotationSuggestion) -> list[RoleAssignment]:
    """Take the suggestion as today's roles, replacing any earlier choice for the meeting."""
    with store.transaction():
        for old in store.find(RoleAssignment, meeting_id=meeting_id):
            store.delete(RoleAssignment, old.id)
        for pick in suggestion.assignments:
            store.insert(
                RoleAssignment(
                    meeting_id=meeting_id,
                    role_key=pick.role_key,
                    person_id=pick.person_id,
                    suggested_person_id=pick.person_id,
                    why=pick.why,
                )
            )
    return assignments(store, meeting_id)


def override(
    store: Store,
    meeting_id: str,
    role_key: str,
    person_id: str | None,
    reason: str,
    *,
    by: str = "",
) -> RoleAssignment:
    """Put someone else (or no one) in a role. The suggestion stays beside the choice, with the
    reason, so the history shows suggested versus chosen. The role's "why" becomes who set it
    by hand (`by`: the coordinator's name when known): the rotation's reason no longer applies."""
    reason = reason.strip()
    if not reason:
        raise RolesError("say why the suggestion is overridden: the history keeps the reason")
    with store.transaction():
        # Read inside the transaction: another window may have changed today's roles since
        # this one drew them, and only the fields the override changes are written.
        held = store.find(RoleAssignment, meeting_id=meeting_id)
        if person_id is not None and not _may_double(store, meeting_id, role_key):
            busy = [
                a.role_key
                for a in held
                if a.person_id == person_id
                and a.role_key != role_key
                and not is_office_title(a.role_key)
            ]
            if busy:
                name = store.get(Person, person_id).name
                raise RolesError(
                    f"{name} already holds {busy[0].replace('_', '-')} at this meeting "
                    "(the series can allow one person two roles)"
                )
        current = next((a for a in held if a.role_key == role_key), None)
        suggested = current.suggested_person_id if current else None
        was = _people(store).get(suggested or "")
        why = overridden_why(by, was.name if was else None)
        if current is None:
            return store.insert(
                RoleAssignment(
                    meeting_id=meeting_id,
                    role_key=role_key,
                    person_id=person_id,
                    why=why,
                    override_reason=reason,
                )
            )
        current.person_id = person_id
        current.override_reason = reason
        current.why = why
        return store.update_fields(current, ["person_id", "override_reason", "why"])


def overridden_why(by: str, suggested: str | None) -> str:
    """The "why" of a role set by hand: who set it, and what the rotation had suggested."""
    who = f"set by hand by {by.strip()}" if by.strip() else "set by hand"
    return f"{who} (suggested: {suggested or 'left open'})"


def _may_double(store: Store, meeting_id: str, role_key: str) -> bool:
    """Whether the role may go to someone who already holds another: when the series says one
    person may hold two, or when the role is an office (a chair or secretary kept as a role):
    offices sit beside meeting roles, so the chair may facilitate."""
    if is_office_title(role_key):
        return True
    series_id = store.get(Meeting, meeting_id).series_id
    return store.get(MeetingSeries, series_id).roles_may_double


def history_rows(store: Store, series_id: str) -> list[HistoryRow]:
    """Every role ever assigned in the series, newest meeting first, with what was suggested."""
    people = _people(store)
    names = {r.key: r.name for r in store.get(MeetingSeries, series_id).roles}

    def name(person_id: str | None) -> str:
        return people[person_id].name if person_id in people else "(open)"

    rows = []
    for meeting in store.find(Meeting, series_id=series_id, order_by="-starts_at"):
        for held in assignments(store, meeting.id):
            rows.append(
                HistoryRow(
                    meeting_id=meeting.id,
                    meeting_date=meeting.starts_at.date(),
                    meeting_title=meeting.title,
                    role_key=held.role_key,
                    role_name=names.get(held.role_key, held.role_key),
                    chosen=name(held.person_id),
                    suggested=name(held.suggested_person_id),
                    override_reason=held.override_reason,
                )
            )
    return rows


def report(
    store: Store, series_id: str, *, since: date | None = None, until: date | None = None
) -> FairnessReport:
    series = store.get(MeetingSeries, series_id)
    return fairness_report(
        history(store, series_id),
        candidates(store, series),
        since=since,
        until=until,
        roles=role_specs(series.roles),
    )
