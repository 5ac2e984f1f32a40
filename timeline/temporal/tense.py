"""Clause tense from cue words: the evidence that places a bare "Wednesday" before or after publication.

News English marks direction with auxiliaries ("will", "is set to") and past forms ("arrived", "said"); a cue
list (``resources/temporal/tense.yaml``) and the -ed ending cover most of it without a parser.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

import yaml

from timeline.temporal.lexicon import RESOURCES, alternation, context_words, phrase
from timeline.temporal.model import Tense
from timeline.temporal.rules import fold

_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n[ \t]*\n\s*|(?<=[.!?:\"”])[ \t]*\n\s*")
# A line break with no stop before it, a capital after it: a heading's end ("Friday: Putin says no need for more
# strikes") when its line is short beside the next, or a wrap within a sentence when it is not (wrapped lines fill
# the width)
_BARE_LINE_END = re.compile(r"(?<![.!?:\"”\s])[ \t]*\n(?=[ \t]*[\"'“‘(\[]?[A-Z0-9])")
HEADING_LINE_SHARE = 0.6  # of the next line's length, the most a heading line may have
#: A blank line: where a paragraph ends (a story's background year or day does not carry past one).
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


@functools.cache
def _tense_data() -> dict:
    with (RESOURCES / "tense.yaml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@functools.cache
def _auxiliary_before() -> re.Pattern[str]:
    """An auxiliary just before a past form makes it a participle ("will be named", "to be completed")."""
    words = alternation(_tense_data()["auxiliaries"])
    return phrase(r"\b" + words + r"\s+(?:%auxiliary_adverbs\s+)?$", 0)


@functools.cache
def _cues() -> tuple[re.Pattern[str], frozenset[str]]:
    data = _tense_data()
    # "would have been", "might have left" (past cues) are not the future's "would", "might" ("would have extra
    # crews", "would have to come" are)
    modals = [cue.split()[0] for cue in data["past"] if cue.endswith(" have")]
    counterfactual = r"(?!" + alternation(modals) + r"\s+have\s+(?:not\s+)?" + _participle() + ")"
    pattern = (
        r"(?:(?<![\w'-])|(?=['’]))(?:" + counterfactual + r"(?P<future>" + alternation(data["future"])[3:-1]  # "'ll"
        + r")|(?P<past>" + alternation(data["past"])[3:-1] + r"|[a-z]{2,}ed"
        + r")|(?P<present>" + alternation([*data["present"], *data["plural_present"]])[3:-1] + r"))(?![\w'])"
    )
    return re.compile(pattern), frozenset(data["not_past_ed"])


def not_past_forms() -> frozenset[str]:
    """Words ending in -ed that are no past verb ("allied", "armed", "hundred")."""
    return _cues()[1]


@functools.cache
def _plural_present() -> frozenset[str]:
    return frozenset(_tense_data()["plural_present"])


@functools.cache
def _base_form_before() -> re.Pattern[str]:
    words = alternation(_tense_data()["base_form_before"])
    return re.compile(rf"(?:\b{words}|n't)\s+(?:[a-z]+ly\s+|not\s+|also\s+)?$", re.IGNORECASE)


def base_form_follows(text: str, start: int) -> bool:
    """Whether the words just before ``start`` make the verb there an infinitive ("will last", "to meet", "did not
    meet"), not a finite form and not a cue word ("last" in "set to last 3 days" is the verb)."""
    return bool(_base_form_before().search(text, max(0, start - 24), start))


@functools.cache
def _article_before() -> re.Pattern[str]:
    """An article just before an -ed word makes it an adjective ("in a televised address")."""
    return re.compile(r"\b" + alternation(_tense_data()["articles"]) + r"\s+$")


@functools.cache
def _word_set(name: str) -> frozenset[str]:
    """The list ``name`` of tense.yaml as a set, built once."""
    return frozenset(_tense_data()[name])


def _verb_of_ing_noun(word: str, determiner: re.Match[str]) -> bool:
    """ "The meeting starts", "the voting closes": a present form after a determiner and an -ing noun is its verb.
    So is an -s form right after "that" or "this", a relative pronoun or a subject ("the term that begins in
    October"): a noun there would be singular."""
    if word.endswith("s") and determiner.group().split()[0] in _word_set("singular_demonstratives"):
        return True
    ing_noun = determiner.group("ing")
    return ing_noun is not None and word in _word_set("verbs_after_ing_nouns") and (
        ing_noun.lower() not in _word_set("ing_noun_compounds")
    )


@functools.cache
def _words_after(name: str) -> re.Pattern[str]:
    """A word of the list ``name`` of tense.yaml right after a cue: an article makes "agreed to" a preposition
    ("agreed to the inspections on Jan. 5"), "than" makes a cue a comparison ("no earlier than"), a finite verb makes
    a present form the subject's noun ("Christmas travel was the busiest")."""
    return re.compile(r"\s+" + alternation(_tense_data()[name]) + r"\b")


@functools.cache
def _determiner_before() -> re.Pattern[str]:
    """A determiner or possessive before a present form makes it a noun ("the close of business", "a strong start")."""
    words = alternation(_tense_data()["determiners"])[3:-1]
    # not "the Fed meets"; an -ing word between is kept as "ing" ("the meeting starts")
    return re.compile(rf"\b(?:{words}|[a-z]+'s)\s+(?:(?P<ing>[a-z]{{2,}}ing)\s+|[a-z]{{2,}}ed\s+)?$")


@functools.cache
def _figure_before() -> re.Pattern[str]:
    """A figure after a lower-case word (not one of `figure_not_after`: "the") makes a present form after it a noun
    ("by 141 votes to 5", "by a 5-4 vote"), not a figure in a name ("Euro 2024 kicks off", "The G-7 meets") or a
    noun itself ("the 27 meet"). Case matters: it is searched in the sentence as written."""
    not_after = alternation(_tense_data()["figure_not_after"])
    return re.compile(r"(?<![\w-])(?!" + not_after + r"\b)[a-z]+\s+\d[\d,.]*(?:-\d+)?\s+$")


@functools.cache
def _noun_pasts() -> frozenset[str]:
    return frozenset(_tense_data()["noun_pasts"])


@functools.cache
def _never_nouns() -> frozenset[str]:
    """Present forms that are no noun after "the meeting" ("The meeting is on Monday")."""
    return frozenset(_tense_data()["never_nouns"])


@functools.cache
def _compound_before() -> re.Pattern[str]:
    """A determiner and a singular noun before a plural present form make it the head of a compound noun ("a
    confidence vote", "the runoff vote"), where a plural noun before it is its subject ("the leaders vote")."""
    words = alternation(_tense_data()["determiners"])[3:-1]
    return re.compile(rf"\b(?:{words}|[a-z]+'s)\s+(?:[a-z-]*[a-rt-z]\s+){{1,2}}$")


class _Plans(NamedTuple):
    """The words of a plan told in the past (see ``tense.yaml``)."""

    auxiliaries: frozenset[str]  # before a plan word: "was" of "was scheduled"
    word_next: re.Pattern[str]  # the plan word after one of them
    participle: re.Pattern[str]  # a perfect ending in a plan participle ("had been scheduled")
    past: frozenset[str]  # plan words that are past plans themselves
    past_auxiliary: re.Pattern[str]  # auxiliaries that make a future cue after them a past plan
    aside_before: re.Pattern[str]  # a comma (and adverb) before a participle that opens an aside
    participles: frozenset[str]  # plan words that open such an aside ("The vote, first scheduled for Aug. 8, ...")


@functools.cache
def _plans() -> _Plans:
    data = _tense_data()
    adverbs = r"(?:(?:[a-z]+ly|" + alternation(data["plan_adverbs"])[3:-1] + r")\s+)?"  # "originally", "first"
    gap = r"\s+" + adverbs  # "was (originally, first) set"
    return _Plans(
        frozenset(data["plan_auxiliaries"]),
        re.compile(gap + r"(?:" + alternation(data["plan_word_openers"]) + r"\s+)?"
                   + alternation(data["plan_words"]) + r"\b"),  # "was (originally) scheduled"
        re.compile(r"\b" + alternation(data["plan_participles"]) + r"$"),
        frozenset(data["past_plans"]),
        re.compile(r"\b(?:" + "|".join(  # "had (originally) been (due) for"
            gap.join(map(re.escape, auxiliary.split())) for auxiliary in data["past_plan_auxiliaries"]
        ) + r")" + gap + "$"),
        re.compile(r",\s+" + adverbs + "$"),
        frozenset(data["plan_participles"]),
    )


def _perfect_of(auxiliaries: str) -> str:
    """An auxiliary of the list ``auxiliaries``, an adverb or none, then a participle: "has (not) ordered"."""
    data = _tense_data()
    return (
        r"(?:" + alternation(data[auxiliaries])[3:-1] + r")\s+(?:[a-z]+ly\s+|"
        + alternation(data["perfect_adverbs"]) + r"\s+)?" + _participle()
    )


def _participle() -> str:
    """An irregular past participle ("been", "gone") or a regular one ("closed")."""
    return r"(?:" + alternation(_tense_data()["participles"])[3:-1] + r"|[a-z]{2,}ed)(?![\w'])"


@functools.cache
def _perfect() -> re.Pattern[str]:
    """ "has fluctuated", "have been searching": the present perfect reports the past."""
    return re.compile(_perfect_of("perfect_auxiliaries"))


@functools.cache
def _pluperfect() -> re.Pattern[str]:
    """ "had left", "had already withdrawn": the past perfect, done before a past time."""
    return re.compile(_perfect_of("pluperfect_auxiliaries"), re.IGNORECASE)


def pluperfect_in(text: str, start: int, end: int) -> bool:
    """Whether a past perfect ("had been drinking") stands in ``text[start:end]``."""
    return _pluperfect().search(text, start, end) is not None


def done_by_limit(text: str, start: int, completion: bool) -> bool:
    """Whether the verb at ``start`` puts a date it reaches in the past. ``completion``: the date is reached "by",
    and the past perfect is done before that past time ("had left by late March"). Through "until" or "through" a
    past perfect that went on counts ("had stayed until March", "had been in hiding until March"), not a state set
    to end then ("had been suspended until September") nor an arrangement ("had hedged its fuel through December");
    without the past perfect, a verb of duration ("lasted until March")."""
    pluperfect = _pluperfect().match(text, start)
    if pluperfect is None:
        verb = _WORD.match(text, start)
        return verb is not None and fold(verb.group()) in _durative_past()
    if completion:
        return True
    participle = fold(pluperfect.group().split()[-1])
    if participle in _word_set("copula_participles"):
        return _passive_next().match(text, pluperfect.end()) is None  # "had been in prison", not "had been closed"
    return participle not in _word_set("forward_arrangements")


@functools.cache
def _passive_next() -> re.Pattern[str]:
    """ "been closed", "been formally suspended": a passive after "had"."""
    return re.compile(r"\s+(?:[a-z]+ly\s+)?" + _participle(), re.IGNORECASE)


def perfect_after(sentence: str, offset: int) -> bool:
    """Whether a present perfect ("has promised") stands in ``sentence`` after ``offset``: the story is back to now."""
    return any(start >= offset and raw == "present" and kind == "past" for start, _end, raw, kind, _ in _scan(sentence))


def forward_only(word: str) -> bool:
    """ "until", "as soon as": cues for the date after them only."""
    return " ".join(word.lower().split()) in _forward_only_words()


Cue = tuple[int, int, Tense, bool]


def graded_cues(sentence: str) -> list[Cue]:
    """Every tense cue in ``sentence`` as (start, end, tense, strong), in order, as the tagger reads them.

    Strong cues are finite verbs and auxiliaries from the cue lists; a bare -ed word is weak, because it is as
    often a participle or adjective ("the televised talks") as a past verb. The present perfect ("has ordered")
    reads as past, and a plan told in the past ("was scheduled for") as "planned".
    """
    return [(start, end, kind, strong) for start, end, _raw, kind, strong in _scan(sentence)]


def _scan(sentence: str) -> list[tuple[int, int, Tense, Tense, bool]]:
    """(start, end, tense of the cue word itself, tense for dating, strong) of every cue."""
    regex, not_past = _cues()
    original, sentence = sentence, fold(sentence)  # cue lists are lower case; folding keeps offsets
    headline_case: bool | None = None  # found when first needed: most sentences have no capitalised cue
    found: list[tuple[int, int, Tense, Tense, bool]] = []
    asides: list[int] = []  # indices in found of plan participles opening an aside
    perfect = _perfect()
    plans = _plans()
    for match in regex.finditer(sentence):
        raw = kind = match.lastgroup
        word = match.group()
        if kind == "past" and word in not_past:
            continue
        capitalised_inside = original[match.start()].isupper() and _NON_SPACE.search(original, 0, match.start())
        if capitalised_inside and kind != "present" and headline_case is None:
            headline_case = _in_headline_case(original)
        if capitalised_inside and (kind == "present" or not headline_case):
            continue  # "the Australian Open", "Ends Meet", "the Rose Bowl": a capitalised word inside is a name
        if _words_after("comparison_followers").match(sentence, match.end()):
            continue  # "will reopen no earlier than April 12": a comparison, no verb
        if (
            (word in _plural_present() and base_form_follows(sentence, match.start()))
            or (word in _perfect_auxiliaries() and _future_before().search(sentence, max(0, match.start() - 12),
                                                                            match.start()))
            or (kind == "present" and word not in _never_nouns()
                and ((determiner := _determiner_before().search(sentence, max(0, match.start() - 24), match.start()))
                     and not _verb_of_ing_noun(word, determiner)
                     or _figure_before().search(original, max(0, match.start() - 24), match.start())))
            or (word in _plural_present() and word not in _never_nouns()
                and _compound_before().search(sentence, max(0, match.start() - 32), match.start()))
            or (kind == "present" and word not in _never_nouns()
                and _words_after("finite_after_subject").match(sentence, match.end()))
        ):
            continue  # an infinitive ("agreed to meet", "will meet") or a noun ("the close of business", "the votes")
        if kind == "past" and word in _noun_pasts() and (
            _article_before().search(sentence, max(0, match.start() - 8), match.start())
            or (_noun_past_context()[0].search(sentence, max(0, match.start() - 24), match.start())
                and not _noun_past_context()[1].match(sentence, match.end()))
        ):
            continue  # a noun: "a direct hit on Tuesday", "a rate cut in September" (not "The company cut jobs")
        if kind == "past" and _auxiliary_before().search(sentence, max(0, match.start() - 24), match.start()):
            continue  # a participle ("will be named", "to be completed"): its auxiliary is the cue
        if (
            kind == "past" and not word.endswith("ed") and base_form_follows(sentence, match.start())
            and not _CAPITALISED_BEFORE.search(original, max(0, match.start() - 12), match.start())
        ):
            continue  # a base form that looks past ("could hit", "to set"); not after the month in "Sales in May rose"
        if kind == "past" and word.endswith("ed") and _article_before().search(sentence, max(0, match.start() - 8),
                                                                                 match.start()):
            continue  # an adjective: "in a televised address", "the damaged building"
        if (
            kind == "present" and found and found[-1][2] == "past"
            and (found[-1][4] or sentence[found[-1][0] : found[-1][1]] in _word_set("linking_pasts"))
            and not sentence[found[-1][1] : match.start()].strip()
        ):
            continue  # "Germany beat hosts Brazil", "stayed open": a present form right after a past verb is its object
            # or complement, a noun or an adjective (not after a participle: "Families evacuated return Friday")
        if kind == "past" and word in _same_in_present() and _conditional_before().search(
            sentence, max(0, match.start() - 40), match.start()
        ):
            kind = "present"  # "If they beat Argentina on Sunday": a condition, in the present
        if (
            kind == "present" and word in _word_set("backward_presents")
            and not phrase(_OWN_DATE_NEXT).match(sentence, match.end())
        ):  # fmt: skip
            kind = "past"  # "The decision follows a vote on Sunday": what it comes after is done ("a second round
            # follows on Sunday" is ahead)
        if kind == "present" and perfect.match(sentence, match.start()):
            kind = "planned" if plans.participle.search(perfect.match(sentence, match.start()).group()) else "past"
        if (
            kind == "past" and word in plans.auxiliaries
            and (plan := plans.word_next.match(sentence, match.end())) is not None
            and regex.match(sentence, plan.end() - len(plan.group().split()[-1])) is not None
        ):  # fmt: skip
            continue  # "were planning", "was scheduled": the plan word that follows is the cue (not "had been set
            # alight": no plan, a past)
        strong = not (kind == "past" and word.endswith("ed") and word not in _strong_past())
        if kind == "future" and word in _complement_future() and _words_after("articles").match(sentence, match.end()):
            continue  # "agreed to the inspections on Jan. 5": a thing agreed to, no plan (the agreeing or the thing)
        if kind == "future":
            strong = word not in _weak_future()
            if plans.past_auxiliary.search(sentence, max(0, match.start() - 28), match.start()) or word in plans.past:
                kind = "planned"  # "had been due to", "was scheduled for", "planned": a plan told in the past
            elif word.split()[0] in plans.participles and plans.aside_before.search(
                sentence, max(0, match.start() - 20), match.start()
            ):
                asides.append(len(found))
        found.append((match.start(), match.end(), raw, kind, strong))  # type: ignore[arg-type]
    for index in asides:  # "The vote, first scheduled for Aug. 8, had been postponed": a plan the main verb told of
        verbs = [cue for cue in found[index + 1 :] if cue[4] and cue[3] != "future"]
        if verbs and verbs[0][3] == "past":
            found[index] = (*found[index][:3], "planned", found[index][4])
    return found


_NON_SPACE = re.compile(r"\S")
# after "follows", the date of its own ("follows on Sunday", "follows Saturday"), not of an object ("Sunday's vote")
_OWN_DATE_NEXT = r"\s+(?:%date_prepositions|%backward_present_adverbs|(?:%weekdays|%months)(?!['’]s))\b"
_WORD3 = re.compile(r"[A-Za-z][\w'’-]{2,}")
_WORD = re.compile(r"[A-Za-z]+")
HEADLINE_CASE_SHARE = 0.85  # of a line's longer words, capitalised: "Fans Will Gather on Sunday for the Final"
HEADLINE_CASE_WORDS = 3
SHORT_WORD = 3  # title case leaves short words ("for", "the") in lower case: they count only capitalised ("Won")


def _in_headline_case(sentence: str) -> bool:
    """Title case or capitals ("Airports Will Reopen on Saturday", "JURY WILL BE SEQUESTERED"): every word is
    capitalised, so a capital says nothing of a name and verbs stay cues."""
    words = [word for word in _WORD3.findall(sentence) if len(word) > SHORT_WORD or word[0].isupper()]
    capitalised = sum(word[0].isupper() for word in words)
    return len(words) >= HEADLINE_CASE_WORDS and capitalised >= HEADLINE_CASE_SHARE * len(words)


@functools.cache
def _perfect_auxiliaries() -> frozenset[str]:
    return frozenset(_tense_data()["perfect_auxiliaries"])


@functools.cache
def _future_before() -> re.Pattern[str]:
    """ "will have been": a future perfect, no present perfect."""
    words = _tense_data()["future_perfect_auxiliaries"]
    clitics = [word for word in words if not word[0].isalpha()]  # "'ll" hangs on the word before it
    free = [word for word in words if word[0].isalpha()]
    return re.compile(r"(?:(?<![\w'’])" + alternation(free)[3:-1] + "|" + alternation(clitics)[3:-1] + r")\s+$")


@functools.cache
def _noun_past_context() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A determiner and one word before a past form that is a noun too ("a rate cut"), and the start of an object
    after it ("cut jobs"), which makes it a verb again."""
    data = _tense_data()
    before = re.compile(r"\b" + alternation(data["noun_past_determiners"]) + r"\s+[a-z-]+\s+$")
    after = re.compile(r"\s+(?!" + alternation(data["not_objects_after_past"]) + r"\b)[a-z]")
    return before, after
_CAPITALISED_BEFORE = re.compile(r"\b[A-Z][a-z]*\s+$")


@functools.cache
def _weak_future() -> frozenset[str]:
    return frozenset(_tense_data()["weak_future"])


@functools.cache
def _forward_only_words() -> frozenset[str]:
    return frozenset(_tense_data()["forward_only"])


def _forward_only(cue: Cue, sentence: str) -> bool:
    return bool(sentence) and forward_only(sentence[cue[0] : cue[1]])


@functools.cache
def _strong_past() -> frozenset[str]:
    return frozenset(_tense_data()["past"])


def tense_cues(sentence: str) -> list[tuple[int, int, Tense]]:
    """Every tense cue in ``sentence`` as (start, end, tense of the cue word), in order, for reading a clause's own
    tense: "has" is present, "agreed to" past (the agreeing happened); "effective" only dates a date, so it is left
    out."""
    folded = fold(sentence)
    found = []
    for start, end, raw, _kind, _strong in _scan(sentence):
        word = folded[start:end]
        if word in _date_only_cues():
            continue
        found.append((start, end, "past" if word in _complement_future() else raw))
    return found


@functools.cache
def _date_only_cues() -> frozenset[str]:
    return frozenset(_tense_data()["date_only_cues"])


def sentence_tense(sentence: str) -> Tense | None:
    """The tense of the sentence's first cue (the main clause comes first in news English); None without cues."""
    cues = tense_cues(sentence)
    return cues[0][2] if cues else None


def tense_near(sentence: str, start: int, end: int) -> Tense | None:
    """Tense of the cue nearest to the span ``start:end`` of ``sentence`` (cues inside the span ignored).

    A cue before the expression is preferred over one equally far after it: "arrived on Wednesday to supervise".
    """
    tense = tense_among(graded_cues(sentence), start, end, sentence)
    return "past" if tense == "planned" else tense


def tense_among(cues: list[Cue], start: int, end: int, sentence: str = "") -> Tense | None:
    """``tense_near`` over cues found once for a whole sentence (offsets relative to the same origin).

    The nearest cue wins, with exceptions that follow the clause structure of news English:
    - a cue after the expression but past a comma or semicolon belongs to another clause ("is set to speak with
      him on Thursday, and both sides said ..."): it counts only when no cue (other than "until" and the like)
      stands before the expression;
    - a future verb phrase governing the clause ("is set to hold talks, televised live, on Thursday") is not
      overridden by weak -ed words (participles) that stand nearer;
    - a fronted "Until Thursday, they had not ..." takes the tense of its clause's verb; elsewhere "until"
      looks forward ("runs until Sunday", "has given them until Tuesday");
    - a plan reported in the past ("had been due to end on Sunday") reads as "planned": the nearest such day;
    - a semicolon joins independent clauses ("exports rose; the second half will be weaker"): the expression's own
      clause decides, and a clause without a cue has no tense.
    """
    cues = _own_clause(cues, start, end, sentence)
    relative = _relative_around(sentence, start, end)
    if relative is not None:  # "Kohl, who cut short a visit on Friday, will return": the relative clause's own verbs
        cues = [cue for cue in cues if relative[0] <= cue[0] and cue[1] <= relative[1]]
    elif sentence:  # "The leaders, who will meet again Thursday, talked ... on Tuesday": not the relative's verbs
        closed = _closed_relatives(sentence, start, {cue[0] for cue in cues})
        cues = [cue for cue in cues if not any(a <= cue[0] and cue[1] <= b for a, b in closed)]
    before = [cue for cue in cues if cue[1] <= start]
    after = [_as_reporting_verb(cue, sentence) for cue in cues if cue[0] >= end and not _forward_only(cue, sentence)]
    if sentence and any(not _is_weak_future(cue) for cue in before):
        after = [cue for cue in after if not phrase(_NEXT_CLAUSE, 0).search(sentence, end, cue[0])]
    elif sentence:  # "an election on May 14, which officials had said ...": the relative clause is about the noun
        after = [cue for cue in after if not phrase(_RELATIVE_AFTER).search(sentence, end, cue[0])]
    gerund = sentence and phrase(_AFTER_GERUND).search(sentence, max(0, start - 100), start)
    if gerund and not _governing_future(before):
        return "past"  # "is on strike after walking out on Thursday": what came before the clause's present
    if sentence and _reduced_relative_of_date(sentence, start, any(cue[2] == "future" for cue in cues)):
        return "past"  # "despite the tax introduced by the government in May": the participle's event is done
    best: tuple[float, Tense, bool] | None = None
    for cue_start, cue_end, kind, strong in before + after:
        distance = float(start - cue_end) if cue_end <= start else (cue_start - end) * 1.5 + 1
        if best is None or distance < best[0]:
            best = (distance, kind, strong)
    if best is None:
        return None
    if best[1] == "future" and not best[2] and before and _is_weak_future(before[-1]):
        verb = _durative_before(before, sentence)
        if verb is not None:
            return verb  # "the curfew lasted until Friday": how long a past state went on
        if len(before) == 1 and _fronted(before[0], sentence):
            # a fronted "Until Thursday, they had not ...": the clause's finite verb decides, not the preposition
            verbs = [cue for cue in after if cue[3] and cue[2] != "future"]
            if verbs:
                return verbs[0][2]  # the first finite verb after the fronted phrase
    weak_past = best[1] == "past" and not best[2]
    if (
        weak_past and _governing_future(before) and not _participle_of_date(before, start, sentence)
        and not _clause_opened_since_future(before, sentence)
    ):
        return "future"
    return best[1]


_CLAUSE_OPENED = r",\s*(?:%relative_pronouns|where|when)\b|\b%finite_clause_openers\b"


def _clause_opened_since_future(before: list[Cue], sentence: str) -> bool:
    """ "would continue ... a case at the court, where judges ruled in January", "is expected to follow after
    Hungary's parliament ratified its bid on Monday": a relative or adverbial clause opened since the future verb
    has its own finite verb, however weak its -ed looks."""
    strong = next((cue for cue in reversed(before) if cue[3]), None)
    return bool(sentence) and strong is not None and bool(
        phrase(_CLAUSE_OPENED).search(sentence, strong[1], before[-1][0])
    )


_RELATIVE_OPENING = r",\s*%relative_pronouns\b[^,;:()]*$"
_CLOSED_RELATIVE = r",\s*%relative_pronouns\b[^,;:()]*,\s*"


def _closed_relatives(sentence: str, start: int, verb_starts: set[int]) -> list[tuple[int, int]]:
    """The relative clauses between commas before ``start`` that the main verb follows (", who will meet again
    Thursday, talked"); not a comma inside the clause ("who stepped down as chairman, president and ...")."""
    return [
        match.span() for match in phrase(_CLOSED_RELATIVE).finditer(sentence, 0, start) if match.end() in verb_starts
    ]


def _relative_around(sentence: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of a relative clause between commas that holds ``start:end`` (", who ... on Friday,"), if any."""
    if not sentence:
        return None
    opening = phrase(_RELATIVE_OPENING).search(sentence, max(0, start - 120), start)
    closing = sentence.find(",", end)
    if opening is None or closing < 0 or _CLAUSE_BREAK.search(sentence, end, closing):
        return None
    return opening.start(), closing


def _fronted(cue: Cue, sentence: str) -> bool:
    """Whether ``cue`` opens its clause ("Until Thursday, ..."), rather than following a verb ("Talks continue
    until Friday, officials said", where the reporting verb's past says nothing of Friday)."""
    if not sentence:
        return True
    clause_start = max(sentence.rfind(mark, 0, cue[0]) for mark in ",;:") + 1
    return phrase(_CLAUSE_OPENING).fullmatch(sentence, clause_start, cue[0]) is not None


_CLAUSE_OPENING = r"[\s\"'“‘(—-]*(?:%clause_conjunctions\s+)?"


def _durative_before(before: list[Cue], sentence: str) -> Tense | None:
    """ "lasted until Friday", "waited until Friday", "did not reopen until Friday": a past verb of duration or a
    denied past before a weak "until" makes the date past; other verbs keep it forward ("extended the curfew until
    Friday")."""
    if len(before) < 2 or not sentence:
        return None
    verb, link = before[-2], before[-1]
    if verb[2] != "past" or _CLAUSE_BREAK.search(sentence, verb[1], link[0]):
        return None
    word = fold(sentence[verb[0] : verb[1]])
    contracted = word.endswith(tuple(context_words()["negation_endings"]))  # "didn't"
    negated = contracted or phrase(_NEGATION_NEXT).match(sentence, verb[1])
    if word in _durative_past() or negated:
        return "past"  # "lasted until Friday"; "did not reopen until Friday" reopened then
    return None


_NEGATION_NEXT = r"\s*%negations\b"


@functools.cache
def _durative_past() -> frozenset[str]:
    return frozenset(_tense_data()["durative_past"])


def _own_clause(cues: list[Cue], start: int, end: int, sentence: str) -> list[Cue]:
    """The cues between the semicolons around ``start:end``."""
    if ";" not in sentence:
        return cues
    low, high = sentence.rfind(";", 0, start), sentence.find(";", end)
    return [cue for cue in cues if cue[0] > low and (high < 0 or cue[1] <= high)]


_PARTICIPLE_GAP = r"\s+(?:%day_prepositions\s+)?"


_AGENT = r"%agent_prepositions\s+(?:[\w'’.-]+\s+){1,4}?"  # "by the government ": a passive's agent, up to 4 words


@functools.cache
def _complement_verb_before() -> re.Pattern[str]:
    """A verb that takes a participle or adjective as its complement, a few words before it ("will stay shut", "keep
    rates unchanged", "see their taxes raised")."""
    return re.compile(r"\b" + alternation(_tense_data()["complement_verbs"]) + r"\s+(?:[\w'’-]+\s+){0,3}$",
                      re.IGNORECASE)


@functools.cache
def _definite_noun_before() -> re.Pattern[str]:
    """A comma, or a definite determiner and up to three words, right before a participle ("the budget agreement ",
    "the bridge, ")."""
    words = alternation(_tense_data()["definite_determiners"])
    return re.compile(r"(?:,\s*|\b" + words + r"\s+(?:[\w'’-]+\s+){0,3}[\w'’-]+\s+)$", re.IGNORECASE)


@functools.cache
def _reduced_relative() -> re.Pattern[str]:
    """A participle after its noun, its agent if any and the date's preposition: "the tax introduced by the government
    in ", "the target set by Brussels in ", "the budget agreement reached in "."""
    data = _tense_data()
    return phrase(
        r"\b(?:(?P<participle>" + alternation(data["participles"])[3:-1] + r"|[a-z]{2,}ed)\s+(?:" + _AGENT + r")?"
        r"|(?P<present_form>" + alternation(data["same_in_present"])[3:-1] + r")\s+" + _AGENT  # "a rate cut in"
        + r")%past_placings\s+(?:the\s+)?$",
        0,
    )


def _reduced_relative_of_date(sentence: str, start: int, future: bool) -> bool:
    """Whether the date at ``start`` is placed by a participle in a reduced relative clause, not by a passive
    ("will be introduced by the government in May") nor a plan ("a vote scheduled by parliament in May"). ``future``:
    the sentence has a future cue."""
    found = _reduced_relative().search(sentence, max(0, start - 80), start)
    if found is None:
        return False
    participle = found.group("participle") or found.group("present_form")
    agent = phrase(r"\s%agent_prepositions\s").search(found.group()) is not None
    if participle in _noun_pasts() and not agent:
        return False  # "expect a rate cut in September": a noun
    if participle in _word_set("reduced_relative_plans") or participle in not_past_forms():
        return False
    noun_phrase = sentence[max(0, found.start() - 40) : found.start()]
    if _auxiliary_before().search(noun_phrase) or _complement_verb_before().search(noun_phrase):
        return False  # "will be closed in May", "will stay shut on Friday", "keep rates unchanged in September"
    # with no agent and a future told, only a set-off or definite noun's participle tells a done event ("the truce
    # signed on Monday", "the bridge, closed in May,"): "Flights booked in December will cost more" speaks of any
    return agent or not future or _definite_noun_before().search(noun_phrase) is not None


def _participle_of_date(before: list[Cue], start: int, sentence: str) -> bool:
    """ "would appeal the decision, announced Wednesday": an -ed word right before the date is the event the date
    belongs to, and a participle's event is done, whatever future governs the sentence."""
    if not before or not sentence:
        return False
    gap = phrase(_PARTICIPLE_GAP).fullmatch(sentence, before[-1][1], start)
    return gap is not None and before[-1][2] == "past"


_CLAUSE_BREAK = re.compile(r"[,;()]|:(?!\d)")  # not the colon of a clock time ("lasted from 01:10 until 18:30")
# What ends a clause for cues after a date: punctuation, or "and"/"but" joining a second verb ("arrived on Wednesday
# night and will meet ...": "will" is the second verb's).
_NEXT_CLAUSE = r"[,;:()]|\b%verb_conjunctions\s"
_RELATIVE_AFTER = r",\s*%relative_pronouns\b"
# "after walking out on Thursday", "since reopening on Monday": a gerund after "after"/"since" tells a past event
_AFTER_GERUND = r"\b%gerund_links\s+[a-z]{2,}ing\b[^,;:.]*?(?:\s%gerund_date_words)?\s*$"


def _as_reporting_verb(cue: Cue, sentence: str) -> Cue:
    """ "agreed to", "promised to" after a date are past verbs the date belongs to ("On Sunday they agreed to
    cut ..."); only what follows them is future."""
    word = fold(sentence[cue[0] : cue[1]])
    if cue[2] == "future" and word in _complement_future():
        return (cue[0], cue[1], "past", True)
    if cue[2] == "past" and word in _word_set("backward_presents"):
        return (cue[0], cue[1], "present", True)  # "Tuesday's vote follows a week of campaigning": the vote is ahead
    return cue


@functools.cache
def _complement_future() -> frozenset[str]:
    return frozenset(_tense_data()["complement_future"])


def _is_weak_future(cue: Cue) -> bool:
    return cue[2] == "future" and not cue[3]


def _governing_future(before: list[Cue]) -> bool:
    """Whether the last strong cue before an expression is a future one (weak -ed words in between do not count)."""
    for _cue_start, _cue_end, kind, strong in reversed(before):
        if strong:
            return kind == "future"
    return False


@functools.cache
def _abbreviations() -> frozenset[str]:
    return frozenset(_tense_data()["abbreviations"])


_LAST_WORD = re.compile(r"([\w.]+)$")


def _ends_a_heading(text: str, line_end: re.Match[str]) -> bool:
    """Whether the line that ``line_end`` closes is a heading: much shorter than the line after it."""
    line = text[text.rfind("\n", 0, line_end.start()) + 1 : line_end.start()].strip()
    following_end = text.find("\n", line_end.end())
    following = text[line_end.end() : len(text) if following_end < 0 else following_end].strip()
    last_word = line.rsplit(maxsplit=1)[-1].lower() if line else ""
    return 0 < len(line) <= HEADING_LINE_SHARE * len(following) and last_word not in _heading_never_ends()


@functools.cache
def _same_in_present() -> frozenset[str]:
    return frozenset(_tense_data()["same_in_present"])


@functools.cache
def _conditional_before() -> re.Pattern[str]:
    """A conditional opener earlier in the same clause (no comma or stop between)."""
    return re.compile(r"\b" + alternation(_tense_data()["conditional_openers"]) + r"\b[^,;.]*$", re.IGNORECASE)


@functools.cache
def _heading_never_ends() -> frozenset[str]:
    return frozenset(_tense_data()["heading_never_ends"])


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of ``text``, covering it without gaps."""
    spans, start = [], 0
    abbreviations = _abbreviations()
    ends = sorted(
        [*_SENTENCE_END.finditer(text), *(m for m in _BARE_LINE_END.finditer(text) if _ends_a_heading(text, m))],
        key=lambda m: m.start(),
    )
    for match in ends:
        if match.start() < start:
            continue
        if text[match.start()] == ".":
            word = _LAST_WORD.search(text, max(start, match.start() - 12), match.start())
            if word and word.group(1).lower() in abbreviations:
                continue
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(text)))
    return spans

