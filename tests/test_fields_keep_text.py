"""A form field keeps what it holds when it gets focus (tui/widgets/text_field.py), and a form
opens with focus in its first field (tui/dialogs/form.py `AUTO_FOCUS`), found in a new-user
tryout: ctrl+o at closing opened "Correct this entry" with the action's text selected, so the
first key typed replaced it; and keys typed as "New meeting series" opened never reached Name."""

from __future__ import annotations

from textual import events
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from facilitate.models import ActionItem
from facilitate.services.people import bodies
from facilitate.services.people.directory import Choice
from facilitate.services.plan import series as series_api
from facilitate.services.run import capture, live
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.body_form import BodyDialog
from facilitate.tui.dialogs.correct_entry import CorrectDialog
from facilitate.tui.dialogs.series_form import SeriesChoice, SeriesDialog
from facilitate.tui.screens.closing import ClosingScreen
from facilitate.tui.screens.setup import SetupScreen
from facilitate.tui.widgets.text_field import TextField

from .conftest import TODAY
from .helpers.demo_lookup import upcoming

FOLLOW_UP = "Follow up with the court clerk"


def _focused_id(app: FacilitateApp) -> str | None:
    focused = app.screen.focused
    return focused.id if focused is not None else None


async def _correct_at_closing(app: FacilitateApp, pilot: Pilot[None], store: Store) -> str:
    """The demo's steering meeting, running, with one action whose owner matched nobody; at
    closing, ctrl+o opens the correction dialog on it. Returns the meeting's id."""
    meeting = upcoming(store)
    live.open_meeting(store, meeting.id)
    capture.add_action(store, meeting.id, FOLLOW_UP, owner_text="the judge")
    app.push_screen(ClosingScreen(meeting.id))
    await pilot.pause()
    await pilot.press("ctrl+o")
    await pilot.pause()
    assert isinstance(app.screen, CorrectDialog)
    return meeting.id


async def test_a_key_typed_in_the_correct_entry_dialog_adds_to_the_text(
    demo_store: Store,
) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        meeting_id = await _correct_at_closing(app, pilot, demo_store)
        assert _focused_id(app) == "text"
        await pilot.press("Q")
        assert app.screen.query_one("#text", Input).value == FOLLOW_UP + "Q"
        await pilot.press("backspace", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ClosingScreen)
    [action] = demo_store.find(ActionItem, meeting_id=meeting_id)
    assert action.text == FOLLOW_UP


async def test_a_filled_field_reached_by_tab_keeps_its_text(demo_store: Store) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await _correct_at_closing(app, pilot, demo_store)
        owner = app.screen.query_one("#owner", Input)
        while app.screen.focused is not owner:
            await pilot.press("tab")
        await pilot.press("s")
        assert owner.value == '@"the judge"s'


async def test_an_edit_form_built_on_a_plain_input_keeps_its_text(demo_store: Store) -> None:
    """An edit form opened on a stored body (set-up's `e`) keeps each row's text when a key is
    typed in it."""
    core = next(b for b in bodies.bodies(demo_store) if b.name == "Core Team")
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        app.push_screen(SetupScreen())
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        table = app.screen.query_one("#bodies-table", DataTable)
        table.move_cursor(row=table.get_row_index(core.id))
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, BodyDialog)
        assert _focused_id(app) == "name"
        await pilot.press("2")
        assert app.screen.query_one("#name", Input).value == "Core Team2"


class KeysWhileOpening(SeriesDialog):
    """The new-series form with the user's first keys arriving while it is still opening: they
    reach the app before the form's own `on_mount` (which reads the store) has run, as they do
    when a facilitator types the name straight after pressing `a`."""

    def on_mount(self) -> None:
        for key in "Board":
            self.app.post_message(events.Key(key, key))


async def test_keys_typed_as_a_new_series_opens_reach_its_name(demo_store: Store) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        dialog = KeysWhileOpening(
            [Choice(b.id, b.name) for b in bodies.bodies(demo_store)],
            series_api.template_names(None),
            series_api.starting_rule_sets(None),
            TODAY,
        )
        chosen: list[SeriesChoice | None] = []
        app.push_screen(dialog, chosen.append)
        await pilot.pause()
        assert _focused_id(app) == "name"
        assert dialog.query_one("#name", Input).value == "Board"
        await pilot.press("ctrl+s")
        await pilot.pause()
    [choice] = chosen
    assert choice is not None
    assert choice.fields.name == "Board"


async def test_a_new_series_from_set_up_takes_the_name_typed_first(demo_store: Store) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        app.push_screen(SetupScreen())
        await pilot.pause()
        await pilot.press("4", "a", "B", "o", "a", "r", "d")
        assert isinstance(app.screen, SeriesDialog)
        assert app.screen.query_one("#name", Input).value == "Board"


class TwoFields(App[None]):
    """Two text fields, as in a form: a name, and a length the form fills in after it opens."""

    def compose(self) -> ComposeResult:
        yield TextField("Core team", id="name")
        yield TextField("90", id="minutes")


async def test_a_field_refilled_by_the_form_takes_keys_at_its_end() -> None:
    app = TwoFields()
    async with app.run_test() as pilot:
        minutes = app.query_one("#minutes", TextField)
        minutes.value = "120"  # as a form offers a template's length, after its first value
        await pilot.press("tab")
        assert app.focused is minutes
        await pilot.press("5")
        assert minutes.value == "1205"
