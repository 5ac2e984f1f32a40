"""Which lines of an article are reporting and which are page furniture.

The text is never rewritten: the pipeline keeps offsets into the original, so cleaning
answers "which (start, end) spans hold content" and leaves boilerplate lines out of them.
The boilerplate lexicon is data (``resources/text/boilerplate.yaml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

_TRIM = " \t\r\f\v\"'“”‘’()[]{}<>«».,;:!?|*•·-–—_#>"


@dataclass(frozen=True)
class BoilerplateLexicon:
    exact: frozenset[str]
    patterns: tuple[re.Pattern[str], ...]
    examples: tuple[str, ...]
    link_list_headings: frozenset[str]


def _resource_text(*parts: str) -> str:
    return resources.files("timeline").joinpath("resources", *parts).read_text(encoding="utf-8")


@cache
def lexicon() -> BoilerplateLexicon:
    """The boilerplate lexicon, loaded and compiled once."""
    data = yaml.safe_load(_resource_text("text", "boilerplate.yaml"))
    exact = frozenset(_normalize(line) for line in data["exact"])
    patterns = tuple(re.compile(item["pattern"], re.IGNORECASE) for item in data["patterns"])
    examples = tuple(item["example"] for item in data["patterns"])
    headings = frozenset(_normalize(line) for line in data["link_list_headings"])
    return BoilerplateLexicon(exact, patterns, examples, headings)


def _normalize(line: str) -> str:
    return " ".join(line.strip(_TRIM).lower().split())


def is_boilerplate(line: str) -> bool:
    """True when the whole line is page furniture (an ad marker, a membership plea, a share button...)."""
    stripped = line.strip()
    if not stripped:
        return False
    lex = lexicon()
    if _normalize(stripped) in lex.exact:
        return True
    return any(p.match(stripped) for p in lex.patterns)


_BULLET = re.compile(r"\s*[-*•·–—]\s+\S")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")  # a list of links ends at a blank line


def content_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the non-empty, non-boilerplate lines, whitespace trimmed, in text order. The bulleted
    lines under a "Related coverage" heading are links to other stories, not reporting, and are left out too."""
    spans: list[tuple[int, int]] = []
    in_link_list = False
    previous_end = 0
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        if not line.strip():
            continue
        after_gap = bool(_BLANK_LINE.search(text, previous_end, match.start()))
        previous_end = match.end()
        if in_link_list and _BULLET.match(line) and not after_gap:
            continue
        in_link_list = _normalize(line) in lexicon().link_list_headings
        if in_link_list or is_boilerplate(line):
            continue
        lead = len(line) - len(line.lstrip())
        trail = len(line) - len(line.rstrip())
        spans.append((match.start() + lead, match.end() - trail))
    return spans
