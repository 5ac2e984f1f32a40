"""Pass 2 and calendar values: pure functions of (value, anchor, tense)."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.temporal import calendar_span
from timeline.temporal.calendar import format_date, value_granularity
from timeline.temporal.model import CLOCK_UNIT, ON_OR_BEFORE, Draft
from timeline.temporal.resolve import Mention, resolve, resolve_weekday, resolve_year

D = dt.date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-02-09", (D(2022, 2, 9), D(2022, 2, 9), "day")),
        ("2022-02-09TMO", (D(2022, 2, 9), D(2022, 2, 9), "day")),
        ("2020-08", (D(2020, 8, 1), D(2020, 8, 31), "month")),
        ("2024-02", (D(2024, 2, 1), D(2024, 2, 29), "month")),
        ("2014", (D(2014, 1, 1), D(2014, 12, 31), "year")),
        ("2022-W06", (D(2022, 2, 7), D(2022, 2, 13), "week")),
        ("2022-W06-WE", (D(2022, 2, 12), D(2022, 2, 13), "week")),
        ("2022-Q1", (D(2022, 1, 1), D(2022, 3, 31), "quarter")),
        ("2022-H2", (D(2022, 7, 1), D(2022, 12, 31), "half")),
        ("2022-SU", (D(2022, 6, 1), D(2022, 8, 31), "season")),
        ("2021-WI", (D(2021, 12, 1), D(2022, 2, 28), "season")),
        ("201", (D(2010, 1, 1), D(2019, 12, 31), "decade")),
        ("20", (D(2000, 1, 1), D(2099, 12, 31), "century")),
    ],
)
def test_calendar_span(value, expected):
    assert calendar_span(value) == expected


@pytest.mark.parametrize("value", ["PAST_REF", "PRESENT_REF", "FUTURE_REF", "XXXX-02-10", "P10D", "2022-02-30", ""])
def test_calendar_span_none_for_non_calendar_values(value):
    assert calendar_span(value) is None


def test_format_date_round_trips_through_calendar_span():
    day = D(2021, 12, 31)
    for granularity in ("day", "week", "month", "quarter", "half", "year", "decade", "century"):
        value = format_date(day, granularity)
        start, end, _ = calendar_span(value)
        assert start <= day <= end, (granularity, value)


def test_value_granularity():
    assert value_granularity("2022-02-10T17:00") == "time"
    assert value_granularity("2022-W06") == "week"
    assert value_granularity("PRESENT_REF") == "unknown"


THURSDAY = D(2022, 2, 10)


@pytest.mark.parametrize(
    ("weekday", "cue", "tense", "expected"),
    [
        (3, None, "past", D(2022, 2, 9)),
        (3, None, "future", D(2022, 2, 16)),
        (4, None, "past", THURSDAY),
        (4, None, "future", THURSDAY),
        (4, -1, None, D(2022, 2, 3)),
        (4, 1, None, D(2022, 2, 17)),
        (1, 0, None, D(2022, 2, 7)),
        (5, None, None, D(2022, 2, 4)),
    ],
)
def test_resolve_weekday(weekday, cue, tense, expected):
    assert resolve_weekday(weekday, THURSDAY, cue, tense) == expected


@pytest.mark.parametrize(
    ("draft", "anchor", "tense", "expected"),
    [
        (Draft("calendar", month=2, day=10, weekday=4), D(2022, 1, 1), None, 2022),
        (Draft("calendar", month=2, day=10, weekday=3), D(2022, 1, 1), None, 2021),
        (Draft("calendar", month=8, cue=-1), THURSDAY, None, 2021),
        (Draft("calendar", month=8, cue=1), THURSDAY, None, 2022),
        (Draft("calendar", month=12), D(1998, 1, 8), None, 1997),
        (Draft("calendar", month=3), D(1989, 11, 2), "past", 1989),
        (Draft("calendar", month=3), D(1989, 11, 2), "future", 1990),
        (Draft("calendar", period="Q4"), D(1998, 1, 8), None, 1997),
        (Draft("calendar", period="Q3"), D(1989, 10, 26), None, 1989),
        # "went into Gaza at the end of October", placed by a past verb on 7 October: the last October over by then
        (Draft("calendar", month=10, mod="END", cue=ON_OR_BEFORE), D(2024, 10, 7), "past", 2023),
        (Draft("calendar", month=10, cue=ON_OR_BEFORE), D(2024, 10, 7), "past", 2024),
    ],
)
def test_resolve_year(draft, anchor, tense, expected):
    assert resolve_year(draft, anchor, tense) == expected


def test_unresolved_without_anchor_keeps_x():
    resolved = resolve(Draft("calendar", weekday=3), None, None, "past")
    assert (resolved.value, resolved.basis) == ("XXXX-WXX-3", "unresolved")
    resolved = resolve(Draft("shift", unit="day", offset=-1, granularity="day"), None, None, None)
    assert (resolved.value, resolved.basis) == ("XXXX-XX-XX", "unresolved")


def test_year_comparison_follows_a_quarter_being_discussed():
    """ "a year ago" after "the third quarter" means the same quarter a year before."""
    draft = Draft("shift", unit="year", offset=-1, period="compare", granularity="year")
    previous = Mention(D(1989, 7, 1), "quarter")
    assert resolve(draft, D(1989, 10, 26), previous, None).value == "1988-Q3"
    assert resolve(draft, D(1989, 10, 26), None, None).value == "1988"


def test_explicit_values_need_no_anchor():
    resolved = resolve(Draft("fixed", value="2014", granularity="year"), None, None, None)
    assert (resolved.value, resolved.basis, resolved.anchor) == ("2014", "explicit", "")


@pytest.mark.parametrize(
    ("offset", "previous", "expected"),
    [
        (120, Mention(D(2022, 2, 23), "time", clock=dt.time(23, 0)), ("2022-02-24T01:00", "TIME", "time")),
        (-30, Mention(D(2022, 2, 23), "time", clock=dt.time(0, 10)), ("2022-02-22T23:40", "TIME", "time")),
        (120, Mention(D(2022, 2, 21), "day"), ("2022-02-21", "DATE", "day")),  # no clock: the day told of
        (36 * 60, Mention(D(2022, 2, 21), "day"), ("2022-02-23", "DATE", "day")),  # a day and a half: the nearer
        (60, Mention(D(1990, 1, 1), "year"), ("XXXX-XX-XX", "DATE", "day")),  # counting hours from a year
        (-180, None, ("2022-02-24", "DATE", "day")),  # "three hours ago": the publication day
        (-48 * 60, None, ("2022-02-22", "DATE", "day")),
    ],
)
def test_clock_shift(offset, previous, expected):
    draft = Draft("shift", type="TIME", unit=CLOCK_UNIT, offset=offset, relative_to="previous", granularity="time")
    resolved = resolve(draft, D(2022, 2, 24), previous, "past")
    assert (resolved.value, resolved.type, resolved.granularity) == expected


def test_clock_shift_without_any_anchor_is_unresolved():
    draft = Draft("shift", type="TIME", unit=CLOCK_UNIT, offset=-180, granularity="time")
    assert resolve(draft, None, None, None).basis == "unresolved"
