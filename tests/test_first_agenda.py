"""A series' first agenda asks to approve no minutes: there are none until a meeting is held."""

from __future__ import annotations

from datetime import datetime

from facilitate.models import Body, Meeting, MeetingSeries
from facilitate.models.template import AgendaTemplate
from facilitate.services.plan import agenda
from facilitate.services.plan.agenda import MeetingPlan
from facilitate.services.plan.templates import get_template
from facilitate.services.run import closing, live
from facilitate.store import Store

APPROVE = "Approve minutes of the last meeting"
FIRST = datetime(2026, 12, 3, 13, 0)
SECOND = datetime(2027, 1, 7, 13, 0)


def _series(store: Store) -> MeetingSeries:
    body = store.insert(Body(name="Steering Committee"))
    return store.insert(
        MeetingSeries(
            body_id=body.id,
            name="Steering Committee (monthly)",
            default_template="steering-committee",
        )
    )


def _titles(store: Store, meeting: Meeting) -> list[str]:
    return [item.title for item in agenda.items(store, meeting.id)]


def _plan(
    store: Store,
    series: MeetingSeries,
    when: datetime,
    *,
    template: AgendaTemplate | None = None,
    from_last: bool = False,
) -> Meeting:
    plan = MeetingPlan(series_id=series.id, starts_at=when)
    return agenda.create_meeting(store, plan, template=template, from_last=from_last)


def _hold(store: Store, meeting: Meeting) -> None:
    live.open_meeting(store, meeting.id, now=meeting.starts_at)
    closing.close_meeting(store, meeting.id, now=meeting.starts_at)


def test_a_new_series_first_agenda_leaves_out_approving_minutes(store: Store) -> None:
    template = get_template("steering-committee")
    assert APPROVE in [item.title for item in template.items]
    first = _plan(store, _series(store), FIRST, template=template)
    titles = _titles(store, first)
    assert APPROVE not in titles
    # Everything else the template holds is there, in its order.
    assert titles == [item.title for item in template.items if item.title != APPROVE]


def test_once_a_meeting_is_held_the_next_agenda_approves_its_minutes(store: Store) -> None:
    series = _series(store)
    template = get_template("steering-committee")
    first = _plan(store, series, FIRST, template=template)
    _hold(store, first)
    assert APPROVE in _titles(store, _plan(store, series, SECOND, template=template))


def test_a_meeting_only_planned_has_no_minutes_to_approve(store: Store) -> None:
    series = _series(store)
    template = get_template("core-team")
    _plan(store, series, FIRST, template=template)
    second = _plan(store, series, SECOND, template=template)
    assert "Approve notes of the last meeting" not in _titles(store, second)


def test_the_meeting_after_the_first_approves_its_minutes_when_started_from_it(
    store: Store,
) -> None:
    """The first agenda went without the approval; the series' template puts it back."""
    series = _series(store)
    template = get_template("steering-committee")
    first = _plan(store, series, FIRST, template=template)
    _hold(store, first)
    second = _plan(store, series, SECOND, from_last=True)
    assert _titles(store, second) == [item.title for item in template.items]
    third = _plan(store, series, datetime(2027, 2, 4, 13, 0), from_last=True)
    assert _titles(store, third) == [item.title for item in template.items]
