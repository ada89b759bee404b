"""Action items' due dates and the next meeting as an iCalendar file.

Each dated, still-open action becomes an all-day VEVENT, not a VTODO: every mainstream calendar
(Google Calendar, Outlook, Apple Calendar, Thunderbird) imports all-day events from a file,
while VTODO import is patchy (Google ignores tasks in an .ics, Outlook drops them). Events are
TRANSPARENT so they never show the owner as busy, and say each action's status as of the export,
dated. The next meeting is a timed event with its place, in the partnership's time zone (with
its VTIMEZONE), or an all-day event when only its date is known. UIDs derive from record ids, so
importing a later export updates the same events instead of duplicating them. icalendar does the
RFC 5545 escaping and line folding.

A calendar needs at least one component to be valid (RFC 5545 §3.6): with nothing dated to add,
`render_minutes` returns None and no calendar file is written.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from facilitate.services.record.document import MinutesDocument, NextMeetingLine

UID_DOMAIN = "facilitate.local"


def action_uid(action_id: str) -> str:
    return f"action-{action_id}@{UID_DOMAIN}"


def _dated_actions(doc: MinutesDocument) -> list[Event]:
    w = doc.words
    as_of = doc.short_date(doc.generated_at.date())
    events = []
    for action in doc.actions:
        if action.due is None or not action.status.is_open:
            continue
        event = Event()
        event.add("uid", action_uid(action.id))
        event.add("dtstamp", doc.generated_at)
        event.add("dtstart", action.due)
        event.add("dtend", action.due + timedelta(days=1))
        event.add("summary", w.due_summary.format(text=action.text))
        who = ", ".join(p for p in (action.owner, action.organization) if p)
        lines = [
            action.text,
            "",
            f"{w.owner}: {who or w.not_assigned}",
            f"{w.status}: {w.status_as_of.format(status=action.status_label, date=as_of)}",
        ]
        if action.agenda_item:
            lines.append(f"{w.agenda_item}: {action.agenda_item}")
        lines.append(
            w.from_minutes.format(
                status=doc.status_word, title=doc.title, date=doc.long_date(doc.day)
            )
        )
        event.add("description", "\n".join(lines))
        event.add("transp", "TRANSPARENT")
        event.add("categories", [w.action_category])
        events.append(event)
    return events


def _moment(day: date, clock: time, zone: str) -> datetime:
    return datetime.combine(day, clock, tzinfo=ZoneInfo(zone) if zone else None)


def _next_meeting(doc: MinutesDocument, following: NextMeetingLine) -> Event:
    w = doc.words
    event = Event()
    event.add("uid", f"next-meeting-{doc.meeting_id}@{UID_DOMAIN}")
    event.add("dtstamp", doc.generated_at)
    event.add("summary", w.next_meeting_summary.format(body=doc.body))
    description = [w.next_meeting_description.format(title=doc.title), doc.next_meeting_text()]
    if following.starts is not None:
        # A zone-less time is "floating": each reader's calendar puts it at that local time.
        event.add("dtstart", _moment(following.day, following.starts, doc.time_zone))
        ends = following.ends or following.starts
        event.add("dtend", _moment(following.day, ends, doc.time_zone))
        if following.place:
            event.add("location", following.place)
    else:
        event.add("dtstart", following.day)
        event.add("dtend", following.day + timedelta(days=1))
        event.add("transp", "TRANSPARENT")
    event.add("description", "\n".join(description))
    return event


def render_minutes(doc: MinutesDocument) -> bytes | None:
    """The calendar of the minutes, or None when nothing in them has a date to add."""
    w = doc.words
    events = _dated_actions(doc)
    if doc.next_meeting is not None:
        events.append(_next_meeting(doc, doc.next_meeting))
    if not events:
        return None
    calendar = Calendar()
    calendar.add("prodid", "-//facilitate//Partnership minutes//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", w.calendar_name.format(title=doc.title))
    calendar.add(
        "x-wr-caldesc",
        w.calendar_description.format(
            status=doc.status_word, title=doc.title, version=doc.version_label
        ),
    )
    if doc.time_zone:
        calendar.add("x-wr-timezone", doc.time_zone)
    for event in events:
        calendar.add_component(event)
    calendar.add_missing_timezones()
    data: bytes = calendar.to_ical()
    return data
