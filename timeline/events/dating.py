"""Which date governs a clause, and what calendar span it covers.

Three steps, each a small pure function:

1. :func:`find_anchors` turns a sentence's timexes into *anchors*, the expressions that can date
   an event: a DATE/TIME with a calendar span, a range ("from 10 to 20 February", "between March
   and May"), or a date with a duration ("10 days ... starting Thursday 10 February"). Durations
   alone, sets, vague references ("recently") and attributive years ("the 1991 agreement", which
   date a noun, not the clause's event) are not anchors.
2. The segmenter (:mod:`timeline.events.segment`) gives each anchor its clause.
3. A clause with no anchor of its own may continue an earlier date (:func:`continued`, over a
   :class:`Narrative` that :func:`observe` keeps up to date) when the narrative clearly continues;
   otherwise the pipeline dates it at publication, per its settings.

The word lists are data: ``resources/events/dating.yaml``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from dateutil.relativedelta import relativedelta

from timeline.events import status
from timeline.events.phrases import phrase, word_lists, words
from timeline.schema import PRECISIONS
from timeline.temporal import Timex, calendar_span
from timeline.temporal.calendar import format_date, part_of_span
from timeline.temporal.model import DAY_OF_EVENT, THEN_RULE, YEAR_RANGE_RULES
from timeline.temporal.tense import base_form_follows, tense_cues

_BETWEEN_BEFORE = r"\b<between_words>\s+$"
_DURATION = re.compile(r"^P(\d+)([DWMY])$")
_DURATION_UNITS = {"D": "days", "W": "weeks", "M": "months", "Y": "years"}
# "followed by a session", not "started by hinting" or "talked by phone" (the means, not the agent)
_BY_AFTER = r"\s+<agent_prepositions>\b(?!\s+[a-z]+ing\b|\s+<by_means>\b)"
_AUXILIARY_BEFORE = r"\b<be_have_auxiliaries>\s+(?:[a-z]+ly\s+)?$"
# "earlier this week" stops before publication; "later this week" starts at it.
_EARLIER = r"\b<earlier_words>\s+(?:\S+\s+)?$"
_SO_FAR_BEFORE = r"\b<so_far_words>\s+$"
_SO_FAR_AFTER = r"\s+<so_far_words>\b"
_LATER = r"\b<later_words>\s+(?:\S+\s+)?$"
# A date in "the first session since July 2019" or "the highest level since 2014" dates the noun (not when a verb
# stands between: "The worst-hit region has been without power since Monday").
# (Not a date after the one "since" already took: "the highest since 2008 on Tuesday" happened on Tuesday.)
_SUPERLATIVE = r"(?:<superlative_words>|\b<definite_articles>\s+<article_superlatives>|(?!<not_superlatives>\b)\w+est)"
_SINCE_AFTER_SUPERLATIVE = (
    rf"\b{_SUPERLATIVE}(?:-\w+)?\b(?:\s+(?!<be_have_auxiliaries>\b)[\w'’-]+){{0,6}}\s+<since_words>\b"
    rf"(?:\s+[\w'’-]+){{0,8}}?\s+$"
)
# A season word opening a name ("the Winter Olympics", "Spring Festival") is not a date.
_NAME_FOLLOWS = re.compile(r"\s+[A-Z]")
_NAME = re.compile(r"\b[A-Z][a-z]+(?:[A-Z][a-z]+)*\b")
_YEARISH = re.compile(r"^(?:\d{4}|[A-Z][a-z]+ \d{4})$")
_FREE_RELATIVE = r"\b<free_relative_openers>\s+(?:[\w'’]+\s+){1,3}?<event_done_verbs>\s+<date_prepositions>\s+$"
_RANGE_TAIL = re.compile(r"[-–/]\d{2,4}\b")
_RANGE_HEAD = re.compile(r"\d{4}[-–/]$")
_NOUN_OF = r"\b([A-Za-z]+)\s+<of_words>\s+(?:\d{4}\s*(?:,|<list_connectors>)\s*)*$"  # "of 2014 and 2015" too


@dataclass(frozen=True)
class Anchor:
    """A date that can govern a clause: offsets in the article, calendar span, and how it was found."""

    start: int
    end: int
    text: str
    timex: Timex
    first: dt.date
    last: dt.date
    precision: str
    value: str
    basis: str
    listed: tuple[Anchor, ...] = ()  # days listed after this one ("on Tuesday, Thursday and Saturday")


@dataclass(frozen=True)
class DatedClause:
    """The date given to one clause, remembered so the next sentence may continue it."""

    first: dt.date | None
    last: dt.date | None
    precision: str
    basis: str


_RANGE_JOIN = r"\s*(?:<range_connectors>)\s*"
_LIST_JOIN = r"\s*(?:,|,?\s*(?:<list_connectors>))\s*"
_CLAUSE_BREAK = r"(?:<clause_breaks>)(?!\w)"
_BACKWARD_DURATION = r"\b(?:<backward_duration>)\s+(?:<definite_articles>\s+)?$"
# the same words opening the span: "the last three years" (not "set to last 3 days", where "last" is the verb)
_BACKWARD_OPENING = r"<definite_articles>\s+(?:<backward_duration>)\s"
_PREPOSITION_NEXT = r"\s+(?:<prepositions>)\b"
_STATE_END = r"\b(?:<state_ends>)\s+$"
# "down from 4,000 a week in mid-December": the separators inside a number do not end the phrase
_BASELINE = (
    r"(?:\b(?:<baseline_from>)\b(?:[^,;.]|(?<=\d)[,.](?=\d)){0,40}"
    r"|\b(?:<baseline_direct>)\s+(?:(?:in|on|at|during|of)\s+)?)$"
)
_BASELINE_COUNT = r"\b(?:<baseline_before_count>)\s+$"
# A past verb, its object and a participle after it: the date in the participle's phrase tells of the object ("annulled
# the sanctions imposed on them between February 2022 and March 2023"), when an earlier date tells of the verb
_REDUCED_RELATIVE = r"\b[a-z]{3,}ed\s+(?:<definite_articles>)\s+[a-z]+\s+[a-z]{3,}ed\b[^,;:.()]{0,90}$"
_PROMISED = r"\b(?:<promise_verbs>)\b[^,;:.]*$"
# "since 24 February", "since the invasion began on 24 February", "since Russia invaded in February"
_STRETCH_START = (
    r"\b(?:<stretch_starts>)\s+(?:[^,;:.]{0,50}\s(?:<start_verbs>|[a-z]{2,}ed)\s+<date_prepositions>\s+)?$"
)
# "opened on Friday and runs until Sunday": one event over both days
_CONTINUES_UNTIL = r"\s+<and_words>\s+(?:[a-z]+\s+){1,3}?(?:<state_ends>)\s+(?:<definite_articles>\s+)?"
_OFFSET_LINK = r"\s+(?:(<offset_after>)|<offset_before>)\b[^,;:()]*"  # group 1: forward
_BOUND_OPENING = r"^\W*(?:[\w'’-]+\s+){0,3}?(?:<bound_before>)\b[^,;:]*$"
_BOUND_DIRECT = r"\b(?:<bound_before>)\s+(?:<definite_articles>\s+)?$"
_BOUND_PHRASE = r"^\W*(?:<bound_before>)\s+[^,;:]{1,80},\s*\w"  # "Before the war, the EU bought ..."
# "Days later, ...", "Within days, ..."
_VAGUELY_LATER = (
    r"^\W*(?:(?:(?:<vague_counts>)\s+)?(?:<vague_units>)\s+(?:<vague_after>)|(?:<vague_within>)\s+(?:<vague_units>))\b"
)
_CLOSE_BEFORE = r"\b(?:<close_before>)\s+(?:<bound_before>)\b"
_MAIN_CLAUSE_FOLLOWS = re.compile(r"[^,;:]*,\s*\w")
# How fine a unit or precision is: an offset moves a date only by units no finer than the date's own.
_RANK = {"D": 0, "W": 0, "M": 1, "Y": 2, "day": 0, "month": 1, "year": 2}


@cache
def _attributive() -> re.Pattern[str]:
    dets = word_lists()["attributive_determiners"]
    whole = "|".join(re.escape(d) for d in dets if d[0].isalpha())
    clitics = "|".join(re.escape(d) for d in dets if not d[0].isalpha())
    return re.compile(rf"(?:(?:^|\s)(?:{whole})|(?:{clitics}))\s+$", re.IGNORECASE)


@cache
def _present_verbs() -> re.Pattern[str]:
    """Present-tense verbs, not after an auxiliary or "to" (where they are infinitives: "will say")."""
    not_after = "".join(rf"(?<!\b{re.escape(word)} )" for word in word_lists()["auxiliaries"])
    return re.compile(rf"(?<![\w'-]){not_after}(?:{words('present_verbs')})(?![\w'-])")  # not "run-up", "state-run"


def participles() -> str:
    """A regex alternation matching a past participle: an -ed word or an irregular one ("led", "born")."""
    irregular = "|".join(re.escape(w) for w in word_lists()["irregular_participles"] if not w.endswith("ed"))
    return rf"[a-z]+ed|{irregular}"


@cache
def _appositive() -> re.Pattern[str]:
    return re.compile(rf",\s+(?:[a-z]+ly\s+)?(?:{participles()})\s+(?:{words('prepositions')})\b[^,;]*,")


def _tense_cues(text: str, present_refs: Sequence[int]) -> list[tuple[int, str]]:
    cues = [
        (start, kind)
        for start, end, kind in tense_cues(text)
        if not _passive_participle(text, start, end) and not status.describes_a_noun(text, start, end)
    ]
    cues += [(m.start(), "present") for m in _present_verbs().finditer(text)]
    return cues + [(at, "present") for at in present_refs if text[at] != " "]


def _passive_participle(text: str, start: int, end: int) -> bool:
    """A past form before "by" with no auxiliary is a reduced passive ("followed by a session"), not a tense."""
    word = text[start:end].lower()
    if not word.endswith("ed") and word not in word_lists()["irregular_participles"]:
        return False  # "spoke", "went": past forms that are no participle
    by_agent = phrase(_BY_AFTER, 0).match(text, end) is not None
    return by_agent and not phrase(_AUXILIARY_BEFORE).search(text, max(0, start - 40), start)


def clause_tense(clause_text: str, present_refs: Sequence[int] = ()) -> str | None:
    """The clause's tense: "past", "present", "perfect", "pluperfect", "future" or None, from its first cue.

    Descriptive participle phrases between commas ("Belarus, led by Lukashenko, is ...") are
    skipped, and so are quotations when the clause has words of its own ('"We think ...," said
    Jobs' is past: the quote has the speaker's tense). ``present_refs`` are offsets (in the
    clause) of vague present references ("currently", "now"), which count as present cues where
    they stand. A present "has"/"have" opening a perfect ("has ordered") gives "perfect": a
    completed event with present relevance; "had" opening one ("had added") gives "pluperfect":
    a time before the narrative's, which continues no date.
    """
    text = _appositive().sub(lambda m: " " * len(m.group()), clause_text)
    unquoted = status.blank(text, status.quoted_spans(text))
    cues = _tense_cues(unquoted, present_refs) or _tense_cues(text, present_refs)
    if not cues:
        return None
    start, kind = min(cues)
    perfect = any(c.status == "occurred" and c.start == start for c in status.find_cues(text))
    if perfect and kind == "present":
        return "perfect"
    if perfect and kind == "past":
        return "pluperfect"
    return kind


def coarser(a: str, b: str) -> str:
    """The coarser of two precisions."""
    return max(a, b, key=PRECISIONS.index)


def is_attributive(text: str, timex: Timex) -> bool:
    """A date used like an adjective dates its noun, not the clause's event.

    "the 1991 agreement", "the company's 2010 conference", "this year's conference", "Monday's email",
    "the current CEO", "the agreements of 2014" (but not "the spring of 2014", "the end of 2014": `period_nouns`).
    (A weekday before a noun, "a Wednesday media event", does date the event.)
    """
    start, end = timex.start, timex.end
    if timex.rule in YEAR_RANGE_RULES:  # "the 2021-22 budget": the span of years is the adjective
        tail = _RANGE_TAIL.match(text, end)
        head = _RANGE_HEAD.search(text, max(0, start - 5), start)
        start, end = head.start() if head else start, tail.end() if tail else end
    after = text[end : end + 20]
    if re.match(r"['’]s\s+\w", after):
        return True
    if not (_YEARISH.match(timex.text) or timex.rule in YEAR_RANGE_RULES or timex.value == "PRESENT_REF"):
        return False
    noun_of = phrase(_NOUN_OF, 0).search(text, max(0, start - 40), start)
    if noun_of and timex.text.isdigit() and noun_of.group(1).lower() not in word_lists()["period_nouns"]:
        return True  # "the Minsk agreements of 2014 and 2015", "the war of 2008": the year names the noun
    return _in_noun_slot(text, start, end, _ANY_WORD_NEXT)


_ANY_WORD_NEXT = re.compile(r"\s+[A-Za-z]")
_COMMON_NOUN_NEXT = re.compile(r"\s+[a-z]")


def _in_noun_slot(text: str, start: int, end: int, noun_next: re.Pattern[str]) -> bool:
    """Whether ``text[start:end]`` stands between a determiner ("the", "an", "its") and the noun it describes (a
    word ``noun_next`` matches, not a preposition)."""
    after = text[end : end + 20]
    return (
        bool(_attributive().search(text[max(0, start - 20) : start]))
        and bool(noun_next.match(after))
        and not phrase(_PREPOSITION_NEXT).match(after)
    )


def ends_a_state(text: str, anchor: Anchor, tense: str | None, published: dt.date | None) -> bool:
    """Whether a past-tense clause's date only says until when its result lasts, or what was promised.

    "NATO ... extended Stoltenberg's term until 30 September 2023", "Lula promised to end deforestation by 2030":
    the extension and the promise happened at the narrative's time, not in 2023 or 2030, so the clause is dated
    like one without a date of its own.
    """
    return (
        tense == "past"
        and published is not None
        and anchor.first > published
        and (
            bool(phrase(_STATE_END).search(text, max(0, anchor.start - 8), anchor.start))
            or bool(phrase(_PROMISED).search(text, max(0, anchor.start - 120), anchor.start))
        )
    )


_PAST_PERFECT = r"\b(?:<past_perfect>)\b[^.;!?]*$"  # in the same sentence


def _past_perfect(text: str, anchor: Anchor) -> bool:
    """Whether a past perfect auxiliary stands shortly before the date ("had been held since March")."""
    return bool(phrase(_PAST_PERFECT).search(text, max(0, anchor.start - 80), anchor.start))


def to_publication(
    text: str, anchor: Anchor, tense: str | None, published: dt.date | None, reported: bool = False
) -> Anchor:
    """Stretches that run to or from publication, not the one date written.

    - "More than three million people have fled since 24 February", "Russia has held Crimea since 2014": in a
      perfect or present clause, or a past one not in the past perfect ("with 38,200 patients admitted since 1
      January", "launched 500 drones since Monday"), the event runs from that date up to publication ("had
      fled since" ends at some past day the text does not give, unless it is what someone ``reported``: "the UN
      said 338,000 had fled since Saturday" is their "have fled", told in the past);
    - "The curfew will stay in force until Friday": in a present or future clause a state runs from publication
      up to that date, unless denied until then ("the bridge will not reopen until Friday" reopens on Friday).
    """
    if published is None:
        return anchor
    if (
        (
            tense in ("perfect", "present", None)
            or (tense == "past" and not _past_perfect(text, anchor))
            or (reported and tense in ("past", "pluperfect"))
        )
        and anchor.first < published
        and anchor.last != published
        and phrase(_STRETCH_START).search(text, max(0, anchor.start - 80), anchor.start)
    ):
        return replace(anchor, last=published)  # "since the start of the year" said in March: January to March
    if (
        tense in ("present", "future")
        and anchor.first > published
        and phrase(_STATE_END).search(text, max(0, anchor.start - 8), anchor.start)
        and not status.not_until(text, anchor.start)
    ):
        return replace(anchor, first=published)
    return anchor



def bounds_only(text: str, clause_start: int, clause_end: int, anchor: Anchor, tense: str | None) -> bool:
    """Whether a past clause's date only says what its event came before.

    "Before the invasion on 24 February, Russia massed troops" and "troops massed before 24 February"
    say the massing happened at some time before that day, so the day does not date it. Close words
    keep it ("shortly before the attack on Thursday, Putin spoke"), and so does a plan: "will leave
    before Friday" is best shown at its deadline.
    """
    if tense != "past":
        return False
    opening = text[clause_start : anchor.start]
    lead = bool(phrase(_BOUND_OPENING).match(opening)) and bool(
        _MAIN_CLAUSE_FOLLOWS.match(text, anchor.end, clause_end)
    )
    direct = bool(phrase(_BOUND_DIRECT).search(text, max(clause_start, anchor.start - 30), anchor.start))
    return (lead or direct) and not phrase(_CLOSE_BEFORE).search(opening)


_OCCASION_AFTER = r"(?:['’]s)?(?:\s+[A-Za-z-]+){0,2}?\s+(?:<occasion_nouns>)\b"


_PERIOD_ADJECTIVE = r"-<reported_period_units>$"  # "second-quarter", "first-half", "full-year" before a noun


def _names_a_reported_period(text: str, timex: Timex) -> bool:
    """A hyphenated period before a noun ("second-quarter loss", "third-quarter results") names what the figures
    cover ("mid-January for exercises" is a date)."""
    if phrase(_OWNED_PERIOD).search(text, max(0, timex.start - 30), timex.start):
        return True  # "the contract for the first quarter of 2023"
    return (
        phrase(_PERIOD_ADJECTIVE).search(timex.text) is not None
        and _COMMON_NOUN_NEXT.match(text, timex.end) is not None
        and not phrase(_PREPOSITION_NEXT).match(text, timex.end)
    )


_OWNED_PERIOD = r"\b(?:<period_owner_nouns>)\s+for\s+$"


def _dates_its_occasion(text: str, timex: Timex, others: Sequence[Timex]) -> bool:
    """ "won the 2019 election", "In his 2018 inauguration speech, Putin promised", "Last year's floods caused":
    a date naming an occasion (not a document: "the 1994 memorandum") dates the clause when the sentence gives no
    other date. Carrying the previous sentence's day there would put a years-old event on the wrong day."""
    if not phrase(_OCCASION_AFTER).match(text, timex.end, timex.end + 60):
        return False
    return not any(
        other is not timex and other.type in ("DATE", "TIME") and calendar_span(other.value) is not None
        and not is_attributive(text, other)
        for other in others
    )


def lies_ahead(anchor: Anchor, published: dt.date) -> bool:
    """Whether an anchor's date is not yet past at publication (the publication day counts: "later today")."""
    return anchor.first >= published


def _single(
    text: str, timex: Timex, published: dt.date | None = None, others: Sequence[Timex] = ()
) -> Anchor | None:
    """The anchor for one DATE/TIME timex, or None when it cannot date an event.

    Vague references (PRESENT_REF "currently", PAST_REF "recently") have no calendar span: they
    say something about tense, not a date, and are left to the clause's fallback. Neither is a
    date that describes a noun: "the first session since July 2019", "the first city to fall since
    the invasion began on 24 February", "the Winter Olympics".
    A period holding the publication day is cut at it when the words say which side: "earlier
    this week" ends the day before publication, "later this week" starts on it. "The day" of "the day
    after the summit on 5 January" is an offset: the summit's date, moved, is the anchor.
    """
    if timex.type not in ("DATE", "TIME") or timex.rule == DAY_OF_EVENT:
        return None
    if is_attributive(text, timex) and not _dates_its_occasion(text, timex, others):
        return None
    if _names_a_reported_period(text, timex) and any(
        other is not timex and other.type in ("DATE", "TIME") and calendar_span(other.value) is not None
        for other in others
    ):
        return None  # "reported a second-quarter loss in June": the period the figures cover, not the report's date
    reduced = phrase(_REDUCED_RELATIVE).search(text, max(0, timex.start - 120), timex.start)
    if reduced and any(
        other.start < reduced.start() and other.type in ("DATE", "TIME") and calendar_span(other.value) is not None
        for other in others
    ):
        return None  # "on Wednesday annulled the sanctions imposed on them between February 2022 and March 2023"
    superlative = phrase(_SINCE_AFTER_SUPERLATIVE).search(text, max(0, timex.start - 100), timex.start)
    if superlative and not any(superlative.start() < other.start < timex.start for other in others):
        return None  # not after the date "since" already took: "the lowest since February on Wednesday"
    if phrase(_BASELINE).search(text, max(0, timex.start - 60), timex.start) or (
        timex.rule == "shift_ago" and phrase(_BASELINE_COUNT).search(text, max(0, timex.start - 8), timex.start)
    ):
        return None  # "up from 12 on Sunday", "tripled from a year earlier": what the event is compared with
    if phrase(_FREE_RELATIVE).search(text, max(0, timex.start - 60), timex.start):
        return None  # "cautioned Moscow against repeating what it did in 2014": the date of what is talked about
    span = calendar_span(timex.value)
    if span is None:
        return None
    first, last, precision = span
    if precision == "season" and timex.text[:1].isupper() and _NAME_FOLLOWS.match(text, timex.end):
        return None
    if timex.value.endswith("-WE"):  # a weekend is two days, not a week
        precision = "day"
    first, last = part_of_span(first, last, precision, timex.mod)  # "early 2023": January to April
    if published is not None and first <= published <= last:
        said = text[max(0, timex.start - 12) : timex.start] + " " + timex.text.split(" ")[0] + " "
        if phrase(_EARLIER).search(said) and first < published:
            last = published - dt.timedelta(days=1)
        elif phrase(_LATER).search(said):
            first = published
        elif phrase(_SO_FAR_BEFORE).search(text, max(0, timex.start - 12), timex.start) or phrase(
            _SO_FAR_AFTER
        ).match(text, timex.end):
            last = published  # "so far this year", "this month to date": up to now, not to the period's end
    basis = timex.basis if timex.basis != "unresolved" else "relative_publication"
    return Anchor(timex.start, timex.end, timex.text, timex, first, last, precision, timex.value, basis)


_YEAR_TOLD_AFTER = re.compile(r"\s(?:this|next|last)\s+year$", re.IGNORECASE)


def _share_year(first: Anchor, second: Anchor) -> Anchor:
    """In "between March and May 2021" the first end has no year of its own: it takes the second's.

    Only a first end resolved relative to publication borrows, and it lands in the latest year
    that keeps the range in order ("December to February 2021" starts in December 2020).
    """
    year_told = second.basis == "explicit" or _YEAR_TOLD_AFTER.search(second.text)  # "to 17 next year"
    if first.basis == "explicit" or not year_told or first.precision not in ("day", "month"):
        return first
    year = second.last.year
    try:
        moved = first.first.replace(year=year), first.last.replace(year=year)
        if moved[0] > second.last:
            moved = first.first.replace(year=year - 1), first.last.replace(year=year - 1)
    except ValueError:  # 29 February in a year without it
        return first
    value = moved[0].isoformat() if first.precision == "day" else moved[0].isoformat()[:7]
    return replace(first, first=moved[0], last=moved[1], value=value)


def _goes_on_to(first: Anchor, second: Anchor) -> bool:
    """Whether ``second`` can close a span ``first`` opens: later, and a bare weekday within the week after."""
    days = (second.first - first.first).days
    return days > 0 and (second.timex.rule != "weekday" or days < 7)


def _merge_ranges(text: str, anchors: list[Anchor]) -> list[Anchor]:
    """Join "from A to B", "between A and B" and "10-20 February" into one anchor covering both ends, and so
    "opened on Friday and runs until Sunday" (an event going on until a later day).

    Dates merely listed ("in March and June", "on Tuesday, Thursday and Saturday") are not a span: the first
    governs, the clause is not cut between them, and the others are kept in its ``listed``. Two dates offered as
    alternatives ("on December 1 or 2") are a span: the event fell somewhere in it.
    """
    out: list[Anchor] = []
    for anchor in anchors:
        prev = out[-1] if out else None
        if prev is None:
            out.append(anchor)
            continue
        between = text[(prev.listed[-1] if prev.listed else prev).end : anchor.start]
        after_between = bool(phrase(_BETWEEN_BEFORE).search(text, max(0, prev.start - 20), prev.start))
        alternative = bool(phrase(_ALTERNATIVE).fullmatch(between)) and not prev.listed and prev.first <= anchor.last
        if phrase(_LIST_JOIN).fullmatch(between) and not after_between and not alternative:
            out[-1] = replace(prev, listed=(*prev.listed, anchor))
            continue
        if prev.listed and phrase(_RANGE_JOIN).fullmatch(between):  # "in 1994-96 and 1999-2009"
            closed = _merge_ranges(text, [prev.listed[-1], anchor])
            if len(closed) == 1:
                out[-1] = replace(prev, listed=(*prev.listed[:-1], closed[0]))
                continue
        if phrase(_RANGE_JOIN).fullmatch(between) or alternative:  # "on December 1 or 2": either day
            prev = _share_year(prev, anchor)
        continues = bool(phrase(_CONTINUES_UNTIL).fullmatch(between)) and _goes_on_to(prev, anchor)
        if (phrase(_RANGE_JOIN).fullmatch(between) or continues or alternative) and prev.first <= anchor.last:
            out[-1] = replace(
                prev,
                end=anchor.end,
                text=text[prev.start : anchor.end],
                last=anchor.last,
                precision=coarser(prev.precision, anchor.precision),
                value=f"{prev.value}/{anchor.value}",
            )
            continue
        out.append(anchor)
    return out


_ALTERNATIVE = r"\s*,?\s*<alternative_words>\s+"
_WITHIN_BEFORE = r"\b<within_words>\s+$"
_NOT_LENGTH_BEFORE = (
    r"\b(?:<not_length_before>)\s+(?:(?:up\s+to|about|around|nearly|almost|more\s+than|at\s+least)\s+)?$"
)
# "sentenced Evan Gershkovich to 16 years", "banned the club for two years": a penalty's length, its object between
_PENALTY_BEFORE = (
    r"\b(?:<penalty_verbs>)\s+(?:[\w.'’-]+\s+){1,8}(?:<penalty_prepositions>)\s+(?:(?:up\s+to|about)\s+)?$"
)
_SPAN_ENDS_BEFORE = r"\b(?:<span_ends_before>)\s+(?:<span_determiners>\s+)?$"
_POSSESSIVE = re.compile(r"['’]s\b")
_COMPARISON_AFTER = r"\s+(?:<comparison_nouns>)\b"


def _apply_durations(text: str, anchors: list[Anchor], durations: list[Timex]) -> list[Anchor]:
    """A day date with a nearby duration in the same clause ("10 days of drills on 10 February") becomes a span."""
    out = list(anchors)
    for duration in durations:
        match = _DURATION.match(duration.value)
        ends_on_date = duration.rule == "year_ended"  # "in the week to 25 January": the seven days up to it
        backward = phrase(_BACKWARD_DURATION).search(text, max(0, duration.start - 24), duration.start)
        if backward and base_form_follows(text, backward.start()):
            backward = None  # "set to last 3 days", "will last a week": "last" is the verb
        if not match or ((backward or phrase(_BACKWARD_OPENING).match(duration.text)) and not ends_on_date):
            continue
        if not ends_on_date and phrase(_WITHIN_BEFORE).search(text, max(0, duration.start - 10), duration.start):
            continue  # "the biggest strike in 30 years", "done within three days": not how long the event lasts
        if (
            phrase(_NOT_LENGTH_BEFORE).search(text, max(0, duration.start - 40), duration.start)
            or phrase(_PENALTY_BEFORE).search(text, max(0, duration.start - 100), duration.start)
            or _lengthens_a_thing(text, duration)
            or _POSSESSIVE.match(text, duration.end)
            or phrase(_COMPARISON_AFTER).match(text, duration.end)
        ):
            continue  # "after a week of rain", "prison terms of up to 10 years", "a year's worth", "five-year average"
        ending = ends_on_date or bool(
            phrase(_SPAN_ENDS_BEFORE).search(text, max(0, duration.start - 24), duration.start)
        )
        best = None
        for k, anchor in enumerate(out):
            if anchor.precision != "day" or anchor.first != anchor.last:
                continue
            lo, hi = (duration.end, anchor.start) if duration.end <= anchor.start else (anchor.end, duration.start)
            gap = text[lo:hi]
            if hi < lo or len(gap.split()) > 8 or phrase(_CLAUSE_BREAK).search(gap):
                continue
            if best is None or len(gap) < best[1]:
                best = (k, len(gap))
        if best is None:
            continue
        anchor = out[best[0]]
        count, unit = int(match.group(1)), _DURATION_UNITS[match.group(2)]
        if count < 1:
            continue  # "0 years" is no length
        length, day = relativedelta(**{unit: count}), dt.timedelta(days=1)
        try:
            if ending:  # "ended two days of talks on Thursday": Wednesday and Thursday
                first = anchor.first - length + day
                out[best[0]] = replace(anchor, first=first, value=f"{duration.value}/{anchor.value}")
            else:
                last = anchor.first + length - day
                out[best[0]] = replace(anchor, last=last, value=f"{anchor.value}/{duration.value}")
        except (ValueError, OverflowError):
            continue  # "30,000 decades": a length off the calendar leaves the date as it is
    return out


def _shifted(text: str, anchor: Anchor, duration: Timex, count: int, unit: str) -> Anchor | None:
    """``anchor`` moved by ``count`` units (negative: back), its words taking in the duration's; None when the
    unit is finer than the date ("two days after March")."""
    if anchor.precision not in _RANK or _RANK[unit] < _RANK[anchor.precision]:
        return None
    step = relativedelta(**{_DURATION_UNITS[unit]: count})
    try:
        first = anchor.first + step
        last = first if anchor.precision == "day" else anchor.last + step
    except (ValueError, OverflowError):
        return None  # off the calendar
    value = format_date(first, anchor.precision)
    return replace(anchor, start=duration.start, text=text[duration.start : anchor.end], first=first, last=last,
                   value=value)


def _apply_offsets(text: str, anchors: list[Anchor], durations: list[Timex]) -> tuple[list[Anchor], list[Timex]]:
    """ "Two days after the summit on 5 January" is 7 January: a counted duration, "after"/"before", then words
    naming what it counts from and that thing's date. Returns the anchors and the durations that are lengths:
    one followed by "after"/"before" is an offset, never a length, even when no date follows it."""
    out, lengths = list(anchors), []
    for duration in durations:
        link = phrase(_OFFSET_LINK).match(text, duration.end)
        if link is None:
            if duration.type == "DURATION":
                lengths.append(duration)
            continue
        # "the day after the summit on 5 January": the tagger's "the day", one day from the event
        match = _DURATION.match("P1D" if duration.rule == DAY_OF_EVENT else duration.value)
        nxt = next((k for k, a in enumerate(out) if a.start >= duration.end), None)
        if not match or nxt is None or link.end() < out[nxt].start:
            continue  # no date in the same phrase
        if len(text[duration.end : out[nxt].start].split()) > 12:
            continue
        count = int(match.group(1)) * (1 if link.group(1) else -1)
        moved = _shifted(text, out[nxt], duration, count, match.group(2))
        if moved is not None:
            out[nxt] = moved
    return out, lengths


def opens_before_undated_event(clause_text: str) -> bool:
    """ "Before the war, the EU bought a quarter of its oil from Russia": the clause happened at some time before an
    event the clause does not date, so neither the story's date nor publication is its date."""
    return bool(phrase(_BOUND_PHRASE).match(clause_text))


def opens_vaguely_later(clause_text: str) -> bool:
    """ "Days later, Russian troops crossed the border": some time after the date just told, which the clause does not
    give; carrying that date on (or taking publication's) would put the event on a day it did not happen."""
    return bool(phrase(_VAGUELY_LATER).match(clause_text))


def offset_from_undated_event(text: str, start: int, end: int, timexes: Sequence[Timex]) -> Timex | None:
    """ "The day after the invasion, Poland opened its border", "Two weeks before the vote, ...": the expression that
    dates the clause from an event whose date the text does not give (None if there is none). Carrying the story's
    date to such a clause would be a guess."""
    for timex in timexes:
        if not start <= timex.start < end:
            continue
        if timex.value.startswith("XXXX") and (
            timex.rule == DAY_OF_EVENT
            or (
                timex.basis == "unresolved" and timex.granularity not in ("time", "unknown")
                and timex.rule not in _STORY_DAY_RULES
            )
        ):
            # "the day after the invasion"; "the following day" after no day the tagger could count from (not "11
            # minutes later" after no clock: the story's day goes on)
            return timex
        if timex.type == "DURATION" and _DURATION.match(timex.value):
            link = phrase(_OFFSET_LINK).match(text, timex.end, end)
            if link is not None and _FRONTED.fullmatch(text, start, timex.start):
                return timex
    return None


_FRONTED = re.compile(r"\W*")  # nothing but punctuation between the clause's start and the expression
# "that day", "later that day", "that evening": the day the story is telling of, which the narrative carries on
_STORY_DAY_RULES = frozenset({"shift_that", "part_of_that_day"})
_OFFSET_PHRASE = r"\s+(?:(<offset_after>)|<offset_before>)\s+([^,;:()]+)"  # group 1: forward; group 2: the event


@dataclass(frozen=True)
class EventOffset:
    """ "Two days after the Pahalgam attack": how far (``count`` signed, in ``unit`` D/W/M/Y) from the event that
    ``phrase`` names; ``end`` is where the phrase ends in the article text."""

    count: int
    unit: str
    phrase: str
    end: int


def event_offset(text: str, offset: Timex, end: int) -> EventOffset | None:
    """The distance and the event phrase of an offset from an undated event (see :func:`offset_from_undated_event`)."""
    match = _DURATION.match("P1D" if offset.rule == DAY_OF_EVENT else offset.value)
    link = phrase(_OFFSET_PHRASE).match(text, offset.end, end)
    if match is None or link is None:
        return None
    named = link.group(2).rstrip(" .!?")
    count = int(match.group(1)) * (1 if link.group(1) else -1)
    return EventOffset(count, match.group(2), named, link.start(2) + len(named))


_SINCE_EVENT = (
    r"\b(?:<stretch_starts>)\s+((?:(?:<event_determiners>)\s+|(?-i:[A-Z])[\w'’-]*['’]s\s+)(?:[\w'’-]+\s+){0,3}?"
    r"[\w'’-]+)(?=\s*(?:[,.;:!?)]|$)|\s+(?:<event_phrase_verbs>)\b(?!\s+(?:to\s|[a-z]+ing\b)))"
)  # not "since the group began firing rockets": a doer that began doing something, no event
# "Since its launch the store has sold ...": opening the clause, one noun, then the clause's subject with no comma
_SINCE_FRONTED = r"\W*(?:<stretch_starts>)\s+((?:<event_determiners>)\s+[\w'’-]+)(?=\s+(?:<event_determiners>)\s)"


_SOON_AFTER_EVENT = (
    r"\b(?:<soon_after>)\s+((?:(?:<event_determiners>)\s+|(?-i:[A-Z])[\w'’-]*['’]s\s+)(?:[\w'’-]+\s+){0,3}?"
    r"[\w'’-]+)(?=\s*(?:[,.;:!?)]|$))"
)


def soon_after_event(text: str, start: int, end: int) -> tuple[int, int, tuple[int, int]] | None:
    """ "spoke shortly after the ruling", "within hours of the decision": where the whole phrase starts and ends in
    ``text[start:end]``, and where the event's name is; None without one."""
    match = phrase(_SOON_AFTER_EVENT).search(text, start, end)
    return None if match is None else (match.start(), match.end(), match.span(1))


def since_event(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the event named after "since" is, in ``text[start:end]`` ("have fled since the invasion", "Since
    Russia's invasion began, ..."): the start and end of its phrase, or None. "since he was tired" names none, nor
    does a superlative's "since" ("the first talks since the invasion")."""
    match = phrase(_SINCE_EVENT).search(text, start, end) or phrase(_SINCE_FRONTED).match(text, start, end)
    if match is None or phrase(_SINCE_AFTER_SUPERLATIVE).search(text, max(0, match.start(1) - 100), match.start(1)):
        return None  # "their first talks since the invasion" says what the talks were, not when
    return match.span(1)


def shifted_by(day: dt.date, offset: EventOffset) -> tuple[dt.date, dt.date, str] | None:
    """The span ``offset`` puts after (or before) ``day``: a day for days and weeks; for months and years the whole
    month or year it falls in ("two months after the invasion" is no particular day). None off the calendar."""
    try:
        moved = day + relativedelta(**{_DURATION_UNITS[offset.unit]: offset.count})
    except (ValueError, OverflowError):
        return None
    if offset.unit == "M":
        return moved.replace(day=1), moved + relativedelta(day=31), "month"
    if offset.unit == "Y":
        return moved.replace(month=1, day=1), moved.replace(month=12, day=31), "year"
    return moved, moved, "day"


def find_anchors(text: str, timexes: Sequence[Timex], published: dt.date | None = None) -> list[Anchor]:
    """The anchors among one sentence's timexes (article offsets), in text order."""
    ordered = sorted(timexes, key=lambda t: t.start)
    singles = _with_times_of_day(
        text, [a for t in ordered if (a := _single(text, t, published, ordered)) is not None]
    )
    singles = _without_day_adjectives(text, _without_frame_then(text, _restated(text, singles)))
    windows = {id(t): a for t in ordered if (a := _window(text, t, published) or _ahead(text, t, published))}
    singles = sorted([*singles, *windows.values()], key=lambda a: a.start)
    durations = [t for t in ordered if (t.type == "DURATION" or t.rule == DAY_OF_EVENT) and id(t) not in windows]
    anchors, lengths = _apply_offsets(text, _merge_ranges(text, singles), durations)
    return _apply_durations(text, anchors, lengths)


def _without_day_adjectives(text: str, anchors: list[Anchor]) -> list[Anchor]:
    """ "Biden in April set an August 31 deadline": a day between an article and its noun names the thing (the
    deadline); when another date in the sentence is left to date the event, that one does."""
    named = [a for a in anchors if a.precision == "day" and _in_noun_slot(text, a.start, a.end, _COMMON_NOUN_NEXT)]
    if not named or len(named) == len(anchors):
        return anchors
    return [a for a in anchors if a not in named]


_WINDOW_OPENING = r"^<definite_articles>\s+(?:<window_openings>)\s"
_FOR_BEFORE = r"\b<lasting_prepositions>\s+$"
_PRESENT_PERFECT = r"\b<present_perfect_auxiliaries>\s+(?:[a-z]+ly\s+|not\s+)?(?:been|[a-z]+ed)\b"
_HOURS = re.compile(r"^PT(\d+)H$")
_OF_AFTER = r"\s+<of_words>\b"
_WINDOW_FRAME = (
    r"(?:\b(?:<window_not_after>|(?!<not_superlatives>\b)\w+est)\b[^,;.]{0,40}?\s<frame_prepositions>|\b<of_words>)\s+$"
)


def _window(text: str, timex: Timex, published: dt.date | None) -> Anchor | None:
    """ "In the past 24 hours, 100,000 people crossed into Poland", "have fled in the last two weeks", "has been under
    siege for three weeks": the counted stretch up to publication (whole days: 24 hours back is yesterday). Not "the
    last three years of his life", nor "was under siege for three weeks" (a past stretch the text does not place)."""
    hours, counted = _HOURS.match(timex.value), _DURATION.match(timex.value)
    if published is None or timex.type != "DURATION" or not (hours or counted):
        return None
    lasting = phrase(_FOR_BEFORE).search(text, max(0, timex.start - 6), timex.start) and _in_present_perfect(
        text, timex
    )  # "For nine months, the city has been under attack": up to now
    if not (lasting or phrase(_WINDOW_OPENING).match(timex.text)) or phrase(_OF_AFTER, 0).match(text, timex.end):
        return None  # not "the past", or "the last three years of his life"
    if phrase(_WINDOW_FRAME).search(text, max(0, timex.start - 60), timex.start):
        return None  # "the third time in the past decade", "two of the last three years"
    try:
        if hours:
            first = published - dt.timedelta(days=math.ceil(int(hours.group(1)) / 24))
        else:
            first = published - relativedelta(**{_DURATION_UNITS[counted.group(2)]: int(counted.group(1))})
    except (ValueError, OverflowError):
        return None
    return Anchor(timex.start, timex.end, timex.text, timex, first, published, "day", timex.value,
                  "relative_publication")  # fmt: skip


def _in_present_perfect(text: str, timex: Timex) -> bool:
    """Whether the sentence of ``timex`` has a present perfect of its own ("has been", "have fled"), not a modal's
    ("could not have resolved")."""
    sentence = _sentence_around(text, timex)
    return any(
        not phrase(_MODAL_BEFORE).search(sentence, max(0, m.start() - 12), m.start())
        for m in phrase(_PRESENT_PERFECT).finditer(sentence)
    )


_MODAL_BEFORE = r"\b<perfect_modals>\s+(?:not\s+)?$"
_SENTENCE_STOP = re.compile(r"[.!?\n]")
SENTENCE_REACH = 200  # characters either side of an expression searched for its clause's verb


def _sentence_around(text: str, timex: Timex) -> str:
    """The words around ``timex`` up to the nearest sentence stops (within SENTENCE_REACH characters)."""
    before = text[max(0, timex.start - SENTENCE_REACH) : timex.start]
    after = text[timex.end : timex.end + SENTENCE_REACH]
    stops = list(_SENTENCE_STOP.finditer(before))
    opening = before[stops[-1].end() :] if stops else before
    closing = _SENTENCE_STOP.search(after)
    return opening + timex.text + (after[: closing.start()] if closing else after)


_AHEAD_IN = r"\b<ahead_words>\s+$"
_AHEAD_GRANULARITY = {"D": "day", "W": "week", "M": "month", "Y": "year"}


def _ahead(text: str, timex: Timex, published: dt.date | None) -> Anchor | None:
    """ "The next draw will take place in two weeks", "will review the measures in six months": in a future clause,
    the counted stretch from publication ends on the event's day, week, month or year (as precise as the unit)."""
    counted = _DURATION.match(timex.value)
    if published is None or timex.type != "DURATION" or timex.tense != "future" or not counted:
        return None
    if timex.mod or not phrase(_AHEAD_IN).search(text, max(0, timex.start - 10), timex.start):
        return None  # not "in more than 30 years": no point in time
    if phrase(_WINDOW_FRAME).search(text, max(0, timex.start - 60), timex.start):
        return None  # "the biggest strike in 30 years": the stretch a superlative counts over
    unit = counted.group(2)
    try:
        day = published + relativedelta(**{_DURATION_UNITS[unit]: int(counted.group(1))})
    except (ValueError, OverflowError):
        return None
    value = format_date(day, _AHEAD_GRANULARITY[unit])
    span = calendar_span(value)
    if span is None:
        return None
    return Anchor(timex.start, timex.end, timex.text, timex, span[0], span[1], span[2], value, "relative_publication")


_RESTATING = r"\s*,\s*((?:<restating_hedges>)\s+)?(?:<restating_prepositions>\s+)?"  # "a week ago, on 16 February"


_HYPHENATED_LENGTH = re.compile(r"[\w.]+-(?:[\w]+-)?[a-z]+$")  # "five-year", "15-year", "60-day"
_NOUN_AFTER = re.compile(r"(?:\s+[a-z][\w-]*){1,2}")


def _lengthens_a_thing(text: str, duration: Timex) -> bool:
    """ "the five-year transit contract expired", "a 15-year prison sentence": a length as an adjective belongs to
    its noun, not to the event; an event's own noun keeps it ("a three-day exercise", "a 60-day state of
    emergency")."""
    if not _HYPHENATED_LENGTH.match(duration.text.split()[-1]):
        return False
    nouns = _NOUN_AFTER.match(text, duration.end)
    return nouns is not None and not any(word in word_lists()["length_event_nouns"] for word in nouns.group().split())


def _in_year(anchor: Anchor, year: int) -> Anchor | None:
    """``anchor`` moved into ``year`` (None when its day does not exist there: 29 February)."""
    try:
        return replace(anchor, first=anchor.first.replace(year=year), last=anchor.last.replace(year=year))
    except ValueError:
        return None


def _restated(text: str, anchors: list[Anchor]) -> list[Anchor]:
    """ "Navalny died a week ago, on 16 February", "in February, on the 24th": a date restated more precisely right
    after it is one date, the finer one (two would cut the clause between them); hedged ("later this week, possibly
    Wednesday"), the coarser one."""
    out: list[Anchor] = []
    for anchor in anchors:
        prev = out[-1] if out else None
        link = phrase(_RESTATING).fullmatch(text, prev.end, anchor.start) if prev is not None else None
        if (
            prev is not None
            and not text[prev.end : anchor.start].strip()
            and anchor.precision == "year"
            and prev.precision in ("day", "month")
            and prev.first.year == prev.last.year
        ):  # "from March 3 to 7 this year": the year the days are in, not a date of its own
            moved = _in_year(prev, anchor.first.year)
            if moved is not None:
                out[-1] = replace(moved, end=anchor.end, text=text[prev.start : anchor.end])
                continue
        if (
            prev is not None
            and link is not None
            and prev.first <= anchor.first <= anchor.last <= prev.last
        ):  # also the same day again: "on 23 February 2022, the day before the invasion"
            kept = prev if link.group(1) or (prev.first, prev.last) == (anchor.first, anchor.last) else anchor
            out[-1] = replace(kept, start=prev.start, end=anchor.end, text=text[prev.start : anchor.end])
            continue
        out.append(anchor)
    return out


def _without_frame_then(text: str, anchors: list[Anchor]) -> list[Anchor]:
    """ "By then 1,000 more had left since Friday": the clause's own date, not the frame "then", dates it."""
    return [
        anchor
        for k, anchor in enumerate(anchors)
        if anchor.timex.rule != THEN_RULE
        or k + 1 == len(anchors)
        or phrase(_CLAUSE_BREAK).search(text[anchor.end : anchors[k + 1].start]) is not None
    ]


_AT_TIME = r"\s*(?:,\s*)?(?:(?:<time_of_day_joins>)\s+)?"  # "on Feb. 24 at 5 a.m."
_ON_DAY = r"\s*(?:,\s*)?(?:(?:<day_of_time_joins>)\s+)?"  # "at 00:01 on Saturday 5 March"


def _with_times_of_day(text: str, anchors: list[Anchor]) -> list[Anchor]:
    """ "On Feb. 24 at 5 a.m.", "Feb 24, 5 a.m. Moscow time", "at 00:01 on 5 March": a day and the time on it
    next to it are one date, not two (which would cut the clause between them)."""
    out: list[Anchor] = []
    for anchor in anchors:
        prev = out[-1] if out else None
        if (
            prev is not None
            and anchor.precision == prev.precision == "day"
            and (prev.first, prev.last) == (anchor.first, anchor.last)
            and (
                (anchor.timex.type == "TIME" and phrase(_AT_TIME).fullmatch(text, prev.end, anchor.start))
                or (prev.timex.type == "TIME" and phrase(_ON_DAY).fullmatch(text, prev.end, anchor.start))
            )
        ):
            day = anchor if prev.timex.type == "TIME" else prev  # the day's own expression keeps the provenance
            out[-1] = replace(day, start=prev.start, end=anchor.end, text=text[prev.start : anchor.end])
            continue
        out.append(anchor)
    return out


def _opens_with(words: Sequence[str], clause_text: str) -> bool:
    return any(re.match(r"^\W*" + re.escape(w).replace(r"\ ", r"\s+") + r"\b", clause_text, re.I) for w in words)


def breaks_narrative(clause_text: str) -> bool:
    """Whether the clause opens by turning to another time or topic ("Meanwhile", "Earlier", ...)."""
    return _opens_with(word_lists()["breaks"], clause_text)


def links_back(clause_text: str) -> bool:
    """Whether the clause opens by tying itself to the previous sentence ("Then", "Later", ...)."""
    return _opens_with(word_lists()["links"], clause_text)


@dataclass(frozen=True)
class Narrative:
    """What a dateless clause may continue: the article's news time (with the names in the sentences
    that state it) and the latest dates seen.

    The *news time* is the day the article's reported events happened ("on Monday",
    "yesterday"): of the single days at most :data:`NEWS_WINDOW_DAYS` before publication that the
    article names, the one named most often (the latest on ties). It is an article-wide property,
    so a story that opens undated ("Jobs unveiled the new products ...") and names its day later
    ("In his keynote address Wednesday ...") has it from the start, and narration returns to it
    after background dates ("In April, a blog obtained a prototype. While introducing the phone,
    Jobs ..." is about the keynote, not April).
    """

    news: DatedClause | None = None
    news_names: frozenset[str] = frozenset()  # the names in the sentences that state the news time
    past: DatedClause | None = None  # the latest own date on or before publication ...
    past_sentence: int = -1  # ... and the sentence it is in
    past_names: frozenset[str] = frozenset()  # ... and the names in that sentence
    future: DatedClause | None = None  # the latest own date after publication ...
    future_sentence: int = -1
    held: DatedClause | None = None  # the past date before a paragraph break, for a clause that links back
    held_sentence: int = -1


#: How far before publication a date may lie and still be the article's news time.
NEWS_WINDOW_DAYS = 14


def _is_recent_day(dated: DatedClause | Anchor, published: dt.date | None) -> bool:
    """A single recent day (not a span, not a month) can be the day the reported events happened."""
    return (
        dated.precision == "day"
        and dated.first is not None
        and dated.first == dated.last
        and published is not None
        and 0 <= (published - dated.first).days <= NEWS_WINDOW_DAYS
    )


def names(text: str) -> frozenset[str]:
    """The capitalised names in a text ("Jobs", "Zelenskyy"), without sentence openers and titles."""
    return frozenset(m.group() for m in _NAME.finditer(text)) - _not_names()


@cache
def _not_names() -> frozenset[str]:
    return frozenset(word_lists()["not_names"])


def _says(clause_text: str) -> bool:
    """Whether the clause reports speech: its first status cue ("He said ...", "Officials told ...") or a saying put
    after the content ("Talks could take place in Minsk, the Kremlin said")."""
    cues = status.find_cues(clause_text)
    if not cues:
        return False
    last = cues[-1]
    comma = clause_text.rfind(",", 0, last.start)
    postposed = comma >= 0 and bool(_ATTRIBUTION.fullmatch(clause_text, comma + 1, last.start))
    return cues[0].status == "reported" or (last.status == "reported" and postposed)


_ATTRIBUTION = re.compile(r"\s*(?:[\w'’.-]+\s+){1,6}")  # ", the Kremlin said": a few words naming who said it


def shares_name(clause_text: str, news_names: frozenset[str]) -> bool:
    """Whether a clause names someone or something that the news-time sentences name."""
    return bool(names(clause_text) & news_names)


def start_narrative(
    anchors: Sequence[Anchor], published: dt.date | None, sentences: Sequence[str] = ()
) -> Narrative:
    """The narrative before the first sentence, with the article's news time and who it is about.

    ``sentences`` are the texts of the sentences the anchors come from (parallel to ``anchors``):
    the names in those that state the news time let a later dateless past clause about the same
    people return to it ("Jobs also said ...").
    """
    texts = sentences or [""] * len(anchors)
    days = [(a, s) for a, s in zip(anchors, texts, strict=True) if _is_recent_day(a, published)]
    if not days:
        return Narrative()
    mentions = Counter(a.first for a, _s in days)
    news = max((a for a, _s in days), key=lambda a: (mentions[a.first], a.first))
    about = frozenset().union(*(names(s) for a, s in days if a.first == news.first))
    return Narrative(DatedClause(news.first, news.last, news.precision, news.basis), about)


def observe(
    narrative: Narrative,
    dated: DatedClause,
    sentence: int,
    published: dt.date | None,
    tense: str | None = None,
    sentence_text: str = "",
) -> Narrative:
    """The narrative after a dated clause (by its own expression, or continued).

    A past date carries the narrative on only from a clause told in the past: "The Mac market
    share is up 82% from 9 months ago" is about now, and the next "Jobs then moved on ..." does not
    happen nine months ago.
    """
    if dated.first is None:
        return narrative
    if published is not None and dated.first > published:
        return replace(narrative, future=dated, future_sentence=sentence)
    if tense in ("present", "perfect", "future"):
        return replace(narrative, past=None, past_sentence=-1, past_names=frozenset())
    return replace(narrative, past=dated, past_sentence=sentence, past_names=names(sentence_text))


def paragraph_break(narrative: Narrative) -> Narrative:
    """A new paragraph ends local continuation, except for a clause that links back ("Later, ...").

    The news time holds for the whole article.
    """
    return Narrative(narrative.news, narrative.news_names, held=narrative.past, held_sentence=narrative.past_sentence)


def continued(
    narrative: Narrative, clause_text: str, tense: str | None, sentence: int, published: dt.date | None
) -> DatedClause | None:
    """The date a dateless clause continues, or None when the narrative does not clearly continue.

    Conservative by design (a wrong date is worse than the publication date, honestly marked):

    - past tense continues the previous sentence's date when that sentence, in the same
      paragraph, was itself dated (its own date or continued) and told in the past; if that date is
      old background (not a recent day), a clause that reports speech ("He said ...") is not
      continued back to it (it may take the news time, below); and a clause that names none of its
      people but names people of the article's news time returns to the news time instead ("In April a blog got a
      prototype. ... Jobs also said ..."). A past clause that follows an undated one continues only
      the news time, and only when it names someone the news-time sentences name; a topic change
      ("An advisor to Zelensky said ...") gets no date.
    - the perfect ("has ordered") is tied to the present: it continues nothing.
    - the future continues the previous sentence's future date.
    - present and pluperfect never continue, nor does a clause that opens with a turn ("Meanwhile"), unless a
      pluperfect links back ("Within minutes, gunmen had breached the fence").
    - across a paragraph break only a clause that links back ("Later, ...") continues.
    """
    if breaks_narrative(clause_text):
        return None
    past = narrative.past if narrative.past_sentence >= sentence - 1 else None
    about_news = narrative.news is not None and shares_name(clause_text, narrative.news_names)
    if tense == "past" and past is None and narrative.held_sentence >= sentence - 1 and links_back(clause_text):
        return narrative.held
    if tense == "pluperfect" and past is not None and links_back(clause_text):
        return past  # "Within minutes, gunmen had breached the fence": the story's day, told in the pluperfect
    if tense == "past" and past is not None:
        if _is_recent_day(past, published):
            return past
        if _says(clause_text):  # "He said ..." is said now, not in the background's year
            return narrative.news if about_news else None
        if shares_name(clause_text, narrative.past_names) or not about_news:
            return past
        return narrative.news
    if tense == "past" and about_news:
        return narrative.news
    if tense == "future" and narrative.future_sentence >= sentence - 1:
        return narrative.future
    return None
