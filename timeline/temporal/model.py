"""The tagger's records: the finished ``Timex`` and the pass-1 ``Draft`` (a typed, possibly underspecified value)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Basis = Literal["explicit", "relative_publication", "relative_previous", "unresolved"]
Tense = Literal["past", "present", "future", "planned"]  # planned: a plan told in the past, nearest day


@dataclass(frozen=True)
class Timex:
    """One temporal expression found in a text, with its TIMEX3 value and where that value came from.

    ``text[start:end] == timex.text`` always holds for the text it was found in.
    """

    start: int
    end: int
    text: str
    type: TimexType
    value: str
    granularity: str
    anchor: str
    rule: str
    basis: Basis
    mod: str = ""
    tense: str = ""


#: ``Timex.rule`` of "the day" in "the day before the invasion": one day from an event named right after it.
DAY_OF_EVENT = "day_of_event"

#: ``Timex.rule`` of each year of "the 2021-22 budget": the two are one span of years, written as one word.
YEAR_RANGE_RULES = frozenset({"year_range_first", "year_range_last"})

#: ``Draft.period`` of "earlier in the day": the day of the story being told, never a day of a week just named.
IN_THE_DAY = "in_the_day"

#: ``Timex.rule`` of "then" in "since then": a frame that a clause's own date, when it has one, is finer than.
THEN_RULE = "then_told"

#: ``Draft.period`` of "then" in "since then", "until then": the date last told of, as told (a day, a month, a year).
AS_LAST_TOLD = "as_last_told"

#: ``Draft.cue`` of a month after the word "last": like -1, but never the month just ended ("last February" said in
#: March is a year back; the month just ended would be "last month"). Of a weekday before it (British "on Tuesday
#: last"): the latest such day before the day of writing, yesterday included.
LAST_NAMED = -2

#: ``Draft.unit`` of "three hours ago", "two hours later": minutes from the anchor's clock, or days when it has none.
CLOCK_UNIT = "minute"

#: ``Draft.cue`` of a date a past verb places ("invaded on Feb. 24"): the last one that began on or before the anchor.
ON_OR_BEFORE = -3

#: ``Draft.cue`` of a date a future verb places ("will be held on Nov. 5"): the first one that ends on or after it.
ON_OR_AFTER = -4

#: ``Draft.period`` of "the new year": the year whose January is nearest in the tense's direction, as a year.
NEW_YEAR = "new_year"

#: ``Draft.cue`` of "next Thursday": the Thursday of the calendar week after the anchor's.
NEXT_WEEK = 2


@dataclass(frozen=True)
class Draft:
    """Pass-1 output: what the words say, before any anchor date is known.

    ``kind`` decides how pass 2 resolves it:
    - ``fixed``: ``value`` is final (explicit dates, durations, sets, PRESENT_REF ...);
    - ``calendar``: a calendar name with parts missing (no year, or only a weekday), filled from the anchor by
      ``cue`` (-1 last, +1 next, 0 this, :data:`NEXT_WEEK` for a weekday of the next calendar week) or, when there
      is no cue, by the sentence's tense;
    - ``shift``: ``offset`` ``unit``s away from the anchor (yesterday, last week, two years ago), the anchor being
      the publication date or, when ``relative_to == "previous"``, the last date mentioned before.
    """

    kind: Literal["fixed", "calendar", "shift"]
    type: TimexType = "DATE"
    value: str = ""
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    period: str = ""
    unit: str = ""
    offset: int = 0
    cue: int | None = None
    relative_to: Literal["publication", "previous"] = "publication"
    suffix: str = ""
    mod: str = ""
    granularity: str = "unknown"
