"""One rule for a meeting's length (services/plan/series_defaults.meeting_minutes): the series'
minutes, which are its template's when none were typed. A listening series of 120 minutes
plans its first meeting (made from the 90-minute template) and the next (from the last) at 120.
"""

from __future__ import annotations

from datetime import datetime

from facilitate.models import Meeting, MeetingSeries
from facilitate.models.enums import MeetingKind
from facilitate.services.plan import agenda
from facilitate.services.plan import series as series_api
from facilitate.services.plan.series_defaults import meeting_minutes
from facilitate.services.plan.templates import get_template
from facilitate.store import Store

from .helpers.demo_lookup import series


def _listening_series(store: Store, minutes: int | None) -> MeetingSeries:
    body_id = series(store, "Community Listening").body_id
    return series_api.add_series(
        store,
        series_api.SeriesFields(
            body_id,
            "Evening circles",
            kind=MeetingKind.LISTENING_SESSION,
            default_template="listening-session",
            default_minutes=minutes,
        ),
    )


def test_the_series_says_how_long_unless_it_took_the_templates(demo_store: Store) -> None:
    assert meeting_minutes(_listening_series(demo_store, 120)) == 120
    took_template = series_api.add_series(
        demo_store,
        series_api.SeriesFields(
            series(demo_store, "Community Listening").body_id,
            "Forums",
            default_template="partner-forum",
        ),
    )
    assert meeting_minutes(took_template) == 120  # the partner forum template's length


def test_first_and_next_meeting_last_as_long_as_the_series(demo_store: Store) -> None:
    made = _listening_series(demo_store, 120)
    first = agenda.create_meeting(
        demo_store,
        agenda.MeetingPlan(series_id=made.id, starts_at=datetime(2026, 12, 3, 18, 0)),
        template=get_template(made.default_template),
    )
    following = agenda.create_meeting(
        demo_store,
        agenda.MeetingPlan(series_id=made.id, starts_at=datetime(2027, 1, 7, 18, 0)),
        from_last=True,
    )
    lengths = [demo_store.get(Meeting, m.id).minutes for m in (first, following)]
    assert lengths == [120, 120]
