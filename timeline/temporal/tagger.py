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
from collections.abc import Iterable
from dataclasses import dataclass, replace

from timeline.temporal.calendar import calendar_span, value_granularity
from timeline.temporal.guards import GUARDS, context_words, word_before
from timeline.temporal.lexicon import alternation, lexicon, lookup
from timeline.temporal.model import Draft, Timex
from timeline.temporal.normalize import NORMALIZERS
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


def candidates(text: str, dayfirst: bool = True) -> list[Candidate]:
    """Every guarded, normalizable rule match in ``text`` (overlapping ones included)."""
    found = []
    folded = fold(text)
    windows: dict[str, list[tuple[int, int]]] = {}
    for order, rule in enumerate(rules()):
        guard = GUARDS.get(rule.guard) if rule.guard else None
        normalizer = NORMALIZERS[rule.norm]
        if rule.anchor is None:
            matches: Iterable[re.Match[str]] = rule.regex.finditer(folded)
        else:
            if rule.anchor.pattern not in windows:
                windows[rule.anchor.pattern] = anchor_windows(rule.anchor, folded)
            pieces = windows[rule.anchor.pattern]
            matches = (m for start, end in pieces for m in rule.regex.finditer(folded, start, end))
        for match in matches:
            if guard is not None and not guard(text, match):
                continue
            groups = {name: value for name, value in match.groupdict().items() if value}
            draft = normalizer(groups, match.group(), dayfirst)
            if draft is None:
                continue
            start, end = match.start(), _trim(text, match.start(), match.end())
            found.append(Candidate(start, end, order, rule, draft))
    return found


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


def _fill_ranges(chosen: list[Candidate]) -> list[Candidate]:
    """ "10-20 February": the first day takes the month and year of the date closing the range."""
    filled = list(chosen)
    for index, candidate in enumerate(filled):
        if candidate.draft.period != "range":
            continue
        closing = filled[index + 1].draft if index + 1 < len(filled) else None
        if closing is None or closing.month is None:
            filled[index] = replace(candidate, draft=replace(candidate.draft, period="", month=None))
            continue
        draft = replace(candidate.draft, period="", month=closing.month, year=closing.year)
        filled[index] = replace(candidate, draft=draft)
    return filled


@functools.cache
def _span_mod() -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?P<mod>" + alternation(lexicon()["span_mods"]) + r")[\s-]+$", re.IGNORECASE)


def _with_mods(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """Let "early", "mid-", "the end of" before a calendar date join its span and set its mod (TimeML does)."""
    result = []
    previous_end = 0
    for candidate in chosen:
        draft = candidate.draft
        if draft.type != "SET" and not draft.value.endswith("_REF") and not draft.mod:
            window_start = max(previous_end, candidate.start - 24)
            match = _span_mod().search(text, window_start, candidate.start)
            if match:
                mod = lookup("mods", match.group("mod"))
                candidate = replace(candidate, start=match.start(), draft=replace(draft, mod=mod))
        result.append(candidate)
        previous_end = candidate.end
    return result


def _reads_as_past(text: str, candidate: Candidate) -> bool:
    """ "Tuesday's declaration", "since Tuesday": a bare weekday that can only be behind us."""
    if text.startswith(("'s", "’s"), candidate.end):
        return True
    return word_before(text, candidate.start) in context_words()["past_weekday_before"]


def tag(text: str, dct: str | dt.date | None, *, dayfirst: bool = True) -> list[Timex]:
    """Temporal expressions of ``text`` with TIMEX3 values resolved against publication date ``dct``.

    With ``dct=None`` relative expressions keep X-filled values ("XXXX-02-10") and basis "unresolved".
    ``dayfirst`` reads 10/02/2022 as 10 February (False: as October 2).
    """
    publication = parse_dct(dct)
    chosen = _with_mods(text, _fill_ranges(select(candidates(text, dayfirst))))
    spans = sentence_spans(text)
    sentence_starts = [start for start, _ in spans]
    previous: Mention | None = None
    cues_by_sentence: dict[tuple[int, int], list] = {}
    result = []
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
        tense = tense_among(cues_by_sentence[key], candidate.start - sentence_start, candidate.end - sentence_start)
        if draft.weekday is not None and draft.month is None and _reads_as_past(text, candidate):
            tense = "past"
        resolved = resolve(draft, publication, previous, tense)
        granularity = resolved.granularity
        if draft.type in ("DATE", "TIME"):
            granularity = value_granularity(resolved.value)
            if granularity == "unknown" and draft.granularity != "unknown":
                granularity = draft.granularity
            span = calendar_span(resolved.value)
            if span is not None and resolved.basis != "relative_previous":
                previous = Mention(span[0], span[2])
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
    return result
