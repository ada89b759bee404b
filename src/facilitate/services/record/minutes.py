"""Minutes from the record: one audience-filtered document that every export format renders.

The filter lives here and nowhere else. `build_minutes(store, meeting_id, audience)` reads the
meeting, keeps only the entries whose visibility allows the audience (confidential entries never
pass), resolves names the way the audience may see them, and returns a `MinutesDocument` of plain
frozen dataclasses. Renderers (Markdown, HTML, Word, iCalendar, CSV) take only that document, so a
renderer cannot leak what the builder left out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import TypeVar

from facilitate.models import (
    ActionItem,
    ActionUpdate,
    AgendaItem,
    Attendance,
    Body,
    Decision,
    Meeting,
    MeetingSeries,
    Membership,
    MinutesApproval,
    Note,
    Objection,
    Organization,
    ParkingLotItem,
    Person,
    Reflection,
    RoleAssignment,
)
from facilitate.models.enums import (
    ActionStatus,
    AttendanceStatus,
    Attribution,
    DecisionMethod,
    DecisionOutcome,
    ItemState,
    MeetingKind,
    MeetingStatus,
    Purpose,
    ReflectionKind,
    Visibility,
)
from facilitate.services.lead.ground_rules import version_by_id
from facilitate.services.people.roster import missing_sectors
from facilitate.store import RecordNotFound, Store

AUDIENCES: tuple[Visibility, ...] = (Visibility.PUBLIC, Visibility.PARTNERS, Visibility.INTERNAL)

AUDIENCE_LABELS: dict[Visibility, str] = {
    Visibility.PUBLIC: "Public",
    Visibility.PARTNERS: "Partners",
    Visibility.INTERNAL: "Internal",
}

AUDIENCE_NOTES: dict[Visibility, str] = {
    Visibility.PUBLIC: "Public version: only entries marked public are included.",
    Visibility.PARTNERS: "Partners' version: entries marked internal or confidential are left out.",
    Visibility.INTERNAL: "Internal version: for the partnership's staff; confidential entries "
    "are left out.",
}

METHOD_LABELS: dict[DecisionMethod, str] = {
    DecisionMethod.CONSENSUS: "Consensus",
    DecisionMethod.CONSENT: "Consent",
    DecisionMethod.FIST_TO_FIVE: "Fist to five",
    DecisionMethod.GRADIENTS_OF_AGREEMENT: "Gradients of agreement",
    DecisionMethod.MAJORITY_VOTE: "Majority vote",
    DecisionMethod.OTHER: "Other",
}

OUTCOME_LABELS: dict[DecisionOutcome, str] = {
    DecisionOutcome.ADOPTED: "Adopted",
    DecisionOutcome.NOT_ADOPTED: "Not adopted",
    DecisionOutcome.DEFERRED: "Deferred",
}

STATUS_LABELS: dict[ActionStatus, str] = {
    ActionStatus.OPEN: "Open",
    ActionStatus.IN_PROGRESS: "In progress",
    ActionStatus.BLOCKED: "Blocked",
    ActionStatus.DONE: "Done",
    ActionStatus.DROPPED: "Dropped",
}

PURPOSE_LABELS: dict[Purpose, str] = {
    Purpose.INFORM: "For information",
    Purpose.DISCUSS: "For discussion",
    Purpose.DECIDE: "For decision",
}

KIND_LABELS: dict[MeetingKind, str] = {
    MeetingKind.BUSINESS: "Business meeting",
    MeetingKind.PARTNER_FORUM: "Partner forum",
    MeetingKind.LISTENING_SESSION: "Listening session",
}

_STATE_NOTES: dict[ItemState, str] = {
    ItemState.PARKED: "Parked.",
    ItemState.CONTINUE_NEXT_TIME: "Continued at the next meeting.",
}

_PRESENT = (AttendanceStatus.PRESENT, AttendanceStatus.LATE, AttendanceStatus.LEFT_EARLY)


# Entry kinds that carry a visibility, for the one filter every export goes through.
V = TypeVar("V", Note, Decision, ActionItem, ParkingLotItem, Reflection)


class MinutesStatus(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"


# -- the document -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RoleLine:
    role: str
    name: str


@dataclass(frozen=True)
class OrgAttendance:
    organization: str
    # Names with a status note ("Tom Okafor (late)"); empty when attendance is anonymous.
    people: tuple[str, ...]
    count: int


@dataclass(frozen=True)
class AttendanceSummary:
    present: tuple[OrgAttendance, ...]
    regrets: tuple[str, ...]
    absent: tuple[str, ...]
    present_count: int
    # Listening sessions count participants by organization and never list their names.
    anonymous: bool = False


@dataclass(frozen=True)
class QuorumLine:
    required_count: int | None
    present_count: int
    counted: str  # "members" or "people"
    required_organizations: tuple[str, ...]
    missing_organizations: tuple[str, ...]

    @property
    def met(self) -> bool:
        enough = self.required_count is None or self.present_count >= self.required_count
        return enough and not self.missing_organizations


@dataclass(frozen=True)
class RulesLine:
    name: str
    version: int
    rules: tuple[str, ...]


@dataclass(frozen=True)
class ApprovalLine:
    """Minutes of `meeting_title` approved at `at_meeting_title`."""

    meeting_title: str
    meeting_date: date | None
    at_meeting_title: str
    approved_on: date | None
    moved_by: str
    approved_by: str
    corrections: str


@dataclass(frozen=True)
class NoteLine:
    text: str
    # Who it came from, as the audience may see it: "" (unattributed), "a participant", an
    # organization, or a person's name (with organization) when the note was attributed to them.
    source: str = ""


@dataclass(frozen=True)
class ObjectionLine:
    who: str
    reason: str


@dataclass(frozen=True)
class DecisionLine:
    text: str
    method: str
    outcome: str
    votes_for: int | None = None
    votes_against: int | None = None
    abstentions: int | None = None
    distribution: tuple[tuple[str, int], ...] = ()
    stand_asides: tuple[ObjectionLine, ...] = ()
    blocks: tuple[ObjectionLine, ...] = ()
    rationale: str = ""
    review_date: date | None = None
    agenda_item: str = ""
    visibility: Visibility = Visibility.PARTNERS

    @property
    def counts(self) -> str:
        """ "For 5, against 1, abstaining 0", or "" when no vote was counted."""
        parts = []
        if self.votes_for is not None:
            parts.append(f"for {self.votes_for}")
        if self.votes_against is not None:
            parts.append(f"against {self.votes_against}")
        if self.abstentions is not None:
            parts.append(f"abstaining {self.abstentions}")
        text = ", ".join(parts)
        return text[:1].upper() + text[1:]

    @property
    def distribution_text(self) -> str:
        return ", ".join(f"{level}: {count}" for level, count in self.distribution)


@dataclass(frozen=True)
class ActionLine:
    id: str
    text: str
    owner: str
    organization: str
    organization_id: str | None
    due: date | None
    status: ActionStatus
    agenda_item: str = ""
    visibility: Visibility = Visibility.PARTNERS

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass(frozen=True)
class ParkingLine:
    text: str
    follow_up: str = ""
    resolved: bool = False


@dataclass(frozen=True)
class FollowUpLine:
    """A status change recorded at this meeting on a commitment made earlier."""

    action: str
    owner: str
    organization: str
    due: date | None
    status: ActionStatus
    note: str

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass(frozen=True)
class ItemSection:
    title: str
    number: int | None = None
    purpose: str = ""
    lead: str = ""
    state_note: str = ""
    notes: tuple[NoteLine, ...] = ()
    decisions: tuple[DecisionLine, ...] = ()
    actions: tuple[ActionLine, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.notes or self.decisions or self.actions)


@dataclass(frozen=True)
class MinutesDocument:
    """Everything one audience may read about one meeting, already filtered."""

    meeting_id: str
    series_id: str
    title: str
    body: str
    series: str
    kind: MeetingKind
    audience: Visibility
    status: MinutesStatus
    day: date
    starts: time
    ends: time
    location: str
    neutral_venue: bool
    generated_at: datetime
    roles: tuple[RoleLine, ...] = ()
    attendance: AttendanceSummary | None = None
    quorum: QuorumLine | None = None
    ground_rules: RulesLine | None = None
    # This meeting's own minutes, when they have been approved.
    approval: ApprovalLine | None = None
    # Earlier minutes approved at this meeting.
    previous_approvals: tuple[ApprovalLine, ...] = ()
    items: tuple[ItemSection, ...] = ()
    other: ItemSection = field(default_factory=lambda: ItemSection(title="Other notes"))
    parking_lot: tuple[ParkingLine, ...] = ()
    follow_ups: tuple[FollowUpLine, ...] = ()
    plus: tuple[str, ...] = ()
    delta: tuple[str, ...] = ()
    next_meeting: date | None = None
    # Set for one partner organization's packet.
    prepared_for: str | None = None
    prepared_for_id: str | None = None

    @property
    def audience_label(self) -> str:
        return AUDIENCE_LABELS[self.audience]

    @property
    def audience_note(self) -> str:
        return AUDIENCE_NOTES[self.audience]

    @property
    def is_listening_session(self) -> bool:
        return self.kind is MeetingKind.LISTENING_SESSION

    @property
    def status_banner(self) -> str:
        """One line that every format shows at the top: DRAFT or APPROVED, and what that means."""
        if self.status is MinutesStatus.APPROVED:
            line = "APPROVED minutes"
            if self.approval is not None:
                if self.approval.at_meeting_title:
                    line += f": approved at {self.approval.at_meeting_title}"
                if self.approval.approved_on is not None:
                    line += f" on {long_date(self.approval.approved_on)}"
            return line + "."
        return "DRAFT minutes: not yet approved. They may be corrected before approval."

    def header_rows(self) -> list[tuple[str, str]]:
        """The labelled lines under the title, as plain text: each format escapes and lays them
        out its own way, so all formats say the same thing."""
        place = self.location or "not recorded"
        if self.neutral_venue:
            place += " (neutral venue)"
        return [
            ("Body", self.body),
            ("Meeting", f"{KIND_LABELS[self.kind]}, {self.series}"),
            ("Date", f"{long_date(self.day)}, {clock(self.starts)}–{clock(self.ends)}"),
            ("Place", place),
            *((role.role, role.name) for role in self.roles),
            ("Shared with", self.audience_note),
        ]

    def sections(self) -> Iterator[ItemSection]:
        """Agenda items in order, then "Other notes" when it holds anything."""
        yield from self.items
        if not self.other.is_empty:
            yield self.other

    @property
    def decisions(self) -> list[DecisionLine]:
        return [d for section in self.sections() for d in section.decisions]

    @property
    def actions(self) -> list[ActionLine]:
        return [a for section in self.sections() for a in section.actions]

    def actions_for(self, organization_id: str) -> list[ActionLine]:
        return [a for a in self.actions if a.organization_id == organization_id]


# -- formatting helpers shared by renderers ----------------------------------------------------


def long_date(day: date) -> str:
    """ "Sunday, October 25, 2026": locale-independent, unambiguous to every partner."""
    return f"{_WEEKDAYS[day.weekday()]}, {_MONTHS[day.month - 1]} {day.day}, {day.year}"


def short_date(day: date | None) -> str:
    """ "Oct 25, 2026", or "" for no date."""
    if day is None:
        return ""
    return f"{_MONTHS[day.month - 1][:3]} {day.day}, {day.year}"


def clock(moment: time) -> str:
    return f"{moment:%H:%M}"


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# Characters no document format can carry: C0/C1 controls other than tab and newline, and the
# XML non-characters. Word refuses them outright; browsers and spreadsheets show garbage.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Record text as every format receives it: one newline convention, no control characters,
    no surrounding blank space. Everything else (markup characters, any script) stays literal;
    escaping is each renderer's job."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _UNPRINTABLE.sub("", text)
    return unicodedata.normalize("NFC", text).strip()


# -- building -----------------------------------------------------------------------------------


class Names:
    """Cached name look-ups; a missing row reads as "(unknown)" rather than failing the export."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._people: dict[str, Person | None] = {}
        self._orgs: dict[str, Organization | None] = {}

    def person(self, person_id: str | None) -> Person | None:
        if person_id is None:
            return None
        if person_id not in self._people:
            try:
                self._people[person_id] = self.store.get(Person, person_id)
            except RecordNotFound:
                self._people[person_id] = None
        return self._people[person_id]

    def org(self, org_id: str | None) -> Organization | None:
        if org_id is None:
            return None
        if org_id not in self._orgs:
            try:
                self._orgs[org_id] = self.store.get(Organization, org_id)
            except RecordNotFound:
                self._orgs[org_id] = None
        return self._orgs[org_id]

    def person_name(self, person_id: str | None) -> str:
        person = self.person(person_id)
        return clean_text(person.name) if person else ("(unknown)" if person_id else "")

    def org_label(self, org_id: str | None) -> str:
        org = self.org(org_id)
        return clean_text(org.label) if org else ""

    def org_of(self, person_id: str | None) -> str | None:
        person = self.person(person_id)
        return person.organization_id if person else None


def minutes_status(meeting: Meeting) -> MinutesStatus:
    return (
        MinutesStatus.APPROVED if meeting.status is MeetingStatus.APPROVED else MinutesStatus.DRAFT
    )


def check_audience(audience: Visibility) -> Visibility:
    if audience not in AUDIENCES:
        raise ValueError(
            "confidential entries are never exported; choose public, partners or internal"
        )
    return audience


def build_minutes(
    store: Store,
    meeting_id: str,
    audience: Visibility,
    *,
    organization_id: str | None = None,
    generated_at: datetime | None = None,
) -> MinutesDocument:
    """The minutes of one meeting as `audience` may read them.

    With `organization_id`, the document is marked as prepared for that partner organization
    (its packet) and can list that organization's own action items first.
    """
    check_audience(audience)
    meeting = store.get(Meeting, meeting_id)
    series = store.get(MeetingSeries, meeting.series_id)
    body = store.get(Body, series.body_id)
    names = Names(store)

    def shown(visibility: Visibility) -> bool:
        return visibility.visible_to(audience)

    items = store.find(AgendaItem, meeting_id=meeting.id, order_by="position")
    item_titles = {item.id: clean_text(item.title) for item in items}

    def visible(cls: type[V]) -> list[V]:
        """This meeting's entries of one kind that the audience may see, oldest first."""
        found = store.find(cls, meeting_id=meeting.id, order_by="created_at")
        return [entry for entry in found if shown(entry.visibility)]

    notes = visible(Note)
    decisions = visible(Decision)
    actions = visible(ActionItem)
    parking = visible(ParkingLotItem)
    reflections = visible(Reflection)

    def section(item: AgendaItem | None, number: int | None) -> ItemSection:
        item_id = item.id if item else None

        # Entries whose agenda item is gone still belong somewhere: "Other notes".
        def mine(agenda_item_id: str | None) -> bool:
            if item_id is None:
                return agenda_item_id is None or agenda_item_id not in item_titles
            return agenda_item_id == item_id

        return ItemSection(
            title=item_titles[item.id] if item else "Other notes",
            number=number,
            purpose=PURPOSE_LABELS[item.purpose] if item else "",
            lead=_lead(item, series, names) if item else "",
            state_note=_state_note(item, meeting) if item else "",
            notes=tuple(_note_line(n, names) for n in notes if mine(n.agenda_item_id)),
            decisions=tuple(
                decision_line(d, item_titles) for d in decisions if mine(d.agenda_item_id)
            ),
            actions=tuple(
                action_line(a, item_titles, names) for a in actions if mine(a.agenda_item_id)
            ),
        )

    status = minutes_status(meeting)
    prepared_for = names.org_label(organization_id) if organization_id else None
    start = meeting.starts_at
    return MinutesDocument(
        meeting_id=meeting.id,
        series_id=series.id,
        title=clean_text(meeting.title),
        body=clean_text(body.name),
        series=clean_text(series.name),
        kind=meeting.kind,
        audience=audience,
        status=status,
        day=start.date(),
        starts=start.time().replace(second=0, microsecond=0, tzinfo=None),
        ends=(start + timedelta(minutes=meeting.minutes))
        .time()
        .replace(second=0, microsecond=0, tzinfo=None),
        location=clean_text(meeting.location),
        neutral_venue=meeting.neutral_venue,
        generated_at=generated_at or datetime.now(UTC),
        roles=_roles(store, meeting, series, names),
        attendance=_attendance(store, meeting, names),
        quorum=_quorum(store, meeting, body, names),
        ground_rules=_rules(store, meeting),
        approval=_own_approval(store, meeting) if status is MinutesStatus.APPROVED else None,
        previous_approvals=tuple(
            _approval_line(store, a)
            for a in store.find(MinutesApproval, approved_in_meeting_id=meeting.id, order_by="at")
        ),
        items=tuple(section(item, n) for n, item in enumerate(items, start=1)),
        other=section(None, None),
        parking_lot=tuple(
            ParkingLine(
                text=clean_text(p.text),
                follow_up=names.person_name(p.follow_up_person_id),
                resolved=p.resolved,
            )
            for p in parking
        ),
        follow_ups=_follow_ups(store, meeting, audience, names),
        plus=tuple(clean_text(r.text) for r in reflections if r.kind is ReflectionKind.PLUS),
        delta=tuple(clean_text(r.text) for r in reflections if r.kind is ReflectionKind.DELTA),
        next_meeting=meeting.next_meeting_date,
        prepared_for=prepared_for,
        prepared_for_id=organization_id,
    )


def _lead(item: AgendaItem, series: MeetingSeries, names: Names) -> str:
    if item.lead_person_id:
        return names.person_name(item.lead_person_id)
    if item.lead_organization_id:
        return names.org_label(item.lead_organization_id)
    roles = {role.key: role.name for role in series.roles}
    return roles.get(item.lead_text, clean_text(item.lead_text))


def _state_note(item: AgendaItem, meeting: Meeting) -> str:
    if item.state in _STATE_NOTES:
        return _STATE_NOTES[item.state]
    closed = meeting.status in (MeetingStatus.CLOSED, MeetingStatus.APPROVED)
    if closed and item.state is ItemState.PENDING and meeting.opened_at is not None:
        return "Not reached."
    return ""


def attribution_label(note: Note, names: Names) -> str:
    """How a note's source may be named. Participant and unattributed notes never name anyone;
    organization attribution shows the organization only."""
    if note.attribution is Attribution.PERSON and note.attributed_person_id:
        name = names.person_name(note.attributed_person_id)
        org = names.org_label(
            note.attributed_organization_id or names.org_of(note.attributed_person_id)
        )
        return f"{name} ({org})" if org else name
    if note.attribution is Attribution.ORGANIZATION:
        org_id = note.attributed_organization_id or names.org_of(note.attributed_person_id)
        return names.org_label(org_id)
    if note.attribution is Attribution.PARTICIPANT:
        return "a participant"
    return ""


def _note_line(note: Note, names: Names) -> NoteLine:
    return NoteLine(text=clean_text(note.text), source=attribution_label(note, names))


def _objections(items: list[Objection]) -> tuple[ObjectionLine, ...]:
    return tuple(ObjectionLine(who=clean_text(o.who), reason=clean_text(o.reason)) for o in items)


def _distribution(values: dict[str, int]) -> tuple[tuple[str, int], ...]:
    pairs = [(clean_text(str(k)), int(v)) for k, v in values.items()]
    if pairs and all(k.lstrip("-").isdigit() for k, _ in pairs):
        # Fist-to-five and numeric scales read best from full support down.
        pairs.sort(key=lambda kv: -int(kv[0]))
    return tuple(pairs)


def decision_line(decision: Decision, item_titles: dict[str, str]) -> DecisionLine:
    return DecisionLine(
        text=clean_text(decision.text),
        method=METHOD_LABELS[decision.method],
        outcome=OUTCOME_LABELS[decision.outcome],
        votes_for=decision.votes_for,
        votes_against=decision.votes_against,
        abstentions=decision.abstentions,
        distribution=_distribution(decision.distribution),
        stand_asides=_objections(decision.stand_asides),
        blocks=_objections(decision.blocks),
        rationale=clean_text(decision.rationale),
        review_date=decision.review_date,
        agenda_item=item_titles.get(decision.agenda_item_id or "", ""),
        visibility=decision.visibility,
    )


def _owner(action: ActionItem, names: Names) -> str:
    if action.owner_person_id:
        return names.person_name(action.owner_person_id)
    return clean_text(action.owner_text)


def action_line(action: ActionItem, item_titles: dict[str, str], names: Names) -> ActionLine:
    org_id = action.organization_id or names.org_of(action.owner_person_id)
    return ActionLine(
        id=action.id,
        text=clean_text(action.text),
        owner=_owner(action, names),
        organization=names.org_label(org_id),
        organization_id=org_id,
        due=action.due,
        status=action.status,
        agenda_item=item_titles.get(action.agenda_item_id or "", ""),
        visibility=action.visibility,
    )


def _roles(
    store: Store, meeting: Meeting, series: MeetingSeries, names: Names
) -> tuple[RoleLine, ...]:
    catalogue = [role.key for role in series.roles]
    labels = {role.key: role.name for role in series.roles}
    assignments = [
        a for a in store.find(RoleAssignment, meeting_id=meeting.id) if a.person_id is not None
    ]

    def order(a: RoleAssignment) -> tuple[int, str]:
        rank = catalogue.index(a.role_key) if a.role_key in catalogue else len(catalogue)
        return rank, a.role_key

    return tuple(
        RoleLine(
            role=labels.get(a.role_key, a.role_key.replace("_", " ").capitalize()),
            name=names.person_name(a.person_id),
        )
        for a in sorted(assignments, key=order)
    )


def _attendee_org(row: Attendance, names: Names) -> str | None:
    return row.organization_id or names.org_of(row.person_id)


def _attendee_name(row: Attendance, names: Names) -> str:
    return names.person_name(row.person_id) if row.person_id else clean_text(row.guest_name)


def _attendance(store: Store, meeting: Meeting, names: Names) -> AttendanceSummary | None:
    rows = store.find(Attendance, meeting_id=meeting.id, order_by="created_at")
    if not rows:
        return None
    anonymous = meeting.kind is MeetingKind.LISTENING_SESSION
    groups: dict[str, list[str]] = {}
    regrets: list[str] = []
    absent: list[str] = []
    present = 0
    for row in rows:
        org = names.org_label(_attendee_org(row, names)) or "Guests"
        name = _attendee_name(row, names) or "(guest)"
        if row.status in _PRESENT:
            present += 1
            suffix = {
                AttendanceStatus.LATE: " (late)",
                AttendanceStatus.LEFT_EARLY: " (left early)",
            }
            groups.setdefault(org, []).append(name + suffix.get(row.status, ""))
        elif not anonymous:
            labelled = f"{name} ({org})" if org != "Guests" else name
            (regrets if row.status is AttendanceStatus.REGRETS else absent).append(labelled)
    ordered = sorted(groups, key=lambda label: (label == "Guests", label.casefold()))
    return AttendanceSummary(
        present=tuple(
            OrgAttendance(
                organization=org,
                people=() if anonymous else tuple(groups[org]),
                count=len(groups[org]),
            )
            for org in ordered
        ),
        regrets=tuple(regrets),
        absent=tuple(absent),
        present_count=present,
        anonymous=anonymous,
    )


def _member_ids(store: Store, body: Body, day: date) -> set[str]:
    return {
        m.person_id
        for m in store.find(Membership, body_id=body.id)
        if (m.start_date is None or m.start_date <= day)
        and (m.end_date is None or m.end_date >= day)
    }


def _quorum(store: Store, meeting: Meeting, body: Body, names: Names) -> QuorumLine | None:
    if not body.has_quorum_rule:
        return None
    every = store.find(Attendance, meeting_id=meeting.id)
    if not every:
        return None  # attendance was not taken: say nothing rather than "quorum not met"
    rows = [r for r in every if r.status in _PRESENT]
    members = _member_ids(store, body, meeting.starts_at.date())
    if members:
        counted = "members"
        present = len({r.person_id for r in rows if r.person_id in members})
    else:
        counted = "people"
        present = len(rows)
    orgs_present = {_attendee_org(r, names) for r in rows}
    required = tuple(names.org_label(o) for o in body.quorum_organization_ids)
    kinds_present = {o.kind for o in store.find(Organization) if o.id in orgs_present}
    missing = tuple(
        names.org_label(o) for o in body.quorum_organization_ids if o not in orgs_present
    ) + missing_sectors(body, kinds_present)
    return QuorumLine(
        required_count=body.quorum_needed(len(members)),
        present_count=present,
        counted=counted,
        required_organizations=required,
        missing_organizations=missing,
    )


def _rules(store: Store, meeting: Meeting) -> RulesLine | None:
    if meeting.ground_rule_version_id is None:
        return None
    try:
        rules = version_by_id(store, meeting.ground_rule_version_id)
    except RecordNotFound:
        return None
    return RulesLine(
        name=clean_text(rules.rule_set.name),
        version=rules.version.version,
        rules=tuple(clean_text(rule.text) for rule in rules.rules),
    )


def _meeting_or_none(store: Store, meeting_id: str | None) -> Meeting | None:
    if meeting_id is None:
        return None
    try:
        return store.get(Meeting, meeting_id)
    except RecordNotFound:
        return None


def _approval_line(store: Store, approval: MinutesApproval) -> ApprovalLine:
    approved = _meeting_or_none(store, approval.meeting_id)
    at = _meeting_or_none(store, approval.approved_in_meeting_id)
    return ApprovalLine(
        meeting_title=clean_text(approved.title) if approved else "(unknown meeting)",
        meeting_date=approved.starts_at.date() if approved else None,
        at_meeting_title=clean_text(at.title) if at else "",
        approved_on=at.starts_at.date() if at else approval.at.date(),
        moved_by=clean_text(approval.moved_by),
        approved_by=clean_text(approval.approved_by),
        corrections=clean_text(approval.corrections),
    )


def _own_approval(store: Store, meeting: Meeting) -> ApprovalLine | None:
    rows = store.find(MinutesApproval, meeting_id=meeting.id, order_by="-at", limit=1)
    if rows:
        return _approval_line(store, rows[0])
    at = _meeting_or_none(store, meeting.approved_in_meeting_id)
    if at is None and meeting.approved_at is None:
        return None
    return ApprovalLine(
        meeting_title=clean_text(meeting.title),
        meeting_date=meeting.starts_at.date(),
        at_meeting_title=clean_text(at.title) if at else "",
        approved_on=at.starts_at.date()
        if at
        else (meeting.approved_at.date() if meeting.approved_at else None),
        moved_by="",
        approved_by="",
        corrections="",
    )


def _follow_ups(
    store: Store, meeting: Meeting, audience: Visibility, names: Names
) -> tuple[FollowUpLine, ...]:
    """Status changes recorded at this meeting on earlier commitments. An update carries its
    action's visibility: a confidential action's progress is as confidential as the action."""
    lines = []
    for update in store.find(ActionUpdate, meeting_id=meeting.id, order_by="at"):
        try:
            action = store.get(ActionItem, update.action_id)
        except RecordNotFound:
            continue
        if action.meeting_id == meeting.id or not action.visibility.visible_to(audience):
            continue
        org_id = action.organization_id or names.org_of(action.owner_person_id)
        lines.append(
            FollowUpLine(
                action=clean_text(action.text),
                owner=_owner(action, names),
                organization=names.org_label(org_id),
                due=action.due,
                status=update.status,
                note=clean_text(update.note),
            )
        )
    return tuple(lines)
