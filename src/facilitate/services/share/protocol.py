"""A body's communication protocol: set and read what goes out after its meetings, and by when.

What is due under it is in `sharing_due`; what an audience may see is `record.audience`'s.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from facilitate.errors import Refusal
from facilitate.models import Body, ProtocolStep
from facilitate.models.enums import Visibility
from facilitate.models.protocol import Duty
from facilitate.services.record.audience import AUDIENCES
from facilitate.store import Store

DUTY_LABELS: dict[Duty, str] = {
    Duty.DRAFT_MINUTES: "Draft minutes",
    Duty.APPROVED_MINUTES: "Approved minutes",
    Duty.ACTION_REMINDERS: "Action reminders",
}
# What each duty's days count from, for reading.
_COUNTED_FROM: dict[Duty, str] = {
    Duty.DRAFT_MINUTES: "within {days} days of the meeting",
    Duty.APPROVED_MINUTES: "within {days} days of approval",
    Duty.ACTION_REMINDERS: "{days} days before each action's due date",
}


class ProtocolError(Refusal):
    """A protocol step that cannot be recorded; the message names the field."""


@dataclass(frozen=True)
class StepFields:
    """What a coordinator sets for one duty; `days` None takes the duty out of the protocol."""

    duty: Duty
    days: int | None
    audience: Visibility = Visibility.PARTNERS


def parse_duty(text: str) -> Duty:
    """ "draft-minutes", "draft minutes", "Draft_Minutes" -> Duty.DRAFT_MINUTES."""
    wanted = "-".join(text.strip().casefold().replace("_", " ").split())
    for duty in Duty:
        if duty.value == wanted:
            return duty
    known = ", ".join(d.value for d in Duty)
    raise ProtocolError(f"duty: “{text}” is not one of {known}")


def parse_days(text: str) -> int | None:
    """ "7" -> 7; "off" (or "none", "-") -> None: the duty leaves the protocol."""
    cleaned = text.strip().casefold()
    if cleaned in {"off", "none", "-", ""}:
        return None
    try:
        days = int(cleaned)
    except ValueError:
        raise ProtocolError(f"days: “{text}” is not a number of days (or “off”)") from None
    if not 0 <= days <= 365:
        raise ProtocolError(f"days: {days} is outside 0 to 365")
    return days


def steps(store: Store, body_id: str) -> list[ProtocolStep]:
    """The body's protocol, in the order of `Duty` (a meeting's life: draft, approved, actions)."""
    order = list(Duty)
    found = store.find(ProtocolStep, body_id=body_id)
    return sorted(found, key=lambda step: order.index(step.duty))


def set_step(store: Store, body_id: str, fields: StepFields, *, on: date) -> ProtocolStep | None:
    """Record one duty of a body's protocol (or take it out with `days` None). A new duty holds
    for meetings from `on`; changing one keeps its first date, so what was due stays due."""
    store.get(Body, body_id)
    if fields.audience not in AUDIENCES:
        raise ProtocolError(
            "to: confidential entries are never sent; choose public, partners or internal"
        )
    with store.transaction():
        # Read inside the write's transaction: another window may have set this duty meanwhile.
        existing = store.find(ProtocolStep, body_id=body_id, duty=fields.duty.value)
        if fields.days is None:
            for step in existing:
                store.delete(ProtocolStep, step.id)
            return None
        if existing:
            step = existing[0]
            step.days = fields.days
            step.audience = fields.audience
            return store.update_fields(step, ["days", "audience"])
        return store.insert(
            ProtocolStep(
                body_id=body_id,
                duty=fields.duty,
                audience=fields.audience,
                days=fields.days,
                since=on,
            )
        )


def describe_step(step: ProtocolStep) -> str:
    """ "Draft minutes to partners within 7 days of the meeting (from Nov 01 2026)"."""
    when = _COUNTED_FROM[step.duty].format(days=step.days)
    return f"{DUTY_LABELS[step.duty]} to {step.audience.value} {when} (from {step.since:%b %d %Y})"


def describe(store: Store, body: Body) -> list[str]:
    """The body's protocol in plain lines, for the CLI and the app."""
    found = steps(store, body.id)
    if not found:
        return [f"{body.name}: no communication protocol yet"]
    return [f"{body.name}:"] + [f"  {describe_step(step)}" for step in found]
