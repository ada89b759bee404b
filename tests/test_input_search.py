"""The input search: ctrl+e on the live screen finds input by typing and puts its re:N in the
capture line (re:listening#2 for another series' input); the dialog narrows as words are typed."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from facilitate.models import ActionItem, Decision, EntryLink, Note
from facilitate.models.enums import Visibility
from facilitate.services.record.loop_links import input_by_number, search_inputs
from facilitate.services.record.themes import file_entry
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.input_search import InputSearchDialog, hit_label
from facilitate.tui.screens.live import LiveMeetingScreen

from .conftest import TODAY
from .helpers import demo_lookup


async def _type(pilot: Pilot[None], text: str) -> None:
    for char in text:
        await pilot.press("space" if char == " " else char)


async def _live(app: FacilitateApp, pilot: Pilot[None]) -> Input:
    meeting = demo_lookup.upcoming(app.store, "Steering")
    app.push_screen(LiveMeetingScreen(meeting.id))
    await pilot.pause()
    assert isinstance(app.screen, LiveMeetingScreen)
    return app.screen.query_one("#capture", Input)


def _found(app: FacilitateApp) -> list[str]:
    options = app.screen.query_one("#found", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_ctrl_e_puts_re_number_of_the_chosen_input_at_the_cursor(demo_store: Store) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        line = await _live(app, pilot)
        await _type(pilot, "/a Pilot it @keisha")
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, InputSearchDialog)
        await _type(pilot, "referral forms")
        # #3 is a discussion note nobody answered or filed: numbered, but not input to find.
        assert _found(app) == []
        await pilot.press("ctrl+u")
        await _type(pilot, "families be at")
        # Typing narrowed the list to the one input with those words.
        assert len(_found(app)) == 1
        assert _found(app)[0].startswith("#2 Aug 30 2026 Parent Partners asked")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LiveMeetingScreen)
        assert line.value == "/a Pilot it @keisha re:2 "
        assert line.has_focus
        assert line.cursor_position == len(line.value)


async def test_ctrl_e_on_another_series_input_puts_its_series_word_and_links_it(
    demo_store: Store,
) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        line = await _live(app, pilot)
        await _type(pilot, "/d Fund the rides")
        await pilot.press("ctrl+e")
        await pilot.pause()
        await _type(pilot, "waitlists")
        # Another series' input is numbered as re: names it, and says whose it is.
        assert _found(app)[0].startswith("listening#2 Oct 18 2026 Several families")
        assert "(Community Listening Sessions)" in _found(app)[0]
        await pilot.press("enter")
        await pilot.pause()
        assert line.value == "/d Fund the rides re:listening#2 "
        await pilot.press("enter")
        await pilot.pause()
        assert line.value == ""
    (decision,) = [d for d in demo_store.find(Decision) if d.text == "Fund the rides"]
    (link,) = demo_store.find(EntryLink, from_id=decision.id)
    listening = demo_lookup.series(demo_store, "Community Listening")
    assert link.to_id == input_by_number(demo_store, listening.id, 2).id


async def test_typing_another_series_reference_links_it(demo_store: Store) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        line = await _live(app, pilot)
        await _type(pilot, "/a Ask the court re:listening#1 @keisha")
        await pilot.press("enter")
        await pilot.pause()
        assert line.value == ""
        # A number the other series does not have: nothing saved, the line kept to fix.
        await _type(pilot, "/a Ask again re:listening#99")
        await pilot.press("enter")
        await pilot.pause()
        assert line.value == "/a Ask again re:listening#99"
        feedback = str(app.screen.query_one("#capture-feedback", Static).render())
        assert "Community Listening Sessions has no input #99" in feedback
    (action,) = [a for a in demo_store.find(ActionItem) if a.text == "Ask the court"]
    (link,) = demo_store.find(EntryLink, from_id=action.id)
    listening = demo_lookup.series(demo_store, "Community Listening")
    assert link.to_id == input_by_number(demo_store, listening.id, 1).id
    assert not [a for a in demo_store.find(ActionItem) if a.text.startswith("Ask again")]


async def test_escape_leaves_the_line_as_it_was(demo_store: Store) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        line = await _live(app, pilot)
        await _type(pilot, "a note")
        await pilot.press("ctrl+e")
        await pilot.pause()
        await pilot.press("down", "escape")
        await pilot.pause()
        assert isinstance(app.screen, LiveMeetingScreen)
        assert line.value == "a note"


def test_a_hit_shows_its_visibility_and_its_series_when_another(demo_store: Store) -> None:
    steering = demo_lookup.series(demo_store, "Steering")
    # An internal discussion note is input once filed under a theme.
    note = next(n for n in demo_store.find(Note) if n.text.startswith("Staffing shortfall"))
    file_entry(demo_store, steering.id, Note.table, note.id, ["staffing"])
    hits = {hit.text[:20]: hit for hit in search_inputs(demo_store, "")}
    staffing = next(h for t, h in hits.items() if t.startswith("Staffing shortfall"))
    assert staffing.visibility is Visibility.INTERNAL
    label = hit_label(staffing, home_series_id=steering.id).plain
    assert label.startswith("#4 Sep 27 2026 Staffing shortfall")
    assert label.endswith("[internal]")
    assert "Steering" not in label
    waitlists = next(h for t, h in hits.items() if "waitlists" in h.text)
    elsewhere = hit_label(waitlists, home_series_id=steering.id).plain
    assert elsewhere.startswith("listening#2 ")
    assert "(Community Listening Sessions)" in elsewhere
    # In its own series it is plain #2.
    assert hit_label(waitlists, home_series_id=waitlists.series_id).plain.startswith("#2 ")
