"""Turning a metadata value (front matter, record field, HTML meta, feed) into a calendar day.

A publication date must be a full day within a plausible window; anything less is no date
(the chain then tries the next source) rather than a guess such as "the 1st of the month".
"""

from __future__ import annotations

import datetime as dt
import re
import time
from types import ModuleType

#: Earliest publication date accepted from any source (the web news era; older dates are typos or birth dates).
MIN_PUBLISHED = dt.date(1990, 1, 1)
_ISO = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d)")
_COMPACT = re.compile(r"\s*(\d{4})(\d{2})(\d{2})(?:$|T\d)")


def plausible(day: dt.date | None, today: dt.date | None = None) -> bool:
    """A publication day between MIN_PUBLISHED and tomorrow (time zones put some pages a day ahead)."""
    if day is None:
        return False
    latest = (today or dt.date.today()) + dt.timedelta(days=1)
    return MIN_PUBLISHED <= day <= latest


def parse_date_value(
    value: object, *, dayfirst: bool = True, relative_base: dt.datetime | None = None
) -> dt.date | None:
    """A day from a metadata value: date, datetime, epoch number, time.struct_time or string.

    Strings: ISO 8601 directly (the date as written, before any time-zone shift, because that
    is the day the outlet printed); anything else through dateparser, which knows many languages
    and formats. Relative strings ("2 days ago") are read only when ``relative_base`` is given
    (a page fetched now). Returns None when no full, plausible day is found.
    """
    day: dt.date | None = None
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    elif isinstance(value, time.struct_time):
        day = dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        day = _from_epoch(float(value))
    elif isinstance(value, str) and value.strip():
        day = _from_string(value.strip(), dayfirst=dayfirst, relative_base=relative_base)
    return day if plausible(day) else None


def _from_epoch(seconds: float) -> dt.date | None:
    if seconds > 1e11:  # milliseconds
        seconds /= 1000
    if seconds < 6e8:  # before 1989: a year number or a count, not a timestamp
        return None
    try:
        return dt.datetime.fromtimestamp(seconds, tz=dt.UTC).date()
    except (OverflowError, OSError, ValueError):
        return None


def _from_string(text: str, *, dayfirst: bool, relative_base: dt.datetime | None) -> dt.date | None:
    for pattern in (_ISO, _COMPACT):
        match = pattern.match(text)
        if match:
            try:
                return dt.date(*map(int, match.groups()))
            except ValueError:
                return None
    if len(text) > 100:
        return None
    if text.isdigit():
        return _from_epoch(float(text)) if len(text) >= 9 else None
    import dateparser  # slow to import; only odd strings need it

    settings: dict[str, object] = {
        "DATE_ORDER": "DMY" if dayfirst else "MDY",
        "PREFER_DATES_FROM": "past",
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    # Parse against two bases a day apart: an absolute date comes out the same, a relative
    # one ("2 days ago", "il y a 2 jours") moves with its base and needs the fetch time.
    base = relative_base.replace(tzinfo=None) if relative_base else dt.datetime(2000, 6, 15, 12)
    full = {**settings, "REQUIRE_PARTS": ["day", "month", "year"]}
    now = _dateparse(dateparser, text, {**full, "RELATIVE_BASE": base})
    before = _dateparse(dateparser, text, {**full, "RELATIVE_BASE": base - dt.timedelta(days=1)})
    if now is None or before is None:
        return None
    if now == before or relative_base is not None:
        return now
    return None


def _dateparse(dateparser: ModuleType, text: str, settings: dict[str, object]) -> dt.date | None:
    try:
        parsed = dateparser.parse(text, settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None
    return parsed.date() if parsed is not None else None
