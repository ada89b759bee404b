"""The minutes print items in the order taken (issue #17), each under the number the sent
agenda gave it, and an item's lead as the agenda shows it, never a stored key."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from facilitate.cli.agenda_listing import render_agenda
from facilitate.export.markdown import render_minutes
from facilitate.models import AgendaItem, Body, Meeting, MeetingSeries
from facilitate.models.enums import ItemState, Visibility
from facilitate.services.people.directory import lead_label
from facilitate.services.record.minutes import build_minutes
from facilitate.services.run import closing, live
from facilitate.store import Store

GENERATED = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
PLANNED = (
    ("Welcome and check-in", ""),
    ("Family voice report", "family_lived_experience"),
    ("Data review", ""),
    ("Approve minutes of the last meeting", ""),
    ("Barriers and policy issues", ""),
)


def at(minute: int) -> datetime:
    return datetime(2026, 11, 22, 18, minute, tzinfo=UTC)


def _held(store: Store) -> Meeting:
    """A meeting whose chair took item 5 before item 3 and never reached item 4."""
    body = store.insert(Body(name="Steering Committee"))
    series = store.insert(MeetingSeries(body_id=body.id, name="Steering Committee (monthly)"))
    meeting = store.insert(
        Meeting(
            series_id=series.id,
            title="Steering — November",
            starts_at=datetime(2026, 11, 22, 18, 0),
            minutes=90,
        )
    )
    items = [
        store.insert(
            AgendaItem(meeting_id=meeting.id, position=float(n), title=title, lead_text=lead)
        )
        for n, (title, lead) in enumerate(PLANNED, start=1)
    ]
    live.open_meeting(store, meeting.id, now=at(1))
    for minute, n in ((2, 1), (10, 2), (20, 5), (40, 3)):
        live.start_item(store, items[n - 1].id, now=at(minute))
    closing.settle_untaken(store, items[3].id, ItemState.NOT_REACHED)
    closing.close_meeting(store, meeting.id, now=at(59))
    return meeting


def _agenda_numbers(store: Store, meeting: Meeting) -> dict[str, int]:
    """Each title's number as `facilitate agenda show` prints it."""
    found = re.findall(r"^\s*(\d+)\. \[\s*\d+'\] (.+?)  \(", render_agenda(store, meeting.id), re.M)
    return {title: int(number) for number, title in found}


def test_items_keep_their_agenda_numbers_in_the_order_taken(store: Store) -> None:
    meeting = _held(store)
    doc = build_minutes(store, meeting.id, Visibility.PARTNERS, generated_at=GENERATED)
    assert [(s.number, s.title) for s in doc.items] == [
        (1, "Welcome and check-in"),
        (2, "Family voice report"),
        (5, "Barriers and policy issues"),
        (3, "Data review"),
        (4, "Approve minutes of the last meeting"),
    ]
    assert {s.title: s.number for s in doc.items} == _agenda_numbers(store, meeting)
    markdown = render_minutes(doc)
    heading = "### 4. Approve minutes of the last meeting\n\n*For discussion*\n\n*Not reached.*"
    assert heading in markdown
    assert markdown.index("### 5. Barriers") < markdown.index("### 3. Data review")


def test_a_lead_given_as_a_key_reads_as_the_agenda_shows_it(store: Store) -> None:
    meeting = _held(store)
    doc = build_minutes(store, meeting.id, Visibility.PARTNERS, generated_at=GENERATED)
    report = next(s for s in doc.items if s.title == "Family voice report")
    assert report.lead == lead_label(store, None, None, "family_lived_experience")
    assert "family\\_lived\\_experience" not in render_minutes(doc)


def test_a_sector_leading_an_item_is_named_as_people_say_it(store: Store) -> None:
    meeting = _held(store)
    doc = build_minutes(store, meeting.id, Visibility.PARTNERS, generated_at=GENERATED)
    assert "Lead: Family / lived experience" in render_minutes(doc)
