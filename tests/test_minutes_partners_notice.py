"""What a partner's director notices before forwarding the minutes, one test per item (issue
#15): every role held, quorum in plain words, guests marked, titles with their year, times with
their zone, the real next meeting, actions with their status and agenda item."""

from __future__ import annotations

import io
import re
from datetime import UTC, date, datetime, time

import pytest
from docx import Document
from icalendar import Calendar

from facilitate.export import render_minutes
from facilitate.models import ActionItem, Attendance, Meeting, RoleAssignment
from facilitate.models.enums import ActionStatus, Visibility
from facilitate.services.record.minutes import build_minutes
from facilitate.services.record.settings import TIME_ZONE, set_setting
from facilitate.services.share.sharing import ExportFormat
from facilitate.store import Store

from .test_exports import csv_rows, docx_text, html_text, one
from .test_minutes import demo_meetings, org, person


def test_every_role_held_is_named_with_plurals(demo_store: Store) -> None:
    october = demo_meetings(demo_store)["october"]
    for role, who in (
        ("co_facilitator", "Dana Whitfield"),
        ("co_facilitator", "Sofia Alvarez"),
        ("timekeeper", "Marcus Reyes"),
    ):
        demo_store.insert(
            RoleAssignment(
                meeting_id=october.id, role_key=role, person_id=person(demo_store, who).id
            )
        )
    doc = build_minutes(demo_store, october.id, Visibility.PARTNERS)
    assert [(r.role, r.name) for r in doc.roles] == [
        ("Facilitator", "Priya Natarajan"),
        ("Co-facilitators", "Dana Whitfield, Sofia Alvarez"),
        ("Note-taker", "Keisha Brown"),
        ("Timekeeper", "Marcus Reyes"),
    ]
    assert (
        "- **Co-facilitators:** Dana Whitfield, Sofia Alvarez" in one(doc, ExportFormat.MD).decode()
    )
    assert "Timekeeper: Marcus Reyes" in docx_text(one(doc, ExportFormat.DOCX))


def test_quorum_reads_as_a_sentence(demo_store: Store) -> None:
    october = demo_meetings(demo_store)["october"]
    doc = build_minutes(demo_store, october.id, Visibility.PARTNERS)
    assert doc.quorum is not None
    assert doc.quorum.summary.startswith("Quorum met: 8 members present (6 needed);")
    assert "Quorum met: 8 members present (6 needed)" in html_text(
        one(doc, ExportFormat.HTML).decode()
    )


def test_a_guest_sitting_for_an_organization_is_marked_guest(demo_store: Store) -> None:
    october = demo_meetings(demo_store)["october"]
    court = org(demo_store, "Family Court")
    demo_store.insert(
        Attendance(meeting_id=october.id, guest_name="Ana Ruiz", organization_id=court.id)
    )
    doc = build_minutes(demo_store, october.id, Visibility.PARTNERS)
    assert doc.attendance is not None
    groups = {g.organization: g.people for g in doc.attendance.present}
    assert groups["Family Court"] == ("Judge Ellen Marsh", "Keisha Brown", "Ana Ruiz (guest)")


def test_a_title_without_its_year_gets_one(demo_store: Store) -> None:
    core = next(m for m in demo_store.find(Meeting) if m.title.startswith("Core Team — "))
    assert str(core.starts_at.year) not in core.title
    doc = build_minutes(demo_store, core.id, Visibility.PARTNERS)
    assert doc.title == f"{core.title}, {core.starts_at.year}"
    october = demo_meetings(demo_store)["october"]
    title = build_minutes(demo_store, october.id, Visibility.PARTNERS).title
    assert title == "Steering Committee — October 2026"  # already says its year


def test_times_carry_the_time_zone_set(demo_store: Store) -> None:
    october = demo_meetings(demo_store)["october"]
    set_setting(demo_store, TIME_ZONE, "America/Chicago")
    doc = build_minutes(demo_store, october.id, Visibility.PARTNERS)
    assert dict(doc.header_rows())["Date"] == ("Sunday, October 25, 2026, 13:00–15:00 CDT")
    # The next meeting falls after the change of clocks: its own zone name.
    assert "13:00–15:00 CST" in doc.next_meeting_text()
    spanish = build_minutes(demo_store, october.id, Visibility.PARTNERS, language="es")
    assert spanish.when() == "domingo, 25 de octubre de 2026, 13:00–15:00 hora de verano central"


def test_next_meeting_is_the_series_next_planned_meeting(demo_store: Store) -> None:
    """October's closing said Nov 22; the series' next meeting is planned for Nov 29."""
    meetings = demo_meetings(demo_store)
    october, november = meetings["october"], meetings["november"]
    assert october.next_meeting_date == date(2026, 11, 22)
    doc = build_minutes(demo_store, october.id, Visibility.PARTNERS)
    assert doc.next_meeting is not None
    assert doc.next_meeting.day == november.starts_at.date() == date(2026, 11, 29)
    assert doc.next_meeting.starts == time(13) and doc.next_meeting.ends == time(15)
    text = doc.next_meeting_text()
    assert text.startswith("Sunday, November 29, 2026, 13:00–15:00")
    assert text.endswith("Northside Family Resource Center, Community Room (neutral venue).")
    for fmt in (ExportFormat.MD, ExportFormat.HTML):
        assert "November 29, 2026, 13:00–15:00" in one(doc, fmt).decode()
    assert "November 29, 2026, 13:00–15:00" in docx_text(one(doc, ExportFormat.DOCX))


def test_next_meeting_falls_back_to_the_date_set_at_closing(demo_store: Store) -> None:
    november = demo_meetings(demo_store)["november"]
    assert build_minutes(demo_store, november.id, Visibility.PARTNERS).next_meeting is None
    november.next_meeting_date = date(2026, 12, 27)
    demo_store.save(november)
    doc = build_minutes(demo_store, november.id, Visibility.PARTNERS)
    assert doc.next_meeting_text() == ("Sunday, December 27, 2026. Time and place to be confirmed.")


def test_action_tables_have_a_status_column_everywhere(demo_store: Store) -> None:
    september = demo_meetings(demo_store)["september"]
    doc = build_minutes(demo_store, september.id, Visibility.PARTNERS)
    md = one(doc, ExportFormat.MD).decode()
    assert "| Action | Owner | Organization | Due | Status |" in md
    assert "| In progress |" in md
    html = one(doc, ExportFormat.HTML).decode()
    assert '<th scope="col" class="narrow">Status</th>' in html
    word = Document(io.BytesIO(one(doc, ExportFormat.DOCX)))
    headers = [[c.text for c in t.rows[0].cells] for t in word.tables]
    assert ["Action", "Owner", "Organization", "Due", "Status"] in headers
    assert "In progress" in [c.text for t in word.tables for r in t.rows for c in r.cells]


def test_actions_outside_the_agenda_are_other_business_with_their_item(
    demo_store: Store,
) -> None:
    october = demo_meetings(demo_store)["october"]
    doc = build_minutes(demo_store, october.id, Visibility.PARTNERS)
    assert doc.other.title == "Other business"
    assert doc.other.actions and all(a.agenda_item == "Other business" for a in doc.other.actions)
    _, actions, _ = render_minutes(doc, ExportFormat.CSV)
    rows = csv_rows(actions.data)
    assert rows and all(row["agenda_item"] for row in rows)


@pytest.mark.parametrize("audience", [Visibility.PUBLIC, Visibility.PARTNERS, Visibility.INTERNAL])
def test_notes_come_as_a_csv_per_audience(demo_store: Store, audience: Visibility) -> None:
    september = demo_meetings(demo_store)["september"]
    doc = build_minutes(demo_store, september.id, audience)
    files = render_minutes(doc, ExportFormat.CSV)
    assert [f.suffix for f in files] == ["-decisions.csv", "-actions.csv", "-notes.csv"]
    rows = csv_rows(files[2].data)
    expected = [n.text for s in doc.sections() for n in s.notes]
    assert [r["note"] for r in rows] == expected
    assert all(r["agenda_item"] and r["minutes_status"] == "approved" for r in rows)
    if audience is Visibility.PUBLIC:
        assert "Staffing shortfall at CFS intake discussed" not in str(rows)


def test_action_status_in_the_calendar_is_dated(demo_store: Store) -> None:
    september = demo_meetings(demo_store)["september"]
    stamp = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
    doc = build_minutes(demo_store, september.id, Visibility.PARTNERS, generated_at=stamp)
    calendar = Calendar.from_ical(one(doc, ExportFormat.ICS))
    descriptions = [str(e["description"]) for e in calendar.walk("VEVENT")]
    in_progress = demo_store.find(
        ActionItem, meeting_id=september.id, status=ActionStatus.IN_PROGRESS
    )
    assert len(in_progress) == 1
    assert any("Status: In progress (as of Nov 22, 2026)" in d for d in descriptions)
    assert any("Status: Open (as of Nov 22, 2026)" in d for d in descriptions)


def test_print_keeps_dates_whole_and_lets_long_rows_break(demo_store: Store) -> None:
    """Chromium's print of these rules is checked by scripts/check_readers.py (two pages for a
    normal meeting, the table's right edge drawn); here, that the rules are there."""
    september = demo_meetings(demo_store)["september"]
    page = one(build_minutes(demo_store, september.id, Visibility.PARTNERS), ExportFormat.HTML)
    html = page.decode()
    for row in re.findall(r"<tr>(.*?)</tr>", html):
        cells = re.findall(r"<td([^>]*)>", row)
        if len(cells) == 5:  # an action: due date and status never wrap
            assert [("narrow" in c) for c in cells] == [False, False, False, True, True]
    css = html[html.index("<style>") : html.index("</style>")]
    assert re.search(r"\.narrow \{ white-space: nowrap;", css)
    avoid = re.findall(r"([^{}]+)\{ break-inside: avoid", css)
    assert avoid and all("tr" not in selectors.split(",") for selectors in avoid)
    assert "width: calc(100% - 1px)" in css


def test_the_next_meeting_is_a_timed_event_with_place_and_zone(demo_store: Store) -> None:
    october = demo_meetings(demo_store)["october"]
    set_setting(demo_store, TIME_ZONE, "America/Los_Angeles")
    doc = build_minutes(demo_store, october.id, Visibility.PARTNERS)
    calendar = Calendar.from_ical(one(doc, ExportFormat.ICS))
    [event] = [e for e in calendar.walk("VEVENT") if str(e["uid"]).startswith("next-meeting-")]
    start, end = event.decoded("dtstart"), event.decoded("dtend")
    assert isinstance(start, datetime) and start.tzinfo is not None
    assert (start.isoformat(), end.isoformat()) == (
        "2026-11-29T13:00:00-08:00",
        "2026-11-29T15:00:00-08:00",
    )
    assert event["dtstart"].params["TZID"] == "America/Los_Angeles"
    assert [str(z["tzid"]) for z in calendar.walk("VTIMEZONE")] == ["America/Los_Angeles"]
    assert str(event["location"]) == "Northside Family Resource Center, Community Room"


def test_a_calendar_with_nothing_dated_is_not_written(demo_store: Store) -> None:
    session = demo_meetings(demo_store)["listening"]
    doc = build_minutes(demo_store, session.id, Visibility.PARTNERS)
    assert doc.next_meeting is None and not any(a.due for a in doc.actions)
    assert render_minutes(doc, ExportFormat.ICS) == []
