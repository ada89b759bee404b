"""From the agenda editor, by keys: attach a pre-read to an item by its path, make an item
internal, and set how to join; the record holds each, and the partners' agenda shows them."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input, Label, Select, Static

from facilitate.models import Meeting, PreRead
from facilitate.models.enums import Visibility
from facilitate.services.plan import agenda
from facilitate.services.share.agenda_document import build_agenda
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.item_form import ItemDialog
from facilitate.tui.dialogs.join_info import JoinInfoDialog
from facilitate.tui.dialogs.pre_read import PreReadDialog
from facilitate.tui.screens.agenda_editor import AgendaEditorScreen

from .conftest import TODAY

PDF = b"%PDF-1.7\n" + bytes(range(256)) * 8


def _steering(store: Store) -> Meeting:
    (meeting,) = [m for m in store.find(Meeting) if m.title == "Steering Committee — November 2026"]
    return meeting


async def test_attach_make_internal_and_join_by_keys(demo_store: Store, tmp_path: Path) -> None:
    meeting = _steering(demo_store)
    source = tmp_path / "pilot budget.pdf"
    source.write_bytes(PDF)
    fourth = agenda.items(demo_store, meeting.id)[3]
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(AgendaEditorScreen(meeting.id))
        await pilot.pause()
        table = app.screen.query_one("#agenda", DataTable)
        table.move_cursor(row=3)
        await pilot.pause()

        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, PreReadDialog)
        app.screen.query_one("#path", Input).value = f"'{source}'"  # as a file manager pastes it
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, AgendaEditorScreen)
        shown = str(app.screen.query_one("#pre-reads", Static).render())
        assert "pilot budget.pdf" in shown

        await pilot.press("f")
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(tmp_path / "missing.pdf")
        await pilot.press("enter")
        await pilot.pause()
        # A refusal, said in the dialog, which stays open with the path as typed to correct.
        assert isinstance(app.screen, PreReadDialog)
        assert "missing.pdf: no such file" in str(app.screen.query_one("#error", Label).render())
        assert app.screen.query_one("#path", Input).value == str(tmp_path / "missing.pdf")
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, AgendaEditorScreen)

        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ItemDialog)
        app.screen.query_one("#visibility", Select).value = Visibility.INTERNAL
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, AgendaEditorScreen)

        await pilot.press("j")
        await pilot.pause()
        assert isinstance(app.screen, JoinInfoDialog)
        app.screen.query_one("#join", Input).value = "Video: https://meet.example.org/s"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        info = str(app.screen.query_one("#meeting-info", Static).render())
        assert "How to join: Video: https://meet.example.org/s" in info

    (stored,) = demo_store.find(PreRead)
    assert (stored.agenda_item_id, stored.file_name, stored.content) == (
        fourth.id,
        "pilot budget.pdf",
        PDF,
    )
    partners = build_agenda(demo_store, meeting.id, Visibility.PARTNERS)
    assert partners.items[3].closed and partners.items[3].pre_reads == ()
    assert partners.join_info == "Video: https://meet.example.org/s"
    assert fourth.title not in {line.title for line in partners.items}
