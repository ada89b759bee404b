"""The Loop screen driven by keys on the demo partnership at 80×24, checked against the file."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Label, OptionList, Select, Static

from facilitate.models import Decision, EntryLink, Meeting
from facilitate.models.enums import LoopResponseKind, Visibility
from facilitate.models.loop import LoopResponse
from facilitate.services.record import loop_links
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.choose import ChoiceDialog
from facilitate.tui.dialogs.confirm import ConfirmDialog
from facilitate.tui.dialogs.input_search import InputSearchDialog
from facilitate.tui.dialogs.loop_response import LoopResponseDialog
from facilitate.tui.dialogs.response_chooser import ResponseChooserDialog
from facilitate.tui.screens.loop import LoopScreen
from facilitate.tui.widgets.table import Table

from .conftest import TODAY
from .helpers import demo_lookup

PARENT_PARTNERS = "Parent Partners asked that families be at the table"


async def _type(pilot: Pilot[None], text: str) -> None:
    for char in text:
        await pilot.press("space" if char == " " else char)


def _cells(app: FacilitateApp) -> list[list[str]]:
    table = app.screen.query_one("#loop-inputs", Table)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def _cursor_number(app: FacilitateApp) -> str:
    table = app.screen.query_one("#loop-inputs", Table)
    return str(table.get_row_at(table.cursor_row)[0])


def _answer_row(app: FacilitateApp, number: str) -> list[str]:
    return next(row for row in _cells(app) if row[0] == number)


def _answer(app: FacilitateApp, number: str) -> str:
    return _answer_row(app, number)[2]


def _detail(app: FacilitateApp) -> str:
    return str(app.screen.query_one("#loop-detail", Static).render())


async def _open_from_home(app: FacilitateApp, pilot: Pilot[None], series: str) -> None:
    """Highlight a meeting of `series` on Home, then press i, as a user does."""
    store = app.store
    wanted = demo_lookup.upcoming(store, series)
    table = app.screen.query_one("#upcoming", Table)
    table.focus()
    table.move_cursor(row=table.get_row_index(wanted.id))
    await pilot.press("i")
    await pilot.pause()
    assert isinstance(app.screen, LoopScreen)


async def _to_number(app: FacilitateApp, pilot: Pilot[None], number: int) -> None:
    """Down to the row of input `number`; fails (rather than pressing on) when it is not listed."""
    table = app.screen.query_one("#loop-inputs", Table)
    table.move_cursor(row=0)
    for _ in range(table.row_count):
        if _cursor_number(app) == str(number):
            return
        await pilot.press("down")
    assert _cursor_number(app) == str(number), f"#{number} is not listed"


async def test_home_i_opens_the_series_input_numbered_with_answers(demo_store: Store) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_from_home(app, pilot, "Steering")
        rows = _cells(app)
        # Input only: the note answered and the parking-lot entry, under their numbers.
        assert [row[0] for row in rows] == ["2", "6"]
        # At 80 columns the number, date, answer and words are all drawn.
        columns = [c.value for c in app.screen.query_one("#loop-inputs", Table).columns]
        assert columns[:5] == ["number", "date", "answer", "visibility", "input"]
        assert rows[0][1] == "Aug 30"
        assert rows[0][4].startswith(PARENT_PARTNERS)
        info = str(app.screen.query_one("#loop-info", Static).render())
        assert "2 pieces of input, 2 answered · a all notes" in info
        # a: every numbered note, the discussion notes said not to be input.
        await pilot.press("a")
        await pilot.pause()
        rows = _cells(app)
        assert [row[0] for row in rows] == ["1", "2", "3", "4", "5", "6"]
        assert (rows[3][2], rows[3][3]) == ("not input", "internal")
        assert "All 6 numbered notes: 2 pieces of input" in str(
            app.screen.query_one("#loop-info", Static).render()
        )
        await _to_number(app, pilot, 2)
        assert PARENT_PARTNERS in _detail(app)
        await pilot.press("escape")
        assert not isinstance(app.screen, LoopScreen)


async def test_link_then_unlink_a_decision_by_keys(demo_store: Store, db_path: Path) -> None:
    steering = demo_lookup.series(demo_store, "Steering")
    referral_forms = loop_links.input_by_number(demo_store, steering.id, 3)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_from_home(app, pilot, "Steering")
        await pilot.press("a")  # #3 is a discussion note: listed with every numbered note
        await _to_number(app, pilot, 3)
        assert _answer(app, "3") == "not input"
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, ResponseChooserDialog)
        await _type(pilot, "decision referral")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LoopScreen)
        # The cursor stayed on the input linked, and its answer now says so.
        assert _cursor_number(app) == "3"
        assert _answer(app, "3") == "decision adopted"
        assert "Use one shared referral form" in _detail(app)

        reopened = Store.open(db_path, create=False)
        try:
            links = reopened.find(EntryLink, to_id=referral_forms.id)
            decision = reopened.get(Decision, links[0].from_id)
        finally:
            reopened.close()
        assert len(links) == 1
        assert decision.text.startswith("Use one shared referral form")

        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert _cursor_number(app) == "3"
        assert _answer(app, "3") == "not input"
        assert app.store.find(EntryLink, to_id=referral_forms.id) == []
        # The decision itself stays on record.
        assert app.store.get(Decision, decision.id).text == decision.text


async def test_record_a_declined_response_needs_its_reason(demo_store: Store) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_from_home(app, pilot, "Steering")
        await pilot.press("a")
        await _to_number(app, pilot, 5)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, LoopResponseDialog)
        await _type(pilot, "No county funds for rides this year")
        await pilot.press("ctrl+s")
        await pilot.pause()
        # Declined is the default; without a reason the form stays, with what was typed.
        assert isinstance(app.screen, LoopResponseDialog)
        assert "Why not is empty" in str(app.screen.query_one("#error", Label).render())
        # The form put the cursor in the reason.
        await _type(pilot, "the transit grant ended in June")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LoopScreen)
        assert _cursor_number(app) == "5"
        assert _answer(app, "5") == "declined"
        assert "declined: the transit grant ended in June" in _detail(app)
        stored = app.store.find(LoopResponse, text="No county funds for rides this year")
        assert len(stored) == 1
        assert stored[0].kind is LoopResponseKind.DECLINED
        assert stored[0].text == "No county funds for rides this year"
        assert stored[0].reason == "the transit grant ended in June"
        assert stored[0].visibility is Visibility.PARTNERS
        assert stored[0].responded_on == TODAY

        # Recorded by mistake: u removes it (after asking).
        await pilot.press("u")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.store.find(LoopResponse, id=stored[0].id) == []
        assert _answer(app, "5") == "not input"


async def test_find_input_of_another_series_shows_that_series(demo_store: Store) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_from_home(app, pilot, "Steering")
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.screen, InputSearchDialog)
        await _type(pilot, "waitlists")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LoopScreen)
        listening = demo_lookup.series(app.store, "Community Listening")
        assert app.screen.series_id == listening.id
        assert _cursor_number(app) == "2"
        assert "waitlists" in _detail(app)


async def test_export_writes_the_public_report(demo_store: Store, db_path: Path) -> None:
    # A public response to public input, so the public report has something to say.
    store = demo_store
    listening = demo_lookup.series(store, "Community Listening")
    first = loop_links.input_by_number(store, listening.id, 1)
    steering = demo_lookup.series(store, "Steering")
    october = store.find(Meeting, series_id=steering.id, order_by="-starts_at")[1]
    decision = store.find(Decision, meeting_id=october.id)[0]
    loop_links.link_response(store, decision, first)
    app = FacilitateApp(store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_from_home(app, pilot, "Steering")
        await pilot.press("slash")
        await _type(pilot, "72 hours")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("enter")  # the first choice: the public version
        await app.workers.wait_for_complete()
        await pilot.pause()
    written = sorted((db_path.parent / "exports").glob("*-you-said-we-did-public.*"))
    assert [p.suffix for p in written] == [".html", ".md"]
    markdown = written[1].read_text(encoding="utf-8")
    assert "72 hours" in markdown
    assert "described their own case" not in markdown  # confidential input


async def test_listening_input_is_linked_to_what_another_series_did(demo_store: Store) -> None:
    """A listening session decides nothing: its input is answered by the bodies that do, so the
    chooser offers the partnership's decisions and actions, each naming its series."""
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_from_home(app, pilot, "Steering")
        await pilot.press("slash")
        await _type(pilot, "ICWA")
        await pilot.press("enter")
        await pilot.pause()
        assert _cursor_number(app) == "3"
        assert _answer(app, "3") == "no response yet"
        await pilot.press("l")
        await pilot.pause()
        await _type(pilot, "tribal council")
        found = app.screen.query_one("#found", OptionList)
        assert found.option_count == 1
        assert "Steering Committee" in str(found.get_option_at_index(0).prompt)
        await pilot.press("enter")
        await pilot.pause()
        assert _answer(app, "3") == "action in progress"
        assert "Ask the Tribal Council to review" in _detail(app)


async def test_a_series_without_input_says_so_and_changes_nothing(demo_store: Store) -> None:
    core = demo_lookup.series(demo_store, "Core Team")
    links, answers = demo_store.count(EntryLink), demo_store.count(LoopResponse)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(LoopScreen(core.id))
        await pilot.pause()
        assert "No input in this series yet" in _detail(app)
        for key in ("l", "u", "r"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, LoopScreen)
        assert any("No input in this series" in str(n.message) for n in app._notifications)
    assert (demo_store.count(EntryLink), demo_store.count(LoopResponse)) == (links, answers)


async def test_v_makes_the_highlighted_input_public(demo_store: Store) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_from_home(app, pilot, "Steering")
        await _to_number(app, pilot, 2)
        assert _answer_row(app, "2")[3] == "partners"
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        options = app.screen.query_one("#choices", OptionList)
        labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert labels[0].startswith("Public") and labels[1].endswith("(now)")
        assert options.highlighted == 1  # it starts on who sees it now
        await pilot.press("up", "enter")  # up to the first choice: public
        await pilot.pause()
        assert isinstance(app.screen, LoopScreen)
        assert _cursor_number(app) == "2"
        assert _answer_row(app, "2")[3] == "public"
        # Escape changes nothing.
        await pilot.press("v")
        await pilot.pause()
        await pilot.press("down", "down", "escape")
        await pilot.pause()
        assert _answer_row(app, "2")[3] == "public"
    steering = demo_lookup.series(demo_store, "Steering")
    stored = loop_links.input_by_number(demo_store, steering.id, 2)
    assert stored.visibility is Visibility.PUBLIC


async def test_v_then_enter_keeps_who_may_see_the_input(demo_store: Store) -> None:
    """The chooser starts on the current value: Enter alone publishes nothing."""
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_from_home(app, pilot, "Steering")
        await _to_number(app, pilot, 2)
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LoopScreen)
        assert _answer_row(app, "2")[3] == "partners"
    steering = demo_lookup.series(demo_store, "Steering")
    stored = loop_links.input_by_number(demo_store, steering.id, 2)
    assert stored.visibility is Visibility.PARTNERS


async def test_export_offers_the_one_pager_and_says_nothing_is_public_yet(
    demo_store: Store, db_path: Path
) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_from_home(app, pilot, "Steering")
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        options = app.screen.query_one("#choices", OptionList)
        last = options.option_count - 1
        assert str(options.get_option_at_index(last).prompt).startswith("Community one-pager")
        for _ in range(last):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        # Asked before anything is written: nothing in it is for the public yet.
        assert isinstance(app.screen, ConfirmDialog)
        assert "Nothing here is public yet" in app.screen.question
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        status = str(app.screen.query_one("#loop-status", Static).render())
        assert "Nothing here is public yet: 2 inputs are shared with partners only" in status
        assert any(
            "Loop screen (v)" in str(n.message) and n.severity == "warning"
            for n in app._notifications
        )
    written = sorted((db_path.parent / "exports").glob("*-you-said-we-did-one-page-public.*"))
    assert [p.suffix for p in written] == [".html", ".md"]
    assert "Nothing here is public yet" in written[1].read_text(encoding="utf-8")


async def test_an_answer_is_seen_by_whoever_sees_the_input_at_first(demo_store: Store) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_from_home(app, pilot, "Steering")
        await pilot.press("slash")
        await _type(pilot, "72 hours")  # listening #1, public
        await pilot.press("enter")
        await pilot.pause()
        for number, seen_by in (("1", "public"), ("3", "partners"), ("4", "internal")):
            await _to_number(app, pilot, int(number))
            await pilot.press("r")
            await pilot.pause()
            assert isinstance(app.screen, LoopResponseDialog)
            # Confidential input (#4) is answered internally: an answer is for a report.
            assert app.screen.query_one("#response-visibility", Select).value == seen_by
            await pilot.press("escape")
            await pilot.pause()


async def test_f4_opens_the_theme_board_after_the_meeting(demo_store: Store) -> None:
    """Themes are tidied after the meeting too: F4 from the Loop screen, Esc back to it."""
    from facilitate.tui.screens.theme_board import ThemeBoardScreen

    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await _open_from_home(app, pilot, "Steering")
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, ThemeBoardScreen)
        assert app.screen.series_id == demo_lookup.series(demo_store, "Steering").id
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LoopScreen)
