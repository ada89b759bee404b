"""Which item approves the last meeting's minutes is said by the template
(`approves_minutes = true`), not guessed from words: a user's own item is never dropped for its
title, the series' template's approval goes back only into an agenda that follows it, and what
a new agenda went without is said (`plan_meeting(...).left_out`)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from facilitate import paths
from facilitate.models import Body, Meeting, MeetingSeries
from facilitate.models.enums import MeetingKind, Purpose
from facilitate.models.template import AgendaItemTemplate, AgendaTemplate
from facilitate.services.plan import agenda
from facilitate.services.plan.agenda import MeetingPlan
from facilitate.services.plan.template_check import check_templates
from facilitate.services.plan.templates import get_template, save_template, template_to_toml
from facilitate.services.run import closing, live
from facilitate.store import Store

APPROVE = "Approve minutes of the last meeting"
FIRST = datetime(2026, 12, 3, 13, 0)
SECOND = datetime(2027, 1, 7, 13, 0)
THIRD = datetime(2027, 2, 4, 13, 0)


def _series(store: Store, template: str = "steering-committee") -> MeetingSeries:
    body = store.insert(Body(name="Steering Committee"))
    return store.insert(
        MeetingSeries(body_id=body.id, name="Steering (monthly)", default_template=template)
    )


def _plan(
    store: Store,
    series: MeetingSeries,
    when: datetime,
    *,
    template: AgendaTemplate | None = None,
    from_last: bool = False,
) -> agenda.PlannedMeeting:
    plan = MeetingPlan(series_id=series.id, starts_at=when)
    return agenda.plan_meeting(store, plan, template=template, from_last=from_last)


def _titles(store: Store, meeting: Meeting) -> list[str]:
    return [item.title for item in agenda.items(store, meeting.id)]


def _hold(store: Store, meeting: Meeting) -> None:
    live.open_meeting(store, meeting.id, now=meeting.starts_at)
    closing.close_meeting(store, meeting.id, now=meeting.starts_at)


def _item(title: str, approves: bool | None = None) -> AgendaItemTemplate:
    return AgendaItemTemplate(
        title=title, purpose=Purpose.DISCUSS, minutes=10, approves_minutes=approves
    )


def _template(*items: AgendaItemTemplate) -> AgendaTemplate:
    return AgendaTemplate(name="Ours", kind=MeetingKind.BUSINESS, items=list(items))


def test_a_first_agenda_says_which_item_it_left_out(store: Store) -> None:
    planned = _plan(store, _series(store), FIRST, template=get_template("steering-committee"))
    assert APPROVE not in _titles(store, planned.meeting)
    assert planned.left_out == (f"Left out “{APPROVE}”: no meeting held yet",)


def test_a_users_item_titled_like_an_approval_but_marked_otherwise_stays(store: Store) -> None:
    ours = _template(
        _item("Welcome"),
        _item("Approve the notes of last month's site visits", approves=False),
        _item("Minutes from our previous gathering", approves=True),
    )
    planned = _plan(store, _series(store, ""), FIRST, template=ours)
    assert _titles(store, planned.meeting) == [
        "Welcome",
        "Approve the notes of last month's site visits",
    ]
    assert planned.left_out == (
        "Left out “Minutes from our previous gathering”: no meeting held yet",
    )


def test_a_template_that_marks_nothing_is_judged_by_title_and_says_so(store: Store) -> None:
    older = _template(_item("Welcome"), _item(APPROVE))
    planned = _plan(store, _series(store, ""), FIRST, template=older)
    assert _titles(store, planned.meeting) == ["Welcome"]
    assert planned.left_out == (f"Left out “{APPROVE}”: no meeting held yet",)


def test_the_series_approval_goes_back_only_into_an_agenda_that_follows_it(store: Store) -> None:
    series = _series(store)
    first = _plan(store, series, FIRST, template=get_template("partner-forum")).meeting
    _hold(store, first)
    second = _plan(store, series, SECOND, from_last=True)
    assert _titles(store, second.meeting) == _titles(store, first)
    assert second.left_out == (
        f"Left out “{APPROVE}”: this agenda does not follow the template “Steering committee”",
    )


def test_the_series_approval_goes_back_beside_the_item_it_follows(store: Store) -> None:
    series = _series(store)
    first = _plan(store, series, FIRST, template=get_template("steering-committee")).meeting
    # The coordinator moved the approval's neighbour down; the approval follows it there.
    agenda.move_item(store, agenda.items(store, first.id)[1].id, 2)
    _hold(store, first)
    second = _plan(store, series, SECOND, from_last=True)
    titles = _titles(store, second.meeting)
    assert titles.index(APPROVE) == titles.index("Agenda review and ground rules") + 1
    assert second.left_out == ()


def test_a_saved_agenda_marks_its_approval(store: Store) -> None:
    series = _series(store)
    steering = get_template("steering-committee")
    _hold(store, _plan(store, series, FIRST, template=steering).meeting)
    second = _plan(store, series, SECOND, template=steering).meeting
    saved = agenda.as_template(store, second, "Our steering")
    assert [i.title for i in saved.items if i.approves_minutes] == [APPROVE]
    assert template_to_toml(saved).count("approves_minutes = true") == 1
    save_template(saved, paths.user_templates_dir())
    assert check_templates(paths.user_templates_dir()) == []
    other = _series(store, "")
    planned = _plan(
        store, other, THIRD, template=get_template("Our steering", paths.user_templates_dir())
    )
    assert planned.left_out == (f"Left out “{APPROVE}”: no meeting held yet",)


def test_the_checker_says_what_approves_minutes_is_for_an_unmarked_approval(
    tmp_path: Path,
) -> None:
    (tmp_path / "older.toml").write_text(
        'name = "Older"\nkind = "business"\n'
        f'[[items]]\ntitle = "{APPROVE}"\npurpose = "decide"\nminutes = 5\n',
        encoding="utf-8",
    )
    [problem] = check_templates(tmp_path)
    assert problem.path.name == "older.toml"
    assert f'item 1 ("{APPROVE}")' in str(problem)
    assert "approves_minutes = true" in str(problem)
    assert check_templates(None) == [], "the shipped templates mark their approvals"
