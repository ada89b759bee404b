"""Examples for every date and time form the quick-entry line understands, and every refusal."""

from __future__ import annotations

from datetime import date, time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitate.services.dates import (
    DATE_HINT,
    TIME_HINT,
    DateParseError,
    TimeParseError,
    parse_date,
    parse_time,
)

# conftest's autouse home-directory fixture is harmless to reuse across examples.
FAST = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

FRIDAY = date(2026, 11, 20)
MONDAY = date(2026, 11, 16)
SATURDAY = date(2026, 11, 21)
SUNDAY = date(2026, 11, 22)


def test_reference_days_are_the_weekdays_their_names_say() -> None:
    assert FRIDAY.strftime("%A") == "Friday"
    assert MONDAY.strftime("%A") == "Monday"
    assert SATURDAY.strftime("%A") == "Saturday"
    assert SUNDAY.strftime("%A") == "Sunday"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ISO
        ("2026-12-05", date(2026, 12, 5)),
        ("2027-1-9", date(2027, 1, 9)),
        ("2020-01-01", date(2020, 1, 1)),
        # US month/day
        ("12/5", date(2026, 12, 5)),
        ("11/20", date(2026, 11, 20)),
        ("11/19", date(2027, 11, 19)),
        ("1/15", date(2027, 1, 15)),
        ("12/5/2026", date(2026, 12, 5)),
        ("12/5/26", date(2026, 12, 5)),
        ("3/1/27", date(2027, 3, 1)),
        ("2/29/2028", date(2028, 2, 29)),
        # words for today and tomorrow
        ("today", date(2026, 11, 20)),
        ("tomorrow", date(2026, 11, 21)),
        ("tmrw", date(2026, 11, 21)),
        # weekdays: the coming one, strictly after today
        ("fri", date(2026, 11, 27)),
        ("friday", date(2026, 11, 27)),
        ("sat", date(2026, 11, 21)),
        ("sun", date(2026, 11, 22)),
        ("mon", date(2026, 11, 23)),
        ("monday", date(2026, 11, 23)),
        ("tue", date(2026, 11, 24)),
        ("tues", date(2026, 11, 24)),
        ("tuesday", date(2026, 11, 24)),
        ("wed", date(2026, 11, 25)),
        ("wednesday", date(2026, 11, 25)),
        ("thu", date(2026, 11, 26)),
        ("thurs", date(2026, 11, 26)),
        ("thursday", date(2026, 11, 26)),
        # next week / next weekday
        ("next week", date(2026, 11, 23)),
        ("next fri", date(2026, 11, 27)),
        ("next friday", date(2026, 11, 27)),
        ("next mon", date(2026, 11, 23)),
        ("next wed", date(2026, 11, 25)),
        ("next sun", date(2026, 11, 29)),
        # in N days/weeks
        ("in 3 days", date(2026, 11, 23)),
        ("in 1 day", date(2026, 11, 21)),
        ("in 0 days", date(2026, 11, 20)),
        ("in 2 weeks", date(2026, 12, 4)),
        ("in 1 week", date(2026, 11, 27)),
        ("in a week", date(2026, 11, 27)),
        ("in 45 days", date(2027, 1, 4)),
        # end of week / month
        ("eow", date(2026, 11, 20)),
        ("end of week", date(2026, 11, 20)),
        ("end of the week", date(2026, 11, 20)),
        ("eom", date(2026, 11, 30)),
        ("end of month", date(2026, 11, 30)),
        ("end of the month", date(2026, 11, 30)),
        # month names
        ("dec 5", date(2026, 12, 5)),
        ("5 dec", date(2026, 12, 5)),
        ("december 5", date(2026, 12, 5)),
        ("dec 5th", date(2026, 12, 5)),
        ("dec. 5", date(2026, 12, 5)),
        ("Dec 5 2026", date(2026, 12, 5)),
        ("Dec 5, 2026", date(2026, 12, 5)),
        ("5 dec 2027", date(2027, 12, 5)),
        ("sept 1", date(2027, 9, 1)),
        ("nov 20", date(2026, 11, 20)),
        ("nov 19", date(2027, 11, 19)),
        ("january 2nd", date(2027, 1, 2)),
        ("may 1 2030", date(2030, 5, 1)),
        # case and surrounding whitespace
        ("  TOMORROW ", date(2026, 11, 21)),
        ("Next  Week", date(2026, 11, 23)),
        ("FRI", date(2026, 11, 27)),
        ("\tDEC 5\n", date(2026, 12, 5)),
    ],
)
def test_forms_on_a_friday(text: str, expected: date) -> None:
    assert parse_date(text, FRIDAY) == expected


@pytest.mark.parametrize(
    ("today", "text", "expected"),
    [
        # On a Monday "fri" is this week's and "next fri" the one after.
        (MONDAY, "fri", date(2026, 11, 20)),
        (MONDAY, "next fri", date(2026, 11, 27)),
        (MONDAY, "mon", date(2026, 11, 23)),
        (MONDAY, "next week", date(2026, 11, 23)),
        (MONDAY, "eow", date(2026, 11, 20)),
        # On a weekend "eow" is the coming Friday, and "next fri" equals "fri".
        (SATURDAY, "eow", date(2026, 11, 27)),
        (SUNDAY, "eow", date(2026, 11, 27)),
        (SUNDAY, "fri", date(2026, 11, 27)),
        (SUNDAY, "next fri", date(2026, 11, 27)),
        (SUNDAY, "next week", date(2026, 11, 23)),
        (SUNDAY, "next sun", date(2026, 11, 29)),
        # End of month on its last day, in February, in a leap year.
        (date(2026, 11, 30), "eom", date(2026, 11, 30)),
        (date(2027, 2, 3), "eom", date(2027, 2, 28)),
        (date(2028, 2, 3), "end of month", date(2028, 2, 29)),
        # Year rollover for yearless dates, and across the new year.
        (date(2026, 12, 10), "12/5", date(2027, 12, 5)),
        (date(2026, 12, 30), "1/2", date(2027, 1, 2)),
        (date(2026, 12, 30), "in 3 days", date(2027, 1, 2)),
        (date(2026, 12, 30), "next week", date(2027, 1, 4)),
        # A yearless February 29 is fine when the coming one falls in a leap year.
        (date(2027, 11, 20), "2/29", date(2028, 2, 29)),
        (date(2028, 1, 10), "feb 29", date(2028, 2, 29)),
    ],
)
def test_relative_forms_depend_on_today(today: date, text: str, expected: date) -> None:
    assert parse_date(text, today) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2/30", "there is no February 30"),
        ("2/30/2028", "there is no February 30"),
        ("4/31", "there is no April 31"),
        ("april 31", "there is no April 31"),
        ("31 apr 2027", "there is no April 31"),
        ("12/32", "there is no December 32"),
        ("12/0", "there is no December 0"),
        ("13/1", "there is no month 13"),
        ("0/5", "there is no month 0"),
        ("2026-13-01", "there is no month 13"),
        ("2026-02-30", "there is no February 30"),
        ("2027-02-29", "there is no February 29 in 2027"),
        ("2/29/27", "there is no February 29 in 2027"),
        # The coming February is 2027's, which has no 29th: refused, not pushed to 2028.
        ("2/29", "there is no February 29 in 2027"),
        ("0000-01-01", "there is no year 0"),
    ],
)
def test_impossible_dates_say_why(text: str, reason: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_date(text, FRIDAY)
    assert caught.value.reason == reason
    assert caught.value.text == text
    assert str(caught.value) == f'could not read date "{text}": {reason}'


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "notadate",
        "someday",
        "next",
        "next month",
        "next year",
        "in days",
        "in 3",
        "in 3 months",
        "in -3 days",
        "in 1000 days",
        "dec",
        "dec 5 26",
        "dec 5 2026 extra",
        "5",
        "12/5/202",
        "12-5",
        "12/5/2026/1",
        "2026/12/05",
        "fri next",
        "fridays",
        "yesterday",
        "this friday",
        "tomorrow 3",
    ],
)
def test_unknown_forms_list_the_forms_understood(text: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_date(text, FRIDAY)
    message = str(caught.value)
    assert message == f'could not read date "{text.strip()}": {DATE_HINT}'
    for example in ("2026-12-05", "12/5", "fri", '"next week"'):
        assert example in message


def test_date_parse_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="notadate"):
        parse_date("notadate", FRIDAY)


def test_a_date_beyond_the_calendar_is_an_error_not_a_crash() -> None:
    with pytest.raises(DateParseError, match="too far away"):
        parse_date("in 999 weeks", date(9999, 6, 1))
    with pytest.raises(DateParseError, match="too far away"):
        parse_date("1/1", date(9999, 6, 1))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9:30", time(9, 30)),
        ("09:30", time(9, 30)),
        ("0:15", time(0, 15)),
        ("14:00", time(14, 0)),
        ("23:59", time(23, 59)),
        ("9:30am", time(9, 30)),
        ("9:30 AM", time(9, 30)),
        ("9:30pm", time(21, 30)),
        ("9:30 p.m.", time(21, 30)),
        ("9 a.m.", time(9, 0)),
        ("2pm", time(14, 0)),
        ("2 PM", time(14, 0)),
        ("2p", time(14, 0)),
        ("11a", time(11, 0)),
        ("12pm", time(12, 0)),
        ("12am", time(0, 0)),
        ("12:30am", time(0, 30)),
        ("noon", time(12, 0)),
        ("Midnight", time(0, 0)),
        ("  10:05 ", time(10, 5)),
    ],
)
def test_time_forms(text: str, expected: time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2", "add am or pm (e.g. 2pm) or use 24-hour time like 14:00"),
        ("13pm", "with am or pm the hour must be 1 to 12"),
        ("0am", "with am or pm the hour must be 1 to 12"),
        ("25:00", "there is no hour 25"),
        ("24:00", "there is no hour 24"),
        ("9:75", "there is no minute 75"),
        ("9:60pm", "there is no minute 60"),
        ("", TIME_HINT),
        ("soon", TIME_HINT),
        ("9:3", TIME_HINT),
        ("9:30xm", TIME_HINT),
        ("930", TIME_HINT),
        ("9.30", TIME_HINT),
    ],
)
def test_unreadable_times_say_why(text: str, reason: str) -> None:
    with pytest.raises(TimeParseError) as caught:
        parse_time(text)
    assert str(caught.value) == f'could not read time "{text}": {reason}'
    assert isinstance(caught.value, ValueError)


@FAST
@given(st.text(max_size=30), st.dates())
def test_any_text_gives_a_date_or_a_date_parse_error(text: str, today: date) -> None:
    try:
        parse_date(text, today)
    except DateParseError as error:
        assert error.text == text.strip()
        assert error.reason


@FAST
@given(st.dates(min_value=date(1000, 1, 1)), st.dates(max_value=date(9998, 12, 31)))
def test_dates_with_a_year_read_back_whatever_today_is(day: date, today: date) -> None:
    month = day.strftime("%b")
    for text in (
        day.isoformat(),
        f"{day.month}/{day.day}/{day.year}",
        f"{month} {day.day} {day.year}",
        f"{day.day} {month.upper()}, {day.year}",
    ):
        assert parse_date(text, today) == day


@FAST
@given(st.dates(max_value=date(9998, 12, 31)), st.integers(1, 12), st.integers(1, 31))
def test_yearless_dates_are_the_next_on_or_after_today(today: date, month: int, day: int) -> None:
    try:
        result = parse_date(f"{month}/{day}", today)
    except DateParseError as error:
        assert error.reason.startswith("there is no")
        return
    assert (result.month, result.day) == (month, day)
    assert today <= result
    assert result.year in (today.year, today.year + 1)
    if result.year != today.year:
        # Next year only when this year's date has passed, or does not exist (2/29).
        try:
            this_year = date(today.year, month, day)
        except ValueError:
            return
        assert this_year < today


@FAST
@given(st.dates(max_value=date(9998, 12, 1)), st.sampled_from(["mon", "tue", "wed", "thu", "fri"]))
def test_weekday_names_are_within_the_coming_week(today: date, name: str) -> None:
    result = parse_date(name, today)
    assert 1 <= (result - today).days <= 7
    assert result.strftime("%a").lower() == name
    following = parse_date(f"next {name}", today)
    assert following.weekday() == result.weekday()
    assert (following - today).days <= 13
    assert following.isocalendar()[:2] != today.isocalendar()[:2]


@FAST
@given(st.times())
def test_times_read_back_in_24_and_12_hour_forms(moment: time) -> None:
    exact = moment.replace(second=0, microsecond=0, tzinfo=None)
    hour12 = exact.hour % 12 or 12
    suffix = "am" if exact.hour < 12 else "pm"
    assert parse_time(f"{exact.hour}:{exact.minute:02d}") == exact
    assert parse_time(f"{hour12}:{exact.minute:02d} {suffix.upper()}") == exact
    if exact.minute == 0:
        assert parse_time(f"{hour12}{suffix}") == exact


@FAST
@given(st.text(max_size=12))
def test_any_text_gives_a_time_or_a_time_parse_error(text: str) -> None:
    try:
        parse_time(text)
    except TimeParseError as error:
        assert error.text == text.strip()
