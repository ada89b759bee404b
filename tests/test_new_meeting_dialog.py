"""The new-meeting dialog, by keys: it opens on the asked-for series and follows the chosen one."""

from __future__ import annotations

from datetime import datetime
from typing import cast

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, Select
from textual.worker import Worker

from facilitate.models import Body, Meeting, MeetingSeries
from facilitate.services.plan import agenda
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.new_meeting import START_BLANK, NewMeetingDialog
from facilitate.tui.new_meeting_flow import plan_meeting

from .conftest import TODAY


def _two_series(store: Store) -> tuple[MeetingSeries, MeetingSeries]:
    """Alpha comes first by name; Beta is the one the tests ask the dialog to open on."""
    body = store.insert(Body(name="Partnership"))
    alpha = store.insert(
        MeetingSeries(
            body_id=body.id,
            name="Alpha Core Team",
            cadence="Every two weeks, Wednesdays, 09:00–10:30",
            default_template="core-team",
            default_place="Library, room 2",
        )
    )
    beta = store.insert(
        MeetingSeries(
            body_id=body.id,
            name="Beta Steering",
            cadence="Monthly, second Tuesday, 13:00–15:00",
            default_template="steering-committee",
            default_place="Northside FRC",
            neutral_venue=True,
        )
    )
    return alpha, beta


def _open(app: FacilitateApp, store: Store, series_id: str | None) -> Worker[str | None]:
    """Start planning as Home does, in a worker (the dialog is awaited)."""
    host = cast("App[object]", app)  # screens hand plan_meeting their `self.app`, an App[object]
    if series_id is None:
        return app.run_worker(plan_meeting(host, store, TODAY))
    return app.run_worker(plan_meeting(host, store, TODAY, series_id=series_id))


def _fields(app: FacilitateApp) -> dict[str, object]:
    screen = app.screen
    assert isinstance(screen, NewMeetingDialog)
    return {
        "series": screen.query_one("#series", Select).value,
        "date": screen.query_one("#date", Input).value,
        "time": screen.query_one("#time", Input).value,
        "minutes": screen.query_one("#minutes", Input).value,
        "place": screen.query_one("#location", Input).value,
        "neutral": screen.query_one("#neutral", Checkbox).value,
        "start": screen.query_one("#start", Select).value,
    }


def _error(app: FacilitateApp) -> str:
    return str(app.screen.query_one("#error").render())


async def _type(pilot: Pilot[None], text: str) -> None:
    for char in text:
        await pilot.press("space" if char == " " else char)


async def _choose_next_series(pilot: Pilot[None]) -> None:
    """From the date field: back to the series list, open it, the next one, choose it."""
    await pilot.press("shift+tab", "enter", "down", "enter")
    await pilot.pause()


async def test_opens_on_the_given_series_with_its_defaults(store: Store) -> None:
    _alpha, beta = _two_series(store)
    app = FacilitateApp(store, today=TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        _open(app, store, beta.id)
        await pilot.pause()
        assert _fields(app) == {
            "series": beta.id,
            # TODAY is Sunday Nov 22, 2026: the next second Tuesday is Dec 8.
            "date": "2026-12-08",
            "time": "13:00",
            "minutes": "120",
            "place": "Northside FRC",
            "neutral": True,
            "start": "steering-committee",
        }
        info = str(app.screen.query_one("#series-info").render())
        assert "Monthly, second Tuesday, 13:00–15:00" in info


async def test_creating_with_the_defaults_schedules_the_cadence_date(store: Store) -> None:
    _alpha, beta = _two_series(store)
    app = FacilitateApp(store, today=TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        worker = _open(app, store, beta.id)
        await pilot.pause()
        await pilot.press("ctrl+s")
        await worker.wait()
        meeting = store.get(Meeting, str(worker.result))
    assert meeting.series_id == beta.id
    assert meeting.starts_at == datetime(2026, 12, 8, 13, 0)
    assert (meeting.minutes, meeting.location, meeting.neutral_venue) == (
        120,
        "Northside FRC",
        True,
    )
    assert agenda.items(store, meeting.id)[0].title  # from the steering-committee template


async def test_without_a_series_asked_for_it_opens_on_the_first(store: Store) -> None:
    alpha, _beta = _two_series(store)
    app = FacilitateApp(store, today=TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        _open(app, store, None)
        await pilot.pause()
        fields = _fields(app)
    assert (fields["series"], fields["start"], fields["date"]) == (
        alpha.id,
        "core-team",
        "2026-11-25",
    )


async def test_switching_series_switches_template_date_time_and_place(store: Store) -> None:
    alpha, beta = _two_series(store)
    app = FacilitateApp(store, today=TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        _open(app, store, None)
        await pilot.pause()
        assert _fields(app)["series"] == alpha.id
        assert _fields(app)["start"] == "core-team"
        await _choose_next_series(pilot)
        assert _fields(app) == {
            "series": beta.id,
            "date": "2026-12-08",
            "time": "13:00",
            "minutes": "120",
            "place": "Northside FRC",
            "neutral": True,
            "start": "steering-committee",
        }


async def test_what_the_user_typed_stays_when_the_series_changes(store: Store) -> None:
    _alpha, beta = _two_series(store)
    app = FacilitateApp(store, today=TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        _open(app, store, None)
        await pilot.pause()
        await pilot.press("ctrl+u")  # the date field is focused and keeps its text: clear it
        await _type(pilot, "12/30")
        await pilot.press("tab", "tab", "tab")
        await pilot.press("ctrl+u")
        await _type(pilot, "Town hall")
        await pilot.press("shift+tab", "shift+tab", "shift+tab")
        await _choose_next_series(pilot)
        fields = _fields(app)
    assert fields["series"] == beta.id
    assert (fields["date"], fields["place"]) == ("12/30", "Town hall")
    assert (fields["time"], fields["start"]) == ("13:00", "steering-committee")


async def test_the_date_error_goes_away_once_a_date_is_typed(store: Store) -> None:
    body = store.insert(Body(name="Partnership"))
    store.insert(MeetingSeries(body_id=body.id, name="No cadence yet"))
    app = FacilitateApp(store, today=TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        _open(app, store, None)
        await pilot.pause()
        fields = _fields(app)
        assert (fields["date"], fields["start"]) == ("", START_BLANK)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Date is empty" in _error(app)
        await _type(pilot, "12/5")
        await pilot.pause()
        assert _error(app) == ""
        assert isinstance(app.screen, NewMeetingDialog)
        info = str(app.screen.query_one("#series-info").render())
        assert "No cadence yet has no cadence to take the date from" in info


def _join_field(app: FacilitateApp) -> Input:
    return app.screen.query_one("#join", Input)


async def test_how_to_join_typed_in_the_form_is_the_new_meetings(store: Store) -> None:
    _alpha, beta = _two_series(store)
    app = FacilitateApp(store, today=TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        worker = _open(app, store, beta.id)
        await pilot.pause()
        assert _join_field(app).value == ""  # the series has no meeting yet to take it from
        # From the date: time, minutes, place, the neutral-venue box, then how to join.
        await pilot.press("tab", "tab", "tab", "tab", "tab")
        assert app.focused is _join_field(app)
        await _type(pilot, "Phone 555 0100 code 4471")
        await pilot.press("ctrl+s")
        await worker.wait()
        meeting = store.get(Meeting, str(worker.result))
    assert meeting.join_info == "Phone 555 0100 code 4471"


async def test_how_to_join_starts_from_the_series_latest_meeting(store: Store) -> None:
    alpha, beta = _two_series(store)
    agenda.create_meeting(
        store,
        agenda.MeetingPlan(
            series_id=beta.id,
            starts_at=datetime(2026, 11, 10, 13),
            join_info="Video: https://meet.example.org/beta",
        ),
    )
    app = FacilitateApp(store, today=TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        _open(app, store, alpha.id)
        await pilot.pause()
        assert _join_field(app).value == ""
        await _choose_next_series(pilot)
        assert _join_field(app).value == "Video: https://meet.example.org/beta"


async def test_how_to_join_too_long_is_said_in_the_form_and_kept(store: Store) -> None:
    _alpha, beta = _two_series(store)
    app = FacilitateApp(store, today=TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        worker = _open(app, store, beta.id)
        await pilot.pause()
        pasted = "x" * 1001
        _join_field(app).value = pasted  # as a paste lands
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NewMeetingDialog)
        assert "How to join: 1001 characters" in _error(app)
        assert _join_field(app).value == pasted
        await pilot.press("escape")
        await worker.wait()
    assert store.find(Meeting) == []
