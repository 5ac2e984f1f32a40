"""Event status from cue words, with the cue kept."""

from __future__ import annotations

import re

import pytest
import yaml

from timeline.events import status
from timeline.schema import STATUSES


def _data() -> dict:
    path = status.resources.files("timeline").joinpath("resources", "events", "status_cues.yaml")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_cue_lexicon_is_well_formed():
    data = _data()
    assert set(data) <= set(STATUSES), "every section must be a schema status"
    seen: dict[str, str] = {}
    for name, entry in data.items():
        for phrase in entry.get("phrases", []):
            assert isinstance(phrase, str) and phrase == phrase.strip() and phrase, (name, phrase)
            key = phrase.lower()
            assert key not in seen, f"{phrase!r} is listed under {seen.get(key)} and {name}"
            seen[key] = name
        for pattern in entry.get("patterns", []):
            re.compile(pattern)


def test_every_phrase_is_found_as_a_cue_of_its_status():
    for name, entry in _data().items():
        for phrase in entry.get("phrases", []):
            cues = status.find_cues(f"Officials {phrase} the talks")
            assert cues and cues[0].status == name and cues[0].cue.lower() == phrase.lower(), (name, phrase)


@pytest.mark.parametrize(
    ("clause", "expected", "cue"),
    [
        ("Russia and Belarus are set to begin 10 days of joint military drills", "scheduled", "set to"),
        ("The Belarusian and Russian armies will conduct joint exercises.", "scheduled", "will"),
        ("The summit is to open in Geneva.", "scheduled", "is to"),
        ("Moscow plans to hold more drills.", "scheduled", "plans to"),
        ('"The UK remains unwavering," Boris Johnson said', "reported", "said"),
        ("According to the ministry, 40 people were hurt.", "reported", "According to"),
        # announcing a thing is an act; announcing that something is so is a report
        ("Kyiv announced new conscription rules.", "occurred", ""),
        ("Kyiv announced that new conscription rules would apply.", "reported", "announced"),
        ("Zelenskyy declared martial law and urged calm.", "occurred", ""),
        ("That equation may have changed now.", "possible", "may"),
        ("Russia threatens to cut gas supplies.", "possible", "threatens"),
        ("Officials warned of an imminent attack.", "possible", "warned"),
        ("The Kremlin denied any plan to invade.", "negated", "denied"),
        ("Troops did not cross the border.", "negated", "did not"),
        ("NATO ruled out sending troops.", "negated", "ruled out"),
        ("Germany has no plans to send weapons.", "negated", "no plans to"),
        ("The government of Ukraine and US are clashing over intelligence", "ongoing", "are clashing"),
        ("If Russia invades, sanctions follow.", "possible", "If"),
        ("The UK has ordered 1,000 troops to be on standby.", "occurred", "has ordered"),
        ("The minister admitted that mistakes were made.", "reported", "admitted"),
        ("In July, 9,870 patients were admitted.", "occurred", ""),  # to hospital: no saying
    ],
)
def test_issue_examples(clause, expected, cue):
    assert status.classify(clause) == (expected, cue)


def test_no_cue_falls_back_to_tense_then_occurred():
    assert status.classify("Gerasimov arrived in Belarus", tense="past") == ("occurred", "past tense")
    assert status.classify("Talks resume in Geneva", tense="future") == ("scheduled", "future tense")
    assert status.classify("30,000 troops") == ("occurred", "")
    assert status.classify("followed by a session in Brussels", future_date=True) == ("scheduled", "future date")
    assert status.classify("The talks moved to Brussels", tense="past", future_date=True)[0] == "occurred"


def test_dates_and_quotes_never_decide():
    assert status.classify("He was born in May 1990", tense="past")[0] == "occurred"
    text = "Drills start next week"
    assert status.find_cues(text, masked=[(text.index("next"), len(text))]) == []
    assert status.classify('"We will always support you," Lukashenko said')[0] == "reported"


def test_earliest_cue_governs():
    assert status.classify("The Kremlin denied that troops will move")[0] == "negated"
    assert status.classify("The minister said troops could move")[0] == "reported"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a subordinate clause with its own subject does not give the event its status
        ("Ukrainian troops entered Kherson on Friday as Russia said it had withdrawn.", "occurred"),
        ("Gas prices jumped on Tuesday after Gazprom said it would cut flows.", "occurred"),
        # nor does a relative clause closing the sentence
        ("Erdogan faces an election on May 14, which officials had said could be postponed.", "scheduled"),
    ],
)
def test_verbs_of_subordinate_and_closing_relative_clauses_do_not_count(text, expected):
    assert status.classify(text, tense="past" if expected == "occurred" else "present", future_date=True)[0] == expected


def test_a_present_tense_with_a_past_date_is_a_chronology_s_historical_present():
    assert status.classify("Bodies of civilians are found in Bucha", tense="present", past_date=True) == (
        "occurred", "past date"
    )
    assert status.classify("Bodies of civilians are found in Bucha", tense="present")[0] == "ongoing"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Erdogan visited Kahramanmaras and admitted shortcomings in the response.", "occurred"),
        ("Biden met Zelensky and said the US would help.", "occurred"),  # nor does what the saying says decide
        ("Officials said troops withdrew and regrouped.", "reported"),
        ("The ministry reported and confirmed 12 deaths.", "reported"),  # the saying came first
    ],
)
def test_a_saying_joined_by_and_to_an_act_told_before_it_leaves_the_act_to_decide(text, expected):
    assert status.classify(text, tense="past")[0] == expected


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        # a negation right after a relative pronoun denies the noun's clause, not the event
        ("The two sides signed a ceasefire that never held", "occurred"),
        ("Russia annexed Crimea after a referendum that was widely rejected as illegitimate", "occurred"),
        ("Russia signed a deal that has never been honoured", "occurred"),
        ("The ministers who did not attend were criticised", "occurred"),
        ("Russia said that it would never attack", "reported"),
        ("The talks never took place", "negated"),
        # a denied ruling-out leaves the event open
        ("Zelensky refused to rule out a meeting with Putin", "possible"),
        ("The Kremlin did not rule out talks", "possible"),
        ("Moscow ruled out talks", "negated"),
        ("Russia refused to withdraw", "negated"),
    ],
)
def test_a_negation_of_something_else_does_not_deny_the_event(clause, expected):
    assert status.classify(clause, tense="past")[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a cue between an article (or possessive) and its noun describes the noun
        ("A planned summit between Biden and Putin will not go ahead.", "negated"),
        ("Russia's planned offensive began in the east.", "occurred"),
        ("His services learned of a plan to stage a coup.", "occurred"),
        ("The cancelled summit was the first since 2021.", "negated"),  # a cancelled one still did not happen
    ],
)
def test_a_cue_describing_a_noun_is_no_verb_of_the_clause(text, expected):
    assert status.classify(text, tense="past")[0] == expected


def test_a_reporting_verb_in_a_passive_reports_nothing():
    assert status.classify("He was added to the sanctions list.", tense="past")[0] == "occurred"
    assert status.classify("Three soldiers were reported missing.", tense="past")[0] == "occurred"
    assert status.classify("The minister added that troops would stay.", tense="past")[0] == "reported"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("On Friday, Zelenskiy recorded a video outside his office to show he had not fled.", "occurred"),
        ("On Friday, he stayed in Kyiv so that nobody would doubt him.", "occurred"),
        ("On Friday, Russia did not invade in order to avoid sanctions.", "negated"),
    ],
)
def test_a_purpose_clause_does_not_decide_whether_the_event_happened(sentence, expected):
    assert status.classify(sentence, tense="past")[0] == expected


def test_a_clause_after_a_conjunction_does_not_decide_a_historic_present():
    """ "sinks after Ukraine says ...": the saying is the subordinate clause's, the sinking happened."""
    clause = "The Moskva, flagship of Russia's Black Sea Fleet, sinks after Ukraine says it hit the cruiser."
    assert status.classify(clause)[0] == "occurred"


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("Because Germany refused, the tanks were not sent in July.", "negated"),  # before: occurred
        ("After Russia shelled the plant, inspectors did not visit it on Thursday.", "negated"),
        ("If Russia invades on Friday, sanctions will follow.", "possible"),  # a condition is no leading clause
        ("Before the invasion, Russia massed troops.", "occurred"),
    ],
)
def test_a_leading_subordinate_clause_does_not_decide_the_status(clause, expected):
    assert status.classify(clause, tense="past")[0] == expected


@pytest.mark.parametrize(
    ("clause", "date", "expected"),
    [
        # before: possible, from the "would" of what was promised, announced or agreed
        ("In 2008 the alliance promised that Ukraine would one day become a member", "2008", "occurred"),
        ("Putin used his address on Tuesday to announce that Russia would suspend the treaty", "Tuesday", "occurred"),
        ("The government signed a deal that would end the strike", None, "occurred"),
        # the date inside the "that" clause makes it the event
        ("Kyiv hoped that talks would resume on Friday", "Friday", "possible"),
        ("Officials feared that the dam could burst", None, "possible"),  # a cue before "that" still decides
    ],
)
def test_an_undated_that_clause_after_a_past_verb_does_not_decide(clause, date, expected):
    masked = [(clause.index(date), clause.index(date) + len(date))] if date else []
    assert status.classify(clause, masked, tense="past")[0] == expected
