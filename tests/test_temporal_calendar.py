"""Calendar arithmetic the resolver relies on: movable holidays (Easter, nth weekday of a month), clocks of values."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.temporal.calendar import (
    calendar_span,
    chinese_day,
    clock_of,
    easter,
    hebrew_day,
    hijri_day,
    movable_day,
    part_of_span,
)


@pytest.mark.parametrize(
    ("year", "orthodox", "expected"),
    [
        (2022, False, dt.date(2022, 4, 17)),
        (2024, False, dt.date(2024, 3, 31)),
        (2000, False, dt.date(2000, 4, 23)),
        (2022, True, dt.date(2022, 4, 24)),
        (2023, True, dt.date(2023, 4, 16)),
        (2024, True, dt.date(2024, 5, 5)),
    ],
)
def test_easter_known_years(year, orthodox, expected):
    assert easter(year, orthodox) == expected


@given(st.integers(min_value=1900, max_value=2099))
def test_easter_is_a_sunday_in_its_season(year):
    western, orthodox = easter(year), easter(year, orthodox=True)
    assert western.isoweekday() == 7 and dt.date(year, 3, 22) <= western <= dt.date(year, 4, 25)
    assert orthodox.isoweekday() == 7 and western <= orthodox <= dt.date(year, 5, 8)


@pytest.mark.parametrize(
    ("rule", "year", "expected"),
    [
        ({"month": 11, "weekday": 4, "nth": 4}, 1999, dt.date(1999, 11, 25)),  # Thanksgiving
        ({"month": 11, "weekday": 4, "nth": 4}, 2022, dt.date(2022, 11, 24)),
        ({"month": 5, "weekday": 1, "nth": -1}, 2022, dt.date(2022, 5, 30)),  # last Monday of May
        ({"easter": -2}, 2022, dt.date(2022, 4, 15)),  # Good Friday
    ],
)
def test_movable_day(rule, year, expected):
    assert movable_day(rule, year) == expected


@pytest.mark.parametrize(
    ("value", "mod", "expected"),
    [
        ("2023", "START", ("2023-01-01", "2023-04-30")),
        ("2023", "MID", ("2023-05-01", "2023-08-31")),
        ("2023", "END", ("2023-09-01", "2023-12-31")),
        ("2021-12", "START", ("2021-12-01", "2021-12-10")),
        ("2022-02", "END", ("2022-02-21", "2022-02-28")),
        ("2022-01", "MID", ("2022-01-11", "2022-01-20")),
        ("199", "MID", ("1994-01-01", "1996-12-31")),
        ("2022-Q1", "END", ("2022-03-01", "2022-03-31")),
        ("2022-W07", "START", ("2022-02-14", "2022-02-15")),
        ("2022-02-08", "END", ("2022-02-08", "2022-02-08")),  # a day has no thirds
        ("2023", "APPROX", ("2023-01-01", "2023-12-31")),  # only early/mid/late narrow
    ],
)
def test_part_of_span_is_a_whole_unit_third(value, mod, expected):
    first, last, granularity = calendar_span(value)
    got = part_of_span(first, last, granularity, mod)
    assert tuple(day.isoformat() for day in got) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2022-02-23T23:05", dt.time(23, 5)), ("2022-02-23T09:00", dt.time(9, 0)), ("2022-02-23TMO", None),
     ("2022-02-23T24:00", None), ("2022-02-23", None), ("P3H", None)],
)
def test_clock_of(value, expected):
    assert clock_of(value) == expected


def test_islamic_holidays_follow_the_umm_al_qura_calendar():
    assert hijri_day(2024, 10, 1) == dt.date(2024, 4, 10)  # Eid al-Fitr 2024
    assert movable_day({"hijri": [12, 10]}, 2023) == dt.date(2023, 6, 28)  # Eid al-Adha 2023
    assert hijri_day(2000, 10, 1) == dt.date(2000, 1, 8)  # a year that holds 1 Shawwal twice: the first
    with pytest.raises(ValueError):
        hijri_day(1900, 10, 1)  # before the calendar's table


def test_jewish_holidays_follow_the_hebrew_calendar():
    assert hebrew_day(2023, 7, 22) == dt.date(2023, 10, 7)  # Simchat Torah as kept in Israel, 7 October 2023
    assert hebrew_day(2022, 9, 25) == dt.date(2022, 12, 19)  # the first day of Hanukkah 2022
    assert hebrew_day(2024, 1, 15) == dt.date(2024, 4, 23)  # Passover 2024
    assert movable_day({"hebrew": [7, 10]}, 1973) == dt.date(1973, 10, 6)  # Yom Kippur 1973
    # Purim is kept in Adar II of a leap year (5784) and in Adar of a common one (5783)
    assert hebrew_day(2024, 12, 14) == dt.date(2024, 3, 24)
    assert hebrew_day(2023, 12, 14) == dt.date(2023, 3, 7)


def test_lunar_new_year_follows_the_chinese_calendar():
    assert chinese_day(2024, 1, 1) == dt.date(2024, 2, 10)
    assert movable_day({"chinese": [1, 1]}, 2023) == dt.date(2023, 1, 22)
    with pytest.raises(ValueError):
        chinese_day(2150, 1, 1)  # beyond the calendar's table
