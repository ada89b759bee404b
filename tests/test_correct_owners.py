"""The correction dialog edits an action's other owners and "the whole body" (issue #17)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from textual.widgets import Checkbox, Input, Label

from facilitate.models import ActionItem, Meeting
from facilitate.services.plan import agenda
from facilitate.services.run import attendance, capture, correct_form, corrections, live
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.correct_entry import CorrectDialog
from facilitate.tui.screens.live import LiveMeetingScreen

from .conftest import TODAY
from .helpers.demo_lookup import org, person, upcoming

T0 = datetime(2026, 11, 29, 21, 0, tzinfo=UTC)


@pytest.fixture
def meeting(demo_store: Store) -> Meeting:
    found = upcoming(demo_store)
    for name in ("Dana Whitfield", "Tom Okafor", "Marcus Reyes"):
        attendance.check_in(demo_store, found.id, person(demo_store, name).id)
    live.open_meeting(demo_store, found.id, now=T0)
    live.start_item(demo_store, agenda.items(demo_store, found.id)[0].id, now=T0)
    return demo_store.get(Meeting, found.id)


def _action(store: Store, meeting: Meeting, line: str) -> ActionItem:
    result = capture.capture_line(store, meeting.id, line)
    assert isinstance(result.entry, ActionItem), result.problems
    return store.get(ActionItem, result.entry.id)


def test_co_owners_are_added_matched_and_kept_in_history(
    demo_store: Store, meeting: Meeting
) -> None:
    action = _action(demo_store, meeting, "/a Draft the MOU @dana due:fri")
    form = correct_form.from_entry(demo_store, action)
    assert (form.co_owners, form.whole_body) == ("", False)
    form.co_owners = '@tom @"Marcus Reyes" @pp'
    applied = correct_form.apply(demo_store, action, form)
    assert applied.problems == ()
    stored = demo_store.get(ActionItem, action.id)
    assert [o.person_id for o in stored.co_owners[:2]] == [
        person(demo_store, "Tom Okafor").id,
        person(demo_store, "Marcus Reyes").id,
    ]
    assert stored.co_owners[2].organization_id == org(demo_store, "Parent Partners").id
    assert stored.owner_person_id == person(demo_store, "Dana Whitfield").id
    assert [r.field for r in corrections.history(demo_store, stored)] == ["co_owners"]
    # Shown back as the dialog takes them, so saving again changes nothing.
    again = correct_form.from_entry(demo_store, stored)
    assert again.co_owners == '@"Tom Okafor" @"Marcus Reyes" @"Parent Partners of Harbor County"'
    correct_form.apply(demo_store, stored, again)
    assert len(corrections.history(demo_store, stored)) == 1


def test_the_whole_body_and_a_name_matching_nobody(demo_store: Store, meeting: Meeting) -> None:
    action = _action(demo_store, meeting, "/a Read the draft @michelle @marty due:fri")
    form = correct_form.from_entry(demo_store, action)
    assert form.co_owners == "@marty"
    form.co_owners = "@marty @zelda"
    form.whole_body = True
    applied = correct_form.apply(demo_store, action, form)
    assert any("@zelda matches nobody" in p for p in applied.problems)
    stored = demo_store.get(ActionItem, action.id)
    assert stored.whole_body is True
    assert [o.who for o in stored.co_owners] == ["marty", "zelda"]
    form = correct_form.from_entry(demo_store, stored)
    form.whole_body, form.co_owners = False, ""
    correct_form.apply(demo_store, stored, form)
    cleared = demo_store.get(ActionItem, action.id)
    assert (cleared.whole_body, cleared.co_owners) == (False, [])


def test_owners_that_cannot_be_read_name_the_field() -> None:
    with pytest.raises(ValueError, match="Also owned by: start each with @"):
        correct_form.read_owners("@tom and marcus")


async def test_the_correction_dialog_edits_co_owners_by_keys(
    demo_store: Store, meeting: Meeting
) -> None:
    action = _action(demo_store, meeting, "/a Draft the MOU @dana due:fri")
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LiveMeetingScreen)
        await pilot.press("up")
        await pilot.press("ctrl+r")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, CorrectDialog)
        owners = dialog.query_one("#co-owners", Input)
        owners.value = "@tom and"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog  # kept, with the field named
        assert "Also owned by" in str(dialog.query_one("#error", Label).render())
        owners.value = "@tom"
        dialog.query_one("#whole-body", Checkbox).focus()
        await pilot.press("space")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, LiveMeetingScreen)
    stored = demo_store.get(ActionItem, action.id)
    assert [o.person_id for o in stored.co_owners] == [person(demo_store, "Tom Okafor").id]
    assert stored.whole_body is True
