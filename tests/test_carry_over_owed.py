"""What carry-over offers is what is still owed, said the same way by the service, the CLI and
the app: a parking-lot entry the loop has settled is not offered, and a session planned for the
evening one was just held in is owed what that one left open."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from click.testing import CliRunner

from facilitate.cli import cli
from facilitate.models import ActionItem, Decision, Meeting, MeetingSeries, ParkingLotItem
from facilitate.models.enums import DecisionOutcome
from facilitate.services.plan import agenda
from facilitate.services.plan.carry_over import carry_over_offer, earlier_meetings
from facilitate.services.record.loop_links import link_response
from facilitate.services.run.live import open_meeting
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.carry_over import CarryOverDialog
from facilitate.tui.screens.agenda_editor import AgendaEditorScreen

from .conftest import TODAY

DAY = date(2026, 12, 10)
ANSWERED = "Can the court offer evening hearings?"
WAITING = "Childcare during the sessions"
PUT_OFF = "A session in Spanish"


@dataclass(frozen=True)
class Evening:
    """The listening series and the session held on DAY, what it left behind in the record."""

    series: MeetingSeries
    held: Meeting
    action: ActionItem


def _listening(store: Store) -> MeetingSeries:
    (series,) = [s for s in store.find(MeetingSeries) if s.name.startswith("Community Listening")]
    return series


def _plan(store: Store, series: MeetingSeries, day: date) -> Meeting:
    """A session planned on `day` as the app and the CLI plan one: at the series' usual time
    (its latest session's start, the listening series having no cadence)."""
    start = agenda.next_meeting_defaults(store, series.id, TODAY).start
    return agenda.create_meeting(
        store, agenda.MeetingPlan(series_id=series.id, starts_at=datetime.combine(day, start))
    )


def _held_evening(store: Store) -> Evening:
    """A session on DAY at 18:00, opened, with three parking-lot entries: one settled by an
    adopted decision, one nothing answers, one answered only by a deferred decision; and an
    action still open."""
    series = _listening(store)
    held = agenda.create_meeting(
        store,
        agenda.MeetingPlan(series_id=series.id, starts_at=datetime.combine(DAY, time(18))),
    )
    open_meeting(store, held.id, datetime.combine(DAY, time(18, 2), tzinfo=UTC))
    entries = {
        text: store.insert(ParkingLotItem(meeting_id=held.id, text=text))
        for text in (ANSWERED, WAITING, PUT_OFF)
    }
    pilot = store.insert(Decision(meeting_id=held.id, text="The court pilots evening hearings"))
    link_response(store, pilot, entries[ANSWERED])
    later = store.insert(
        Decision(meeting_id=held.id, text="Come back to Spanish", outcome=DecisionOutcome.DEFERRED)
    )
    link_response(store, later, entries[PUT_OFF])
    action = store.insert(ActionItem(meeting_id=held.id, text="Ask the library for a room"))
    return Evening(series=series, held=store.get(Meeting, held.id), action=action)


def test_an_entry_settled_in_the_loop_is_not_offered(demo_store: Store) -> None:
    evening = _held_evening(demo_store)
    next_week = _plan(demo_store, evening.series, date(2026, 12, 17))
    offer = carry_over_offer(demo_store, next_week)
    # A deferred decision leaves its entry waiting; an adopted one settles it.
    assert [p.text for p in offer.parking] == [WAITING, PUT_OFF]
    assert [a.text for a in offer.actions] == [evening.action.text]


def test_a_session_planned_the_same_evening_is_owed_what_the_held_one_left(
    demo_store: Store,
) -> None:
    evening = _held_evening(demo_store)
    same_evening = _plan(demo_store, evening.series, DAY)
    assert same_evening.starts_at == evening.held.starts_at
    assert earlier_meetings(demo_store, same_evening)[-1].id == evening.held.id
    # The held one is not owed anything by the one planned after it at the same hour.
    assert same_evening.id not in {m.id for m in earlier_meetings(demo_store, evening.held)}
    offer = carry_over_offer(demo_store, same_evening)
    assert [p.text for p in offer.parking] == [WAITING, PUT_OFF]
    assert [a.text for a in offer.actions] == [evening.action.text]


def test_the_cli_offers_what_the_service_offers(demo_store: Store) -> None:
    _held_evening(demo_store)
    done = CliRunner().invoke(
        cli,
        [
            "--db",
            str(demo_store.path),
            "agenda",
            "new",
            "listening",
            "--date",
            DAY.isoformat(),
            "--from-last",
            "--no-carry-over",
        ],
    )
    assert done.exit_code == 0, done.output
    assert f"parking lot  {WAITING}" in done.output
    assert f"parking lot  {PUT_OFF}" in done.output
    assert ANSWERED not in done.output


async def test_c_in_the_editor_of_a_same_evening_session_offers_what_waits(
    demo_store: Store,
) -> None:
    evening = _held_evening(demo_store)
    same_evening = _plan(demo_store, evening.series, DAY)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(AgendaEditorScreen(same_evening.id))
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, CarryOverDialog)
        labels = [label for label, _ in dialog.options]
        assert f"Parking lot: {WAITING}" in labels
        assert f"Parking lot: {PUT_OFF}" in labels
        assert not any(ANSWERED in label for label in labels)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, AgendaEditorScreen)
    prompts = [p for i in agenda.items(demo_store, same_evening.id) for p in i.prompts]
    assert any(WAITING in p for p in prompts)
    assert not any(ANSWERED in p for p in prompts)
