"""Discoverable capture, by keys: the completion list under the capture line, the keys of every
screen from F1 (and ``?`` outside a text field), and a ground rule invoked kept as an entry."""

from __future__ import annotations

from textual.widgets import DataTable, Input

from facilitate.models import Meeting, Note
from facilitate.models.enums import MeetingStatus
from facilitate.services.people.people_lookup import Candidate
from facilitate.services.run import live
from facilitate.services.run.completion import Names, complete
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.screens.live import LiveMeetingScreen
from facilitate.tui.widgets.completion_list import CompletionList
from facilitate.tui.widgets.screen_help import ScreenHelp

from .conftest import TODAY


def _steering(store: Store) -> Meeting:
    return next(
        m
        for m in store.find(Meeting, order_by="starts_at")
        if m.status == MeetingStatus.PLANNED and m.title.startswith("Steering")
    )


NOBODY = Names()


def _offered(line: str, names: Names = NOBODY) -> list[str]:
    return [item.insert.strip() for item in complete(line, len(line), names).items]


# -- what the completion list offers ------------------------------------------------------------


def test_a_slash_offers_the_kinds_and_a_kind_offers_its_keys() -> None:
    assert _offered("/") == ["/d", "/a", "/p", "/n"]
    decision = _offered("/d ")
    for key in ("method:", "outcome:", "for:", "against:", "aside:@", "block:@", "#public"):
        assert key in decision
    assert _offered("/a ")[:3] == ["@", "due:", "org:"]
    assert "~participant" in _offered("/n ")


def test_a_key_offers_its_values() -> None:
    assert _offered("/d Fund it method:co") == ["method:consensus", "method:consent"]
    assert "outcome:referred:" in _offered("/d Fund it outcome:")
    assert 'due:"next week"' in _offered("/a Book it due:")
    assert _offered("Plain words of a note") == []
    assert _offered("/d Fund it f") == []  # one letter of the text: too soon to offer keys


def test_an_at_sign_offers_the_people_whose_names_start_so() -> None:
    names = Names(
        (
            Candidate("Dana Whitfield", "p1"),
            Candidate("Dana Smith", "p2"),
            Candidate("Tom Okafor", "p3"),
        ),
        ("Parent Partners", "CFS"),
    )
    assert _offered("/a Send it @da", names) == ["@dana.whitfield", "@dana.smith"]
    assert _offered("/a Send it @oka", names) == ["@tom"]
    assert _offered("/d Fund it block:@pa", names) == ['block:@"Parent Partners"']


# -- the list on the live screen ----------------------------------------------------------------


async def test_typing_a_slash_shows_what_can_follow_and_tab_takes_it(demo_store: Store) -> None:
    meeting = _steering(demo_store)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 34)) as pilot:
        app.screen.run_meeting(meeting.id)  # type: ignore[attr-defined]
        await pilot.pause()
        listing = app.screen.query_one(CompletionList)
        line = app.screen.query_one("#capture", Input)
        assert not listing.is_open
        await pilot.press("slash")
        await pilot.pause()
        assert listing.is_open and listing.option_count == 4
        await pilot.press("tab")
        await pilot.pause()
        assert line.value == "/d "
        assert "method:" in [item.insert for item in listing.offered.items]
        for key in "me":
            await pilot.press(key)
        await pilot.press("tab")
        await pilot.pause()
        assert line.value == "/d method:"
        await pilot.press("down", "tab")  # the second method offered: consent
        await pilot.pause()
        assert line.value == "/d method:consent "
        assert line.has_focus
        # @ offers the people at the table and on the body.
        line.value = "/a Send the MOU @da"
        line.cursor_position = len(line.value)
        await pilot.pause()
        assert [item.hint for item in listing.offered.items] == ["Dana Whitfield"]
        await pilot.press("tab")
        await pilot.pause()
        assert line.value == "/a Send the MOU @dana "
        await pilot.press("number_sign")
        await pilot.pause()
        assert listing.is_open
        await pilot.press("escape")  # closes the list; the meeting screen stays
        await pilot.pause()
        assert not listing.is_open
        assert isinstance(app.screen, LiveMeetingScreen)
        await pilot.press("enter")  # and Enter saves the line as typed
        await pilot.pause()
        assert line.value == ""


# -- the keys of the screen ---------------------------------------------------------------------


async def test_f1_opens_the_live_screens_keys_and_question_mark_is_typed(
    demo_store: Store,
) -> None:
    meeting = _steering(demo_store)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 34)) as pilot:
        app.screen.run_meeting(meeting.id)  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        # In the capture line, ? is a character of the note.
        assert isinstance(app.screen, LiveMeetingScreen)
        assert app.screen.query_one("#capture", Input).value == "?"
        await pilot.press("f1")
        await pilot.pause()
        shown = app.screen
        assert isinstance(shown, ScreenHelp)
        headings = [heading for heading, _ in shown.sections]
        assert headings[0] == "This screen"
        this_screen = {what: key for key, what in shown.sections[0][1]}
        for what in ("Decision", "Correct", "Remove", "Restore", "History", "Ground rule"):
            assert what in this_screen
        every_line = " ".join(what for _, lines in shown.sections for _, what in lines).lower()
        for editing in ("cut", "paste", "delete", "cursor", "select all"):
            assert editing not in every_line
        assert "The capture line" in headings
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LiveMeetingScreen)
        # Outside a text field, ? opens the same keys.
        app.screen.query_one("#entries", DataTable).focus()
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, ScreenHelp)


async def test_f1_opens_the_keys_of_the_opening_and_closing_screens(demo_store: Store) -> None:
    meeting = _steering(demo_store)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 34)) as pilot:
        app.screen.run_meeting(meeting.id)  # type: ignore[attr-defined]
        await pilot.pause()
        for key, title in (("ctrl+o", "Keys — opening"), ("ctrl+l", "Keys — closing")):
            await pilot.press(key)
            await pilot.pause()
            await pilot.press("f1")
            await pilot.pause()
            assert isinstance(app.screen, ScreenHelp)
            assert app.screen.heading == title
            await pilot.press("escape", "escape")
            await pilot.pause()
            assert isinstance(app.screen, LiveMeetingScreen)


# -- ground rules in the record -----------------------------------------------------------------


async def test_a_ground_rule_invoked_is_an_entry_in_the_feed(demo_store: Store) -> None:
    meeting = _steering(demo_store)
    live.open_meeting(demo_store, meeting.id)
    rules = live.agree_ground_rules(demo_store, meeting.id)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LiveMeetingScreen)
        await pilot.press("ctrl+g")
        await pilot.pause()
        await pilot.press("enter")  # the first rule
        await pilot.pause()
        table = app.screen.query_one("#entries", DataTable)
        last = [str(cell) for cell in table.get_row_at(table.row_count - 1)]
        assert last[1:3] == ["RULE", "internal"]
    [note] = demo_store.find(Note, meeting_id=meeting.id)
    assert note.ground_rule_id == rules.rules[0].id
