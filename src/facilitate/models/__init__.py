"""The domain: pydantic types and enums. No I/O here."""

from facilitate.models.base import Record, new_id, utcnow
from facilitate.models.capture import (
    ActionItem,
    ActionUpdate,
    Decision,
    Note,
    Objection,
    ParkingLotItem,
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
    "GroundRule",
    "GroundRuleSet",
    "GroundRuleSetVersion",
    "Meeting",
    "MeetingSeries",
    "Membership",
    "Note",
    "Objection",
    "Organization",
    "ParkingLotItem",
    "Person",
    "Record",
    "RoleAssignment",
    "RoleDef",
    "RuleInvocation",
    "new_id",
    "utcnow",
]
