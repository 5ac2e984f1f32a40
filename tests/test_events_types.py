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


@pytest.mark.parametrize(
    ("text", "expected", "cue"),
    [
        # the disaster is the subject of the attack verbs "struck" and "killing"
        ("A 6.4-magnitude earthquake struck Jajarkot district late on Friday, killing at least 153 people.",
         "disaster", "earthquake"),
        ("An earthquake killed more than 150 people in Hatay province.", "disaster", "earthquake"),
        ("Cyclone Freddy has killed more than 500 people in Malawi and Mozambique.", "disaster", "cyclone"),
        # the displacement is the flood's toll, not a separate response
        ("Floods in Sindh province displaced 2 million people in August.", "disaster", "floods"),
        # a passive verb: the next cue, even in the background, is the cause
        ("Two people were killed in the earthquake.", "disaster", "earthquake"),
        ("Three fishermen were killed when a tropical storm hit the coast.", "disaster", "storm"),
        ("Wildfires burned 10,000 hectares of forest near Alexandroupolis.", "disaster", "wildfires"),
        # people and forces acting stay what they were
        ("Russian forces struck a power plant in Kharkiv.", "attack", "struck"),
        ("Troops killed 10 civilians in the flood-hit region.", "attack", "killed"),
        ("Civilians were killed by Russian shelling in the flooded district.", "attack", "killed"),
        ("As floods hit the region, troops killed 10 civilians.", "attack", "killed"),
        ("In the flood-hit region, troops killed 10 civilians.", "attack", "killed"),
        ("Protesters stormed the parliament building.", "protest", "protesters"),
        # the response to a disaster is humanitarian
        ("Thousands fled the floods in Sindh.", "humanitarian", "fled"),
        ("Aid convoys reached flood-hit villages in Balochistan.", "humanitarian", "aid convoys"),
        ("Refugees flooded into Poland.", "humanitarian", "refugees"),
        ("Famine has taken hold in parts of northern Gaza.", "humanitarian", "famine"),
    ],
)
def test_disasters_and_their_toll(text, expected, cue):
    event_type, type_cue = classify(text)
    assert (event_type, type_cue.lower()) == (expected, cue)


@pytest.mark.parametrize(
    "text",
    [
        "The storm of criticism forced the minister to resign.",
        "He won the election by a landslide.",
        "Ukraine fired Storm Shadow missiles at Sevastopol.",
        "Russia fired Tornado-S rockets at Kherson.",
        "The ministry faced a flood of complaints.",
    ],
)
def test_figurative_and_weapon_names_are_not_disasters(text):
    assert classify(text)[0] != "disaster"


def test_taxonomy_ids_and_labels():
    ids = type_ids()
    assert {"military", "attack", "diplomacy", "statement", "sanctions", "protest", "humanitarian", "disaster",
            "agreement", "threat", "other"} == set(ids)
    assert type_label("military") == "Military exercise or deployment"
