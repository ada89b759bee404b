"""A series' cadence as people write it, the dates it gives, and the next meeting's defaults."""

from __future__ import annotations

import calendar
from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitate.models import Body, Meeting, MeetingSeries
from facilitate.services.lead.ground_rules import RuleText, create_rule_set
from facilitate.services.plan.agenda import DEFAULT_START, next_meeting_defaults
from facilitate.services.plan.cadence import LAST, Cadence, CadenceError, parse_cadence
from facilitate.store import Store

from .conftest import TODAY

FAST = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
MON, TUE, WED, THU, FRI = range(5)


# -- reading what people write ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "described"),
    [
        (
            "monthly, second Tuesday, 13:00–15:00",
            Cadence("month", 1, TUE, 2, None, time(13), 120),
            "Monthly, second Tuesday, 13:00–15:00",
        ),
        (
            "monthly on the 2nd Tuesday 1pm-3pm",
            Cadence("month", 1, TUE, 2, None, time(13), 120),
            "Monthly, second Tuesday, 13:00–15:00",
        ),
        (
            "first Monday of the month",
            Cadence("month", 1, MON, 1),
            "Monthly, first Monday",
        ),
        ("last Thursday", Cadence("month", 1, THU, LAST), "Monthly, last Thursday"),
        ("every two weeks", Cadence("week", 2), "Every two weeks"),
        (
            "every 2 weeks on Wednesday 10:00",
            Cadence("week", 2, WED, start=time(10)),
            "Every two weeks, Wednesdays, 10:00",
        ),
        (
            "weekly, Fridays 9:30",
            Cadence("week", 1, FRI, start=time(9, 30)),
            "Weekly, Fridays, 09:30",
        ),
        ("biweekly", Cadence("week", 2), "Every two weeks"),
        ("Fortnightly", Cadence("week", 2), "Every two weeks"),
        ("every other Tuesday", Cadence("week", 2, TUE), "Every two weeks, Tuesdays"),
        ("quarterly", Cadence("month", 3), "Quarterly"),
        ("monthly on the 15th", Cadence("month", 1, day=15), "Monthly, the 15th"),
        ("the 1st of each month", Cadence("month", 1, day=1), "Monthly, the 1st"),
        ("last day of the month", Cadence("month", 1, day=LAST), "Monthly, the last day"),
        ("Tuesdays", Cadence("week", 1, TUE), "Weekly, Tuesdays"),
        (
            "every 3 weeks, thurs, 1-3pm",
            Cadence("week", 3, THU, start=time(13), minutes=120),
            "Every three weeks, Thursdays, 13:00–15:00",
        ),
        (
            "Third Wed of the month 11-1pm",
            Cadence("month", 1, WED, 3, start=time(11), minutes=120),
            "Monthly, third Wednesday, 11:00–13:00",
        ),
        (
            "monthly, 4th friday, 9:30am to 11 a.m.",
            Cadence("month", 1, FRI, 4, start=time(9, 30), minutes=90),
            "Monthly, fourth Friday, 09:30–11:00",
        ),
        ("every two months on the 10th", Cadence("month", 2, day=10), "Every two months, the 10th"),
        ("  WEEKLY  ", Cadence("week", 1), "Weekly"),
    ],
)
def test_phrasings_are_read(text: str, expected: Cadence, described: str) -> None:
    cadence = parse_cadence(text)
    assert cadence == expected
    assert cadence.describe() == described


@pytest.mark.parametrize("text", ["", "   ", " , "])
def test_empty_means_no_cadence(text: str) -> None:
    assert parse_cadence(text) is None


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("sometimes", '"sometimes" is not understood'),
        ("monthly, whenever we can", '"whenever we can" is not understood'),
        ("monthly on Tuesday", "say which Tuesday of the month, such as second Tuesday"),
        ("fifth Friday", "not every month has a fifth Friday; say last Friday"),
        ("weekly, 15:00-13:00", "ends (13:00) before it starts (15:00)"),
        ("weekly and monthly", "it says both weekly and monthly"),
        ("every 99 weeks", "every 99 weeks is not a meeting rhythm"),
        ("every 0 months", "every 0 months is not a meeting rhythm"),
        ("13:00-15:00", "say how often, such as weekly or monthly"),
        ("weekly on the 15th", "a weekly rule takes a weekday, not a day of the month"),
        ("weekly, Mondays and Fridays", "name one meeting day only"),
        ("monthly on the 32nd", "there is no day 32 in a month"),
        ("weekly at 25:00", 'the time "25:00": there is no hour 25'),
    ],
)
def test_what_is_not_understood_is_named_with_an_example(text: str, says: str) -> None:
    with pytest.raises(CadenceError) as raised:
        parse_cadence(text)
    message = str(raised.value)
    assert f'could not read cadence "{text.strip()}"' in message
    assert says in message
    assert '"monthly, second Tuesday, 13:00–15:00"' in message
    assert isinstance(raised.value, ValueError)


# -- the dates it gives ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "after", "anchor", "expected"),
    [
        # TODAY is Sunday Nov 22, 2026; the second Tuesday of November was the 10th.
        ("monthly, second Tuesday", TODAY, None, date(2026, 12, 8)),
        ("monthly, second Tuesday", date(2026, 11, 9), None, date(2026, 11, 10)),
        ("monthly, second Tuesday", date(2026, 11, 10), None, date(2026, 12, 8)),
        ("last Thursday", TODAY, None, date(2026, 11, 26)),
        ("last Thursday", date(2026, 11, 26), None, date(2026, 12, 31)),
        ("first Monday of the month", TODAY, None, date(2026, 12, 7)),
        ("monthly on the 15th", TODAY, None, date(2026, 12, 15)),
        ("monthly on the 31st", TODAY, None, date(2026, 11, 30)),
        ("monthly on the 31st", date(2027, 1, 31), None, date(2027, 2, 28)),
        ("weekly, Fridays", TODAY, None, date(2026, 11, 27)),
        ("weekly, Sundays", TODAY, None, date(2026, 11, 29)),
        # Every two weeks keeps the rhythm of the last meeting (Wed Nov 18).
        ("every two weeks", TODAY, date(2026, 11, 18), date(2026, 12, 2)),
        ("every two weeks", TODAY, None, date(2026, 12, 6)),
        ("every 2 weeks on Wednesday", TODAY, date(2026, 11, 18), date(2026, 12, 2)),
        ("every 2 weeks on Wednesday", TODAY, date(2026, 11, 11), date(2026, 11, 25)),
        # The last meeting was moved to a Thursday; the fortnight stays on its Wednesdays.
        ("every 2 weeks on Wednesday", TODAY, date(2026, 11, 12), date(2026, 11, 25)),
        ("every 2 weeks on Wednesday", TODAY, None, date(2026, 11, 25)),
        ("every 2 weeks on Sunday", TODAY, None, date(2026, 11, 29)),
        ("quarterly", TODAY, date(2026, 10, 13), date(2027, 1, 13)),
        ("quarterly, first Monday", TODAY, date(2026, 10, 5), date(2027, 1, 4)),
        ("monthly", date(2027, 1, 31), date(2027, 1, 31), date(2027, 2, 28)),
        ("monthly", date(2027, 2, 28), date(2027, 1, 31), date(2027, 3, 31)),
    ],
)
def test_next_date(text: str, after: date, anchor: date | None, expected: date) -> None:
    cadence = parse_cadence(text)
    assert cadence is not None
    assert cadence.next_date(after, anchor=anchor) == expected


def test_second_tuesday_is_always_between_the_8th_and_the_14th() -> None:
    cadence = parse_cadence("monthly, second Tuesday")
    assert cadence is not None
    day = date(2026, 1, 1)
    for _ in range(24):
        day = cadence.next_date(day)
        assert day.weekday() == TUE
        assert 8 <= day.day <= 14


# -- properties ------------------------------------------------------------------------------

_TIMES = st.times().map(lambda t: t.replace(second=0, microsecond=0))
_WEEKLY = st.builds(Cadence, st.just("week"), st.integers(1, 6), st.none() | st.integers(0, 6))
_BY_WEEKDAY = st.builds(
    Cadence,
    st.just("month"),
    st.integers(1, 4),
    st.integers(0, 6),
    st.sampled_from([1, 2, 3, 4, LAST]),
)
_BY_DAY = st.builds(
    Cadence,
    st.just("month"),
    st.integers(1, 4),
    day=st.integers(1, 31) | st.just(LAST),
)
_MONTHLY = st.builds(Cadence, st.just("month"), st.integers(1, 4))
CADENCES = _WEEKLY | _BY_WEEKDAY | _BY_DAY | _MONTHLY
DAYS = st.dates(min_value=date(1900, 1, 1), max_value=date(2900, 12, 31))


def _month_length(day: date) -> int:
    return calendar.monthrange(day.year, day.month)[1]


def _months_apart(first: date, second: date) -> int:
    return (second.year - first.year) * 12 + second.month - first.month


def _falls_on(cadence: Cadence, day: date, after: date, anchor: date | None) -> bool:
    """Whether `day` is a meeting day of `cadence`, written from the rules, not the code."""
    step = cadence.interval
    if cadence.unit == "week":
        if cadence.weekday is None:
            return (day - (anchor or after)).days % (7 * step) == 0
        if day.weekday() != cadence.weekday:
            return False
        if anchor is None or step == 1:
            return True
        anchor_monday = anchor - timedelta(days=anchor.weekday())
        return ((day - anchor_monday).days // 7) % step == 0
    if anchor is not None and _months_apart(anchor, day) % step != 0:
        return False
    if cadence.weekday is not None:
        if day.weekday() != cadence.weekday:
            return False
        if cadence.ordinal == LAST:
            return (day + timedelta(days=7)).month != day.month
        return (day.day - 1) // 7 + 1 == cadence.ordinal
    if cadence.day is not None:
        wanted = _month_length(day) if cadence.day == LAST else cadence.day
        return day.day == min(wanted, _month_length(day))
    base = anchor or after
    if _months_apart(base, day) % step != 0:
        return False
    return day.day == min(base.day, _month_length(day))


@FAST
@given(CADENCES, DAYS, st.none() | DAYS)
def test_next_date_is_the_first_meeting_day_after(
    cadence: Cadence, after: date, anchor: date | None
) -> None:
    if anchor is not None:
        anchor = min(anchor, after)  # the last meeting is never after the day we start from
    found = cadence.next_date(after, anchor=anchor)
    assert found > after
    assert _falls_on(cadence, found, after, anchor)
    earlier = (after + timedelta(days=n) for n in range(1, (found - after).days))
    assert not any(_falls_on(cadence, day, after, anchor) for day in earlier)


@FAST
@given(_BY_WEEKDAY, DAYS)
def test_ordinal_weekdays_fall_in_their_week_of_the_month(cadence: Cadence, after: date) -> None:
    found = cadence.next_date(after)
    assert found.weekday() == cadence.weekday
    if cadence.ordinal == LAST:
        assert found.day > _month_length(found) - 7
    else:
        assert cadence.ordinal is not None
        assert 7 * (cadence.ordinal - 1) < found.day <= 7 * cadence.ordinal


@FAST
@given(st.integers(1, 6), DAYS, st.integers(0, 400))
def test_every_n_weeks_counts_from_the_last_meeting(weeks: int, anchor: date, later: int) -> None:
    after = anchor + timedelta(days=later)
    found = Cadence("week", weeks).next_date(after, anchor=anchor)
    assert (found - anchor).days % (7 * weeks) == 0
    assert 0 < (found - after).days <= 7 * weeks


@FAST
@given(CADENCES, _TIMES, st.none() | st.integers(1, 24 * 60))
def test_describe_reads_back_as_the_same_cadence(
    cadence: Cadence, start: time, minutes: int | None
) -> None:
    if minutes is not None:
        minutes = min(minutes, 24 * 60 - 1 - (start.hour * 60 + start.minute)) or None
    timed = Cadence(
        cadence.unit,
        cadence.interval,
        cadence.weekday,
        cadence.ordinal,
        cadence.day,
        start,
        minutes,
    )
    assert parse_cadence(timed.describe()) == timed
    assert parse_cadence(cadence.describe()) == cadence


@FAST
@given(st.text(max_size=40))
def test_any_text_is_read_or_refused_with_a_message(text: str) -> None:
    try:
        parse_cadence(text)
    except CadenceError as error:
        assert "could not read cadence" in str(error)


_VOCABULARY = [
    "weekly",
    "monthly",
    "quarterly",
    "biweekly",
    "every",
    "other",
    "each",
    "of",
    "the",
    "on",
    "at",
    "month",
    "months",
    "week",
    "weeks",
    "two",
    "2",
    "3",
    "first",
    "second",
    "2nd",
    "last",
    "fifth",
    "tuesday",
    "fridays",
    "mon",
    "day",
    "15th",
    "31st",
    "1pm",
    "3pm",
    "-",
    "to",
    "13:00",
    "15:00",
    "9:30am",
    "noon",
    ",",
    "and",
]


@FAST
@given(st.lists(st.sampled_from(_VOCABULARY), max_size=8))
def test_cadence_words_in_any_order_are_read_or_refused(words: list[str]) -> None:
    text = " ".join(words)
    try:
        cadence = parse_cadence(text)
    except CadenceError as error:
        assert "could not read cadence" in str(error)
        return
    if cadence is not None:
        assert parse_cadence(cadence.describe()) == cadence
        assert cadence.next_date(TODAY) > TODAY


# -- the next meeting's defaults -------------------------------------------------------------


def _series(store: Store, **fields: object) -> MeetingSeries:
    body = store.insert(Body(name="Core Team"))
    return store.insert(MeetingSeries(body_id=body.id, name="Core Team (biweekly)", **fields))


def _meeting(store: Store, series: MeetingSeries, at: datetime) -> Meeting:
    return store.insert(Meeting(series_id=series.id, title="Core Team", starts_at=at))


def test_defaults_take_the_cadence_after_today_and_the_series_place(store: Store) -> None:
    rules = create_rule_set(store, "Core agreements", [RuleText("Listen")])
    series = _series(
        store,
        cadence="monthly, second Tuesday, 13:00–15:00",
        default_place="Northside FRC",
        neutral_venue=True,
        default_template="core-team",
        ground_rule_set_id=rules.rule_set.id,
    )
    defaults = next_meeting_defaults(store, series.id, TODAY)
    assert defaults.day == date(2026, 12, 8)
    assert defaults.start == time(13)
    assert defaults.minutes == 120
    assert defaults.place == "Northside FRC"
    assert defaults.neutral_venue is True
    assert defaults.template == "core-team"
    assert defaults.ground_rules == "Core agreements"
    assert defaults.cadence == "Monthly, second Tuesday, 13:00–15:00"


def test_defaults_come_after_a_meeting_already_planned(store: Store) -> None:
    series = _series(store, cadence="every two weeks")
    _meeting(store, series, datetime(2026, 11, 18, 9, 30))
    _meeting(store, series, datetime(2026, 12, 2, 9, 30))  # planned ahead of today
    defaults = next_meeting_defaults(store, series.id, TODAY)
    assert defaults.day == date(2026, 12, 16)
    # No time in the cadence: the latest meeting's time is kept.
    assert defaults.start == time(9, 30)
    assert defaults.minutes is None


def test_defaults_without_a_cadence_give_no_date_and_say_why(store: Store) -> None:
    series = _series(store)
    defaults = next_meeting_defaults(store, series.id, TODAY)
    assert defaults.day is None
    assert defaults.start == DEFAULT_START
    assert defaults.no_day_reason == "Core Team (biweekly) has no cadence to take the date from"


def test_defaults_with_an_unreadable_cadence_say_what_was_not_understood(store: Store) -> None:
    series = _series(store, cadence="when the moon is full")
    defaults = next_meeting_defaults(store, series.id, TODAY)
    assert defaults.day is None
    assert '"when the moon is full" is not understood' in defaults.no_day_reason
