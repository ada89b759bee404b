"""The domain: pydantic types and enums. No I/O here.

Names load on first use (PEP 562). The home screen reads no model, and importing pydantic and
building the model classes was a fifth of the app's start-up; the first screen that needs a
model loads them then.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from facilitate.models.agreement import SharingAgreement
    from facilitate.models.base import Record
    from facilitate.models.capture import (
        ActionItem,
        ActionUpdate,
        Amendment,
        CaptureDraft,
        ConsentObjection,
        Decision,
        EntryRevision,
        Note,
        Objection,
        ParkingLotItem,
        Reflection,
        RollCall,
        Someone,
    )
    from facilitate.models.ids import new_id, utcnow
    from facilitate.models.loop import EntryTheme, LoopResponse, Theme
    from facilitate.models.meeting import (
        DEFAULT_ROLE_CATALOGUE,
        AgendaItem,
        Attendance,
        Meeting,
        MeetingSeries,
        PreRead,
        RoleAssignment,
        RoleDef,
    )
    from facilitate.models.partnership import Body, Membership, Office, Organization, Person
    from facilitate.models.protocol import ProtocolStep
    from facilitate.models.rules import (
        GroundRule,
        GroundRuleSet,
        GroundRuleSetVersion,
        RuleInvocation,
    )
    from facilitate.models.sharing import EntryLink, MinutesApproval, ShareRecord
    from facilitate.models.tiers import ReportingLine, ReportUp

    ALL_RECORD_TYPES: tuple[type[Record], ...]

# Where each name lives.
_HOMES = {
    "Record": "base",
    "new_id": "ids",
    "utcnow": "ids",
    "ActionItem": "capture",
    "ActionUpdate": "capture",
    "Amendment": "capture",
    "CaptureDraft": "capture",
    "ConsentObjection": "capture",
    "Decision": "capture",
    "EntryRevision": "capture",
    "Note": "capture",
    "Objection": "capture",
    "ParkingLotItem": "capture",
    "Reflection": "capture",
    "RollCall": "capture",
    "Someone": "capture",
    "DEFAULT_ROLE_CATALOGUE": "meeting",
    "AgendaItem": "meeting",
    "Attendance": "meeting",
    "Meeting": "meeting",
    "MeetingSeries": "meeting",
    "RoleAssignment": "meeting",
    "RoleDef": "meeting",
    "PreRead": "meeting",
    "Theme": "loop",
    "EntryTheme": "loop",
    "LoopResponse": "loop",
    "Office": "partnership",
    "Body": "partnership",
    "Membership": "partnership",
    "Organization": "partnership",
    "Person": "partnership",
    "GroundRule": "rules",
    "GroundRuleSet": "rules",
    "GroundRuleSetVersion": "rules",
    "RuleInvocation": "rules",
    "EntryLink": "sharing",
    "MinutesApproval": "sharing",
    "ShareRecord": "sharing",
    "SharingAgreement": "agreement",
    "ProtocolStep": "protocol",
    "ReportingLine": "tiers",
    "ReportUp": "tiers",
}

_RECORD_TYPE_NAMES = (
    "Organization",
    "Person",
    "Body",
    "Membership",
    "MeetingSeries",
    "Meeting",
    "AgendaItem",
    "RoleAssignment",
    "Attendance",
    "GroundRuleSet",
    "GroundRuleSetVersion",
    "GroundRule",
    "RuleInvocation",
    "Note",
    "Decision",
    "ActionItem",
    "ActionUpdate",
    "ParkingLotItem",
    "EntryRevision",
    "Reflection",
    "ShareRecord",
    "MinutesApproval",
    "EntryLink",
    "CaptureDraft",
    "SharingAgreement",
    "ProtocolStep",
    "ReportingLine",
    "ReportUp",
    "Office",
    "PreRead",
    "Theme",
    "EntryTheme",
    "LoopResponse",
)


def __getattr__(name: str) -> Any:
    if name == "ALL_RECORD_TYPES":
        value: Any = tuple(__getattr__(n) for n in _RECORD_TYPE_NAMES)
    elif name in _HOMES:
        value = getattr(importlib.import_module(f"facilitate.models.{_HOMES[name]}"), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


__all__ = [
    "ALL_RECORD_TYPES",
    "DEFAULT_ROLE_CATALOGUE",
    "ActionItem",
    "ActionUpdate",
    "AgendaItem",
    "Amendment",
    "Attendance",
    "Body",
    "CaptureDraft",
    "ConsentObjection",
    "Decision",
    "EntryLink",
    "EntryRevision",
    "EntryTheme",
    "GroundRule",
    "GroundRuleSet",
    "GroundRuleSetVersion",
    "LoopResponse",
    "Meeting",
    "MeetingSeries",
    "Membership",
    "MinutesApproval",
    "Note",
    "Objection",
    "Office",
    "Organization",
    "ParkingLotItem",
    "Person",
    "PreRead",
    "ProtocolStep",
    "Record",
    "Reflection",
    "ReportUp",
    "ReportingLine",
    "RoleAssignment",
    "RoleDef",
    "RollCall",
    "RuleInvocation",
    "ShareRecord",
    "SharingAgreement",
    "Someone",
    "Theme",
    "new_id",
    "utcnow",
]
