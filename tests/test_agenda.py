"""Agenda building and carry-over, against a real SQLite file."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from facilitate.models import (
    ActionItem,
    AgendaItem,
    Body,
    Meeting,
    MeetingSeries,
    ParkingLotItem,
)
from facilitate.models.enums import ActionStatus, ItemState, MeetingStatus, Purpose
from facilitate.models.template import AgendaItemTemplate, AgendaTemplate
from facilitate.services.plan import agenda, carry_over
from facilitate.services.plan.agenda import AgendaError, MeetingPlan
from facilitate.store import Store

START = datetime(2026, 12, 3, 13, 0)


def _series(store: Store) -> MeetingSeries:
    body = store.insert(Body(name="Steering Committee"))
    return store.insert(MeetingSeries(body_id=body.id, name="Steering Committee (monthly)"))


def _template() -> AgendaTemplate:
    return AgendaTemplate(
        name="Mini",
        kind="business",
        default_minutes=60,
        items=[
            AgendaItemTemplate(title="Welcome", purpose="inform", minutes=5, lead="facilitator"),
            AgendaItemTemplate(
                title="Data review", purpose="discuss", minutes=30, prompts=["What surprised us?"]
            ),
            AgendaItemTemplate(title="Decide next steps", purpose="decide", minutes=20),
        ],
    )


def test_meeting_from_template_copies_items(store: Store) -> None:
    series = _series(store)
    meeting = agenda.create_meeting(
        store,
        MeetingPlan(series_id=series.id, starts_at=START, location="Library"),
        template=_template(),
    )
    assert meeting.title == "Steering Committee — Dec 03, 2026"
    assert meeting.minutes == 60
    items = agenda.items(store, meeting.id)
    assert [(i.title, i.purpose, i.minutes) for i in items] == [
        ("Welcome", Purpose.INFORM, 5),
        ("Data review", Purpose.DISCUSS, 30),
        ("Decide next steps", Purpose.DECIDE, 20),
    ]
    assert items[0].lead_text == "facilitator"
    assert items[1].prompts == ["What surprised us?"]


def test_running_total_and_over_warning(store: Store) -> None:
    series = _series(store)
    meeting = agenda.create_meeting(
        store, MeetingPlan(series_id=series.id, starts_at=START), template=_template()
    )
    assert agenda.timing(store, meeting) == agenda.AgendaTiming(planned=55, length=60)
    added = agenda.add_item(store, meeting.id, "Budget", minutes=10)
    timing = agenda.timing(store, meeting)
    assert (timing.planned, timing.is_over, timing.over_by) == (65, True, 5)
    agenda.set_minutes(store, added.id, 5)
    assert not agenda.timing(store, meeting).is_over


def test_add_after_move_and_delete(store: Store) -> None:
    series = _series(store)
    meeting = agenda.create_meeting(
        store, MeetingPlan(series_id=series.id, starts_at=START), template=_template()
    )
    first = agenda.items(store, meeting.id)[0]
    agenda.add_item(store, meeting.id, "Introductions", after_item_id=first.id)
    assert [i.title for i in agenda.items(store, meeting.id)][:2] == ["Welcome", "Introductions"]
    last = agenda.items(store, meeting.id)[-1]
    agenda.move_item(store, last.id, -10)
    assert agenda.items(store, meeting.id)[0].title == "Decide next steps"
    agenda.delete_item(store, last.id)
    assert "Decide next steps" not in [i.title for i in agenda.items(store, meeting.id)]


def test_bad_edits_are_refused_with_a_reason(store: Store) -> None:
    series = _series(store)
    meeting = agenda.create_meeting(store, MeetingPlan(series_id=series.id, starts_at=START))
    with pytest.raises(AgendaError, match="title"):
        agenda.add_item(store, meeting.id, "   ")
    with pytest.raises(AgendaError, match="at least 1 minute"):
        agenda.add_item(store, meeting.id, "Budget", minutes=0)
    meeting.status = MeetingStatus.CLOSED
    store.save(meeting)
    with pytest.raises(AgendaError, match="closed"):
        agenda.add_item(store, meeting.id, "Late addition")


def test_start_from_last_meeting_copies_structure_not_history(store: Store) -> None:
    series = _series(store)
    first = agenda.create_meeting(
        store, MeetingPlan(series_id=series.id, starts_at=START), template=_template()
    )
    done = agenda.items(store, first.id)[0]
    done.state = ItemState.DONE
    done.started_at = START
    store.save(done)
    second = agenda.create_meeting(
        store,
        MeetingPlan(series_id=series.id, starts_at=START + timedelta(days=28)),
        from_last=True,
    )
    copied = agenda.items(store, second.id)
    assert [i.title for i in copied] == ["Welcome", "Data review", "Decide next steps"]
    assert all(i.state is ItemState.PENDING and i.started_at is None for i in copied)


def test_partner_proposal_is_recorded(demo_store: Store) -> None:
    proposed = [i for i in demo_store.find(AgendaItem) if i.proposed_by_person_id]
    assert [i.title for i in proposed] == ["ICWA notification timelines"]
    assert proposed[0].proposed_on is not None


def test_carry_over_offers_open_actions_not_closed_ones(store: Store) -> None:
    series = _series(store)
    one = agenda.create_meeting(store, MeetingPlan(series_id=series.id, starts_at=START))
    open_action = store.insert(ActionItem(meeting_id=one.id, text="Draft the MOU"))
    store.insert(ActionItem(meeting_id=one.id, text="Book the room", status=ActionStatus.DONE))
    parked = store.insert(ParkingLotItem(meeting_id=one.id, text="Transport to treatment"))
    store.insert(ParkingLotItem(meeting_id=one.id, text="Old idea", resolved=True))
    leftover = agenda.add_item(store, one.id, "Budget")
    leftover.state = ItemState.CONTINUE_NEXT_TIME
    store.save(leftover)

    two = agenda.create_meeting(
        store, MeetingPlan(series_id=series.id, starts_at=START + timedelta(days=28))
    )
    assert agenda.items(store, two.id) == [], "nothing is carried before the user accepts"
    offer = carry_over.carry_over_offer(store, store.get(Meeting, two.id))
    assert [a.text for a in offer.actions] == ["Draft the MOU"]
    assert [p.text for p in offer.parking] == ["Transport to treatment"]
    assert [i.title for i in offer.continued] == ["Budget"]

    result = carry_over.accept_carry_over(
        store,
        two.id,
        offer,
        action_ids={open_action.id},
        parking_ids={parked.id},
        continued_ids={leftover.id},
    )
    assert [i.title for i in result] == [carry_over.FOLLOW_UP_TITLE, "Budget"]
    follow_up = result[0]
    assert any("Draft the MOU" in p for p in follow_up.prompts)
    assert any("Transport to treatment" in p for p in follow_up.prompts)
    assert result[1].carried_from_item_id == leftover.id
    again = carry_over.carry_over_offer(store, store.get(Meeting, two.id))
    assert again.continued == [], "a continued item is not offered twice"


def test_declined_carry_over_adds_nothing(store: Store) -> None:
    series = _series(store)
    one = agenda.create_meeting(store, MeetingPlan(series_id=series.id, starts_at=START))
    store.insert(ActionItem(meeting_id=one.id, text="Draft the MOU"))
    two = agenda.create_meeting(
        store, MeetingPlan(series_id=series.id, starts_at=START + timedelta(days=28))
    )
    offer = carry_over.carry_over_offer(store, store.get(Meeting, two.id))
    carry_over.accept_carry_over(
        store, two.id, offer, action_ids=set(), parking_ids=set(), continued_ids=set()
    )
    assert agenda.items(store, two.id) == []


def test_carry_over_fills_the_templates_own_follow_up_item(store: Store) -> None:
    series = _series(store)
    one = agenda.create_meeting(store, MeetingPlan(series_id=series.id, starts_at=START))
    action = store.insert(ActionItem(meeting_id=one.id, text="Call the court"))
    two = agenda.create_meeting(
        store, MeetingPlan(series_id=series.id, starts_at=START + timedelta(days=28))
    )
    agenda.add_item(store, two.id, "Welcome")
    agenda.add_item(store, two.id, "follow-up on commitments")
    offer = carry_over.carry_over_offer(store, store.get(Meeting, two.id))
    result = carry_over.accept_carry_over(
        store, two.id, offer, action_ids={action.id}, parking_ids=set(), continued_ids=set()
    )
    assert [i.title for i in result] == ["Welcome", "follow-up on commitments"]
    assert "Call the court" in result[1].prompts[0]


def test_agenda_saved_as_template_loads_back(store: Store, tmp_path: object) -> None:
    from pathlib import Path

    from facilitate.services.plan.templates import load_templates, save_template

    series = _series(store)
    meeting = agenda.create_meeting(
        store, MeetingPlan(series_id=series.id, starts_at=START), template=_template()
    )
    agenda.add_item(
        store,
        meeting.id,
        'Budget "Q3" — ¿preguntas?',
        purpose=Purpose.DECIDE,
        minutes=15,
        lead_text="co_facilitator",
    )
    template = agenda.as_template(store, store.get(Meeting, meeting.id), "Our steering agenda")
    folder = Path(str(tmp_path)) / "agendas"
    saved = save_template(template, folder)
    assert saved == folder / "our-steering-agenda.toml"
    loaded = load_templates(folder)
    assert loaded.errors == []
    again = loaded.get("Our steering agenda")
    assert again is not None
    assert [(i.title, i.purpose, i.minutes, i.lead) for i in again.items] == [
        (i.title, i.purpose, i.minutes, i.lead_text) for i in agenda.items(store, meeting.id)
    ]
    assert again.default_minutes == 60
    with pytest.raises(AgendaError, match="name"):
        agenda.as_template(store, store.get(Meeting, meeting.id), "  ")
