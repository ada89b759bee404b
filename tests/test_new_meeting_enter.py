"""Enter in the new-meeting dialog moves to the next field, as a person typing a date expects;
the meeting is created only from the last text field ("How to join") or with ctrl+s."""

from __future__ import annotations

from datetime import datetime
from typing import cast

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input

from facilitate.models import Body, Meeting, MeetingSeries
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.new_meeting import NewMeetingDialog
from facilitate.tui.new_meeting_flow import plan_meeting

from .conftest import TODAY


def _series(store: Store) -> MeetingSeries:
    body = store.insert(Body(name="Partnership"))
    return store.insert(
        MeetingSeries(
            body_id=body.id,
            name="Steering",
            cadence="Monthly, second Tuesday, 13:00–15:00",
            default_place="Northside FRC",
        )
    )


async def _type(pilot: Pilot[None], text: str) -> None:
    await pilot.press(*("space" if char == " " else char for char in text))


def _focused(app: FacilitateApp) -> str | None:
    focused = app.screen.focused
    return focused.id if focused is not None else None


async def test_enter_moves_from_field_to_field_and_creates_from_the_last(store: Store) -> None:
    series = _series(store)
    app = FacilitateApp(store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        worker = app.run_worker(plan_meeting(cast("App[object]", app), store, TODAY))
        await pilot.pause()
        assert isinstance(app.screen, NewMeetingDialog)
        assert _focused(app) == "date"
        await pilot.press("ctrl+u")
        await _type(pilot, "12/10")
        await pilot.press("enter")
        await pilot.pause()
        # Still planning: nothing was created from the date field.
        assert isinstance(app.screen, NewMeetingDialog)
        assert store.find(Meeting) == []
        assert _focused(app) == "time"
        await pilot.press("ctrl+u")
        await _type(pilot, "9am")
        await pilot.press("enter")
        assert _focused(app) == "minutes"
        await pilot.press("ctrl+u")
        await _type(pilot, "90")
        await pilot.press("enter")
        assert _focused(app) == "location"
        await pilot.press("enter")  # the series' place stays
        assert _focused(app) == "neutral"
        await pilot.press("tab")
        assert _focused(app) == "join"
        assert store.find(Meeting) == []
        await _type(pilot, "Phone: 555-0100")
        await pilot.press("enter")
        await worker.wait()
    (meeting,) = store.find(Meeting)
    assert meeting.series_id == series.id
    assert (meeting.starts_at, meeting.minutes) == (datetime(2026, 12, 10, 9, 0), 90)
    assert (meeting.location, meeting.join_info) == ("Northside FRC", "Phone: 555-0100")


async def test_a_bad_date_is_said_when_enter_reaches_the_last_field(store: Store) -> None:
    _series(store)
    app = FacilitateApp(store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.run_worker(plan_meeting(cast("App[object]", app), store, TODAY))
        await pilot.pause()
        await pilot.press("ctrl+u")
        await _type(pilot, "blursday")
        await pilot.press("enter")
        assert _focused(app) == "time"
        app.screen.query_one("#join", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NewMeetingDialog)
        assert str(app.screen.query_one("#error").render()).startswith("Date:")
        assert app.screen.query_one("#date", Input).value == "blursday"
        assert store.find(Meeting) == []
