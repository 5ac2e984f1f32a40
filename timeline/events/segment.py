"""Cut a sentence into clauses so that each date governs only its own clause.

A sentence with several dates ("Russia snatched Crimea in 2014, and protests erupted in Belarus
in August 2020") is cut between each pair of consecutive dates at the strongest clause marker
found between them (``resources/events/clauses.yaml``). A reported statement whose content
carries its own date ("Johnson said on Wednesday that troops will move next week"), or a dated
quotation, is cut into the saying and the content, the content pointing back at the saying. A
dated relative clause does not date a main verb in another tense ("The war, which started in
2014, | has killed ..."). Clauses are a partition of the sentence: every character belongs to
exactly one clause, so every word stays traceable. docs/events.md gives the order of the steps.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from timeline.events import dating, status
from timeline.events.phrases import phrase, word_lists
from timeline.temporal.tense import tense_cues

_THAT = r"(?:\s+[\w'’.-]+,?){0,12}?\s+<complementizers>\b"


@dataclass(frozen=True)
class Clause:
    """One clause of a sentence: article offsets, the anchors (dates) it holds, its role."""

    start: int
    end: int
    anchors: tuple[int, ...] = ()  # indices into the sentence's anchor list
    role: str = "main"  # "main" | "saying" | "content"
    parent: int | None = None  # for content: index of its saying clause in the same list


@cache
def _lexicon() -> dict:
    text = resources.files("timeline").joinpath("resources", "events", "clauses.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


@cache
def boundary_patterns() -> tuple[tuple[int, re.Pattern[str]], ...]:
    """(strength, compiled marker) pairs from the clause lexicon, strongest first."""
    out = []
    for strength, markers in sorted(_lexicon()["boundaries"].items(), reverse=True):
        for marker in markers:
            tail = r"\b" if marker[-1].isalnum() else r"(?!\d)" if marker.endswith(",") else ""  # not "4,000"
            out.append((int(strength), re.compile(re.escape(marker) + tail, re.IGNORECASE)))
    return tuple(out)


@cache
def _attributions() -> frozenset[str]:
    """Reporting cues that attribute rather than say ("according to"): no saying clause is cut off."""
    return frozenset(phrase.lower() for phrase in _lexicon()["attributions"])


def _cut_at(match: re.Match[str]) -> int:
    """Where a marker cuts: after its punctuation, before its first word."""
    marker = match.group()
    lead = len(marker) - len(marker.lstrip(" ,;—–-"))
    return match.start() + lead if marker.strip(" ,;—–-") else match.end()


def _strongest(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """(strength, cut) of the strongest marker between ``lo`` and ``hi`` (nearest ``hi`` on ties)."""
    best: tuple[int, int] | None = None
    for strength, pattern in boundary_patterns():
        for match in pattern.finditer(text, lo, hi):
            cut = _cut_at(match)
            if _inside_name(text, match) or _governs_the_date(text, match, hi):
                continue
            if lo < cut < hi and (best is None or (strength, cut) > best):
                best = (strength, cut)
    return best


def _governs_the_date(text: str, match: re.Match[str], hi: int) -> bool:
    """A bare marker right before the date that follows it is that date's preposition ("patients admitted since
    January 1", "held until Friday"), which opens no clause of its own."""
    return match.group()[:1] not in ",;" and not text[match.end() : hi].strip()


_NAME_BEFORE = re.compile(r"\b[A-Z][\w'’-]*$")
_NAME_AFTER = re.compile(r"\s*[A-Z]")


def _inside_name(text: str, match: re.Match[str]) -> bool:
    """A bare "and" between two capitalised words joins a name ("Security and Co-operation"), not clauses."""
    if match.group().strip() not in word_lists()["list_connectors"]:
        return False
    before = _NAME_BEFORE.search(text, max(0, match.start() - 60), match.start())
    return bool(before) and bool(_NAME_AFTER.match(text, match.end()))


def best_cut(text: str, lo: int, hi: int) -> int:
    """The cut between ``lo`` and ``hi`` at the strongest marker (nearest ``hi`` on ties); ``lo`` when none."""
    best = _strongest(text, lo, hi)
    return best[1] if best else lo


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _partition(text: str, start: int, end: int, anchors: Sequence[tuple[int, int]], ids: list[int]) -> list[Clause]:
    """Cut [start, end) once between each pair of consecutive anchors (given by ``ids``)."""
    cuts = [start]
    for a, b in zip(ids, ids[1:], strict=False):
        cuts.append(best_cut(text, anchors[a][1], anchors[b][0]))
    cuts.append(end)
    clauses = []
    for k in range(len(cuts) - 1):
        s, e = _trim(text, cuts[k], cuts[k + 1])
        held = tuple(i for i in ids if s <= anchors[i][0] < e)
        cut = _trailing_relative_cut(text, s, e, anchors[held[0]]) if len(held) == 1 else None
        if cut is not None:  # "attacks came from Crimea, | which Russia annexed in 2014."
            clauses += [Clause(*_trim(text, s, cut)), Clause(*_trim(text, cut, e), held)]
            continue
        clauses.append(Clause(s, e, held))
    return clauses


@cache
def _relative_words() -> str:
    return "|".join(re.escape(w) for w in _lexicon()["trailing_relative_openers"])


@cache
def _trailing_opener() -> re.Pattern[str]:
    return re.compile(rf",\s+(?i:{_relative_words()})\b")


@cache
def relative_opening() -> re.Pattern[str]:
    """The relative pronoun that opens a clause and the space after it ("which ", "who ")."""
    return re.compile(rf"(?i:{_relative_words()})\s+")


def opens_relative(clause_text: str) -> bool:
    """Whether the clause is a relative clause cut off the end of its sentence ("which Russia annexed in 2014."):
    background about a noun, which the narrative does not go on from."""
    return bool(relative_opening().match(clause_text))


@cache
def _described_noun() -> re.Pattern[str]:
    return re.compile(
        rf",\s+(?:(?i:{_relative_words()})\b|(?:[a-z]+ly\s+)?(?:{dating.participles()})\s)[^,;]*,\s*$"
    )


def ends_describing(clause_text: str) -> bool:
    """Whether the clause is a noun and the relative clause or participle phrase describing it, cut before the noun's
    verb ("the bridge, which was destroyed in March, | would reopen", "the counteroffensive, launched in early
    September, | recaptured Izium"): the next clause's subject is that noun."""
    return bool(_described_noun().search(clause_text))


def _trailing_relative_cut(text: str, start: int, end: int, anchor: tuple[int, int]) -> int | None:
    """Where a relative clause that closes the clause and holds its only date begins, if the clause is one.

    "Attacks came from Crimea, which Russia annexed in 2014.": the year dates the annexation, not the
    attacks, which are left without a date of their own. Only when the main part before it is a clause (a
    tense cue: not an appositive such as "The army chief, Valery Gerasimov, who ...") and nothing after the date
    starts another phrase (a comma); a "where" clause only when its tense differs from the main part's.
    """
    openers = list(_trailing_opener().finditer(text, start, anchor[0]))
    if not openers:
        return None
    opener = openers[-1]
    if "," in text[opener.end() : anchor[0]] or re.search(r"[,;:]", text[anchor[1] : end]):
        return None
    main_tense = dating.clause_tense(text[start : opener.start()])
    if opener.group().strip(" ,").lower() in _lexicon()["same_time_relative_openers"]:
        # "broke out in Minsk, where police arrested 100 people on Sunday": the same day, unless the tenses differ
        return opener.start() + 1 if dating.clause_tense(text[opener.end() : end]) not in (main_tense, None) else None
    return opener.start() + 1 if main_tense is not None else None


def _saying_cut(text: str, start: int, end: int, anchors: Sequence[tuple[int, int]]) -> int | None:
    """Where the content of a preposed reported statement begins, if any (a saying inside a description, "The dam -
    which Ukraine says Russia blew up - burst", is none).

    The saying runs to the complementizer when one follows within a few words ("Putin told Biden
    during a call on 7 December that|..."), so dates before it date the saying; without one, a
    date right after the verb ("said on Wednesday|...") still belongs to the saying. Words with no
    verb of their own after "announced", "denied" ... are its object, not a statement: no cut
    ("announced new sanctions").
    """
    descriptions = [m.span() for m in phrase(status.RELATIVE_CLAUSE).finditer(text[start:end])]
    cues = [c for c in status.find_cues(text[start:end], descriptions) if c.status == "reported"]
    if not cues or cues[0].cue.lower() in _attributions():
        return None
    if status.is_passive(text[start:end], cues[0].start):
        return None  # "He was added to the sanctions list", "was reported missing": a passive, no saying
    if _AFTER_A_QUOTE.search(text[start : start + cues[0].start]):
        return None  # '"...," said one trader in London on Friday': the speaker after the verb, no content here
    cue_end = start + cues[0].end
    that = phrase(_THAT).match(text, cue_end, end)
    # not "said experts would stay until Saturday and that ...": a verb and a date before "that" are a first content
    dated_content = that and tense_cues(text[cue_end : that.end() - 4]) and any(
        cue_end <= a_start < that.end() for a_start, _ in anchors
    )
    if that and not dated_content:
        return that.end()
    if status.takes_object(text[start:end], cues[0]):
        return None  # an object, not a statement: "Putin announced a partial mobilisation on Sept. 21"
    after = text[cue_end:end].split(None, 1)
    if after and after[0].lower() in _lexicon()["saying_adjuncts"] and not tense_cues(text[cue_end:end]):
        return None  # "said in a video address late on Tuesday": where and when it was said, no statement
    for a_start, a_end in anchors:
        if cue_end <= a_start and len(text[cue_end:a_start].split()) <= 3:
            return a_end
    return cue_end


_AFTER_A_QUOTE = re.compile(r"(?:^|[\"”’])[\s,;:]*$")  # a saying verb opening its stretch, or right after a quotation


#: Markers at least this strong (";", ", and", ", but", ...) join independent clauses: a sentence is
#: cut there first, so "Russia said on Tuesday ..., but NATO said on Wednesday ..." is two sayings.
COORDINATION = 3


def _split_plain(text: str, start: int, end: int, anchors: Sequence[tuple[int, int]], ids: list[int]) -> list[Clause]:
    """Clauses of a stretch with no dated quotation: coordinated clauses apart, then a preposed
    saying cut, else a partition between the dates."""
    pairs = [_strongest(text, anchors[a][1], anchors[b][0]) for a, b in zip(ids, ids[1:], strict=False)]
    strongest = max((p for p in pairs if p is not None), default=None)
    if strongest is not None and strongest[0] >= COORDINATION:
        cut = strongest[1]
        left = _split_plain(text, start, cut, anchors, [i for i in ids if anchors[i][0] < cut])
        right = _split_plain(text, cut, end, anchors, [i for i in ids if anchors[i][0] >= cut])
        offset = len(left)
        return left + [
            Clause(c.start, c.end, c.anchors, c.role, None if c.parent is None else c.parent + offset) for c in right
        ]
    if len(ids) == 1 and (cut := _undated_clause_cut(text, start, end, anchors[ids[0]])) is not None:
        dated_first = anchors[ids[0]][0] < cut
        left = _split_plain(text, start, cut, anchors, ids if dated_first else [])
        right = _split_plain(text, cut, end, anchors, [] if dated_first else ids)
        return left + [
            Clause(c.start, c.end, c.anchors, c.role, None if c.parent is None else c.parent + len(left)) for c in right
        ]
    following = anchors[ids[1]] if len(ids) > 1 else None
    if ids and (cut := _parenthetical_cut(text, start, end, anchors[ids[0]], following)) is not None:
        # "Johnson, who travelled to Kyiv in April, | is due to return before the end of June": the description and
        # its date apart, then the rest of the sentence with its own dates
        described = [i for i in ids if anchors[i][0] < cut]  # "who was arrested in April and charged on May 3,"
        background = [
            Clause(c.start, c.end, c.anchors, role="background")
            for c in (_partition(text, start, cut, anchors, described) if len(described) > 1 else [])
        ] or [Clause(*_trim(text, start, cut), tuple(described), role="background")]
        rest = _split_plain(text, cut, end, anchors, [i for i in ids if anchors[i][0] >= cut])
        return background + [
            Clause(c.start, c.end, c.anchors, c.role, None if c.parent is None else c.parent + len(background))
            for c in rest
        ]
    cut = _saying_cut(text, start, end, [anchors[i] for i in ids]) if ids else None
    if cut is not None and any(cut <= anchors[i][0] for i in ids) and start < cut < end:
        saying_ids = [i for i in ids if anchors[i][0] < cut]
        content_ids = [i for i in ids if anchors[i][0] >= cut]
        s, e = _trim(text, start, cut)
        saying = Clause(s, e, tuple(saying_ids), role="saying")
        contents = _partition(text, cut, end, anchors, content_ids)
        return [saying] + [Clause(c.start, c.end, c.anchors, role="content", parent=0) for c in contents]
    return _mark_postposed_saying(text, _partition(text, start, end, anchors, ids))


@cache
def _independent_joins() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(m) + r"\s" for m in _lexicon()["independent_joins"]), re.IGNORECASE)


def _undated_clause_cut(text: str, start: int, end: int, anchor: tuple[int, int]) -> int | None:
    """Where an independent clause without the date joins the dated one ("Russian lawmakers demanded a tough
    response, | and Putin is due to chair a meeting on Monday"): the first clause must have a verb, and the second
    its own subject and verb (", and said he would ..." shares the first's subject and goes with it)."""
    for match in _independent_joins().finditer(text, start, end):
        cut = _cut_at(match)
        if anchor[0] < cut < anchor[1] or _inside_name(text, match):
            continue
        left, right = text[start:cut], text[cut:end]
        if dating.clause_tense(left) is not None and _has_subject_and_verb(right):
            return cut
    return None


def _has_subject_and_verb(clause: str) -> bool:
    """Whether a clause after "and"/"but" opens with its own subject and a finite verb within a few words ("and
    allied leaders will hold ...", "and Putin is due to ..."), not with a verb that shares the first clause's subject
    (", and said ...", ", and move 1,000 soldiers ...") or with a phrase that goes on the first clause (", but with a
    plan to ...", ", and that he would ...")."""
    opening = phrase(_JOIN_WORD).sub("", clause, count=1)
    words = opening.split()
    if not words or words[0].lower() in _lexicon()["not_subjects"] or words[0].lower().endswith("ing"):
        return False
    head = " ".join(words[:8])
    cues = [start for start, _end, _kind in tense_cues(head)]
    if any(word.lower() in _lexicon()["opinion_verbs"] for word in words[1:8]):
        return not cues or cues[0] > 0  # "analysts ... expect it to rise"
    return bool(cues) and cues[0] > 0


_JOIN_WORD = r"^\W*<join_words>\s+"


@cache
def _parenthetical_opener() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in _lexicon()["parenthetical_openers"])
    return re.compile(rf",\s+(?:(?i:{words})|{dating.participles()})\b")


def _parenthetical_cut(
    text: str, start: int, end: int, anchor: tuple[int, int], next_anchor: tuple[int, int] | None = None
) -> int | None:
    """After a dated relative or participle clause whose sentence goes on in another tense, the date stops.

    "The war, which started in 2014, | has killed 14,000 people": the year dates the start, not the
    toll as of now; likewise "Jobs, born on February 24, 1955, | has built ...". Only a present,
    perfect or future main verb after the closing comma is cut off; "The summit, held on 16 June,
    ended without agreement" stays one event. A clause about a person ("who") is background whatever the
    tense: "Johnson, who took office in July 2019, | said it was a matter of regret" said it later. So is any
    description when the sentence goes on with a date of its own (``next_anchor``).
    """
    openers = list(_parenthetical_opener().finditer(text, start, anchor[0]))
    closing = text.find(",", anchor[1], end)
    if not openers or closing < 0 or "," in text[openers[-1].end() : anchor[0]]:
        return None
    if next_anchor is not None and next_anchor[0] > closing:
        return closing + 1  # "Uniper, which received a bailout in July, | said earlier this month": a date of its own
    tense = dating.clause_tense(text[closing + 1 : end])
    about_a_person = openers[-1].group().lower().endswith("who")
    if tense in ("present", "perfect", "future") or (about_a_person and tense is not None):
        return closing + 1
    return None


def _regions(text: str, start: int, end: int, anchors: Sequence[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """The sentence cut around each quotation that holds a date: (start, end, is_quotation)."""
    regions: list[tuple[int, int, bool]] = []
    cursor = start
    for q_start, q_end in status.quoted_spans(text[start:end]):
        q_start, q_end = start + q_start, start + q_end
        if any(q_start <= a_start < q_end for a_start, _ in anchors):
            regions += [(cursor, q_start, False), (q_start, q_end, True)]
            cursor = q_end
    regions.append((cursor, end, False))
    out: list[tuple[int, int, bool]] = []
    carry = None  # start of punctuation left before the next region (", " before a quotation)
    for s, e, quoted in regions:
        if not text[s:e].strip(" ,;:."):  # only punctuation: it joins a neighbour, so no character is lost
            if out:
                out[-1] = (out[-1][0], e, out[-1][2])
            elif carry is None:
                carry = s
            continue
        out.append((s if carry is None else carry, e, quoted))
        carry = None
    return out


def split_clauses(text: str, start: int, end: int, anchors: Sequence[tuple[int, int]]) -> list[Clause]:
    """Clauses of the sentence ``text[start:end]`` given its anchors ((start, end) of each governing date).

    Anchors must lie inside the sentence and be sorted. With no anchors the sentence is one clause.
    A quotation holding a date is the content of the saying around it ("..., saying: "one year
    after launching it, we launch the 3G"" dates the quote, not the saying).
    """
    regions = _regions(text, start, end, anchors)
    if len(regions) <= 1:
        return _split_plain(text, start, end, anchors, list(range(len(anchors))))
    clauses: list[Clause] = []
    quotations: list[int] = []
    for r_start, r_end, quoted in regions:
        ids = [i for i, (a_start, _) in enumerate(anchors) if r_start <= a_start < r_end]
        if quoted:
            part = _partition(text, r_start, r_end, anchors, ids)
            quotations += range(len(clauses), len(clauses) + len(part))
            clauses += [Clause(c.start, c.end, c.anchors, role="content") for c in part]
            continue
        offset = len(clauses)
        clauses += [
            Clause(c.start, c.end, c.anchors, c.role, None if c.parent is None else c.parent + offset)
            for c in _split_plain(text, r_start, r_end, anchors, ids)
        ]
    return _link_quotations(text, clauses, quotations)


def _link_quotations(text: str, clauses: list[Clause], quotations: list[int]) -> list[Clause]:
    """Each dated quotation points at the nearest clause that reports it (before it, else after it)."""
    reporting = [
        k
        for k, c in enumerate(clauses)
        if k not in quotations
        and c.role != "content"
        and any(q.status == "reported" for q in status.find_cues(text[c.start : c.end]))
    ]
    out = list(clauses)
    for k in quotations:
        before = [r for r in reporting if r < k]
        after = [r for r in reporting if r > k]
        parent = before[-1] if before else (after[0] if after else None)
        if parent is not None:
            out[k] = Clause(out[k].start, out[k].end, out[k].anchors, "content", parent)
            if out[parent].role == "main":
                out[parent] = Clause(
                    out[parent].start, out[parent].end, out[parent].anchors, "saying", out[parent].parent
                )
    return out


def _mark_postposed_saying(text: str, clauses: list[Clause]) -> list[Clause]:
    """ "Sales fell in 2006, Apple said on Monday": a final clause that reports makes the others its content."""
    if len(clauses) < 2:
        return clauses
    last = clauses[-1]
    reports = [c for c in status.find_cues(text[last.start : last.end]) if c.status == "reported"]
    earlier_report = any(
        c.status == "reported" for clause in clauses[:-1] for c in status.find_cues(text[clause.start : clause.end])
    )
    if not reports or earlier_report:
        return clauses
    saying = len(clauses) - 1
    content = [Clause(c.start, c.end, c.anchors, role="content", parent=saying) for c in clauses[:-1]]
    return content + [Clause(last.start, last.end, last.anchors, role="saying")]


_PHATIC = r"\W*(?:<phatic_phrases>)\b(?:,?\s+[A-Z][\w'’-]*)?\W*"


def is_phatic(text: str, start: int, end: int) -> bool:
    """A greeting, thanks or assent ("Good evening.", "Thank you.", "That's right, Anna.") states no event."""
    return bool(phrase(_PHATIC).fullmatch(text, start, end))


_SIGNPOST = r"\W*(?:<signpost_openers>)\b"


def is_signpost(sentence: str) -> bool:
    """A line that only points at what follows ("Here is how the conflict has unfolded.") states no event."""
    return phrase(_SIGNPOST).match(sentence) is not None and not re.search(r":\s*\w", sentence)  # "...: it fell"
