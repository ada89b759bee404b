"""Shared ownership (issue #17): an action with several owners, people and organizations, or the
whole body; shown in the minutes, the CSV and the calendar."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from facilitate.export import ics
from facilitate.export.csv import actions_csv
from facilitate.export.markdown import render_minutes
from facilitate.models import ActionItem, Meeting
from facilitate.models.enums import Visibility
from facilitate.services.plan import agenda
from facilitate.services.record.minutes import build_minutes
from facilitate.services.run import attendance, capture, live
from facilitate.services.run.quick_entry import EntryKind, parse_line
from facilitate.store import Store

from .helpers.demo_lookup import org, person, upcoming

T0 = datetime(2026, 11, 29, 21, 0, tzinfo=UTC)
DAY = date(2026, 12, 1)


@pytest.fixture
def meeting(demo_store: Store) -> Meeting:
    """The demo steering meeting, open on its first item, with three people checked in."""
    found = upcoming(demo_store)
    for name in ("Dana Whitfield", "Lorraine Whitecloud", "Tom Okafor"):
        attendance.check_in(demo_store, found.id, person(demo_store, name).id)
    live.open_meeting(demo_store, found.id, now=T0)
    live.start_item(demo_store, agenda.items(demo_store, found.id)[0].id, now=T0)
    return demo_store.get(Meeting, found.id)


def _action(store: Store, meeting: Meeting, line: str) -> ActionItem:
    result = capture.capture_line(store, meeting.id, line)
    assert isinstance(result.entry, ActionItem), result.problems
    return store.get(ActionItem, result.entry.id)


def test_two_owners_make_an_action_not_a_note() -> None:
    entry = parse_line("/a Draft the letter @michelle @marty due:fri", DAY)
    assert entry.kind is EntryKind.ACTION, entry.problems
    assert (entry.owner_handle, entry.co_owners) == ("michelle", ("marty",))


@pytest.mark.parametrize("owner", ["@everyone", "@all", '@"all members"'])
def test_the_whole_body_can_own_an_action(owner: str) -> None:
    entry = parse_line(f"/a Read the bylaws {owner} due:fri", DAY)
    assert entry.kind is EntryKind.ACTION, entry.problems
    assert entry.whole_body
    assert entry.text == "Read the bylaws"
    assert not any("no owner" in w for w in entry.warnings)


def test_shared_owners_are_stored_as_people_and_organizations(
    demo_store: Store, meeting: Meeting
) -> None:
    stored = _action(demo_store, meeting, "/a Draft the letter @dana @tom @pp due:fri")
    assert stored.owner_person_id == person(demo_store, "Dana Whitfield").id
    assert stored.co_owners[0].person_id == person(demo_store, "Tom Okafor").id
    assert stored.co_owners[1].organization_id == org(demo_store, "Parent Partners").id


def test_every_owner_is_shown_in_minutes_csv_and_calendar(
    demo_store: Store, meeting: Meeting
) -> None:
    _action(demo_store, meeting, "/a Draft the letter @dana @tom due:fri")
    _action(demo_store, meeting, "/a Read the bylaws @everyone due:fri")
    doc = build_minutes(demo_store, meeting.id, Visibility.PARTNERS)
    markdown = render_minutes(doc)
    assert "Dana Whitfield, Tom Okafor" in markdown
    assert "All members" in markdown
    table = actions_csv(doc).decode("utf-8-sig")
    assert "Dana Whitfield, Tom Okafor" in table
    calendar = ics.render_minutes(doc)
    assert calendar is not None
    unfolded = calendar.decode().replace("\r\n ", "")
    assert "Dana Whitfield\\, Tom Okafor" in unfolded
    spanish = render_minutes(
        build_minutes(demo_store, meeting.id, Visibility.PARTNERS, language="es")
    )
    assert "Todos los miembros" in spanish


def test_each_owners_organization_finds_the_action_in_its_own_list(
    demo_store: Store, meeting: Meeting
) -> None:
    _action(demo_store, meeting, "/a Draft the letter @dana @pp due:fri")
    _action(demo_store, meeting, "/a Read the bylaws @everyone due:fri")
    doc = build_minutes(demo_store, meeting.id, Visibility.PARTNERS)
    parent_partners = org(demo_store, "Parent Partners").id
    assert [a.text for a in doc.actions_for(parent_partners)] == [
        "Draft the letter",
        "Read the bylaws",
    ]
    dana = person(demo_store, "Dana Whitfield").organization_id
    assert dana is not None and dana != parent_partners
    assert "Draft the letter" in [a.text for a in doc.actions_for(dana)]
