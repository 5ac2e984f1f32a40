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
from typing import NamedTuple

from timeline.events.gazetteer import Mention, gazetteers, load_yaml, overlaps
from timeline.events.phrases import phrase

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


class _Names(NamedTuple):
    """The guards of names.yaml, compiled once."""

    stop: frozenset[str]
    heads: frozenset[str]
    openers: frozenset[str]
    not_actors: frozenset[str]
    join_after_head: frozenset[str]  # connectors that join only after an organisation head ("on", "for the")
    joins: re.Pattern[str]  # the connectors that may join two names as well as one name's parts
    pattern: re.Pattern[str]


@cache
def _names_data() -> _Names:
    data = load_yaml("names.yaml")
    connectors = sorted(data["connectors"], key=len, reverse=True)
    joiner = r"(?:\s+(?:(?:" + "|".join(re.escape(c) for c in connectors) + r")\s+)?)"
    pattern = re.compile(rf"(?<![\w'’-]){_TOKEN}(?:{joiner}{_TOKEN})*")
    return _Names(
        frozenset(data["stopwords"]),
        frozenset(data["organisation_heads"]),
        frozenset(data["organisation_openers"]),
        frozenset(data["not_actors"]),
        frozenset(data["join_after_head"]),
        re.compile(r"\s+(" + "|".join(map(re.escape, [*data["join_after_head"], *data["join_before_head"]])) + r")\s+"),
        pattern,
    )


def _at_sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?:;\n"




def _is_head(word: str, names: _Names) -> bool:
    return word.rstrip(".,") in names.heads


def _runs(text: str, names: _Names) -> list[tuple[int, int]]:
    """Runs of capitalised words, cut at a join that joins two names rather than one name's parts: "on" and "for
    the" join only after an organisation head ("National Agency on Corruption Prevention", not "Trump on Truth
    Social"), "and" only before the name's first head ("National Security and Defense Council", not "Interior
    Ministry and Border Guard Service" or "Smith and Jones")."""
    out: list[tuple[int, int]] = []
    for run in names.pattern.finditer(text):
        cursor = run.start()
        for join in names.joins.finditer(text, run.start(), run.end()):
            before = text[cursor : join.start()].split()
            after = text[join.end() : run.end()].split()
            headed_before = any(_is_head(word, names) for word in before)
            if join.group(1) in names.join_after_head:
                keep = headed_before
            else:  # and the part before is more than one word: "Harvard and Yale University" are two
                keep = len(before) > 1 and not headed_before and any(_is_head(word, names) for word in after)
            if not keep:
                out.append((cursor, join.start()))
                cursor = join.end()
        out.append((cursor, run.end()))
    return out


def _organisation_kind(words: list[str], names: _Names) -> bool:
    """Whether a name names an organisation: it ends in a head ("Republican Party"), or its first head goes on with a
    connector ("Institute for the Study of War"), not with a title and a person ("World Bank President Ajay Banga")."""
    heads = [i for i, word in enumerate(words) if _is_head(word, names)]
    if not heads or any(word in names.stop for word in words[heads[0] + 1 :]):
        return False  # "Bank of England Governor Andrew Bailey": a title after the head, then a person
    first = heads[0]
    return heads[-1] == len(words) - 1 or (first + 1 < len(words) and words[first + 1].islower())


def unknown_names(text: str, mentions: list[Mention], surnames: Mapping[str, str] | None = None) -> list[dict]:
    """Capitalised names the gazetteers do not know, kept as unnormalized actors.

    A candidate is a run of capitalised words (with connectors like "of"); stopwords (months, weekdays,
    titles, sentence openers) are trimmed from its ends, but not an opener of an organisation's name ("European
    Political Community"). One word alone counts only after a title ("Minister Reznikov") or when it is the surname
    of a person the article named in full (``surnames``: "Chakwera" after "President Lazarus Chakwera"); a run
    starting a sentence loses its first word's benefit of the doubt only if that word is a stopword. Runs touching
    a known mention are left to the gazetteers, unless the run names an organisation the mention opens ("Munich
    Security Conference"). Places, buildings and prizes ("St. Michael's Cathedral", "Sakharov Prize") are no actors.
    """
    surnames = surnames or {}
    names = _names_data()
    spans = [(m.start, m.end) for m in mentions]
    out: list[dict] = []
    for run_start, run_end in _runs(text, names):
        words = text[run_start:run_end].split()
        organisation = _organisation_kind(words, names)  # "Institute for the Study of War"
        opened = organisation and _opened_by_known(text, run_start, run_end, spans)  # "Munich Security Conference"
        if overlaps(run_start, run_end, spans) and not opened:
            found = _after_known(text, run_start, run_end, spans, names.pattern)
            if found is None:
                continue
            run_start, run_end = found
            words = text[run_start:run_end].split()
        lead = 0
        while lead < len(words) and words[lead].rstrip(".,'’s") in names.stop:
            if organisation and words[lead] in names.openers:
                break
            lead += 1
        tail = len(words)
        while tail > lead and (words[tail - 1].rstrip(".,;:") in names.stop or words[tail - 1].islower()):
            tail -= 1
        words = words[lead:tail]
        if not words or words[-1].rstrip(".,'’s") in names.not_actors:
            continue
        name = " ".join(words).removesuffix("'s").removesuffix("’s").rstrip(".,")
        start = run_start + (len(" ".join(text[run_start:run_end].split()[:lead])) + 1 if lead else 0)
        titled = bool(_title_before().search(text[max(0, start - 40) : start]))
        if len(words) == 1 and name in surnames:
            out.append(actor(surnames[name], "person", "", normalized=False))
            continue
        if len(words) == 1 and not titled:
            continue
        if lead == 0 and _at_sentence_start(text, run_start) and len(words) == 1:
            continue
        if _organisation_kind(words, names):
            kind = "organisation"
        elif titled:
            kind = "person"
        else:
            kind = "unknown"
        out.append(actor(name, kind, "", normalized=False))
    return out


_POSSESSIVE_GAP = re.compile(r"(?:['’]s)?\s+")


def _opened_by_known(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether a known name opens the run and the run goes on from it with a plain space ("Munich Security
    Conference"), not a possessive ("Russia's Defence Ministry"), and no other known name follows."""
    first = next(((s, e) for s, e in spans if s == start), None)
    return (
        first is not None and first[1] < end and text[first[1] : first[1] + 1] == " "
        and not overlaps(first[1], end, spans)
    )  # fmt: skip


def _after_known(
    text: str, start: int, end: int, spans: list[tuple[int, int]], pattern: re.Pattern[str]
) -> tuple[int, int] | None:
    """The part of a capitalised run after the known names in it ("Palestinian President Mahmoud Abbas",
    "Israel's Defence Minister Yoav Gallant": the person after the country), or None when nothing unknown follows."""
    last = max(e for s, e in spans if s < end and start < e)
    gap = _POSSESSIVE_GAP.match(text, last, end)
    if gap is None or gap.end() >= end or overlaps(gap.end(), end, spans):
        return None
    match = pattern.match(text, gap.end(), end)
    return match.span() if match else None


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


# a person the story does not name: "said a Western diplomat", "one senior official said"
_UNNAMED_PERSON = r"\b(?:<unnamed_openers>)\s+(?:[\w-]+\s+){0,3}?(?:<unnamed_people>)\b"


def tells_of_an_unnamed_person(text: str) -> bool:
    """Whether ``text`` tells of a person it does not name, who may be the "he" or "she" that follows ("..., said a
    Western diplomat. He did not expect ..."), rather than the last person named."""
    return phrase(_UNNAMED_PERSON).search(text) is not None
