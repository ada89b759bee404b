"""Follow-through figures per series and per organization: done on time, done late, open
(overdue), dropped; the lines `facilitate loop --summary` prints; the figure Home shows."""

from __future__ import annotations

from datetime import UTC, date, datetime

from textual.widgets import DataTable

from facilitate.models import (
    ActionItem,
    Body,
    Meeting,
    MeetingSeries,
    Note,
    Organization,
    ParkingLotItem,
    Person,
)
from facilitate.models.enums import ActionStatus, LoopResponseKind, Visibility
from facilitate.services.overview import home_summary
from facilitate.services.record.follow_through_figures import (
    NO_ORGANIZATION,
    figures,
    input_answered,
    series_figures,
    summary_lines,
)
from facilitate.services.record.loop_links import link_response, record_response
from facilitate.services.run.follow_through import update_action
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp

from .conftest import TODAY


def _series(store: Store, name: str) -> Meeting:
    body = store.insert(Body(name=f"{name} body"))
    series = store.insert(MeetingSeries(body_id=body.id, name=name))
    return store.insert(
        Meeting(series_id=series.id, title=f"{name} — March", starts_at=datetime(2026, 3, 3, 13))
    )


def _later(store: Store, meeting: Meeting, day: date) -> Meeting:
    return store.insert(
        Meeting(series_id=meeting.series_id, title="Later", starts_at=datetime.combine(day, _ONE))
    )


_ONE = datetime(2026, 1, 1, 13).time()


def _record(store: Store) -> tuple[Meeting, Meeting, Organization, Organization]:
    """Steering: one action of each outcome; Core: one open action of an unaffiliated owner."""
    county = store.insert(Organization(name="County Family Services", short_name="CFS"))
    court = store.insert(Organization(name="Family Court"))
    dana = store.insert(Person(name="Dana Lee", organization_id=county.id))
    steering = _series(store, "Steering")
    core = _series(store, "Core")
    april = _later(store, steering, date(2026, 4, 7))
    may = _later(store, steering, date(2026, 5, 5))

    def action(
        text: str,
        due: date | None,
        owner_person_id: str | None = None,
        organization_id: str | None = None,
        visibility: Visibility = Visibility.PARTNERS,
    ) -> ActionItem:
        return store.insert(
            ActionItem(
                meeting_id=steering.id,
                text=text,
                due=due,
                owner_person_id=owner_person_id,
                organization_id=organization_id,
                visibility=visibility,
            )
        )

    on_time = action("On time", date(2026, 4, 10), owner_person_id=dana.id)
    late = action("Late", date(2026, 4, 1), organization_id=court.id)
    undated_done = action("Done, never reported", date(2026, 4, 1), organization_id=court.id)
    undated_done.status = ActionStatus.DONE
    store.save(undated_done)
    action("Open, overdue", date(2026, 11, 1), owner_person_id=dana.id)
    action("Open, not yet due", date(2026, 12, 1), organization_id=court.id)
    dropped = action("Dropped", None, organization_id=court.id)
    action("Secret", date(2026, 1, 1), organization_id=court.id, visibility=Visibility.CONFIDENTIAL)
    update_action(store, on_time.id, ActionStatus.DONE, meeting_id=april.id)  # Apr 7 ≤ Apr 10
    update_action(store, late.id, ActionStatus.DONE, meeting_id=may.id)  # May 5 > Apr 1
    update_action(store, dropped.id, ActionStatus.DROPPED, now=datetime(2026, 5, 1, tzinfo=UTC))
    store.insert(ActionItem(meeting_id=core.id, text="Map intake", owner_text="A volunteer"))
    return steering, core, county, court


def test_each_action_is_counted_under_its_outcome(store: Store) -> None:
    steering, core, _, _ = _record(store)
    found = figures(store, TODAY)
    by_series = {f.key: f for f in found.series}
    mine = by_series[steering.series_id]
    assert (mine.done_on_time, mine.done_late, mine.done_undated) == (1, 1, 1)
    assert (mine.open, mine.overdue, mine.dropped) == (2, 1, 1)
    # The confidential action is not counted anywhere.
    assert mine.total == 6
    assert by_series[core.series_id].open == 1


def test_organizations_are_counted_by_the_action_or_its_owner(store: Store) -> None:
    _, _, county, court = _record(store)
    by_org = {f.key: f for f in figures(store, TODAY).organizations}
    # Dana's actions count for her organization; the others name the court themselves.
    assert (by_org[county.id].done_on_time, by_org[county.id].overdue) == (1, 1)
    assert (by_org[court.id].done_late, by_org[court.id].dropped) == (1, 1)
    assert by_org[None].label == NO_ORGANIZATION
    assert list(by_org)[-1] is None  # unaffiliated last


def test_one_series_only(store: Store) -> None:
    steering, _, _, _ = _record(store)
    found = figures(store, TODAY, steering.series_id)
    assert [f.key for f in found.series] == [steering.series_id]
    assert None not in {f.key for f in found.organizations}


def test_overdue_counts_from_the_day_given(store: Store) -> None:
    steering, _, _, _ = _record(store)
    before = series_figures(store, date(2026, 10, 31))[steering.series_id]
    after = series_figures(store, date(2026, 12, 2))[steering.series_id]
    assert (before.overdue, after.overdue) == (0, 2)


def test_summary_lines_say_each_figure(store: Store) -> None:
    steering, _, _, _ = _record(store)
    lines = summary_lines(store, steering.series_id, today=TODAY)
    assert lines == [
        "Follow-through by series:",
        "  Steering: 6 actions: 1 done on time, 1 done late, 1 done (date not recorded), "
        "2 open (1 overdue), 1 dropped",
        "Follow-through by organization:",
        "  CFS: 2 actions: 1 done on time, 0 done late, 1 open (1 overdue), 0 dropped",
        "  Family Court: 4 actions: 0 done on time, 1 done late, 1 done (date not recorded), "
        "1 open (0 overdue), 1 dropped",
    ]


def _input(store: Store) -> tuple[Meeting, Meeting]:
    """Steering: four parking-lot entries (declined, answered by an action, waiting,
    confidential) and a note nothing answers; Core: one declined entry and nothing else."""
    steering, core = _series(store, "Steering"), _series(store, "Core")

    def parked(
        meeting: Meeting, text: str, visibility: Visibility = Visibility.PARTNERS
    ) -> ParkingLotItem:
        return store.insert(ParkingLotItem(meeting_id=meeting.id, text=text, visibility=visibility))

    declined = parked(steering, "Evening meetings")
    record_response(
        store, declined, text="No evening room", kind=LoopResponseKind.DECLINED, reason="Budget"
    )
    acted = parked(steering, "A shared referral form")
    action = store.insert(ActionItem(meeting_id=steering.id, text="Draft the form"))
    link_response(store, action, acted)
    parked(steering, "Transport for parents")
    secret = parked(steering, "A named family", Visibility.CONFIDENTIAL)
    record_response(store, secret, text="Handled", kind=LoopResponseKind.ANSWERED)
    store.insert(Note(meeting_id=steering.id, text="Ana reports on the budget"))
    record_response(
        store,
        parked(core, "Weekend hours"),
        text="Not this year",
        kind=LoopResponseKind.DECLINED,
        reason="Staff",
    )
    return steering, core


def test_input_answered_counts_each_series_input_with_an_answer(store: Store) -> None:
    _, core = _input(store)
    found = {f.label: (f.answered, f.total) for f in input_answered(store)}
    # A declined answer answers; the waiting entry does not; the confidential entry and the
    # plain note (not input the report lists) are not counted.
    assert found == {"Core": (1, 1), "Steering": (2, 3)}
    assert [f.series_id for f in input_answered(store, core.series_id)] == [core.series_id]


def test_summary_lines_say_how_much_input_is_answered(store: Store) -> None:
    steering, _ = _input(store)
    lines = summary_lines(store, None, today=TODAY)
    assert lines[-3:] == [
        "Input by series:",
        "  Core: answered: 1 of 1",
        "  Steering: answered: 2 of 3",
    ]
    one = summary_lines(store, steering.series_id, today=TODAY)
    assert one[-2:] == ["Input by series:", "  Steering: answered: 2 of 3"]
    assert "  Core: answered: 1 of 1" not in one


def test_summary_of_an_empty_record(store: Store) -> None:
    assert summary_lines(store, None, today=TODAY) == [
        "Follow-through: no action items recorded yet."
    ]


def test_the_demo_steering_figure(demo_store: Store) -> None:
    lines = summary_lines(demo_store, None, today=TODAY)
    assert (
        "  Steering Committee (monthly): 5 actions: 0 done on time, 1 done late, "
        "4 open (3 overdue), 0 dropped"
    ) in lines


def test_home_summary_carries_each_series_figure(demo_store: Store) -> None:
    summary = home_summary(demo_store, TODAY)
    steering = next(s for s in summary.series if s.series_name.startswith("Steering"))
    assert steering.series_id is not None
    figure = summary.follow_through[steering.series_id]
    assert (figure.done_late, figure.open, figure.overdue) == (1, 4, 3)


async def test_home_shows_each_series_follow_through(demo_store: Store) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#bodies", DataTable)
        drawn = [table.get_row_at(i) for i in range(table.row_count)]
    rows = {str(row[1]): str(row[3]) for row in drawn}
    assert rows["Steering Committee (monthly)"] == "1 late · 4 open (3 overdue)"
    assert rows["Core Team (every two weeks)"] == "1 open (1 overdue)"
    assert rows["Community Listening Sessions"] == ""  # no action items: no figure
