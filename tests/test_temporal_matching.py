"""Pass 1: rule matches, guarded and normalized, and the longest non-overlapping ones."""

from __future__ import annotations

from timeline.temporal.matching import candidates, select


def test_candidates_overlap_and_select_keeps_the_longest():
    text = "Talks opened on Thursday, 10 February 2022."
    found = candidates(text)
    assert len(found) > 1  # "Thursday", "10 February 2022", "2022" ... all matched
    chosen = select(found)
    assert [text[c.start : c.end] for c in chosen] == ["Thursday, 10 February 2022"]


def test_a_refused_match_does_not_hide_a_shorter_one_inside_it():
    text = "They met on Thursday. 10 February was chosen."
    chosen = select(candidates(text))
    assert [text[c.start : c.end] for c in chosen] == ["Thursday", "10 February"]


def test_offsets_index_the_callers_text_and_drop_a_sentence_end():
    text = "Prices rose in MARCH. They fell on Sept. 30."
    assert [text[c.start : c.end] for c in select(candidates(text))] == ["MARCH", "Sept. 30"]
