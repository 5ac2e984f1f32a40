"""What neighbouring expressions say about each other, before and after resolution."""

from __future__ import annotations

import pytest

from timeline.temporal import tag
from timeline.temporal.matching import candidates, select
from timeline.temporal.neighbours import before_resolution


def test_before_resolution_lends_the_closing_month_and_year():
    text = "Drills run from 30 November to 1 December 2021."
    chosen = before_resolution(text, select(candidates(text)))
    assert [(c.draft.day, c.draft.month, c.draft.year) for c in chosen] == [(30, 11, 2021), (1, 12, 2021)]


def test_before_resolution_names_the_quarter_ended_on_a_day():
    text = "In the quarter ended July 31, sales rose."
    (quarter, _day) = before_resolution(text, select(candidates(text)))
    assert quarter.draft.period == "Q2"


def test_after_resolution_gives_clock_times_their_day_and_offsets_their_date():
    found = tag("The blast came at 10:35 a.m. (0735 GMT) Friday.", "2022-02-10")
    assert [t.value for t in found] == ["2022-02-04T10:35", "2022-02-04"]
    (merged,) = tag("They met two days after 10 February.", "2022-03-01")
    assert (merged.text, merged.value, merged.rule) == ("two days after 10 February", "2022-02-12", "offset_from_date")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("A year ago today, Russia invaded Ukraine.", "2022-02-24"),
        ("Six months ago today, the war began.", "2022-08-24"),
        ("A week ago today, talks failed.", "2023-02-17"),
        ("Exactly a week ago today, talks failed.", "2023-02-17"),  # before: "today" a second expression
    ],
)
def test_ago_today_is_the_day_not_the_period(text, value):
    (timex,) = tag(text, "2023-02-24")
    assert (timex.text, timex.value, timex.granularity) == (text.split(",")[0], value, "day")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # in apposition to a date: that date, whatever comes before or after the event
        ("On 23 February, the day before the invasion, Putin recognised the republics.",
         [("23 February", "2022-02-23"), ("the day", "2022-02-23")]),
        ("Shares fell eight days after Oct. 12, the day before the plunge.",
         [("eight days after Oct. 12", "2021-10-20"), ("the day", "2021-10-12")]),
        ("On 23 February at 5 p.m., the night before the invasion, he spoke.",
         [("23 February", "2022-02-23"), ("5 p.m.", "2022-02-23T17:00"), ("the night", "2022-02-23TNI")]),
        # not the day after the last date told: that may be another event's
        ("Poland spoke on 3 March. The day after the invasion, it opened its border.",
         [("3 March", "2022-03-03"), ("The day", "XXXX-XX-XX")]),
        # nothing told: unknown, not the day before publication
        ("The day before the invasion, Zelensky addressed Russians.", [("The day", "XXXX-XX-XX")]),
        ("the night before Russia invaded", [("the night", "XXXX-XX-XXTNI")]),
        ("the day after voting ended", [("the day", "XXXX-XX-XX")]),
        # no event named: the day after the last date told
        ("He arrived on 3 March and left the day after in a convoy.",
         [("3 March", "2022-03-03"), ("the day after", "2022-03-04")]),
        ("He arrived on 3 March. The day after, he left.",
         [("3 March", "2022-03-03"), ("The day after", "2022-03-04")]),
    ],
)
def test_the_day_before_an_event_counts_from_the_event(text, expected):
    assert [(t.text, t.value) for t in tag(text, "2022-03-10")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # said in June, past tense: "20 May" alone would be last year's; closing a range it follows the opening
        ("The siege lasted from 24 February to 20 May.", ["2022-02-24", "2022-05-20"]),
        ("Talks ran from December 20 to January 5.", ["2021-12-20", "2022-01-05"]),
        # a list is in any order: "and" does not reorder
        ("Troops attacked on 1 March and 2 February.", ["2022-03-01", "2022-02-02"]),
    ],
)
def test_a_range_closes_after_it_opens(text, expected):
    assert [t.value for t in tag(text, "2022-06-02")] == expected


def test_a_bare_clock_in_parentheses_restates_the_one_before():
    found = tag("Blasts came at 10:00 Moscow time (07:00 GMT) on Saturday and at 1900 GMT.", "2022-02-10")
    assert [(t.text, t.value) for t in found] == [
        ("10:00 Moscow time", "2022-02-05T10:00"),
        ("Saturday", "2022-02-05"),
        ("1900 GMT", "2022-02-05T19:00"),  # the day just told
    ]
    assert [t.text for t in tag("at 4 in the morning (4 a.m. EDT Thursday)", "2000-04-05")] == [
        "4 in the morning", "4 a.m. EDT Thursday"
    ]
    assert tag("The team worked 2000 hours on it.", "2022-02-10") == []


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # universal time in parentheses names its own day, and does not lend it to the local clock
        ("The quake struck at 11:47 p.m. Sunday (0447 GMT Monday).", "2023-02-07",
         {"11:47 p.m. Sunday": "2023-02-05T23:47", "0447 GMT Monday": "2023-02-06T04:47"}),
        ("Voting ends at 8 p.m. local time (0100 GMT Wednesday).", "2022-11-08",
         {"8 p.m. local time": "2022-11-08T20:00", "0100 GMT Wednesday": "2022-11-09T01:00"}),
        # a clock followed by its own day takes that day, not the one told in the sentence before
        ("The toll rose on Tuesday. The quake hit at 4:17 a.m. (0117 GMT) Monday.", "2023-02-07",
         {"Tuesday": "2023-02-07", "4:17 a.m.": "2023-02-06T04:17", "Monday": "2023-02-06"}),
    ],
)
def test_clock_times_and_their_days_across_zones(text, dct, expected):
    assert {t.text: t.value for t in tag(text, dct)} == expected
