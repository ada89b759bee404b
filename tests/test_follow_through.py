"""Follow-through on earlier commitments: history kept, current status kept right."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from facilitate.models import ActionItem, ActionUpdate, Meeting
from facilitate.models.enums import ActionStatus
from facilitate.services.run import capture, follow_through, live
from facilitate.services.run.follow_through import FollowThroughError
from facilitate.store import Store, queries

from .helpers.demo_lookup import upcoming

AT = datetime(2026, 11, 29, 21, 0, tzinfo=UTC)


@pytest.fixture
def meeting(demo_store: Store) -> Meeting:
    found = upcoming(demo_store)
    live.open_meeting(demo_store, found.id, now=AT)
    return found


def test_open_actions_of_earlier_meetings_are_listed(demo_store: Store, meeting: Meeting) -> None:
    capture.add_action(demo_store, meeting.id, "Captured today")  # not for review today
    lines = follow_through.to_review(demo_store, meeting.id)
    texts = [line.action.text for line in lines]
    assert texts == [
        "Pilot the shared referral form with three families",
        "Ask the Tribal Council to review the referral form's ICWA section",
        "Bring county budget figures for the peer coach pilot",
        "Share the listening session's themes with all partners",
    ]
    assert all(line.today is None for line in lines)
    # The core team's overdue action belongs to another series.
    assert "Map every intake step" not in " ".join(texts)


def test_updates_keep_history_and_set_the_current_status(
    demo_store: Store, meeting: Meeting
) -> None:
    line = next(
        x for x in follow_through.to_review(demo_store, meeting.id) if "Tribal" in x.action.text
    )
    before = follow_through.history(demo_store, line.action.id)
    assert [u.status for u in before] == [ActionStatus.IN_PROGRESS]

    follow_through.update_action(
        demo_store,
        line.action.id,
        ActionStatus.BLOCKED,
        note="Council meeting cancelled",
        meeting_id=meeting.id,
        now=AT,
    )
    follow_through.update_action(
        demo_store,
        line.action.id,
        ActionStatus.DONE,
        note="  Reviewed after all  ",
        meeting_id=meeting.id,
        now=AT + timedelta(minutes=3),
    )
    history = follow_through.history(demo_store, line.action.id)
    assert [(u.status, u.note) for u in history] == [
        (ActionStatus.IN_PROGRESS, "On the Council's agenda next month."),
        (ActionStatus.BLOCKED, "Council meeting cancelled"),
        (ActionStatus.DONE, "Reviewed after all"),
    ]
    assert demo_store.get(ActionItem, line.action.id).status is ActionStatus.DONE
    assert line.action.id not in {a.id for a in queries.open_actions(demo_store)}

    # Answered today, the line stays on today's list with today's update.
    again = {x.action.id: x for x in follow_through.to_review(demo_store, meeting.id)}
    assert again[line.action.id].status is ActionStatus.DONE
    assert again[line.action.id].today is not None
    assert again[line.action.id].action.owner == "Lorraine Whitecloud"
    assert again[line.action.id].action.organization == "Cedar River ICWA"


def test_dropped_and_in_progress_are_statuses_too(demo_store: Store, meeting: Meeting) -> None:
    first, second = follow_through.to_review(demo_store, meeting.id)[:2]
    follow_through.update_action(demo_store, first.action.id, ActionStatus.DROPPED)
    follow_through.update_action(demo_store, second.action.id, ActionStatus.IN_PROGRESS)
    assert demo_store.get(ActionItem, first.action.id).status is ActionStatus.DROPPED
    assert demo_store.get(ActionItem, second.action.id).status is ActionStatus.IN_PROGRESS


def test_open_is_not_an_update(demo_store: Store, meeting: Meeting) -> None:
    action = follow_through.to_review(demo_store, meeting.id)[0].action
    with pytest.raises(FollowThroughError):
        follow_through.update_action(demo_store, action.id, ActionStatus.OPEN)
    assert demo_store.count(ActionUpdate, action_id=action.id) == 0
