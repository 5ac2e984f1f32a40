"""``tag()``: find every temporal expression in a text and give it a TIMEX3 value.

Pass 1 runs each compiled rule over the raw text (offsets always index the caller's text), keeps the matches
its guard accepts, normalizes them to ``Draft``s and keeps the longest non-overlapping ones. Pass 2 resolves
each draft in text order against the publication date, the last date mentioned, and the clause's tense.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from timeline.temporal.calendar import (
    GRANULARITY_ORDER,
    PART_MODS,
    calendar_span,
    format_date,
    shift,
    value_granularity,
)
from timeline.temporal.guards import GUARDS, context_words, word_before
from timeline.temporal.lexicon import alternation, lexicon, lookup
from timeline.temporal.model import Draft, Timex
from timeline.temporal.normalize import DAYLESS, NORMALIZERS, PAST_ONLY
from timeline.temporal.resolve import Mention, resolve
from timeline.temporal.rules import Rule, anchor_windows, fold, rules
from timeline.temporal.tense import graded_cues, sentence_spans, tense_among


class InvalidPublicationDate(ValueError):
    """The publication date given to ``tag()`` is not a date; pass an ISO date such as "2022-02-10" or None."""


TENSE_WINDOW = 200  # characters either side of an expression searched for tense cues


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    order: int
    rule: Rule
    draft: Draft


def parse_dct(dct: str | dt.date | None) -> dt.date | None:
    """The publication date as a ``date`` (a datetime is cut to its day)."""
    if dct is None or dct == "":
        return None
    if isinstance(dct, dt.datetime):
        return dct.date()
    if isinstance(dct, dt.date):
        return dct
    try:
        return dt.date.fromisoformat(str(dct).strip()[:10])
    except ValueError as exc:
        raise InvalidPublicationDate(
            f"publication date {dct!r} is not an ISO date; pass it as YYYY-MM-DD (or None to leave relative dates "
            "unresolved)"
        ) from exc


def _trim(text: str, start: int, end: int) -> int:
    """Drop a sentence-final period from a span unless it closes an abbreviation ("Feb.", "p.m.")."""
    if end - start > 1 and text[end - 1] == ".":
        word_start = end - 1
        while word_start > start and text[word_start - 1].isalpha():
            word_start -= 1
        if end - 1 - word_start > 4:
            return end - 1
    return end


# "the eight-year war": the article belongs to the noun the compound adjective describes, not to the duration
_ARTICLE_BEFORE_COMPOUND = re.compile(r"(?:the|an?)\s+(?=[\w.]+-[a-z]+$)", re.IGNORECASE)


def candidates(text: str, dayfirst: bool = True) -> list[Candidate]:
    """Every guarded, normalizable rule match in ``text`` (overlapping ones included)."""
    found = []
    folded = fold(text)
    windows: dict[str, list[tuple[int, int]]] = {}
    for order, rule in enumerate(rules()):
        if rule.anchor is None:
            pieces = [(0, len(folded))]
        else:
            if rule.anchor.pattern not in windows:
                windows[rule.anchor.pattern] = anchor_windows(rule.anchor, folded)
            pieces = windows[rule.anchor.pattern]
        for window_start, window_end in pieces:
            for match, draft in _accepted(text, folded, rule, window_start, window_end, dayfirst):
                start, end = match.start(), _trim(text, match.start(), match.end())
                if draft.type == "DURATION":
                    compound = _ARTICLE_BEFORE_COMPOUND.match(text, start, end)
                    start = compound.end() if compound else start
                found.append(Candidate(start, end, order, rule, draft))
    return found


def _accepted(
    text: str, folded: str, rule: Rule, start: int, end: int, dayfirst: bool
) -> Iterator[tuple[re.Match[str], Draft]]:
    """The matches of ``rule`` in ``folded[start:end]`` that its guard and normalizer accept, with their drafts.

    After a refused match the search goes on from the next character, not from the match's end: "on Thursday.
    10 February" is refused as one date (a sentence ends inside it), and "10 February" is still found.
    """
    guard = GUARDS.get(rule.guard) if rule.guard else None
    normalizer = NORMALIZERS[rule.norm]
    position = start
    while (match := rule.regex.search(folded, position, end)) is not None:
        draft = None
        if guard is None or guard(text, match):
            groups = {name: value for name, value in match.groupdict().items() if value}
            draft = normalizer(groups, match.group(), dayfirst)
        if draft is None:
            position = match.start() + 1
            continue
        yield match, draft
        position = max(match.end(), match.start() + 1)


def select(found: list[Candidate]) -> list[Candidate]:
    """Longest matches first, earlier rules on ties; none overlapping; returned in text order."""
    starts: list[int] = []
    chosen: list[Candidate] = []
    for candidate in sorted(found, key=lambda c: (c.start - c.end, c.order, c.start)):
        index = bisect.bisect_left(starts, candidate.start)
        if index > 0 and chosen[index - 1].end > candidate.start:
            continue
        if index < len(chosen) and chosen[index].start < candidate.end:
            continue
        starts.insert(index, candidate.start)
        chosen.insert(index, candidate)
    return chosen


_RANGE_LINK = re.compile(r"\s*(?:-|–|—|to|and|or|until|till|through)\s*", re.IGNORECASE)


def _fill_ranges(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """ "10-20 February": the first day takes the month and year of the date closing the range; "between March and
    May 2021", "from 30 November to 1 December 2021": the opening date without a year takes the closing one's."""
    filled = list(chosen)
    for index, candidate in enumerate(filled):
        if candidate.draft.period != "range":
            closing = filled[index + 1] if index + 1 < len(filled) else None
            draft = candidate.draft
            if (
                closing is not None
                and draft.kind == "calendar" and draft.month is not None and draft.year is None and draft.cue is None
                and closing.draft.kind == "calendar" and closing.draft.month is not None
                and closing.draft.year is not None and closing.draft.month >= draft.month
                and _RANGE_LINK.fullmatch(text, candidate.end, closing.start)
            ):
                filled[index] = replace(candidate, draft=replace(draft, year=closing.draft.year))
            continue
        closing = filled[index + 1].draft if index + 1 < len(filled) else None
        if closing is None or closing.month is None:
            filled[index] = replace(candidate, draft=replace(candidate.draft, period="", month=None))
            continue
        draft = replace(candidate.draft, period="", month=closing.month, year=closing.year)
        filled[index] = replace(candidate, draft=draft)
    return filled


_SECOND_DAY = re.compile(
    r"\s*(?:-|–|or|and|to|until|till|through)\s*(\d{1,2})(?:st|nd|rd|th)?\b(?![,.:/]?\d|\s*%|\s+[a-z])"
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
        match = _SECOND_DAY.match(text, candidate.end)
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
            if match and text.startswith(("'s", "’s"), candidate.end) and _is_approximator(match.group("mod")):
                match = None  # "get around Wednesday's ruling": the word belongs to the noun phrase, not the date
            if match:
                mod = lookup("mods", match.group("mod"))
                joins = _joins_span(match.group("mod")) or candidate.rule.name == "shift_ago"
                start = match.start() if joins else candidate.start
                candidate = replace(candidate, start=start, draft=replace(draft, mod=mod))
        if match is None and _joins_earlier(draft, candidate.rule.name):
            match = _earlier_later().search(text, max(previous_end, candidate.start - 12), candidate.start)
            if match:
                candidate = replace(candidate, start=match.start())
        result.append(candidate)
        previous_end = candidate.end
    return result


def _is_approximator(word: str) -> bool:
    """ "around", "about", "nearly", "more than": a mod of amount, not an edge of a period (early, late, mid)."""
    return lookup("mods", word) not in PART_MODS


def _joins_span(word: str) -> bool:
    return " ".join(word.lower().split()) not in lexicon()["outside_mods"]


def _joins_earlier(draft: Draft, rule: str) -> bool:
    """ "earlier this year", "later today": one expression (TimeML spans include the word), value unchanged.
    Weeks and weekdays are left out: "earlier this week" reads as often as a clause adverb before the date."""
    return (rule == "shift_cue_unit" and draft.unit in ("year", "month")) or rule in ("day_word", "last_night")


@functools.cache
def _earlier_later() -> re.Pattern[str]:
    words = alternation(sorted(context_words()["joins_period_after"]))
    return re.compile(r"(?<![\w-])" + words + r"\s+$", re.IGNORECASE)


def _reads_as_past(text: str, candidate: Candidate) -> bool:
    """ "Tuesday's declaration", "since Tuesday": a bare weekday that can only be behind us."""
    if text.startswith(("'s", "’s"), candidate.end):
        return True
    return word_before(text, candidate.start) in context_words()["past_weekday_before"]


def _can_be_referred_to(text: str, candidate: Candidate, basis: str, value: str) -> bool:
    """Whether later words ("that day", "the following week") may take this date as their anchor.

    Not dates that were themselves anchored on a previous one (errors would chain), nor the baseline of a comparison
    ("up from $5 a year ago": the topic is still the current period), not deadlines ("until 30
    September 2023" is no event), not nights (a night spans two days: "overnight ... in the morning").
    """
    if basis == "relative_previous" or value.endswith("TNI"):
        return False
    return word_before(text, candidate.start) not in context_words()["not_anchor_after"]


# How far back (characters, a few paragraphs) a quarter stays the topic that "a year ago" and "the 1988 period"
# compare with, even when other dates were mentioned since; and the Draft.period of such comparison phrases.
QUARTER_TOPIC_CHARS = 1000
_QUARTER_TOPIC = frozenset({"same", "compare"})
_COUNTED = re.compile(r"^P(\d+)([DWMY])$")
_COUNTED_UNITS = {"D": "day", "W": "week", "M": "month", "Y": "year"}
_AFTER_BEFORE = re.compile(r"\s+(after|before)\s+", re.IGNORECASE)


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


_DAY_BEFORE = re.compile(r"the\s+day\s+(before|after)", re.IGNORECASE)


def _offset(text: str, duration: Timex, date: Timex) -> Timex | None:
    if date.type != "DATE" or date.start - duration.end > 8 or duration.type not in ("DURATION", "DATE"):
        return None  # cheap checks first: this runs for every pair of neighbours
    span = calendar_span(date.value)
    day_before = _DAY_BEFORE.fullmatch(duration.text)
    if day_before and span is not None and span[2] == "day" and not text[duration.end : date.start].strip():
        # "the day before last Tuesday's hearing": one day from that date
        direction, steps, unit = day_before.group(1).lower(), 1, "day"
    else:
        count = _COUNTED.match(duration.value)
        link = _AFTER_BEFORE.fullmatch(text, duration.end, date.start)
        if duration.type != "DURATION" or count is None or link is None or span is None:
            return None
        direction, steps, unit = link.group(1).lower(), int(count.group(1)), _COUNTED_UNITS[count.group(2)]
    granularity = span[2]
    if granularity != "day" and GRANULARITY_ORDER.index(unit) < GRANULARITY_ORDER.index(granularity):
        return None  # "two days after February": no single date
    sign = 1 if direction == "after" else -1
    value = format_date(shift(span[0], unit, sign * steps), granularity)
    return Timex(
        start=duration.start, end=date.end, text=text[duration.start : date.end], type="DATE", value=value,
        granularity=granularity, anchor=span[0].isoformat(), rule="offset_from_date",
        basis="relative_previous", mod="", tense=date.tense,
    )


def tag(text: str, dct: str | dt.date | None, *, dayfirst: bool = True) -> list[Timex]:
    """Temporal expressions of ``text`` with TIMEX3 values resolved against publication date ``dct``.

    With ``dct=None`` relative expressions keep X-filled values ("XXXX-02-10") and basis "unresolved".
    ``dayfirst`` reads 10/02/2022 as 10 February (False: as October 2).
    """
    publication = parse_dct(dct)
    chosen = _with_mods(text, _fill_ranges(text, _second_days(text, select(candidates(text, dayfirst)))))
    chosen = _quarters_ended(text, chosen)
    spans = sentence_spans(text)
    sentence_starts = [start for start, _ in spans]
    previous: Mention | None = None
    last_quarter: Mention | None = None
    last_quarter_end = 0
    cues_by_sentence: dict[tuple[int, int], list] = {}
    result = []
    dayless: set[int] = set()  # indices in result of clock times still dated by publication alone
    for candidate in chosen:
        draft = candidate.draft
        sentence_start, sentence_end = spans[bisect.bisect_right(sentence_starts, candidate.start) - 1]
        if sentence_end - sentence_start > 2 * TENSE_WINDOW:
            # a clause is short: clipping keeps one endless "sentence" (hostile input) from making this quadratic
            sentence_start = max(sentence_start, candidate.start - TENSE_WINDOW)
            sentence_end = min(sentence_end, candidate.end + TENSE_WINDOW)
        key = (sentence_start, sentence_end)
        if key not in cues_by_sentence:
            cues_by_sentence[key] = graded_cues(text[sentence_start:sentence_end])
        tense = tense_among(cues_by_sentence[key], candidate.start - sentence_start, candidate.end - sentence_start,
                            text[sentence_start:sentence_end])
        if draft.weekday is not None and draft.month is None and _reads_as_past(text, candidate):
            tense = "past"
        elif draft.kind == "calendar" and draft.year is None and word_before(text, candidate.start) == "since":
            # "since November", "since Christmas": the last one that began before publication, whatever the tense
            tense, draft = "past", replace(draft, cue=-1)
        if draft.period == PAST_ONLY:
            if tense != "past":
                continue
            draft = replace(draft, period="")
        if draft.period == DAYLESS and tense == "past" and previous is not None and previous.granularity in _DAYS:
            draft = replace(draft, relative_to="previous")  # "was shot at 10 p.m.": on the day just told of
        elif draft.period == DAYLESS:
            dayless.add(len(result))
        anchor_mention = previous
        if (
            draft.period in _QUARTER_TOPIC
            and last_quarter is not None
            and candidate.start - last_quarter_end <= QUARTER_TOPIC_CHARS
            and (previous is None or previous.granularity != "quarter")
        ):
            anchor_mention = last_quarter  # "the 1988 period": the quarter under discussion, even a few dates back
        resolved = resolve(draft, publication, anchor_mention, tense)
        granularity = resolved.granularity
        if draft.type in ("DATE", "TIME"):
            granularity = value_granularity(resolved.value)
            if granularity == "unknown" and draft.granularity != "unknown":
                granularity = draft.granularity
            span = calendar_span(resolved.value)
            if span is not None and draft.period != "compare" and _can_be_referred_to(
                text, candidate, resolved.basis, resolved.value
            ):
                previous = Mention(span[0], span[2])
                if span[2] == "quarter":
                    last_quarter, last_quarter_end = previous, candidate.end
        result.append(
            Timex(
                start=candidate.start,
                end=candidate.end,
                text=text[candidate.start : candidate.end],
                type=draft.type,
                value=resolved.value,
                granularity=granularity,
                anchor=resolved.anchor,
                rule=candidate.rule.name,
                basis=resolved.basis,
                mod=draft.mod,
                tense=tense or "",
            )
        )
    return _weeks_of(text, _offsets_from_dates(text, _month_ranges(text, _clock_days(text, result, dayless))))


def _month_ranges(text: str, timexes: list[Timex]) -> list[Timex]:
    """ "between March and May", "from October to December": two months without a year are one stretch, so the
    opening month takes the year of the closing one (the year before when it comes later in the calendar)."""
    result = list(timexes)
    for index in range(len(result) - 1):
        opening, closing = result[index], result[index + 1]
        if opening.rule != "month_bare" or closing.rule != "month_bare" or opening.basis == "explicit":
            continue
        if not _RANGE_LINK.fullmatch(text, opening.end, closing.start) or not closing.value[:4].isdigit():
            continue
        year = int(closing.value[:4]) - (opening.value[5:7] > closing.value[5:7])
        result[index] = replace(opening, value=f"{year:04d}{opening.value[4:]}", anchor=closing.anchor)
    return result


_DAYS = frozenset({"day", "time"})
_CLOCK_TO_DAY = re.compile(r"\s*(?:\([^()\n]{1,30}\)\s*|\()?,?\s*(?:on\s+)?")


def _clock_days(text: str, timexes: list[Timex], dayless: set[int]) -> list[Timex]:
    """ "at 10:35 a.m. (0735 GMT) Friday", "at 4 in the morning (4 a.m. Thursday)": a clock time that names no
    day takes the day written right after it, past a parenthesis, when that is a day of its own."""
    result = list(timexes)
    for index in sorted(dayless):
        if index + 1 >= len(timexes):
            continue
        timex, following = timexes[index], timexes[index + 1]
        if following.type not in ("DATE", "TIME") or following.value[:4] == "XXXX":
            continue
        span = calendar_span(following.value)
        if span is None or span[2] not in _DAYS or not _CLOCK_TO_DAY.fullmatch(text, timex.end, following.start):
            continue
        result[index] = replace(timex, value=span[0].isoformat() + timex.value[10:], anchor=span[0].isoformat(),
                                basis="relative_previous")
    return result


_ENDED = re.compile(r"\s+(?:ended|ending)\s+(?:on\s+)?", re.IGNORECASE)
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
        if not _ENDED.fullmatch(text, candidate.end, chosen[index + 1].start):
            continue
        middle = (closing.month - 2) if closing.day >= 15 else (closing.month - 3)  # the month 45 days before
        number = (middle - 1) % 12 // 3 + 1
        year_shift = -1 if middle < 1 else 0
        year = closing.year + year_shift if closing.year is not None else None
        draft = Draft("calendar", year=year, period=f"Q{number}", granularity="quarter")
        result[index] = replace(candidate, draft=draft)
    return result


_WEEK_OF = re.compile(r"\bthe\s+week\s+of\s+$", re.IGNORECASE)


_HOLIDAY_WEEK = re.compile(r"\s+week\b", re.IGNORECASE)


def _weeks_of(text: str, timexes: list[Timex]) -> list[Timex]:
    """ "the week of March 6", "Easter week": a week, the one that contains the day."""
    result = []
    for timex in timexes:
        before = _WEEK_OF.search(text, max(0, timex.start - 20), timex.start) if timex.type == "DATE" else None
        after = _HOLIDAY_WEEK.match(text, timex.end) if timex.rule == "holiday" else None
        span = calendar_span(timex.value) if before or after else None
        if span is not None and span[2] == "day":
            start, end = (before.start() if before else timex.start), (after.end() if after else timex.end)
            if before or after:
                timex = replace(timex, start=start, end=end, text=text[start:end], value=format_date(span[0], "week"),
                                granularity="week", rule="week_of")
        result.append(timex)
    return result
