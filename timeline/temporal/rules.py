"""Rules as data: ``resources/temporal/rules.yaml`` compiled once into regexes, with their guards and normalizers."""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass

import yaml

from timeline.temporal.lexicon import RESOURCES, macros

_MACRO = re.compile(r"%([a-z_]+)")
_UPPER_LITERAL = re.compile(r"(?<!\\)(?<!\(\?)[A-Z]")
# ASCII case folding keeps every offset: rules match the folded text without IGNORECASE (about 1.5x faster)
_FOLD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def fold(text: str) -> str:
    """``text`` with ASCII letters lower-cased and nothing else changed (same length, same offsets)."""
    return text.translate(_FOLD)
_WORD_START = r"(?=[\w'])"  # fallback lookahead: matches start at a word character or an apostrophe
_DIGITS = frozenset("0123456789")


def _first_of(items) -> tuple[frozenset[str] | None, bool]:
    """Characters a parsed regex sequence can start with (None: any) and whether it can match nothing."""
    chars: set[str] = set()
    for op, arg in items:
        first, nullable = _first_of_item(op, arg)
        if first is None:
            return None, False
        chars |= first
        if not nullable:
            return frozenset(chars), False
    return frozenset(chars), True


def _first_of_item(op, arg) -> tuple[frozenset[str] | None, bool]:
    name = str(op)
    if name == "LITERAL":
        return frozenset({chr(arg)}), False
    if name == "IN":
        chars: set[str] = set()
        for kind, value in arg:
            kind = str(kind)
            if kind == "LITERAL":
                chars.add(chr(value))
            elif kind == "RANGE" and value[1] - value[0] < 100:
                chars.update(chr(c) for c in range(value[0], value[1] + 1))
            elif kind == "CATEGORY" and str(value) == "CATEGORY_DIGIT":
                chars |= _DIGITS
            else:
                return None, False
        return frozenset(chars), False
    if name == "BRANCH":
        union: set[str] = set()
        nullable = False
        for branch in arg[1]:
            first, empty = _first_of(branch)
            if first is None:
                return None, False
            union |= first
            nullable = nullable or empty
        return frozenset(union), nullable
    if name == "SUBPATTERN":
        return _first_of(arg[3])
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        first, empty = _first_of(arg[2])
        return first, empty or arg[0] == 0
    if name in ("AT", "ASSERT", "ASSERT_NOT"):
        return frozenset(), True
    return None, False


def start_lookahead(pattern: str) -> str:
    """A lookahead on the characters a match can start with: lets the regex engine skip to candidates fast.

    Derived from the parsed pattern, so it can never exclude a real match; falls back to any word start.
    """
    try:
        first, nullable = _first_of(re._parser.parse(pattern))  # type: ignore[attr-defined]
    except (AttributeError, re.error, TypeError, ValueError):
        return _WORD_START
    if first is None or nullable or not first:
        return _WORD_START
    return "(?=[" + "".join(re.escape(c) for c in sorted(first)) + "])"


def _has_fast_prefix(pattern: str) -> bool:
    """Whether the regex engine finds where matches may start by itself: a pattern opening with letters ("quarter",
    "every|each") is searched for in C, and any lookahead in front of it only slows that down."""
    try:
        parsed = re._parser.parse(pattern)  # type: ignore[attr-defined]
        literal = re._compiler._get_literal_prefix(parsed, 0)[0]  # type: ignore[attr-defined]
        return bool(literal) or bool(re._compiler._get_charset_prefix(parsed, 0))  # type: ignore[attr-defined]
    except (AttributeError, IndexError, re.error, TypeError, ValueError):
        return False


@dataclass(frozen=True)
class Scan:
    """A compiled pattern, searched the fastest way that finds exactly its matches. With ``word_start`` the
    pattern's opening ``\\b`` is checked on each match instead of inside the regex, which keeps the engine's fast
    search by first letters (up to ten times faster on a page of news); the matches are the same."""

    regex: re.Pattern[str]
    word_start: bool = False

    @property
    def pattern(self) -> str:
        return self.regex.pattern

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        while (match := self.regex.search(text, pos, endpos)) is not None:
            if not self.word_start or not match.start() or not _WORD_CHAR.match(text, match.start() - 1):
                return match
            pos = match.start() + 1
        return None

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        while True:  # a hot loop: the engine's own finditer, restarted after a match that is not at a word start
            for match in self.regex.finditer(text, pos, endpos):
                if not self.word_start or not match.start() or not _WORD_CHAR.match(text, match.start() - 1):
                    yield match
                else:
                    pos = match.start() + 1
                    break
            else:
                return


_WORD_CHAR = re.compile(r"\w")


FAST_PREFIX_LETTERS = 12  # beyond this many first letters the engine's search by them is slower than a lookahead


def compile_scan(pattern: str) -> Scan:
    """The fastest search that finds exactly the matches of ``pattern``: its own when the engine can find where
    matches start by a few first letters, else behind a lookahead on those letters."""
    body = pattern.removeprefix(r"\b")
    if body != pattern and _has_fast_prefix(body) and 0 < len(_word_start_letters(body)) <= FAST_PREFIX_LETTERS:
        return Scan(re.compile(body), word_start=True)
    if _has_fast_prefix(pattern):
        return Scan(re.compile(pattern))
    return Scan(re.compile(start_lookahead(pattern) + pattern))


def _word_start_letters(pattern: str) -> frozenset[str]:
    """The word characters every match of ``pattern`` starts with; empty when a match can start otherwise (then
    ``\\b`` before it is not a word start)."""
    try:
        first, nullable = _first_of(re._parser.parse(pattern))  # type: ignore[attr-defined]
    except (AttributeError, re.error, TypeError, ValueError):
        return frozenset()
    if not first or nullable or not all(char.isalnum() or char == "_" for char in first):
        return frozenset()
    return first


class RuleError(ValueError):
    """A rule in rules.yaml is malformed; the message names the rule and what to fix."""


@dataclass(frozen=True)
class Rule:
    """A compiled rule. ``anchor``, when set, matches words every match must contain: the rule then only runs
    in windows around them (``ANCHOR_WINDOW`` characters either side), which keeps rare-word rules cheap."""

    name: str
    regex: Scan
    norm: str
    guard: str
    examples: tuple[tuple[str, str, str], ...]
    anchor: Scan | None = None


ANCHOR_WINDOW = 100  # longer than any expression a rule can match, short enough to skip most of a text


def expand(pattern: str, rule_name: str = "?") -> str:
    """Replace each %macro in ``pattern`` by its alternation; an unknown macro is an error, not a literal."""
    table = macros()

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in table:
            raise RuleError(f"rule {rule_name!r} uses unknown macro %{name}; known: {', '.join(sorted(table))}")
        return table[name]

    return _MACRO.sub(replace, pattern)


def anchor_windows(anchor: Scan, text: str) -> list[tuple[int, int]]:
    """Merged (start, end) windows of ``text`` around each match of ``anchor``."""
    windows: list[tuple[int, int]] = []
    first = last = -1
    for match in anchor.finditer(text):  # a hot loop: one span() call and plain ints per match
        start, end = match.span()
        start -= ANCHOR_WINDOW
        if start <= last:
            last = end + ANCHOR_WINDOW
            continue
        if last >= 0:
            windows.append((first, last))
        first, last = max(0, start), end + ANCHOR_WINDOW
    if last >= 0:
        windows.append((first, last))
    return [(start, min(end, len(text))) for start, end in windows]


@functools.cache
def rules() -> tuple[Rule, ...]:
    """All rules in file order (earlier rules win ties between equally long matches)."""
    with (RESOURCES / "rules.yaml").open(encoding="utf-8") as handle:
        raw = yaml.safe_load(handle)["rules"]
    compiled = []
    for spec in raw:
        name = spec["name"]
        try:
            pattern = expand(spec["pattern"], name)
            if _UPPER_LITERAL.search(pattern):
                raise RuleError(f"rule {name!r} has an upper-case letter; write patterns in lower case")
            regex = compile_scan(pattern)
        except re.error as exc:
            raise RuleError(f"rule {name!r} does not compile: {exc}") from exc
        if regex.regex.match(""):
            raise RuleError(f"rule {name!r} matches the empty string; make at least one part mandatory")
        examples = tuple(tuple(example) for example in spec.get("examples", ()))
        anchor = None
        if "anchor" in spec:
            anchor = compile_scan(expand(spec["anchor"], name))
        compiled.append(Rule(name, regex, spec["norm"], spec.get("guard", ""), examples, anchor))
    return tuple(compiled)
