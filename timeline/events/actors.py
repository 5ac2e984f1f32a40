"""Who acts in a clause: people, countries, organisations and armed groups, with canonical names.

Mentions come from the compiled gazetteers (:mod:`timeline.events.gazetteer`); this module decides what
they mean as actors. Design choices an analyst should know:

* a seat of government used for the government ("the Kremlin", "Moscow said") becomes the COUNTRY actor
  (kind ``country``, e.g. Russia/RUS), so one filter on Russia finds the Kremlin's statements too;
* demonyms ("Russian troops") name the country;
* a surname that is also an ordinary word ("Johnson", "Austin") counts only when the article names the
  person in full somewhere, or a title stands before it ("Prime Minister Johnson");
* capitalised names we do not know are kept as ``normalized: False`` actors, not dropped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache

from timeline.events.gazetteer import Mention, gazetteers, load_yaml, overlaps

_TOKEN = r"[A-ZÀ-ÖØ-Þ][\w'’.-]*"


@dataclass(frozen=True)
class Support:
    """What the whole article establishes, used to accept context aliases and to place cities."""

    people: frozenset[str]  # canonical names of people named unambiguously somewhere in the article
    countries: frozenset[str]  # ISO alpha-3 of every country named (by name, demonym, person or government)
    surnames: Mapping[str, str] = field(default_factory=dict)  # surname -> full name of a titled person named


def article_support(mentions: list[Mention], text: str = "") -> Support:
    """What the article establishes; with its ``text``, also the people it names in full after a title
    ("President Lazarus Chakwera"), so that the surname alone ("Chakwera said") names them later."""
    people = {m.entities[0].name for m in mentions if m.category == "person" and not m.needs_context}
    countries = {
        m.entities[0].country
        for m in mentions
        if m.category in ("country", "demonym", "government", "person", "region") and m.entities[0].country
    }
    surnames: dict[str, str] = {}
    for item in unknown_names(text, mentions) if text else []:
        if item["kind"] == "person" and len(item["name"].split()) >= 2:
            surnames.setdefault(item["name"].split()[-1], item["name"])
    return Support(frozenset(people), frozenset(countries), surnames)


@cache
def _title_before() -> re.Pattern[str]:
    titles = sorted(load_yaml("people.yaml").get("titles") or [], key=len, reverse=True)
    return re.compile(r"(?:^|[^\w])(?:" + "|".join(re.escape(t) for t in titles) + r")\s+$")


@cache
def _locative() -> tuple[frozenset[str], frozenset[str]]:
    data = load_yaml("places.yaml")
    return frozenset(data["locative_prepositions"]), frozenset(data["locative_skip"])


_WORD = re.compile(r"[\w'’.-]+|,")


def is_locative(text: str, start: int) -> bool:
    """True when a locative preposition governs the name at ``start`` ("in Belarus", "to NATO headquarters
    and Poland"): look back over coordinated names and place nouns, at most six words."""
    preps, skip = _locative()
    words = _WORD.findall(text[max(0, start - 80) : start])
    for word in reversed(words[-6:]):
        low = word.lower()
        if low in preps:
            return True
        if low in skip or word[:1].isupper():
            continue
        return False
    return False


def context_alias_ok(mention: Mention, text: str, support: Support) -> bool:
    """A context alias stands when the article names the person in full or a title precedes it."""
    if mention.entities[0].name in support.people:
        return True
    return bool(_title_before().search(text[max(0, mention.start - 40) : mention.start]))


def is_metonym(mention: Mention, text: str) -> bool:
    """A capital used for its government: a subject ("Moscow said", "Moscow's demands"), not a location."""
    gz = gazetteers()
    if mention.text not in gz.capitals or is_locative(text, mention.start):
        return False
    after = text[mention.end : mention.end + 30]
    if after.startswith(("'s", "’s")):
        return True
    nxt = re.match(r"(?:\s+|-)(\w+)", after)  # "Moscow said", "Moscow-backed"
    return bool(nxt and nxt.group(1) in gz.metonym_verbs)


def country_name_clash(mention: Mention, text: str) -> bool:
    """An ambiguous country name that is part of a personal name ("Jordan Peterson", "Chad Smith")."""
    if mention.text not in gazetteers().ambiguous_countries:
        return False
    return bool(re.match(r"\s+" + _TOKEN, text[mention.end : mention.end + 40]))


def actor(name: str, kind: str, country: str, normalized: bool = True) -> dict:
    return {"name": name, "kind": kind, "country": country, "normalized": normalized}


def actors_from(mentions: list[Mention], text: str, support: Support) -> list[dict]:
    """Actors named in ``text`` (mentions are spans of ``text``), deduplicated, in order of first mention."""
    gz = gazetteers()
    out: list[dict] = []
    seen: set[tuple[str, str]] = set()

    def keep(item: dict) -> None:
        key = (item["name"], item["kind"])
        if key not in seen:
            seen.add(key)
            out.append(item)

    for m in mentions:
        entity = m.entities[0]
        if m.category == "person":
            if m.needs_context and not context_alias_ok(m, text, support):
                continue
            keep(actor(entity.name, "person", entity.country))
        elif m.category == "organisation":
            keep(actor(entity.name, entity.kind, entity.country))
        elif m.category in ("government", "demonym"):
            keep(actor(entity.name, "country", entity.country))
        elif m.category == "country":
            if not country_name_clash(m, text):
                keep(actor(entity.name, "country", entity.country))
        elif m.category == "city" and is_metonym(m, text):
            iso3 = gz.capitals[m.text]
            keep(actor(gz.country_names.get(iso3, iso3), "country", iso3))
    for item in unknown_names(text, mentions, support.surnames):
        keep(item)
    return out


@cache
def _names_data() -> tuple[frozenset[str], frozenset[str], re.Pattern[str]]:
    data = load_yaml("names.yaml")
    connectors = sorted(data["connectors"], key=len, reverse=True)
    joiner = r"(?:\s+(?:(?:" + "|".join(re.escape(c) for c in connectors) + r")\s+)?)"
    pattern = re.compile(rf"(?<![\w'’-]){_TOKEN}(?:{joiner}{_TOKEN})*")
    return frozenset(data["stopwords"]), frozenset(data["organisation_heads"]), pattern


def _at_sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?:;\n"


def unknown_names(text: str, mentions: list[Mention], surnames: Mapping[str, str] | None = None) -> list[dict]:
    """Capitalised names the gazetteers do not know, kept as unnormalized actors.

    A candidate is a run of capitalised words (with connectors like "of"); stopwords (months, weekdays,
    titles, sentence openers) are trimmed from its ends. One word alone counts only after a title
    ("Minister Reznikov") or when it is the surname of a person the article named in full (``surnames``:
    "Chakwera" after "President Lazarus Chakwera"); a run starting a sentence loses its first word's benefit of
    the doubt only if that word is a stopword. Runs touching a known mention are left to the gazetteers.
    """
    surnames = surnames or {}
    stop, heads, pattern = _names_data()
    spans = [(m.start, m.end) for m in mentions]
    out: list[dict] = []
    for run in pattern.finditer(text):
        match = _after_known(run, spans, pattern, text) if overlaps(run.start(), run.end(), spans) else run
        if match is None:
            continue
        words = match.group(0).split()
        lead = 0
        while lead < len(words) and words[lead].rstrip(".,'’s") in stop:
            lead += 1
        tail = len(words)
        while tail > lead and (words[tail - 1] in stop or words[tail - 1].islower()):
            tail -= 1
        words = words[lead:tail]
        if not words:
            continue
        name = " ".join(words).removesuffix("'s").removesuffix("’s").rstrip(".,")
        start = match.start() + (len(" ".join(match.group(0).split()[:lead])) + 1 if lead else 0)
        titled = bool(_title_before().search(text[max(0, start - 40) : start]))
        if len(words) == 1 and name in surnames:
            out.append(actor(surnames[name], "person", "", normalized=False))
            continue
        if len(words) == 1 and not titled:
            continue
        if lead == 0 and _at_sentence_start(text, match.start()) and len(words) == 1:
            continue
        if words[-1].rstrip(".,") in heads:
            kind = "organisation"
        elif titled:
            kind = "person"
        else:
            kind = "unknown"
        out.append(actor(name, kind, "", normalized=False))
    return out


_POSSESSIVE_GAP = re.compile(r"(?:['’]s)?\s+")


def _after_known(run: re.Match[str], spans: list[tuple[int, int]], pattern: re.Pattern[str], text: str):
    """The part of a capitalised run after the known names in it ("Palestinian President Mahmoud Abbas",
    "Israel's Defence Minister Yoav Gallant": the person after the country), or None when nothing unknown follows."""
    last = max(e for s, e in spans if s < run.end() and run.start() < e)
    gap = _POSSESSIVE_GAP.match(text, last, run.end())
    if gap is None or gap.end() >= run.end() or overlaps(gap.end(), run.end(), spans):
        return None
    return pattern.match(text, gap.end(), run.end())


def accepted(mentions: list[Mention], text: str, support: Support) -> list[Mention]:
    """Mentions that stand in context: drops unsupported context aliases and country names inside
    personal names, so later stages (titles) never see them."""
    out = []
    for m in mentions:
        if m.category == "person" and m.needs_context and not context_alias_ok(m, text, support):
            continue
        if m.category == "country" and country_name_clash(m, text):
            continue
        out.append(m)
    return out
