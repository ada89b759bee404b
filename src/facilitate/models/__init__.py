"""The domain: pydantic types and enums. No I/O here."""

from facilitate.models.base import Record, new_id, utcnow
from facilitate.models.capture import (
    ActionItem,
    ActionUpdate,
    Decision,
    EntryRevision,
    Note,
    Objection,
    ParkingLotItem,
    Reflection,
)
from facilitate.models.meeting import (
    DEFAULT_ROLE_CATALOGUE,
    AgendaItem,
    Attendance,
    Meeting,
    MeetingSeries,
    RoleAssignment,
    RoleDef,
)
from facilitate.models.partnership import Body, Membership, Organization, Person
from facilitate.models.rules import GroundRule, GroundRuleSet, GroundRuleSetVersion, RuleInvocation
from facilitate.models.sharing import EntryLink, MinutesApproval, ShareRecord

ALL_RECORD_TYPES: tuple[type[Record], ...] = (
    Organization,
    Person,
    Body,
    Membership,
    MeetingSeries,
    Meeting,
    AgendaItem,
    RoleAssignment,
    Attendance,
    GroundRuleSet,
    GroundRuleSetVersion,
    GroundRule,
    RuleInvocation,
    Note,
    Decision,
    ActionItem,
    ActionUpdate,
    ParkingLotItem,
    EntryRevision,
    Reflection,
    ShareRecord,
    MinutesApproval,
    EntryLink,
)

__all__ = [
    "ALL_RECORD_TYPES",
    "DEFAULT_ROLE_CATALOGUE",
    "ActionItem",
    "ActionUpdate",
    "AgendaItem",
    "Attendance",
    "Body",
    "Decision",
    "EntryLink",
    "EntryRevision",
    "GroundRule",
    "GroundRuleSet",
    "GroundRuleSetVersion",
    "Meeting",
    "MeetingSeries",
    "Membership",
    "MinutesApproval",
    "Note",
    "Objection",
    "Organization",
    "ParkingLotItem",
    "Person",
    "Record",
    "Reflection",
    "RoleAssignment",
    "RoleDef",
    "RuleInvocation",
    "ShareRecord",
    "new_id",
    "utcnow",
]
