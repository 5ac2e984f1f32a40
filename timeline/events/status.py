"""Whether an event happened, is happening, is planned, was only said, may happen, or was denied.

The decision is lexical and positional: the first status cue in the clause's main part (outside
quotations and date expressions) governs, because the matrix verb comes first in English news
sentences; a perfect ("has ordered") counts only when no other cue is present; with no cue, the
clause's tense decides. The main part ends at the first comma or semicolon that has a finite verb
before it: what follows is an attribution ("..., officials said"), a participle ("..., warning
that") or a second coordinated clause ("..., but neither side reported"), none of which changes
whether the main event happened. The cue lexicon is data
(``resources/events/status_cues.yaml``); the words that decided are kept as ``status_cue``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from timeline.events.phrases import phrase, word_lists
from timeline.temporal.tense import tense_cues

#: Status decided by tense when no cue is present.
_BY_TENSE = {
    "past": "occurred",
    "perfect": "occurred",
    "pluperfect": "occurred",
    "present": "ongoing",
    "future": "scheduled",
}
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|‘[^’]*’(?!\w)")
# Month names are dates, not modal verbs: "in May" must not read as "may".
_MONTH_MODAL = r"<month_modals>\b"  # "May": the month, unless it opens the sentence
# A comma or semicolon, a conjunction opening a clause with its own subject ("entered Kherson on Friday | as Russia
# said ...", "prices jumped | after Gazprom said ...") or a purpose clause ("recorded a video | to show he had not
# fled"): that clause's verbs are not the event's.
_MAIN_PART_END = r"[,;]|\s(?=<clause_conjunctions>\s+(?:<definite_articles>\s+)?[A-Z])|\s(?=(?i:<purpose_openers>)\b)"
# A relative clause closing the sentence (", which officials had said could be postponed.") describes its noun too.
_TRAILING_RELATIVE = r",\s+<relative_pronouns>\b[^,;]*$"
#: A non-restrictive relative clause between commas (", which included ...,", ", who led ...,") or spaced dashes
#: ("The dam - which Ukraine says Russia blew up - burst"): a description; its verbs are not the clause's.
RELATIVE_CLAUSE = (
    r",\s+(?:(?:<partitive_words>)\s+of\s+)?(?:<relative_pronouns>|<relative_adverbs>)\b[^,;]*,"  # "many of whom"
    r"|\s[-–—]\s+(?:<relative_pronouns>|<relative_adverbs>)\b(?:(?!\s[-–—]\s)[^;])*?\s[-–—](?=\s)"
)
_RELATIVE_BEFORE = r"\b<subject_relatives>\s+(?:<be_have_auxiliaries>\s+){0,2}(?:[a-z]+ly\s+)?$"  # "that was widely"
# A conditional makes "would" a possibility, not a plan ("would respond if Russia escalated").
_CONDITIONAL = r"\b<conditionals>\b"


@dataclass(frozen=True)
class StatusCue:
    status: str
    cue: str
    start: int
    end: int


@cache
def cue_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(status, compiled regex) for every status in the lexicon, loaded once."""
    text = resources.files("timeline").joinpath("resources", "events", "status_cues.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    compiled = []
    for status, entry in data.items():
        phrases = sorted(entry.get("phrases", []), key=len, reverse=True)
        parts = [f"(?:{pattern})" for pattern in entry.get("patterns", [])]
        if phrases:
            words = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
            parts.insert(0, rf"(?<![\w'])(?:{words})(?![\w'])")
        compiled.append((status, re.compile("|".join(parts), re.IGNORECASE)))
    return tuple(compiled)


@cache
def object_sayings() -> frozenset[str]:
    """Reporting verbs that also take a plain object ("announced new sanctions"), from ``clauses.yaml``."""
    text = resources.files("timeline").joinpath("resources", "events", "clauses.yaml").read_text(encoding="utf-8")
    return frozenset(word.lower() for word in yaml.safe_load(text)["object_sayings"])


def takes_object(text: str, cue: StatusCue, masked: Sequence[tuple[int, int]] = ()) -> bool:
    """Whether ``cue`` is a reporting verb followed by its object ("declared martial law"): words after it, outside
    the ``masked`` date expressions, with no verb of a statement among them ("announced on Monday that" has none)."""
    if cue.cue.lower() not in object_sayings():
        return False
    blanked = blank(text, masked)
    said = phrase(_NEXT_PHRASE_END).split(blanked[cue.end :], maxsplit=1)[0]  # "declared martial law| and urged ..."
    words = [w for w in _WORD.findall(said) if w.lower() not in word_lists()["not_objects"]]
    return bool(words) and not tense_cues(said)


_NEXT_PHRASE_END = r"[,;]|\s+<verb_conjunctions>\s+"
_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def blank(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` with the ``spans`` (quotations, dates) replaced by spaces: offsets kept, words gone."""
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted speech in ``text``: what is quoted is the content, not the event's own status."""
    return [m.span() for m in _QUOTED.finditer(text)]


def find_cues(text: str, masked: Sequence[tuple[int, int]] = ()) -> list[StatusCue]:
    """Every status cue in ``text`` outside the ``masked`` spans (and outside quotations), in text order."""
    blocked = list(masked) + quoted_spans(text)
    found = []
    for status, pattern in cue_patterns():
        for match in pattern.finditer(text):
            s, e = match.span()
            if any(s < be and bs < e for bs, be in blocked):
                continue
            if phrase(_MONTH_MODAL, 0).fullmatch(match.group()) and s > 0:
                continue
            found.append(StatusCue(status, match.group(), s, e))
    return sorted(found, key=lambda c: (c.start, -(c.end - c.start)))


@cache
def _tense_adverbs() -> frozenset[str]:
    text = resources.files("timeline").joinpath("resources", "events", "dating.yaml").read_text(encoding="utf-8")
    return frozenset(yaml.safe_load(text)["tense_adverbs"])


def main_part_end(text: str, masked: Sequence[tuple[int, int]] = ()) -> int:
    """Where the clause's main part ends: the first comma or semicolon with a finite verb before it.

    Commas inside the ``masked`` spans (dates such as "Thursday, 10 February") and quotations do
    not count; a leading phrase with no verb ("On Saturday, ...", "Speaking in Kyiv, ...") does not
    end the main part either.
    """
    blocked = list(masked) + quoted_spans(text)
    relatives = [m.span() for m in phrase(RELATIVE_CLAUSE).finditer(text)]
    verbs = sorted(
        start
        for start, end, _kind in tense_cues(text)
        if text[start:end].lower() not in _tense_adverbs()
        and not phrase(_RELATIVE_BEFORE).search(text, 0, start)
        and not any(s <= start < e for s, e in relatives)
    )
    for match in phrase(_MAIN_PART_END, 0).finditer(text):
        at = match.start()
        if any(s <= at < e for s, e in blocked):
            continue
        if (verbs and verbs[0] < at) or (match.group().isspace() and len(text[:at].split()) >= 3):
            # a conjunction or purpose clause after a few words ends the main part even when its verb is none the
            # tense reader knows ("The Moskva sinks | after Ukraine says it hit the cruiser")
            return at
    return len(text)


_COMPLEMENT = r"\s<complementizers>\s"


def _undated_complement(text: str, begin: int, end: int, masked: Sequence[tuple[int, int]]) -> int:
    """Where a "that" clause after the main part's past verb begins, when no date of the clause stands in it (else
    ``end``): "In 2008 the alliance promised that Ukraine would one day become a member" tells a promise that was
    made, and "would" is what was promised. With a date inside ("hoped that talks would resume on Friday") the
    "that" clause is the event, and its cues decide."""
    complements = [m.start() for m in phrase(_COMPLEMENT).finditer(text, begin, end)]
    if not complements:
        return end  # most clauses: no tense cues to read
    pasts = [begin + start for start, _end, kind in tense_cues(text[begin:end]) if kind == "past"]
    for at in complements:
        if pasts and pasts[0] < at and not any(start >= at for start, _end in masked):
            return at
    return end


_LEADING_CLAUSE = r"^\W*(?:<clause_conjunctions>)\s"


def _after_leading_clause(text: str, masked: Sequence[tuple[int, int]]) -> int:
    """Where the main clause begins after a leading subordinate one and its comma ("Because Germany refused, | the
    tanks were not sent"; "After Russia shelled the plant, | inspectors did not visit"), else 0. A conditional ("If
    Russia invades, ...") is no such clause: it makes the event possible."""
    if not phrase(_LEADING_CLAUSE).match(text):
        return 0
    blocked = list(masked) + quoted_spans(text)
    comma = next((m.end() for m in _COMMA.finditer(text) if not any(s <= m.start() < e for s, e in blocked)), None)
    return comma if comma is not None and len(text[comma:].split()) >= 3 else 0


_COMMA = re.compile(r",\s*")


def _in_restrictive_relative(text: str, cue: StatusCue) -> bool:
    """ "signed a ceasefire that never held", "the ministers who did not attend": a negation right after a relative
    pronoun denies the noun's own clause, not the event ("Russia said that it would never attack" is a saying)."""
    if cue.status != "negated":
        return False
    relative = phrase(_RELATIVE_BEFORE).search(text, max(0, cue.start - 40), cue.start)
    if relative is None:
        return False
    before = text[: relative.start()].rstrip()
    return not any(c.status == "reported" and c.end == len(before) for c in find_cues(before))


_ADJECTIVE_SLOT = r"(?:\b<attributive_determiners>|\w['’]s)\s+$"
_NOUN_NEXT = re.compile(r"\s+[a-z]")


def describes_a_noun(text: str, start: int, end: int) -> bool:
    """ "A planned summit ... will not go ahead", "Russia's planned offensive began": the word at ``start:end``
    stands between an article (or possessive) and its noun, so it describes the noun, not the clause's event."""
    return (
        phrase(_ADJECTIVE_SLOT).search(text, max(0, start - 20), start) is not None
        and _NOUN_NEXT.match(text, end) is not None
    )


_PASSIVE_BEFORE = r"\b<passive_auxiliaries>\s+(?:[a-z]+ly\s+)?$"


def is_passive(text: str, start: int) -> bool:
    """Whether a form of "be" stands right before the verb at ``start`` ("He was added", "were reported")."""
    return phrase(_PASSIVE_BEFORE).search(text, max(0, start - 24), start) is not None


_AND_BEFORE = r"\b<and_words>\s+(?:(?:<and_adverbs>|\w+ly)\s+)?$"  # "and said", "and also said"


def _second_verb_of_an_act(text: str, cue: StatusCue, cues: Sequence[StatusCue], pasts: Sequence[int]) -> bool:
    """ "Erdogan visited Kahramanmaras and admitted shortcomings": a saying joined by "and" to an act told before it
    is that act's second verb; the act decides the status. ``pasts``: where the clause's past-tense cues start."""
    cue_starts = {c.start for c in cues}
    acts = [start for start in pasts if start < cue.start and start not in cue_starts]
    return bool(acts) and phrase(_AND_BEFORE).search(text, acts[0], cue.start) is not None


_NOT_UNTIL = r"(?:\b<negation_words>|<negation_endings>)\b[^,;:.]*\b<until_words>\s+(?:<definite_articles>\s+)?$"


def not_until(text: str, date_start: int) -> bool:
    """Whether the date at ``date_start`` lifts a denial before it in its clause: "will not reopen until Friday",
    "did not reopen until Monday" tell when it happens (so no stretch up to it, no denial, no title without it)."""
    return phrase(_NOT_UNTIL).search(text, max(0, date_start - 120), date_start) is not None


def _not_until(text: str, cue: StatusCue, masked: Sequence[tuple[int, int]]) -> bool:
    """Whether a negative auxiliary ("will not", "didn't") is lifted by "until" and a date later in the clause."""
    if not cue.cue.lower().endswith(("not", "n't")):
        return False
    return any(start > cue.start and not_until(text, start) for start, _end in masked)


def classify(
    text: str,
    masked: Sequence[tuple[int, int]] = (),
    tense: str | None = None,
    future_date: bool = False,
    past_date: bool = False,
) -> tuple[str, str]:
    """(status, cue) for one clause: the earliest cue governs; else a perfect ("has ordered"); else tense.

    Only cues in the main part (:func:`main_part_end`) count. ``masked`` are spans (relative to
    ``text``) to ignore, typically the date expressions, so "in May" or "next week" never decide a
    status by themselves; cues inside a relative clause between commas (", which Moscow has named
    ...,") describe a noun and do not count. ``future_date``: the clause's own date is not past (the
    publication day or after), which makes a clause with no cue and no past tense scheduled
    ("The diplomacy moves to Brussels on Wednesday", "followed by a session on 12 January"), and an
    unconditional "would" a plan reported in the past ("said the drills would take place in
    February"). ``past_date``: the clause's own date ended before publication and does not run up to it, which makes
    a present tense with no cue the historical present of a chronology ("March 16 - A strike destroys the theatre").
    """
    begin = _after_leading_clause(text, masked)
    end = begin + main_part_end(text[begin:], [(s - begin, e - begin) for s, e in masked if s >= begin])
    end = _undated_complement(text, begin, end, masked)
    relatives = [m.span() for m in phrase(RELATIVE_CLAUSE).finditer(text)] + [
        m.span() for m in phrase(_TRAILING_RELATIVE).finditer(text)
    ]
    cues = [c for c in find_cues(text, [*masked, *relatives]) if begin <= c.start < end]
    cues = [c for c in cues if not _in_restrictive_relative(text, c)]
    # a cue describing a noun is no verb of the clause (but a "cancelled summit" still did not happen)
    cues = [c for c in cues if c.status == "negated" or not describes_a_noun(text, c.start, c.end)]
    # "was added to the list", "were reported missing": a passive, no report
    cues = [c for c in cues if not (c.status == "reported" and is_passive(text, c.start))]
    # "declared martial law", "announced new sanctions": an act, not a report of one
    cues = [c for c in cues if not (c.status == "reported" and takes_object(text, c, masked))]
    reported = [c for c in cues if c.status == "reported"]
    pasts = [start for start, _end, kind in tense_cues(text) if kind == "past"] if reported else []
    second = next((c for c in reported if _second_verb_of_an_act(text, c, cues, pasts)), None)
    if second is not None:  # "met Zelensky and said the US would help": neither the saying nor what it says decides
        cues = [c for c in cues if c.start < second.start]
    strong = [c for c in cues if c.status != "occurred"]
    if strong or cues:
        cue = (strong or cues)[0]
        if cue.cue.lower() in word_lists()["plan_modals"] and future_date and not phrase(_CONDITIONAL).search(text):
            return "scheduled", "would (future date)"
        if cue.status == "negated" and _not_until(text, cue, masked):
            # "the bridge will not reopen until Friday": it reopens then
            return ("scheduled" if future_date else "occurred"), f"{cue.cue} ... until"
        return cue.status, cue.cue
    if future_date and tense in (None, "present", "future"):
        return "scheduled", "future date"
    if past_date and tense == "present":
        return "occurred", "past date"
    if tense in _BY_TENSE:
        return _BY_TENSE[tense], f"{tense} tense"
    return "occurred", ""
