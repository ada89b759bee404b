"""The minutes' "Next meeting" when a meeting's start was stored with a time zone (an import, a
merge from another laptop): stored as UTC text beside the wall-clock text of planned meetings,
it used to sort after itself and name itself as its own next meeting."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from facilitate.models import Body, Meeting, MeetingSeries
from facilitate.models.enums import MeetingStatus, Visibility
from facilitate.services.record import settings
from facilitate.services.record.document import NextMeetingLine
from facilitate.services.record.minutes import build_minutes
from facilitate.store import Store


def _series(store: Store) -> MeetingSeries:
    settings.set_setting(store, settings.TIME_ZONE, "America/Chicago")
    body = store.insert(Body(name="Core Team"))
    return store.insert(MeetingSeries(body_id=body.id, name="Core Team (monthly)"))


def _meeting(store: Store, series: MeetingSeries, starts_at: datetime, **values: object) -> Meeting:
    return store.insert(
        Meeting.model_validate(
            {"series_id": series.id, "title": "Core Team", "starts_at": starts_at, **values}
        )
    )


def test_a_meeting_stored_with_a_zone_is_not_its_own_next_meeting(store: Store) -> None:
    series = _series(store)
    # 19:00 UTC is 13:00 in Chicago; the closing set no date, so nothing is to come yet.
    held = _meeting(
        store, series, datetime(2026, 11, 10, 19, 0, tzinfo=UTC), status=MeetingStatus.CLOSED
    )
    doc = build_minutes(store, held.id, Visibility.PARTNERS)
    assert doc.next_meeting is None
    assert doc.next_meeting_text() == "To be scheduled."


def test_the_next_meeting_is_the_first_later_one_on_the_wall_clock(store: Store) -> None:
    series = _series(store)
    held = _meeting(
        store, series, datetime(2026, 11, 10, 19, 0, tzinfo=UTC), status=MeetingStatus.CLOSED
    )
    # Planned on the wall clock: 14:00 in Chicago is after 13:00 there, though "before" 19:00.
    _meeting(store, series, datetime(2026, 12, 8, 13, 0), location="Room B")
    _meeting(store, series, datetime(2026, 11, 10, 14, 0), location="Room A")
    # A meeting earlier that day, stored with its zone (12:00 in Chicago), is not next.
    _meeting(store, series, datetime(2026, 11, 10, 18, 0, tzinfo=UTC))
    doc = build_minutes(store, held.id, Visibility.PARTNERS)
    assert doc.next_meeting == NextMeetingLine(
        day=date(2026, 11, 10), starts=time(14, 0), ends=time(15, 30), place="Room A"
    )


def test_a_next_meeting_stored_with_a_zone_prints_its_wall_clock_time(store: Store) -> None:
    series = _series(store)
    held = _meeting(store, series, datetime(2026, 11, 10, 13, 0), status=MeetingStatus.CLOSED)
    _meeting(store, series, datetime(2026, 12, 8, 19, 0, tzinfo=UTC), minutes=60)
    following = build_minutes(store, held.id, Visibility.PARTNERS).next_meeting
    assert following == NextMeetingLine(day=date(2026, 12, 8), starts=time(13, 0), ends=time(14, 0))
