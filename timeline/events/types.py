"""What kind of event a clause reports, from cue lexicons in ``resources/enrich/event_types.yaml``.

The taxonomy follows PLOVER/ACLED categories cut to this crisis. Cues are matched in the clause's main
part first (before "as", "amid", "in case of"... which open background), so "drills begin, as the threat
of invasion looms" is a military exercise, not an attack. See the data file for the exact rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from timeline.events.gazetteer import Match, Matcher, load_yaml
from timeline.events.phrases import phrase
from timeline.temporal.tense import tense_cues

_INFINITIVE = r"\b<infinitive_markers>\s+$"
_IDIOM = ""  # matcher key of a figurative phrase ("a storm of criticism"): no type


@dataclass(frozen=True)
class EventType:
    id: str
    label: str
    description: str
    priority: int
    fallback: bool
    cues: tuple[str, ...]
    agent: bool = False  # its cue before a verb cue is that verb's subject ("an earthquake killed 150")


@dataclass(frozen=True)
class _Taxonomy:
    types: dict[str, EventType]
    matcher: Matcher
    background: re.Pattern[str]
    leading: re.Pattern[str]  # a leading subordinate clause up to its comma
    negated: re.Pattern[str]  # a negator right before a cue ("no agreement")
    passive: re.Pattern[str]  # an auxiliary right before a verb cue ("were killed")
    default: str


@cache
def taxonomy() -> _Taxonomy:
    data = load_yaml("event_types.yaml")
    types: dict[str, EventType] = {}
    cues: dict[str, str] = {}
    default = ""
    for item in data["types"]:
        kind = EventType(
            item["id"],
            item["label"],
            item.get("description", ""),
            int(item.get("priority", 0)),
            bool(item.get("fallback", False)),
            tuple(item.get("cues") or ()),
            bool(item.get("agent", False)),
        )
        types[kind.id] = kind
        if item.get("default"):
            default = kind.id
        for cue in kind.cues:
            cues[cue] = kind.id
    for idiom in data.get("idioms") or []:
        cues[idiom] = _IDIOM  # matched so that it hides the cue inside it, then dropped
    markers = sorted(data["background_markers"], key=len, reverse=True)
    background = re.compile("|".join(re.escape(m) for m in markers), re.IGNORECASE)
    words = "|".join(re.escape(w) for w in data["leading_subordinators"])
    leading = re.compile(rf"^\s*(?:{words})\b[^,]{{0,120}},", re.IGNORECASE)
    negators = "|".join(re.escape(w) for w in data["negators"])
    negated = re.compile(rf"\b(?:{negators})\s+$", re.IGNORECASE)
    auxiliaries = "|".join(re.escape(w) for w in data["passive_auxiliaries"])
    passive = re.compile(rf"\b(?:{auxiliaries})\s+$", re.IGNORECASE)
    return _Taxonomy(
        types, Matcher(cues, ignore_case=True), background, leading, negated, passive, default or "other"
    )


def type_ids() -> tuple[str, ...]:
    """The closed set of ``event_type`` values, in taxonomy order."""
    return tuple(taxonomy().types)


def type_label(type_id: str) -> str:
    """Human label of a type id, for the UI and docs."""
    kind = taxonomy().types.get(type_id)
    return kind.label if kind else type_id


def main_part_end(text: str) -> int:
    """Offset where the clause's background begins (the text's length when there is none).

    A marker at the very start ("When in August 2020, ...") is not background but a leading subordinate
    clause, handled by :func:`leading_subordinate_end`.
    """
    for m in taxonomy().background.finditer(" " + text):
        if m.start() > 0:
            return max(0, m.start() - 1)
    return len(text)


def classify(text: str) -> tuple[str, str]:
    """(event_type, type_cue) for a clause; (default type, "") when no cue is found."""
    tax = taxonomy()
    matches = [
        m
        for m in tax.matcher.find(text)
        if m.key != _IDIOM and not tax.negated.search(text[max(0, m.start - 12) : m.start])
    ]
    if not matches:
        return tax.default, ""
    end = main_part_end(text)
    lead = leading_subordinate_end(text)
    main = [m for m in matches if lead <= m.start < end] or matches
    strong = [m for m in main if not tax.types[m.key].fallback]
    if not strong and main is not matches:
        strong = [m for m in matches if not tax.types[m.key].fallback]
    pool = strong or main
    past = {s for s, _e, kind in tense_cues(text) if kind == "past"} if strong else set()
    verbs = [m for m in strong if _is_verb(text, m.start, m.text, past)]
    if verbs:
        clause = [m for m in matches if not tax.types[m.key].fallback]
        best = _agent_of(min(verbs, key=lambda m: m.start), strong, clause, text)
        return best.key, best.text
    best = max(pool, key=lambda m: (tax.types[m.key].priority, -m.start))
    return best.key, best.text


def _agent_of(verb: Match, main: list[Match], clause: list[Match], text: str) -> Match:
    """The cue that decides a clause with a verb cue: the verb, unless a force of nature (an ``agent`` type)
    is its subject, the nearest cue before it ("an earthquake killed 150"; not "in the flood-hit region, troops
    killed"), or, after a passive verb, its cause, the next cue, which may stand in the background ("were
    killed when a storm hit"); then the verb only says what the disaster did.

    ``main`` holds the strong cues of the main part, ``clause`` those of the whole clause, both in order.
    """
    tax = taxonomy()
    if tax.passive.search(text, max(0, verb.start - 12), verb.start):
        cause = [m for m in clause if m.start >= verb.end][:1]
    else:
        cause = [m for m in main if m.start < verb.start][-1:]
    return cause[0] if cause and tax.types[cause[0].key].agent else verb


def _is_verb(text: str, start: int, cue: str, past: set[int]) -> bool:
    """Whether a cue is the clause's own verb: a one-word past form ("met", "agreed") or an infinitive after "to".

    ``past`` holds the offsets of the clause's past-tense verbs. Nouns and modifiers that merely mention a
    kind of event ("troops", "humanitarian corridors", "attack aircraft") are weaker evidence than the verb
    that says what happened.
    """
    if " " in cue.strip():
        return False
    return start in past or cue.lower().endswith("ed") or bool(phrase(_INFINITIVE).search(text, 0, start))


def leading_subordinate_end(text: str) -> int:
    """End of a leading subordinate clause ("As western countries imposed sanctions, Russia ...")."""
    m = taxonomy().leading.match(text)
    return m.end() if m else 0
