"""Boilerplate lines: the lexicon file itself, and which lines of real articles are furniture."""

from __future__ import annotations

import re

import yaml
from hypothesis import given
from hypothesis import strategies as st

from timeline.text import clean
from timeline.text.clean import _resource_text, content_spans, is_boilerplate


def _data() -> dict:
    return yaml.safe_load(_resource_text("text", "boilerplate.yaml"))


def test_lexicon_is_well_formed_without_duplicates():
    data = _data()
    exact = [clean._normalize(x) for x in data["exact"]]
    assert len(exact) == len(set(exact)), "duplicate exact lines"
    assert all(exact), "an exact entry normalizes to nothing"
    patterns = [item["pattern"] for item in data["patterns"]]
    assert len(patterns) == len(set(patterns))


def test_every_pattern_matches_its_example_and_no_other_pattern_is_needed():
    for item in _data()["patterns"]:
        assert re.compile(item["pattern"], re.IGNORECASE).match(item["example"]), item["pattern"]
        assert is_boilerplate(item["example"])


def test_every_exact_entry_is_recognized_in_any_case_and_with_decoration():
    for line in _data()["exact"]:
        assert is_boilerplate(line.upper())
        assert is_boilerplate(f"  {line.title()} » ")


def test_seed_furniture_lines_are_boilerplate():
    assert is_boilerplate("advertisement")
    assert is_boilerplate("(With inputs from Reuters, BBC, and The Guardian)")
    assert is_boilerplate(
        "(At The Quint, we question everything. Play an active role in shaping our journalism by becoming a "
        "member today.)"
    )
    for line in ("Subscribe", "Read more", "Share on WhatsApp", "Also Read: Russia moves troops"):
        assert is_boilerplate(line), line


def test_reporting_lines_are_kept():
    for line in (
        "Russia and Belarus are set to begin 10 days of joint military drills on Thursday, 10 February.",
        "30,000 troops",
        "Reuters reported that talks would resume on Monday.",
        "Share prices fell sharply in Moscow.",
        "The advertisement was pulled after complaints.",
        # a furniture sentence with a reporting one after it stays (the line is content)
        "Russia did not respond to requests for comment. The strike killed five.",
        "Analysis: Russia invaded on Feb. 24",  # a labelled headline with a date of its own
        "Mourners ended the vigil at dawn.",
    ):
        assert not is_boilerplate(line), line


def test_wire_and_live_blog_furniture_is_boilerplate():
    for line in ("— Ends —", "Live updates: Kakhovka dam destroyed in southern Ukraine", "We're pausing our live blog.",
                 "The Kremlin did not immediately respond to a request for comment."):  # fmt: skip
        assert is_boilerplate(line), line


def test_publication_lines_are_furniture_but_a_sentence_after_one_is_not():
    for line in ("Published: Thursday, 12 June 2025 | Brussels Bureau", "Updated: Feb 24, 2022 at 10:00 a.m. ET",
                 "Posted June 12, 2025", "Updated 14/03/2025 10:22 GMT"):  # fmt: skip
        assert is_boilerplate(line), line
    assert not is_boilerplate("Published figures on 12 June 2025 showed inflation rose.")
    assert not is_boilerplate("Updated March 3, 2022. Russian troops shelled the city overnight.")


def test_content_spans_point_into_the_original_text():
    text = "advertisement\n  Russia moved troops.  \n\nSubscribe\nTalks ended.\n"
    spans = content_spans(text)
    assert [text[s:e] for s, e in spans] == ["Russia moved troops.", "Talks ended."]


@given(st.text(alphabet=st.sampled_from("ab \n.Sr(")))
def test_content_spans_are_ordered_trimmed_and_single_line(text):
    last = 0
    for start, end in content_spans(text):
        assert last <= start < end <= len(text)
        piece = text[start:end]
        assert "\n" not in piece and piece == piece.strip()
        last = end


def test_markdown_rules_are_not_content():
    from timeline.text.clean import content_spans

    text = "| field | meaning |\n| --- | :---: |\n| id | the page |\n\n* * *\n\nTroops arrived on Wednesday."
    lines = [text[start:end] for start, end in content_spans(text)]
    assert lines == ["| field | meaning |", "| id | the page |", "Troops arrived on Wednesday."]


def test_live_blog_roundup_press_release_and_correction_furniture_is_boilerplate():
    for line in (
        "Good morning and welcome to our live coverage of the war in Ukraine.",
        "We will bring you the latest as it happens.",
        "Every Saturday we look back at the biggest stories of the war.",
        "Here is what happened between Saturday, October 8, and Friday, October 14.",
        "What to watch next week",
        "Key events",
        "Jens Laerke, OCHA Geneva, +41 22 917 1234, laerke@un.org",
        "About CERF: Since its creation in 2006, CERF has provided more than $8 billion.",
        "Editor's note: This is a developing story and will be updated.",
        "Correction: An earlier version of this story said the incursion began on Monday.",
        "Additional reporting by Mihai Rotaru",
        "Yes.",
    ):
        assert is_boilerplate(line), line
    for line in (
        "About a dozen protesters gathered: police said they were peaceful.",  # no name after "About"
        "Reporting by the agency showed gains in May.",
        "Prices rose +2.5% in May.",
        "Writing by hand, he said the vote was rigged.",
        # the round's sweep: reporting that looks like furniture
        "Residents can call the hotline at +380 44 123 4567.",
        "About Kharkiv: the city was shelled overnight.",
        "Correction-officer unions protested on Monday.",
        "Reporting by Reuters showed the army lost 300 tanks.",
        # a furniture sentence with reporting after it in the same line stays (the pipeline drops the sentence)
        "Editor's note: This is a developing story. Russia invaded Ukraine on Thursday.",
        "Every Saturday we look back at the war. Russia invaded on Thursday.",
    ):
        assert not is_boilerplate(line), line


def test_the_bulleted_links_under_a_related_coverage_heading_are_not_content():
    text = ("The cap takes effect on Monday.\nRelated coverage:\n- EU agrees $60 price cap on Russian oil\n"
            "- Oil prices rise ahead of OPEC+ meeting on Sunday\n\nAnalysts are divided.\n- A list item of the story")
    lines = [text[start:end] for start, end in content_spans(text)]
    assert lines == ["The cap takes effect on Monday.", "Analysts are divided.", "- A list item of the story"]
    after_gap = "Read more:\n- A link\n\n- Russia fired missiles on Monday."
    assert [after_gap[start:end] for start, end in content_spans(after_gap)] == ["- Russia fired missiles on Monday."]


def test_link_list_headings_are_well_formed_without_duplicates():
    headings = [clean._normalize(x) for x in _data()["link_list_headings"]]
    assert all(headings) and len(headings) == len(set(headings))
