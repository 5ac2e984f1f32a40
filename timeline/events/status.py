"""Whether an event happened, is happening, is planned, was only said, may happen, or was denied.

The decision is lexical and positional: the first status cue in the clause (outside quotations
and date expressions) governs, because the matrix verb comes first in English news sentences;
a perfect ("has ordered") counts only when no other cue is present; with no cue, the clause's tense
decides. The cue lexicon is data
(``resources/events/status_cues.yaml``); the words that decided are kept as ``status_cue``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

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
_CAPITAL_MAY = re.compile(r"May\b")


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
            if _CAPITAL_MAY.fullmatch(match.group()) and s > 0:
                continue
            found.append(StatusCue(status, match.group(), s, e))
    return sorted(found, key=lambda c: (c.start, -(c.end - c.start)))


def classify(
    text: str, masked: Sequence[tuple[int, int]] = (), tense: str | None = None, future_date: bool = False
) -> tuple[str, str]:
    """(status, cue) for one clause: the earliest cue governs; else a perfect ("has ordered"); else tense.

    ``masked`` are spans (relative to ``text``) to ignore, typically the date expressions, so
    "in May" or "next week" never decide a status by themselves. ``future_date``: the clause's own
    date lies after publication, which makes a clause with no cue and no past tense scheduled
    ("The diplomacy moves to Brussels on Wednesday", "followed by a session on 12 January").
    """
    cues = find_cues(text, masked)
    strong = [c for c in cues if c.status != "occurred"]
    if strong or cues:
        cue = (strong or cues)[0]
        return cue.status, cue.cue
    if future_date and tense in (None, "present", "future"):
        return "scheduled", "future date"
    if tense in _BY_TENSE:
        return _BY_TENSE[tense], f"{tense} tense"
    return "occurred", ""
