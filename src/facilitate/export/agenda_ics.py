"""The meeting as a calendar invitation: one VEVENT with a UID that never changes for the meeting,
so a later invitation replaces the earlier one in a partner's calendar; SEQUENCE says which
version it is (the caller counts it from the sharing log). A cancelled meeting's invitation is a
CANCEL of the same UID, STATUS:CANCELLED, so the partner's calendar removes the event.
icalendar does the escaping."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from facilitate.export.agenda_text import item_time
from facilitate.services.share.agenda_document import AgendaDocument

UID_DOMAIN = "facilitate.local"


def meeting_uid(meeting_id: str) -> str:
    return f"meeting-{meeting_id}@{UID_DOMAIN}"


def location(doc: AgendaDocument) -> str:
    """The place, or how to join when the meeting has no room (a video call)."""
    if doc.place:
        return doc.where
    return " ".join(doc.join_info.split()) or doc.where


def description(doc: AgendaDocument) -> str:
    """The agenda in a few plain lines, as calendars show a description. A cancellation's is
    its reason only: no agenda goes with it, as its e-mail says (issue #19)."""
    w = doc.words
    if doc.cancelled:
        return doc.cancellation
    lines = [w.agenda_of.format(title=doc.title), doc.where]
    if doc.join_info:
        lines.append(f"{w.how_to_join}: {doc.join_info}")
    lines.append("")
    lines += [f"{line.number}. {line.title} ({item_time(doc, line)})" for line in doc.items]
    return "\n".join(lines)


def render_invitation(doc: AgendaDocument, sequence: int) -> bytes:
    """An iCalendar REQUEST-free PUBLISH of the meeting: importing it adds or updates the event;
    for a cancelled meeting, a CANCEL that removes it."""
    zone = ZoneInfo(doc.time_zone) if doc.time_zone else None
    event = Event()
    event.add("uid", meeting_uid(doc.meeting_id))
    event.add("sequence", sequence)
    event.add("dtstamp", doc.generated_at)
    # A zone-less time is "floating": each reader's calendar puts it at that local time.
    event.add("dtstart", doc.starts_at.replace(tzinfo=zone))
    event.add("dtend", doc.ends_at.replace(tzinfo=zone))
    event.add("summary", doc.title)
    event.add("location", location(doc))
    event.add("description", description(doc))
    event.add("status", "CANCELLED" if doc.cancelled else "CONFIRMED")
    calendar = Calendar()
    calendar.add("prodid", "-//facilitate//Partnership agenda//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "CANCEL" if doc.cancelled else "PUBLISH")
    calendar.add_component(event)
    calendar.add_missing_timezones()
    data: bytes = calendar.to_ical()
    return data
