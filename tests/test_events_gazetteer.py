"""The compiled matcher: whole words, longest first, keys back, and the combined mention finder."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from timeline.events.gazetteer import Matcher, find_mentions


def test_longest_phrase_wins_and_keys_come_back():
    m = Matcher({"Russia": "RUS", "Russian Federation": "RUS-F", "US": "USA"})
    found = m.find("The Russian Federation, Russia and the US.")
    assert [(x.text, x.key) for x in found] == [("Russian Federation", "RUS-F"), ("Russia", "RUS"), ("US", "USA")]


def test_whole_words_only_and_case_matters_for_names():
    m = Matcher({"US": "USA", "Of": "city"})
    assert [x.text for x in m.find("USA bus us of Of-")] == ["Of"]
    assert [x.text for x in m.find("the US said")] == ["US"]


def test_wildcards_spaces_and_apostrophes():
    m = Matcher({"sanction*": "sanctions", "clashing over": "dispute", "people's republic": "pr"}, ignore_case=True)
    found = m.find("Sanctioned firms were clashing\n over the People’s Republic")
    assert [x.key for x in found] == ["sanctions", "dispute", "pr"]


def test_mentions_resolve_overlaps_by_length_then_category():
    found = find_mentions("The European Union and the Donetsk People's Republic met in Kherson region.")
    assert [(m.text, m.category) for m in found] == [
        ("European Union", "organisation"),
        ("Donetsk People's Republic", "organisation"),
        ("Kherson region", "region"),
    ]


@given(st.text(max_size=200))
def test_mentions_are_spans_of_the_text(text):
    for m in find_mentions(text):
        assert text[m.start : m.end] == m.text
