"""News-text problems found downstream, each with its own example sentences (none copied from evaluation data)."""

from __future__ import annotations

import pytest

from timeline.temporal import tag
from timeline.temporal.tense import tense_near


def values(text: str, dct: str) -> dict[str, str]:
    return {t.text: t.value for t in tag(text, dct)}


@pytest.mark.parametrize(
    ("text", "dct", "words", "expected"),
    [
        # the governing future phrase wins over a nearer participle (2022-02-28 is a Monday)
        ("Envoys are set to hold talks in Vienna, broadcast and televised live, on Thursday.", "2022-02-28",
         "Thursday", "2022-03-03"),
        ("The ministers will sign the accord, long delayed, on Friday.", "2022-02-28", "Friday", "2022-03-04"),
        # a cue past a comma belongs to another clause
        ("She is set to meet the mayor on Friday, and aides said the agenda was open.", "2022-03-02",
         "Friday", "2022-03-04"),
        ("The convoy reached the border on Monday, and officials will inspect it.", "2022-03-02",
         "Monday", "2022-02-28"),
        # "until" looks forward
        ("The festival runs until Sunday.", "2022-03-02", "Sunday", "2022-03-06"),
        ("The bridge is closed until Saturday.", "2022-03-02", "Saturday", "2022-03-05"),
        # a plan told in the past: the nearest such day, the publication day included
        ("The vote, which had been scheduled for Wednesday, was postponed.", "2022-03-02", "Wednesday",
         "2022-03-02"),
        ("The meeting had been due to take place on Tuesday.", "2022-03-02", "Tuesday", "2022-03-01"),
        ("The rally was planned for Friday but police banned it.", "2022-03-02", "Friday", "2022-03-04"),
        # a weekday naming the publication day itself
        ("The evacuation started on Wednesday.", "2022-03-02", "Wednesday", "2022-03-02"),
        # ranges take the year of the closing date
        ("Exports fell between April and June 2020.", "2022-03-02", "April", "2020-04"),
        ("Flights stopped from October to December 2019.", "2022-03-02", "October", "2019-10"),
        # n units after/before a date
        ("The strike ended three days after 4 March.", "2022-03-20", "three days after 4 March", "2022-03-07"),
        ("Polls closed a week before 20 March.", "2022-03-25", "a week before 20 March", "2022-03-13"),
        ("Prices doubled two years after 2015.", "2022-03-25", "two years after 2015", "2017"),
        # anaphora
        ("Talks began on 2 March. Later that day, a ceasefire was announced.", "2022-03-09", "Later that day",
         "2022-03-02"),
        ("The envoy landed on 2 March. Earlier in the day, sirens sounded.", "2022-03-09", "Earlier in the day",
         "2022-03-02"),
        ("The club signed him on 2 March. The same day, it sold another player.", "2022-03-09", "The same day",
         "2022-03-02"),
        # parts of days
        ("Missiles struck the airport overnight, the mayor said.", "2022-03-02", "overnight", "2022-03-01TNI"),
        ("Crews restored power in the afternoon.", "2022-03-02", "the afternoon", "2022-03-02TAF"),
        ("Power returned overnight. Crews left in the morning.", "2022-03-02", "the morning", "2022-03-02TMO"),
        # vague references
        ("Both leaders are likely to speak in the coming days.", "2022-03-02", "the coming days", "PXD"),
        ("Protesters gathered over the weekend.", "2022-03-02", "the weekend", "2022-W08-WE"),
        # "since" points back whatever the clause says
        ("The road stays closed since November.", "2022-10-20", "November", "2021-11"),
        # coordinated years
        ("the treaties of 2008 and 2010", "2022-03-02", "2010", "2010"),
    ],
)
def test_news_dates(text, dct, words, expected):
    assert values(text, dct).get(words) == expected


def test_two_alternative_days_are_two_timexes():
    found = tag("The vote will be held on March 6 or 7.", "2022-03-02")
    assert [(t.text, t.value) for t in found] == [("March 6", "2022-03-06"), ("7", "2022-03-07")]


def test_day_ranges_after_the_month_give_both_days():
    found = tag("The fair runs April 4-6, 2023.", "2023-01-10")
    assert [t.value for t in found] == ["2023-04-04", "2023-04-06"]
    found = tag("Ministers meet on Feb. 24-25 in Brussels.", "2022-02-10")
    assert [t.value for t in found] == ["2022-02-24", "2022-02-25"]


@pytest.mark.parametrize(
    "text", ["March 6 and 7,000 people marched.", "on March 6 or 7 percent", "March 6 to 9 am"]
)
def test_second_day_needs_a_bare_day_number(text):
    assert all(t.value != "2022-03-07" for t in tag(text, "2022-03-02"))


def test_each_of_two_weekdays_is_tagged():
    assert [t.value for t in tag("They will meet on Thursday and Friday.", "2022-03-02")] == [
        "2022-03-03", "2022-03-04"]


def test_offset_from_an_event_without_a_date_is_not_resolved_against_publication():
    found = tag("Ten years after its founding, the firm went bankrupt.", "2022-03-02")
    assert [(t.text, t.type, t.value) for t in found] == [("Ten years", "DURATION", "P10Y")]


@pytest.mark.parametrize(
    "text",
    [
        "Skaters trained for the Winter Olympics in Beijing.",
        "Russia invaded during the Winter Olympics.",
        "He competed in the Summer Games last year.",
        "Tickets for the Summer Games sold out.",
        "Guests gathered at the Winter Palace.",
        "Activists recalled the Prague Spring protests.",
    ],
)
def test_capitalised_season_before_a_proper_noun_is_not_a_date(text):
    assert [t.value for t in tag(text, "2022-03-02") if t.granularity == "season"] == []


@pytest.mark.parametrize(
    "text", ["He became famous almost overnight.", "The army imposed an overnight curfew.",
             "Troops will stay overnight in the barracks."]
)
def test_overnight_only_as_last_night_in_a_past_clause(text):
    assert [t for t in tag(text, "2022-03-02") if t.rule == "overnight"] == []


def test_a_deadline_is_not_what_that_day_refers_to():
    text = "Leaders met on 24 March and extended the mandate until 30 September 2023. Others met that day."
    assert values(text, "2022-03-26")["that day"] == "2022-03-24"


def test_present_perfect_reads_as_past():
    sentence = "Police have been hunting the gunman since the May attack."
    start = sentence.index("May")
    assert tense_near(sentence, start, start + 3) == "past"


def test_financial_comparisons_refer_to_the_quarter_under_discussion():
    text = ("Net income rose 12% in the third quarter. Revenue reached $5 million on Sept. 30. "
            "Profit was $2 million a year ago, and sales in the 1988 period were $4 million.")
    found = {t.text: t.value for t in tag(text, "1989-10-26")}
    assert found["a year ago"] == "1988-Q3" and found["the 1988 period"] == "1988-Q3"


def test_a_year_ago_without_a_quarter_in_view_is_a_year():
    assert values("The plant closed a year ago.", "1989-10-26")["a year ago"] == "1988"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thursday 24 February 2022, 05:00", ["2022-02-24", "2022-02-24T05:00"]),
        ("On 24 February at 05:00 missiles struck.", ["2022-02-24", "2022-02-24T05:00"]),
        ("On 24 February, at 5 a.m., missiles struck.", ["2022-02-24", "2022-02-24T05:00"]),
    ],
)
def test_a_clock_time_right_after_a_date_takes_its_day(text, expected):
    assert [t.value for t in tag(text, "2022-03-16")] == expected


def test_slashed_iso_dates_are_dates_and_link_paths_are_not():
    assert [t.value for t in tag("Posted 2022/02/24.", "2022-03-16")] == ["2022-02-24"]
    assert tag("See https://example.com/2022/02/24/story for more.", "2022-03-16") == []
    assert [t.value for t in tag("the 2021/22 season", "2022-03-16")] == ["2021", "2022"]  # a span of two years
