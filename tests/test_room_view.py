"""The room view, driven as a projector shows it: it follows a second process capturing, never
shows an internal or confidential entry, turns red on an overrun, and is readable at 80×24 and
200×60."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from textual.color import Color
from textual.pilot import Pilot
from textual.widgets import Static

from facilitate.models import AgendaItem, Decision, Meeting
from facilitate.models.enums import MeetingKind, Visibility
from facilitate.services.plan import agenda
from facilitate.services.run import capture, corrections, live
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.room.app import RoomApp
from facilitate.tui.room.big_clock import BigClock, big_lines, fitting_scale
from facilitate.tui.room.screen import RoomScreen
from facilitate.tui.room.state import RoomFeed
from facilitate.tui.room.time_bar import TimeBar

from .conftest import TODAY
from .helpers.demo_lookup import upcoming

# Polls of the harness while waiting for the room to read what another process wrote: a bound
# on a shared machine (the room reads twice a second), never a measurement.
POLLS = 200
WIDGETS = (
    "#room-heading",
    "#room-position",
    "#room-item",
    "#room-clock",
    "#room-clock-label",
    "#room-bar",
    "#room-times",
    "#room-decisions",
    "#room-actions",
    "#room-next",
    "#room-rules",
)


def _live(store: Store, item: int = 0) -> Meeting:
    meeting = upcoming(store)
    live.open_meeting(store, meeting.id)
    live.start_item(store, agenda.items(store, meeting.id)[item].id)
    return meeting


def _shown(app: RoomApp | FacilitateApp) -> str:
    """Everything the room's text widgets show."""
    return "\n".join(str(w.render()) for w in app.screen.query(Static))


async def _until(pilot: Pilot[None], app: RoomApp, *texts: str) -> None:
    for _ in range(POLLS):
        if all(text in _shown(app) for text in texts):
            return
        await pilot.pause(0.05)
    raise AssertionError(f"the room never showed {texts}:\n{_shown(app)}")


def _capture_in_another_process(db_path: Path, meeting_id: str, lines: list[str]) -> None:
    """Line mode, piped: a second process with its own connection, as a co-facilitator's."""
    done = subprocess.run(
        [sys.executable, "-m", "facilitate", "--db", str(db_path), "capture", meeting_id],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr


async def test_the_room_follows_another_process_and_never_shows_internal_entries(
    demo_store: Store, db_path: Path
) -> None:
    meeting = _live(demo_store)
    items = agenda.items(demo_store, meeting.id)
    capture.capture_line(demo_store, meeting.id, "/d Meet in the evenings", TODAY)
    capture.capture_line(demo_store, meeting.id, "/d Fund two navigators #internal", TODAY)
    app = RoomApp(demo_store, meeting.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert items[0].title in _shown(app)
        assert "Meet in the evenings" in _shown(app)

        _capture_in_another_process(
            db_path,
            meeting.id,
            [
                "/d Adopt the shared referral form",
                "/a Book the room @keisha due:2026-12-18",
                "A family's name and case #confidential",
                "/a Call the clerk about the case @lorraine #internal",
                ":next",
            ],
        )
        await _until(
            pilot,
            app,
            "Adopt the shared referral form",
            "Book the room, Keisha Brown, due Fri Dec 18",
            items[1].title,
        )

        # The facilitator's process ends and a new one starts: the room goes on following.
        _capture_in_another_process(db_path, meeting.id, ["/d Meet again in January"])
        await _until(pilot, app, "Meet again in January")

        # A correction in another window narrows a decision: it leaves the room.
        decision = next(
            d for d in demo_store.find(Decision, meeting_id=meeting.id) if d.text.startswith("Meet")
        )
        corrections.correct_entry(demo_store, decision, {"visibility": Visibility.INTERNAL})
        for _ in range(POLLS):
            if "Meet in the evenings" not in _shown(app):
                break
            await pilot.pause(0.05)
        shown = _shown(app)
        for hidden in ("Meet in the evenings", "navigators", "family's name", "the clerk"):
            assert hidden not in shown


async def test_overrun_turns_the_clock_and_the_bar_to_the_error_colour(demo_store: Store) -> None:
    meeting = _live(demo_store)
    app = RoomApp(demo_store, meeting.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(TimeBar)
        clock = app.screen.query_one(BigClock)
        error = Color.parse(app.theme_variables["error"])
        assert not bar.has_class("-over")
        assert bar.styles.color != error
        assert not clock.value.startswith("+")

        current_id = demo_store.get(Meeting, meeting.id).current_item_id or ""
        current = demo_store.get(AgendaItem, current_id)
        current.started_at = live.as_utc(None) - timedelta(minutes=current.minutes - 1)
        demo_store.save(current)
        app.screen.refresh_room()  # type: ignore[attr-defined]
        await pilot.pause()
        assert bar.has_class("-soon") and not bar.has_class("-over")
        assert bar.styles.color == Color.parse(app.theme_variables["warning"])

        current.started_at = live.as_utc(None) - timedelta(minutes=current.minutes + 2)
        demo_store.save(current)
        app.screen.refresh_room()  # type: ignore[attr-defined]
        await pilot.pause()
        assert bar.has_class("-over")
        assert bar.styles.color == error
        assert clock.styles.color == error
        assert clock.value.startswith("+2:")
        assert "over time" in _shown(app)

        # Given five more minutes, it is back within its time.
        live.extend_item(demo_store, current.id, 5)
        app.screen.refresh_room()  # type: ignore[attr-defined]
        await pilot.pause()
        assert not bar.has_class("-over")
        assert clock.styles.color != error


async def test_readable_at_80x24_and_at_200x60(demo_store: Store) -> None:
    meeting = _live(demo_store, item=2)
    capture.capture_line(demo_store, meeting.id, "/d Adopt the shared referral form", TODAY)
    capture.capture_line(demo_store, meeting.id, "/a Draft the MOU @dana due:2026-12-05", TODAY)
    scales = []
    for width, height in ((80, 24), (200, 60)):
        app = RoomApp(demo_store, meeting.id)
        async with app.run_test(size=(width, height)) as pilot:
            await pilot.pause()
            for selector in WIDGETS:
                region = app.screen.query_one(selector).region
                assert region.height >= 1 and region.width >= 20, (selector, width, region)
                assert region.right <= width and region.bottom <= height, (selector, region)
            shown = _shown(app)
            assert "Follow-up on commitments" in shown
            assert "Adopt the shared referral form" in shown
            assert "Draft the MOU, Dana Whitfield, due Sat Dec 5" in shown
            scales.append(app.screen.query_one(BigClock).scale)
    assert scales[0] >= 2
    assert scales[1] > scales[0]


def test_the_big_clock_draws_every_character_and_fits_its_space() -> None:
    lines = big_lines("+10:59", 1)
    assert lines == [
        " ▄  ▄█  █▀█ ▄ █▀▀ █▀█",
        "▀█▀  █  █ █ ▄ ▀▀█ ▀▀█",
        "    ▀▀▀ ▀▀▀   ▀▀▀ ▀▀▀",
    ]
    assert fitting_scale("12:34", 34, 5) == 2
    assert fitting_scale("12:34", 33, 5) == 1
    assert len(big_lines("12:34", 3)) == 8


def test_a_listening_session_names_nobody_and_every_room_sees_partners_at_most(
    demo_store: Store,
) -> None:
    meeting = next(m for m in demo_store.find(Meeting) if m.kind is MeetingKind.LISTENING_SESSION)
    capture.capture_line(demo_store, meeting.id, "/a Share the themes @keisha due:fri", TODAY)
    capture.capture_line(demo_store, meeting.id, "/d Meet again in spring #public", TODAY)
    capture.capture_line(demo_store, meeting.id, "/d Keep the grant quiet #internal", TODAY)
    view = RoomFeed(demo_store, meeting.id).read()
    assert view.listening
    assert any(a.startswith("Share the themes, due ") for a in view.actions)
    assert not any("Keisha" in a for a in view.actions)
    assert "Meet again in spring" in view.decisions
    assert "Keep the grant quiet" not in view.decisions


async def test_on_the_facilitators_screen_escape_goes_back(demo_store: Store) -> None:
    meeting = _live(demo_store)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        below = app.screen
        app.push_screen(RoomScreen(demo_store, meeting.id))
        await pilot.pause()
        assert isinstance(app.screen, RoomScreen)
        assert "Welcome" in _shown(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is below
