"""One way to name a meeting (services/lookup.find_meeting): an id or its start, a date in any
form the app reads, words of its title or series, or a date and words; one message when nothing
or several match. Against the demo partnership in a real file, with a fixed today."""

from __future__ import annotations

from datetime import datetime

import pytest

from facilitate.models import Meeting
from facilitate.services.lookup import MeetingReferenceError, find_meeting
from facilitate.services.meeting_forms import MEETING_FORMS
from facilitate.store import Store

from .conftest import TODAY
from .test_minutes import demo_meetings


@pytest.mark.parametrize(
    "ref",
    [
        "2026-10-25",
        "10/25",
        "10/25/2026",
        "oct 25",
        "October 25th",
        "Oct 25, 2026",
        "10/25 steering",
        "oct 25 Steering",
        "steering 10/25",
        "2026-10-25 steering committee",
        "October 2026",
    ],
)
def test_every_date_form_and_words_name_the_october_meeting(demo_store: Store, ref: str) -> None:
    october = demo_meetings(demo_store)["october"]
    assert find_meeting(demo_store, ref, today=TODAY).id == october.id


def test_the_words_may_come_as_typed_on_the_command_line(demo_store: Store) -> None:
    october = demo_meetings(demo_store)["october"]
    assert find_meeting(demo_store, ("10/25", "steering"), today=TODAY).id == october.id
    with pytest.raises(MeetingReferenceError, match=r"^no meeting on December 1 "):
        find_meeting(demo_store, ("dec", "1"), today=TODAY)


def test_relative_dates_count_from_today(demo_store: Store) -> None:
    november = demo_meetings(demo_store)["november"]  # 2026-11-29, a week after TODAY
    assert find_meeting(demo_store, "next sun", today=TODAY).id == november.id
    assert find_meeting(demo_store, "in a week steering", today=TODAY).id == november.id
    with pytest.raises(MeetingReferenceError, match="no meeting on 2026-11-22;"):
        find_meeting(demo_store, "today", today=TODAY)


def test_a_date_without_a_year_names_that_day_of_any_year(demo_store: Store) -> None:
    october = demo_meetings(demo_store)["october"]
    # Said after the day has passed this year, 10/25 still means the meeting held then.
    later = TODAY.replace(year=2027, month=3)
    assert find_meeting(demo_store, "10/25", today=later).id == october.id
    demo_store.insert(
        Meeting(
            series_id=october.series_id,
            title="Steering Committee — October 2025",
            starts_at=datetime(2025, 10, 25, 13, 0),
        )
    )
    with pytest.raises(MeetingReferenceError) as error:
        find_meeting(demo_store, "10/25", today=TODAY)
    said = str(error.value)
    assert said.startswith("2 meetings on October 25 (any year): 2025-10-25 13:00 ")
    assert f"(id {october.id[:8]})" in said and "2026-10-25 13:00" in said
    assert find_meeting(demo_store, "2026-10-25", today=TODAY).id == october.id
    assert find_meeting(demo_store, "10/25/26", today=TODAY).id == october.id


def test_nothing_matching_is_one_message_saying_how_to_name_one(demo_store: Store) -> None:
    for ref, what in [
        ("12/1", "on December 1 (any year)"),
        ("nope", "matching 'nope'"),
        ("2026-10-25 budget", "on 2026-10-25 matching 'budget'"),
        ("abcdef", "matching 'abcdef'"),
    ]:
        with pytest.raises(MeetingReferenceError) as error:
            find_meeting(demo_store, ref, today=TODAY)
        assert str(error.value) == f"no meeting {what}; name one as {MEETING_FORMS}"


def test_a_day_no_calendar_has_is_said_so(demo_store: Store) -> None:
    with pytest.raises(MeetingReferenceError, match=r"^2/30 is not a valid date \(there is no"):
        find_meeting(demo_store, "2/30 steering", today=TODAY)


def test_several_matching_lists_each_with_date_title_and_id(demo_store: Store) -> None:
    meetings = demo_meetings(demo_store)
    with pytest.raises(MeetingReferenceError) as error:
        find_meeting(demo_store, "steering", today=TODAY)
    said = str(error.value)
    assert said.startswith("4 meetings matching 'steering': 2026-08-30 13:00 Steering Committee")
    for name in ("august", "september", "october", "november"):
        assert f"{meetings[name].title} [Steering Committee (monthly)] (id " in said
        assert f"(id {meetings[name].id[:8]})" in said
    assert said.endswith("Be more specific. Add a series name, the year, or use more of the id.")


def test_an_id_or_its_start_still_names_it(demo_store: Store) -> None:
    listening = demo_meetings(demo_store)["listening"]
    assert find_meeting(demo_store, listening.id, today=TODAY).id == listening.id
    assert find_meeting(demo_store, listening.id[:8].upper(), today=TODAY).id == listening.id


def test_a_title_that_begins_like_a_date_is_found_by_its_words(demo_store: Store) -> None:
    october = demo_meetings(demo_store)["october"]
    made = demo_store.insert(
        Meeting(
            series_id=october.series_id,
            title="Friday forum",
            starts_at=datetime(2026, 9, 4, 12, 0),
        )
    )
    assert find_meeting(demo_store, "friday forum", today=TODAY).id == made.id
