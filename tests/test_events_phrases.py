"""The events stage's phrase word lists: well-formed, each used, and templates that name only lists that exist."""

from __future__ import annotations

import re
from importlib import resources

import pytest
import yaml

from timeline.events import phrases

EVENTS = resources.files("timeline").joinpath("events")


def _code() -> str:
    return " ".join(path.read_text(encoding="utf-8") for path in EVENTS.iterdir() if path.name.endswith(".py"))


def test_phrase_lists_are_lists_of_distinct_words():
    data = yaml.safe_load(resources.files("timeline").joinpath("resources", "events", "phrases.yaml").read_text())
    for name, words in data.items():
        assert isinstance(words, list) and words, name
        assert len(set(words)) == len(words), name
        assert all(isinstance(word, str) and word.strip() == word and word for word in words), name


def test_every_phrase_list_is_used_and_every_template_name_exists():
    data = yaml.safe_load(resources.files("timeline").joinpath("resources", "events", "phrases.yaml").read_text())
    code = _code()
    assert {name for name in data if f"<{name}>" not in code and f'"{name}"' not in code} == set()
    named = set(re.findall(r"(?<!\?P)<(\w+)>", code)) - {"key", "name", "who"}  # as docstrings write them
    assert named - set(phrases.word_lists()) == set()


def test_a_phrase_expands_its_lists_and_keeps_case_when_asked():
    assert phrases.phrase(r"\b<relative_pronouns>\b").search("Kyiv, Which fell") is not None
    assert phrases.phrase(r"\b<relative_pronouns>\b", 0).search("Kyiv, Which fell") is None
    assert phrases.phrase(r"(?P<word><and_words>)").match("and").group("word") == "and"  # a named group stays one
    with pytest.raises(KeyError):
        phrases.phrase(r"<no_such_list>")
