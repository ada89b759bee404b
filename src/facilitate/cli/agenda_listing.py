"""A meeting's agenda as plain text, numbered as every `facilitate agenda` command addresses
its items: printed by `agenda show`, `agenda new` and after each `agenda item` change."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from facilitate.store import Store


def render_agenda(store: Store, meeting_id: str) -> str:
    """The agenda as plain text: numbered items, time boxes, leads, proposers, running total."""
    from facilitate.models import Meeting
    from facilitate.services.people import directory
    from facilitate.services.plan import agenda, pre_reads
    from facilitate.services.plan.cancel import cancelled_note
    from facilitate.services.plan.pre_reads import size_label

    meeting = store.get(Meeting, meeting_id)
    cancelled = cancelled_note(meeting)
    lines = [
        meeting.title + (f"  ({cancelled})" if cancelled else ""),
        f"{meeting.starts_at:%A %B %d, %Y %H:%M} · {meeting.minutes} min"
        + (f" · {meeting.location}" if meeting.location else "")
        + (" (neutral venue)" if meeting.neutral_venue else ""),
    ]
    if meeting.join_info:
        lines.append(f"How to join: {meeting.join_info}")
    lines.append("")
    clock = 0
    for number, item in enumerate(agenda.items(store, meeting.id), start=1):
        lead = directory.lead_label(
            store, item.lead_person_id, item.lead_organization_id, item.lead_text
        )
        lines.append(
            f"{number:>2}. [{clock:>3}'] {item.title}  ({item.purpose.value}, "
            f"{item.minutes} min{', ' + lead if lead else ''})"
        )
        if item.desired_outcome:
            lines.append(f"      Outcome: {item.desired_outcome}")
        proposer = directory.proposer_label(
            store, item.proposed_by_person_id, item.proposed_by_organization_id
        )
        if proposer:
            when = f" on {item.proposed_on:%b %d}" if item.proposed_on else ""
            lines.append(f"      Proposed by {proposer}{when}")
        lines.extend(f"      - {prompt}" for prompt in item.prompts)
        lines.extend(
            f"      Pre-read: {p.file_name} ({size_label(p.size)})"
            for p in pre_reads.listed(store, item.id)
        )
        clock += item.minutes
    timing = agenda.timing(store, meeting)
    lines.append("")
    if timing.is_over:
        lines.append(f"Planned {timing.planned} of {timing.length} min: OVER by {timing.over_by}")
    else:
        lines.append(f"Planned {timing.planned} of {timing.length} min")
    return "\n".join(lines)
