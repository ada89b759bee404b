"""An ambiguous or unknown action owner fixed where it shows (issue #11): the live screen's
capture line offers the people an ``@handle`` could mean; the closing screen's "owner not
matched" gets a key (ctrl+o) that offers them, or the correction dialog."""

from __future__ import annotations

from textual.widgets import DataTable, Input, OptionList

from facilitate.models import ActionItem, EntryRevision, Meeting, Organization, Person
from facilitate.services.run import capture, live
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.choose import ChoiceDialog
from facilitate.tui.dialogs.correct_entry import CorrectDialog
from facilitate.tui.screens.closing import ClosingScreen
from facilitate.tui.screens.live import LiveMeetingScreen

from .conftest import TODAY
from .helpers.demo_lookup import person, upcoming

CALL = "Call the court clerk"


def two_jordans(store: Store) -> tuple[Person, Person]:
    """Two people on the partnership's roster, on no body, whom ``@jordan`` could both mean."""
    dana = person(store, "Dana Whitfield")
    lee = store.insert(Person(name="Jordan Lee", organization_id=dana.organization_id))
    park = store.insert(Person(name="Jordan Park"))
    return lee, park


def org_label(store: Store, someone: Person) -> str:
    return next(o.label for o in store.find(Organization) if o.id == someone.organization_id)


def _options(app: FacilitateApp) -> list[str]:
    options = app.screen.query_one(OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_an_ambiguous_handle_in_the_capture_line_offers_a_choice(demo_store: Store) -> None:
    lee, park = two_jordans(demo_store)
    meeting = upcoming(demo_store)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.run_meeting(meeting.id)  # type: ignore[attr-defined]
        await pilot.pause()
        assert isinstance(app.screen, LiveMeetingScreen)
        app.screen.query_one("#capture", Input).value = f"/a {CALL} @jordan due:dec 4"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        options = _options(app)
        dana_org = org_label(demo_store, lee)
        assert options[0] == f"Jordan Lee, {dana_org}, on the partnership's roster"
        assert options[1] == "Jordan Park, on the partnership's roster"
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, LiveMeetingScreen)
    [action] = demo_store.find(ActionItem, meeting_id=meeting.id)
    assert (action.owner_person_id, action.owner_text) == (park.id, "")
    # The choice is a correction: the typed name is in the action's history.
    [revision] = demo_store.find(EntryRevision, entry_id=action.id, field="owner_text")
    assert "jordan" in revision.old_value
    assert lee.id != park.id


async def test_escape_keeps_the_handle_as_typed(demo_store: Store) -> None:
    two_jordans(demo_store)
    meeting = upcoming(demo_store)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.run_meeting(meeting.id)  # type: ignore[attr-defined]
        await pilot.pause()
        app.screen.query_one("#capture", Input).value = f"/a {CALL} @jordan"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("escape")
        await pilot.pause()
    [action] = demo_store.find(ActionItem, meeting_id=meeting.id)
    assert (action.owner_person_id, action.owner_text) == (None, "jordan")


def _closing_with(store: Store, owner_text: str) -> Meeting:
    meeting = upcoming(store)
    live.open_meeting(store, meeting.id)
    capture.add_action(store, meeting.id, CALL, owner_text=owner_text)
    return meeting


async def test_closing_fixes_an_ambiguous_owner_by_choosing(demo_store: Store) -> None:
    lee, _ = two_jordans(demo_store)
    meeting = _closing_with(demo_store, "jordan")
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(ClosingScreen(meeting.id))
        await pilot.pause()
        review = app.screen.query_one("#review", DataTable)
        assert "not matched" in str(review.get_row_at(0)[3])
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        assert _options(app)[-1] == "Someone else: correct the action…"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ClosingScreen)
        row = [str(c) for c in app.screen.query_one("#review", DataTable).get_row_at(0)]
        assert row[1] == "Jordan Lee"
        assert "not matched" not in row[3]
    [action] = demo_store.find(ActionItem, meeting_id=meeting.id)
    assert (action.owner_person_id, action.owner_text) == (lee.id, "")


async def test_closing_fixes_an_unknown_owner_in_the_correction_dialog(
    demo_store: Store,
) -> None:
    meeting = _closing_with(demo_store, "the judge")
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(ClosingScreen(meeting.id))
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, CorrectDialog)
        app.screen.query_one("#owner", Input).value = '@"Dana Whitfield"'
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ClosingScreen)
        row = [str(c) for c in app.screen.query_one("#review", DataTable).get_row_at(0)]
        assert row[1] == "Dana Whitfield"
    [action] = demo_store.find(ActionItem, meeting_id=meeting.id)
    assert action.owner_text == ""
    assert action.owner_person_id is not None
