"""The minutes as a document: plain frozen dataclasses, already filtered for one audience.

`minutes.build_minutes` fills a `MinutesDocument` from the record; every export format (Markdown,
HTML, Word, iCalendar, CSV) and the minutes screen only read it. Nothing here reads the store or
decides what an audience may see, so a renderer cannot show what the builder left out.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum
from typing import TYPE_CHECKING

from facilitate.models.enums import ActionStatus, MeetingKind, MeetingStatus, Visibility
from facilitate.services.record.audience import AUDIENCE_LABELS, AUDIENCE_NOTES
from facilitate.services.record.wording import KIND_LABELS, STATUS_LABELS, clock, long_date

if TYPE_CHECKING:
    from facilitate.models import Meeting


class MinutesStatus(StrEnum):
    """Draft until a later meeting approves them."""

    DRAFT = "draft"
    APPROVED = "approved"


@dataclass(frozen=True)
class RoleLine:
    """Who held a meeting role (facilitator, note-taker, …)."""

    role: str
    name: str


@dataclass(frozen=True)
class OrgAttendance:
    """The people of one organization who were present."""

    organization: str
    # Names with a status note ("Tom Okafor (late)"); empty when attendance is anonymous.
    people: tuple[str, ...]
    count: int


@dataclass(frozen=True)
class AttendanceSummary:
    """Who was present, by organization, and who sent regrets or was absent."""

    present: tuple[OrgAttendance, ...]
    regrets: tuple[str, ...]
    absent: tuple[str, ...]
    present_count: int
    # Listening sessions count participants by organization and never list their names.
    anonymous: bool = False


@dataclass(frozen=True)
class QuorumLine:
    """The quorum rule of the body against who was present."""

    required_count: int | None
    present_count: int
    counted: str  # "members" or "people"
    required_organizations: tuple[str, ...]
    missing_organizations: tuple[str, ...]

    @property
    def met(self) -> bool:
        enough = self.required_count is None or self.present_count >= self.required_count
        return enough and not self.missing_organizations

    @property
    def summary(self) -> str:
        """ "met: 6 members present of 5 needed; required organizations present (A, B).", as
        plain text that every format escapes its own way."""
        parts = []
        if self.required_count is not None:
            parts.append(
                f"{self.present_count} {self.counted} present of {self.required_count} needed"
            )
        if self.required_organizations:
            needed = ", ".join(self.required_organizations)
            if self.missing_organizations:
                missing = ", ".join(self.missing_organizations)
                parts.append(f"required organizations ({needed}): missing {missing}")
            else:
                parts.append(f"required organizations present ({needed})")
        verdict = "met" if self.met else "NOT met"
        return f"{verdict}: " + "; ".join(parts) + "."


@dataclass(frozen=True)
class RulesLine:
    """The ground rules the meeting agreed to, as a numbered version."""

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
    """One note as the audience may read it."""

    text: str
    # Who it came from, as the audience may see it: "" (unattributed), "a participant", an
    # organization, or a person's name (with organization) when the note was attributed to them.
    source: str = ""


@dataclass(frozen=True)
class ObjectionLine:
    """A stand-aside or a block on a decision, with its reason."""

    who: str
    reason: str


@dataclass(frozen=True)
class DecisionLine:
    """One decision with how it was made and what it came to."""

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
    """One action item: what, who, by when, and where it stands."""

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
    """A parking-lot entry and who follows it up."""

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
    """One agenda item (or "Other notes") with the entries made under it."""

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


def minutes_status(meeting: Meeting) -> MinutesStatus:
    """Approved once a later meeting approved them; a draft until then."""
    return (
        MinutesStatus.APPROVED if meeting.status is MeetingStatus.APPROVED else MinutesStatus.DRAFT
    )
