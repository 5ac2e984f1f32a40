"""Dated lists: a chronology's items and a roundup's weekday sections, placed by their order."""

from __future__ import annotations

import pytest

from timeline.temporal import tag
from timeline.temporal.lists import heads_a_list_item

ROUNDUP = (
    "The week in Ukraine\n\n"
    "Saturday: the Crimean bridge is hit\n"
    "A huge explosion tore through the Kerch Strait bridge early on Saturday morning.\n\n"
    "Monday: missiles rain down on Ukrainian cities\n"
    "Russia launched its biggest wave of missile strikes since the start of the invasion.\n\n"
    "Thursday: NATO defence ministers meet\n"
    "NATO defence ministers met in Brussels on Thursday.\n\n"
    "Friday: Putin says no need for more strikes\n"
    "Speaking at a summit in Kazakhstan on Friday, Putin said the mobilisation would end.\n"
)


def _values(text: str, dct: str) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag(text, dct)]


def test_a_roundups_weekday_sections_are_the_week_just_gone():
    # published on a Saturday: the sections run from the Saturday before to Friday, the headings' present tense
    # notwithstanding; a weekday in a section's story is the section's day
    assert _values(ROUNDUP, "2022-10-15") == [
        ("Saturday", "2022-10-08"),
        ("early on Saturday morning", "2022-10-08TMO"),
        ("Monday", "2022-10-10"),
        ("Thursday", "2022-10-13"),
        ("Thursday", "2022-10-13"),
        ("Friday", "2022-10-14"),
        ("Friday", "2022-10-14"),
    ]


def test_a_week_ahead_runs_from_publication():
    text = (
        "The week ahead\n\n"
        "Monday: EU foreign ministers meet\nThe ministers will discuss a training mission for Ukrainian troops.\n\n"
        "Wednesday: the Fed decides\nThe central bank is expected to raise rates again.\n\n"
        "Friday: jobs data\nEconomists will look for signs that hiring has slowed.\n"
    )
    assert [value for _text, value in _values(text, "2022-10-15")] == ["2022-10-17", "2022-10-19", "2022-10-21"]


@pytest.mark.parametrize(
    "headings",
    [
        ["Monday", "Monday", "Tuesday"],  # a day twice: a schedule, not one week in order
        ["Friday", "Monday", "Saturday"],  # past a week's end
        ["Monday", "Tuesday"],  # two headings make no week
    ],
)
def test_headings_that_are_no_week_keep_their_tenses(headings):
    text = "".join(f"{day}: talks open\nThe delegates arrived on time.\n\n" for day in headings)
    # each heading alone, in its own present tense: the coming such day
    expected = {"Monday": "2022-10-17", "Tuesday": "2022-10-18", "Thursday": "2022-10-20", "Friday": "2022-10-21",
                "Saturday": "2022-10-15"}
    assert _values(text, "2022-10-15") == [(day, expected[day]) for day in headings]


def test_a_dated_list_line():
    text = "Feb 24 - Russia invades Ukraine\nMarch 2: Kherson falls"
    assert heads_a_list_item(text, 0, 6)
    assert heads_a_list_item(text, text.index("March 2"), text.index("March 2") + 7)
    assert not heads_a_list_item("On Feb 24 - a Thursday - Russia invaded", 3, 9)



def test_a_preview_in_the_present_of_a_schedule_is_the_week_ahead():
    text = (
        "The week ahead\n\nMonday\n\nMarkets in Japan are closed for a holiday.\n\n"
        "Tuesday\n\nUS retail sales figures are released.\n\n"
        "Wednesday: The Federal Reserve announces its decision at 2 p.m.\n"
    )
    values = [value for _text, value in _values(text, "2024-09-15")]
    assert values[:3] == ["2024-09-16", "2024-09-17", "2024-09-18"]
