"""Which date governs a clause, and what calendar span it covers.

Three steps, each a small pure function:

1. :func:`find_anchors` turns a sentence's timexes into *anchors*, the expressions that can date
   an event: a DATE/TIME with a calendar span, a range ("from 10 to 20 February", "between March
   and May"), or a date with a duration ("10 days ... starting Thursday 10 February"). Durations
   alone, sets, vague references ("recently") and attributive years ("the 1991 agreement", which
   date a noun, not the clause's event) are not anchors.
2. The segmenter (:mod:`timeline.events.segment`) gives each anchor its clause.
3. A clause with no anchor of its own is dated by :func:`fallback_date`: narrative continuation
   of the previous dated clause when the narrative clearly continues, else the publication date
   (``date_basis`` says which), depending on the setting.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

import yaml
from dateutil.relativedelta import relativedelta

from timeline.events import status
from timeline.temporal import Timex, calendar_span
from timeline.temporal.tense import tense_cues

_ORDER = ("day", "week", "month", "quarter", "season", "half", "year", "decade", "century", "unknown")
_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to|until|till|through|thru|and)\s*", re.IGNORECASE)
_LIST_JOIN = re.compile(r"\s*(?:,|,?\s*(?:and|or))\s*", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_DURATION = re.compile(r"^P(\d+)([DWMY])$")
_DURATION_UNITS = {"D": "days", "W": "weeks", "M": "months", "Y": "years"}
_BACKWARD_DURATION = re.compile(r"\b(?:past|last|previous|preceding|over|for)\s+(?:the\s+)?$", re.IGNORECASE)
_STRONG_BREAK = re.compile(r";|,\s+(?:and|but|while|whereas)\b", re.IGNORECASE)
_YEARISH = re.compile(r"^(?:\d{4}|[A-Z][a-z]+ \d{4})$")


@dataclass(frozen=True)
class Anchor:
    """A date that can govern a clause: offsets in the article, calendar span, and how it was found."""

    start: int
    end: int
    text: str
    timex: Timex
    first: dt.date
    last: dt.date
    precision: str
    value: str
    basis: str


@dataclass(frozen=True)
class DatedClause:
    """The date given to one clause, remembered so the next sentence may continue it."""

    first: dt.date | None
    last: dt.date | None
    precision: str
    basis: str
    tense: str | None = None


@cache
def _lexicon() -> dict:
    text = resources.files("timeline").joinpath("resources", "events", "continuation.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


@cache
def _attributive() -> re.Pattern[str]:
    dets = _lexicon()["attributive_determiners"]
    words = "|".join(re.escape(d) for d in dets if d[0].isalpha())
    clitics = "|".join(re.escape(d) for d in dets if not d[0].isalpha())
    return re.compile(rf"(?:(?:^|\s)(?:{words})|(?:{clitics}))\s+$", re.IGNORECASE)


@cache
def _appositive() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in _lexicon()["irregular_participles"] if not w.endswith("ed"))
    return re.compile(
        rf",\s+(?:[a-z]+ly\s+)?(?:[a-z]+ed|{words})\s+(?:by|in|on|at|from|as|to|for|with|during|after)\b[^,;]*,"
    )


def clause_tense(clause_text: str, present_refs: Sequence[int] = ()) -> str | None:
    """The clause's tense: "past", "present", "perfect", "future" or None, from its first tense cue.

    Descriptive participle phrases between commas ("Belarus, led by Lukashenko, is ...") are
    skipped. ``present_refs`` are offsets (in the clause) of vague present references
    ("currently", "now"), which count as present cues where they stand. A present "has"/"have"
    opening a perfect ("has ordered") gives "perfect": a completed event with present relevance.
    """
    masked = _appositive().sub(lambda m: " " * len(m.group()), clause_text)
    cues = [(start, kind) for start, _end, kind in tense_cues(masked)]
    cues += [(at, "present") for at in present_refs]
    if not cues:
        return None
    start, kind = min(cues)
    if kind == "present" and any(c.status == "occurred" and c.start == start for c in status.find_cues(masked)):
        return "perfect"
    return kind


def coarser(a: str, b: str) -> str:
    """The coarser of two precisions."""
    return max(a, b, key=lambda p: _ORDER.index(p) if p in _ORDER else len(_ORDER))


def is_attributive(text: str, timex: Timex) -> bool:
    """A date used like an adjective dates its noun, not the clause's event.

    "the 1991 agreement", "the company's 2010 conference", "this year's conference", "Monday's email",
    "the current CEO". (A weekday before a noun, "a Wednesday media event", does date the event.)
    """
    after = text[timex.end : timex.end + 20]
    if re.match(r"['’]s\s+\w", after):
        return True
    if not (_YEARISH.match(timex.text) or timex.value == "PRESENT_REF"):
        return False
    before = text[max(0, timex.start - 20) : timex.start]
    return (
        bool(_attributive().search(before))
        and bool(re.match(r"\s+[A-Za-z]", after))
        and not re.match(r"\s+(?:and|or|to|until|through|when|after|before|as|in|on|at|with|by|for|from)\b", after)
    )


def _single(text: str, timex: Timex) -> Anchor | None:
    """The anchor for one DATE/TIME timex, or None when it cannot date an event.

    Vague references (PRESENT_REF "currently", PAST_REF "recently") have no calendar span: they
    say something about tense, not a date, and are left to the clause's fallback.
    """
    if timex.type not in ("DATE", "TIME") or is_attributive(text, timex):
        return None
    span = calendar_span(timex.value)
    if span is None:
        return None
    first, last, precision = span
    basis = timex.basis if timex.basis != "unresolved" else "relative_publication"
    return Anchor(timex.start, timex.end, timex.text, timex, first, last, precision, timex.value, basis)


def _share_year(first: Anchor, second: Anchor) -> Anchor:
    """In "between March and May 2021" the first end has no year of its own: it takes the second's.

    Only a first end resolved relative to publication borrows, and it lands in the latest year
    that keeps the range in order ("December to February 2021" starts in December 2020).
    """
    if first.basis == "explicit" or second.basis != "explicit" or first.precision not in ("day", "month"):
        return first
    year = second.last.year
    try:
        moved = first.first.replace(year=year), first.last.replace(year=year)
        if moved[0] > second.last:
            moved = first.first.replace(year=year - 1), first.last.replace(year=year - 1)
    except ValueError:  # 29 February in a year without it
        return first
    value = moved[0].isoformat() if first.precision == "day" else moved[0].isoformat()[:7]
    return replace(first, first=moved[0], last=moved[1], value=value)


def _merge_ranges(text: str, anchors: list[Anchor]) -> list[Anchor]:
    """Join "from A to B", "between A and B" and "10-20 February" into one anchor covering both ends.

    Dates merely listed ("in March and June") are not a span: the first governs and the clause is
    not cut between them.
    """
    out: list[Anchor] = []
    for anchor in anchors:
        prev = out[-1] if out else None
        if prev is None:
            out.append(anchor)
            continue
        between = text[prev.end : anchor.start]
        after_between = bool(_BETWEEN_BEFORE.search(text, 0, prev.start))
        if _LIST_JOIN.fullmatch(between) and not after_between:
            continue
        if _RANGE_JOIN.fullmatch(between):
            prev = _share_year(prev, anchor)
        if _RANGE_JOIN.fullmatch(between) and prev.first <= anchor.last:
            out[-1] = replace(
                prev,
                end=anchor.end,
                text=text[prev.start : anchor.end],
                last=anchor.last,
                precision=coarser(prev.precision, anchor.precision),
                value=f"{prev.value}/{anchor.value}",
            )
            continue
        out.append(anchor)
    return out


def _apply_durations(text: str, anchors: list[Anchor], durations: list[Timex]) -> list[Anchor]:
    """A day date with a nearby duration in the same clause ("10 days of drills on 10 February") becomes a span."""
    out = list(anchors)
    for duration in durations:
        match = _DURATION.match(duration.value)
        if not match or _BACKWARD_DURATION.search(text, max(0, duration.start - 24), duration.start):
            continue
        best = None
        for k, anchor in enumerate(out):
            if anchor.precision != "day" or anchor.first != anchor.last:
                continue
            lo, hi = (duration.end, anchor.start) if duration.end <= anchor.start else (anchor.end, duration.start)
            gap = text[lo:hi]
            if hi < lo or len(gap.split()) > 8 or _STRONG_BREAK.search(gap):
                continue
            if best is None or len(gap) < best[1]:
                best = (k, len(gap))
        if best is None:
            continue
        anchor = out[best[0]]
        count, unit = int(match.group(1)), _DURATION_UNITS[match.group(2)]
        last = anchor.first + relativedelta(**{unit: count}) - dt.timedelta(days=1)
        out[best[0]] = replace(anchor, last=last, value=f"{anchor.value}/{duration.value}")
    return out


def find_anchors(text: str, timexes: Sequence[Timex]) -> list[Anchor]:
    """The anchors among one sentence's timexes (article offsets), in text order."""
    ordered = sorted(timexes, key=lambda t: t.start)
    singles = [a for t in ordered if (a := _single(text, t)) is not None]
    durations = [t for t in ordered if t.type == "DURATION"]
    return _apply_durations(text, _merge_ranges(text, singles), durations)


def _opens_with(words: Sequence[str], clause_text: str) -> bool:
    return any(re.match(r"^\W*" + re.escape(w).replace(r"\ ", r"\s+") + r"\b", clause_text, re.I) for w in words)


def breaks_narrative(clause_text: str) -> bool:
    """Whether the clause opens by turning to another time or topic ("Meanwhile", "Earlier", ...)."""
    return _opens_with(_lexicon()["breaks"], clause_text)


def links_back(clause_text: str) -> bool:
    """Whether the clause opens by tying itself to the previous sentence ("Then", "Later", ...)."""
    return _opens_with(_lexicon()["links"], clause_text)


@dataclass(frozen=True)
class Narrative:
    """What a dateless clause may continue: the article's news time and the last dated clause.

    The *news time* is the most recent day-precise past date at most :data:`NEWS_WINDOW_DAYS`
    before publication (the day the reported events happened: "on Monday", "yesterday"); news
    narration returns to it after background dates ("In April, a blog obtained a prototype.
    While introducing the phone, Jobs ..." is about the keynote, not April).
    """

    news: DatedClause | None = None
    last: DatedClause | None = None
    last_sentence: int = -1


#: How far before publication a date may lie and still be the article's news time.
NEWS_WINDOW_DAYS = 14


def _is_news_time(first: dt.date | None, precision: str, published: dt.date | None) -> bool:
    return (
        first is not None
        and published is not None
        and precision == "day"
        and 0 <= (published - first).days <= NEWS_WINDOW_DAYS
    )


def start_narrative(anchors: Sequence[Anchor], published: dt.date | None) -> Narrative:
    """The narrative before the first sentence: the news time is an article-wide property, so a
    story that opens undated ("Jobs unveiled the new products ...") and names its day later
    ("In his keynote address Wednesday ...") still has it from the start."""
    for anchor in anchors:
        if _is_news_time(anchor.first, anchor.precision, published):
            return Narrative(DatedClause(anchor.first, anchor.last, anchor.precision, anchor.basis))
    return Narrative()


def observe(narrative: Narrative, dated: DatedClause, sentence: int, published: dt.date | None) -> Narrative:
    """The narrative after a clause dated by its own expression; a recent day becomes the news time."""
    news = dated if _is_news_time(dated.first, dated.precision, published) else narrative.news
    return Narrative(news, dated, sentence)


def paragraph_break(narrative: Narrative) -> Narrative:
    """A new paragraph ends local continuation; the news time holds for the whole article."""
    return Narrative(narrative.news)


def continued(
    narrative: Narrative, clause_text: str, tense: str | None, sentence: int, published: dt.date | None
) -> DatedClause | None:
    """The date a dateless clause continues, or None when the narrative does not clearly continue.

    Past-tense narration continues: the previous sentence's date when the clause links back to it
    ("Then ...") or, failing that, the article's news time, or else the previous sentence's past
    date. The perfect ("has ordered") continues only the news time. Future-tense narration
    continues an adjacent future date. Present tense speaks of the
    time of writing, and an opening such as "Meanwhile" turns away: neither continues.
    """
    if breaks_narrative(clause_text):
        return None
    last = narrative.last
    adjacent = last is not None and last.first is not None and narrative.last_sentence >= sentence - 1
    if tense == "past":
        in_past = adjacent and (published is None or last.first <= published)
        if in_past and links_back(clause_text):
            return last
        if narrative.news is not None:
            return narrative.news
        return last if in_past else None
    if tense == "perfect":  # the perfect is tied to the present: the news time, never an old date
        return narrative.news
    if tense == "future" and adjacent and published is not None and last.first > published:
        return last
    return None
