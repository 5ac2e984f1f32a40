"""Tense cues: which side of the publication date a bare weekday falls on."""

from __future__ import annotations

import pytest

from timeline.temporal import sentence_tense
from timeline.temporal.tense import sentence_spans, tense_near


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Russia and Belarus are set to begin 10 days of joint military drills on Thursday.", "future"),
        ("Gerasimov arrived in Belarus on Wednesday to supervise the joint exercises.", "past"),
        ("The talks will resume next week.", "future"),
        ("Belarus is Russia's closest ally.", "present"),
        ("Thirty thousand troops", None),
        ("Colonel Collins will be named commander in December.", "future"),
    ],
)
def test_sentence_tense(sentence, expected):
    assert sentence_tense(sentence) == expected


def test_nearest_cue_decides_for_an_expression():
    sentence = "Johnson said on Wednesday that troops will deploy."
    start = sentence.index("Wednesday")
    assert tense_near(sentence, start, start + len("Wednesday")) == "past"


def test_sentence_spans_cover_the_text():
    text = "First one. Second one!\n\nThird, Feb. 10 arrives.\nFourth"
    spans = sentence_spans(text)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert any(text[s:e].startswith("Third, Feb. 10 arrives.") for s, e in spans)
