"""Planning a meeting in the app offers what other bodies send it, after carry-over: a report
up is shown ticked and goes on the agenda only when accepted."""

from __future__ import annotations

from typing import cast

from textual.app import App

from facilitate.models import Decision, Meeting, MeetingSeries
from facilitate.services.people.bodies import find_body
from facilitate.services.plan import agenda
from facilitate.services.share import tiers
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.carry_over import CarryOverDialog
from facilitate.tui.dialogs.tier_offer import TierOfferDialog
from facilitate.tui.new_meeting_flow import plan_meeting

from .conftest import TODAY


async def _plan_steering(demo_store: Store, keys: tuple[str, ...]) -> list[str]:
    steering = find_body(demo_store, "Steering")
    series = demo_store.find(MeetingSeries, body_id=steering.id)[0]
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(110, 34)) as pilot:
        worker = app.run_worker(
            plan_meeting(cast("App[object]", app), demo_store, TODAY, series_id=series.id)
        )
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        if isinstance(app.screen, CarryOverDialog):
            await pilot.press("escape")
            await pilot.pause()
        assert isinstance(app.screen, TierOfferDialog)
        await pilot.press(*keys)
        await worker.wait()
        meeting = demo_store.get(Meeting, str(worker.result))
    return [item.title for item in agenda.items(demo_store, meeting.id)]


def _core_with_a_decision(demo_store: Store) -> None:
    core_meeting = next(m for m in demo_store.find(Meeting) if m.title == "Core Team — Nov 08")
    demo_store.insert(Decision(meeting_id=core_meeting.id, text="Pilot the family meeting form"))
    tiers.set_reporting_line(
        demo_store, find_body(demo_store, "Core").id, find_body(demo_store, "Steering").id
    )


async def test_an_accepted_report_up_goes_on_the_new_agenda(demo_store: Store) -> None:
    _core_with_a_decision(demo_store)
    titles = await _plan_steering(demo_store, ("ctrl+s",))
    assert "Report from Core Team" in titles


async def test_a_report_not_accepted_is_not_carried(demo_store: Store) -> None:
    _core_with_a_decision(demo_store)
    titles = await _plan_steering(demo_store, ("escape",))
    assert "Report from Core Team" not in titles
