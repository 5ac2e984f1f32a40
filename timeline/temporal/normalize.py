"""Pass 1: the named groups of a rule's match turned into a ``Draft`` (no anchor date needed yet).

Each function is named by the ``norm`` field of a rule in rules.yaml and returns None to reject the match.
"""

from __future__ import annotations

import math
import re
from calendar import monthrange
from collections.abc import Callable
from dataclasses import replace

from timeline.temporal.lexicon import context_words, lexicon, lookup, lookup_or, number_value, phrase, units, year_value
from timeline.temporal.model import AS_LAST_TOLD, CLOCK_UNIT, IN_THE_DAY, LAST_NAMED, NEW_YEAR, NEXT_WEEK, Draft

Groups = dict[str, str]
Normalizer = Callable[[Groups, str, bool], "Draft | None"]

_DIGITS = re.compile(r"\d+")
MOVABLE = "@"  # Draft.period prefix of a movable holiday ("@easter")
PAST_ONLY = "past_only"  # Draft.period of an expression that is a date only in a past-tense clause
DAYLESS = "dayless"  # Draft.period of a clock time that names no day ("at 10 p.m."): its day comes from the text
NIGHT_ENDS = 6  # the hour before which a clock told with "last night" is in the small hours after it


def _ordinal(word: str) -> int:
    """ "third" or "3rd" -> 3."""
    word = word.lower()
    return int(_DIGITS.match(word)[0]) if word[0].isdigit() else lookup("ordinals", word)


def _month(groups: Groups) -> int | None:
    if "month_num" in groups:
        return int(groups["month_num"])
    if "month" in groups:
        return lookup("months", groups["month"])
    return None


def _year(text: str) -> int:
    return year_value(text)


def _mod(groups: Groups) -> str:
    return lookup("mods", groups["mod"]) if "mod" in groups else ""


def _cue(groups: Groups) -> int | None:
    if "cue" not in groups:
        return None
    word = groups["cue"].lower().removeprefix("the").strip()
    for table in ("shift_cues", "far_cues"):
        try:
            return lookup(table, word)
        except KeyError:
            continue
    return None


def date(groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    month = _month(groups)
    day = _ordinal(groups["day"]) if "day" in groups else None  # "10", "10th", "tenth"
    if day is not None and not 1 <= day <= 31:
        return None
    year = _year(groups["year"]) if "year" in groups else None
    weekday = lookup("weekdays", groups["weekday"]) if "weekday" in groups else None
    hour = int(groups["hour"]) if "hour" in groups else None
    if hour is not None and "ampm" in groups:
        hour = hour % 12 + lookup("meridiems", groups["ampm"].replace(".", ""))
    suffix = f"T{hour:02d}:{groups.get('minute', '00')}" if hour is not None else ""
    if "noon" in groups:  # "at midnight Nov. 15"
        suffix = f"T{lookup('noon_hours', groups['noon']):02d}:00"
    clock = bool(suffix)
    if not suffix and "part" in groups:  # "Monday afternoon, 28 February": the part of day stays in the value
        suffix = "T" + lookup("parts_of_day", groups["part"])
    granularity = "time" if suffix else ("day" if day else "month")
    return Draft(
        "calendar",
        type="TIME" if clock else "DATE",
        year=year,
        month=month,
        day=day,
        weekday=weekday,
        cue=LAST_NAMED if day is None and groups.get("cue", "").lower() in context_words()["last_named_cues"]
        else _cue(groups),
        mod=_mod(groups),
        suffix=suffix,
        granularity=granularity,
    )


def numeric_date(groups: Groups, text: str, dayfirst: bool) -> Draft | None:
    first, second = int(groups["first"]), int(groups["second"])
    day, month = (first, second) if dayfirst else (second, first)
    if month > 12 and day <= 12:  # 02/25/2022 can only be month-first, whatever the setting
        day, month = month, day
    year = _year(groups["year"]) if "year" in groups else None  # "on 24/2": the year from the tense
    if not (1 <= month <= 12 and 1 <= day <= monthrange(year or 2000, month)[1]):  # 2000: 29/2 may be any leap year
        return None
    return Draft("calendar", year=year, month=month, day=day, granularity="day")


def named_day(groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    """ "9/11": the day its numbers name."""
    return Draft("fixed", value=lookup("named_days", groups["name"]), granularity="day")


def range_first_day(groups: Groups, text: str, dayfirst: bool) -> Draft | None:
    """The first day of "10-20 February": its month (and year) are taken from the date that closes the range."""
    return Draft("calendar", day=int(_DIGITS.match(groups["day"])[0]), granularity="day", period="range")


def year(groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    return Draft("fixed", value=f"{_year(groups['year']):04d}", mod=_mod(groups), granularity="year")


def year_range(groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    """Either year of "2014-15" or "1991-1994" (``year`` with the ``next`` one seen ahead, or the closing ``last``
    with the ``opening`` one seen behind); None unless the second comes after the first within 50 years, so an ISO
    month ("2021-12") or a code is no range."""
    opening = int(groups.get("opening") or groups["year"])
    closing = groups.get("next") or groups["last"]
    end = int(closing) if len(closing) == 4 else opening // 100 * 100 + int(closing)
    end += 100 if end < opening and len(closing) == 2 else 0  # "1999-00"
    if not opening < end <= opening + 50 or (len(closing) == 2 and int(closing) <= 12 and end - opening > 1):
        return None  # "2021-12" is December 2021 written the ISO way, not 2021 to 2012 or 2021 to 2112
    value = opening if "next" in groups else end
    return Draft("fixed", value=f"{value:04d}", granularity="year")


def decade(groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    if "decade" in groups and groups["decade"][2:4] == "00" and groups["decade"][:2] != "20":
        # "the 1900s", "the 1800s": the century, as it is meant (the 2000s are the decade)
        return Draft("fixed", value=groups["decade"][:2], mod=_mod(groups), granularity="century")
    if "decade" in groups:
        value = groups["decade"][:3]
    elif "decadeword" in groups:  # "the nineties": the last such decade of the 1900s
        value = f"19{lookup('decade_words', groups['decadeword'])}"
    else:  # '90s: the century is a guess, the most recent one that makes it past
        two = int(groups["decade2"])
        value = f"{19 if two >= 30 else 20}{two // 10}"
    return Draft("fixed", value=value, mod=_mod(groups), granularity="decade")


def century(groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    word = groups["ordinal"].lower()
    number = _ordinal(word)
    if not 1 <= number <= 30:
        return None
    return Draft("fixed", value=f"{number - 1:02d}", mod=_mod(groups), granularity="century")


def quarter(groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    if "qnum" in groups or "qnum2" in groups:
        number = int(groups.get("qnum") or groups["qnum2"])
        written = groups.get("year") or groups.get("year2")
        if written is None:  # "profit rose in Q3": the year by tense, as for "the third quarter"
            return Draft("calendar", period=f"Q{number}", granularity="quarter")
        return Draft("fixed", value=f"{_year(written):04d}-Q{number}", granularity="quarter")
    if "month_end" in groups:  # "the December quarter": the calendar quarter that month ends
        last = lookup("months", groups["month_end"])
        if last % 3:
            return None
        number = last // 3
    elif "month" in groups:  # "the January-March quarter": three months, the first of a calendar quarter
        first, last = lookup("months", groups["month"]), lookup("months", groups["month2"])
        if first % 3 != 1 or last != first + 2:
            return None
        number = first // 3 + 1
    else:
        word = groups["ordinal"].lower()
        number = lookup_or("quarter_ordinals", word) or _ordinal(word)
    year_ = _year(groups["year"]) if "year" in groups else None
    return Draft("calendar", year=year_, period=f"Q{number}", mod=_mod(groups), granularity="quarter")


def half_code(groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    """ "H2 2021", "2022 H1": a half-year written as business news codes it."""
    number = int(groups.get("hnum") or groups["hnum2"])
    return Draft("fixed", value=f"{_year(groups.get('year') or groups['year2']):04d}-H{number}", granularity="half")


def quarter_relative(groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    """"the quarter", "the latest quarter", "last quarter", "the year-earlier quarter"."""
    told = lookup_or("told_quarter_cues", groups["cue"]) if "cue" in groups else 0  # "the (latest) quarter": 0
    if told is not None:
        return Draft("shift", unit="quarter", offset=told, relative_to="previous", period="quarter",
                     granularity="quarter")
    offset = _cue(groups)
    return Draft("shift", unit="quarter", offset=-1 if offset is None else offset, granularity="quarter")


def half(groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    number = lookup("half_ordinals", groups["ordinal"])
    if "year" in groups:
        return Draft("fixed", value=f"{_year(groups['year']):04d}-H{number}", granularity="half")
    if "unit" in groups:  # "the second half of next year"
        return Draft("shift", unit="year", offset=_cue(groups) or 0, period=f"H{number}", granularity="half")
    return Draft("calendar", period=f"H{number}", granularity="half")


def months_of_year(groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    """ "the final three months of 2023" is its fourth quarter, "the first six months of the year" its first half."""
    part = lookup("months_of_year_parts", groups["count"])
    number = 1 if lookup("months_of_year_edges", groups["edge"]) == "first" else 4 if part == "Q" else 2
    granularity = "quarter" if part == "Q" else "half"
    if "year" in groups:
        return Draft("fixed", value=f"{_year(groups['year']):04d}-{part}{number}", granularity=granularity)
    return Draft("shift", unit="year", offset=_cue(groups) or 0, period=f"{part}{number}", granularity=granularity)


def season(groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    code = lookup("seasons", groups["season"])
    year_ = _year(groups["year"]) if "year" in groups else None
    return Draft("calendar", year=year_, period=code, cue=_cue(groups), mod=_mod(groups), granularity="season")


def weeks_from(groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    """ "a week from Tuesday": the coming Tuesday and a week on; "two weeks from today": fourteen days on."""
    count = number_value(groups["num"]) if "num" in groups else 1
    if not count or count != int(count) or count > 52:
        return None
    days = int(count) * (7 if groups["span"].lower().startswith("week") else 1)
    return _days_on(groups.get("dayword") or groups["weekday"], days)


def _days_on(day: str, days: int) -> Draft:
    """ "today", "tomorrow" or the coming such weekday, then ``days`` days on."""
    if day.lower() in lexicon()["day_words"]:
        return Draft("shift", unit="day", offset=lookup("day_words", day.lower()) + days, granularity="day")
    return Draft("calendar", weekday=lookup("weekdays", day), cue=1, unit="day", offset=days, granularity="day")


def weekday_two_away(groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    """ "the Friday before last", "the Monday after next": last (the coming) such day, then a week further."""
    cue = lookup("far_cues", groups["cue"]) // 2
    return Draft("calendar", weekday=lookup("weekdays", groups["weekday"]), cue=cue, unit="day", offset=7 * cue,
                 granularity="day")


def new_year(_groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    """ "the first hours of the new year", "early in the new year": the year just begun or about to begin."""
    return Draft("calendar", period=NEW_YEAR, granularity="year")


def day_word(groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    word = groups["dayword"].lower()
    offset = lookup("day_words", word)
    suffix = ""
    if "part" in groups:
        suffix = "T" + lookup("parts_of_day", groups["part"])
    elif "noon" in groups:
        suffix = f"T{lookup('noon_hours', groups['noon']):02d}:00"
    elif word in lexicon()["day_word_parts"]:  # "tonight"
        suffix = "T" + lookup("day_word_parts", word)
    return Draft("shift", type="TIME" if suffix else "DATE", unit="day", offset=offset, suffix=suffix,
                 granularity="time" if suffix else "day")


def day_part(groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    cue, part = groups["cue"].lower(), lookup("parts_of_day", groups["part"])
    if cue in context_words()["night_only_cues"] and part != "NI":  # "last morning" is not idiomatic news English
        return None
    offset = lookup("day_part_cues", cue)
    return Draft("shift", type="TIME", unit="day", offset=offset, suffix="T" + part, granularity="time")


def weekday(groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    suffix = "T" + lookup("parts_of_day", groups["part"]) if "part" in groups else ""
    # "Wednesday night" is a time of day, as "last night" is: TIME, by the TimeML guidelines (AQUAINT's gold mostly
    # types it DATE, TimeBank's TIME)
    day = Draft("calendar", type="TIME" if suffix else "DATE", weekday=lookup("weekdays", groups["weekday"]),
                suffix=suffix, granularity="time" if suffix else "day")  # fmt: skip
    if "week" in groups:  # "Wednesday next week": that week's Wednesday, counted in whole weeks from this one's
        return replace(day, cue=0, unit="day", offset=7 * lookup("weeks_of_a_weekday", groups["week"]))
    cue_words = " ".join(groups.get("cue", "").lower().split())
    cue = NEXT_WEEK if cue_words in lexicon()["next_week_cues"] else _cue(groups)
    if "last" in groups:  # British "on Tuesday last": the latest Tuesday before the day of writing, yesterday too
        cue = LAST_NAMED
    return replace(day, cue=cue, relative_to="previous" if cue_words in _NARRATIVE_CUES else "publication")


def weeks_on(groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    """ "Monday week", "a week on Friday": the coming such day, then a week (a fortnight) on; "a week tomorrow"."""
    days = lookup("weeks_on", groups.get("later") or groups.get("later2") or groups["later3"])
    return _days_on(groups.get("tomorrow") or groups.get("weekday") or groups["weekday2"], days)


# "the previous Friday", "the following Monday": counted from the day the text is telling of
_NARRATIVE_CUES = frozenset({"previous", "preceding", "following", "the previous", "the preceding", "the following"})


def holiday(groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    """Fixed ("Christmas Eve") or movable ("Thanksgiving", "Easter"): a movable one carries its name as the period
    ("@thanksgiving") and gets its day once the year is known."""
    told = groups.get("year") or groups.get("year0")  # "Christmas 2020", "the 1935 Labor Day hurricane"
    year_ = _year(told) if told else None
    try:
        month, day = lookup("holidays", groups["holiday"])
    except KeyError:
        lookup("movable_holidays", groups["holiday"])  # a name of neither table is a bug: KeyError
        name = " ".join(groups["holiday"].lower().split())
        return Draft("calendar", year=year_, period=MOVABLE + name, cue=_cue(groups), granularity="day")
    return Draft("calendar", year=year_, month=month, day=day, cue=_cue(groups), granularity="day")


def nth_weekday(groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    """ "the third Monday of January": a movable day of its own, written as its rule ("@3/1/1": nth, weekday, month)."""
    nth = lookup("weekday_ordinals", groups["nth"])
    weekday, month = lookup("weekdays", groups["weekday"]), _month(groups)
    year_ = _year(groups["year"]) if "year" in groups else None
    return Draft("calendar", year=year_, period=f"{MOVABLE}{nth}/{weekday}/{month}", granularity="day")


def _unit_name(word: str) -> str:
    gran = units()[" ".join(word.lower().split())].gran
    return gran


def shift(groups: Groups, text: str, _dayfirst: bool) -> Draft | None:
    unit_word = groups["unit"].lower()
    spec = units()[" ".join(unit_word.split())]
    unit = "weekend" if spec.code == "WE" else spec.gran
    if "cue" not in groups:  # "the end of the year", "end of the year": the publication's own year
        words = text.lower().split()
        mod = next(m for size in (3, 2) if (m := lookup_or("mods", " ".join(words[:size]))))
        return Draft("shift", unit=unit, offset=0, mod=mod, granularity=unit)
    cue = " ".join(groups["cue"].lower().split())  # "this  past" -> "this past"
    if spec.factor > 1:  # "the past fortnight", "the next fortnight": two weeks up to or from now
        return Draft("fixed", type="DURATION", value=f"P{spec.factor}{spec.code}", granularity=unit)
    openings = {"decade": r"%stretch_openings\b", "century": r"%century_stretch_openings\b"}.get(unit)
    if openings and phrase(openings).match(text):
        # "over the past decade", "the next decade": ten years up to or from now, not a calendar decade
        return Draft("fixed", type="DURATION", value="P10Y" if unit == "decade" else "P100Y", granularity=unit)
    words = context_words()
    relative_to = "previous" if cue in words["told_cues"] else "publication"
    offset = 0 if cue in words["same_cues"] else _cue(groups)
    if offset is None:
        return None
    return Draft("shift", unit=unit, offset=offset, relative_to=relative_to, mod=_mod(groups),
                 granularity="week" if unit == "weekend" else unit)


def the_unit(groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    """ "the year" with no other word: the current one."""
    unit = _unit_name(groups["unit"].lower())
    return Draft("shift", unit=unit, offset=0, granularity=unit)


def _count(groups: Groups) -> float | None:
    if "vague" in groups or "num_low" in groups:  # "several weeks", "two to three weeks": no single number
        return None
    return number_value(groups["num"])


# Minutes in one clock unit (TIMEX3 codes); seconds are too fine to date a news event by
_MINUTES = {"H": 60, "M": 1}

# A fraction of a unit counted in the next finer one ("half a year" is six months, "1.5 weeks" no whole days)
_FINER = {"year": ("month", 12), "week": ("day", 7)}


def shift_count(groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    count = _count(groups)
    if count is None or count > 10000:
        return None
    count += 0.5 if "half" in groups else 0  # "two and a half years ago"
    unit = units()[" ".join(groups["unit"].lower().split())]
    direction = lookup("count_directions", groups["dir"])
    sign, relative_to = direction["sign"], direction["from"]
    if unit.time:  # "three hours ago", "two hours later": whole minutes from the anchor's clock, when it has one
        minutes = count * _MINUTES.get(unit.code, 0)
        if not minutes or minutes != int(minutes):
            return None
        return Draft("shift", type="TIME", unit=CLOCK_UNIT, offset=sign * int(minutes), relative_to=relative_to,
                     mod=_mod(groups), granularity="time")
    steps, gran = count * unit.factor, unit.gran
    # "a year ago" may compare with a quarter; "two years ago" and "two decades ago" do not
    compared = gran == "year" and steps == 1
    if gran == "decade" or (gran == "century" and steps != int(steps)):  # "half a century ago": fifty years
        steps, gran = steps * (10 if gran == "decade" else 100), "year"
    if steps != int(steps) and gran in _FINER:  # "half a year later": six months
        finer, per = _FINER[gran]
        steps, gran = steps * per, finer
    if steps != int(steps):
        return None
    if "this_unit" in groups and gran == "year":  # "two years ago this month": that month, two years back
        return Draft("shift", unit=gran, offset=sign * int(steps), relative_to=relative_to,
                     granularity=groups["this_unit"].lower())
    if "exact" in groups or "exact2" in groups:  # "exactly a year ago", "two years ago to the day": that day
        return Draft("shift", unit=gran, offset=sign * int(steps), relative_to=relative_to, granularity="day")
    return Draft("shift", unit=gran, offset=sign * int(steps), relative_to=relative_to, mod=_mod(groups),
                 period="compare" if compared else "", granularity=gran)


def month_of_shifted_year(groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    """ "June last year": a month (or day) in the year before, after or of the anchor; "February of that year": in
    the year last told of."""
    cue = " ".join(groups["cue"].lower().split())
    written = groups.get("day") or groups.get("day_first")  # "March 3 next year", "24 February this year"
    day = _ordinal(written) if written else None  # "10", "10th", "tenth"
    told = cue in context_words()["told_year_cues"]
    return Draft("shift", unit="year", offset=0 if told else lookup("shift_cues", cue),
                 relative_to="previous" if told else "publication", month=_month(groups), day=day,
                 granularity="day" if day else "month")


def season_of_shifted_year(groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    """ "the spring of last year": that season in the year before, after or of the anchor."""
    offset = lookup("shift_cues", groups["cue"])
    return Draft("shift", unit="year", offset=offset, period=lookup("seasons", groups["season"]), granularity="season")


def quarter_of_shifted_year(groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    """ "this year's third quarter", "next year's first half", "the fourth quarter of last year", "the third quarter
    last year", "the third quarter a year ago"."""
    if "what2" in groups:
        cue = groups.get("cue2") or groups.get("cue3")
        groups = {"what": groups["what2"], "ordinal": groups["ordinal2"], **({"cue": cue} if cue else {})}
    # "a year ago": one year back, as "last year"
    offset = lookup("shift_cues", groups["cue"]) if "cue" in groups else -1
    what = groups["what"].lower()
    if "ordinal" not in groups:
        if offset == -1 and what in ("quarter", "period"):  # "last year's quarter": the one compared with
            return Draft("shift", unit="year", offset=-1, relative_to="previous", period="compare",
                         granularity="year")
        return Draft("shift", unit="year", offset=offset, granularity="year")
    number = _ordinal(groups["ordinal"])
    if (what == "half" and number > 2) or what == "period":
        return None
    period = f"Q{number}" if what == "quarter" else f"H{number}"
    return Draft("shift", unit="year", offset=offset, period=period, granularity=what)


def weekend(groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    """ "the weekend": the one before publication in past clauses, the coming one otherwise (resolved by tense)."""
    return Draft("calendar", weekday=6, period="WE", granularity="week")


def year_ended(groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    """ "the year ended March 31", "the week ended Oct. 20": an accounting period, whose end date is its own
    expression; "in the year since the invasion": a year counted from an event."""
    unit = units()[groups.get("unit", "year").lower()]
    return Draft("fixed", type="DURATION", value="P1" + unit.code, granularity=unit.gran)


def year_end(groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    """ "by year-end", "by midyear": the end (the middle) of the publication's year; "year-end 2023": of that year."""
    mod = "MID" if "mid" in groups else "END"
    if "year" in groups:
        return Draft("calendar", year=_year(groups["year"]), mod=mod, granularity="year")
    return Draft("shift", unit="year", offset=0, mod=mod, granularity="year")


def shift_that(groups: Groups, text: str, _dayfirst: bool) -> Draft | None:
    """ "that year", "later that month": the period of the last date mentioned; "earlier in the year": this one."""
    if "unit2" in groups:
        unit = _unit_name(groups["unit2"])
        # "earlier in the day" is the day of the event just told; "earlier in the year" the publication's year
        relative_to = "previous" if unit == "day" else "publication"
        return Draft("shift", unit=unit, offset=0, relative_to=relative_to, period=IN_THE_DAY, granularity=unit)
    part = lookup_or("parts_of_day", groups["unit"])
    if part is not None:  # "that night": a part of the day last told
        return Draft("shift", type="TIME", unit="day", offset=0, relative_to="previous", suffix="T" + part,
                     granularity="time")
    unit = _unit_name(groups["unit"])
    return Draft("shift", unit=unit, offset=0, relative_to="previous", granularity=unit)


def then_told(_groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    """ "since then", "until then": the date last told of (the tagger drops it when the text told none)."""
    return Draft("shift", unit="day", offset=0, relative_to="previous", period=AS_LAST_TOLD, granularity="day")


def part_of_day_mid(groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    suffix = "T" + lookup("parts_of_day", groups["part"].lower())
    return Draft("shift", type="TIME", unit="day", offset=0, relative_to="previous", suffix=suffix, mod="MID",
                 granularity="time")


def overnight(groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    """ "overnight" in a past clause: the night before publication (the tagger drops it in other tenses); "overnight
    Tuesday", "overnight on Tuesday, 3 January": that day's night, whatever the tense."""
    weekday_word = groups.get("weekday") or groups.get("weekday2")
    weekday = lookup("weekdays", weekday_word) if weekday_word else None
    if "month" in groups or "month2" in groups:
        day = _ordinal(groups.get("day") or groups["day2"])
        year_ = _year(groups["year"]) if "year" in groups else None
        return Draft("calendar", year=year_, month=lookup("months", groups.get("month") or groups["month2"]), day=day,
                     weekday=weekday, suffix="TNI", granularity="time")
    if weekday is not None:
        return Draft("calendar", weekday=weekday, suffix="TNI", granularity="time")
    return Draft("shift", type="TIME", unit="day", offset=-1, suffix="TNI", period=PAST_ONLY, granularity="time")


def part_of_that_day(groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    """ "in the morning": that part of the day last spoken of (or of the publication day)."""
    suffix = "T" + lookup("parts_of_day", groups["part"])
    return Draft("shift", type="TIME", unit="day", offset=0, relative_to="previous", suffix=suffix,
                 granularity="time")


def vague_ago(groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    """ "several years ago", "months ago": some time back; "a few minutes ago" is still the day of the telling.
    Without a count word only "ago" counts back from the telling ("months earlier" counts from the story's time)."""
    told_back = groups["dir"].lower() == "ago"
    if groups["unit"].lower() in lexicon()["same_day_units"]:
        return Draft("shift", unit="day", offset=0, granularity="day") if told_back else None
    return Draft("fixed", value="PAST_REF") if told_back or "vague" in groups else None


def period_comparison(groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    """ "the year-earlier period", "the 1988 third quarter", "the comparable period of 1988": the period compared
    with, a year before the last one."""
    if "dir2" in groups:
        groups = {"dir": groups["dir2"], "what": groups["what2"]}
    what = " ".join(groups["what"].lower().split())
    direction = groups["dir"].lower()
    if what in context_words()["uncomparable_periods"]:
        return None
    if direction[0].isdigit():
        year_ = int(direction)
        if "ordinal" in groups:
            return Draft("fixed", value=f"{year_:04d}-Q{_ordinal(groups['ordinal'])}",
                         granularity="quarter")
        return Draft("calendar", year=year_, period="same", granularity="year")
    if "ordinal" in groups:
        return Draft("shift", unit="year", offset=-1, relative_to="previous",
                     period="Q" + str(_ordinal(groups["ordinal"])), granularity="quarter")
    return Draft("shift", unit="year", offset=-1, relative_to="previous", period="compare", granularity="year")


def year_ago_adjective(groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    return Draft("shift", unit="year", offset=-1, relative_to="previous", period="compare", granularity="year")


def same_unit_year_before(groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    unit = groups["unit"].lower()
    return Draft("shift", unit="year", offset=-1, relative_to="previous", period="same", granularity=unit)


def this_time_a_year_away(groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    """A year from the publication, as fine as the words: "this time" is vague about the day, so a month."""
    offset = lookup("shift_cues", groups["cue"]) if "cue" in groups else -1  # "this week a year ago"
    unit = units().get(groups["unit"].lower())
    return Draft("shift", unit="year", offset=offset, granularity=unit.gran if unit else "month")


def past_hour_or_day(groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    if groups.get("unit") == "day":
        return Draft("fixed", type="DURATION", value="P1D", granularity="day")
    return Draft("fixed", type="DURATION", value="PT1H", granularity="time")


def shift_previous(groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    if "cue" in groups:
        offset = lookup("shift_cues", groups["cue"])
        unit_word = groups["unit"]
    elif "unit3" in groups:  # "the year before": a whole unit before the date told
        unit = groups["unit3"].lower()
        return Draft("shift", unit=unit, offset=lookup("offset_directions", groups["dir2"]), relative_to="previous",
                     granularity=unit)
    else:
        offset = lookup("offset_directions", groups["dir"])
        unit_word = groups["unit2"]
    part = lookup_or("parts_of_day", unit_word)
    suffix = "T" + part if part else ""
    return Draft("shift", type="TIME" if suffix else "DATE", unit="day", offset=offset, relative_to="previous",
                 suffix=suffix, granularity="time" if suffix else "day")


def future_ref(_groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    return Draft("fixed", value="FUTURE_REF")


def reference(groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    return Draft("fixed", value=lookup("references", groups["ref"]))


def _amount(count: float | None, unit_word: str) -> str | None:
    """TIMEX3 duration value for ``count`` ``unit_word``s ("P10D", "PT48H", "PXY"); None if not expressible."""
    unit = units()[" ".join(unit_word.lower().split())]
    code = unit.code
    if code == "DE":
        code, scale = "Y", 10
    elif code == "CE":
        code, scale = "Y", 100
    else:
        scale = unit.factor
    prefix = "PT" if unit.time else "P"
    if count is None:
        return f"{prefix}X{code}"
    amount = count * scale
    if amount != int(amount):
        return _fractional(amount, code, prefix)
    return f"{prefix}{int(amount)}{code}"


_SMALLER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("M", 60), "MIN": ("S", 60)}


def _fractional(amount: float, code: str, prefix: str) -> str | None:
    """ "2 1/2 years" -> P2Y6M, "half an hour" -> PT30M: TIMEX3 durations are whole numbers of each unit."""
    key = "MIN" if prefix == "PT" and code == "M" else code
    if key not in _SMALLER:
        return None
    smaller, per = _SMALLER[key]
    whole = int(amount)
    rest = (amount - whole) * per
    if not math.isclose(rest, round(rest)):
        return None
    if key == "D":  # days and hours straddle the T of a TIMEX3 duration
        return (f"P{whole}DT" if whole else "PT") + f"{round(rest)}{smaller}"
    return f"{prefix}{whole}{code}{round(rest)}{smaller}" if whole else f"{prefix}{round(rest)}{smaller}"


def duration(groups: Groups, text: str, _dayfirst: bool) -> Draft | None:
    count = 1.0 if "num" not in groups and "vague" not in groups else _count(groups)
    if count is not None and count > 100000:
        return None
    text_num = groups.get("num", "")
    after_num = text.lower().replace(text_num.lower(), "", 1)  # "half a century" is the number itself, not a half more
    if "num" in groups and count is not None and phrase(r"%half_words|1/2").search(after_num):
        count += 0.5
    value = _amount(count, groups["unit"])
    if value is None or (not text_num and "vague" not in groups and "cue" not in groups):
        return None
    gran = units()[" ".join(groups["unit"].lower().split())].gran
    return Draft("fixed", type="DURATION", value=value, mod=_mod(groups), granularity=gran)


def one_unit(groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    """ "day-long", "week-long": one unit, written as an adjective."""
    gran = units()[groups["unit"].lower()].gran
    return Draft("fixed", type="DURATION", value=_amount(1.0, groups["unit"]) or "", granularity=gran)


def duration_bare(groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    """ "for years", "in recent weeks", "the days ahead": a duration of unknown length in a known unit."""
    word = groups.get("vague") or groups["ahead"]
    unit = units()[word.lower()]
    return Draft("fixed", type="DURATION", value=_amount(None, word) or "", granularity=unit.gran)


def monthly(_groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    """ "the first Monday of every month": a set once a month, not the next such Monday."""
    return Draft("fixed", type="SET", value="P1M", granularity="month")


def set_(groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    if "freq" in groups:
        return Draft("fixed", type="SET", value=lookup("frequencies", groups["freq"]))
    weekday_word = groups.get("weekday") or groups.get("weekday2")
    if weekday_word:
        part = groups.get("part") or groups.get("part2")
        suffix = "T" + lookup("parts_of_day", part.removesuffix("s")) if part else ""  # "nights": every night
        if "hour" in groups:  # "every Thursday at 9 a.m."
            hour = int(groups["hour"]) % 12 + lookup("meridiems", groups["ampm"].replace(".", ""))
            suffix = f"T{hour:02d}:{int(groups.get('minute') or 0):02d}"
        return Draft("fixed", type="SET", value=f"XXXX-WXX-{lookup('weekdays', weekday_word)}{suffix}",
                     granularity="day")
    if "month" in groups:  # "every July", "every July 18", "every 26 April"
        day = groups.get("day") or (groups["num"] if groups.get("num", "").isdigit() else None)
        if day is None:
            return Draft("fixed", type="SET", value=f"XXXX-{_month(groups):02d}", granularity="month")
        return Draft("fixed", type="SET", value=f"XXXX-{_month(groups):02d}-{_ordinal(day):02d}", granularity="day")
    if "holiday" in groups:  # "every Fourth of July" on its day; "every Easter" once a year, on no one day
        try:
            month, day = lookup("holidays", groups["holiday"])
        except KeyError:
            return Draft("fixed", type="SET", value="P1Y", granularity="year")
        return Draft("fixed", type="SET", value=f"XXXX-{month:02d}-{day:02d}", granularity="day")
    if "season" in groups:  # "each winter"
        return Draft("fixed", type="SET", value=f"XXXX-{lookup('seasons', groups['season'])}", granularity="season")
    count: float | None = number_value(groups["num"]) if "num" in groups else 2.0 if "other" in groups else 1.0
    if "vague" in groups:  # "every few hours": a repeat of no one size
        count = None
    if count == 1 and units()[groups["unit"].lower()].code == "WE":  # "every weekend": the weekend of each week
        return Draft("fixed", type="SET", value="XXXX-WXX-WE", granularity="week")
    if count == 1 and groups["unit"].lower() in lexicon()["parts_of_day"]:  # "every night": the night of each day
        return Draft("fixed", type="SET", value=f"XXXX-XX-XXT{lookup('parts_of_day', groups['unit'])}",
                     granularity="time")
    value = _amount(count, groups["unit"])
    if value is None:
        return None
    return Draft("fixed", type="SET", value=value)


def clock(groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    if "last_night" in groups:  # "at midnight last night": the start of the day of telling
        return Draft("shift", type="TIME", unit="day", offset=0, suffix="T00:00", granularity="time")
    if "noon" in groups:
        hour, minute = lookup("noon_hours", groups["noon"]), 0
    else:
        word, minute_word = groups["hour"], groups.get("minute_word")
        hour = int(word) if word.isdigit() else int(number_value(word) or 0)
        minute = int(number_value(minute_word) or 0) if minute_word else int(groups.get("minute") or 0)
        if "ampm" in groups:  # "12 a.m." is midnight, "12 p.m." noon
            hour = hour % 12 + lookup("meridiems", groups["ampm"].replace(".", ""))
    suffix = f"T{hour:02d}:{minute:02d}"
    dayword = groups.get("dayword") or groups.get("dayword2")
    weekday_word = groups.get("weekday") or groups.get("weekday2")
    if weekday_word:
        return Draft("calendar", type="TIME", weekday=lookup("weekdays", weekday_word), suffix=suffix,
                     granularity="time")
    if dayword:
        return Draft("shift", type="TIME", unit="day", offset=lookup("day_words", dayword), suffix=suffix,
                     granularity="time")
    if "night2" in groups:  # "11pm last night": the day before; "2am last night": the small hours of the day of telling
        return Draft("shift", type="TIME", unit="day", offset=-int(hour >= NIGHT_ENDS), suffix=suffix,
                     granularity="time")
    return Draft("shift", type="TIME", unit="day", offset=0, suffix=suffix, period=DAYLESS, granularity="time")


def clock_part_of_day(groups: Groups, _text: str, _dayfirst: bool) -> Draft | None:
    """ "4 in the morning", "nine o'clock in the evening", "4:30 this afternoon", "10:15 last night", "10 tomorrow
    morning": an hour made a.m. or p.m. by the part of day; "this afternoon", "tonight" are the publication's day,
    "last night" the day before (its small hours, "2 last night", the publication's)."""
    word = groups["hour"].lower()
    hour = int(word) if word.isdigit() else int(number_value(word) or 0)
    if not 1 <= hour <= 12:
        return None
    part = lookup("parts_of_day", groups.get("part") or groups.get("part2") or groups.get("part3") or "night")
    small_hours = part == "NI" and hour < 5
    if part == "MO" or small_hours:
        hour %= 12
    elif hour < 12:
        hour += 12
    elif part == "NI":  # "12 at night": midnight, the day's end
        hour = 24
    suffix = f"T{hour:02d}:{groups.get('minute', '00')}"
    if "part" in groups or "at_night" in groups:  # "in the morning", "11 o'clock at night": the day told of
        return Draft("shift", type="TIME", unit="day", offset=0, suffix=suffix, period=DAYLESS, granularity="time")
    offset = -1 if "last" in groups and not small_hours else 0
    if "dayword" in groups:  # "10 o'clock tomorrow morning"
        offset = lookup("day_words", groups["dayword"].lower())
    return Draft("shift", type="TIME", unit="day", offset=offset, suffix=suffix, granularity="time")


NORMALIZERS: dict[str, Normalizer] = {
    "date": date,
    "numeric_date": numeric_date,
    "named_day": named_day,
    "range_first_day": range_first_day,
    "weeks_on": weeks_on,
    "nth_weekday": nth_weekday,
    "new_year": new_year,
    "weeks_from": weeks_from,
    "monthly": monthly,
    "year": year,
    "year_range": year_range,
    "decade": decade,
    "century": century,
    "quarter": quarter,
    "quarter_relative": quarter_relative,
    "half": half,
    "half_code": half_code,
    "season": season,
    "day_word": day_word,
    "day_part": day_part,
    "weekday": weekday,
    "holiday": holiday,
    "weekday_two_away": weekday_two_away,
    "shift": shift,
    "the_unit": the_unit,
    "future_ref": future_ref,
    "one_unit": one_unit,
    "shift_count": shift_count,
    "year_ago_adjective": year_ago_adjective,
    "same_unit_year_before": same_unit_year_before,
    "this_time_a_year_away": this_time_a_year_away,
    "past_hour_or_day": past_hour_or_day,
    "part_of_day_mid": part_of_day_mid,
    "month_of_shifted_year": month_of_shifted_year,
    "period_comparison": period_comparison,
    "quarter_of_shifted_year": quarter_of_shifted_year,
    "season_of_shifted_year": season_of_shifted_year,
    "vague_ago": vague_ago,
    "months_of_year": months_of_year,
    "overnight": overnight,
    "part_of_that_day": part_of_that_day,
    "weekend": weekend,
    "year_end": year_end,
    "year_ended": year_ended,
    "shift_that": shift_that,
    "then_told": then_told,
    "shift_previous": shift_previous,
    "reference": reference,
    "duration": duration,
    "set": set_,
    "duration_bare": duration_bare,
    "clock": clock,
    "clock_part_of_day": clock_part_of_day,
}
