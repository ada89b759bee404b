"""The agenda editor's keys whose bodies live beside the screen (agenda_before, agenda_reuse),
pressed as a user does: detach a pre-read (F), and carry-over offered then declined (c)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from facilitate.models import Meeting, PreRead
from facilitate.services.plan import agenda, pre_reads
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.carry_over import CarryOverDialog
from facilitate.tui.dialogs.choose import ChoiceDialog
from facilitate.tui.screens.agenda_editor import AgendaEditorScreen

from .conftest import TODAY


def _steering(store: Store) -> Meeting:
    (meeting,) = [m for m in store.find(Meeting) if m.title == "Steering Committee — November 2026"]
    return meeting


def _said(app: FacilitateApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_detach_a_pre_read_by_keys(demo_store: Store, tmp_path: Path) -> None:
    meeting = _steering(demo_store)
    fourth = agenda.items(demo_store, meeting.id)[3]
    source = tmp_path / "budget.pdf"
    source.write_bytes(b"%PDF-1.7\n" + bytes(range(256)))
    pre_reads.attach(demo_store, fourth.id, source)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(AgendaEditorScreen(meeting.id))
        await pilot.pause()
        await pilot.press("F")  # the first item has none: said, nothing asked
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "This item has no pre-reads." in _said(app)
        app.screen.query_one("#agenda", DataTable).move_cursor(row=3)
        await pilot.pause()
        await pilot.press("F")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, AgendaEditorScreen)
        assert "Detached budget.pdf" in _said(app)
    assert demo_store.find(PreRead) == []


async def test_carry_over_offered_and_declined_by_keys(demo_store: Store) -> None:
    meeting = _steering(demo_store)
    before = [i.title for i in agenda.items(demo_store, meeting.id)]
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(AgendaEditorScreen(meeting.id))
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CarryOverDialog)
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, AgendaEditorScreen)
        assert "Nothing was carried over." in _said(app)
    assert [i.title for i in agenda.items(demo_store, meeting.id)] == before
