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


@functools.cache
def context_words() -> dict[str, frozenset[str]]:
    """Word lists from ``resources/temporal/context.yaml`` (prepositions that introduce dates, and so on)."""
    with (RESOURCES / "context.yaml").open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    return {name: frozenset(words) for name, words in data.items()}


_WORD_LIST = re.compile(r"%([a-z_]+)")


@functools.cache
def phrase(template: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """``template`` compiled once, each ``%name`` in it replaced by the alternation of that word list of context.yaml
    (or table of the lexicon): the shape of a phrase between two expressions stays in code, its words in the data."""

    def words(match: re.Match[str]) -> str:
        name = match.group(1)
        return alternation(sorted(context_words()[name] if name in context_words() else lexicon()[name]))

    return re.compile(_WORD_LIST.sub(words, template), flags)


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


def lookup_or(table: str, word: str, default: Any = None) -> Any:
    """Value of ``word`` in lexicon ``table`` as :func:`lookup` finds it, or ``default`` when absent."""
    return _normalized_table(table).get(_key(word), default)


@functools.cache
def _normalized_table(table: str) -> dict[str, Any]:
    return {_key(word): value for word, value in lexicon()[table].items()}


_GAP = " "  # the trie's key for the space or hyphen between the words of a phrase


def alternation(words: list[str] | dict[str, Any]) -> str:
    """A non-capturing regex alternation of ``words`` that prefers the longest word, with spaces and hyphens
    between words matching any run of them.

    Written as a trie ("(?:ma(?:rch|y)|...)", not "march|may|..."): the engine then reads each character once
    instead of trying every word in turn, which matters for the long holiday, unit and month lists.
    """
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in " ".join(word.replace("-", " ").split()):
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return "(?:" + _trie_pattern(trie) + ")"


def _trie_pattern(node: dict[str, dict]) -> str:
    """The regex of a trie node: longer continuations before the word that ends here, so the longest word wins."""
    branches = [
        (r"[\s-]+" if char == _GAP else re.escape(char)) + _trie_pattern(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" not in node:
        return body
    return (body if len(branches) == 1 and len(body) == 1 else "(?:" + body + ")") + "?"


@functools.cache
def _number_words(low: int, high: int, step: int = 1) -> tuple[str, ...]:
    """Single-word numbers of the lexicon between ``low`` and ``high`` that are multiples of ``step``."""
    return tuple(
        word for word, value in lexicon()["numbers"].items()
        if " " not in word and low <= value <= high and value % step == 0
        and word not in context_words()["indefinite_articles"]
    )


def number_value(text: str) -> float | None:
    """The number written in ``text`` ("10", "twenty-four", "a", "2.5", "two and a half"); None when vague."""
    key = _key(text)
    half = 0.0
    ending = next((" " + end for end in context_words()["half_endings"] if key.endswith(" " + end)), "")
    if ending:  # "two and a half"
        key, half = key[: -len(ending)], 0.5
    key = key.replace(",", "")
    try:
        return float(key) + half
    except ValueError:
        pass
    numbers = _normalized_table("numbers")
    if key in numbers:
        return float(numbers[key]) + half
    pieces = key.split()
    if len(pieces) == 2 and pieces[0] in _number_words(20, 90, 10) and pieces[1] in _number_words(1, 9):
        return float(numbers[pieces[0]] + numbers[pieces[1]]) + half
    if hundreds := _hundreds_count().fullmatch(key):  # "five hundred and forty one"
        count = number_value(hundreds["count"]) if hundreds["count"] else 1.0
        rest = number_value(hundreds["rest"]) if hundreds["rest"] else 0.0
        if count is not None and rest is not None:
            return count * 100 + rest + half
    return None


@functools.cache
def _hundreds_count() -> re.Pattern[str]:
    return re.compile(_hundreds())


@functools.cache
def _hundreds() -> str:
    """A count of hundreds in words, as broadcasts say them: "five hundred and forty-one", "a hundred and twenty"."""
    tens, digits = _number_words(20, 90, 10), _number_words(1, 9)
    below = "(?:" + "|".join(tens) + r")(?:[\s-]+(?:" + "|".join(digits) + "))?|" + "|".join(_number_words(1, 19))
    counts = alternation([*context_words()["indefinite_articles"], *digits])
    return (
        r"(?:(?P<count>" + counts + r")[\s-]+)?(?:" + "|".join(_number_words(100, 100)) + r")"
        r"(?:[\s-]+(?:" + alternation(sorted(context_words()["number_links"])) + r"[\s-]+)?(?P<rest>" + below + "))?"
    )


@functools.cache
def _year_words() -> str:
    """Years said in words, as in broadcast transcripts: "nineteen ninety-six", "two thousand and one"."""
    tens, digits, teens = (_number_words(20, 90, 10), _number_words(1, 9), _number_words(10, 19))
    compound = "(?:" + "|".join(tens) + r")(?:[\s-]+(?:" + "|".join(digits) + "))?"
    centuries, hundred = "|".join(_number_words(18, 19)), "|".join(_number_words(100, 100))
    links, millennia = alternation(sorted(context_words()["number_links"])), alternation(lexicon()["millennium_words"])
    return (
        r"(?:(?:" + centuries + r")[\s-]+(?:" + compound + "|" + "|".join(teens) + "|" + hundred + ")"
        + "|" + millennia + r"(?:[\s-]+(?:" + links + r"[\s-]+)?(?:" + "|".join(digits + teens) + r"))?)\b"
    )


def year_value(text: str) -> int:
    """The year written in ``text``: "1998", "'98", "98", "nineteen ninety-six", "two thousand and one"."""
    key = _key(text).lstrip("'’")
    if key.isdigit():
        year = int(key)
        if len(key) == 2:  # two-digit years: '98 -> 1998, '21 -> 2021
            year += 1900 if year >= 50 else 2000
        return year
    words = [word for word in key.split() if word not in context_words()["number_links"]]
    millennium = lookup_or("millennium_words", " ".join(words[:2]))
    if millennium is not None:  # "two thousand and one"
        rest = number_value(" ".join(words[2:])) if len(words) > 2 else 0
        return millennium + int(rest or 0)
    century = 100 * int(number_value(words[0]) or 0)
    if len(words) == 2 and number_value(words[1]) == 100:  # "nineteen hundred"
        return century
    return century + int(number_value(" ".join(words[1:])) or 0)


@functools.cache
def macros() -> dict[str, str]:
    """The %name building blocks that rules.yaml patterns are written with."""
    lex = lexicon()
    months = alternation(lex["months"])
    numbers = alternation([w for w in lex["numbers"] if w not in context_words()["indefinite_articles"]])
    compound = "(?:" + "|".join(_number_words(20, 90, 10)) + r")(?:[\s-]+(?:" + "|".join(_number_words(1, 9)) + "))?"
    # a number starts where its digits start: never the "000" of "30,000"
    hundreds = re.sub(r"\(\?P<\w+>", "(?:", _hundreds())  # no named groups inside a rule's own
    num = r"(?:(?<![\d,.])\d{1,3}(?:,\d{3})*(?:\.\d+)?|" + hundreds + "|" + compound + "|" + numbers + r"|an?)"
    return {
        "month": months,
        "weekday": "(?:"
        + alternation([w for w in lex["weekdays"] if w not in lex["ambiguous_weekdays"]])
        + "|"
        + alternation(lex["ambiguous_weekdays"])  # "Sun", "Wed": with a period or a date right after it
        + r"(?=\.|,?\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+"
        + months
        + "|"
        + months
        + r"\.?\s+\d)))",
        "day": r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)",
        # "1998", "nineteen ninety-six", and "'96" after a word that takes a year ("the summer of '96", "June '96")
        "year": r"(?:(?:1[0-9]\d\d|20\d\d)(?!\d)|" + _year_words() + r"|(?<=[a-z] )['’]\d\d\b(?!['’]))",
        "num": num,
        "unit": alternation(lex["units"]),
        "season": alternation(lex["seasons"]),
        "part": alternation(lex["parts_of_day"]),
        "cue": alternation(lex["shift_cues"]),
        "ordinal": alternation(lex["ordinals"]),
        "weekday_ordinal": alternation(lex["weekday_ordinals"]),
        "ordinal_day": alternation([word for word, value in lex["ordinals"].items() if 1 <= value <= 31]),
        "freq": alternation(lex["frequencies"]),
        "ref": alternation(lex["references"]),
        "dayword": alternation(lex["day_words"]),
        "decade_word": alternation(lex["decade_words"]),
        "fiscal": alternation(lex["fiscal_words"]),
        "half_ordinal": alternation(lex["half_ordinals"]),
        "holiday": alternation([*lex["holidays"], *lex["movable_holidays"]]),
        "zone": alternation(lex["time_zones"]) + r"(?![\w-])",
        "named_day": alternation(lex["named_days"]),
        "weeks_on": alternation(lex["weeks_on"]),
        "weeks_of_a_weekday": alternation(lex["weeks_of_a_weekday"]),
        "new_year_nouns": alternation(context_words()["new_year_nouns"]),
        "money_units": alternation(context_words()["money_units"]),
    }
