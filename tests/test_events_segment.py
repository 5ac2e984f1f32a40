"""Clauses: one per governing date, a partition of the sentence, reported content linked to its saying."""

from __future__ import annotations

import re

import yaml
from hypothesis import given
from hypothesis import strategies as st

from timeline.events import segment, status
from timeline.events.segment import split_clauses


def _anchors(text: str, *words: str) -> list[tuple[int, int]]:
    spans = []
    for word in words:
        at = text.index(word)
        spans.append((at, at + len(word)))
    return spans


def _clauses(text: str, *words: str) -> list[tuple[str, str, int | None]]:
    return [
        (text[c.start : c.end], c.role, c.parent) for c in split_clauses(text, 0, len(text), _anchors(text, *words))
    ]


def test_clause_lexicon_is_well_formed():
    path = segment.resources.files("timeline").joinpath("resources", "events", "clauses.yaml")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    markers = [m for group in data["boundaries"].values() for m in group]
    assert all(isinstance(m, str) and m.strip() for m in markers)
    assert len(markers) == len({m.lower() for m in markers}), "a marker is listed twice"
    assert all(isinstance(k, int) for k in data["boundaries"])


def test_two_dates_two_clauses():
    text = "Russia snatched Crimea in 2014, and protests erupted in Belarus in August 2020."
    assert _clauses(text, "2014", "August 2020") == [
        ("Russia snatched Crimea in 2014,", "main", None),
        ("and protests erupted in Belarus in August 2020.", "main", None),
    ]


def test_a_preposition_of_the_second_date_is_no_clause_opener():
    text = "Cases reached a July record, with 38,200 patients admitted since January 1."
    assert [c for c, _, _ in _clauses(text, "July", "January 1")] == [
        "Cases reached a July record,",
        "with 38,200 patients admitted since January 1.",
    ]
    text = "Troops arrived on Monday since the talks began on Friday."  # a real clause opener stays one
    assert [c for c, _, _ in _clauses(text, "Monday", "Friday")][1].startswith("since")


def test_no_date_one_clause():
    text = "Poland will be the most likely destination."
    assert _clauses(text) == [(text, "main", None)]


def test_reported_content_with_its_own_date_is_split_and_linked():
    text = "Johnson said on Wednesday that troops will move next week."
    assert _clauses(text, "on Wednesday", "next week") == [
        ("Johnson said on Wednesday that", "saying", None),
        ("troops will move next week.", "content", 0),
    ]


def test_postposed_saying_makes_the_earlier_clauses_its_content():
    text = "Sales rose in 2005 and fell in 2006, Apple said on Monday."
    clauses = _clauses(text, "2005", "2006", "Monday")
    assert clauses[-1] == ("Apple said on Monday.", "saying", None)
    assert [c[1:] for c in clauses[:-1]] == [("content", 2), ("content", 2)]


def test_relative_pronoun_separates_two_dated_events():
    text = "In 1986 he bought Pixar which was acquired by Disney in 2005."
    assert [c[0] for c in _clauses(text, "1986", "2005")] == [
        "In 1986 he bought Pixar",
        "which was acquired by Disney in 2005.",
    ]


def test_a_dated_quotation_is_the_content_of_its_saying():
    text = 'Jobs promoted the phone by saying that, "one year after launching it, we launch the 3G."'
    assert _clauses(text, "one year after") == [
        ("Jobs promoted the phone by saying that,", "saying", None),
        ('"one year after launching it, we launch the 3G."', "content", 0),
    ]
    text = '"We will move next week," Johnson said on Wednesday.'
    assert _clauses(text, "next week", "on Wednesday") == [
        ('"We will move next week,"', "content", 1),
        ("Johnson said on Wednesday.", "saying", None),
    ]


@given(st.data())
def test_clauses_partition_the_sentence_and_hold_each_anchor_once(data):
    words = data.draw(
        st.lists(
            st.sampled_from(["Russia", "said", "in", "2014", ",", "and", ";", "which", "that", '"', "“", "”"]),
            min_size=1,
            max_size=14,
        )
    )
    text = " ".join(words)
    positions = [m.span() for m in re.finditer(r"2014", text)]
    clauses = split_clauses(text, 0, len(text), positions)
    last = 0
    held = []
    for clause in clauses:
        assert last <= clause.start <= clause.end <= len(text)
        assert text[last : clause.start].strip() == ""
        last = clause.end
        held.extend(clause.anchors)
    assert text[last:].strip() == ""
    assert sorted(held) == list(range(len(positions)))
    for clause in clauses:
        assert clause.parent is None or (0 <= clause.parent < len(clauses) and clauses[clause.parent].role == "saying")


def test_every_marker_cuts_between_two_dates():
    path = segment.resources.files("timeline").joinpath("resources", "events", "clauses.yaml")
    for markers in yaml.safe_load(path.read_text(encoding="utf-8"))["boundaries"].values():
        for marker in markers:
            text = f"Troops moved in 2014{marker} then left in 2015."
            first, second = split_clauses(text, 0, len(text), _anchors(text, "2014", "2015"))
            assert text[second.start :].startswith((marker.strip(" ,;—–-") or "then") + " "), marker


def test_coordinated_sayings_are_cut_apart_first():
    text = "On Tuesday, Russia said it had pulled back, but NATO said on Wednesday it saw no sign of that."
    assert _clauses(text, "Tuesday", "Wednesday") == [
        ("On Tuesday, Russia said it had pulled back,", "main", None),
        ("but NATO said on Wednesday it saw no sign of that.", "main", None),
    ]


def test_attributions_do_not_cut_a_saying_and_are_reported_cues():
    path = segment.resources.files("timeline").joinpath("resources", "events", "clauses.yaml")
    for phrase in yaml.safe_load(path.read_text(encoding="utf-8"))["attributions"]:
        cues = status.find_cues(f"It was {phrase} the report")
        assert cues and cues[0].status == "reported" and cues[0].cue.lower() == phrase, phrase
    text = "According to the report, Apple will launch the phone in June."
    assert _clauses(text, "June") == [(text, "main", None)]


def test_a_dated_relative_clause_does_not_date_a_main_verb_in_another_tense():
    text = "The war, which started in 2014, has killed more than 14,000 people."
    assert [c[0] for c in _clauses(text, "2014")] == [
        "The war, which started in 2014,",
        "has killed more than 14,000 people.",
    ]
    text = "The summit, which opened on 16 June, ended without agreement."
    assert [c[0] for c in _clauses(text, "16 June")] == [text]
    # a clause about a person is background whatever the main verb's tense: the saying came later
    text = "Johnson, who took office in July 2019, said it was a matter of regret."
    assert [c[0] for c in _clauses(text, "July 2019")] == [
        "Johnson, who took office in July 2019,",
        "said it was a matter of regret.",
    ]
    path = segment.resources.files("timeline").joinpath("resources", "events", "clauses.yaml")
    for word in yaml.safe_load(path.read_text(encoding="utf-8"))["parenthetical_openers"]:
        text = f"The war, {word} it began in 2014, has killed many."
        assert len(_clauses(text, "2014")) == 2, word


def test_a_dated_participle_clause_does_not_date_a_perfect_main_verb():
    text = "Jobs, born in San Francisco on February 24, 1955, has built the most valuable company."
    assert [c[0] for c in _clauses(text, "February 24, 1955")] == [
        "Jobs, born in San Francisco on February 24, 1955,",
        "has built the most valuable company.",
    ]


def test_a_dated_relative_clause_ending_the_sentence_dates_only_itself():
    text = "Attacks came from Russia and from Crimea, which Russia annexed in 2014."
    assert [c[0] for c in _clauses(text, "2014")] == ["Attacks came from Russia and from Crimea,",
                                                     "which Russia annexed in 2014."]  # fmt: skip
    assert segment.opens_relative("which Russia annexed in 2014.") and not segment.opens_relative("Attacks came")
    path = segment.resources.files("timeline").joinpath("resources", "events", "clauses.yaml")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(data["same_time_relative_openers"]) <= set(data["trailing_relative_openers"])
    for word in set(data["trailing_relative_openers"]) - set(data["same_time_relative_openers"]):
        other = text.replace("which", word)
        assert len(_clauses(other, "2014")) == 2, word


def test_a_where_clause_is_cut_off_only_when_its_tense_differs():
    text = "The next session could be held in Washington, where Blinken hosted the ministers last November."
    assert [c[0] for c in _clauses(text, "last November")] == [
        "The next session could be held in Washington,",
        "where Blinken hosted the ministers last November.",
    ]


def test_a_trailing_relative_clause_stays_when_no_clause_precedes_or_a_phrase_follows():
    for text in (
        "The army chief, Valery Gerasimov, who arrived in Belarus on Wednesday.",  # an appositive, no verb
        "Protests broke out in Minsk, where police arrested 100 people on Sunday.",  # "where": the same day
        "Troops left Crimea, which Russia annexed in 2014, and went home.",  # a phrase follows the date
    ):
        anchor = "Wednesday" if "Wednesday" in text else "Sunday" if "Sunday" in text else "2014"
        assert len(_clauses(text, anchor)) == 1, text


def test_an_object_of_a_reporting_verb_is_not_cut_off_as_its_content():
    for text in ("Putin announced a partial mobilisation on Sept. 21, prompting thousands of men to flee.",
                 "The Kremlin denied involvement on Monday."):
        spans = [(m.start(), m.end()) for m in re.finditer(r"Sept\. 21|Monday", text)]
        assert [c.role for c in segment.split_clauses(text, 0, len(text), spans)] == ["main"], text
    text = "Both sides said the call set the tone for talks early next month."
    start = text.index("early next month")
    roles = [c.role for c in segment.split_clauses(text, 0, len(text), [(start, start + 16)])]
    assert roles == ["saying", "content"]  # "said" always tells a statement


def test_an_independent_clause_without_the_date_is_its_own_clause():
    text = "Russian lawmakers demanded a tough response, and Putin is due to chair a meeting on Monday."
    assert [c[0] for c in _clauses(text, "Monday")] == [
        "Russian lawmakers demanded a tough response,", "and Putin is due to chair a meeting on Monday."
    ]
    text = "Troops entered Kherson on Friday, and residents celebrated in the streets."
    assert [c[0] for c in _clauses(text, "Friday")] == [
        "Troops entered Kherson on Friday,", "and residents celebrated in the streets."
    ]


def test_a_second_verb_phrase_or_complement_stays_with_the_dated_clause():
    for text in [
        "Erdogan declared an emergency on Tuesday, and said he would visit the region.",
        "The US will send 2,000 troops on Friday, and move 1,000 soldiers already based in Germany to Romania.",
        "The talks ended on 21 January with no agreement, but with a plan to keep talking.",
    ]:
        assert len(_clauses(text, re.search(r"Tuesday|Friday|21 January", text).group())) == 1, text


def test_a_dated_first_content_before_and_that_is_cut_from_its_saying():
    text = "He said some experts would stay at the plant until Saturday and that the agency would seek a presence."
    assert [c[:2] for c in _clauses(text, "Saturday")] == [
        ("He said", "saying"),
        ("some experts would stay at the plant until Saturday and that the agency would seek a presence.", "content"),
    ]
    text = "Putin told Biden during a call on 7 December that Moscow wanted guarantees."  # the date is the saying's
    assert [c[:2] for c in _clauses(text, "7 December")] == [(text, "main")]


def test_a_noun_with_its_description_ends_describing():
    assert segment.ends_describing("the bridge, which was destroyed in March,")
    assert segment.ends_describing("Ukraine's counteroffensive, launched in early September,")
    assert not segment.ends_describing("Russia struck Kyiv, Lviv,")
    assert not segment.ends_describing("which Russia annexed in 2014.")
    assert not segment.ends_describing("Attacks came from Crimea,")


def test_a_comma_inside_a_number_is_no_clause_boundary():
    text = "Cases fell to 1,940 on Sunday from 4,000 a week in mid-December."
    sunday, december = text.index("Sunday"), text.index("mid-December")
    clauses = segment.split_clauses(text, 0, len(text), [(sunday, sunday + 6), (december, december + 12)])
    assert all(not text[c.start : c.end].startswith("000") for c in clauses)


def test_where_and_when_a_statement_was_made_is_no_content_of_it():
    text = '"This is terror against Kharkiv," President Volodymyr Zelenskiy said in a video address late on Tuesday.'
    start = text.index("late on Tuesday")
    clauses = segment.split_clauses(text, 0, len(text), [(start, start + len("late on Tuesday"))])
    assert [c.role for c in clauses] == ["main"]  # before: "said" | "in a video address late on Tuesday."
