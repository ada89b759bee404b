"""Save as template keeps an agenda's structure only, and never silently replaces a template."""

from __future__ import annotations

import tomllib
from datetime import datetime
from pathlib import Path

from click.testing import CliRunner
from textual.pilot import Pilot
from textual.widgets import Input

from facilitate import paths
from facilitate.cli import cli
from facilitate.models import AgendaItem, Meeting, ParkingLotItem
from facilitate.services.plan import agenda, carry_over
from facilitate.services.plan.agenda import MeetingPlan
from facilitate.services.plan.templates import get_template, load_templates, template_to_toml
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.confirm import ConfirmDialog
from facilitate.tui.dialogs.save_template import SaveTemplateDialog
from facilitate.tui.screens.agenda_editor import AgendaEditorScreen

from .conftest import TODAY
from .helpers.demo_lookup import upcoming

# An open demo action the steering committee carries onto its next agenda.
OPEN_ACTION = "Pilot the shared referral form"


def _with_everything_carried_over(store: Store) -> Meeting:
    """The demo's upcoming steering meeting after its coordinator accepted every carry-over."""
    meeting = upcoming(store)
    # The demo's own parking-lot entry is answered in the loop, so no longer owed: park one more
    # at the last meeting held, so the agenda carries an entry of each kind.
    held = max(
        (m for m in store.find(Meeting, series_id=meeting.series_id) if m.closed_at),
        key=lambda m: m.starts_at,
    )
    store.insert(ParkingLotItem(meeting_id=held.id, text="Weekend visiting hours at the center"))
    offer = carry_over.carry_over_offer(store, meeting)
    assert offer.actions and offer.parking
    carry_over.accept_carry_over(
        store,
        meeting.id,
        offer,
        action_ids={a.id for a in offer.actions},
        parking_ids={p.id for p in offer.parking},
        continued_ids={i.id for i in offer.continued},
    )
    return store.get(Meeting, meeting.id)


def _every_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


# -- the service -----------------------------------------------------------------------------


def test_template_leaves_out_this_meetings_commitments_and_talking_points(
    demo_store: Store,
) -> None:
    meeting = _with_everything_carried_over(demo_store)
    follow_up = next(i for i in agenda.items(demo_store, meeting.id) if "commitments" in i.title)
    assert any(OPEN_ACTION in p for p in follow_up.prompts)  # the agenda itself has them
    follow_up.prompts = [*follow_up.prompts, "Which commitments are stuck, and why?"]
    demo_store.save(follow_up)

    template = agenda.as_template(demo_store, meeting, "Steering agenda")

    prompts = [p for item in template.items for p in item.prompts]
    assert not any(p.startswith(("Action:", "Parking lot:")) for p in prompts)
    assert not any(OPEN_ACTION in p for p in prompts)
    # The talking point Lorraine proposed on a date is this meeting's, not the agenda's shape.
    titles = [item.title for item in template.items]
    assert "ICWA notification timelines" not in titles
    assert titles == [
        "Welcome, introductions and ground rules",
        "Approve last month's minutes",
        "Follow-up on commitments",
        "Peer recovery coach pilot: first 60 days",
        "Plus / delta and next steps",
    ]
    kept = template.items[2]
    assert (kept.purpose.value, kept.minutes, kept.lead) == ("discuss", 20, "facilitator")
    assert kept.prompts == ["Which commitments are stuck, and why?"]
    # The stored agenda is untouched.
    assert any(OPEN_ACTION in p for p in demo_store.get(AgendaItem, follow_up.id).prompts)


def test_items_continued_from_an_earlier_meeting_are_left_out(demo_store: Store) -> None:
    meeting = upcoming(demo_store)
    continued = agenda.add_item(demo_store, meeting.id, "Finish the MOU discussion")
    continued.carried_from_item_id = agenda.items(demo_store, meeting.id)[0].id
    demo_store.save(continued)

    template = agenda.as_template(demo_store, meeting, "Steering agenda")

    assert "Finish the MOU discussion" not in [item.title for item in template.items]


def test_starting_from_the_last_meeting_copies_its_structure_only(demo_store: Store) -> None:
    last = _with_everything_carried_over(demo_store)

    made = agenda.create_meeting(
        demo_store,
        MeetingPlan(series_id=last.series_id, starts_at=datetime(2027, 1, 12, 13)),
        from_last=True,
    )

    prompts = [p for item in agenda.items(demo_store, made.id) for p in item.prompts]
    assert not any(OPEN_ACTION in p for p in prompts)
    titles = [item.title for item in agenda.items(demo_store, made.id)]
    assert "Follow-up on commitments" in titles
    assert "ICWA notification timelines" not in titles


# -- by keys, as the coordinator does it -----------------------------------------------------


async def _open_agenda(pilot: Pilot[None], app: FacilitateApp, meeting: Meeting) -> None:
    app.push_screen(AgendaEditorScreen(meeting.id))
    await pilot.pause()


async def _type(pilot: Pilot[None], text: str) -> None:
    for char in text:
        await pilot.press("space" if char == " " else char)


def _templates_list() -> dict[str, str]:
    listed = CliRunner().invoke(cli, ["templates", "list"])
    assert listed.exit_code == 0, listed.output
    return {line.split()[0]: line.split()[-1] for line in listed.output.splitlines()}


async def test_t_then_enter_saves_a_new_template_and_leaves_the_shipped_one(
    demo_store: Store,
) -> None:
    meeting = _with_everything_carried_over(demo_store)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await _open_agenda(pilot, app, meeting)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, SaveTemplateDialog)
        assert app.screen.query_one("#name", Input).value == "Steering Committee agenda"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AgendaEditorScreen)

    listed = _templates_list()
    assert listed["steering-committee"] == "shipped"
    assert listed["steering-committee-agenda"] == "yours"
    saved = paths.user_templates_dir() / "steering-committee-agenda.toml"
    assert OPEN_ACTION not in _every_text(saved)
    assert "Parking lot" not in _every_text(saved)
    assert len(tomllib.loads(_every_text(saved))["items"]) == 5


async def test_a_shipped_name_is_refused_in_the_dialog_with_a_new_one_offered(
    demo_store: Store,
) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await _open_agenda(pilot, app, upcoming(demo_store))
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("ctrl+u")
        await _type(pilot, "Steering Committee")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SaveTemplateDialog)
        error = str(app.screen.query_one("#error").render())
        assert error == "A shipped template has this name; try “Steering Committee agenda”"
        # Typing again clears the line; escape leaves without saving.
        await _type(pilot, " 2")
        assert str(app.screen.query_one("#error").render()) == ""
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AgendaEditorScreen)
    assert not paths.user_templates_dir().exists()
    assert _templates_list()["steering-committee"] == "shipped"


async def test_replacing_a_template_of_your_own_is_asked_first(demo_store: Store) -> None:
    meeting = upcoming(demo_store)
    folder = paths.user_templates_dir()
    older = get_template("core-team").model_copy(update={"name": "Steering Committee agenda"})
    folder.mkdir(parents=True)
    path = folder / "steering-committee-agenda.toml"
    path.write_text(template_to_toml(older), encoding="utf-8")
    before = _every_text(path)

    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await _open_agenda(pilot, app, meeting)
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        # No: back to the name, nothing written.
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, SaveTemplateDialog)
        assert _every_text(path) == before
        # Yes this time: the agenda replaces the older template, in the same file.
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, AgendaEditorScreen)

    assert sorted(p.name for p in folder.iterdir()) == ["steering-committee-agenda.toml"]
    replaced = load_templates(folder).get("Steering Committee agenda")
    assert replaced is not None
    assert replaced.items[0].title == "Welcome, introductions and ground rules"


async def test_a_templates_folder_that_cannot_be_written_gets_one_line(demo_store: Store) -> None:
    blocked = paths.user_templates_dir()
    blocked.parent.mkdir(parents=True, exist_ok=True)
    blocked.write_text("a file where the folder should be\n", encoding="utf-8")
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await _open_agenda(pilot, app, upcoming(demo_store))
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AgendaEditorScreen)
        shown = [n.message for n in app._notifications]
    assert any(message.startswith("Template not saved:") for message in shown)
    assert blocked.read_text(encoding="utf-8") == "a file where the folder should be\n"
