"""The English date vocabulary (``resources/temporal/lexicon.yaml``), loaded once and turned into regex alternations."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

RESOURCES = Path(__file__).resolve().parents[1] / "resources" / "temporal"


@functools.cache
def lexicon() -> dict[str, Any]:
    """The lexicon as a plain mapping (read once per process)."""
    with (RESOURCES / "lexicon.yaml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@dataclass(frozen=True)
class Unit:
    """A calendar unit: its TIMEX3 duration code and the granularity a date shifted by it keeps."""

    code: str
    gran: str
    time: bool = False
    factor: int = 1


def _key(word: str) -> str:
    """Lexicon lookup key: lower case, single spaces, no trailing period."""
    return " ".join(word.lower().replace("-", " ").split()).rstrip(".")


@functools.cache
def units() -> dict[str, Unit]:
    return {word: Unit(**spec) for word, spec in lexicon()["units"].items()}


def lookup(table: str, word: str) -> Any:
    """Value of ``word`` in lexicon ``table``, tolerant of case, hyphens and spacing; KeyError when absent."""
    return _normalized_table(table)[_key(word)]


@functools.cache
def _normalized_table(table: str) -> dict[str, Any]:
    return {_key(word): value for word, value in lexicon()[table].items()}


def alternation(words: list[str] | dict[str, Any]) -> str:
    """A non-capturing regex alternation of ``words``, longest first so the longest word wins."""
    parts = []
    for word in sorted(words, key=len, reverse=True):
        pattern = r"[\s-]+".join(re.escape(piece) for piece in word.replace("-", " ").split())
        parts.append(pattern)
    return "(?:" + "|".join(parts) + ")"


_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_DIGITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def number_value(text: str) -> float | None:
    """The number written in ``text`` ("10", "twenty-four", "a", "2.5", "two and a half"); None when vague."""
    key = _key(text)
    half = 0.0
    if key.endswith(" and a half"):
        key, half = key[: -len(" and a half")], 0.5
    key = key.replace(",", "")
    try:
        return float(key) + half
    except ValueError:
        pass
    numbers = _normalized_table("numbers")
    if key in numbers:
        return float(numbers[key]) + half
    pieces = key.split()
    if len(pieces) == 2 and pieces[0] in _TENS and pieces[1] in _DIGITS:
        return float(numbers[pieces[0]] + numbers[pieces[1]]) + half
    return None


@functools.cache
def macros() -> dict[str, str]:
    """The %name building blocks that rules.yaml patterns are written with."""
    lex = lexicon()
    months = alternation(lex["months"])
    numbers = alternation([w for w in lex["numbers"] if w not in ("a", "an")])
    compound = "(?:" + "|".join(_TENS) + r")(?:[\s-]+(?:" + "|".join(_DIGITS) + "))?"
    num = r"(?:\d{1,3}(?:,\d{3})*(?:\.\d+)?|" + compound + "|" + numbers + r"|an?)"
    return {
        "month": months,
        "weekday": "(?:"
        + alternation([w for w in lex["weekdays"] if w not in lex["ambiguous_weekdays"]])
        + "|"
        + alternation(lex["ambiguous_weekdays"])
        + r"(?=\.))",
        "day": r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)",
        "year": r"(?:1[0-9]\d\d|20\d\d)(?!\d)",
        "num": num,
        "unit": alternation(lex["units"]),
        "season": alternation(lex["seasons"]),
        "part": alternation(lex["parts_of_day"]),
        "cue": alternation(lex["shift_cues"]),
        "ordinal": alternation(lex["ordinals"]),
        "freq": alternation(lex["frequencies"]),
        "ref": alternation(lex["references"]),
        "dayword": alternation(lex["day_words"]),
        "holiday": alternation(lex["holidays"]),
    }
