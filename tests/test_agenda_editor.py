"""The agenda editor driven by keys, as a coordinator would use it."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input, Select, Static

from facilitate.models import ActionItem, Body, Meeting, MeetingSeries
from facilitate.services.plan import agenda
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.screens.agenda_editor import AgendaEditorScreen

from .conftest import TODAY


def _rows(app: FacilitateApp) -> list[tuple[str, str]]:
    table = app.screen.query_one("#agenda", DataTable)
    return [
        (str(table.get_row_at(i)[1]), str(table.get_row_at(i)[3])) for i in range(table.row_count)
    ]


def _total(app: FacilitateApp) -> str:
    return str(app.screen.query_one("#total", Static).render())


def _series(store: Store) -> MeetingSeries:
    body = store.insert(Body(name="Core Team"))
    return store.insert(
        MeetingSeries(body_id=body.id, name="Core Team (biweekly)", default_template="core-team")
    )


async def _type(pilot: object, text: str) -> None:
    for char in text:
        await pilot.press(char)  # type: ignore[attr-defined]


async def test_build_agenda_from_template_by_keys(db_path: Path) -> None:
    store = Store.open(db_path)
    series = _series(store)
    app = FacilitateApp(store, today=TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        # The dialog opens on the date field; the series' default template is preselected.
        await _type(pilot, "12/3")
        await pilot.press("tab")
        await pilot.press("ctrl+u")
        await _type(pilot, "10am")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, AgendaEditorScreen)
        rows = _rows(app)
        template_titles = [r[0] for r in rows]
        assert len(rows) >= 6
        meeting = store.find(Meeting, series_id=series.id)[0]
        assert meeting.starts_at.isoformat() == "2026-12-03T10:00:00"

        # Trim the agenda to six items by deleting from the end (d, then y to confirm).
        while len(_rows(app)) > 6:
            await pilot.press("ctrl+end", "d")
            await pilot.pause()
            await pilot.press("y")
            await pilot.pause()
        assert [r[0] for r in _rows(app)] == template_titles[:6]

        # Move the third item to the top.
        await pilot.press("ctrl+home", "down", "down", "shift+up", "shift+up")
        await pilot.pause()
        assert _rows(app)[0][0] == template_titles[2]

        # Lengthen the selected (first) item's time box by 5 and watch the total follow.
        before = sum(int(r[1]) for r in _rows(app))
        assert f"Planned {before} of" in _total(app)
        await pilot.press("plus")
        await pilot.pause()
        assert int(_rows(app)[0][1]) == int(rows[2][1]) + 5
        assert f"Planned {before + 5} of" in _total(app)

        # Add an item proposed by a partner, right after the first one.
        await pilot.press("a")
        await pilot.pause()
        await _type(pilot, "Transportation to treatment")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert _rows(app)[1] == ("Transportation to treatment", "10")
        final = _rows(app)
    store.close()

    # Reopen: every change was saved as it was made.
    reopened = Store.open(db_path)
    meeting = reopened.find(Meeting, series_id=series.id)[0]
    assert [(i.title, str(i.minutes)) for i in agenda.items(reopened, meeting.id)] == final
    app = FacilitateApp(reopened, today=TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        app.push_screen(AgendaEditorScreen(meeting.id))
        await pilot.pause()
        assert _rows(app) == final
    reopened.close()


async def test_over_time_warning_and_bad_input_kept(store: Store) -> None:
    series = _series(store)
    meeting = agenda.create_meeting(
        store,
        agenda.MeetingPlan(
            series_id=series.id,
            starts_at=__import__("datetime").datetime(2026, 12, 3, 10),
            minutes=20,
        ),
    )
    agenda.add_item(store, meeting.id, "Updates", minutes=15)
    app = FacilitateApp(store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(AgendaEditorScreen(meeting.id))
        await pilot.pause()
        total = app.screen.query_one("#total", Static)
        assert not total.has_class("-over")
        await pilot.press("plus", "plus")
        await pilot.pause()
        assert "over by 5 min" in _total(app)
        assert total.has_class("-over")
        # A wrong time box is refused with a message; what was typed stays in the form.
        await pilot.press("a")
        await pilot.pause()
        await _type(pilot, "Budget")
        await pilot.press("tab", "tab", "tab")
        await pilot.press("ctrl+u")
        await _type(pilot, "0")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Time box" in str(app.screen.query_one("#error").render())
        assert app.screen.query_one("#title", Input).value == "Budget"


async def test_carry_over_is_offered_when_a_meeting_is_created(demo_store: Store) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        # Steering Committee is not the first series alphabetically: pick it explicitly. Its own
        # template follows it into "Start from".
        select = app.screen.query_one("#series")
        steering = next(s for s in demo_store.find(MeetingSeries) if s.name.startswith("Steering"))
        select.value = steering.id  # type: ignore[attr-defined]
        await pilot.pause()
        assert app.screen.query_one("#start", Select).value == "steering-committee"
        await pilot.press("ctrl+u")  # a field keeps its text when focused: clear the date
        await _type(pilot, "12/27")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert type(app.screen).__name__ == "CarryOverDialog"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        # Then the core team's report up (the demo's core team reports to the steering
        # committee): offered, not taken here.
        assert type(app.screen).__name__ == "TierOfferDialog"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.pause()
        titles = [r[0] for r in _rows(app)]
        # The commitments join the template's own review item instead of making a second one.
        assert "Review of action items" in titles
        assert "Follow-up on commitments" not in titles
    meeting = demo_store.find(Meeting, series_id=steering.id, order_by="-starts_at")[0]
    follow_up = next(
        i for i in agenda.items(demo_store, meeting.id) if i.title == "Review of action items"
    )
    open_texts = [a.text for a in demo_store.find(ActionItem) if a.status.is_open]
    steering_open = [t for t in open_texts if any(t in p for p in follow_up.prompts)]
    assert len(steering_open) == 4
