"""Publication date inferred from an article's own words, for articles with no date line (the last resort).

Evidence, strongest first: a weekday written with its date ("Thursday, 10 February") is true in only a few years;
explicit full dates; the years the text mentions (the article is no older than the latest of them); and the tense of
clauses around dated and bare-weekday expressions ("arrived on Wednesday" is before publication, "are set to begin
on Thursday" after). No evidence -> None: a publication date is never guessed from nothing.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass

from timeline.temporal.matching import Candidate, candidates, select
from timeline.temporal.model import Draft
from timeline.temporal.resolve import resolve_weekday
from timeline.temporal.tagger import TENSE_WINDOW
from timeline.temporal.tense import sentence_spans, tense_near

EARLIEST_YEAR = 1990
SEARCH_DAYS = 7  # a bare weekday in news points within a week of publication


@dataclass(frozen=True)
class InferredDate:
    """An inferred publication date and, in words, the evidence that placed it there."""

    date: dt.date
    evidence: str


@dataclass(frozen=True)
class _Dated:
    text: str
    day: dt.date
    tense: str | None


def _tense_of(text: str, spans: list[tuple[int, int]], starts: list[int], candidate: Candidate) -> str | None:
    start, end = spans[bisect.bisect_right(starts, candidate.start) - 1]
    start, end = max(start, candidate.start - TENSE_WINDOW), min(end, candidate.end + TENSE_WINDOW)
    return tense_near(text[start:end], candidate.start - start, candidate.end - start)


def _pair_years(draft: Draft, first: int, last: int) -> list[int]:
    """Years in [first, last] where the draft's day and month fall on its weekday."""
    years = []
    for year in range(first, last + 1):
        try:
            if dt.date(year, draft.month, draft.day).isoweekday() == draft.weekday:  # type: ignore[arg-type]
                years.append(year)
        except ValueError:
            continue
    return years


def infer_publication_date(text: str, *, today: dt.date | None = None) -> InferredDate | None:
    """The publication date the text itself implies, or None without real evidence."""
    today = today or dt.date.today()
    chosen = select(candidates(text))
    spans = sentence_spans(text)
    starts = [start for start, _ in spans]
    pairs, full, bare, years = [], [], [], []
    for candidate in chosen:
        draft = candidate.draft
        if draft.kind == "calendar" and draft.weekday is not None and draft.month and draft.day and draft.year is None:
            pairs.append(candidate)
        elif draft.kind == "calendar" and draft.year and draft.month and draft.day:
            full.append(candidate)
        elif draft.kind == "calendar" and draft.weekday is not None and draft.month is None:
            bare.append(candidate)
        if draft.year:
            years.append(draft.year)
        elif draft.kind == "fixed" and draft.value.isdigit() and len(draft.value) == 4:
            years.append(int(draft.value))
    plausible_years = [year for year in years if EARLIEST_YEAR <= year <= today.year]
    notes: list[str] = []
    dated: list[_Dated] = []
    if pairs:
        common: set[int] | None = None
        for candidate in pairs:
            fits = set(_pair_years(candidate.draft, EARLIEST_YEAR, today.year))
            common = fits if common is None else common & fits
        if not common:
            return None
        floor = max(plausible_years, default=EARLIEST_YEAR)
        year = max((y for y in common if y >= floor), default=max(common))
        label = ", ".join(dict.fromkeys(f"'{text[c.start:c.end]}'" for c in pairs[:3]))
        notes.append(
            f"{label} names a weekday with its date; {year} is the most recent year in {EARLIEST_YEAR}-{today.year} "
            f"where they agree"
        )
        for candidate in pairs:
            day = dt.date(year, candidate.draft.month, candidate.draft.day)  # type: ignore[arg-type]
            dated.append(_Dated(text[candidate.start : candidate.end], day, _tense_of(text, spans, starts, candidate)))
    for candidate in full:
        draft = candidate.draft
        try:
            day = dt.date(draft.year, draft.month, draft.day)  # type: ignore[arg-type]
        except ValueError:
            continue
        if day.year >= EARLIEST_YEAR and day <= today:
            dated.append(_Dated(text[candidate.start : candidate.end], day, _tense_of(text, spans, starts, candidate)))
    if not dated:
        return None
    return _place(text, dated, bare, spans, starts, notes)


def _place(
    text: str,
    dated: list[_Dated],
    bare: list[Candidate],
    spans: list[tuple[int, int]],
    starts: list[int],
    notes: list[str],
) -> InferredDate | None:
    """The day nearest to all dated mentions that breaks no tense constraint (past: before, future: after)."""
    lowest = min(d.day for d in dated) - dt.timedelta(days=SEARCH_DAYS)
    highest = max(d.day for d in dated) + dt.timedelta(days=SEARCH_DAYS)
    weekdays = [(c.draft.weekday, _tense_of(text, spans, starts, c), text[c.start : c.end]) for c in bare]
    best: tuple[int, dt.date] | None = None
    day = lowest
    while day <= highest:
        consistent = all(
            not (d.tense == "past" and d.day > day) and not (d.tense == "future" and d.day < day) for d in dated
        )
        if consistent:
            cost = sum(abs((d.day - day).days) for d in dated)
            cost += sum(abs((resolve_weekday(w, day, None, t) - day).days) for w, t, _ in weekdays)  # type: ignore[arg-type]
            if best is None or cost <= best[0]:  # ties go to the later day: news reports what already happened
                best = (cost, day)
        day += dt.timedelta(days=1)
    if best is None:
        return None
    chosen = best[1]
    for mention in dated:
        if mention.tense in ("past", "future"):
            side = "on or after" if mention.tense == "past" else "on or before"
            notes.append(f"{mention.tense} '{mention.text}' ({mention.day}) puts publication {side} it")
    for weekday, tense, words in weekdays:
        if tense in ("past", "future"):
            notes.append(f"{tense} '{words}' reads as {resolve_weekday(weekday, chosen, None, tense)}")  # type: ignore[arg-type]
    notes.append(f"{chosen} is the day closest to all of them")
    return InferredDate(chosen, "; ".join(dict.fromkeys(notes)))
