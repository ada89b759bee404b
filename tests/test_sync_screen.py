"""The Sync screen, driven through Pilot: type the other laptop's file, preview, merge."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from facilitate.models import Meeting, Note
from facilitate.models.enums import MeetingKind
from facilitate.services.demo import build_demo
from facilitate.services.run import capture, corrections
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.screens.sync import SyncScreen

from .conftest import TODAY
from .test_sync_support import copy_record


def _laptops(tmp_path: Path) -> tuple[Path, Path]:
    """Two copies of one record; each captured into the listening session and corrected its
    first note differently."""
    a = tmp_path / "a.db"
    store = Store.open(a)
    build_demo(store, TODAY)
    store.close()
    b = copy_record(a, tmp_path / "b.db")
    for path, line in ((a, "Evening sessions"), (b, "Interpreters at intake")):
        store = Store.open(path)
        meeting = next(m for m in store.find(Meeting) if m.kind is MeetingKind.LISTENING_SESSION)
        capture.capture_line(store, meeting.id, line, TODAY)
        first = sorted(store.find(Note, meeting_id=meeting.id), key=lambda n: n.text)[0]
        corrections.correct_entry(store, first, {"text": f"{first.text} ({path.stem})"})
        store.close()
    return a, b


def _cells(table: DataTable[object]) -> list[list[str]]:
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def test_preview_counts_by_kind_and_names_each_conflict_then_merges(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, _ = _laptops(tmp_path)
    # Typed as a person would, from the folder the files are in.
    monkeypatch.chdir(tmp_path)
    store = Store.open(a)
    notes_before = store.count(Note)
    app = FacilitateApp(store, today=TODAY)
    try:
        async with app.run_test(size=(110, 32)) as pilot:
            app.push_screen(SyncScreen())
            await pilot.pause()
            await pilot.press(*"b.db")
            await pilot.press("ctrl+s")
            await pilot.pause()
            summary = app.screen.query_one("#sync-summary", Static)
            assert "Preview first" in str(summary.render())

            await pilot.press("ctrl+r")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert "Would merge b.db: 2 new, 0 changed, 1 conflicting" in str(summary.render())
            counts = _cells(app.screen.query_one("#sync-counts", DataTable))
            assert ["notes", "1", "0", "1", "0"] in counts
            conflicts = _cells(app.screen.query_one("#sync-conflicts", DataTable))
            assert len(conflicts) == 1
            assert conflicts[0][0].startswith("note “")
            assert conflicts[0][1] == "text"
            assert store.count(Note) == notes_before

            await pilot.press("ctrl+s")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert str(summary.render()).startswith("Merged b.db")
            assert store.count(Note) == notes_before + 1
    finally:
        store.close()


async def test_a_file_that_is_not_a_record_is_refused_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, _ = _laptops(tmp_path)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.txt").write_text("shopping list")
    store = Store.open(a)
    app = FacilitateApp(store, today=TODAY)
    try:
        async with app.run_test(size=(110, 32)) as pilot:
            app.push_screen(SyncScreen())
            await pilot.pause()
            await pilot.press(*"notes.txt", "enter")
            await app.workers.wait_for_complete()
            await pilot.pause()
            shown = str(app.screen.query_one("#sync-summary", Static).render())
            assert "not a facilitate database" in shown
            assert app.screen.query_one("#sync-conflicts", DataTable).row_count == 0
    finally:
        store.close()


async def test_ctrl_e_sends_this_laptops_records_and_the_other_laptop_merges_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From the app, both ways: laptop A writes its changeset (ctrl+e); laptop B's screen
    previews and merges it, and gets A's new note."""
    a, b = _laptops(tmp_path)
    monkeypatch.chdir(tmp_path)
    store = Store.open(a)
    app = FacilitateApp(store, today=TODAY)
    try:
        async with app.run_test(size=(110, 32)) as pilot:
            app.push_screen(SyncScreen())
            await pilot.pause()
            await pilot.press(*"for-b.changeset", "ctrl+e")
            await app.workers.wait_for_complete()
            await pilot.pause()
            said = str(app.screen.query_one("#sync-summary", Static).render())
            assert said.startswith("Wrote ") and "for-b.changeset" in said
    finally:
        store.close()
    assert (tmp_path / "for-b.changeset").is_file()

    other = Store.open(b)
    app = FacilitateApp(other, today=TODAY)
    try:
        async with app.run_test(size=(110, 32)) as pilot:
            app.push_screen(SyncScreen())
            await pilot.pause()
            await pilot.press(*"for-b.changeset", "ctrl+r")
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press("ctrl+s")
            await app.workers.wait_for_complete()
            await pilot.pause()
            summary = str(app.screen.query_one("#sync-summary", Static).render())
            assert summary.startswith("Merged for-b.changeset")
        assert other.find(Note, text="Evening sessions") != []
    finally:
        other.close()
