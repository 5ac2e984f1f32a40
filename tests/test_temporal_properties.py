"""Property tests: the tagger never raises, spans are sane, values well-formed, and rendered dates round-trip."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from timeline.temporal import calendar_span, tag

TIMEX3_VALUE = re.compile(
    r"^(?:PAST_REF|PRESENT_REF|FUTURE_REF"
    r"|P(?:[\dX]+[YMWDQ]|[\dX]+(?:DE|CE|WE|L))(?:\d+[MD])?|PT[\dX]+[HMS](?:\d+[MS])?|P\d+DT\d+H"
    r"|[\dX]{2,4}(?:-(?:[\dX]{2}(?:-[\dX]{2})?|W[\dX]{2}(?:-[\dX](?:T\w+)?|-WE)?|Q[\dX]|H[12]|SP|SU|FA|WI))?"
    r"(?:T(?:\d\d:\d\d|MO|AF|EV|NI|MI|DT))?)$"
)

WORDS = st.sampled_from(
    ["May", "march", "2014", "the", "of", "in", "on", "last", "next", "Thursday,", "10", "February", "2022", "ago",
     "days", "30,000", "troops", "mid-", "early", "Q1", "1990s", "5", "p.m.", "yesterday", "tomorrow", "week", "year",
     "quarter", "third", "fiscal", "-20", "10/02/2022", "a", "decade", "every", "daily", "Feb.", "fall", "now",
     "weekend.", "nineteen", "ninety-six", "1/2", "year-end", "that", "about", "the nineties", "Tuesdays", "nights",
     "mid-afternoon", "eighth", "this coming", "this past", "day-long", "decades-long", "same", "(0735 GMT)",
     "10:35 a.m.", "high", "noon", "March.", "recent", "coming", "ahead", "or so", "previous", "full", "late",
     "24th", "the 31st", "before", "after", "the day", "2014-15", "1999-2000", "/22", "Thu", "Sat.", "10.32 GMT",
     "before last", "after next", "23/24"]
)
dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2090, 12, 31))
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(text: str, found) -> None:
    previous_end = 0
    for timex in found:
        assert 0 <= timex.start < timex.end <= len(text)
        assert text[timex.start : timex.end] == timex.text
        assert timex.start >= previous_end
        previous_end = timex.end
        assert timex.type in ("DATE", "TIME", "DURATION", "SET")
        assert TIMEX3_VALUE.match(timex.value), timex


@FAST
@given(st.text(max_size=300), st.one_of(st.none(), dates))
def test_any_text_never_raises(text, dct):
    _check(text, tag(text, dct))


@FAST
@given(st.lists(WORDS, max_size=25).map(" ".join), st.one_of(st.none(), dates), st.booleans())
def test_date_like_word_soup(text, dct, dayfirst):
    _check(text, tag(text, dct, dayfirst=dayfirst))


@FAST
@given(dates, st.sampled_from(["%B %d, %Y", "%d %B %Y", "%b. %d, %Y", "%A, %d %B %Y", "%Y-%m-%d", "%B %Y"]))
def test_rendered_date_round_trips(day, template):
    text = f"It happened on {day.strftime(template)} in the capital."
    found = tag(text, "2022-02-10")
    assert len(found) == 1, found
    expected = day.strftime("%Y-%m") if template == "%B %Y" else day.isoformat()
    assert found[0].value == expected
    start, end, _ = calendar_span(found[0].value)
    assert start <= day <= end


@FAST
@given(dates, st.integers(min_value=1, max_value=7), st.sampled_from(["last", "coming", "next"]))
def test_last_coming_and_next_weekday(dct, weekday, cue):
    name = dt.date(2024, 1, weekday).strftime("%A")  # 2024-01-01 is a Monday
    found = tag(f"They met {cue} {name}.", dct)
    assert len(found) == 1
    day = dt.date.fromisoformat(found[0].value)
    assert day.isoweekday() == weekday
    if cue == "last":  # never yesterday, which would be "on Monday": from two to eight days back
        assert 2 <= (dct - day).days <= 8
    elif cue == "coming":
        assert 1 <= (day - dct).days <= 7
    else:  # the calendar week after the publication's
        assert day.isocalendar()[:2] == (dct + dt.timedelta(days=7)).isocalendar()[:2]


@FAST
@given(dates, st.integers(min_value=2, max_value=30))
def test_days_ago(dct, count):
    found = tag(f"It began {count} days ago.", dct)
    assert [t.value for t in found] == [(dct - dt.timedelta(days=count)).isoformat()]


PHRASES = st.lists(
    st.text(alphabet="abc.' -", min_size=1, max_size=8).filter(lambda word: word.replace("-", " ").split()),
    min_size=1,
    max_size=12,
)


@FAST
@given(PHRASES, st.text(alphabet="abc.' -x", max_size=30))
def test_a_word_list_matches_its_longest_word(words, text):
    """The trie a word list compiles to finds, at every position, the longest of the words that match there
    (hyphens and spaces between words matching any run of either)."""
    from timeline.temporal.lexicon import alternation

    each = [re.compile(r"[\s-]+".join(re.escape(piece) for piece in word.replace("-", " ").split())) for word in words]
    trie = re.compile(alternation(words))
    for position in range(len(text) + 1):
        ends = [found.end() for word in each if (found := word.match(text, position))]
        found = trie.match(text, position)
        assert (found and found.end()) == (max(ends) if ends else None)


@FAST
@given(st.text(alphabet="the quarter overnight,-x9", max_size=60))
def test_a_scan_finds_exactly_what_its_pattern_finds(text):
    """A pattern searched without its opening \\b (checked per match instead) keeps every match and no other."""
    from timeline.temporal.rules import compile_scan

    for pattern in (r"\bthe\s+quarter\b", r"\bovernight\b(?!-)", r"\b(?:the|q)\w*"):
        scan = compile_scan(pattern)
        assert scan.word_start
        assert [m.span() for m in scan.finditer(text)] == [m.span() for m in re.finditer(pattern, text)]
        for start in range(len(text) + 1):  # from any position, with the text before it seen as \b sees it
            found, expected = scan.search(text, start), re.compile(pattern).search(text, start)
            assert (found and found.span()) == (expected and expected.span())


@FAST
@given(dates, st.sampled_from(["month", "quarter", "half", "year", "decade"]), st.integers(-40, 40))
def test_shifting_by_months_keeps_the_day_or_ends_the_month(day, unit, count):
    from timeline.temporal.calendar import shift

    months = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120}[unit] * count
    moved = shift(day, unit, count)
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == months
    assert moved.day == day.day or (moved.day < day.day and (moved + dt.timedelta(days=1)).day == 1)


HOLIDAY_WORDS = st.sampled_from(
    ["Christmas", "Christmas Eve", "Eid al-Fitr", "Eid al-Adha", "New Year's Day", "Memorial Day", "weekend", "in",
     "2020", "next year", "last year", "on January 7", "today", "Friday this week", "the", "1", "9999"]
)


CALENDAR_ENDS = st.one_of(
    st.dates(), st.sampled_from([dt.date.min, dt.date(1, 1, 8), dt.date(9999, 12, 25), dt.date.max])
)


@given(st.lists(HOLIDAY_WORDS, max_size=12).map(" ".join), CALENDAR_ENDS)
@example("Christmas", dt.date.max)
@example("New Year's Day weekend", dt.date.min)
@example("the weekend", dt.date.min)  # a weekday before the calendar's first day: unresolved, no crash
@example("Christmas next year", dt.date.max)  # a year after the calendar's last: not that year's Christmas
def test_holidays_and_their_weekends_never_raise_at_the_ends_of_the_calendar(text, dct):
    _check(text, tag(text, dct))  # Julian Christmas, Islamic holidays and holiday weekends on any day of any year


# Expressions of every granularity the tagger resolves, then words that point back at the last one told
TOLD_THEN_POINTED_AT = st.lists(
    st.sampled_from(
        ["in the fall", "in the spring of 1987", "the winter", "in 1995", "in March", "on Friday", "last week",
         "the weekend", "in the 1990s", "in the 20th century", "in the first half of 2020", "in the third quarter",
         "at 5 p.m.", "that night", "since then", "until then", "that day", "the same day", "the next day",
         "a year later", "the following week", "that season", "the same period", "a year earlier", "later that month",
         "the year-ago quarter", "they met", "it will open", ".", ","]
    ),
    max_size=10,
).map(" ".join)


@FAST
@given(TOLD_THEN_POINTED_AT, st.one_of(st.none(), dates))
@example("The bill will reach the floor in the fall, and lawmakers will meet weekly until then.", dt.date(1989, 6, 30))
@example("The budget was adopted in the winter. Talks have continued since then.", dt.date(1989, 2, 1))
def test_words_pointing_back_at_any_date_never_raise(text, dct):
    _check(text, tag(text, dct))  # "since then" after a season once raised: no season value to write back
