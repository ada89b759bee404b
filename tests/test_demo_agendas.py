"""Every meeting the demo has planned has an agenda, as a coordinator would have planned it from
its series' template: a first try of the live screen on the highlighted Core Team meeting
found "No item running" and "That was the last item."."""

from __future__ import annotations

from facilitate.models import AgendaItem, Meeting, MeetingSeries
from facilitate.models.enums import MeetingStatus
from facilitate.services.plan.templates import get_template
from facilitate.store import Store

from .helpers.demo_lookup import upcoming


def _titles(store: Store, meeting: Meeting) -> list[str]:
    return [i.title for i in store.find(AgendaItem, meeting_id=meeting.id, order_by="position")]


def test_every_planned_meeting_of_the_demo_has_an_agenda(demo_store: Store) -> None:
    planned = demo_store.find(Meeting, status=MeetingStatus.PLANNED)
    assert sorted(m.title for m in planned) == [
        "Core Team — Nov 24",
        "Steering Committee — November 2026",
    ]
    assert all(_titles(demo_store, m) for m in planned)


def test_the_core_team_meeting_follows_its_series_template(demo_store: Store) -> None:
    meeting = upcoming(demo_store, "Core Team")
    series = demo_store.get(MeetingSeries, meeting.series_id)
    template = get_template(series.default_template)
    # The team held a meeting before, so its notes are there to approve: nothing is left out.
    assert _titles(demo_store, meeting) == [item.title for item in template.items]
    assert _titles(demo_store, meeting)[1] == "Approve notes of the last meeting"
    items = demo_store.find(AgendaItem, meeting_id=meeting.id, order_by="position")
    assert sum(item.minutes for item in items) == meeting.minutes == 60
    assert (meeting.location, meeting.starts_at.hour) == ("CFS Training Room B", 10)
