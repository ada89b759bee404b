"""Two windows on one file: an edit writes only what it changed, and says so when the other window
changed the same thing. The other window is a real second process, as a co-facilitator's is."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from textual.widgets import Input

from facilitate.models import AgendaItem, Meeting
from facilitate.models.enums import ItemState
from facilitate.services.plan import agenda
from facilitate.services.run import live
from facilitate.store import EditConflict, Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.item_form import ItemDialog
from facilitate.tui.screens.agenda_editor import AgendaEditorScreen

from .conftest import TODAY
from .helpers.demo_lookup import upcoming

# Window B, in its own process: starts item 2 of the meeting and extends it by 10 minutes.
WINDOW_B = """
import sys
from facilitate.services.plan import agenda
from facilitate.services.run import live
from facilitate.store import Store
store = Store.open(sys.argv[1])
second = agenda.items(store, sys.argv[2])[1]
live.open_meeting(store, sys.argv[2])
live.start_item(store, second.id)
live.extend_item(store, second.id, 10)
store.close()
"""


def _window_b(db_path: Path, meeting_id: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", WINDOW_B, str(db_path), meeting_id],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr


async def test_renaming_an_item_keeps_the_other_windows_start_and_extension(
    demo_store: Store, db_path: Path
) -> None:
    meeting = upcoming(demo_store)
    second = agenda.items(demo_store, meeting.id)[1]
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        app.push_screen(AgendaEditorScreen(meeting.id))
        await pilot.pause()
        await pilot.press("down", "e")  # window A opens item 2's form ...
        await pilot.pause()
        assert isinstance(app.screen, ItemDialog)
        _window_b(db_path, meeting.id)  # ... while window B starts and extends it
        app.screen.query_one("#title", Input).value = "Renamed in window A"
        await pilot.press("ctrl+s")
        await pilot.pause()
    item = demo_store.get(AgendaItem, second.id)
    assert item.title == "Renamed in window A"
    assert item.state is ItemState.ACTIVE and item.started_at is not None
    assert item.extended_minutes == 10
    assert demo_store.get(Meeting, meeting.id).current_item_id == second.id


async def test_the_same_field_changed_in_both_windows_is_named_not_overwritten(
    demo_store: Store, db_path: Path
) -> None:
    meeting = upcoming(demo_store)
    second = agenda.items(demo_store, meeting.id)[1]
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        app.push_screen(AgendaEditorScreen(meeting.id))
        await pilot.pause()
        await pilot.press("down", "e")
        await pilot.pause()
        other = Store.open(db_path)  # window B renames the same item first
        agenda.edit_item(
            other,
            second.id,
            agenda.form_values(second),
            agenda.form_values(second) | {"title": "B's title"},
        )
        other.close()
        app.screen.query_one("#title", Input).value = "A's title"
        await pilot.press("ctrl+s")
        await pilot.pause()
        shown = [n.message for n in app._notifications]
        assert any("changed in another window" in m and "B's title" in m for m in shown)
    assert demo_store.get(AgendaItem, second.id).title == "B's title"


def test_store_edit_writes_only_the_changed_fields(demo_store: Store) -> None:
    meeting = upcoming(demo_store)
    item = agenda.items(demo_store, meeting.id)[0]
    before = agenda.form_values(item)
    live.open_meeting(demo_store, meeting.id)
    live.start_item(demo_store, item.id)
    edited = agenda.edit_item(demo_store, item.id, before, before | {"minutes": 25})
    assert (edited.minutes, edited.state) == (25, ItemState.ACTIVE)
    try:
        agenda.edit_item(demo_store, item.id, before, before | {"minutes": 30})
    except EditConflict as conflict:
        assert conflict.fields == {"minutes": 25}
    else:
        raise AssertionError("a stale form changing the same field must be refused")


# A window pressing ctrl+n: waits for the go file, then moves on from the item it showed.
NEXT = """
import sys, time
from pathlib import Path
from facilitate.services.run import live
from facilitate.store import Store
store = Store.open(sys.argv[1])
go = Path(sys.argv[4])
while not go.exists():
    time.sleep(0.005)
try:
    view = live.next_item(store, sys.argv[2], sys.argv[3])
    print("moved", view.current.id if view.current else "-")
except live.LiveError as error:
    print("refused", error)
store.close()
"""


def test_two_windows_pressing_next_at_once_move_on_once(demo_store: Store, db_path: Path) -> None:
    meeting = upcoming(demo_store)
    items = agenda.items(demo_store, meeting.id)
    live.open_meeting(demo_store, meeting.id)
    live.start_item(demo_store, items[0].id)
    go = db_path.parent / "go"
    windows = [
        subprocess.Popen(
            [sys.executable, "-c", NEXT, str(db_path), meeting.id, items[0].id, str(go)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    go.touch()  # both press ctrl+n together
    said = sorted(w.communicate(timeout=60)[0].strip() for w in windows)
    assert said[0] == f"moved {items[1].id}", said
    assert said[1].startswith("refused The other window already moved on"), said
    assert demo_store.get(Meeting, meeting.id).current_item_id == items[1].id
    assert demo_store.get(AgendaItem, items[1].id).state is ItemState.ACTIVE
