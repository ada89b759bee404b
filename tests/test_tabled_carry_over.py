"""A motion tabled or deferred at one meeting is offered at the next, "taken from the table",
and once taken up is no longer owed (issue #17)."""

from __future__ import annotations

from textual.app import App

from facilitate.models import Decision
from facilitate.models.enums import DecisionOutcome, Purpose
from facilitate.services.plan import agenda
from facilitate.services.plan.carry_over import accept_carry_over, carry_over_offer
from facilitate.store import Store
from facilitate.tui.dialogs.carry_over import CarryOverDialog, CarrySelection

from .test_minutes import demo_meetings

CALENDAR = "Adopt the 2027 meeting calendar"
# The demo's own motion deferred in October, waiting for the county's figures.
PILOT = "Fund the peer recovery coach pilot from the partnership's shared budget."


def _tabled(store: Store) -> Decision:
    """A motion laid on the table at the demo's October meeting, and one adopted there."""
    october = demo_meetings(store)["october"]
    store.insert(Decision(meeting_id=october.id, text="Thank the hosts"))
    return store.insert(
        Decision(meeting_id=october.id, text=CALENDAR, outcome=DecisionOutcome.TABLED)
    )


def test_a_tabled_motion_is_offered_and_taken_from_the_table_once(demo_store: Store) -> None:
    motion = _tabled(demo_store)
    november = demo_meetings(demo_store)["november"]
    offer = carry_over_offer(demo_store, november)
    assert [d.text for d in offer.tabled] == [PILOT, CALENDAR]
    accept_carry_over(
        demo_store,
        november.id,
        offer,
        action_ids=(),
        parking_ids=(),
        continued_ids={motion.id},
    )
    taken = [i for i in agenda.items(demo_store, november.id) if CALENDAR in i.title]
    assert [(i.title, i.purpose) for i in taken] == [
        (f"Taken from the table: {CALENDAR}", Purpose.DECIDE)
    ]
    assert [d.text for d in carry_over_offer(demo_store, november).tabled] == [PILOT]


def test_a_tabled_motion_left_unticked_is_not_carried(demo_store: Store) -> None:
    _tabled(demo_store)
    november = demo_meetings(demo_store)["november"]
    offer = carry_over_offer(demo_store, november)
    accept_carry_over(
        demo_store, november.id, offer, action_ids=(), parking_ids=(), continued_ids=()
    )
    assert not any(CALENDAR in i.title for i in agenda.items(demo_store, november.id))
    assert [d.text for d in carry_over_offer(demo_store, november).tabled] == [PILOT, CALENDAR]


async def test_the_offer_dialog_lists_the_tabled_motion_ticked(demo_store: Store) -> None:
    motion = _tabled(demo_store)
    offer = carry_over_offer(demo_store, demo_meetings(demo_store)["november"])
    chosen: list[CarrySelection | None] = []
    app: App[None] = App()
    async with app.run_test() as pilot:
        app.push_screen(CarryOverDialog(offer), chosen.append)
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert chosen and chosen[0] is not None
    assert motion.id in chosen[0].continued_ids
