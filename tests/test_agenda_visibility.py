"""Who may see an agenda item is one of the item form's fields (agenda.FORM_FIELDS): written with
the rest of an edit when it changed, left alone when it did not, so a second window's choice
survives; in the editor, a new item made internal is internal."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Select

from facilitate.models import AgendaItem, Meeting
from facilitate.models.enums import Visibility
from facilitate.services.plan import agenda
from facilitate.store import EditConflict, Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.item_form import ItemDialog
from facilitate.tui.screens.agenda_editor import AgendaEditorScreen

from .conftest import TODAY


def _steering(store: Store) -> Meeting:
    (meeting,) = [m for m in store.find(Meeting) if m.title == "Steering Committee — November 2026"]
    return meeting


def _first_item(store: Store) -> AgendaItem:
    return agenda.items(store, _steering(store).id)[0]


def test_an_edit_writes_who_may_see_the_item(demo_store: Store) -> None:
    item = _first_item(demo_store)
    before = agenda.form_values(item)
    assert before["visibility"] == Visibility.PARTNERS
    agenda.edit_item(demo_store, item.id, before, before | {"visibility": Visibility.INTERNAL})
    assert demo_store.get(AgendaItem, item.id).visibility == Visibility.INTERNAL


def test_an_edit_that_leaves_visibility_keeps_another_windows_choice(demo_store: Store) -> None:
    item = _first_item(demo_store)
    before = agenda.form_values(item)
    other = agenda.form_values(item)  # a second window makes it internal meanwhile
    agenda.edit_item(demo_store, item.id, other, other | {"visibility": Visibility.INTERNAL})
    agenda.edit_item(demo_store, item.id, before, before | {"minutes": 15})
    saved = demo_store.get(AgendaItem, item.id)
    assert (saved.minutes, saved.visibility) == (15, Visibility.INTERNAL)


def test_two_windows_choosing_differently_is_refused(demo_store: Store) -> None:
    item = _first_item(demo_store)
    before = agenda.form_values(item)
    agenda.edit_item(demo_store, item.id, before, before | {"visibility": Visibility.INTERNAL})
    with pytest.raises(EditConflict, match="changed in another window"):
        agenda.edit_item(demo_store, item.id, before, before | {"visibility": Visibility.PUBLIC})
    assert demo_store.get(AgendaItem, item.id).visibility == Visibility.INTERNAL


async def test_a_new_item_made_internal_in_the_editor_is_internal(demo_store: Store) -> None:
    meeting = _steering(demo_store)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(AgendaEditorScreen(meeting.id))
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ItemDialog)
        app.screen.query_one("#title", Input).value = "Personnel: coordinator position"
        app.screen.query_one("#visibility", Select).value = Visibility.INTERNAL
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, AgendaEditorScreen)
    (added,) = [
        i
        for i in agenda.items(demo_store, meeting.id)
        if i.title == "Personnel: coordinator position"
    ]
    assert added.visibility == Visibility.INTERNAL
