"""Enumerations of the partnership-meeting domain.

Values are stored as their lowercase string in SQLite, so they must never be renamed once released;
add new members instead.
"""

from __future__ import annotations

from enum import StrEnum


class OrgKind(StrEnum):
    AGENCY = "agency"
    TREATMENT_PROVIDER = "treatment_provider"
    COURT = "court"
    TRIBE = "tribe"
    COMMUNITY_ORGANIZATION = "community_organization"
    FAMILY_LIVED_EXPERIENCE = "family_lived_experience"
    OTHER = "other"


class BodyKind(StrEnum):
    EXECUTIVE_COMMITTEE = "executive_committee"
    STEERING_COMMITTEE = "steering_committee"
    CORE_TEAM = "core_team"
    WORKGROUP = "workgroup"
    COMMUNITY_ADVISORY_GROUP = "community_advisory_group"
    LISTENING_CIRCLE = "listening_circle"


class MeetingKind(StrEnum):
    BUSINESS = "business"
    PARTNER_FORUM = "partner_forum"
    LISTENING_SESSION = "listening_session"


class MeetingStatus(StrEnum):
    """planned → live → closed → approved (minutes approved at a later meeting)."""

    PLANNED = "planned"
    LIVE = "live"
    CLOSED = "closed"
    APPROVED = "approved"


class Visibility(StrEnum):
    """Who may see a captured entry. Ordered from widest to narrowest audience.

    CONFIDENTIAL never leaves the database file in any export.
    """

    PUBLIC = "public"
    PARTNERS = "partners"
    INTERNAL = "internal"
    CONFIDENTIAL = "confidential"

    @property
    def rank(self) -> int:
        return _VISIBILITY_ORDER.index(self)


_VISIBILITY_ORDER = list(Visibility)


class Purpose(StrEnum):
    """Why an agenda item is on the agenda."""

    INFORM = "inform"
    DISCUSS = "discuss"
    DECIDE = "decide"


class DecisionMethod(StrEnum):
    """How a group decided. NOT_RECORDED is what nobody said: the record never guesses a method."""

    NOT_RECORDED = "not_recorded"
    CONSENSUS = "consensus"
    CONSENT = "consent"
    FIST_TO_FIVE = "fist_to_five"
    GRADIENTS_OF_AGREEMENT = "gradients_of_agreement"
    MAJORITY_VOTE = "majority_vote"
    OTHER = "other"


class DecisionOutcome(StrEnum):
    ADOPTED = "adopted"
    NOT_ADOPTED = "not_adopted"
    DEFERRED = "deferred"
    # Sent to another body to decide; `Decision.referred_to` names it.
    REFERRED = "referred"
    # A motion's fates (issue #17): carried with nobody against, laid on the table, withdrawn
    # by its mover.
    UNANIMOUS = "unanimous"
    TABLED = "tabled"
    WITHDRAWN = "withdrawn"

    @property
    def carried(self) -> bool:
        """True when the decision stands (adopted, or carried unanimously)."""
        return self in (DecisionOutcome.ADOPTED, DecisionOutcome.UNANIMOUS)


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    BLOCKED = "blocked"
    DONE = "done"
    DROPPED = "dropped"

    @property
    def is_open(self) -> bool:
        return self in (ActionStatus.OPEN, ActionStatus.IN_PROGRESS, ActionStatus.BLOCKED)


class AttendanceStatus(StrEnum):
    PRESENT = "present"
    LATE = "late"
    LEFT_EARLY = "left_early"
    REGRETS = "regrets"
    ABSENT = "absent"


class Attribution(StrEnum):
    """How an entry names its source; listening sessions default to not naming speakers."""

    PERSON = "person"
    ORGANIZATION = "organization"
    PARTICIPANT = "participant"
    NONE = "none"


class ItemState(StrEnum):
    """Where an agenda item stands during and after a meeting."""

    PENDING = "pending"
    ACTIVE = "active"
    DONE = "done"
    PARKED = "parked"
    CONTINUE_NEXT_TIME = "continue_next_time"
    # Closed without being taken, as the note-taker said at closing (issue #17): only this
    # prints "Not reached."; an item still pending at closing is asked about, never assumed.
    NOT_REACHED = "not_reached"


class AttendanceCapacity(StrEnum):
    """In which capacity someone sat at the table (issue #17)."""

    MEMBER = "member"
    # Sits for a named member (`Attendance.for_person_id`) and counts for quorum in their place.
    ALTERNATE = "alternate"
    STAFF = "staff"
    GUEST = "guest"


class AttendanceMode(StrEnum):
    """How someone attended."""

    IN_PERSON = "in_person"
    PHONE = "phone"
    VIDEO = "video"


class RollCallVote(StrEnum):
    """One member's answer when a body votes by roll call (issue #17)."""

    YES = "yes"
    NO = "no"
    ABSTAIN = "abstain"
    # Called, but not there to answer (or did not vote).
    ABSENT = "absent"


class LoopResponseKind(StrEnum):
    """A response to input that is not a decision or an action (issue #13)."""

    # "We can't, because …": a declined response with its reason is an answer too.
    DECLINED = "declined"
    # Answered some other way (a presentation, a letter), in words.
    ANSWERED = "answered"


class ReflectionKind(StrEnum):
    PLUS = "plus"
    DELTA = "delta"


class SharedKind(StrEnum):
    """Kinds of record an agreement can leave out, whatever their visibility."""

    # Minutes of a listening session (or of a listening circle's meetings): community input.
    LISTENING_INPUT = "listening_input"
