"""What neighbouring expressions say about each other, before and after pass 2 resolves them.

Before: "10-20 February" and "between March and May 2021" lend the closing date's month or year to the opening
one, "December 1 or 2" gives the bare second day a date, "early"/"around" join the span, "the quarter ended
July 31" names its quarter. After: a clock time takes the day written after it, two bare months of a range share
a year, "two days after 10 February" becomes one date, "the week of March 6" a week.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator
from dataclasses import replace

from timeline.temporal.calendar import (
    DAY_GRANULARITIES,
    GRANULARITY_ORDER,
    PART_MODS,
    calendar_span,
    clock_of,
    format_date,
    shift,
)
from timeline.temporal.guards import next_word, possessive_after, word_before
from timeline.temporal.lexicon import alternation, context_words, lexicon, lookup, phrase
from timeline.temporal.matching import Candidate
from timeline.temporal.model import DAY_OF_EVENT, Draft, Timex
from timeline.temporal.normalize import DAYLESS


def before_resolution(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """The selected matches with second days, ranges, modifiers and quarters-ended worked in."""
    return _quarters_ended(text, _with_mods(text, _fill_ranges(text, _second_days(text, _unrestated(text, chosen)))))


_RESTATED_OPEN = r"(?:\s+[A-Za-z]+\s+%zone_words)?\s*\(\s*"
_RESTATED_CLOSE = re.compile(r"\s*\)")


def _unrestated(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """ "10:35 a.m. (0735 GMT)", "10:00 Moscow time (07:00 GMT)": a bare clock time in parentheses is the same
    moment in another zone, not a second expression."""
    kept: list[Candidate] = []
    for candidate in chosen:
        previous = kept[-1] if kept else None
        if (
            previous is not None
            and candidate.draft.type == previous.draft.type == "TIME"
            and candidate.draft.period == DAYLESS  # "(4 a.m. EDT Thursday)" adds a day: an expression of its own
            and phrase(_RESTATED_OPEN).fullmatch(text, previous.end, candidate.start)
            and _RESTATED_CLOSE.match(text, candidate.end)
        ):
            continue
        kept.append(candidate)
    return kept


def after_resolution(text: str, timexes: list[Timex], dayless: set[int]) -> list[Timex]:
    """The resolved expressions with clock days, month ranges, offsets from dates, "ago today" and weeks-of worked in.
    ``dayless``: indices of clock times that named no day and were dated by publication alone."""
    dated = _ordered_ranges(text, _season_ranges(text, _month_ranges(text, _clock_days(text, timexes, dayless))))
    dated = _days_of_events(text, _offsets_from_dates(text, dated))
    dated = _julian_holidays(text, _eves(text, dated))
    return _holiday_weekends(text, _weeks_of(text, _ago_today(text, _nights_into(text, dated))))


# Christmas and its eve, and where the Julian calendar's fall in ours (13 days on, in 1900-2099)
_JULIAN_FEASTS = {"-12-25": "-01-07", "-12-24": "-01-06"}
_SAME_SENTENCE = re.compile(r"[^.!?]*")


def _julian_holidays(text: str, timexes: list[Timex]) -> list[Timex]:
    """ "Orthodox Christians celebrate Christmas today" said on 7 January: a Christmas told in a sentence whose other
    date is 7 January (6 January for the eve) is the Julian calendar's, the one the churches of Russia and Ukraine
    kept, not the 25 December before it."""
    result = list(timexes)
    for index, timex in enumerate(timexes):
        julian = _JULIAN_FEASTS.get(timex.value[4:]) if timex.rule == "holiday" else None
        if julian is None:
            continue
        for other in (*timexes[index + 1 : index + 2], *timexes[max(0, index - 1) : index]):
            low, high = min(other.end, timex.end), max(other.start, timex.start)
            if other.value[4:] == julian and _SAME_SENTENCE.fullmatch(text, low, high):
                result[index] = replace(timex, value=other.value, anchor=other.value)
                break
    return result


_HOLIDAY_WEEKEND = r"[\s-]+%holiday_weekend_nouns\b"
_WEEKEND_BEFORE = frozenset({1, 2})  # a Monday or Tuesday holiday closes the weekend before it; later days open one


def _holiday_weekends(text: str, timexes: list[Timex]) -> list[Timex]:
    """ "the Memorial Day weekend", "the Fourth of July weekend": the weekend the holiday joins, one expression (a
    Monday holiday makes a long weekend of the one before it, a Friday one of the one after)."""
    result: list[Timex] = []
    for timex in timexes:
        day = _day_of(timex) if timex.type == "DATE" and timex.rule != "weekday" else None
        weekend = phrase(_HOLIDAY_WEEKEND).match(text, timex.end) if day is not None else None
        if day is None or weekend is None:
            result.append(timex)
            continue
        weekday = day.isoweekday()
        try:
            saturday = day + dt.timedelta(days=(6 - weekday) - (7 if weekday in _WEEKEND_BEFORE else 0))
        except OverflowError:  # a holiday on the calendar's first or last days
            result.append(timex)
            continue
        result.append(replace(timex, end=weekend.end(), text=text[timex.start : weekend.end()],
                              value=format_date(saturday, "weekend"), granularity="week"))  # fmt: skip
    return result


_NIGHT_INTO = r"\s+%night_into_links\s+"


def _nights_into(text: str, timexes: list[Timex]) -> list[Timex]:
    """ "overnight into Thursday": the night before that day, one expression."""
    result: list[Timex] = []
    for timex in timexes:
        night = result[-1] if result else None
        day = _day_of(timex)
        if (
            night is not None and night.rule == "overnight" and day is not None and timex.value == day.isoformat()
            and phrase(_NIGHT_INTO).fullmatch(text, night.end, timex.start)
        ):  # fmt: skip
            value = (day - dt.timedelta(days=1)).isoformat() + "TNI"
            result[-1] = replace(night, end=timex.end, text=text[night.start : timex.end], value=value,
                                 anchor=timex.value, basis=timex.basis)  # fmt: skip
            continue
        result.append(timex)
    return result


# "the eve of 24 February"; "the eve of the summit on 5 January": up to six words naming the event, then "on"
_EVES = (r"\b%day_before_phrases\s+$", r"\b%day_before_phrases\s+(?:[\w'’-]+\s+){1,6}?%day_prepositions\s+$")


def _eves(text: str, timexes: list[Timex]) -> list[Timex]:
    """ "on the eve of 24 February", "on the eve of the summit on 5 January": the day before the day named, one
    expression (the day named is the event's, not the eve's)."""
    result: list[Timex] = []
    for timex in timexes:
        window = max(result[-1].end if result else 0, timex.start - 80)  # not past the expression before
        eve = next(filter(None, (phrase(p).search(text, window, timex.start) for p in _EVES)), None)
        named = _day_of(timex) if eve is not None and timex.type == "DATE" else None
        if eve is None or named is None or timex.value != named.isoformat():  # a plain day, no part of it
            result.append(timex)
            continue
        day = named - dt.timedelta(days=1)
        result.append(replace(timex, start=eve.start(), text=text[eve.start() : timex.end], value=day.isoformat(),
                              anchor=timex.value, rule="eve_of"))  # fmt: skip
    return result


_TODAY = r"\s+%ago_today_words\b"


def _ago_today(text: str, timexes: list[Timex]) -> list[Timex]:
    """ "A year ago today": the day a whole number of years (months, weeks) before today, not that whole year."""
    result: list[Timex] = []
    index = 0
    while index < len(timexes):
        timex = timexes[index]
        following = timexes[index + 1] if index + 1 < len(timexes) else None
        span = calendar_span(timex.value) if timex.rule == "shift_ago" else None
        today = calendar_span(following.value) if following is not None and phrase(_TODAY).fullmatch(
            text, timex.end, following.end) else None  # fmt: skip
        if span is None or today is None or span[2] not in ("year", "month", "week", "day"):
            result.append(timex)
            index += 1
            continue
        day = today[0]
        if span[2] == "day":  # "exactly a week ago today": the day is told already, "today" joins it
            day = span[0]
        elif span[2] == "year":
            day = shift(day, "month", 12 * (span[0].year - day.year))
        elif span[2] == "month":
            day = shift(day, "month", (span[0].year - day.year) * 12 + span[0].month - day.month)
        else:
            day = day - dt.timedelta(days=7 * ((day - span[0]).days // 7))
        end = following.end  # type: ignore[union-attr]
        result.append(replace(timex, end=end, text=text[timex.start : end], value=day.isoformat(), granularity="day",
                              anchor=today[0].isoformat()))  # fmt: skip
        index += 2
    return result


_RANGE_LINK = r"\s*(?:-|–|—|%range_links)\s*"
_DAY_LIST_LINK = r"\s*(?:,|/|-|–|—|%range_links)\s*"  # "21, 23 and 25 June", "the night of 23/24 February"


def _fill_ranges(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """ "10-20 February", "the 7th or 8th of March": the first day takes the month and year of the date closing the
    range; "between March and May 2021", "from 30 November to 1 December 2021": the opening date without a year takes
    the closing one's."""
    filled = list(chosen)
    dropped: set[int] = set()
    for index, candidate in enumerate(filled):
        if candidate.draft.period != "range":
            closing = filled[index + 1] if index + 1 < len(filled) else None
            draft = candidate.draft
            if (  # "the 7th or 8th of March": the day alone takes the closing date's month and year
                closing is not None and draft.kind == "calendar" and draft.month is None and draft.day is not None
                and draft.weekday is None and closing.draft.kind == "calendar" and closing.draft.month is not None
                and closing.draft.day is not None and phrase(_RANGE_LINK).fullmatch(text, candidate.end, closing.start)
            ):
                month = {"month": closing.draft.month, "year": closing.draft.year}
                filled[index] = replace(candidate, draft=replace(draft, **month))
            elif (
                closing is not None
                and draft.kind == "calendar" and draft.month is not None and draft.year is None and draft.cue is None
                and closing.draft.kind == "calendar" and closing.draft.month is not None
                and closing.draft.year is not None and closing.draft.month >= draft.month
                and phrase(_RANGE_LINK).fullmatch(text, candidate.end, closing.start)
            ):
                filled[index] = replace(candidate, draft=replace(draft, year=closing.draft.year))
            continue
        later = index + 1  # "21, 23 and 25 June": past the other listed days to the one naming the month
        while later < len(filled) and filled[later].draft.period == "range":
            later += 1
        closing = filled[later].draft if later < len(filled) else None
        if closing is None or closing.month is None:
            filled[index] = replace(candidate, draft=replace(candidate.draft, period="", month=None))
            continue
        opened_at = filled[later - 1].end  # the last listed day before the closing date
        if (closing.day is not None and candidate.draft.day is not None and candidate.draft.day >= closing.day) or not (
            phrase(_DAY_LIST_LINK).fullmatch(text, opened_at, filled[later].start)
        ):
            dropped.add(index)  # "beat Sakkari 6-0, 6-1 October 30": a score before a date, not days of a range
            continue
        draft = replace(candidate.draft, period="", month=closing.month, year=closing.year)
        filled[index] = replace(candidate, draft=draft)
    return [candidate for index, candidate in enumerate(filled) if index not in dropped]


# A lower-case word after the second number makes it an amount ("March 6 and 7 percent", "6 to 9 am"), unless it
# goes on with the sentence ("Feb. 24-25 in Brussels", "held Sept. 23-27 that Kyiv denounced", "a poll taken June
# 17-20 showed": a past verb).
# A noun naming an event after the second number keeps it a day ("at the June 23-24 summit").
_SECOND_DAY = (
    r"\s*(?:-|–|%range_links)\s*(\d{1,2})(?:st|nd|rd|th)?\b"
    r"(?![,.:/]?\d|\s*%|\s+(?!(?:%second_day_goes_on|%event_nouns)\b|[a-z]{2,}ed\b)[a-z])"
    r"(?:,?\s+((?:1[89]|20)\d\d)\b(?![,.]?\d))?"
)


def _second_days(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """ "December 1 or 2", "April 4-6, 2023": the second day number, which no rule tags alone, as a date of its
    own in the month of the first (both take a year written after the second). Two timexes, not one span: the
    days may be alternatives, not a range."""
    result: list[Candidate] = []
    covered = -1
    for index, candidate in enumerate(chosen):
        if candidate.start < covered:
            continue  # the year closing "April 4-6, 2023", now part of the second day
        result.append(candidate)
        draft = candidate.draft
        if draft.kind != "calendar" or draft.day is None or draft.month is None or draft.suffix:
            continue
        match = phrase(_SECOND_DAY, 0).match(text, candidate.end)
        if match is None or not draft.day < int(match.group(1)) <= 31:
            continue
        if index + 1 < len(chosen) and chosen[index + 1].start < match.end(1):
            continue  # another expression starts inside: not a bare day number
        second = replace(draft, day=int(match.group(1)), weekday=None)
        if match.group(2) and draft.year is None:
            second = replace(second, year=int(match.group(2)))
            result[-1] = replace(candidate, draft=replace(draft, year=second.year))
        result.append(replace(candidate, start=match.start(1), end=match.end(), draft=second))
        covered = match.end()
    return result


@functools.cache
def _span_mod() -> re.Pattern[str]:
    words = [*lexicon()["span_mods"], *lexicon()["outside_mods"]]
    return re.compile(r"(?<![\w-])(?P<mod>" + alternation(words) + r")[\s-]+$", re.IGNORECASE)


def _with_mods(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """Let "early", "mid-", "the end of" before a calendar date join its span and set its mod (TimeML does)."""
    result = []
    previous_end = 0
    for candidate in chosen:
        draft = candidate.draft
        match = None
        if draft.type != "SET" and not draft.value.endswith("_REF") and not draft.mod:
            window_start = max(previous_end, candidate.start - 24)
            match = _span_mod().search(text, window_start, candidate.start)
            if match and possessive_after(text, candidate.end) and _is_approximator(match.group("mod")):
                match = None  # "get around Wednesday's ruling": the word belongs to the noun phrase, not the date
            if match and match.group("mod").lower() in lexicon()["hyphen_mods"] and "-" not in match.group():
                match = None  # "talks end March 3": a verb, where "end-March" is a modifier
            if (
                match and " ".join(match.group("mod").lower().split()) in context_words()["particle_mods"]
                and word_before(text, match.start()) in context_words()["particle_verbs"]
                and not phrase(_TO_NEXT).match(text, candidate.end)
            ):  # fmt: skip
                match = None  # "her terms add up to 33 years": the verb's particle, no modifier of the length
            if match:
                mod = lookup("mods", match.group("mod"))
                joins = _joins_span(match.group("mod")) or candidate.rule.name == "shift_ago"
                start = match.start() if joins else candidate.start
                candidate = replace(candidate, start=start, draft=replace(draft, mod=mod))
        if match is None and _joins_earlier(draft, candidate.rule.name):
            match = phrase(_EARLIER_LATER).search(text, max(previous_end, candidate.start - 12), candidate.start)
            if match:
                candidate = replace(candidate, start=match.start())
        result.append(candidate)
        previous_end = candidate.end
    return result


# "adds up to two years to the retirement age", "adds up to two days to export a load": "up to" caps what is added
# (not "add up to 33 years to be served", "90 years to life": a total)
_TO_NEXT = r"\s+to\s+(?!%total_followers\b)"


def _is_approximator(word: str) -> bool:
    """ "around", "about", "nearly", "more than": a mod of amount, not an edge of a period (early, late, mid)."""
    return lookup("mods", word) not in PART_MODS


def _joins_span(word: str) -> bool:
    return " ".join(word.lower().split()) not in lexicon()["outside_mods"]


def _joins_earlier(draft: Draft, rule: str) -> bool:
    """ "earlier this year", "later today": one expression (TimeML spans include the word), value unchanged.
    Weeks and weekdays are left out: "earlier this week" reads as often as a clause adverb before the date."""
    return (rule == "shift_cue_unit" and draft.unit in ("year", "month")) or rule in ("day_word", "last_night")


_EARLIER_LATER = r"(?<![\w-])%joins_period_after\s+$"


_ENDED = r"\s+%quarter_ended_words\s+(?:%day_prepositions\s+)?"
_UNNAMED_QUARTER_RULES = frozenset({"quarter_the", "quarter_relative"})


def _quarters_ended(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """ "the quarter ended July 31": the calendar quarter holding most of the three months before that day (May to
    July: the second). A quarter named with its number ("the fourth quarter ended Sept. 30") keeps the company's
    own fiscal name."""
    result = list(chosen)
    for index, candidate in enumerate(chosen[:-1]):
        closing = chosen[index + 1].draft
        if candidate.rule.name not in _UNNAMED_QUARTER_RULES or closing.month is None or closing.day is None:
            continue
        if not phrase(_ENDED).fullmatch(text, candidate.end, chosen[index + 1].start):
            continue
        middle = (closing.month - 1) if closing.day >= 15 else (closing.month - 2)  # the middle of its three months
        number = (middle - 1) % 12 // 3 + 1
        year_shift = -1 if middle < 1 else 0
        year = closing.year + year_shift if closing.year is not None else None
        draft = Draft("calendar", year=year, period=f"Q{number}", granularity="quarter")
        result[index] = replace(candidate, draft=draft)
    return result


_COUNTED = re.compile(r"^P(\d+)([DWMY])$")
_COUNTED_UNITS = {"D": "day", "W": "week", "M": "month", "Y": "year"}
_AFTER_BEFORE = r"\s+(%offset_directions)\s+"


def _offsets_from_dates(text: str, timexes: list[Timex]) -> list[Timex]:
    """ "two days after 10 February" is 12 February: a counted duration, "after"/"before" and a date become one
    date. A duration after/before anything else ("five years after its launch") stays a duration: the event it
    counts from has no date in the text, and the publication date is not it."""
    result: list[Timex] = []
    index = 0
    while index < len(timexes):
        timex = timexes[index]
        following = timexes[index + 1] if index + 1 < len(timexes) else None
        merged = _offset(text, timex, following) if following is not None else None
        if merged is not None:
            result.append(merged)
            index += 2
            continue
        result.append(timex)
        index += 1
    return result


def _offset(text: str, duration: Timex, date: Timex) -> Timex | None:
    if date.type != "DATE" or date.start - duration.end > 8 or duration.type not in ("DURATION", "DATE"):
        return None  # cheap checks first: this runs for every pair of neighbours
    span = calendar_span(date.value)
    day_before = phrase(_DAY_PHRASE).fullmatch(duration.text)
    if day_before and span is not None and span[2] == "day" and not text[duration.end : date.start].strip():
        # "the day before last Tuesday's hearing": one day from that date
        direction, steps, unit = day_before.group(2).lower(), 1, "day"
    else:
        count = _COUNTED.match(duration.value)
        link = phrase(_AFTER_BEFORE).fullmatch(text, duration.end, date.start)
        if duration.type != "DURATION" or count is None or link is None or span is None:
            return None
        direction, steps, unit = link.group(1).lower(), int(count.group(1)), _COUNTED_UNITS[count.group(2)]
    granularity = span[2]
    if granularity != "day" and GRANULARITY_ORDER.index(unit) < GRANULARITY_ORDER.index(granularity):
        return None  # "two days after February": no single date
    sign = lookup("offset_directions", direction)
    try:
        value = format_date(shift(span[0], unit, sign * steps), granularity)
    except (ValueError, OverflowError):
        return None  # "30,000 years before 2022": off the calendar; the duration stays a duration
    return Timex(
        start=duration.start, end=date.end, text=text[duration.start : date.end], type="DATE", value=value,
        granularity=granularity, anchor=span[0].isoformat(), rule="offset_from_date",
        basis="relative_previous", mod="", tense=date.tense,
    )


_DAY_PHRASE = r"(%day_phrase_heads)\s+(%offset_directions)"


def _counts_from_event(text: str, timex: Timex) -> re.Match[str] | None:
    """ "the day before the invasion": one day from an event named after it, not from the last date told."""
    counted = phrase(_DAY_PHRASE).fullmatch(timex.text) if timex.rule == "shift_day_after" else None
    word = next_word(text, timex.end) if counted else ""
    if not word:
        return None
    words = context_words()
    plural = word.endswith("s") and not word.endswith("ss") and word.lower() not in words["not_plural_nouns"]
    opens_event = word[0].isupper() or word.endswith("ing") or plural or word.lower() in words["event_after_day"]
    return counted if opens_event else None


_APPOSITION = re.compile(r"\s*[,(–—]\s*")


def _days_of_events(text: str, timexes: list[Timex]) -> list[Timex]:
    """ "the day before the invasion" is the phrase "the day", one day from an event. In apposition to a date ("on 23
    February, the day before the invasion") it is that date. Otherwise it is unknown here: the last date told is
    often another event's ("on Wednesday, Poland said ... The day after the invasion, it opened its border"), and a
    day guessed wrong is worse than none. The events stage moves it when the event's own date follows ("the day
    after the summit on 5 January")."""
    result: list[Timex] = []
    for index, timex in enumerate(timexes):
        counted = _counts_from_event(text, timex)
        if counted is None:
            result.append(timex)
            continue
        cut = counted.group(1)  # "the day", without "before"/"after"
        previous = timexes[index - 1] if index else None
        part = lexicon()["parts_of_day"].get(cut.split()[-1].lower())  # "the night": its part of the day
        suffix = "T" + part if part else ""
        if previous is not None and previous.granularity in DAY_GRANULARITIES and _APPOSITION.fullmatch(
            text, previous.end, timex.start
        ):
            # "Eight trading days after Oct. 12, the day before the plunge": the date written last, Oct. 12
            told = previous.anchor if previous.rule == "offset_from_date" else previous.value
            changes = {"value": told[:10] + suffix, "anchor": told, "basis": "relative_previous",
                       "rule": "day_apposition"}
        elif (dated := _event_day(text, timex, timexes[index + 1 : index + 2])) is not None:
            # "the day before agents raided the offices on March 12, 1997": a day from the event's own date
            day = dated + dt.timedelta(days=lookup("offset_directions", counted.group(2)))
            changes = {"value": day.isoformat() + suffix, "anchor": dated.isoformat(), "basis": "relative_previous",
                       "rule": DAY_OF_EVENT}
        else:  # neither the day before publication nor the day before the last date told: the event may be any
            changes = {"value": "XXXX-XX-XX" + suffix, "anchor": "", "basis": "unresolved", "rule": DAY_OF_EVENT}
        result.append(replace(timex, end=timex.start + len(cut), text=cut, **changes))
    return result


EVENT_DATE_REACH = 80  # characters from "the day before" to the date of its event, within one clause


def _event_day(text: str, timex: Timex, following: list[Timex]) -> dt.date | None:
    """The day of the event that "the day before ..." counts from, when its own clause dates it."""
    if not following or following[0].granularity not in DAY_GRANULARITIES:
        return None
    date = following[0]
    span = calendar_span(date.value)
    if span is None or date.start - timex.end > EVENT_DATE_REACH or _CLAUSE_END.search(text, timex.end, date.start):
        return None
    return span[0]


_CLAUSE_END = re.compile(r"[,;:.!?()]")


def _linked(text: str, timexes: list[Timex], rule: str) -> Iterator[int]:
    """The index of each expression of ``rule`` that a range link ("and", "to", a dash) joins to the next one of it."""
    for index in range(len(timexes) - 1):
        opening, closing = timexes[index], timexes[index + 1]
        if opening.rule == closing.rule == rule and phrase(_RANGE_LINK).fullmatch(text, opening.end, closing.start):
            yield index


def _month_ranges(text: str, timexes: list[Timex]) -> list[Timex]:
    """ "between March and May", "from October to December": two months without a year are one stretch, so the
    opening month takes the year of the closing one (the year before when it comes later in the calendar)."""
    result = list(timexes)
    for index in _linked(text, result, "month_bare"):
        opening, closing = result[index], result[index + 1]
        if opening.basis == "explicit" or not closing.value[:4].isdigit():
            continue
        year = int(closing.value[:4]) - (opening.value[5:7] > closing.value[5:7])
        result[index] = replace(opening, value=f"{year:04d}{opening.value[4:]}", anchor=closing.anchor)
    return result


_SEASON_ORDER = ("SP", "SU", "FA", "WI")


def _season_ranges(text: str, timexes: list[Timex]) -> list[Timex]:
    """ "in late summer and early fall", "from spring to autumn": two seasons without a year are one stretch, so the
    closing season is the first such season from the opening one on (the one the reader met first sets the year)."""
    result = list(timexes)
    for index in _linked(text, result, "season"):
        opening, closing = result[index], result[index + 1]
        first, last = opening.value[5:7], closing.value[5:7]
        if closing.basis == "explicit" or not opening.value[:4].isdigit() or not {first, last} <= set(_SEASON_ORDER):
            continue
        year = int(opening.value[:4]) + (_SEASON_ORDER.index(last) < _SEASON_ORDER.index(first))
        result[index + 1] = replace(closing, value=f"{year:04d}{closing.value[4:]}", anchor=opening.anchor)
    return result


_MONTH_DAY_RULES = frozenset({"date_day_month", "date_month_day", "date_ordinal_words", "date_ordinal_of"})
# Links that make two dates one stretch in calendar order ("24 February to 20 May"); "and" and "or" also join lists
# of dates in any order ("on 1 March and 2 February").
_ORDERED_LINK = r"\s*(?:-|–|—|%ordered_links)\s*"
# "will meet on Monday and Tuesday": days ahead listed in order, the second the first one after the first
_LIST_LINK = r"\s*(?:,\s*(?:%list_links\s+)?|%list_links\s+)(?:%day_prepositions\s+)?"


def _ordered_ranges(text: str, timexes: list[Timex]) -> list[Timex]:
    """ "from 24 February to 20 May", "from Friday to Tuesday", "on Monday and Tuesday": a closing day written without
    a year never comes before the opening one (the tense read "20 May" as last year's); it is the next such day after
    the opening. A closing clock earlier than the opening one on the same day is the next morning's ("from 10 p.m. to
    7 a.m.")."""
    result = list(timexes)
    for index in range(len(result) - 1):
        opening, closing = result[index], result[index + 1]
        first, last = _day_of(opening), _day_of(closing)
        if first is not None and first == last and _before_on_the_clock(closing, opening) and phrase(
            _ORDERED_LINK
        ).fullmatch(text, opening.end, closing.start):  # "from 10 p.m. to 7 a.m.": the morning after
            result[index + 1] = replace(closing, value=(last + dt.timedelta(days=1)).isoformat() + closing.value[10:])
            continue
        if closing.basis != "relative_publication" or closing.rule not in _MONTH_DAY_RULES | {"weekday"}:
            continue
        if first is None or last is None or last >= first:
            continue
        listed = (  # only ahead: past days are listed in any order ("statements made Friday and Thursday")
            opening.rule == closing.rule == "weekday"
            and opening.anchor[:10] < first.isoformat()
            and phrase(_LIST_LINK).fullmatch(text, opening.end, closing.start)
        )
        if not (listed or phrase(_ORDERED_LINK).fullmatch(text, opening.end, closing.start)):
            continue
        if closing.rule == "weekday":  # "from Friday to Tuesday": the Tuesday after that Friday
            later: dt.date | None = last + dt.timedelta(days=7 * -(-(first - last).days // 7))
        else:
            later = next((day for years in (1, 2) if (day := _same_day_in(last, last.year + years)) and day >= first),
                         None)  # fmt: skip
        if later is not None:
            result[index + 1] = replace(closing, value=later.isoformat() + closing.value[10:])
    return result


def _before_on_the_clock(closing: Timex, opening: Timex) -> bool:
    """Whether ``closing`` names an earlier time of day than ``opening`` (both clock times)."""
    ends, starts = clock_of(closing.value), clock_of(opening.value)
    return ends is not None and starts is not None and ends < starts


def _same_day_in(day: dt.date, year: int) -> dt.date | None:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February
        return None


def _day_of(timex: Timex) -> dt.date | None:
    """The day a DATE/TIME names, when it names one."""
    if timex.type not in ("DATE", "TIME") or timex.value[:4] == "XXXX":
        return None
    span = calendar_span(timex.value)
    return span[0] if span is not None and span[2] in DAY_GRANULARITIES else None


_UNIVERSAL = r"\b%universal_zones\b"


def names_its_day(text: str, clock_end: int, following: Candidate) -> bool:
    """ "at 4:17 a.m. (0117 GMT) Monday": a clock time followed by the day it is on (a weekday, a date)."""
    draft = following.draft
    day_word = draft.kind == "shift" and draft.unit == "day" and not text[following.start].isupper() and (
        draft.relative_to == "publication" or not text[clock_end : following.start].strip()
    )  # "yesterday"; "the next day" right after it (not "at 5 p.m., the night before the invasion": an apposition;
    # not "arrived at 9:30 a.m. The next afternoon, ...": a new sentence)
    names_day = draft.weekday is not None or draft.day is not None or day_word
    return names_day and phrase(_CLOCK_TO_DAY, 0).fullmatch(text, clock_end, following.start) is not None


def _clock_days(text: str, timexes: list[Timex], dayless: set[int]) -> list[Timex]:
    """ "at 10:35 a.m. (0735 GMT) Friday", "at 4 in the morning (4 a.m. Thursday)", "at 10:00 Moscow time (07:00
    GMT) on Saturday": a clock time that names no day takes the day written right after it, past a zone and a
    parenthesis, when that is a day of its own or a clock that took one, or the day of a second clock it is paired
    with ("at 2:03 a.m. and 7:04 p.m. on Monday"); else the day written right before it ("Thursday 24 February
    2022, 05:00", "on 24 February at 05:00")."""
    result = list(timexes)
    for index in sorted(dayless, reverse=True):  # the last clock first: an earlier one may take its day
        timex = timexes[index]
        following = result[index + 1] if index + 1 < len(result) else None
        if following is not None and index + 1 in dayless and following.basis != "relative_previous":
            following = None  # a clock still dated by publication alone names no day
        elif (
            following is not None and "(" in text[timex.end : following.start]
            and phrase(_UNIVERSAL).search(following.text)
        ):
            following = None  # "8 p.m. local time (0100 GMT Wednesday)": universal time may fall on another day
        preceding = timexes[index - 1] if index else None
        day = None
        if following is not None and phrase(_CLOCK_TO_DAY, 0).fullmatch(text, timex.end, following.start):
            day = _day_of(following)
        elif (  # "at 2:03 a.m. and 7:04 p.m. on Monday", "opened at 7 a.m. and closed at 10 p.m. Thursday"
            following is not None and following.type == "TIME"
            and (index + 1 not in dayless or following.basis == "relative_previous")
            and phrase(_CLOCK_PAIR).fullmatch(text, timex.end, following.start)
        ):  # fmt: skip
            day = _day_of(following)
            if day is not None and timex.value[10:16] > following.value[10:16]:
                day -= dt.timedelta(days=1)  # "from 9pm until 4am last night": the evening before the small hours
        if day is None and preceding is not None and phrase(_DAY_TO_CLOCK).fullmatch(text, preceding.end, timex.start):
            day = _day_of(preceding)
        if day is not None:
            result[index] = replace(timex, value=day.isoformat() + timex.value[10:], anchor=day.isoformat(),
                                    basis="relative_previous")  # fmt: skip
    return result


_CLOCK_TO_DAY = r"(?:\s+[A-Za-z]+\s+%zone_words\b)?\s*(?:\([^()\n]{1,30}\)\s*|\(|\)\s*)?,?\s*(?:%day_prepositions\s+)?"


# A clock joined to a second one that names its day: "and", "to", a dash, "until", and up to two words ("and closed at")
_CLOCK_PAIR = r"\s*(?:%clock_pair_links|-|–)\s+(?:[a-z]+\s+){0,2}?(?:%clock_links\s+)?"

_DAY_TO_CLOCK = r"\s*,?\s*(?:%clock_links\s+)?"


_WEEK_OF = r"\b%week_of_phrases\s+$"


_HOLIDAY_WEEK = r"\s+%holiday_week_words\b"
_WEEKEND_OF = r"\s+%weekend_of_words\s+"


def _weeks_of(text: str, timexes: list[Timex]) -> list[Timex]:
    """ "the week of March 6", "Easter week": a week, the one that contains the day; "the weekend of March 13": the
    weekend of that day's week."""
    result: list[Timex] = []
    for timex in timexes:
        if result and result[-1].rule == "weekend" and phrase(_WEEKEND_OF).fullmatch(text, result[-1].end, timex.start):
            span = calendar_span(timex.value) if timex.type == "DATE" else None
            if span is not None and span[2] == "day":
                start = result[-1].start
                result[-1] = replace(timex, start=start, text=text[start : timex.end],
                                     value=format_date(span[0], "weekend"), granularity="week", rule="week_of")
                continue
        before = phrase(_WEEK_OF).search(text, max(0, timex.start - 20), timex.start) if timex.type == "DATE" else None
        after = phrase(_HOLIDAY_WEEK).match(text, timex.end) if timex.rule == "holiday" else None
        span = calendar_span(timex.value) if before or after else None
        if span is not None and span[2] == "day":
            start, end = (before.start() if before else timex.start), (after.end() if after else timex.end)
            if before or after:
                timex = replace(timex, start=start, end=end, text=text[start:end], value=format_date(span[0], "week"),
                                granularity="week", rule="week_of")
        result.append(timex)
    return result
