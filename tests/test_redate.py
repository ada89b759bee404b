"""A meeting run on another day than planned is moved to the day it is held: the minutes' date
and the days late of the follow-up section then count to that day (services/run/redate.py)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from datetime import time as dt_time
from zoneinfo import ZoneInfo

import pytest

from facilitate.models import EntryRevision, Meeting
from facilitate.models.enums import MeetingStatus, Visibility
from facilitate.services.record import settings
from facilitate.services.record.minutes import build_minutes
from facilitate.services.run import live, redate
from facilitate.store import Store

from .conftest import TODAY
from .test_follow_up_section import KEISHA
from .test_minutes import GENERATED, demo_meetings

# 02:31:40 on TODAY, UTC: long before any planned time of day (10:00 or 13:00 in the demo).
EARLY = datetime.combine(TODAY, datetime.min.time(), UTC) + timedelta(
    hours=2, minutes=31, seconds=40
)


@pytest.fixture(autouse=True)
def clock_in_utc(monkeypatch: pytest.MonkeyPatch, demo_store: Store) -> Iterator[None]:
    """The partnership's meetings are held on UTC wall clocks here (the zone the minutes print
    times in); the computer's clock reads UTC too, so nothing depends on where tests run."""
    settings.set_setting(demo_store, settings.TIME_ZONE, "UTC")
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _planned(store: Store, prefix: str) -> Meeting:
    return next(
        m for m in store.find(Meeting, status=MeetingStatus.PLANNED) if m.title.startswith(prefix)
    )


def test_a_meeting_of_another_day_is_refused_unless_moved(demo_store: Store) -> None:
    november = demo_meetings(demo_store)["november"]  # planned Sun Nov 29; TODAY is Nov 22
    with pytest.raises(redate.NotToday) as refused:
        live.open_meeting(demo_store, november.id, EARLY, today=TODAY)
    assert str(refused.value) == (
        "“Steering Committee — November 2026” is planned for Sun Nov 29, not today (Sun Nov 22)"
    )
    assert demo_store.get(Meeting, november.id) == november


def test_moved_to_today_it_starts_when_opened_and_keeps_its_length(demo_store: Store) -> None:
    november = demo_meetings(demo_store)["november"]  # planned Sun Nov 29, 13:00
    assert redate.other_day(november, TODAY) == date(2026, 11, 29)
    view = live.open_meeting(demo_store, november.id, EARLY, today=TODAY, move_to_today=True)
    held = demo_store.get(Meeting, november.id)
    # Started now, to the minute: not at 13:00, hours after it was called to order.
    assert held.starts_at == datetime(2026, 11, 22, 2, 31)
    assert held.minutes == november.minutes
    assert (held.status, held.title) == (MeetingStatus.LIVE, november.title)
    assert redate.moved_note(november, view.meeting) == "Moved to today, Sun Nov 22"
    # Kept as a revision of the meeting: what it was planned for.
    [revision] = demo_store.find(EntryRevision, entry_id=november.id)
    assert (revision.field, revision.old_value) == ("starts_at", '"2026-11-29T13:00:00"')


def test_the_minutes_of_a_moved_meeting_start_when_it_was_called_to_order(
    demo_store: Store,
) -> None:
    november = demo_meetings(demo_store)["november"]
    live.open_meeting(demo_store, november.id, EARLY, today=TODAY, move_to_today=True)
    doc = build_minutes(demo_store, november.id, Visibility.PARTNERS, generated_at=GENERATED)
    assert (doc.starts, doc.called_to_order) == (dt_time(2, 31), dt_time(2, 31))
    assert doc.ends == (datetime(2026, 11, 22, 2, 31) + timedelta(minutes=november.minutes)).time()
    assert "Called to order" not in [label for label, _ in doc._when_rows()]


def test_the_start_is_on_the_partnerships_clock(demo_store: Store) -> None:
    """The computer reads UTC; the partnership meets in Chicago (20:31 there at 02:31 UTC):
    the meeting starts at 20:31, as the minutes' "Called to order" says."""
    settings.set_setting(demo_store, settings.TIME_ZONE, "America/Chicago")
    november = demo_meetings(demo_store)["november"]
    live.open_meeting(demo_store, november.id, EARLY, today=TODAY, move_to_today=True)
    assert demo_store.get(Meeting, november.id).starts_at == datetime(2026, 11, 22, 20, 31)
    doc = build_minutes(demo_store, november.id, Visibility.PARTNERS, generated_at=GENERATED)
    assert doc.called_to_order == doc.starts == dt_time(20, 31)


def test_a_meeting_planned_for_today_opens_without_moving(demo_store: Store) -> None:
    november = demo_meetings(demo_store)["november"]
    day = november.starts_at.date()
    assert redate.other_day(november, day) is None
    view = live.open_meeting(demo_store, november.id, EARLY, today=day)
    assert view.meeting.starts_at == november.starts_at
    assert redate.moved_note(november, view.meeting) is None
    assert demo_store.find(EntryRevision, entry_id=november.id) == []


def test_held_start_is_the_clock_to_the_minute_on_the_day_held() -> None:
    held = date(2026, 12, 1)
    assert redate.held_start(held, dt_time(3, 14, 42), None) == datetime(2026, 12, 1, 3, 14)
    assert redate.held_start(held, dt_time(18, 0), None) == datetime(2026, 12, 1, 18, 0)
    chicago = ZoneInfo("America/Chicago")
    assert redate.held_start(held, dt_time(9, 5, 1), chicago) == datetime(
        2026, 12, 1, 9, 5, tzinfo=chicago
    )


def test_opened_after_its_planned_hour_today_it_starts_when_opened(demo_store: Store) -> None:
    core = _planned(demo_store, "Core Team")  # 10:00 on Tue Nov 24
    late = datetime.combine(TODAY, datetime.min.time(), UTC) + timedelta(hours=14, seconds=5)
    live.open_meeting(demo_store, core.id, late, today=TODAY, move_to_today=True)
    assert demo_store.get(Meeting, core.id).starts_at == datetime(2026, 11, 22, 14, 0)


def test_a_title_naming_the_planned_day_names_the_day_held(demo_store: Store) -> None:
    core = _planned(demo_store, "Core Team")  # "Core Team — Nov 24", planned Tue Nov 24 10:00
    assert core.title == "Core Team — Nov 24"
    live.open_meeting(demo_store, core.id, EARLY, today=TODAY, move_to_today=True)
    held = demo_store.get(Meeting, core.id)
    assert (held.title, held.starts_at) == ("Core Team — Nov 22", datetime(2026, 11, 22, 2, 31))
    # As planning titles a meeting (agenda.default_title).
    planned_as = demo_store.insert(
        Meeting(
            series_id=core.series_id,
            title="Steering — Dec 08, 2026",
            starts_at=datetime(2026, 12, 8, 13, 0),
        )
    )
    live.open_meeting(demo_store, planned_as.id, EARLY, today=TODAY, move_to_today=True)
    assert demo_store.get(Meeting, planned_as.id).title == "Steering — Nov 22, 2026"


def test_the_minutes_say_the_day_held_and_count_days_late_to_it(demo_store: Store) -> None:
    november = demo_meetings(demo_store)["november"]
    live.open_meeting(demo_store, november.id, EARLY, today=TODAY, move_to_today=True)
    doc = build_minutes(demo_store, november.id, Visibility.PARTNERS, generated_at=GENERATED)
    assert doc.day == TODAY
    # Due Oct 18: 42 days late on Nov 29 (as planned), 35 on Nov 22, the day it was held.
    [line] = [f for f in doc.follow_ups if f.action == KEISHA]
    assert line.days_late == 35


def test_put_back_to_planned_it_returns_to_its_planned_day(demo_store: Store) -> None:
    core = _planned(demo_store, "Core Team")
    live.open_meeting(demo_store, core.id, EARLY, today=TODAY, move_to_today=True)
    back = live.return_to_planned(demo_store, core.id)
    stored = demo_store.get(Meeting, core.id)
    assert (stored.status, stored.starts_at, stored.title) == (
        MeetingStatus.PLANNED,
        core.starts_at,
        core.title,
    )
    assert back.starts_at == core.starts_at
    # Asked again on another day, it is planned for its own day again.
    assert redate.other_day(stored, TODAY) == date(2026, 11, 24)


def test_put_back_leaves_a_date_changed_since_the_move(demo_store: Store) -> None:
    core = _planned(demo_store, "Core Team")
    live.open_meeting(demo_store, core.id, EARLY, today=TODAY, move_to_today=True)
    # The other window corrects the time while it runs: that change stands.
    moved = demo_store.get(Meeting, core.id)
    moved.starts_at = datetime(2026, 11, 22, 11, 0)
    demo_store.update_fields(moved, ["starts_at"])
    live.return_to_planned(demo_store, core.id)
    stored = demo_store.get(Meeting, core.id)
    assert stored.starts_at == datetime(2026, 11, 22, 11, 0)
    assert stored.title == core.title  # the title the move set was still its own: put back


def test_moving_writes_only_the_fields_it_changes(demo_store: Store) -> None:
    core = _planned(demo_store, "Core Team")
    # What this window read before the other window changed the place.
    stale = demo_store.get(Meeting, core.id)
    other = demo_store.get(Meeting, core.id)
    other.location = "Room 4"
    demo_store.update_fields(other, ["location"])
    live.open_meeting(demo_store, stale.id, EARLY, today=TODAY, move_to_today=True)
    assert demo_store.get(Meeting, core.id).location == "Room 4"
