"""Meetings, their series, agendas, roles and attendance."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from facilitate.models.base import Record
from facilitate.models.enums import (
    AttendanceCapacity,
    AttendanceMode,
    AttendanceStatus,
    Attribution,
    ItemState,
    MeetingKind,
    MeetingStatus,
    Purpose,
    Visibility,
)


class RoleDef(BaseModel):
    """One role of a series' role catalogue."""

    model_config = ConfigDict(defer_build=True)

    key: str
    name: str
    requires_readiness: bool = False
    lead: bool = False


# model_construct: these constants are known good, and validating them at import would build
# pydantic's validators before the first screen needs any (see defer_build in base.py).
DEFAULT_ROLE_CATALOGUE: tuple[RoleDef, ...] = (
    RoleDef.model_construct(
        key="facilitator", name="Facilitator", requires_readiness=True, lead=True
    ),
    RoleDef.model_construct(key="co_facilitator", name="Co-facilitator", lead=True),
    RoleDef.model_construct(key="note_taker", name="Note-taker"),
    RoleDef.model_construct(key="timekeeper", name="Timekeeper"),
    RoleDef.model_construct(key="process_observer", name="Process observer"),
)


class MeetingSeries(Record):
    """A recurring meeting of one body, with its defaults."""

    table = "meeting_series"

    body_id: str
    name: str
    kind: MeetingKind = MeetingKind.BUSINESS
    default_template: str = ""
    default_minutes: int = Field(default=90, ge=1)
    ground_rule_set_id: str | None = None
    roles: list[RoleDef] = Field(default_factory=lambda: list(DEFAULT_ROLE_CATALOGUE))
    # How often it meets, as people say it ("monthly, second Tuesday, 13:00-15:00"); the
    # scheduling service reads it to propose the next date (services/plan/cadence.py).
    cadence: str = ""
    default_place: str = ""
    neutral_venue: bool = False
    archived: bool = False
    # Whether one person may hold two meeting roles at once (facilitate and keep time): some
    # groups say so; by default each role goes to a different person.
    roles_may_double: bool = False


class Meeting(Record):
    """One meeting. Times are the wall-clock time where the meeting happens."""

    table = "meetings"

    series_id: str
    title: str
    starts_at: datetime
    minutes: int = Field(default=90, ge=1)
    location: str = ""
    neutral_venue: bool = False
    kind: MeetingKind = MeetingKind.BUSINESS
    status: MeetingStatus = MeetingStatus.PLANNED
    ground_rule_version_id: str | None = None
    opened_at: datetime | None = None
    closed_at: datetime | None = None
    current_item_id: str | None = None
    approved_at: datetime | None = None
    approved_in_meeting_id: str | None = None
    next_meeting_date: date | None = None
    # Listening sessions (issue #13): the consent and recording statement read to the room,
    # how many gave consent (a count, never names), how input is attributed, the language.
    consent_statement: str = ""
    consent_count: int | None = Field(default=None, ge=0)
    attribution_policy: Attribution = Attribution.NONE
    language: str = "en"
    # Before the meeting (issue #19): how to join, as text; a cancellation keeps the meeting.
    join_info: str = ""
    cancelled_at: datetime | None = None
    cancel_reason: str = ""
    # Who presided (issue #17): an officer of the body, beside the meeting's roles.
    presided_by_person_id: str | None = None


class AgendaItem(Record):
    """An agenda item. `position` is a float so items can be reordered without renumbering."""

    table = "agenda_items"

    meeting_id: str
    position: float
    title: str
    purpose: Purpose = Purpose.DISCUSS
    desired_outcome: str = ""
    minutes: int = Field(default=10, ge=1)
    lead_person_id: str | None = None
    lead_organization_id: str | None = None
    lead_text: str = ""
    proposed_by_person_id: str | None = None
    proposed_by_organization_id: str | None = None
    proposed_on: date | None = None
    prompts: list[str] = Field(default_factory=list)
    notes: str = ""
    state: ItemState = ItemState.PENDING
    started_at: datetime | None = None
    ended_at: datetime | None = None
    extended_minutes: int = Field(default=0, ge=0)
    # Time spent paused (another item taken meanwhile) since `started_at`, its first take.
    paused_seconds: int = Field(default=0, ge=0)
    carried_from_item_id: str | None = None
    # Who may see the item's title and text in an agenda or minutes (a personnel matter is
    # internal: partners see "closed session").
    visibility: Visibility = Visibility.PARTNERS


class RoleAssignment(Record):
    """Who holds a role at a meeting; the suggestion is kept beside the choice."""

    table = "role_assignments"

    meeting_id: str
    role_key: str
    person_id: str | None = None
    suggested_person_id: str | None = None
    why: str = ""
    override_reason: str = ""


class Attendance(Record):
    table = "attendance"

    meeting_id: str
    person_id: str | None = None
    guest_name: str = ""
    organization_id: str | None = None
    status: AttendanceStatus = AttendanceStatus.PRESENT
    arrived_at: datetime | None = None
    left_at: datetime | None = None
    capacity: AttendanceCapacity = AttendanceCapacity.MEMBER
    # A member who does not vote (ex officio); alternates vote in the member's place.
    voting: bool = True
    # For an alternate: the member they sit for.
    for_person_id: str | None = None
    mode: AttendanceMode = AttendanceMode.IN_PERSON


class PreRead(Record):
    """A file attached to an agenda item, copied into the record (never a path on the laptop)
    so it travels with the agenda packet and the merged file."""

    table = "pre_reads"

    agenda_item_id: str
    file_name: str
    size: int = Field(ge=0)
    sha256: str
    content: bytes
