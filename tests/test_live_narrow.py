"""The live screen's TIME UP bar on the smallest laptop in the room (60×20, issue #18): two
lines at most, TIME UP and the overrun always shown, the capture line in full view."""

from __future__ import annotations

from datetime import datetime, timedelta

from textual.widgets import Input, Static

from facilitate.models import AgendaItem, Meeting
from facilitate.services.plan import agenda
from facilitate.services.run import live
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.screens.live import LiveMeetingScreen

from .conftest import TODAY
from .helpers.demo_lookup import upcoming

HINT = "ctrl+t: extend, close or park"
LONG_TITLE = (
    "Approve last month's minutes, the referral data for the quarter and the court liaison's "
    "report on the new hearing calendar"
)


def running_over(store: Store, title: str | None = None) -> tuple[Meeting, datetime]:
    """The steering meeting live, its first item 3 minutes and 15 seconds over its time, at the
    moment returned."""
    meeting = upcoming(store)
    first = agenda.items(store, meeting.id)[0]
    if title is not None:
        store.save(first.model_copy(update={"title": title}))
    opened = live.open_meeting(store, meeting.id).now
    live.start_item(store, first.id, now=opened)
    started = store.get(AgendaItem, first.id).started_at
    assert started is not None
    return meeting, started + timedelta(minutes=first.minutes + 3, seconds=15)


def text_of(app: FacilitateApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_time_up_at_60_columns_takes_two_lines_and_leaves_the_capture_line_in_view(
    demo_store: Store,
) -> None:
    meeting, late = running_over(demo_store, LONG_TITLE)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(60, 20)) as pilot:
        await app.push_screen(LiveMeetingScreen(meeting.id, now=lambda: late))
        await pilot.pause()
        status = text_of(app, "#live-status")
        assert status.startswith("TIME UP · 1. Approve")
        assert HINT not in status  # said by the feedback line instead, at this width
        assert "ctrl+t" in text_of(app, "#capture-feedback")
        assert text_of(app, "#live-clock").startswith("+3:15 over")
        assert app.screen.query_one("#live-status-bar").outer_size.height == 2
        # The capture line whole, on screen, and nothing drawn over it.
        capture = app.screen.query_one("#capture", Input)
        assert capture.outer_size.height == 3
        assert app.screen.region.contains_region(capture.region)
        x, y = capture.content_region.offset
        assert app.screen.get_widget_at(x, y)[0] is capture


async def test_the_hint_is_back_when_the_terminal_is_widened(demo_store: Store) -> None:
    meeting, late = running_over(demo_store)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(60, 20)) as pilot:
        await app.push_screen(LiveMeetingScreen(meeting.id, now=lambda: late))
        await pilot.pause()
        assert HINT not in text_of(app, "#live-status")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert text_of(app, "#live-status").endswith(HINT)
        assert app.screen.query_one("#live-status-bar").outer_size.height <= 2
