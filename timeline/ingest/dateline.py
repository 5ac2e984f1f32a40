"""A publication date printed at the top of an article: the dateline or a "Published" line.

Wire copy opens with "KYIV, Feb 24 (Reuters) -", press releases with "February 10, 2022 /",
saved pages with "10 February 2022" above the text. Only the first few lines are read and the
date must stand at the start of a line (after an optional place, weekday or cue word) and be
followed by a separator or the line's end, so a first sentence that merely begins with a date
is not taken for a dateline. Word lists live in ``resources/ingest/datelines.yaml``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

#: Non-empty lines at the top of the text that may hold a dateline.
DATELINE_LINES = 5


@dataclass(frozen=True)
class Dateline:
    """A dateline's day; ``year`` is None when the dateline names only month and day."""

    year: int | None
    month: int
    day: int
    text: str  # the dateline as written, for the published_detail message
    start: int  # offset of ``text`` in the article text
    filed: str = ""  # where or by whom the story was filed ("KYIV", "Reuters"); "" for a bare date
    agency: str = ""  # the agency credited in brackets ("Reuters" in "KYIV, Feb 24 (Reuters) -")

    def date(self, year: int | None = None) -> dt.date | None:
        """The day, with ``year`` filling a dateline that has none; None when impossible."""
        try:
            return dt.date(self.year or year or 0, self.month, self.day) if (self.year or year) else None
        except ValueError:
            return None


@cache
def _words() -> dict:
    with resources.files("timeline.resources").joinpath("ingest/datelines.yaml").open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@cache
def month_numbers() -> dict[str, int]:
    """Month name or abbreviation (lower case, any listed language) -> month number."""
    return {name.lower(): number for names in _words()["months"].values() for name, number in names.items()}


def _alternation(names: list[str]) -> str:
    return "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))


@cache
def _pattern() -> re.Pattern[str]:
    words = _words()
    month = rf"(?:{_alternation(list(month_numbers()))})\.?"
    weekday = rf"(?:{_alternation([w for ws in words['weekdays'].values() for w in ws])})\.?,?\s+"
    ordinal = rf"(?:{_alternation(words['ordinals'])}|\.)?"
    cue = rf"(?:{_alternation(words['cues'])})\s*:?\s+"
    date = (
        rf"(?P<mdy>(?P<m1>{month})\s+(?P<d1>\d{{1,2}}){ordinal}(?:,?\s+(?P<y1>\d{{4}}))?)"
        rf"|(?P<dmy>(?P<d2>\d{{1,2}}){ordinal}\s+(?:of\s+|de\s+)?(?P<m2>{month})(?:,?\s+(?:de\s+)?(?P<y2>\d{{4}}))?)"
        r"|(?P<iso>(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2}))"
        r"|(?P<num>(?P<a4>\d{1,2})[./](?P<b4>\d{1,2})[./](?P<y4>\d{4}))"
    )
    # A place in capitals or title case, optionally with a region ("KYIV", "Washington, D.C."), or two places
    # ("GAZA/JERUSALEM").
    day_names = _alternation([w for ws in words["weekdays"].values() for w in ws] + list(month_numbers()))
    place = (
        rf"(?P<place>(?!(?:{day_names})\b)[^\W\d_][\w.'’/\- ]{{0,40}}?(?:,\s*[^\W\d_][\w.'’\- ]{{0,30}}?)?\s*"
        r"(?:\([^)\n]{1,40}\)\s*)?,\s*)"
    )
    agency = r"(?:\s*\((?P<agency>[^)\n]{1,40})\))?"
    return re.compile(
        rf"^[\s*_#>]*(?:{cue})?(?:{place})?(?:{weekday})?(?:{date}){agency}\s*"
        r"(?:[-–—/|:•·]|(?P<stop>\.\s*)?$|\d{1,2}[:.]\d{2})",
        re.IGNORECASE | re.MULTILINE,
    )


def find_dateline(text: str, *, dayfirst: bool = True) -> Dateline | None:
    """The first dateline among the first DATELINE_LINES non-empty lines of ``text``, if any."""
    offset = 0
    seen = 0
    for line in text.split("\n"):
        if line.strip():
            found = _parse_line(line[:200], offset, dayfirst)
            if found:
                return found
            seen += 1
            if seen >= DATELINE_LINES:
                break
        offset += len(line) + 1
    return None


def _parse_line(line: str, offset: int, dayfirst: bool) -> Dateline | None:
    match = _pattern().match(line)
    if not match:
        return None
    g = match.groupdict()
    months = month_numbers()
    if g["mdy"]:
        year, month, day = g["y1"], months[g["m1"].lower().rstrip(".")], g["d1"]
    elif g["dmy"]:
        year, month, day = g["y2"], months[g["m2"].lower().rstrip(".")], g["d2"]
    elif g["iso"]:
        year, month, day = g["y3"], g["m3"], g["d3"]
    else:
        first, second = int(g["a4"]), int(g["b4"])
        day, month = (first, second) if dayfirst else (second, first)
        year = g["y4"]
    year_n = int(year) if year else None
    month_n, day_n = int(month), int(day)
    try:
        dt.date(year_n or 2000, month_n, day_n)  # 2000 is a leap year: 29 February passes without a year
    except ValueError:
        return None
    agency = (g["agency"] or "").strip()
    filed = (g["place"] or "").strip(" ,") or agency
    if g["stop"] and not _names_a_place(filed):
        return None  # "Russia invaded Ukraine, 24 February 2022.": a sentence, not "Brussels, 3 June 2022."
    text = match.group(0).strip(" \t*_#>-–—/|:•·")
    return Dateline(year_n, month_n, day_n, text, offset + match.start(), filed, agency)


def _names_a_place(words: str) -> bool:
    """A place as a dateline names it: a few words, each capitalized ("Brussels", "Washington, D.C.")."""
    names = words.replace(",", " ").split()
    return 0 < len(names) <= 4 and all(name[0].isupper() for name in names)


# A dateline without a date that credits an agency: "LILONGWE, Malawi (AP) —", "WASHINGTON (CNN) -"
_WIRE = re.compile(
    r"[\s*_#>]*[A-Z][\w.'’ -]{1,40}(?:,[^()\n]{1,60})?\s*\((?P<agency>[A-Z][\w.&' -]{0,30})\)\s*(?:[-–—:]|--)"
)


def wire_agency(text: str) -> str:
    """The agency a wire story credits in its dateline ("KYIV, Feb 24 (Reuters) -", "LILONGWE, Malawi (AP) —"), or
    "": the outlet, for an article that names none."""
    dateline = find_dateline(text)
    if dateline is not None and dateline.agency:
        return dateline.agency
    lines = [line for line in text.split("\n") if line.strip()][:DATELINE_LINES]
    found = next((m for line in lines if (m := _WIRE.match(line[:200]))), None)
    return found["agency"].strip() if found else ""
