"""Sentence splitting with offsets into the original text."""

from __future__ import annotations

import yaml
from hypothesis import given
from hypothesis import strategies as st

from timeline.text import sentences
from timeline.text.sentences import split


def _texts(text: str) -> list[str]:
    return [text[s:e] for s, e in split(text)]


def test_abbreviation_lists_are_well_formed():
    path = sentences.resources.files("timeline").joinpath("resources", "text", "abbreviations.yaml")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key in ("never_final", "may_end", "sentence_starters"):
        assert len(data[key]) == len(set(data[key])), f"duplicates in {key}"
        assert all(isinstance(x, str) and x and not x.endswith(".") for x in data[key]), key
    assert not set(data["never_final"]) & set(data["may_end"]), "an abbreviation cannot be in both lists"


def test_abbreviations_titles_and_initials_do_not_end_sentences():
    text = "Mr. Putin met Gen. Gerasimov on Feb. 10 at 3 p.m. in Minsk. John F. Kennedy was not there."
    assert _texts(text) == [
        "Mr. Putin met Gen. Gerasimov on Feb. 10 at 3 p.m. in Minsk.",
        "John F. Kennedy was not there.",
    ]


def test_may_end_abbreviation_ends_a_sentence_before_a_sentence_starter():
    assert _texts("Troops were flown to the U.S. The move surprised Moscow.") == [
        "Troops were flown to the U.S.",
        "The move surprised Moscow.",
    ]
    assert _texts("The U.S. Army moved.") == ["The U.S. Army moved."]


def test_quotes_stay_with_their_sentence():
    text = '"We will win." He left! "Is it over?" she asked. "We are kind", he had added.'
    assert _texts(text) == ['"We will win."', "He left!", '"Is it over?" she asked.', '"We are kind", he had added.']


def _joined(text: str, keep_apart=lambda _s, _e: False) -> list[str]:
    return [text[s:e] for s, e in sentences.join_quotations(text, split(text), keep_apart)]


def test_a_quotation_of_several_sentences_is_one_sentence_with_its_speaker():
    # before: 'I follow the sky," he said.' was a sentence of its own, with no opening quote and no subject
    text = '"I do not follow politics in Washington. I follow the sky," he said. Russia denied it.'
    joined = '"I do not follow politics in Washington. I follow the sky," he said.'
    assert _joined(text) == [joined, "Russia denied it."]
    assert len(_texts(text)) == 3  # the split alone leaves them apart
    curly = "He said: “We pulled out. That was an order.” Then he left."
    assert _joined(curly) == ["He said: “We pulled out. That was an order.”", "Then he left."]
    # a quotation left open at the end of a paragraph (it goes on in the next) joins nothing
    unclosed = '"We pulled out. We had to. It saved lives. Nobody argued. Orders came.'
    assert len(_joined(unclosed)) == 5
    assert len(_joined('"We pulled out.\nWe had to," he said.')) == 2  # nor across lines
    # quoted words inside one sentence change nothing
    assert _joined('He called it "a bluff." Moscow said "no."') == ['He called it "a bluff."', 'Moscow said "no."']
    # the caller may keep a stretch apart (the pipeline: one holding a date)
    assert len(_joined(text, lambda _s, _e: True)) == 3


def test_newline_is_a_hard_boundary_and_offsets_are_original():
    text = "Headline without a stop\nFeb. 10, 2022\n  First sentence. Second one.\n"
    spans = split(text)
    assert [text[s:e] for s, e in spans] == [
        "Headline without a stop",
        "Feb. 10, 2022",
        "First sentence.",
        "Second one.",
    ]
    assert spans[2][0] == text.index("First")


def test_a_hard_wrapped_line_goes_on_in_the_next_one():
    text = ("Russian forces shelled Kharkiv on Monday, killing nine people, and\nthe governor said rescue teams were\n"
            "still searching. Crews left.\nKey dates\nlater entries stay apart:\nfirst item")
    assert [text[s:e] for s, e in split(text)] == [
        "Russian forces shelled Kharkiv on Monday, killing nine people, and\nthe governor said rescue teams were\n"
        "still searching.",
        "Crews left.",
        "Key dates\nlater entries stay apart:",  # no closing mark, lower case next: one sentence
        "first item",  # after a colon: a line of its own
    ]
    first_break, second_break = text.index("\n"), text.index("\n", text.index("\n") + 1)
    regions = [(0, first_break), (first_break + 1, second_break), (second_break + 1, len(text))]  # content lines
    assert [text[s:e] for s, e in split(text, regions)][0].endswith("were\nstill searching.")


def test_regions_restrict_splitting():
    text = "advertisement\nA first one. A second one."
    assert [text[s:e] for s, e in split(text, [(14, len(text))])] == ["A first one.", "A second one."]


def test_lowercase_after_a_dot_does_not_split():
    assert _texts("Goods or services... used to reproduce music. Then it ended.") == [
        "Goods or services... used to reproduce music.",
        "Then it ended.",
    ]


@given(st.text(alphabet=st.sampled_from(list("aA. \n\"'”?!Mr.U.S.10"))))
def test_spans_cover_every_visible_character_once_in_order(text):
    spans = split(text)
    covered = set()
    last = 0
    for start, end in spans:
        assert last <= start < end <= len(text)
        for at in (i for i in range(start, end) if text[i] == "\n"):  # only a hard wrap joins lines
            assert text[start:at].rstrip()[-1:] not in ".!?:;…\"'”’)]" and text[at + 1 : end].lstrip()[:1].islower()
        assert text[start:end] == text[start:end].strip()
        covered.update(range(start, end))
        last = end
    visible = {i for i, ch in enumerate(text) if not ch.isspace()}
    assert visible <= covered


def test_every_abbreviation_entry_is_live():
    abbr = sentences.abbreviations()
    for word in abbr.never_final:
        assert len(split(f"They met {word}. Smith there.")) == 1, word
    for word in abbr.may_end:
        assert len(split(f"They met {word}. Smith there.")) == 1, word
        assert len(split(f"They met {word}. The end.")) == 2, word
    for word in abbr.sentence_starters:
        assert len(split(f"Troops reached the U.S. {word} moved.")) == 2, word
