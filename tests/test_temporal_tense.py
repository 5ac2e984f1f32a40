"""Tense cues: which side of the publication date a bare weekday falls on."""

from __future__ import annotations

import pytest

from timeline.temporal import sentence_tense
from timeline.temporal.tense import graded_cues, sentence_spans, tense_among, tense_cues, tense_near


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Russia and Belarus are set to begin 10 days of joint military drills on Thursday.", "future"),
        ("Gerasimov arrived in Belarus on Wednesday to supervise the joint exercises.", "past"),
        ("The talks will resume next week.", "future"),
        ("Belarus is Russia's closest ally.", "present"),
        ("Thirty thousand troops", None),
        ("Colonel Collins will be named commander in December.", "future"),
        ("Penn State will play Oregon in the Rose Bowl on Monday.", "future"),  # "Rose" in a name is no past verb
        ("Ukraine will have been at war for three years on 24 February.", "future"),  # no perfect after "will"
        ("They'll have left by Monday.", "future"),  # "'ll" hangs on the word before it
        ("The government, sworn in on Thursday, is right-wing.", "past"),  # an -en participle as its own clause
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


@pytest.mark.parametrize(
    ("text", "first"),
    [
        # a short line with no stop over a long one is a heading: its present tense is not the story's
        ("Friday: Putin says no need for more strikes\nSpeaking at a summit in Kazakhstan on Friday, Putin said the"
         " partial mobilisation would end within two weeks.", "Friday: Putin says no need for more strikes\n"),
        # hard-wrapped lines fill the width: a break within a sentence is no end
        ("The ministers met in Brussels on Wednesday and agreed to\nFreeze the talks until the end of the month.",
         "The ministers met in Brussels on Wednesday and agreed to\nFreeze the talks until the end of the month."),
    ],
)
def test_a_heading_line_is_a_sentence_of_its_own(text, first):
    start, end = sentence_spans(text)[0]
    assert text[start:end] == first


def _tense_of(sentence: str, words: str):
    start = sentence.index(words)
    return tense_near(sentence, start, start + len(words))


@pytest.mark.parametrize(
    ("sentence", "words", "expected"),
    [
        # a governing future phrase is not overridden by a nearer participle
        ("Leaders are set to sign the pact, drafted and revised in secret, on Friday.", "Friday", "future"),
        # a cue past a comma belongs to another clause when a cue precedes the expression
        ("She will visit Kyiv on Monday, officials said.", "Monday", "future"),
        ("On Monday, officials said, the convoy left.", "Monday", "past"),
        # the present perfect reports the past
        ("Prices have climbed since the March decision.", "March", "past"),
        # "until" yields to a finite verb of its clause, and looks forward without one
        ("Until Friday, the ministry had said nothing.", "Friday", "past"),
        ("The show runs until Friday.", "Friday", "future"),
        ("But until Friday, the ministry had said nothing.", "Friday", "past"),
        # a reporting verb after an "until" that follows its own verb says nothing of the date
        ("Talks continue until Friday, officials said.", "Friday", "future"),
        # a past verb of duration makes the "until" date past; a past verb that sets a deadline does not
        ("The curfew lasted until Friday.", "Friday", "past"),
        ("They waited until Friday to announce it.", "Friday", "past"),
        ("The mayor extended the curfew until Friday.", "Friday", "future"),
        ("The bridge did not reopen until Friday.", "Friday", "past"),
        # "and" with a second verb starts another clause: its "will" is not the first verb's
        ("Biden arrived in Brussels on Wednesday night and will meet NATO leaders.", "Wednesday night", "past"),
        # "after" and a gerund tell what came before a present clause, not a plan
        ("Nurses are on strike today after walking out on Thursday.", "Thursday", "past"),
        ("The team will regroup after training on Thursday.", "Thursday", "future"),
        ("They announced referendums, to be held from Friday to Tuesday.", "Friday", "future"),
        ("Analysts warned that inflation might exceed 10% by the autumn.", "the autumn", "future"),
        ("The plant might have been hit on Monday.", "Monday", "past"),
        # a capitalised word inside a sentence is a name, not a present verb
        ("She reached the final of the Australian Open on Thursday.", "Thursday", "past"),
        # a date in a relative clause between commas takes that clause's verbs, not the main clause's
        ("Kohl, who cut short a visit to Poland on Friday, will return next week.", "Friday", "past"),
        ("Kohl, who will visit Poland on Friday, said the talks were useful.", "Friday", "future"),
        # a relative clause after the date is about its noun, not the clause's tense
        ("Erdogan faces an election on May 14, which officials had said could be postponed.", "May 14", None),
        # auxiliaries before a plan word do not make it past
        ("Rebels were planning an attack on Friday.", "Friday", "past"),
        # the plural present of a scheduled event looks forward; as an infinitive or a noun it is no cue
        ("Leaders meet in Brussels on Thursday.", "Thursday", "present"),
        ("Talks resume on Monday.", "Monday", "present"),
        ("They did not meet on Friday.", "Friday", "past"),
        ("At the close of business Thursday, shares fell.", "Thursday", "past"),
        # a semicolon joins independent clauses: the expression's own clause decides
        ("Exports rose in the first half; the second half will be weaker.", "second half", "future"),
        ("They will meet on Friday; talks failed on Monday.", "Monday", "past"),
        ("Talks failed; on Friday nothing.", "Friday", None),
    ],
)
def test_tense_near_follows_clause_structure(sentence, words, expected):
    assert _tense_of(sentence, words) == expected


@pytest.mark.parametrize(
    "sentence",
    ["The vote had been scheduled for Friday.", "The talks were due to start on Friday.",
     "The ministry has scheduled a briefing for Friday."],
)
def test_plans_told_in_the_past_read_as_planned(sentence):
    start = sentence.index("Friday")
    cues = graded_cues(sentence)
    assert tense_among(cues, start, start + 6, sentence) == "planned"


def test_graded_cues_mark_ed_words_weak_and_listed_verbs_strong():
    cues = {sentence_piece: strong for sentence_piece, strong in
            ((s[a:b], strong) for s in ["He said talks televised live failed."]
             for a, b, _kind, strong in graded_cues(s))}
    assert cues == {"said": True, "televised": False, "failed": False}


def test_an_ed_word_after_an_article_is_an_adjective_not_a_cue():
    assert [s for s, _e, _k in tense_cues("Putin spoke in a televised address on Monday.")] == [6]  # "spoke" only
    assert tense_cues("the damaged building") == []
    assert [k for _s, _e, k in tense_cues("the deal that ended the war")] == ["past"]  # a relative clause's verb


def test_public_tense_cues_keep_the_cue_words_own_tense():
    # other modules read "has" as present (they detect the perfect themselves)
    assert [kind for _s, _e, kind in tense_cues("The UK has ordered troops.")] == ["present"]


def test_public_tense_cues_read_agreed_to_as_past_and_skip_date_only_cues():
    sentence = "Leaders agreed to send troops, effective March 1."
    assert [(sentence[s:e], kind) for s, e, kind in tense_cues(sentence)] == [("agreed to", "past")]


def test_plans_as_a_noun_is_no_future_cue():
    from timeline.temporal import tag

    text = "On Friday, when she set aside vacation plans for the trip, the ministry lifted a warning."
    assert [t.value for t in tag(text, "1998-08-17")] == ["1998-08-14"]
    assert [t.value for t in tag("The ministry plans to hold talks on Friday.", "1998-08-17")] == ["1998-08-21"]


def test_an_infinitive_after_an_adjective_is_no_future_cue():
    from timeline.temporal import tag

    text = "Problems made it difficult for Sun to meet demand well into the summer."
    assert [t.value for t in tag(text, "1989-10-26")] == ["1989-SU"]
    assert [t.value for t in tag("The ceasefire was to hold over Easter.", "2022-02-10")] == ["2022-04-17"]


def test_the_ed_end_of_a_hyphenated_compound_is_no_verb():
    assert tense_cues("the Moscow-backed republic") == []
    assert [kind for _s, _e, kind in tense_cues("Moscow backed the republic")] == ["past"]
