"""Running a meeting through the services, against a real SQLite file: the whole meeting, the
agenda's states, and timers rebuilt from stored times."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from facilitate.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Decision,
    GroundRuleSetVersion,
    Meeting,
    Note,
    Objection,
    ParkingLotItem,
    Reflection,
    utcnow,
)
from facilitate.models.enums import (
    AttendanceStatus,
    DecisionMethod,
    DecisionOutcome,
    ItemState,
    MeetingStatus,
    ReflectionKind,
)
from facilitate.services.lead import ground_rules, roles
from facilitate.services.lead.ground_rules import RuleText, new_version
from facilitate.services.plan import agenda, carry_over
from facilitate.services.run import attendance, capture, closing, live
from facilitate.services.run.live import LiveError
from facilitate.store import Store
from facilitate.store.maintenance import integrity_problems

from .helpers.demo_lookup import org, person, upcoming

MEETING_DAY = date(2026, 11, 29)
T0 = datetime(2026, 11, 29, 21, 0, tzinfo=UTC)


def minutes(n: float) -> datetime:
    return T0 + timedelta(minutes=n)


def test_a_whole_meeting_through_the_services(demo_store: Store, db_path: Path) -> None:
    store = demo_store
    meeting = upcoming(store)
    steering_set = store.get(GroundRuleSetVersion, _any_version(store)).set_id
    # The rules were edited after the series began: the meeting must record the newest version.
    newer = new_version(
        store, steering_set, [RuleText("Phones on silent.", "Phones")], note="Phones rule"
    )

    # -- opening: check-in, a guest, quorum, roles, rules --------------------------------------
    present = ["Dana Whitfield", "Priya Natarajan", "Keisha Brown", "Lorraine Whitecloud"]
    for name in [*present, "Sofia Alvarez", "Tasha Greene"]:
        attendance.check_in(store, meeting.id, person(store, name).id, now=minutes(-5))
    attendance.check_in(
        store,
        meeting.id,
        person(store, "Judge Ellen Marsh").id,
        AttendanceStatus.LATE,
        now=minutes(12),
    )
    attendance.check_in(
        store, meeting.id, person(store, "Marcus Reyes").id, AttendanceStatus.REGRETS
    )
    guest = attendance.add_guest(
        store, meeting.id, "Rosa  Delgado", organization_id=org(store, "Northside FRC").id
    )
    assert guest.guest_name == "Rosa Delgado"
    status = attendance.quorum(store, meeting.id)
    assert status.met, status.reason
    assert status.counted == 7
    assert attendance.roles_today(store, meeting.id)[0].role.key == "facilitator"

    view = live.open_meeting(store, meeting.id, now=T0)
    assert view.meeting.status is MeetingStatus.LIVE
    agreed = live.agree_ground_rules(store, meeting.id)
    assert agreed.version.id == newer.version.id

    # -- three items -------------------------------------------------------------------------
    items = agenda.items(store, meeting.id)
    welcome, minutes_item, icwa = items[0], items[1], items[4]

    live.start_item(store, welcome.id, now=minutes(1))
    first = capture.capture_line(store, meeting.id, "Introductions around the room", MEETING_DAY)
    assert isinstance(first.entry, Note)
    assert first.entry.agenda_item_id == welcome.id

    # Item 2 has a 5-minute box: it runs over and is extended.
    live.start_item(store, minutes_item.id, now=minutes(10))
    over = live.live_view(store, meeting.id, now=minutes(16))
    assert over.current is not None and over.current.id == minutes_item.id
    assert over.time_up
    assert over.item_timer is not None and over.item_timer.overrun == timedelta(minutes=1)
    extended = live.extend_item(store, minutes_item.id, 5, now=minutes(16))
    assert not extended.time_up
    assert extended.item_timer is not None
    assert extended.item_timer.remaining == timedelta(minutes=4)
    majority = capture.capture_line(
        store,
        meeting.id,
        "/d Approve the October minutes as corrected method:vote for:6 against:0 abstain:1",
        MEETING_DAY,
    )
    assert majority.problems == ()

    leaving = store.get(Meeting, meeting.id).current_item_id
    view = live.next_item(store, meeting.id, leaving, now=minutes(20))
    assert view.current is not None and view.current.title == "Follow-up on commitments"
    view = live.start_item(store, icwa.id, now=minutes(21))
    assert view.current is not None and view.current.id == icwa.id

    capture.capture_line(
        store,
        meeting.id,
        "/d Adopt a 10-day ICWA notification target method:consensus",
        MEETING_DAY,
    )
    capture.capture_line(
        store, meeting.id, "/d Pilot the notice letter method:consent #public", MEETING_DAY
    )
    capture.add_decision(
        store,
        meeting.id,
        "Share notification data quarterly",
        method=DecisionMethod.FIST_TO_FIVE,
        distribution={"5": 4, "4": 2, "2": 1},
        stand_asides=[Objection(who="Family Court", reason="Needs the bench's review")],
    )
    capture.add_decision(
        store,
        meeting.id,
        "Translate the notice into Ojibwe",
        method=DecisionMethod.GRADIENTS_OF_AGREEMENT,
        distribution={"endorse": 5, "agree with reservations": 2},
        rationale="Families asked for it at the listening session",
        review_date=date(2027, 5, 1),
    )
    capture.add_decision(
        store,
        meeting.id,
        "Ask the Tribal Council to decide on data sovereignty terms",
        method=DecisionMethod.OTHER,
        outcome=DecisionOutcome.DEFERRED,
        blocks=[Objection(who="Cedar River ICWA", reason="The Council decides, not us")],
    )
    lines = [
        "/a Draft the ICWA notice timeline @lorraine due:dec 15",
        "/a Bring county budget figures @marcus.reyes due:fri org:CFS",
        "/a Book the room for January @rosa due:next week",
    ]
    results = [capture.capture_line(store, meeting.id, line, MEETING_DAY) for line in lines]
    assert all(r.problems == () for r in results), [r.problems for r in results]
    parked = capture.capture_line(
        store, meeting.id, "/p Transportation vouchers @tasha", MEETING_DAY
    )
    assert isinstance(parked.entry, ParkingLotItem)
    view = live.close_item(store, icwa.id, now=minutes(50))
    assert view.current is None

    # -- closing -----------------------------------------------------------------------------
    review = closing.closing_review(store, meeting.id)
    assert [c.ok for c in review] == [True, True, False]  # the guest is not a person on record
    closing.add_reflection(store, meeting.id, ReflectionKind.PLUS, "Kept to time after item 2")
    closing.add_reflection(store, meeting.id, ReflectionKind.DELTA, "Send the papers earlier")
    closing.close_meeting(store, meeting.id, next_meeting_date=date(2026, 12, 27), now=minutes(55))

    # -- the stored record, read through a fresh connection ----------------------------------
    reopened = Store.open(db_path)
    try:
        stored = reopened.get(Meeting, meeting.id)
        assert stored.status is MeetingStatus.CLOSED
        assert stored.opened_at == T0 and stored.closed_at == minutes(55)
        assert stored.next_meeting_date == date(2026, 12, 27)
        assert stored.ground_rule_version_id == newer.version.id
        assert stored.current_item_id is None

        rows = reopened.find(Attendance, meeting_id=meeting.id)
        assert len(rows) == 9
        statuses = sorted(r.status.value for r in rows)
        assert statuses.count("present") == 7 and "late" in statuses and "regrets" in statuses
        late = next(r for r in rows if r.status is AttendanceStatus.LATE)
        assert late.arrived_at == minutes(12)

        by_id = {i.id: i for i in agenda.items(reopened, meeting.id)}
        assert by_id[welcome.id].state is ItemState.DONE
        assert (by_id[welcome.id].started_at, by_id[welcome.id].ended_at) == (
            minutes(1),
            minutes(10),
        )
        assert by_id[minutes_item.id].extended_minutes == 5
        assert by_id[minutes_item.id].ended_at == minutes(20)
        assert (by_id[icwa.id].started_at, by_id[icwa.id].ended_at) == (minutes(21), minutes(50))
        follow_up = next(i for i in by_id.values() if i.title == "Follow-up on commitments")
        assert (follow_up.started_at, follow_up.ended_at) == (minutes(20), minutes(21))
        untouched = [i for i in by_id.values() if i.started_at is None]
        assert [i.state for i in untouched] == [ItemState.PENDING] * 2

        decisions = reopened.find(Decision, meeting_id=meeting.id)
        assert {d.method for d in decisions} == set(DecisionMethod) - {DecisionMethod.NOT_RECORDED}
        vote = next(d for d in decisions if d.method is DecisionMethod.MAJORITY_VOTE)
        assert (vote.votes_for, vote.votes_against, vote.abstentions) == (6, 0, 1)
        assert vote.agenda_item_id == minutes_item.id
        fist = next(d for d in decisions if d.method is DecisionMethod.FIST_TO_FIVE)
        assert fist.distribution == {"5": 4, "4": 2, "2": 1}
        assert fist.stand_asides[0].who == "Family Court"
        other = next(d for d in decisions if d.method is DecisionMethod.OTHER)
        assert other.outcome is DecisionOutcome.DEFERRED and other.blocks[0].reason
        consent = next(d for d in decisions if d.method is DecisionMethod.CONSENT)
        assert consent.visibility.value == "public"

        actions = {a.text: a for a in reopened.find(ActionItem, meeting_id=meeting.id)}
        timeline = actions["Draft the ICWA notice timeline"]
        assert timeline.owner_person_id == person(reopened, "Lorraine Whitecloud").id
        assert timeline.organization_id == org(reopened, "Cedar River ICWA").id
        assert timeline.due == date(2026, 12, 15)
        budget = actions["Bring county budget figures"]
        assert budget.owner_person_id == person(reopened, "Marcus Reyes").id
        assert budget.organization_id == org(reopened, "CFS").id
        assert budget.due == date(2026, 12, 4)
        room = actions["Book the room for January"]
        assert (room.owner_person_id, room.owner_text) == (None, "Rosa Delgado")
        assert room.organization_id == org(reopened, "Northside FRC").id
        assert room.due == date(2026, 11, 30)
        assert all(a.agenda_item_id == icwa.id for a in actions.values())

        parking = reopened.find(ParkingLotItem, meeting_id=meeting.id)
        assert [(p.text, p.follow_up_person_id) for p in parking] == [
            ("Transportation vouchers", person(reopened, "Tasha Greene").id)
        ]
        kinds = sorted(r.kind.value for r in reopened.find(Reflection, meeting_id=meeting.id))
        assert kinds == ["delta", "plus"]
        assert integrity_problems(reopened) == []
    finally:
        reopened.close()


def _any_version(store: Store) -> str:
    meeting = next(m for m in store.find(Meeting) if m.ground_rule_version_id)
    assert meeting.ground_rule_version_id is not None
    return meeting.ground_rule_version_id


# -- timers ---------------------------------------------------------------------------------


def _item(**changes: object) -> AgendaItem:
    base = AgendaItem(meeting_id="m", position=1.0, title="Data", minutes=10)
    return base.model_copy(update=changes)


def test_item_timer_is_a_function_of_stored_times() -> None:
    pending = live.item_timer(_item(), minutes(5))
    assert (pending.elapsed, pending.running, pending.is_over) == (timedelta(0), False, False)

    running = live.item_timer(_item(started_at=minutes(0), extended_minutes=5), minutes(12))
    assert running.planned == timedelta(minutes=15)
    assert (running.elapsed, running.remaining, running.overrun) == (
        timedelta(minutes=12),
        timedelta(minutes=3),
        timedelta(0),
    )
    over = live.item_timer(_item(started_at=minutes(0)), minutes(13.5))
    assert over.is_over and over.overrun == timedelta(minutes=3.5)

    ended = live.item_timer(_item(started_at=minutes(0), ended_at=minutes(8)), minutes(60))
    assert (ended.elapsed, ended.running) == (timedelta(minutes=8), False)


def test_meeting_timer_projects_the_end_from_the_agenda_left() -> None:
    meeting = Meeting(series_id="s", title="M", starts_at=datetime(2026, 11, 29, 13), minutes=60)
    items = [
        _item(state=ItemState.DONE, started_at=minutes(0), ended_at=minutes(30)),
        _item(state=ItemState.ACTIVE, started_at=minutes(30)),  # 10 booked, 5 used
        _item(state=ItemState.PENDING, minutes=25),
    ]
    closed = live.meeting_timer(meeting, items, minutes(35))
    assert (closed.elapsed, closed.running) == (timedelta(0), False)
    meeting.opened_at = T0
    timer = live.meeting_timer(meeting, items, minutes(35))
    assert timer.elapsed == timedelta(minutes=35)
    assert timer.agenda_left == timedelta(minutes=30)
    assert timer.projected_overrun == timedelta(minutes=5)
    assert timer.remaining == timedelta(minutes=25)


# -- agenda states --------------------------------------------------------------------------


Running = tuple[Store, Meeting, list[AgendaItem]]


@pytest.fixture
def running(demo_store: Store) -> Running:
    meeting = upcoming(demo_store)
    live.open_meeting(demo_store, meeting.id, now=T0)
    return demo_store, meeting, agenda.items(demo_store, meeting.id)


def test_starting_an_item_ends_the_active_one(running: Running) -> None:
    store, _meeting, items = running
    live.start_item(store, items[0].id, now=minutes(0))
    view = live.start_item(store, items[2].id, now=minutes(7))
    states = {i.id: i for i in view.items}
    assert states[items[0].id].state is ItemState.DONE
    assert states[items[0].id].ended_at == minutes(7)
    assert states[items[1].id].state is ItemState.PENDING
    assert view.meeting.current_item_id == items[2].id
    # The next pending item after the current one, not the skipped one before it.
    assert view.next_pending is not None and view.next_pending.id == items[3].id


def test_items_cannot_start_before_the_meeting_is_open(demo_store: Store) -> None:
    meeting = upcoming(demo_store)
    first = agenda.items(demo_store, meeting.id)[0]
    with pytest.raises(LiveError, match="not running"):
        live.start_item(demo_store, first.id)
    assert demo_store.get(AgendaItem, first.id).started_at is None


def test_extend_only_the_item_under_way(running: Running) -> None:
    store, _meeting, items = running
    with pytest.raises(LiveError, match="not the item under way"):
        live.extend_item(store, items[0].id, 5)
    live.start_item(store, items[0].id, now=minutes(0))
    live.extend_item(store, items[0].id, 5)
    live.extend_item(store, items[0].id, 3)
    assert store.get(AgendaItem, items[0].id).extended_minutes == 8
    with pytest.raises(LiveError, match="at least 1 minute"):
        live.extend_item(store, items[0].id, 0)


def test_park_creates_a_parking_entry_and_continue_feeds_carry_over(
    running: Running,
) -> None:
    store, meeting, items = running
    live.start_item(store, items[3].id, now=minutes(0))
    view, entry = live.park_item(
        store, items[3].id, follow_up_person_id=person(store, "Tom Okafor").id, now=minutes(4)
    )
    assert view.current is None
    parked = store.get(AgendaItem, items[3].id)
    assert (parked.state, parked.ended_at) == (ItemState.PARKED, minutes(4))
    assert (entry.text, entry.agenda_item_id, entry.resolved) == (parked.title, parked.id, False)

    live.start_item(store, items[4].id, now=minutes(5))
    live.continue_next_time(store, items[4].id, now=minutes(30))
    assert store.get(AgendaItem, items[4].id).state is ItemState.CONTINUE_NEXT_TIME
    # Continued items make no parking entry: carry-over offers them as items of their own.
    assert store.count(ParkingLotItem, meeting_id=meeting.id) == 1
    closing.close_meeting(store, meeting.id, now=minutes(40))

    following = agenda.create_meeting(
        store,
        agenda.MeetingPlan(series_id=meeting.series_id, starts_at=datetime(2027, 1, 3, 13)),
    )
    offer = carry_over.carry_over_offer(store, following)
    assert [i.id for i in offer.continued] == [items[4].id]
    assert entry.id in {p.id for p in offer.parking}


def test_taking_up_a_parked_item_resolves_its_parking_entry(
    running: Running,
) -> None:
    store, _meeting, items = running
    live.start_item(store, items[1].id, now=minutes(0))
    _view, entry = live.park_item(store, items[1].id, now=minutes(2))
    view = live.start_item(store, items[1].id, now=minutes(20))
    again = store.get(AgendaItem, items[1].id)
    # Its clock resumes at the 2 minutes it ran: the 18 minutes parked are not its time. Its
    # start stays when it was first taken (the minutes' order); the time parked is kept aside.
    assert (again.state, again.started_at, again.ended_at, again.paused_seconds) == (
        ItemState.ACTIVE,
        minutes(0),
        None,
        18 * 60,
    )
    assert store.get(ParkingLotItem, entry.id).resolved
    assert view.item_timer is not None and view.item_timer.elapsed == timedelta(minutes=2)


def test_next_item_at_the_end_of_the_agenda_just_ends_the_last(
    running: Running,
) -> None:
    store, meeting, items = running
    live.start_item(store, items[-1].id, now=minutes(0))
    for item in items[:-1]:
        live.close_item(store, item.id, now=minutes(1))
    view = live.next_item(store, meeting.id, items[-1].id, now=minutes(9))
    assert view.current is None and view.next_pending is None
    assert store.get(AgendaItem, items[-1].id).state is ItemState.DONE


def test_close_meeting_ends_the_active_item_and_is_idempotent(
    running: Running,
) -> None:
    store, meeting, items = running
    live.start_item(store, items[0].id, now=minutes(0))
    closing.set_next_meeting_date(store, meeting.id, date(2027, 1, 3))
    closed = closing.close_meeting(store, meeting.id, now=minutes(90))
    again = closing.close_meeting(store, meeting.id, now=minutes(95))
    assert closed.closed_at == again.closed_at == minutes(90)
    assert closed.next_meeting_date == date(2027, 1, 3)
    item = store.get(AgendaItem, items[0].id)
    assert (item.state, item.ended_at) == (ItemState.DONE, minutes(90))
    assert live.resume_state(store) is None
    with pytest.raises(LiveError, match="closed"):
        live.open_meeting(store, meeting.id)
    # A closed meeting's minutes are a draft: entries can still be added.
    assert capture.add_note(store, meeting.id, "Added while writing up").agenda_item_id is None


def test_resume_state_rebuilds_timers_from_a_fresh_connection(
    running: Running, db_path: Path
) -> None:
    store, meeting, items = running
    live.start_item(store, items[2].id, now=minutes(3))
    live.extend_item(store, items[2].id, 10, now=minutes(20))
    other = Store.open(db_path)
    try:
        state = live.resume_state(other, now=minutes(40))
    finally:
        other.close()
    assert state is not None
    assert state.meeting.id == meeting.id
    assert state.current is not None and state.current.id == items[2].id
    assert state.item_timer is not None
    assert state.item_timer.elapsed == timedelta(minutes=37)
    assert state.item_timer.planned == timedelta(minutes=items[2].minutes + 10)
    assert state.meeting_timer.elapsed == timedelta(minutes=40)


def test_rules_to_agree_prefers_what_the_meeting_agreed(demo_store: Store) -> None:
    meeting = upcoming(demo_store)
    offered = live.rules_to_agree(demo_store, meeting.id)
    assert offered is not None and offered.version.version == 1
    live.agree_ground_rules(demo_store, meeting.id)
    new_version(demo_store, offered.rule_set.id, [RuleText("New rule")], note="later")
    # The meeting keeps the version it agreed, even after the set gains a newer one.
    kept = live.rules_to_agree(demo_store, meeting.id)
    assert kept is not None and kept.version.id == offered.version.id
    core = upcoming(demo_store, "Core Team")
    assert live.rules_to_agree(demo_store, core.id) is None
    with pytest.raises(LiveError, match="no ground rules"):
        live.agree_ground_rules(demo_store, core.id)


# -- back to planned: a meeting started by mistake ------------------------------------------------


def _started_by_mistake(store: Store, *, opened: datetime | None = None) -> Meeting:
    """The steering meeting as the live screen leaves it on opening: live, first item running."""
    meeting = upcoming(store)
    view = live.open_meeting(store, meeting.id, now=opened)
    assert view.next_pending is not None
    live.start_item(store, view.next_pending.id)
    return store.get(Meeting, meeting.id)


def test_a_meeting_with_nothing_captured_goes_back_to_planned(demo_store: Store) -> None:
    meeting = upcoming(demo_store)
    # Before the meeting: roles accepted and a regret noted. Neither happened *in* it. The
    # meeting "opens" a minute from now, so the order of those times is certain.
    roles.accept(demo_store, meeting.id, roles.suggest(demo_store, meeting.id))
    regrets = person(demo_store, "Dana Whitfield")
    attendance.check_in(demo_store, meeting.id, regrets.id, AttendanceStatus.REGRETS)
    _started_by_mistake(demo_store, opened=utcnow() + timedelta(minutes=1))
    assert live.captured_in(demo_store, demo_store.get(Meeting, meeting.id)) == []

    back = live.return_to_planned(demo_store, meeting.id)
    assert (back.status, back.opened_at, back.current_item_id) == (
        MeetingStatus.PLANNED,
        None,
        None,
    )
    stored = demo_store.get(Meeting, meeting.id)
    assert (stored.status, stored.opened_at) == (MeetingStatus.PLANNED, None)
    for item in agenda.items(demo_store, meeting.id):
        assert (item.state, item.started_at, item.ended_at) == (ItemState.PENDING, None, None)
    assert live.resume_state(demo_store) is None
    # It can be started again, on the right day, from scratch.
    assert live.open_meeting(demo_store, meeting.id).meeting.status is MeetingStatus.LIVE


def _note(store: Store, meeting: Meeting) -> None:
    capture.add_note(store, meeting.id, "Said in the room")


def _decision(store: Store, meeting: Meeting) -> None:
    capture.capture_line(store, meeting.id, "/d Adopt the referral form", MEETING_DAY)


def _action(store: Store, meeting: Meeting) -> None:
    capture.capture_line(store, meeting.id, "/a Book the room @dana due:fri", MEETING_DAY)


def _parking(store: Store, meeting: Meeting) -> None:
    capture.capture_line(store, meeting.id, "/p Transport vouchers", MEETING_DAY)


def _checked_in(store: Store, meeting: Meeting) -> None:
    attendance.check_in(store, meeting.id, person(store, "Dana Whitfield").id)


def _roles(store: Store, meeting: Meeting) -> None:
    roles.accept(store, meeting.id, roles.suggest(store, meeting.id))


def _item_finished(store: Store, meeting: Meeting) -> None:
    live.next_item(store, meeting.id, store.get(Meeting, meeting.id).current_item_id)


def _item_extended(store: Store, meeting: Meeting) -> None:
    assert meeting.current_item_id is not None
    live.extend_item(store, meeting.current_item_id, 5)


def _next_date(store: Store, meeting: Meeting) -> None:
    closing.set_next_meeting_date(store, meeting.id, date(2027, 1, 3))


def _plus(store: Store, meeting: Meeting) -> None:
    closing.add_reflection(store, meeting.id, ReflectionKind.PLUS, "Started on time")


def _rule_invoked(store: Store, meeting: Meeting) -> None:
    agreed = live.agree_ground_rules(store, meeting.id)
    capture.invoke_rule(store, meeting.id, agreed.rules[0].id)


def _rule_invoked_before_schema_6(store: Store, meeting: Meeting) -> None:
    agreed = live.agree_ground_rules(store, meeting.id)
    ground_rules.invoke(store, meeting.id, agreed.rules[0].id, utcnow(), agenda_item_id=None)


@pytest.mark.parametrize(
    ("capture_something", "named"),
    [
        (_note, "1 note"),
        (_decision, "1 decision"),
        (_action, "1 action item"),
        (_parking, "1 parking-lot entry"),
        (_checked_in, "1 person checked in"),
        (_roles, "roles chosen while it ran"),
        (_item_finished, "finished"),
        (_item_extended, "given more time"),
        (_next_date, "next meeting date set (Jan 03)"),
        (_plus, "1 plus/delta remark"),
        (_rule_invoked, "1 ground rule invoked"),
        (_rule_invoked_before_schema_6, "1 ground rule invoked"),
    ],
)
def test_back_to_planned_is_refused_once_something_was_captured(
    demo_store: Store, capture_something: Callable[[Store, Meeting], None], named: str
) -> None:
    # Opened a minute ago, so whatever follows certainly happened while it ran.
    meeting = _started_by_mistake(demo_store, opened=utcnow() - timedelta(minutes=1))
    capture_something(demo_store, meeting)
    with pytest.raises(LiveError, match="cannot go back to planned") as refused:
        live.return_to_planned(demo_store, meeting.id)
    assert named in str(refused.value)
    assert "Close it instead" in str(refused.value)
    assert demo_store.get(Meeting, meeting.id).status is MeetingStatus.LIVE


def test_only_a_live_meeting_goes_back_to_planned(demo_store: Store) -> None:
    planned = upcoming(demo_store)
    with pytest.raises(LiveError, match="planned already"):
        live.return_to_planned(demo_store, planned.id)
    closed = demo_store.find(Meeting, status=MeetingStatus.CLOSED)[0]
    with pytest.raises(LiveError, match="is closed"):
        live.return_to_planned(demo_store, closed.id)
    assert demo_store.get(Meeting, closed.id).status is MeetingStatus.CLOSED


def test_two_windows_pressing_next_at_once_skip_nothing(running: Running) -> None:
    """Both windows show item 1 and press "next": the first moves on to item 2, the second is
    told the meeting already moved on, and item 2 is not skipped."""
    store, meeting, items = running
    live.start_item(store, items[0].id, now=minutes(0))
    first = live.next_item(store, meeting.id, items[0].id, now=minutes(5))
    assert first.current is not None and first.current.id == items[1].id
    with pytest.raises(LiveError, match="already moved on"):
        live.next_item(store, meeting.id, items[0].id, now=minutes(5))
    assert store.get(Meeting, meeting.id).current_item_id == items[1].id
    assert store.get(AgendaItem, items[1].id).state is ItemState.ACTIVE
