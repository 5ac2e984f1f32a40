"""A sentence splitter that returns offsets into the original text.

Rules (deliberately simple and predictable, so errors are easy to see):

- a newline is a hard boundary (news bodies put headlines, datelines, list items and
  paragraphs on their own lines), except a hard wrap: a line that ends mid-sentence (no closing
  mark) right before a line that goes on in lower case ("... killing nine people, and\nthe
  governor said ...", as plain-text mail and copies from PDFs break them);
- ``.``, ``!``, ``?`` (or an ellipsis) end a sentence when followed, after any closing quotes or
  brackets and some whitespace, by a capital letter, a digit or an opening quote;
- a dot after a known abbreviation (``resources/text/abbreviations.yaml``) or a single-letter
  initial ("John F. Kennedy") does not end the sentence, except that a ``may_end``
  abbreviation ("U.S.", "p.m.", "Feb.") does when the next word is a typical sentence starter.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

# End punctuation, then closing quotes/brackets, then whitespace, then the start of the next sentence.
_BOUNDARY = re.compile(r"""(?:\.{3}|…|[.!?])["'”’)\]]*(?=[ \t]+["'“‘(\[]?[A-Z0-9])""")
_WORD_BEFORE = re.compile(r"""(?:^|[\s("'“‘\[])([A-Za-z][A-Za-z.']*)$""", re.MULTILINE)
_NEXT_WORD = re.compile(r"""[ \t]+["'“‘(\[]?([A-Za-z]+)""")


@dataclass(frozen=True)
class Abbreviations:
    never_final: frozenset[str]
    may_end: frozenset[str]
    sentence_starters: frozenset[str]


@cache
def abbreviations() -> Abbreviations:
    """The abbreviation lexicon, loaded once."""
    text = resources.files("timeline").joinpath("resources", "text", "abbreviations.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return Abbreviations(
        frozenset(data["never_final"]), frozenset(data["may_end"]), frozenset(data["sentence_starters"])
    )


def _ends_sentence(text: str, line_start: int, dot: int, after: int) -> bool:
    """Whether the punctuation at ``dot`` closes a sentence, judged from the word before and after it."""
    if text[dot] != ".":
        return True
    if text.startswith("...", dot) or text[dot] == "…":
        return True
    before = _WORD_BEFORE.search(text, line_start, dot)
    if not before:
        return True
    word = before.group(1)
    abbr = abbreviations()
    if word in abbr.never_final:
        return False
    if len(word) == 1 and word.isupper():  # an initial: "John F. Kennedy"
        return False
    if word in abbr.may_end or (word.count(".") >= 1 and len(word.replace(".", "")) <= 4 and word[-1] != "."):
        nxt = _NEXT_WORD.match(text, after)
        return bool(nxt and nxt.group(1) in abbr.sentence_starters)
    return True


def split_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of ``text[start:end]`` (one line), as trimmed (start, end) offsets into ``text``."""
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _BOUNDARY.finditer(text, start, end):
        if _ends_sentence(text, start, match.start(), match.end()):
            spans.append((cursor, match.end()))
            cursor = match.end()
    spans.append((cursor, end))
    trimmed = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            trimmed.append((s, e))
    return trimmed


MAX_QUOTED_SENTENCES = 4  # a quotation spanning more sentences than this is left split


def _opening_at(sentence: str, i: int) -> bool:
    """Whether the straight quote at ``i`` opens a quotation (at the start or after a space, bracket or dash)."""
    return i == 0 or sentence[i - 1] in " \t([:—–-"


def _opens(sentence: str) -> bool:
    """Whether the sentence leaves a quotation open ('He said: "We pulled out.')."""
    if "“" in sentence or "”" in sentence:
        return sentence.count("“") > sentence.count("”")
    last = sentence.rfind('"')
    return sentence.count('"') % 2 == 1 and _opening_at(sentence, last)


def _closes(sentence: str) -> bool:
    """Whether the sentence closes a quotation it did not open ('I follow the sky," he said.')."""
    marks = [i for i, c in enumerate(sentence) if c in "“”"]
    if marks:
        return sentence[marks[0]] == "”"
    first = sentence.find('"')
    return sentence.count('"') % 2 == 1 and not _opening_at(sentence, first)


def join_quotations(
    text: str, spans: list[tuple[int, int]], keep_apart: Callable[[int, int], bool] = lambda _s, _e: False
) -> list[tuple[int, int]]:
    """The sentences of one quotation joined back: '"I don't follow politics. I follow the sky," he said.' is one
    sentence, so its saying and its speaker stay with every part of what was said. Only sentences of one line, at
    most MAX_QUOTED_SENTENCES, and not when ``keep_apart(start, end)`` says the joined stretch must stay apart (the
    pipeline: when it holds a date, which dates one of its sentences, not all: '"Russia attacked on Sunday. We will
    respond," he said.')."""
    out: list[tuple[int, int]] = []
    k = 0
    while k < len(spans):
        start, end = spans[k]
        if _opens(text[start:end]):
            for j in range(k + 1, min(len(spans), k + MAX_QUOTED_SENTENCES)):
                if "\n" in text[spans[j - 1][1] : spans[j][0]]:
                    break
                if _closes(text[spans[j][0] : spans[j][1]]):
                    if not keep_apart(start, spans[j][1]):
                        end, k = spans[j][1], j
                    break
        out.append((start, end))
        k += 1
    return out


def split(text: str, regions: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets into ``text``; newlines are hard boundaries, except hard wraps.

    ``regions`` restricts splitting to those spans (e.g. the content lines from
    :func:`timeline.text.clean.content_spans`); by default the whole text is split.
    """
    if regions is None:
        regions = [(0, len(text))]
    lines = [
        (region_start + line.start(), region_start + line.end())
        for region_start, region_end in regions
        for line in re.finditer(r"[^\n]+", text[region_start:region_end])
    ]
    out: list[tuple[int, int]] = []
    for start, end in _unwrapped(text, lines):
        out.extend(split_line(text, start, end))
    return out


_CLOSING_MARKS = frozenset(".!?:;…\"'”’)]")


def _unwrapped(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The lines with each hard wrap joined back: a line ending in no closing mark, then one line break, then a line
    that goes on in lower case."""
    joined: list[tuple[int, int]] = []
    for start, end in lines:
        if joined:
            gap = text[joined[-1][1] : start]
            last = text[joined[-1][0] : joined[-1][1]].rstrip()[-1:]
            if gap.count("\n") == 1 and not gap.strip() and last not in _CLOSING_MARKS and text[start].islower():
                joined[-1] = (joined[-1][0], end)
                continue
        joined.append((start, end))
    return joined
