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


@functools.cache
def _perfect() -> re.Pattern[str]:
    """ "has fluctuated", "have been searching": the present perfect reports the past."""
    data = _tense_data()
    participles = alternation(data["participles"])[3:-1]
    return re.compile(
        r"(?:" + alternation(data["perfect_auxiliaries"])[3:-1] + r")\s+(?:[a-z]+ly\s+|not\s+|also\s+|just\s+)?"
        r"(?:" + participles + r"|[a-z]{2,}ed)(?![\w'])"
    )


Cue = tuple[int, int, Tense, bool]


def graded_cues(sentence: str) -> list[Cue]:
    """Every tense cue in ``sentence`` as (start, end, tense, strong), in order.

    Strong cues are finite verbs and auxiliaries from the cue lists; a bare -ed word is weak, because it is as
    often a participle or adjective ("the televised talks") as a past verb.
    """
    regex, not_past = _cues()
    sentence = fold(sentence)  # cue lists are lower case; folding keeps offsets
    found: list[Cue] = []
    perfect = _perfect()
    for match in regex.finditer(sentence):
        kind = match.lastgroup
        word = match.group()
        if kind == "past" and word in not_past:
            continue
        if kind == "past" and _auxiliary_before().search(sentence, max(0, match.start() - 24), match.start()):
            continue  # a participle ("will be named", "to be completed"): its auxiliary is the cue
        if kind == "present" and perfect.match(sentence, match.start()):
            kind = "past"
        strong = not (kind == "past" and word.endswith("ed") and word not in _strong_past())
        found.append((match.start(), match.end(), kind, strong))  # type: ignore[arg-type]
    return found


@functools.cache
def _strong_past() -> frozenset[str]:
    return frozenset(_tense_data()["past"])


def tense_cues(sentence: str) -> list[tuple[int, int, Tense]]:
    """Every tense cue in ``sentence`` as (start, end, tense), in order."""
    return [(start, end, kind) for start, end, kind, _strong in graded_cues(sentence)]


def sentence_tense(sentence: str) -> Tense | None:
    """The tense of the sentence's first cue (the main clause comes first in news English); None without cues."""
    cues = tense_cues(sentence)
    return cues[0][2] if cues else None


def tense_near(sentence: str, start: int, end: int) -> Tense | None:
    """Tense of the cue nearest to the span ``start:end`` of ``sentence`` (cues inside the span ignored).

    A cue before the expression is preferred over one equally far after it: "arrived on Wednesday to supervise".
    """
    return tense_among(graded_cues(sentence), start, end)


def tense_among(cues: list[Cue], start: int, end: int) -> Tense | None:
    """``tense_near`` over cues found once for a whole sentence (offsets relative to the same origin).

    The nearest cue wins, except that a future cue governing the clause ("is set to hold talks ... on Thursday",
    "will ... by August") is not overridden by weak -ed words (participles) that stand nearer.
    """
    best: tuple[float, Tense, bool] | None = None
    for cue_start, cue_end, kind, strong in cues:
        if cue_end <= start:
            distance = float(start - cue_end)
        elif cue_start >= end:
            distance = (cue_start - end) * 1.5 + 1
        else:
            continue
        if best is None or distance < best[0]:
            best = (distance, kind, strong)
    if best is None:
        return None
    if best[1] == "past" and not best[2]:
        governing = _governing_future(cues, start)
        if governing:
            return "future"
    return best[1]


def _governing_future(cues: list[Cue], start: int) -> bool:
    """Whether the last strong cue before ``start`` is a future one (weak -ed words in between do not count)."""
    for _cue_start, cue_end, kind, strong in reversed(cues):
        if cue_end <= start and strong:
            return kind == "future"
    return False


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

