"""Action items' due dates (and the next meeting) as an iCalendar file.

Each dated, still-open action becomes an all-day VEVENT, not a VTODO: every mainstream calendar
(Google Calendar, Outlook, Apple Calendar, Thunderbird) imports all-day events from a file,
while VTODO import is patchy (Google ignores tasks in an .ics, Outlook drops them). Events are
TRANSPARENT so they never show the owner as busy. UIDs derive from the action's id, so
importing a later export updates the same event instead of duplicating it. icalendar does the
RFC 5545 escaping and line folding.
"""

from __future__ import annotations

from datetime import timedelta

from icalendar import Calendar, Event

from facilitate.services.record.document import MinutesDocument
from facilitate.services.record.wording import long_date

UID_DOMAIN = "facilitate.local"


def action_uid(action_id: str) -> str:
    return f"action-{action_id}@{UID_DOMAIN}"


def render_minutes(doc: MinutesDocument) -> bytes:
    status = doc.status.value.upper()
    calendar = Calendar()
    calendar.add("prodid", "-//facilitate//Partnership minutes//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"Action items: {doc.title}")
    calendar.add(
        "x-wr-caldesc",
        f"Due dates from the {status} minutes of {doc.title} ({doc.audience_label} version).",
    )
    for action in doc.actions:
        if action.due is None or not action.status.is_open:
            continue
        event = Event()
        event.add("uid", action_uid(action.id))
        event.add("dtstamp", doc.generated_at)
        event.add("dtstart", action.due)
        event.add("dtend", action.due + timedelta(days=1))
        event.add("summary", f"Due: {action.text}")
        who = ", ".join(p for p in (action.owner, action.organization) if p)
        lines = [
            action.text,
            "",
            f"Owner: {who or 'not assigned'}",
            f"Status: {action.status_label}",
            f"From the {status} minutes of {doc.title} ({long_date(doc.day)}).",
        ]
        if action.agenda_item:
            lines.insert(3, f"Agenda item: {action.agenda_item}")
        event.add("description", "\n".join(lines))
        event.add("transp", "TRANSPARENT")
        event.add("categories", ["Action item"])
        calendar.add_component(event)
    if doc.next_meeting is not None:
        event = Event()
        event.add("uid", f"next-meeting-{doc.meeting_id}@{UID_DOMAIN}")
        event.add("dtstamp", doc.generated_at)
        event.add("dtstart", doc.next_meeting)
        event.add("dtend", doc.next_meeting + timedelta(days=1))
        event.add("summary", f"Next meeting: {doc.body}")
        event.add("description", f"Set at {doc.title}. Check the agenda for the time and place.")
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data
