"""The English glue of the events stage's patterns, kept in data: a pattern is a template in code whose ``<name>``
parts stand for word lists of ``resources/events/phrases.yaml`` or ``dating.yaml``, compiled once."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml

_FILES = ("phrases.yaml", "dating.yaml")
_LIST_NAME = re.compile(r"(?<!\?P)<(\w+)>")  # not a named group's "(?P<name>"


@cache
def word_lists() -> dict[str, tuple[str, ...]]:
    """Every word list of the files, by name; a name in two files is an error, not an override."""
    lists: dict[str, tuple[str, ...]] = {}
    for name in _FILES:
        text = resources.files("timeline").joinpath("resources", "events", name).read_text(encoding="utf-8")
        for key, words in yaml.safe_load(text).items():
            if key in lists:
                raise ValueError(f"word list {key!r} is in two of {', '.join(_FILES)}; keep one")
            if isinstance(words, list):
                lists[key] = tuple(str(word) for word in words)
    return lists


def words(name: str) -> str:
    """The alternation of one word list, longest first, so the longest word wins."""
    return "|".join(re.escape(word) for word in sorted(word_lists()[name], key=len, reverse=True))


@cache
def phrase(template: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """``template`` with each ``<name>`` replaced by that list's alternation, compiled once (ignoring case unless
    ``flags`` say otherwise)."""
    return re.compile(_LIST_NAME.sub(lambda match: f"(?:{words(match.group(1))})", template), flags)
