"""Which earlier event a phrase names: "the Pahalgam attack" in "The day after the Pahalgam attack, India ...".

A day counted from an event the article dated earlier is a date the article gives, in two steps. The phrase
names its event by a name the earlier sentence holds ("Pahalgam") or as the same kind of happening told with the
same word ("the invasion" after "Russia invaded Ukraine on 24 February"). With no such sentence the clause stays
unresolved: a guess would be worse than no date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from timeline.events import types
from timeline.events.gazetteer import load_yaml
from timeline.events.phrases import phrase
from timeline.temporal.calendar import shift
from timeline.temporal.lexicon import lookup_or

#: ``timex_rule`` of a row dated by the event a phrase names ("since the invasion").
RULE = "event_referent"

#: Date bases a referent's date may have: its own expression, not a carried-on or publication fallback.
OWN_DATE: frozenset[str] = frozenset({"explicit", "relative_publication", "relative_previous"})

_NAME = re.compile(r"\b[A-Z][\w-]+")
_WORD = re.compile(r"[A-Za-z]+")
_STEM = 4  # letters two words must share to be the same word told differently ("invasion", "invaded")


_ENDING = re.compile(r"(?:ing|ed|es|s)$")  # "ruling" and "ruled" share "rul"


def _stem(word: str) -> str:
    """The letters a word shares with its other forms ("invasion", "invaded": "inva"; "ruling", "ruled": "rul")."""
    word = word.lower()
    if len(word) < _STEM:
        return ""
    root = _ENDING.sub("", word)
    return root[:_STEM] if len(root) >= _STEM - 1 else word[:_STEM]


@cache
def _not_names() -> frozenset[str]:
    return frozenset(load_yaml("names.yaml")["stopwords"])


def _names(phrase: str) -> list[str]:
    """The names in the phrase: its capitalized words but openers, titles and months ("The", "President")."""
    return [word for word in _NAME.findall(phrase) if word not in _not_names()]


def _own_words(row: dict) -> str:
    """The row's sentence without its date expression, nor what it commemorates: "Two weeks after the invasion,
    talks began" and "Ukraine marked the anniversary of the invasion on Friday" are not themselves the invasion."""
    return _REMEMBERED.sub(" ", _own_date_free(row))


_REMEMBERED = phrase(r"\b(?:<commemoration_nouns>)\s+of\s+(?:[\w'’-]+\s+){0,3}[\w'’-]+")
_ANNIVERSARY = phrase(r"\b(?P<ordinal>[\w-]+)\s+(?:<anniversary_nouns>)\s+of\s+(?P<what>(?:[\w'’-]+\s+){0,3}[\w'’-]+)")


def _anniversary_of(head: str, names: list[str], row: dict) -> dict | None:
    """ "Ukraine marked the first anniversary of Russia's invasion on Friday": the invasion fell that day one year
    before, so a later "the day after the invasion" counts from it. The row moved back that many years, or None."""
    if row.get("precision") != "day":
        return None
    for match in _ANNIVERSARY.finditer(_own_date_free(row)):
        years = lookup_or("ordinals", match.group("ordinal").lower().removesuffix("-year"))
        what = match.group("what")
        if not years or not _has_stem(what, head) or not all(name in what for name in names):
            continue
        try:
            start = shift(row["start"], "year", -years)
        except ValueError:
            return None
        return {**row, "start": start, "end": start, "date_basis": "relative_previous"}
    return None


def _own_date_free(row: dict) -> str:
    return row["sentence"].replace(row.get("timex_text") or "\0", " ")


def _tells_the_same(phrase_kind: str, phrase_cue: str, row: dict) -> bool:
    """The row is the same kind of happening told with the same word: its type's cue or a word of its sentence."""
    stem = _stem(phrase_cue)
    own = _own_words(row)
    cue = row.get("type_cue", "")
    if phrase_kind == "other" or row.get("event_type") != phrase_kind or not stem or cue not in own:
        return False
    return _stem(cue) == stem or _has_stem(own, phrase_cue)


def _has_stem(sentence: str, word: str) -> bool:
    stem = _stem(word)
    return bool(stem) and any(_stem(w) == stem for w in _WORD.findall(sentence))


def _head(phrase: str) -> str:
    return (_WORD.findall(phrase) or [""])[-1]


def referent(phrase: str, earlier: Sequence[dict], named: Sequence[tuple[str, dict]] = ()) -> dict | None:
    """The latest of the ``earlier`` rows (event rows of the same article, in text order) with a date of its own that
    ``phrase`` names, or None. ``named`` holds the phrases already resolved with their rows: "the attack" after "the
    day after the Pahalgam attack" is the same attack."""
    head = _head(phrase)
    for said, row in reversed(named):
        if _stem(_head(said)) and _stem(_head(said)) == _stem(head) and set(_names(phrase)) <= set(_names(said)):
            return row
    names = _names(phrase)
    kind, cue = types.classify(phrase)
    for row in reversed(earlier):
        if row.get("date_basis") not in OWN_DATE or row.get("start") is None:
            continue
        if (remembered := _anniversary_of(head, names, row)) is not None:
            return remembered
        same = _tells_the_same(kind, cue, row)
        own = _own_words(row)
        if names and all(re.search(rf"\b{re.escape(name)}\b", own) for name in names):
            # a name alone is not enough for a kind the taxonomy does not know ("Putin's speech" is not every
            # sentence naming Putin): the head word must be there too
            if same or (kind != "other" and row.get("event_type") == kind) or _has_stem(own, head):
                return row
        elif not names and (same or (kind == "other" and _has_stem(own, head))):
            return row  # "the invasion" after "Russia invaded"; "the speech" after "Putin gave a speech"; "its launch"
    return None
