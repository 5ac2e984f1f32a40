"""TIMEX3 calendar values: writing them from dates and reading them back as inclusive day spans."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re

from hijridate import Gregorian, Hijri
from lunardate import LunarDate
from pyluach import dates as hebrew_dates
from pyluach import hebrewcal

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}  # WI runs into next year's February

_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)(?:T.*)?$")
_TIME = re.compile(r"^\d{4}-\d\d-\d\dT")
_CLOCK = re.compile(r"^\d{4}-\d\d-\d\dT(\d\d):(\d\d)")
_MONTH = re.compile(r"^(\d{4})-(\d\d)$")
_WEEK = re.compile(r"^(\d{4})-W(\d\d)(-WE)?$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")

GRANULARITY_ORDER = ["time", "day", "week", "month", "quarter", "season", "half", "year", "decade", "century"]


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def clock_of(value: str) -> dt.time | None:
    """The time of day a TIME value names ("2022-02-23T23:00"); None for a part of day ("TMO") or no time."""
    match = _CLOCK.match(value)
    if match is None or int(match[1]) > 23 or int(match[2]) > 59:  # "T24:00" is the end of the day, no clock
        return None
    return dt.time(int(match[1]), int(match[2]))


@functools.lru_cache(maxsize=4096)
def calendar_span(value: str) -> tuple[dt.date, dt.date, str] | None:
    """First day, last day (inclusive) and precision of a DATE/TIME value; None for REF, X-filled or other values.

    A month is reported as the whole month, never its first day, so callers can show honest uncertainty. Cached:
    the tagger asks for the same few values again and again while resolving a text.
    """
    try:
        return _span(value)
    except ValueError:  # out-of-range parts such as 2022-02-30 or week 54 are not a calendar span
        return None


def _span(value: str) -> tuple[dt.date, dt.date, str] | None:
    if match := _DAY.match(value):
        day = dt.date(int(match[1]), int(match[2]), int(match[3]))
        return day, day, "day"
    if match := _MONTH.match(value):
        year, month = int(match[1]), int(match[2])
        return dt.date(year, month, 1), _month_end(year, month), "month"
    if match := _WEEK.match(value):
        monday = dt.date.fromisocalendar(int(match[1]), int(match[2]), 1)
        if match[3]:
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6), "week"
        return monday, monday + dt.timedelta(days=6), "week"
    if match := _QUARTER.match(value):
        year, quarter = int(match[1]), int(match[2])
        return dt.date(year, 3 * quarter - 2, 1), _month_end(year, 3 * quarter), "quarter"
    if match := _HALF.match(value):
        year, half = int(match[1]), int(match[2])
        return dt.date(year, 6 * half - 5, 1), _month_end(year, 6 * half), "half"
    if match := _SEASON.match(value):
        year = int(match[1])
        first, last = SEASON_MONTHS[match[2]]
        end_year, end_month = divmod(year * 12 + last - 1, 12)
        return dt.date(year, first, 1), _month_end(end_year, end_month + 1), "season"
    if match := _YEAR.match(value):
        year = int(match[1])
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
    if match := _DECADE.match(value):
        decade = int(match[1]) * 10
        return dt.date(max(decade, 1), 1, 1), dt.date(decade + 9, 12, 31), "decade"
    if match := _CENTURY.match(value):
        century = int(match[1]) * 100
        return dt.date(max(century, 1), 1, 1), dt.date(century + 99, 12, 31), "century"
    return None


DAY_GRANULARITIES = frozenset({"day", "time"})  # values that name one calendar day
PART_MODS = ("START", "MID", "END")  # TIMEX3 mods of "early", "mid-", "late", "the end of"


def part_of_span(first: dt.date, last: dt.date, granularity: str, mod: str) -> tuple[dt.date, dt.date]:
    """The first, middle or last third of a period for "early", "mid-" and "late": "early 2023" is January to
    April, "late January" the 21st to the 31st, "the mid-1990s" 1994 to 1996, "late in the first quarter" March.
    Thirds follow whole years, months or days, never a made-up single day; other mods, and days, change nothing.
    """
    if mod not in PART_MODS or granularity in ("time", "day") or last <= first:
        return first, last
    index = PART_MODS.index(mod)
    years = last.year - first.year + 1
    if granularity in ("decade", "century") and (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
        third = years // 3
        bounds = ((0, third), (third + 1, years - 1 - third), (years - third, years - 1))[index]
        return dt.date(first.year + bounds[0], 1, 1), dt.date(first.year + bounds[1], 12, 31)
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if first.day == 1 and last == _month_end(last.year, last.month) and months >= 3 and months % 3 == 0:
        step = months // 3
        start = shift(first, "month", step * index)
        end = shift(start, "month", step) - dt.timedelta(days=1)
        return start, end
    if granularity == "month":
        return first.replace(day=1 + 10 * index), first.replace(day=10 + 10 * index) if index < 2 else last
    third = ((last - first).days + 1) // 3
    if third == 0:
        return first, last
    starts = (first, first + dt.timedelta(days=third), last - dt.timedelta(days=third - 1))
    ends = (starts[1] - dt.timedelta(days=1), starts[2] - dt.timedelta(days=1), last)
    return starts[index], ends[index]


def format_date(day: dt.date, granularity: str) -> str:
    """The TIMEX3 value of the ``granularity``-long period containing ``day``."""
    if granularity in DAY_GRANULARITIES:
        return day.isoformat()
    if granularity == "week":
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if granularity == "weekend":
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}-WE"
    if granularity == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if granularity == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if granularity == "half":
        return f"{day.year:04d}-H{1 if day.month <= 6 else 2}"
    if granularity == "season":  # winter's January and February belong to the winter the December before opened
        month = day.month + 12 * (day.month < SEASON_MONTHS["SP"][0])
        code = next(code for code, (first, last) in SEASON_MONTHS.items() if first <= month <= last)
        return f"{day.year - (month > 12):04d}-{code}"
    if granularity == "year":
        return f"{day.year:04d}"
    if granularity == "decade":
        return f"{day.year // 10:03d}"
    if granularity == "century":
        return f"{day.year // 100:02d}"
    raise ValueError(f"unknown granularity {granularity!r}")


def value_granularity(value: str) -> str:
    """Granularity of any TIMEX3 value (``unknown`` for references and X-filled values)."""
    if _TIME.match(value):
        return "time"
    span = calendar_span(value)
    if span:
        return span[2]
    return "unknown"


_MONTHS_IN = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}


def shift(day: dt.date, unit: str, count: int) -> dt.date:
    """``day`` moved by ``count`` calendar units. A day past the end of the month landed on becomes its last day
    (31 March minus a month is 28 or 29 February; 29 February plus a year is 28 February)."""
    if unit == "day":
        return day + dt.timedelta(days=count)
    if unit in ("week", "weekend"):
        return day + dt.timedelta(weeks=count)
    if unit not in _MONTHS_IN:
        raise ValueError(f"unknown unit {unit!r}")
    year, month = divmod(day.year * 12 + day.month - 1 + _MONTHS_IN[unit] * count, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def easter(year: int, orthodox: bool = False) -> dt.date:
    """Easter Sunday of ``year`` (Gregorian date), Western or Orthodox, by the standard computus."""
    if orthodox:  # Julian computus, then the Julian-Gregorian gap (13 days in 1900-2099)
        d = (19 * (year % 19) + 15) % 30
        e = (2 * (year % 4) + 4 * (year % 7) - d + 34) % 7
        month, day = divmod(d + e + 114, 31)
        return dt.date(year, month, day + 1) + dt.timedelta(days=year // 100 - year // 400 - 2)
    a, b, c = year % 19, year // 100, year % 100
    h = (19 * a + b - b // 4 - (b - (b + 8) // 25 + 1) // 3 + 15) % 30
    weekday_shift = (32 + 2 * (b % 4) + 2 * (c // 4) - h - c % 4) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def hijri_day(year: int, month: int, day: int) -> dt.date:
    """The day of Gregorian ``year`` that is ``day`` ``month`` of the Islamic calendar (Umm al-Qura, as hijridate
    computes it; the first of the two in a year that holds it twice). ValueError outside that calendar's range
    (1924-2077)."""
    try:
        first = Gregorian(year, 1, 1).to_hijri().year
        days = [Hijri(hijri_year, month, day).to_gregorian() for hijri_year in (first, first + 1)]
    except (OverflowError, ValueError) as error:
        raise ValueError(f"no Islamic calendar date for {year}") from error
    return next(dt.date(g.year, g.month, g.day) for g in days if g.year == year)


def hebrew_day(year: int, month: int, day: int) -> dt.date:
    """The day of Gregorian ``year`` that is ``day`` ``month`` of the Hebrew calendar (months counted from Nisan, as
    pyluach does: Nisan 1, Tishrei 7, Kislev 9, Adar 12). Adar is Adar II in a leap year, where Purim is kept.
    ValueError when no such day falls in ``year``."""
    for hebrew_year in (year + 3760, year + 3761):  # Nisan-Elul of the first, Tishrei-Adar of the second fall in year
        try:
            in_year = 13 if month == 12 and hebrewcal.Year(hebrew_year).leap else month
            found = hebrew_dates.HebrewDate(hebrew_year, in_year, day).to_pydate()
        except (OverflowError, ValueError) as error:
            raise ValueError(f"no Hebrew calendar date for {year}") from error
        if found.year == year:
            return found
    raise ValueError(f"no day {day} of Hebrew month {month} in {year}")


def chinese_day(year: int, month: int, day: int) -> dt.date:
    """The day of Gregorian ``year`` that is ``day`` ``month`` of the Chinese lunisolar calendar year that begins in
    it (Lunar New Year is [1, 1]); ValueError outside the table lunardate holds (1900-2099)."""
    return LunarDate(year, month, day).to_solar_date()


def movable_day(rule: dict, year: int) -> dt.date:
    """The day a movable holiday (a ``movable_holidays`` entry of the lexicon) falls on in ``year``; ValueError
    when the calendar it follows does not reach that year."""
    if "hijri" in rule:
        return hijri_day(year, *rule["hijri"])
    if "hebrew" in rule:
        return hebrew_day(year, *rule["hebrew"])
    if "chinese" in rule:
        return chinese_day(year, *rule["chinese"])
    if "easter" in rule:
        return easter(year, bool(rule.get("orthodox"))) + dt.timedelta(days=rule["easter"])
    month, weekday, nth = rule["month"], rule["weekday"], rule["nth"]
    after = dt.timedelta(days=rule.get("days", 0))  # "Black Friday": the day after Thanksgiving
    if nth > 0:
        first = dt.date(year, month, 1)
        day = first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
        if day.month != month:
            raise ValueError(f"no {nth}th weekday {weekday} in {year}-{month:02d}")  # "the fifth Sunday in November"
        return day + after
    last = _month_end(year, month)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7 + 7 * (-nth - 1)) + after
