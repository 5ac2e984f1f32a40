"""Actors: countries, demonyms, governments, organisations, curated people, unknown names."""

from __future__ import annotations

import pytest

from timeline.events.actors import accepted, actors_from, article_support
from timeline.events.gazetteer import find_mentions


def actors(text: str, article: str | None = None) -> list[dict]:
    support = article_support(find_mentions(article if article is not None else text))
    mentions = accepted(find_mentions(text), text, support)
    return actors_from(mentions, text, support)


def names(text: str, article: str | None = None) -> list[str]:
    return [a["name"] for a in actors(text, article)]


def test_countries_and_demonyms_name_the_country():
    found = actors("The Belarusian and Russian armies will conduct joint exercises near Ukraine.")
    assert [(a["name"], a["kind"], a["country"]) for a in found] == [
        ("Belarus", "country", "BLR"),
        ("Russia", "country", "RUS"),
        ("Ukraine", "country", "UKR"),
    ]
    assert all(a["normalized"] for a in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Kremlin denied the report.", "Russia"),
        ("Moscow said it would pull back troops.", "Russia"),
        ("Moscow's demands were rejected.", "Russia"),
        ("The White House warned of sanctions.", "United States"),
        ("Moscow launched its invasion a week ago.", "Russia"),
        ("Kyiv could try to strike the bridge.", "Ukraine"),
        ("The Moscow-backed separatists shelled the town.", "Russia"),
    ],
)
def test_seats_of_government_are_the_country(text, expected):
    found = actors(text)
    assert found[0]["name"] == expected
    assert found[0]["kind"] == "country"


def test_a_capital_as_location_is_not_an_actor():
    assert "Russia" not in names("Talks were held in Moscow.")
    assert "Ukraine" not in names("The Kyiv-based group met on Monday.")


@pytest.mark.parametrize(
    ("alias", "canonical"),
    [
        ("Zelensky", "Volodymyr Zelenskyy"),
        ("Zelenskyy", "Volodymyr Zelenskyy"),
        ("Volodymyr Zelenskyy", "Volodymyr Zelenskyy"),
        ("President Zelensky", "Volodymyr Zelenskyy"),
        ("Lukashenka", "Alexander Lukashenko"),
        ("Erdoğan", "Recep Tayyip Erdogan"),
    ],
)
def test_people_aliases_resolve_to_one_canonical_person(alias, canonical):
    found = actors(f"On Monday {alias} spoke to reporters.")
    assert found[0]["name"] == canonical
    assert found[0]["kind"] == "person"


def test_ambiguous_surname_needs_the_article_to_name_the_person():
    text = "Johnson said the UK would send troops."
    assert "Boris Johnson" not in names(text, article="Dwayne Johnson starred in a film. " + text)
    assert "Boris Johnson" in names(text, article="Prime Minister Boris Johnson flew to Warsaw. " + text)
    assert "Boris Johnson" in names("Prime Minister Johnson said the UK would send troops.")


def test_organisations_and_armed_groups_have_kinds_and_countries():
    found = {a["name"]: a for a in actors("NATO and the Pentagon accused the Wagner Group of sabotage.")}
    assert found["NATO"]["kind"] == "organisation" and found["NATO"]["country"] == ""
    assert found["Pentagon"]["country"] == "USA"
    assert found["Wagner Group"]["kind"] == "armed_group"


def test_unknown_names_are_kept_unnormalized():
    found = actors("The plan was criticised by Oleksandr Merezhko, a lawmaker, and by Minister Ivanenko.")
    unknown = {a["name"]: a for a in found if not a["normalized"]}
    assert "Oleksandr Merezhko" in unknown
    assert unknown["Ivanenko"]["kind"] == "person"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # before: "Political Community", "Security Conference", "Study of War", "National Security"; the
        # Cathedral and the Prize were actors
        ("Leaders met at the European Political Community in Moldova.", ["European Political Community"]),
        ("He spoke at the Munich Security Conference.", ["Munich Security Conference"]),
        ("Analysts at the Institute for the Study of War said so.", ["Institute for the Study of War"]),
        ("A meeting of the National Security and Defense Council was held.", ["National Security and Defense Council"]),
        ("The National Agency on Corruption Prevention said so.", ["National Agency on Corruption Prevention"]),
        ("Biden walked past St. Michael's Cathedral in Kyiv.", []),
        # joins that join two names: "on" and "for the" after a head only, "and" before the first head only
        ("The title went to Alcaraz on Sunday.", []),
        ("Trump on Truth Social said so.", ["Truth Social"]),
        ("The Interior Ministry and Border Guard Service said so.", ["Interior Ministry", "Border Guard Service"]),
        # a head then a title and a person: the person (not an organisation "... Bank President Ajay Banga")
        ("World Bank President Ajay Banga said so.", ["Ajay Banga"]),
        ("Buckingham Palace said so.", ["Buckingham Palace"]),  # a palace speaks
        ("Harvard and Yale University said so.", ["Yale University"]),  # not one organisation "Harvard and Yale ..."
        ("The European Parliament awarded the Sakharov Prize to Ukraine.", []),
        ("Minister Smith and Minister Jones met.", ["Smith", "Jones"]),  # "and" joins only an organisation's name
    ],
)
def test_organisation_names_are_whole_and_places_and_prizes_are_no_actors(text, expected):
    assert [a["name"] for a in actors(text) if not a["normalized"]] == expected


@pytest.mark.parametrize(
    ("text", "country", "person"),
    [
        ("He met Palestinian President Mahmoud Abbas.", "Palestine", "Mahmoud Abbas"),
        ("Israel's Defence Minister Yoav Gallant ordered a siege.", "Israel", "Yoav Gallant"),
    ],
)
def test_an_unknown_person_after_a_known_country_is_kept(text, country, person):
    found = {a["name"]: a for a in actors(text)}
    assert found[country]["kind"] == "country"
    assert found[person]["kind"] == "person" and not found[person]["normalized"]


def test_armed_groups_of_other_crises_are_actors():
    found = {a["name"]: a for a in actors("Hamas and Hezbollah fired rockets as the Houthis attacked ships.")}
    assert {name: found[name]["country"] for name in ("Hamas", "Hezbollah", "Houthis")} == {
        "Hamas": "PSE", "Hezbollah": "LBN", "Houthis": "YEM"
    }


@pytest.mark.parametrize(
    "text",
    [
        "On Wednesday, February was cold.",
        "The talks, held in March and April, failed.",
        "They met Thursday and Friday.",
        "Advertisement",
    ],
)
def test_months_weekdays_and_openers_are_not_actors(text):
    assert actors(text) == []


def test_outlets_quoted_as_sources_are_not_actors():
    assert names("The minister spoke, as quoted in The Guardian and by Reuters.") == []


def test_country_name_inside_a_personal_name_is_not_a_country():
    assert "Jordan" not in names("Jordan Peterson commented on the crisis.")
    assert "Jordan" in names("Jordan condemned the attack.")


def test_a_surname_alone_names_the_person_the_article_named_in_full_after_a_title():
    article = "President Lazarus Chakwera conceded on Thursday. Chakwera said he would step down."
    support = article_support(find_mentions(article), article)
    assert support.surnames == {"Chakwera": "Lazarus Chakwera"}
    text = "Chakwera said he would step down."
    found = actors_from(accepted(find_mentions(text), text, support), text, support)
    assert [(a["name"], a["kind"]) for a in found] == [("Lazarus Chakwera", "person")]
    assert names(text) == []  # without the article's full naming, one word at a sentence start is no one
