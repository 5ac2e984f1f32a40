"""Clause tense from cue words: the evidence that places a bare "Wednesday" before or after publication.

News English marks direction with auxiliaries ("will", "is set to") and past forms ("arrived", "said"); a cue
list (``resources/temporal/tense.yaml``) and the -ed ending cover most of it without a parser.
"""

from __future__ import annotations

import functools
import re

import yaml

from timeline.temporal.lexicon import RESOURCES, alternation
from timeline.temporal.model import Tense
from timeline.temporal.rules import fold

_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n[ \t]*\n\s*|(?<=[.!?:\"”])[ \t]*\n\s*")


@functools.cache
def _tense_data() -> dict:
    with (RESOURCES / "tense.yaml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@functools.cache
def _auxiliary_before() -> re.Pattern[str]:
    """An auxiliary just before a past form makes it a participle ("will be named", "to be completed")."""
    words = alternation(_tense_data()["auxiliaries"])
    return re.compile(r"\b" + words + r"\s+(?:not\s+|also\s+|already\s+)?$")


@functools.cache
def _cues() -> tuple[re.Pattern[str], frozenset[str]]:
    data = _tense_data()
    pattern = (
        r"(?<![\w'])(?:(?P<future>" + alternation(data["future"])[3:-1]
        + r")|(?P<past>" + alternation(data["past"])[3:-1] + r"|[a-z]{2,}ed"
        + r")|(?P<present>" + alternation(data["present"])[3:-1] + r"))(?![\w'])"
    )
    return re.compile(pattern), frozenset(data["not_past_ed"])


def tense_cues(sentence: str) -> list[tuple[int, int, Tense]]:
    """Every tense cue in ``sentence`` as (start, end, tense), in order."""
    regex, not_past = _cues()
    sentence = fold(sentence)  # cue lists are lower case; folding keeps offsets
    found: list[tuple[int, int, Tense]] = []
    for match in regex.finditer(sentence):
        kind = match.lastgroup
        if kind == "past" and match.group() in not_past:
            continue
        if kind == "past" and _auxiliary_before().search(sentence, max(0, match.start() - 24), match.start()):
            continue  # a participle ("will be named", "to be completed"): its auxiliary is the cue
        found.append((match.start(), match.end(), kind))  # type: ignore[arg-type]
    return found


def sentence_tense(sentence: str) -> Tense | None:
    """The tense of the sentence's first cue (the main clause comes first in news English); None without cues."""
    cues = tense_cues(sentence)
    return cues[0][2] if cues else None


def tense_near(sentence: str, start: int, end: int) -> Tense | None:
    """Tense of the cue nearest to the span ``start:end`` of ``sentence`` (cues inside the span ignored).

    A cue before the expression is preferred over one equally far after it: "arrived on Wednesday to supervise".
    """
    return tense_among(tense_cues(sentence), start, end)


def tense_among(cues: list[tuple[int, int, Tense]], start: int, end: int) -> Tense | None:
    """``tense_near`` over cues found once for a whole sentence (offsets relative to the same origin)."""
    best: tuple[float, Tense] | None = None
    for cue_start, cue_end, kind in cues:
        if cue_end <= start:
            distance = float(start - cue_end)
        elif cue_start >= end:
            distance = (cue_start - end) * 1.5 + 1
        else:
            continue
        if best is None or distance < best[0]:
            best = (distance, kind)
    return best[1] if best else None


@functools.cache
def _abbreviations() -> frozenset[str]:
    return frozenset(_tense_data()["abbreviations"])


_LAST_WORD = re.compile(r"([\w.]+)$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of ``text``, covering it without gaps."""
    spans, start = [], 0
    abbreviations = _abbreviations()
    for match in _SENTENCE_END.finditer(text):
        if text[match.start()] == ".":
            word = _LAST_WORD.search(text, max(start, match.start() - 12), match.start())
            if word and word.group(1).lower() in abbreviations:
                continue
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(text)))
    return spans

