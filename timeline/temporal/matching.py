"""Pass 1 of the tagger: every rule match in a text, guarded and normalized to a ``Draft``, then the longest
non-overlapping ones. Offsets always index the caller's text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from timeline.temporal.guards import GUARDS, full_names
from timeline.temporal.lexicon import phrase
from timeline.temporal.model import Draft
from timeline.temporal.normalize import NORMALIZERS
from timeline.temporal.rules import Rule, anchor_windows, fold, rules


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    order: int
    rule: Rule
    draft: Draft


def _trim(text: str, start: int, end: int) -> int:
    """Drop a sentence-final period from a span unless it closes an abbreviation ("Feb.", "p.m.", not "July.")."""
    if end - start > 1 and text[end - 1] == ".":
        word_start = end - 1
        while word_start > start and text[word_start - 1].isalpha():
            word_start -= 1
        if end - 1 - word_start > 4 or text[word_start : end - 1].lower() in full_names():
            return end - 1
    return end


# "the eight-year war", "the eleven year partnership": the article belongs to the noun the compound adjective (a
# count and a singular unit) describes, not to the duration
_ARTICLE_BEFORE_COMPOUND = (
    r"%articles\s+(?=[\w.]+-[a-z]+$|(?!%single_counts\b|%articles\b)(?:\d[\d.,]*|%numbers(?:-%numbers)?)\s+%singular_units$)"
)


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
                    compound = phrase(_ARTICLE_BEFORE_COMPOUND).match(text, start, end)
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
