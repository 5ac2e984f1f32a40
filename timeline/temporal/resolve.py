"""Pass 2: a ``Draft`` resolved against an anchor date and the clause's tense, by small pure functions.

The anchor is the publication date, or for narrative expressions ("the following day", "a year earlier") the last
date the text mentioned. Without an anchor, the missing parts stay X-filled ("XXXX-02-10"), never guessed.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from timeline.temporal.calendar import DAY_GRANULARITIES, SEASON_MONTHS, format_date, movable_day, shift
from timeline.temporal.lexicon import lookup
from timeline.temporal.model import (
    AS_LAST_TOLD,
    CLOCK_UNIT,
    IN_THE_DAY,
    LAST_NAMED,
    NEW_YEAR,
    NEXT_WEEK,
    ON_OR_AFTER,
    ON_OR_BEFORE,
    Basis,
    Draft,
    Tense,
    TimexType,
)

_PERIOD_START_MONTH = {
    "Q1": 1, "Q2": 4, "Q3": 7, "Q4": 10, "H1": 1, "H2": 7,
    **{code: months[0] for code, months in SEASON_MONTHS.items()},
}


@dataclass(frozen=True)
class Resolved:
    """A resolved value; ``type`` overrides the draft's when resolution decides it (a clock shift with no clock to
    count from names a day, not a time)."""

    value: str
    anchor: str
    basis: Basis
    granularity: str
    type: TimexType | None = None


@dataclass(frozen=True)
class Mention:
    """A date mentioned earlier in the text, as the anchor for narrative expressions. ``names_a_thing``: it was an
    adjective of a noun ("the August 1988 cease-fire"), no time the story tells of. ``clock``: its time of day, when
    it was a clock time ("at 11 p.m. on Wednesday")."""

    day: dt.date
    granularity: str
    names_a_thing: bool = False
    clock: dt.time | None = None


MINUTES_PER_DAY = 24 * 60

# A reading on the side the tense contradicts costs WRONG_SIDE_FACTOR times its distance plus TENSE_PENALTY_DAYS:
# a date a few weeks away may still defy a misread tense, a date months away on the wrong side may not.
TENSE_PENALTY_DAYS = 60
# A date a future verb places may lie this many days before publication ("The law takes effect on Jan. 1" on 5 January).
AHEAD_GRACE_DAYS = 14
WRONG_SIDE_FACTOR = 4


def resolve(draft: Draft, publication: dt.date | None, previous: Mention | None, tense: Tense | None) -> Resolved:
    """The final TIMEX3 value of ``draft``."""
    if draft.kind == "fixed":
        is_reference = draft.value.endswith("_REF")
        if not is_reference:
            return Resolved(draft.value, "", "explicit", draft.granularity)
        if publication is None:
            return Resolved(draft.value, "", "unresolved", draft.granularity)
        return Resolved(draft.value, publication.isoformat(), "relative_publication", draft.granularity)
    if draft.kind == "calendar":
        try:
            return _calendar(draft, publication, previous, tense)
        except OverflowError:  # "Friday" said on 1 January of year 1: off the calendar, so no date
            return Resolved(_unresolved(draft), "", "unresolved", draft.granularity)
    return _shift(draft, publication, previous)


def _calendar(draft: Draft, publication: dt.date | None, previous: Mention | None, tense: Tense | None) -> Resolved:
    if draft.period == "same" and draft.year is not None:  # "the 1988 period": the period last spoken of, in 1988
        if previous is not None and previous.granularity == "quarter":
            value = f"{draft.year:04d}-Q{(previous.day.month - 1) // 3 + 1}"
            return Resolved(value, previous.day.isoformat(), "relative_previous", "quarter")
        return Resolved(f"{draft.year:04d}", "", "explicit", "year")
    if draft.year is not None and (draft.month is not None or draft.period):
        return Resolved(_calendar_value(draft, draft.year), "", "explicit", draft.granularity)
    if draft.year is not None:
        return Resolved(f"{draft.year:04d}", "", "explicit", "year")
    if draft.month is None and draft.weekday is None and draft.day is not None:
        return _day_of_month(draft.day, draft.cue, publication, previous, tense)
    if publication is None:
        return Resolved(_unresolved(draft), "", "unresolved", draft.granularity)
    anchor = publication.isoformat()
    if draft.period == "WE" and draft.weekday is not None:
        day = resolve_weekday(draft.weekday, publication, draft.cue, tense)
        return Resolved(format_date(day, "weekend"), anchor, "relative_publication", "week")
    if draft.month is None and not draft.period and draft.weekday is not None:
        if draft.relative_to == "previous" and previous is not None and previous.granularity in ("day", "time"):
            day = resolve_weekday(draft.weekday, previous.day, draft.cue, tense)  # "the previous Friday"
            return Resolved(day.isoformat() + draft.suffix, previous.day.isoformat(), "relative_previous",
                            draft.granularity)
        day = resolve_weekday(draft.weekday, publication, draft.cue, tense) + dt.timedelta(days=draft.offset)
        if draft.cue == 0 and not draft.offset and tense in ("future", "present") and day < publication:
            day += dt.timedelta(days=7)  # "will meet this Friday" said on a Sunday: the week's Friday is behind it
        if draft.cue == -1 and day == publication - dt.timedelta(days=1):
            day -= dt.timedelta(days=7)  # "last Monday" said on a Tuesday: yesterday would be "on Monday"
        return Resolved(day.isoformat() + draft.suffix, anchor, "relative_publication", draft.granularity)
    if draft.month is None and not draft.period:
        return Resolved(_unresolved(draft), "", "unresolved", draft.granularity)
    if draft.relative_to == "previous" and previous is not None:
        # an item of a dated list: near the item before, and after it unless much nearer before (lists run forward;
        # a latest-first one steps back by days or weeks)
        year = resolve_year(draft, previous.day, "future")
        return Resolved(_calendar_value(draft, year), previous.day.isoformat(), "relative_previous", draft.granularity)
    year = resolve_year(draft, publication, tense)
    return Resolved(_calendar_value(draft, year), anchor, "relative_publication", draft.granularity)


def _day_of_month(
    day: int, cue: int | None, publication: dt.date | None, previous: Mention | None, tense: Tense | None
) -> Resolved:
    """ "on the 25th": that day of the month last told of ("invaded on 24 February ... On the 25th"); with none, of
    the publication month, or of the month before (after) when the tense puts a later (earlier) day behind (ahead).
    "the 15th of this (next, last) month" counts the month from publication, whatever was told before."""
    if cue is not None and publication is not None:
        base, basis = publication, "relative_publication"
        month = shift(publication.replace(day=1), "month", cue)
    elif previous is not None and previous.granularity in ("day", "time", "month") and not (
        tense == "future" and publication is not None
        and previous.day.replace(day=1) < publication.replace(day=1)
    ):  # not "Figures for July will be published on the 14th" said on 1 August: a day ahead, the next 14th
        base, basis, month = previous.day, "relative_previous", previous.day.replace(day=1)
        if tense == "past" and publication is not None and month.replace(day=min(day, 28)) > publication:
            month = shift(month, "month", -1)  # "had not slept since the 24th", said on 1 March: February's
    elif publication is not None:
        base, basis, month = publication, "relative_publication", publication.replace(day=1)
        if tense == "past" and day > publication.day:
            month = shift(month, "month", -1)
        elif tense == "future" and day < publication.day:
            month = shift(month, "month", 1)
    else:
        return Resolved(f"XXXX-XX-{day:02d}", "", "unresolved", "day")
    months = [month]
    if cue is None and basis == "relative_publication" and tense in ("past", "future"):
        # "since the 30th" said on 2 March: February has none, so the last 30th is January's
        months.append(shift(month, "month", -1 if tense == "past" else 1))
    for candidate in months:
        try:
            return Resolved(candidate.replace(day=day).isoformat(), base.isoformat(), basis, "day")  # type: ignore[arg-type]
        except ValueError:  # "the 31st" of a 30-day month
            continue
    return Resolved(f"XXXX-XX-{day:02d}", "", "unresolved", "day")


def _calendar_value(draft: Draft, year: int) -> str:
    if draft.period == NEW_YEAR:
        return f"{year:04d}"
    if draft.period.startswith("@"):
        try:
            return _movable(draft, year).isoformat()
        except ValueError:  # "Eid al-Fitr 1900": before the Islamic calendar's table
            return _unresolved(draft)
    if draft.period:
        return f"{year:04d}-{draft.period}"
    if draft.day is None:
        return f"{year:04d}-{draft.month:02d}"
    return f"{year:04d}-{draft.month:02d}-{draft.day:02d}{draft.suffix}"


def _movable(draft: Draft, year: int) -> dt.date:
    name = draft.period[1:]
    if "/" in name:  # "the third Monday of January", by its rule
        nth, weekday, month = (int(part) for part in name.split("/"))
        return movable_day({"nth": nth, "weekday": weekday, "month": month}, year)
    return movable_day(lookup("movable_holidays", name), year)


def _unresolved(draft: Draft) -> str:
    if draft.period == NEW_YEAR:
        return "XXXX"
    if draft.period.startswith("@"):
        return "XXXX-XX-XX"
    if draft.period == "WE":
        return "XXXX-WXX-WE"
    if draft.period:
        return f"XXXX-{draft.period}"
    if draft.month is not None:
        if draft.day is None:
            return f"XXXX-{draft.month:02d}"
        return f"XXXX-{draft.month:02d}-{draft.day:02d}{draft.suffix}"
    if draft.weekday is not None:
        return f"XXXX-WXX-{draft.weekday}{draft.suffix}"
    return "XXXX-XX-XX"


def resolve_weekday(weekday: int, anchor: dt.date, cue: int | None, tense: Tense | None) -> dt.date:
    """The date of ``weekday`` (1 = Monday) near ``anchor``.

    "last Friday" is the Friday before the anchor, "coming Friday" the one after, "next Friday" the one in the
    calendar week after the anchor's, "this Friday" the one in the anchor's week. A bare weekday follows the tense:
    past -> on or before the anchor, future or present -> on or after it; with no tense cue, news mostly reports
    what happened, so the past reading wins. A plan told in the past ("had been due to end on Sunday", tense
    "planned") is the nearest such day, the anchor itself included.
    """
    delta = weekday - anchor.isoweekday()
    if cue == 0:
        return anchor + dt.timedelta(days=delta)
    if cue in (-1, LAST_NAMED):
        return anchor + dt.timedelta(days=(delta % 7) - 7 if delta % 7 else -7)
    if cue == NEXT_WEEK:
        return anchor + dt.timedelta(days=7 + delta)
    if cue == 1:
        return anchor + dt.timedelta(days=delta % 7 if delta % 7 else 7)
    if tense in ("future", "present"):
        return anchor + dt.timedelta(days=delta % 7)
    if tense == "planned":
        forward = delta % 7
        return anchor + dt.timedelta(days=forward if forward <= 3 else forward - 7)
    return anchor - dt.timedelta(days=(-delta) % 7)


def _bounds(draft: Draft, year: int) -> tuple[dt.date, dt.date] | None:
    """First and last day of the named month, day or period in ``year``."""
    try:
        if draft.period.startswith("@"):
            day = _movable(draft, year)
            return day, day
        if draft.period == NEW_YEAR:  # placed by its January, told as the year
            return dt.date(year, 1, 1), dt.date(year, 1, 31)
        if draft.period in SEASON_MONTHS:
            first, last = SEASON_MONTHS[draft.period]
            start = dt.date(year, first, 1)
            return start, shift(start, "month", last - first + 1) - dt.timedelta(days=1)
        if draft.period:
            start = dt.date(year, _PERIOD_START_MONTH[draft.period], 1)
            months = 6 if draft.period.startswith("H") else 3
            return start, shift(start, "month", months) - dt.timedelta(days=1)
        if draft.day is not None:
            day = dt.date(year, draft.month, draft.day)  # type: ignore[arg-type]
            return day, day
        start = dt.date(year, draft.month, 1)  # type: ignore[arg-type]
        return start, shift(start, "month", 1) - dt.timedelta(days=1)
    except ValueError:  # 29 February in a common year
        return None


JUST_OVER_DAYS = 92  # "this winter" in a past clause names a season over by at most this many days


def resolve_year(draft: Draft, anchor: dt.date, tense: Tense | None) -> int:
    """The year of a calendar name written without one ("10 February", "last August", "the third quarter").

    A weekday written beside the date decides; then a cue word (last/next/this); otherwise the occurrence nearest
    to the anchor, where one on the side the tense points to (past: before, future or present: after, as for a
    weekday: "the summit is in November") gets a head start. A date a past verb places (cue ON_OR_BEFORE) is the
    last one begun by the anchor. Untensed quarters and halves read as past: business news reports periods already
    closed.
    """
    if draft.weekday is not None and draft.day is not None and draft.month is not None:
        for year in (anchor.year, anchor.year - 1, anchor.year + 1):
            bounds = _bounds(draft, year)
            if bounds and bounds[0].isoweekday() == draft.weekday:
                return year
    candidates = {}
    first = anchor.year - (2 if draft.period == "WI" else 1)  # "last winter" said in January began two Decembers back
    for year in range(first, anchor.year + 2):
        bounds = _bounds(draft, year)
        if bounds:
            candidates[year] = bounds
    if not candidates:  # "29 February" a year from any leap year: the leap years around
        years = range(anchor.year - 4, anchor.year + 5)
        candidates = {year: bounds for year in years if (bounds := _bounds(draft, year))}
    if not candidates:
        return anchor.year
    candidates = {year: _part(*bounds, draft.mod) for year, bounds in candidates.items()}
    if draft.cue == 0:  # "this winter" said on 3 January: the one under way, begun the December before
        under_way = next((year for year, (start, end) in candidates.items() if start <= anchor <= end), None)
        just_over = [year for year, (_, end) in candidates.items() if 0 < (anchor - end).days <= JUST_OVER_DAYS]
        if under_way is None and just_over and tense == "past":  # "the culprit this winter was" said on 1 March
            return just_over[-1]
        return anchor.year if under_way is None else under_way
    if draft.cue == ON_OR_BEFORE:
        return max(year for year, (start, _) in candidates.items() if start <= anchor or year == min(candidates))
    if draft.cue == ON_OR_AFTER:  # a plan that ended days before is still told in the present ("takes effect on")
        grace = anchor - dt.timedelta(days=AHEAD_GRACE_DAYS)
        return min(year for year, (_, end) in candidates.items() if end >= grace or year == max(candidates))
    if draft.cue in (-1, LAST_NAMED):
        # "last March" said in March, "last spring" said in early spring: the last one already over; "last February"
        # said in March is not the month just ended (that would be "last month" or "in February") but a year before
        year = max(year for year, (_, end) in candidates.items() if end < anchor or year == min(candidates))
        end = candidates[year][1]
        just_ended = draft.cue == LAST_NAMED and (anchor - end).days < 32 and end.month % 12 + 1 == anchor.month
        return year - 1 if just_ended and year - 1 in candidates else year
    if draft.cue == 1:  # "next winter" said in December: the one after the winter under way
        return min(year for year, (start, _) in candidates.items() if start > anchor or year == max(candidates))
    direction = "future" if tense == "present" else tense if tense in ("past", "future") else None
    if direction is None and draft.period.startswith(("Q", "H")):
        direction = "past"

    def cost(year: int) -> int:
        start, end = candidates[year]
        if start <= anchor <= end:
            return 0
        days = (start - anchor).days if start > anchor else (anchor - end).days
        wrong_side = (direction == "past" and start > anchor) or (direction == "future" and end < anchor)
        return days * WRONG_SIDE_FACTOR + TENSE_PENALTY_DAYS if wrong_side else days

    return min(sorted(candidates, key=lambda y: abs(y - anchor.year)), key=cost)


# The third of a period a mod names: "late October" said on 7 October is not under way yet
_PART_THIRDS = {"START": 0, "MID": 1, "END": 2}


def _part(start: dt.date, end: dt.date, mod: str) -> tuple[dt.date, dt.date]:
    """The part of the period ``start``..``end`` that ``mod`` ("early", "mid-", "late", "the end of") names."""
    if mod not in _PART_THIRDS:
        return start, end
    third = ((end - start).days + 1) / 3
    first = start + dt.timedelta(days=math.floor(third * _PART_THIRDS[mod]))
    return first, min(end, start + dt.timedelta(days=math.ceil(third * (_PART_THIRDS[mod] + 1)) - 1))


_DAY_SIZED = frozenset({"day", "time", "week"})
_YEAR_SIZED = frozenset({"year", "decade", "century"})
_PARTS_COMPARED = frozenset({"quarter", "half"})  # parts of a year a comparison a year back keeps


def _shift(draft: Draft, publication: dt.date | None, previous: Mention | None) -> Resolved:
    """Shifts from the publication date, or from the last date mentioned for narrative and comparison phrases."""
    if draft.period == AS_LAST_TOLD and previous is not None:  # "since then": the date last told of, as told
        granularity = "day" if previous.granularity in DAY_GRANULARITIES else previous.granularity
        return Resolved(format_date(previous.day, granularity), previous.day.isoformat(), "relative_previous",
                        granularity)
    compare = draft.relative_to == "previous" and previous is not None
    if draft.period == "quarter" and (previous is None or previous.granularity != "quarter"):
        compare = False
    if draft.period == "compare" and previous is not None and previous.granularity in _PARTS_COMPARED:
        compare = True
    weekly = previous is not None and previous.granularity == "week"
    if compare and weekly and draft.unit == "day" and draft.offset == 0:
        # "later this week, the Kremlin said earlier in the day": the day the story is told; "last week ... That day"
        # names a day of that week the text does not give
        if draft.period != IN_THE_DAY:
            return Resolved(_unresolved_shift(draft), "", "unresolved", draft.granularity)
        compare = False
    if draft.period == "same" and previous is not None and _coarser(previous.granularity, draft.granularity):
        compare = False  # "the same month last year" after "in 2021": the publication's month a year before
    if draft.unit == CLOCK_UNIT:
        return _clock_shift(draft, publication, previous if compare else None)
    if compare and previous is not None and (
        (draft.unit in ("day", "week") and previous.granularity not in _DAY_SIZED)
        or (draft.unit == "month" and previous.granularity in _YEAR_SIZED)
    ):
        # "the following day" after "in 1990", "four months later" after "in 2008": counting days from a year, or
        # months from a year, gives a made-up date
        return Resolved(_unresolved_shift(draft), "", "unresolved", draft.granularity)
    if compare and previous is not None:
        base, basis = previous.day, "relative_previous"
    elif publication is not None:
        base, basis = publication, "relative_publication"
    else:
        return Resolved(_unresolved_shift(draft), "", "unresolved", draft.granularity)
    unit, offset, granularity = draft.unit, draft.offset, draft.granularity
    if compare and previous is not None and previous.granularity in _PARTS_COMPARED and unit == "year" and offset:
        # "a year earlier" after "the third quarter": that quarter a year before ("the end of the year": the year's)
        granularity = previous.granularity
    if draft.period == "quarter" and not compare:
        offset -= 1  # "the quarter" with nothing said before: the last one reported, not the current one
    try:
        day = shift(base, unit, offset)
    except (ValueError, OverflowError):  # "1,000 decades later": off the calendar, so no date
        return Resolved(_unresolved_shift(draft), "", "unresolved", draft.granularity)
    if draft.month is not None:
        value = f"{day.year:04d}-{draft.month:02d}" + (f"-{draft.day:02d}" if draft.day else "")
    elif draft.period.startswith(("Q", "H")) or draft.period in SEASON_MONTHS:
        value = f"{day.year:04d}-{draft.period}"
    elif granularity == "time":
        value = day.isoformat() + draft.suffix
    else:
        value = format_date(day, "weekend" if unit == "weekend" else granularity)
    return Resolved(value, base.isoformat(), basis, granularity)  # type: ignore[arg-type]


def _clock_shift(draft: Draft, publication: dt.date | None, previous: Mention | None) -> Resolved:
    """ "Two hours later" after "at 11 p.m. on Wednesday" is 01:00 on Thursday. With no clock to count from (a day
    told of, or the publication date), the day the shift most likely lands on: the same one, or whole days away
    ("48 hours ago")."""
    if previous is not None and previous.granularity not in DAY_GRANULARITIES:
        return Resolved("XXXX-XX-XX", "", "unresolved", "day", "DATE")  # "an hour later" after "in 1990"
    base, basis = (previous.day, "relative_previous") if previous is not None else (publication, "relative_publication")
    if base is None:
        return Resolved("XXXX-XX-XX", "", "unresolved", "day", "DATE")
    if previous is not None and previous.clock is not None:
        moment = dt.datetime.combine(previous.day, previous.clock) + dt.timedelta(minutes=draft.offset)
        return Resolved(moment.isoformat(timespec="minutes"), base.isoformat(), basis, "time", "TIME")
    days = math.floor(draft.offset / MINUTES_PER_DAY + 0.5)  # nearer day of the two it may fall between
    return Resolved((base + dt.timedelta(days=days)).isoformat(), base.isoformat(), basis, "day", "DATE")


_FINE_TO_COARSE = ("time", "day", "week", "month", "quarter", "half", "season", "year", "decade", "century")


def _coarser(granularity: str, than: str) -> bool:
    """Whether ``granularity`` names a longer stretch than ``than`` (unknown names count as coarser)."""
    order = {name: rank for rank, name in enumerate(_FINE_TO_COARSE)}
    return order.get(granularity, len(order)) > order.get(than, len(order))


def _unresolved_shift(draft: Draft) -> str:
    if draft.month is not None:
        return f"XXXX-{draft.month:02d}" + (f"-{draft.day:02d}" if draft.day else "")
    return {
        "day": "XXXX-XX-XX",
        "time": "XXXX-XX-XX" + draft.suffix,
        "week": "XXXX-WXX",
        "month": "XXXX-XX",
        "quarter": "XXXX-QX",
        "year": "XXXX",
        "decade": "XXX",
        "century": "XX",
    }.get(draft.granularity, "XXXX-XX-XX")
