"""Event types from cue lexicons, with the cue recorded."""

from __future__ import annotations

import pytest

from timeline.events.types import classify, type_ids, type_label


@pytest.mark.parametrize(
    ("text", "expected", "cue"),
    [
        ("Russia and Belarus are set to begin 10 days of joint military drills on Thursday, 10 February, "
         "as the threat of a Kremlin invasion looms over Ukrainian borders.", "military", "drills"),
        ("As western European countries imposed sanctions, the EU froze assets.", "sanctions", None),
        ("The EU imposed sanctions on Russian banks.", "sanctions", "sanctions"),
        ('"The UK remains unwavering," Boris Johnson said on Wednesday.', "statement", "said"),
        ("When in August 2020, protests erupted in Belarus after the election.", "protest", "protests"),
        ("Between one and five million people could face war-induced displacement.", "humanitarian", None),
        ("Russian forces shelled Kharkiv overnight.", "attack", None),
        ("Blinken and Lavrov held talks in Geneva.", "diplomacy", "talks"),
        ("Kyiv and Moscow signed an agreement on grain exports.", "agreement", None),
        ("Putin issued an ultimatum to NATO.", "threat", "ultimatum"),
        ("Belarus is Russia's closest ally in Eastern Europe.", "other", ""),
    ],
)
def test_types_and_cues(text, expected, cue):
    event_type, type_cue = classify(text)
    assert event_type == expected
    if cue is not None:
        assert type_cue.lower() == cue
    assert (type_cue == "") == (event_type == "other")


def test_statement_only_when_nothing_stronger():
    assert classify("Officials said troops were deployed to the border.")[0] == "military"
    assert classify("Officials said the talks would resume.")[0] == "diplomacy"


def test_dispute_is_not_an_armed_clash():
    assert classify("The government of Ukraine and US are clashing over intelligence.")[0] == "statement"


def test_taxonomy_ids_and_labels():
    ids = type_ids()
    assert {"military", "attack", "diplomacy", "statement", "sanctions", "protest", "humanitarian", "agreement",
            "threat", "other"} == set(ids)
    assert type_label("military") == "Military exercise or deployment"
