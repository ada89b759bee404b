"""A store error on the live screen (a locked or vanished file) is a message, never a crash: the
screen stays up and what was typed stays in the line. The error is injected where the screen
calls the service, as a second program holding the file's lock would raise it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Static

from facilitate.models import Meeting
from facilitate.models.enums import MeetingStatus
from facilitate.services.run import capture, corrections, live
from facilitate.store import DatabaseLocked, Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.screens.live import LiveMeetingScreen

from .conftest import TODAY


def _locked(path: Path) -> Callable[..., Any]:
    def raise_locked(*_: Any, **__: Any) -> Any:
        raise DatabaseLocked(path, "the database is locked by another program")

    return raise_locked


def _steering(store: Store) -> Meeting:
    return next(
        m
        for m in store.find(Meeting, order_by="starts_at")
        if m.status is MeetingStatus.PLANNED and m.title.startswith("Steering")
    )


@pytest.mark.parametrize(
    ("service", "name", "keys"),
    [
        (live, "next_item", ["ctrl+n"]),
        (capture, "capture_line", [*"Families asked for evenings", "enter"]),
        (live, "live_view", []),  # the once-a-second tick (and ctrl+t, ctrl+g read it)
        (corrections, "removed_entries", ["ctrl+y"]),  # restore
        (live, "why_not_planned", ["ctrl+b"]),  # not started after all
        (live, "live_view", ["ctrl+t"]),  # extend, close or park
        (live, "live_view", ["ctrl+g"]),  # invoke a ground rule
    ],
)
async def test_a_locked_file_is_a_message_and_the_screen_stays(
    demo_store: Store,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    service: object,
    name: str,
    keys: list[str],
) -> None:
    meeting = _steering(demo_store)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(LiveMeetingScreen(meeting.id))
        await pilot.pause()
        monkeypatch.setattr(service, name, _locked(db_path))
        for key in keys:
            await pilot.press("space" if key == " " else key)
        await pilot.pause(1.2)  # a tick passes too
        assert isinstance(app.screen, LiveMeetingScreen)
        if name == "capture_line":
            said = str(app.screen.query_one("#capture-feedback", Static).render())
            assert "Not saved" in said and "locked" in said
            assert app.screen.query_one("#capture", Input).value == "Families asked for evenings"
        else:
            assert any("locked" in str(n.message) for n in app._notifications)
