"""``tag()``: find every temporal expression in a text and give it a TIMEX3 value.

Pass 1 (``matching``) runs each compiled rule over the raw text, keeps the matches its guard accepts, normalizes
them to ``Draft``s and keeps the longest non-overlapping ones; ``neighbours`` lets adjacent ones inform each
other. Pass 2 resolves each draft in text order against the publication date, the last date mentioned, and the
clause's tense.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import itertools
import re
from dataclasses import replace

from timeline.temporal.calendar import (
    DAY_GRANULARITIES,
    GRANULARITY_ORDER,
    SEASON_MONTHS,
    calendar_span,
    clock_of,
    value_granularity,
)
from timeline.temporal.guards import next_word, possessive_after, word_after, word_before
from timeline.temporal.lexicon import context_words, lookup, phrase
from timeline.temporal.lists import heads_a_list_item, labels_a_section, weekday_sections, year_frames
from timeline.temporal.matching import Candidate, candidates, select
from timeline.temporal.model import AS_LAST_TOLD, IN_THE_DAY, ON_OR_AFTER, ON_OR_BEFORE, Draft, Timex
from timeline.temporal.neighbours import after_resolution, before_resolution, names_its_day
from timeline.temporal.normalize import DAYLESS, NIGHT_ENDS, PAST_ONLY
from timeline.temporal.resolve import Mention, resolve
from timeline.temporal.tense import (
    PARAGRAPH_BREAK,
    Cue,
    done_by_limit,
    forward_only,
    graded_cues,
    perfect_after,
    pluperfect_in,
    sentence_spans,
    sentence_tense,
    tense_among,
)


class InvalidPublicationDate(ValueError):
    """The publication date given to ``tag()`` is not a date; pass an ISO date such as "2022-02-10" or None."""


TENSE_WINDOW = 200  # characters either side of an expression searched for tense cues


def parse_dct(dct: str | dt.date | None) -> dt.date | None:
    """The publication date as a ``date`` (a datetime is cut to its day)."""
    if dct is None or dct == "":
        return None
    if isinstance(dct, dt.datetime):
        return dct.date()
    if isinstance(dct, dt.date):
        return dct
    try:
        return dt.date.fromisoformat(str(dct).strip()[:10])
    except ValueError as exc:
        raise InvalidPublicationDate(
            f"publication date {dct!r} is not an ISO date; pass it as YYYY-MM-DD (or None to leave relative dates "
            "unresolved)"
        ) from exc


def _reads_as_past(text: str, candidate: Candidate) -> bool:
    """ "Tuesday's declaration", "since Tuesday": a bare weekday that can only be behind us ("Thursday's deadline",
    "Sunday's vote" can be ahead: their clause's tense decides)."""
    if possessive_after(text, candidate.end):
        return not _owns_a_scheduled_event(text, candidate)
    return word_before(text, candidate.start) in context_words()["past_weekday_before"]


def _owns_a_scheduled_event(text: str, candidate: Candidate) -> bool:
    """ "Sunday's vote", "Friday's jobs report": the noun may come after adjectives ("Sunday's presidential
    election")."""
    if not possessive_after(text, candidate.end):
        return False
    noun_phrase = phrase(_NOUN_PHRASE_AFTER).match(text, candidate.end + 2)
    nouns = noun_phrase.group().lower().split() if noun_phrase else []
    return any(noun in context_words()["scheduled_after_possessive"] for noun in nouns)


_NOUN_PHRASE_AFTER = r"(?:\s+[\w-]+){1,3}"

_PLACED_BY = r"[a-z],?\s+$"  # a word right before: "invaded Ukraine on Feb. 24", AP's "held April 3"
_FRONTED = r"[\s\"'“‘(]*(?:%fronting_conjunctions\s+)?%past_placings\s+$"  # a quotation or "But" may open it
# "to" unplaces as an infinitive marker or right before the date, not before a noun or a name ("to Kherson")
_NOT_PLACED = (
    r"\b(?:%past_unplacing|%event_nouns)\b|[;:()]"
    r"|\bto\s+(?:$|(?!%noun_openers\b|%object_pronouns\b|[a-z]+(?<![su])s\b)(?-i:[a-z]))"  # not "to investigators"
    r"|\b%subordinating_conjunctions\s+$"
    r"|\b%length_prepositions\s+(?!(?:\S+\s+){0,2}%units\b)"  # "hired for the festival", not "for three days"
)
_LIMIT_BEFORE = r"\b(%past_unplacing_prepositions)\s+$"
_DEADLINE_GIVEN = r"\b%deadline_givers\b"
_RESULTS_AFTER = r"[\s-]+(?:[a-z]+\s+)?%quarter_code_followers\b"
_THE_NEXT = r"the\s+%told_next\b"
_RESULTS_BEFORE = r"\b%quarter_code_followers\s+(?:for|in|of)\s+$"  # "will report results for the December quarter"
_RELEASED = r"\b%release_words\b"
_REPORTED = r"\b(?:%reporting_verbs|%release_words)\b"
_RESULTS_FOR = r"\b%quarter_code_followers\s+for\s+$"
_TO_REPORT = r"\bto\s+%reporting_verbs\b[^.;:!?]*$"  # "expects to report net income of 15 cents a share for the"
_RESCHEDULED_TO = r"\b%rescheduling_verbs\s+%rescheduling_prepositions\s+(?:(?:the|on)\s+)?$"
_CLAUSE_MARK = re.compile(r"[,;:()]")
_COMPARED_WITH = r"\b%comparison_words\b"
_THAN_BEFORE = r"\b%comparison_than\s+$"  # "in July were 4.8 percent higher than a year earlier"
_COMPARED_RIGHT_BEFORE = r"\b(?:%comparison_than|%comparison_words(?:\s+%comparison_objects)?)\s+$"
_BASELINE_BEFORE = (  # "compared with 4.2% in September", "higher than in June", "below its peak in August"
    r"(?:\b%comparison_markers\.?(?:\s+[^\s,;:]+){0,3}?|\b(?!%comparison_not_before_than\s)[a-z]+\s+than"
    r"|\b%baseline_determiners\s+%baseline_nouns)\s+(?:%date_prepositions\s+)?$"
)
_AHEAD_BY = r"\b%ahead_placings\s+$"
_SAYING_BETWEEN = r"\b%saying_verbs\b"
_NIGHT_BEFORE = r"\bafter\b[^,;.]*$"
_NOT_AHEAD = r"\b%ahead_unplacing\b"
_BACKDATED_TO = r"\b%backdating_words\s+(?:to|from|as\s+of)\s+(?:the\s+)?$"
_CALLED_OFF = r"\b(?:%called_off_verbs|%rescheduling_verbs)\b"
_YEAR_VALUE = re.compile(r"\d{4}(?:-(?:W\d\d|\d\d|SP|SU|FA|WI|Q[1-4]|H[12]))?")  # a year, or a part of one
_FRAME_BREAK = r"\b%frame_breaks\b"  # "since its launch in 2003 and that as of February": another clause
# after a fronted year ("In 2010, floods that began in late July killed ..."), a relative clause stays in its frame
_FRONTED_FRAME_BREAK = r"\b%fronted_frame_breaks\b"
_FRONTED_YEAR = re.compile(r"\W*(?:[A-Za-z]+\s+)?")  # "In 1992, ...", "Four years ago, ...": the clause's frame
# a date right after a year that narrows it: "In 2014, on Feb. 27", "A year ago, on the night of Feb. 23-24"
_NARROWS_A_YEAR = r",\s*(?:%past_placings\s+)?(?:the\s+%parts_of_day_words\s+of\s+)?"
PLACING_REACH = 60  # characters between a past verb and the date it places
SUNDAY = 7  # ISO weekday: the last day of an ISO week
EVENING = dt.time(18)  # a clock in the small hours told after one this late the same night falls on the next day
NOON = dt.time(12)  # an "overnight" told after a clock time before it is the night that ended that morning
_NIGHT_OF = re.compile(r"\d{4}-\d\d-\d\dTNI$")
_CLOCK_HOUR = re.compile(r"T(\d\d):")


def _placing_cue(
    text: str, candidate: Candidate, cues: list[Cue], sentence_start: int
) -> tuple[Cue, tuple[int, int]] | None:
    """The verb that places the date in its own clause ("invaded Ukraine on Feb. 24", "will be held on Nov. 5", "On
    Feb. 24, Russia invaded") within reach, and the span of text between them."""
    start, end = candidate.start - sentence_start, candidate.end - sentence_start
    before = [cue for cue in cues if cue[1] <= start]
    if (
        len(before) > 1 and forward_only(text[sentence_start + before[-1][0] : sentence_start + before[-1][1]])
        and not text[sentence_start + before[-1][1] : candidate.start].strip()
    ):  # fmt: skip
        before.pop()  # "had stayed until March": the verb before the link word places the date
    after = [cue for cue in cues if cue[0] >= end]
    if before and phrase(_PLACED_BY).search(text, max(0, candidate.start - 10), candidate.start):
        verb, between = before[-1], (sentence_start + before[-1][0], candidate.start)
    elif (
        (verbs := [cue for cue in after if not _says(text, sentence_start, cue)])
        and phrase(_FRONTED).fullmatch(text, sentence_start, candidate.start)
        and (text.startswith(",", candidate.end) or not _CLAUSE_MARK.search(text, candidate.end,
                                                                              sentence_start + verbs[0][0]))
    ):  # fmt: skip
        # "On Feb. 24(,) Russia invaded"; "By November, analysts said, the company could be profitable": the clause's
        # own verb, not the saying set in it
        verb, between = verbs[0], (candidate.end, sentence_start + verbs[0][1])
    elif after and not text[candidate.end : sentence_start + after[0][0]].strip():
        verb, between = after[0], (candidate.end, candidate.end)  # "late November saw the release of hostages"
    else:
        return None
    return (verb, between) if between[1] - between[0] <= PLACING_REACH else None


def _says(text: str, sentence_start: int, cue: Cue) -> bool:
    return text[sentence_start + cue[0] : sentence_start + cue[1]].lower() in context_words()["saying_verbs"]


def _placed_in_the_past(text: str, candidate: Candidate, cues: list[Cue], sentence_start: int) -> bool:
    """ "Russia invaded Ukraine on Feb. 24" said on 20 February 2023 is 2022's: a past verb placing a date in its own
    clause puts it on or before publication, however near the next one. Not "extended to Nov. 20", "decided to admit
    them in March", "payable Dec. 7", "announced elections in March": a plan, deadline, infinitive or scheduled event
    between the verb and the date looks ahead."""
    placing = _placing_cue(text, candidate, cues, sentence_start)
    if placing is None or placing[0][2] != "past" or _names_a_thing(text, candidate):
        return False  # "cancelled the May 9 parade": the parade may still lie ahead
    if phrase(_NOT_PLACED).search(text, *placing[1]):
        return False
    # "paid by March 3" may be a deadline ahead; "had left by late March" is done
    limit = phrase(_LIMIT_BEFORE).search(text, *placing[1])
    return limit is None or (
        done_by_limit(text, placing[1][0], limit.group(1).lower() in context_words()["completion_prepositions"])
        and not phrase(_DEADLINE_GIVEN).search(text, *placing[1])
    )


_RANGE_GAP = r"\s*(?:[-–—]|%range_links\b)\s*"


def _opens_a_range(text: str, candidate: Candidate, following: list[Candidate]) -> bool:
    """ "will run from 10 to 20 February": the first day of a range, which may have begun (its end decides)."""
    return bool(following) and phrase(_RANGE_GAP).fullmatch(text, candidate.end, following[0].start) is not None


def _placed_ahead(text: str, candidate: Candidate, cues: list[Cue], sentence_start: int) -> bool:
    """ "The election will be held on Nov. 5" said on 31 December is next year's: a strong future verb, or the
    present of a scheduled event ("takes place on Nov. 5", "runs until Dec. 31"), placing a date puts it on or after
    publication, however near the last one. States in the present ("inflation is 10% in November") do not."""
    placing = _placing_cue(text, candidate, cues, sentence_start)
    if placing is None or not placing[0][3] or _names_a_thing(text, candidate):
        return False  # "will discuss the March 4 attack": a thing named by its date
    (verb_start, verb_end, kind, _strong), between = placing
    if _CLAUSE_MARK.search(text, between[0] + text.startswith(",", between[0]), between[1]):  # past a fronted date
        return False  # "would produce aid for their countries, where the Aug. 7 blasts killed 257": another clause
    if between[1] == candidate.start and not phrase(_AHEAD_BY).search(text, max(0, candidate.start - 12),
                                                                       candidate.start):
        return False  # "will never forget Feb. 24", "backdated to Jan. 1": no preposition that places it ahead
    if phrase(_NOT_AHEAD).search(text, *between):
        return False  # "paid to shareholders of record on March 1"
    if kind == "present":
        verb = " ".join(text[sentence_start + verb_start : sentence_start + verb_end].lower().split())
        return verb not in context_words()["state_present"]
    return kind == "future"


# A modal before a weekday in a clause with no other tense cue: "could resume Friday" (not "could not", "may have")
_MODAL_BEFORE = (
    r"\b(?:%weekday_modals\s+(?!%weekday_modals_not_before\b)"
    r"|%past_or_future_modals\s+(?!%past_or_future_modals_not_before\b))[a-z]+\b[^,;.]*$"
)
def _modal_ahead(text: str, candidate: Candidate, cues: list[Cue], sentence_start: int, tense: str | None) -> bool:
    """ "Talks could resume on Monday", also with a report after it ("..., the Kremlin said"): a modal before the day
    with no past verb between them looks ahead."""
    modal = phrase(_MODAL_BEFORE, 0).search(text, max(sentence_start, candidate.start - 60), candidate.start)
    if modal is None or tense not in (None, "past"):
        return False
    lo, hi = modal.start() - sentence_start, candidate.start - sentence_start
    return not any(lo <= cue[0] < hi and cue[2] == "past" for cue in cues)


# A headline's infinitive after its subject, with no verb of its own: "Putin to visit Minsk on Monday"
_HEADLINE_TO = r"[A-Z][\w.'’-]*(?:,?\s+[A-Z][\w.'’-]*)*\s+%headline_future\s+[a-z]+\b[^,;.]*$"
# A fronted deadline whose clause holds a modal: "By the weekend, troops could reach the capital"
_FRONTED_BY = r"[\s\"'“‘(]*by\s+"
_SENTENCE_OPENER = r"[\s\"'“‘(]*"
_MODAL_AFTER = r",[^,;.]*?\b%deadline_modals\b"
_DEICTIC_RULES = frozenset({"day_word", "last_night"})
_AHEAD_TENSES = frozenset({"future", "planned"})  # a date told as a plan, not as what happened


_AHEAD_OF = r"\b%nearest_weekday_before\s+$"
_HOLIDAY_YEAR_LINK = r"\s+(?:%holiday_year_links\s+)?"  # "Christmas in 2020", "Christmas next year"
_SUBJECT_NEXT = r"\s+[a-z]"  # an expression opening its sentence with a verb straight after it is the subject
# "ahead of an OPEC+ meeting on Sunday"
_AHEAD_OF_EVENT = r"\b%nearest_weekday_before\s+(?:[\w+'’-]+\s+){1,4}%day_prepositions\s+$"
_STAMP_END = r"\s*[:|—–]"  # a live blog's time stamp ends with a colon or a dash
_POSSESSIVE_RELATIVE = r"['’]s\s+(?:[\w-]+\s+){0,2}?[\w-]+,?\s+%relative_pronouns\b"  # "'s selloff, which"
_EARLIER = r"\b%flashback_words\b"
_SCHEDULED = r"\b(?:%scheduling_verbs|%schedule_words)\b"
_DATELINE_START = re.compile(r"(?:^|\n)\s*[A-Z][A-Z .'-]+,(?:\s+[A-Z][\w.]*,)?\s*$")  # "LVIV, ", "KYIV, Ukraine, "
_DATELINE_END = r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:--?|[—–_])\s"  # "March 30 (Reuters) -", "Oct. 5 _"
_WHAT_COMES_OF_IT = r"\b%outcome_openers\b[^,;:.]*$"  # "paving the way for elections on"
_INDEFINITE_BEFORE = r"\b%indefinite_articles\s+(?:[a-z]+\s+)?$"
_INDEFINITE_OPENING = r"%indefinite_articles\s"
_CONTRACT_AFTER = r"\s+%contract_nouns\b"
_COMMODITY_FOR = r"\b%commodities\s+for\s+$"
_WARNING_FOR = r"\b(?:%warning_nouns\s+for|%warning_verbs\s+of)\s+(?:[\w'’-]+,?\s+){0,3}$"  # "warnings for "
_SCHEDULED_FOR = r"\b%scheduling_verbs\s+(?:[\w'’-]+\s+){0,3}for\s+$"  # "set sentencing for"
# "the anniversary of the Oct. 7 attacks", "the 20th anniversary of the Sept. 11 attacks"
_ANNIVERSARY_OF = (
    r"(?:\b(?P<count>\d{1,3})(?:st|nd|rd|th)|\b(?P<ordinal>%ordinals))?\s*(?P<noun>\b%anniversary_nouns)\s+of\s+"
    r"(?:the\s+)?$"
)
_COUNTED_IN_SHORT_UNITS = r"\b%anniversary_short_units\s+$"  # "the six-month anniversary": no years
_STARTING = r"\b%nearest_weekday_starting\s+(?:%starting_prepositions\s+)?$"


def _years_since(anniversary: re.Match[str]) -> int:
    """How many years before publication an anniversary's event fell: its ordinal ("the 20th anniversary"), else one
    (a date's anniversary is at least a year on, and the first is the one news marks most)."""
    if anniversary.group("count"):
        return max(1, int(anniversary.group("count")))
    if anniversary.group("ordinal"):
        return max(1, lookup("ordinals", anniversary.group("ordinal")))
    return 1


def _just_ahead(text: str, candidate: Candidate) -> bool:
    """ "ahead of Sunday's vote", "starting on Saturday": the nearest such day, whatever the tense."""
    window = max(0, candidate.start - 16)
    if any(phrase(pattern).search(text, window, candidate.start) for pattern in (_AHEAD_OF, _STARTING)):
        return True
    return phrase(_AHEAD_OF_EVENT).search(text, max(0, candidate.start - 60), candidate.start) is not None


_WHOLE_YEAR = re.compile(r"\d{4}")  # a year's own value ("2020"), no part of it


def _year_named(draft: Draft, publication: dt.date) -> int | None:
    """The calendar year a year expression names: "2020", or "next year" counted from publication."""
    if draft.kind == "calendar" and draft.year is not None and draft.month is None and not draft.period:
        return draft.year
    if draft.kind == "fixed" and draft.type == "DATE" and _WHOLE_YEAR.fullmatch(draft.value):
        return int(draft.value)
    if draft.kind == "shift" and draft.unit == "year" and draft.relative_to == "publication" and not draft.mod:
        year = publication.year + draft.offset
        return year if dt.MINYEAR <= year <= dt.MAXYEAR else None  # "next year" said in 9999: off the calendar
    return None


_NARRATIVE_DAY = re.compile(r"^\d{4}-\d\d-\d\d(?:T\d\d:\d\d)?$")  # a day, or a clock time of one
_MONTH_OR_FINER = frozenset({"month", *DAY_GRANULARITIES})
_ATTRIBUTIVE_BEFORE = r"(?:\b%noun_openers|[a-z]'s)\s+$"
_NOUN_NEXT = r"[ \t]+[a-z]"


def _names_a_thing(text: str, candidate: Candidate) -> bool:
    """ "the August 1988 cease-fire", "the 1991 agreement": a date between an article and a noun names a thing."""
    before = phrase(_ATTRIBUTIVE_BEFORE).search(text, max(0, candidate.start - 8), candidate.start)
    return before is not None and phrase(_NOUN_NEXT, 0).match(text, candidate.end) is not None


def _can_be_referred_to(text: str, candidate: Candidate, basis: str, value: str) -> bool:
    """Whether later words ("that day", "the following week") may take this date as their anchor.

    Not dates that were themselves anchored on a previous one (errors would chain), nor the baseline of a comparison
    ("up from $5 a year ago": the topic is still the current period), not deadlines ("until 30
    September 2023" is no event), not nights (a night spans two days: "overnight ... in the morning").
    """
    if (basis == "relative_previous" and not _NARRATIVE_DAY.match(value)) or value.endswith("TNI"):
        return False
    if phrase(_AMOUNT_BASELINE).search(text, max(0, candidate.start - 40), candidate.start):
        return False  # "volume rose to 180 million shares from 151.2 million Monday": a comparison's baseline
    return word_before(text, candidate.start) not in context_words()["not_anchor_after"]


_AMOUNT_BASELINE = r"\b%comparison_words\s+[$£€]?\d[\d,.]*(?:\s+%rate_amount_before)?\s+(?:%day_prepositions\s+)?$"


def _quarter_since(result: list[Timex], start: int) -> bool:
    """Whether a quarter was told after ``start`` ("reported profit in July, and said its earnings for the quarter
    tripled from a year earlier": the quarter is what is compared)."""
    for told in reversed(result):
        if told.start < start:
            return False
        if told.granularity == "quarter":
            return True
    return False


def _dates_a_saying(text: str, start: int) -> bool:
    """ "the governor said (on) Monday": the date of a report. After a day its own sentence told of, the story's
    date stays the anchor ("struck on Sunday, the governor said on Monday. Crews restored power two days later")."""
    before = word_before(text, start)
    if before in context_words()["day_prepositions"]:
        before = word_before(text, text.lower().rfind(before, 0, start))
    return before in context_words()["saying_verbs"]


# How far back (characters, a few paragraphs) a quarter stays the topic that "a year ago" and "the 1988 period"
# compare with, even when other dates were mentioned since; and the Draft.period of such comparison phrases.
QUARTER_TOPIC_CHARS = 1000
_QUARTER_TOPIC = frozenset({"same", "compare"})


def tag(text: str, dct: str | dt.date | None, *, dayfirst: bool = True) -> list[Timex]:
    """Temporal expressions of ``text`` with TIMEX3 values resolved against publication date ``dct``.

    With ``dct=None`` relative expressions keep X-filled values ("XXXX-02-10") and basis "unresolved".
    ``dayfirst`` reads 10/02/2022 as 10 February (False: as October 2).
    """
    publication = parse_dct(dct)
    chosen = before_resolution(text, select(candidates(text, dayfirst)))
    spans = sentence_spans(text)
    sentence_starts = [start for start, _ in spans]
    previous: Mention | None = None
    previous_sentence = -1  # where the sentence of ``previous`` starts
    previous_span = (0, 0)  # where ``previous`` stands in the text
    previous_tense: str | None = None
    last_told: Mention | None = None  # the last date not in a future clause
    last_past_day: Mention | None = None  # the last day told that is not after publication
    last_past_day_sentence = -1  # where the sentence of ``last_past_day`` starts
    last_quarter: Mention | None = None
    passing_quarter = False  # whether ``previous`` is a quarter told in passing ("after a flat second quarter")
    last_quarter_end = 0
    cues_by_sentence: dict[tuple[int, int], list] = {}
    result = []
    list_heads: list[int] = []  # indices in result of list items headed by a date without a year
    dayless: set[int] = set()  # indices in result of clock times still dated by publication alone

    def sentence_after(offset: int) -> str:
        following = bisect.bisect_right(sentence_starts, offset)
        return text[slice(*spans[following])] if following < len(spans) else ""

    sections = weekday_sections(text, chosen, sentence_after, publication)
    candidate_starts = {candidate.start for candidate in chosen}
    frames = year_frames(text, candidate_starts.__contains__)
    frame_starts = [start for start, _year in frames]
    section: Mention | None = None  # the day of the roundup section being read ("Saturday: ...")
    for position, candidate in enumerate(chosen):
        draft = candidate.draft
        sentence_index = bisect.bisect_right(sentence_starts, candidate.start) - 1
        sentence_start, sentence_end = spans[sentence_index]
        if sentence_end - sentence_start > 2 * TENSE_WINDOW:
            # a clause is short: clipping keeps one endless "sentence" (hostile input) from making this quadratic
            sentence_start = max(sentence_start, candidate.start - TENSE_WINDOW)
            sentence_end = min(sentence_end, candidate.end + TENSE_WINDOW)
        key = (sentence_start, sentence_end)
        if key not in cues_by_sentence:
            cues_by_sentence[key] = graded_cues(text[sentence_start:sentence_end])
        tense = tense_among(cues_by_sentence[key], candidate.start - sentence_start, candidate.end - sentence_start,
                            text[sentence_start:sentence_end])
        if publication is not None and _TWO_DIGIT_YEAR.search(text, candidate.start, candidate.end):
            draft = _century_back(draft, publication)  # "since '45" said in 2023 is 1945, not 2045
        frame = bisect.bisect_right(frame_starts, candidate.start) - 1
        if (
            frame >= 0 and (frame_year := frames[frame][1]) is not None and draft.kind == "calendar"
            and draft.year is None and draft.weekday is None and draft.cue is None
            and (draft.month is not None or draft.period)
        ):  # fmt: skip
            draft = replace(draft, year=frame_year)  # "2021 / November - US intelligence warns ...": under its heading
        if (
            draft.period == "compare" and candidate.rule.name == "shift_ago" and text.startswith(",", candidate.end)
            and phrase(_SENTENCE_OPENER, 0).fullmatch(text, sentence_start, candidate.start)
        ):  # fmt: skip
            draft = replace(draft, period="")  # "A year ago, gunmen broke through the fence": the story's time
        if (
            candidate.rule.name == "the_year" and previous is not None and previous_sentence == sentence_start
            and previous.granularity == "year" and not previous.names_a_thing and draft.kind == "shift"
            and result and not phrase(_FRAME_BREAK).search(text, result[-1].end, candidate.start)
        ):  # fmt: skip
            draft = Draft("calendar", year=previous.day.year, granularity="year")  # "ended 1988 ... for the year"
        same_day_as = None
        if position in sections and publication is not None:
            tense = "past" if sections[position] <= publication else "future"
            told = resolve(draft, publication, None, tense).value[:10]
            draft = replace(draft, offset=(sections[position] - dt.date.fromisoformat(told)).days)
        elif tense is None and labels_a_section(text, candidate):
            tense = sentence_tense(sentence_after(candidate.start))  # "Wednesday ¶ The Coast Guard will reopen ..."
        elif (
            section is not None and draft.kind == "calendar" and draft.weekday == section.day.isoweekday()
            and draft.month is None and draft.cue is None and tense in (None, "past")
        ):  # fmt: skip
            # "Saturday: the bridge is hit. A blast tore through it early on Saturday morning": the section's day
            tense, same_day_as, draft = "past", section, replace(draft, relative_to="previous")
        elif (
            (draft.weekday is not None and draft.month is None or candidate.rule.name == "holiday")
            and _just_ahead(text, candidate)
        ):  # fmt: skip
            # the nearest such day in a past clause ("held a vigil ahead of Hanukkah"), else the next
            tense = "planned" if tense == "past" else "future"
        elif (
            draft.kind == "calendar" and draft.year is None and draft.month is not None and draft.day is None
            and (
                phrase(_CONTRACT_AFTER).match(text, candidate.end)
                or phrase(_COMMODITY_FOR).search(text, max(0, candidate.start - 30), candidate.start)
            )
        ):  # fmt: skip
            tense = "future"  # "The March contract for copper rose", "crude for January slipped": a futures month ahead
        elif (
            tense is None and not cues_by_sentence[key] and draft.kind == "calendar" and draft.year is None
            and word_before(text, candidate.start) in context_words()["deadline_prepositions"]
        ):  # fmt: skip
            tense = "future"  # "Forecasters expect the smoke to thin by the weekend": with no verb to say, a deadline
        elif (
            draft.kind == "calendar" and draft.year is None
            and phrase(_RESCHEDULED_TO).search(text, max(0, candidate.start - 40), candidate.start)
        ):  # fmt: skip
            tense = "future"  # "the vote was moved to May 28": where the plan now stands
        elif (
            draft.kind == "calendar" and draft.year is None
            and phrase(_BACKDATED_TO).search(text, max(0, candidate.start - 30), candidate.start)
        ):  # fmt: skip
            tense, draft = "past", replace(draft, cue=ON_OR_BEFORE)  # "pay rises will be backdated to Jan. 1"
        elif (
            draft.weekday is not None
            or (
                draft.kind == "calendar" and draft.year is None
                and (previous_sentence != sentence_start
                     or not phrase(_FRONTED).fullmatch(text, sentence_start, previous_span[0]))
            )
        ) and (
            (tense is None and phrase(_HEADLINE_TO, 0).match(text, sentence_start, candidate.start))
            or _modal_ahead(text, candidate, cues_by_sentence[key], sentence_start, tense)
        ):
            tense = "future"  # "the talks could resume Friday", "Putin to visit Minsk on Monday", "warned that an
            # attack could come in February" (not "In March, officials said the bridge could reopen in June")
        elif (
            draft.kind == "calendar" and draft.year is None
            and phrase(_FRONTED_BY).fullmatch(text, sentence_start, candidate.start)
            and phrase(_MODAL_AFTER).match(text, candidate.end)
        ):  # fmt: skip
            tense = "future"  # "By Monday, the situation may have changed": a deadline ahead
        elif draft.weekday is not None and draft.month is None and _reads_as_past(text, candidate):
            tense = "past"
        elif (
            tense == "past" and draft.weekday is not None and _owns_a_scheduled_event(text, candidate)
            and phrase(_CALLED_OFF).search(text, sentence_start, sentence_end)
        ):  # fmt: skip
            tense = "planned"  # "Friday's fireworks display has been cancelled": the nearest Friday, maybe ahead
        elif (
            draft.kind == "calendar"
            and draft.year is None
            and draft.month is not None
            and previous is not None
            and previous.granularity in DAY_GRANULARITIES  # an item's day, not a background "in 2014"
            and heads_a_list_item(text, candidate.start, candidate.end)
        ):
            draft = replace(draft, relative_to="previous")  # the year that keeps it near the item before
        elif (
            previous is not None
            and (
                previous_sentence >= sentence_starts[max(0, sentence_index - 1)]
                or (  # "On July 11, 1995, ... In the weeks that followed, NATO began bombing the same summer"
                    phrase(_TOLD_CUE).match(text, candidate.start) is not None
                    and PARAGRAPH_BREAK.search(text, previous_span[1], candidate.start) is None
                )
            )
            and (told_year := _told_year(text, candidate, previous, result, sentence_start, tense, publication))
            is not None
        ):  # fmt: skip
            draft = replace(draft, year=told_year)  # "In 2014 the war began. That March, ...", "The following spring"
        elif (
            candidate.rule.name == "shift_end_of_the" and tense == "past" and previous is not None
            and previous_sentence >= sentence_starts[max(0, sentence_index - 1)] and not previous.names_a_thing
            and GRANULARITY_ORDER.index(previous.granularity) <= GRANULARITY_ORDER.index(draft.unit)
        ):  # fmt: skip
            draft = replace(draft, relative_to="previous")  # "started on 1 March. By the end of the month, ..."
        elif (framing := _framing_year(text, candidate, result, sentence_start, tense)) is not None:
            draft = replace(draft, year=framing)  # "In 2014, on Feb. 27, ...", "In 1992, he visited China in May"
        elif (
            previous is not None and not previous.names_a_thing and publication is not None
            and previous.day.year != publication.year
            and (told_year := _weekday_fits_told(draft, previous.day, publication)) is not None
        ):  # fmt: skip
            draft = replace(draft, year=told_year)  # "lifted off on July 16, 1969. On Sunday, July 20, ..."
        elif (
            draft.kind == "calendar" and draft.year is None and draft.day is not None and draft.weekday is None
            and draft.cue is None and previous is not None and previous.granularity in _MONTH_OR_FINER
            and not previous.names_a_thing and previous.day.month == draft.month
            and publication is not None and previous.day.year != publication.year and tense in (None, "past")
        ):  # fmt: skip
            # "in February 2015 ... from 15 February": that February ("sanctioned last March ... The sanctions expire
            # on March 15": a date ahead, not that March's)
            draft = replace(draft, relative_to="previous")
        elif (
            tense == "past" and draft.kind == "calendar" and draft.year is None
            and (first_month := draft.month or SEASON_MONTHS.get(draft.period, (None,))[0]) is not None
            and draft.weekday is None and draft.cue is None and previous is not None
            and previous.granularity in _MONTH_OR_FINER and not previous.names_a_thing
            and 0 < (first_month - previous.day.month) % 12 <= NARRATIVE_MONTHS_ON
            and publication is not None and previous.day.year != publication.year
            and (
                PARAGRAPH_BREAK.search(text, previous_span[1], candidate.start) is None
                or (
                    _opens_a_paragraph(text, sentence_start, candidate)
                    and (publication.month - first_month) % 12 > RECENT_MONTHS
                )
            )
            and not perfect_after(text[sentence_start:sentence_end], candidate.end - sentence_start)
        ):  # fmt: skip
            # "Lockdowns began in December 2019. In January, China sealed off Wuhan": a month (or a season, "in the
            # fall") a little after the one just told, in a past clause, follows it (not "founded in April 2015. In
            # February": that may be any year), within its paragraph (a story's background year does not carry into
            # the next paragraph's news), while the story stays in the past ("Krenz, who replaced Honecker on Oct.
            # 18, has promised": back to now; not "In October, tanks faced each other, an image that remains iconic")
            draft = replace(draft, year=previous.day.year + (first_month < previous.day.month))
        elif draft.kind == "calendar" and draft.year is None and word_before(text, candidate.start) == "since":
            # "since November", "since Christmas": the last one that began by publication (December's own said on
            # 31 December), whatever the tense; "since Tuesday" said on a Tuesday is a week back
            tense = "past"
            named = draft.month is not None or draft.weekday is not None or draft.period  # not "since the 24th"
            if named and draft.cue is None:  # a day of the month takes no cue; "since last summer" keeps its own
                draft = replace(draft, cue=-1 if draft.weekday is not None else ON_OR_BEFORE)
        elif (
            tense in (None, "present") and draft.kind == "calendar" and draft.year is None and draft.cue is None
            and (draft.month is not None or draft.weekday is not None or draft.period in SEASON_MONTHS)
            and phrase(_BASELINE_BEFORE).search(text, max(0, candidate.start - 50), candidate.start)
        ):  # fmt: skip
            tense = "past"  # "is 20% below its peak in August": the baseline of a comparison is a reading taken
        elif (
            tense in ("present", "future") and draft.kind == "calendar" and draft.year is None
            and draft.period.startswith("Q") and (
                phrase(_RESULTS_AFTER).match(text, candidate.end)
                or phrase(_RESULTS_BEFORE).search(text, max(0, candidate.start - 30), candidate.start)
                or phrase(_TO_REPORT).search(text, max(0, candidate.start - 80), candidate.start)
            )
        ):  # fmt: skip
            tense = "past"  # "will report fourth-quarter results": a quarter whose results come out is over
        elif (
            tense in ("present", "future") and draft.kind == "calendar" and draft.year is None
            and draft.month is not None and draft.day is None
            and (
                (
                    phrase(_RESULTS_BEFORE).search(text, max(0, candidate.start - 30), candidate.start)
                    and phrase(_RELEASED).search(text, candidate.end, sentence_end)
                )
                or (
                    phrase(_RESULTS_FOR).search(text, max(0, candidate.start - 30), candidate.start)
                    and phrase(_REPORTED).search(text, sentence_start, candidate.start)
                )
            )
        ):  # fmt: skip
            # "Factory orders for October will be released Monday", "will report on consumer prices for March": the
            # month of figures to come out (not "will report results in late January": when they come out)
            tense = "past"
        elif tense == "present" and draft.kind == "calendar" and _names_a_thing(text, candidate):
            tense = None  # "under a June agreement": a thing named by its date, no schedule the present looks ahead to
        elif (
            draft.kind == "calendar" and draft.year is None and draft.month is not None and publication is not None
            and (anniversary := phrase(_ANNIVERSARY_OF).search(text, max(0, candidate.start - 40), candidate.start))
            and not phrase(_COUNTED_IN_SHORT_UNITS).search(text, max(0, anniversary.start("noun") - 10),
                                                          anniversary.start("noun"))
        ):  # fmt: skip
            draft = replace(draft, year=publication.year - _years_since(anniversary))
        elif (
            tense == "past" and draft.kind == "calendar" and draft.year is None and draft.weekday is None
            and draft.cue is None and draft.month is not None
            and phrase(_WHAT_COMES_OF_IT).search(text, max(sentence_start, candidate.start - 60), candidate.start)
        ):  # fmt: skip
            tense = "planned"  # "resigned on Thursday, paving the way for elections on Sept. 25": the nearest one
        elif (
            tense in (None, "past") and draft.kind == "calendar" and draft.year is None and draft.weekday is None
            and draft.cue is None and draft.month is not None
            and phrase(_SCHEDULED_FOR).search(text, max(sentence_start, candidate.start - 50), candidate.start)
        ):  # fmt: skip
            tense = "planned"  # "Judge Burns set sentencing for June 18": a date fixed for something, the nearest one
        elif (
            tense in (None, "past") and draft.kind == "calendar" and draft.year is None and draft.cue is None
            and phrase(_WARNING_FOR).search(text, max(sentence_start, candidate.start - 40), candidate.start)
        ):  # fmt: skip
            # "has issued rain warnings for Sunday and Monday", "warned of more disruption Sunday": what is warned of,
            # the nearest one
            tense = "planned"
        elif (
            tense == "past" and draft.kind == "calendar" and draft.year is None and draft.weekday is None
            and draft.cue is None and (draft.month is not None or draft.period)
            and _placed_in_the_past(text, candidate, cues_by_sentence[key], sentence_start)
        ):  # fmt: skip
            draft = replace(draft, cue=ON_OR_BEFORE)
        elif (
            tense in ("future", "present") and draft.kind == "calendar" and draft.year is None
            and draft.weekday is None and draft.cue is None and (draft.month is not None or draft.period)
            and not _opens_a_range(text, candidate, chosen[position + 1 : position + 2])
            and _placed_ahead(text, candidate, cues_by_sentence[key], sentence_start)
        ):  # fmt: skip
            draft = replace(draft, cue=ON_OR_AFTER)
        elif (
            draft.kind == "shift" and draft.relative_to == "publication" and tense == "past" and previous is not None
            and phrase(_THE_NEXT).match(text, candidate.start)
        ):  # fmt: skip
            draft = replace(draft, relative_to="previous")  # "In 2014 ... The next year, fighting raged": 2015
        if (
            candidate.rule.name == "overnight" and draft.kind == "shift" and result and previous is not None
            and previous_sentence == sentence_start and previous.granularity in DAY_GRANULARITIES
        ):  # fmt: skip
            # "said on Sunday it had shot down 45 drones overnight": the night before the report; "attacked on
            # Sunday and shelling continued overnight": that day's night
            said = _dates_a_saying(text, result[-1].start) or phrase(_SAYING_BETWEEN).search(
                text, result[-1].end, candidate.start
            )  # "On Tuesday, officials said troops had advanced overnight"
            before = phrase(_NIGHT_BEFORE).search(text, max(result[-1].end, candidate.start - 24), candidate.start)
            # "08.12 GMT: Russia shelled Kherson overnight": the night that ended that morning (a stamp, not "polls
            # opened at 7 a.m. on Sunday and counting continued overnight")
            morning = (
                previous.clock is not None and previous.clock < NOON
                and phrase(_STAMP_END).match(text, result[-1].end) is not None
            )  # fmt: skip
            # "LVIV, March 30 (Reuters) - Explosions shook Lviv overnight": a dateline's day is the report's
            dateline = (
                _DATELINE_START.search(text, max(0, result[-1].start - 60), result[-1].start) is not None
                and phrase(_DATELINE_END).match(text, result[-1].end) is not None
            )
            # otherwise that day's night: "rose on Monday after gains overnight in Asia"
            offset = draft.offset if said or before or morning or dateline else 0
            draft = replace(draft, relative_to="previous", offset=offset)
        if (
            draft.kind == "shift" and draft.unit == "week" and draft.offset == 0 and draft.relative_to == "publication"
            and tense in _AHEAD_TENSES and publication is not None and publication.isoweekday() == SUNDAY
            and (draft.mod or candidate.start != sentence_start or not phrase(_SUBJECT_NEXT).match(text, candidate.end))
        ):  # fmt: skip
            # "will vote this week", "The rest of the week will be cold" in a Sunday paper: the week that opens
            # tomorrow ("This week will be remembered": the week the paper closes)
            draft = replace(draft, offset=1)
        following = chosen[position + 1] if position + 1 < len(chosen) else None
        if (
            following is not None and draft.kind == "calendar" and draft.weekday is not None and draft.cue is None
            and draft.month is None and following.draft.weekday is not None and following.draft.cue == 0
            and following.draft.unit == "day" and phrase(_RANGE_GAP).fullmatch(text, candidate.end, following.start)
        ):  # fmt: skip
            # "from Monday to Wednesday next week": the range's first day is in its last day's week
            draft = replace(draft, cue=0, unit="day", offset=following.draft.offset)
        if (
            candidate.rule.name == "holiday" and draft.year is None and following is not None
            and publication is not None and phrase(_HOLIDAY_YEAR_LINK).fullmatch(text, candidate.end, following.start)
            and (year := _year_named(following.draft, publication)) is not None
        ):  # fmt: skip
            draft = replace(draft, year=year)  # "Eid al-Adha in 2020", "Independence Day next year": that year's
        if draft.period == PAST_ONLY:
            if tense != "past":
                continue
            draft = replace(draft, period="")
        told_day = previous is not None and previous.granularity in DAY_GRANULARITIES and not previous.names_a_thing
        if following is not None and draft.period == DAYLESS and names_its_day(text, candidate.end, following):
            told_day = False  # "hit at 4:17 a.m. (0117 GMT) Monday": its own day follows, not the one told before
        if (
            draft.period == DAYLESS and told_day and tense == "past" and publication is not None
            and previous is not None and previous.day > publication
        ):  # fmt: skip
            # "will be sworn in on January 20. Networks declared him the winner at 11 p.m.": what happened did not
            # happen on the day ahead, but on the last day told that is not
            told_day, same_day_as = last_past_day is not None, last_past_day
        elif (
            draft.period == DAYLESS and not told_day and tense == "past" and previous is not None
            and previous.granularity not in DAY_GRANULARITIES and last_past_day is not None
            and last_past_day_sentence >= sentence_starts[max(0, sentence_index - 1)]
        ):  # fmt: skip
            # "opened the defense Tuesday, attacking the articles approved last month. Clinton spoke at 9 p.m.": a
            # month or year told in passing does not end the day the story is telling of
            told_day, same_day_as = True, last_past_day
        night = result[-1] if result and result[-1].start >= sentence_starts[max(0, sentence_index - 1)] else None
        if (
            draft.period == DAYLESS and not told_day and tense == "past" and night is not None
            and _NIGHT_OF.match(night.value) and (clock := _CLOCK_HOUR.match(draft.suffix)) is not None
            and ((hour := int(clock[1])) >= NOON.hour or hour < NIGHT_ENDS)
        ):  # fmt: skip
            # "became prime minister last night ... Brown left Downing Street at about 7:20 p.m.": that night's
            # evening, or the small hours after it
            day = dt.date.fromisoformat(night.value[:10]) + dt.timedelta(days=hour < NIGHT_ENDS)
            told_day, same_day_as = True, Mention(day, "day")
        elif (
            draft.period == DAYLESS and tense == "past" and night is not None and night.mod == "END"
            and night.granularity == "day" and night.start >= sentence_start
            and (clock := _CLOCK_HOUR.match(draft.suffix)) is not None and int(clock[1]) < NIGHT_ENDS
        ):  # fmt: skip
            # "picked up late Wednesday, and by 2 a.m. the causeway was under water": the small hours after it
            day = dt.date.fromisoformat(night.value[:10]) + dt.timedelta(days=1)
            told_day, same_day_as = True, Mention(day, "day")
        elif (
            draft.period == DAYLESS and told_day and tense == "past" and previous is not None
            and previous.clock is not None and previous.clock >= EVENING
            and (clock := _CLOCK_HOUR.match(draft.suffix)) is not None and int(clock[1]) < NIGHT_ENDS
            and previous_sentence >= sentence_starts[max(0, sentence_index - 1)]
            and not _looks_back(text, sentence_start, candidate.start)
        ):  # fmt: skip
            # "polls closed at 10 p.m. on Nov. 7, and at 2:15 a.m. the networks called it": the small hours after it
            # (not "shot at 9 p.m. on Saturday. He had been drinking since 2 a.m.": a look back)
            told_day, same_day_as = True, Mention(previous.day + dt.timedelta(days=1), "day")
        plan_day = (  # "The final is Saturday. Kickoff is set for 12:50 p.m.": a schedule on the day ahead just told;
            # "Columbia broke apart on Saturday. It was due to land at 9:16 a.m.": a plan told in the past, that day's
            tense in _AHEAD_TENSES and publication is not None and previous is not None
            and previous_sentence >= sentence_starts[max(0, sentence_index - 1)]
            and (
                tense == "planned"
                or (previous.day >= publication and phrase(_SCHEDULED).search(text, sentence_start, candidate.start))
            )
        )  # fmt: skip
        same_sentence = previous_sentence == sentence_start
        if draft.period == DAYLESS and told_day and (tense == "past" or plan_day or same_sentence):
            # "was shot at 10 p.m.", "polls open at 7 a.m. Sunday and close at 8 p.m.": on the day just told of
            draft = replace(draft, relative_to="previous")
        elif draft.period == DAYLESS:
            dayless.add(len(result))
            if draft.suffix == "T24:00" and tense == "past":  # "took effect at midnight": the one that began today
                draft = replace(draft, suffix="T00:00")
        anchor_mention = previous
        if (
            draft.period == IN_THE_DAY
            and tense == "future"
            and previous is not None
            and publication is not None
            and previous.day < publication
        ):
            anchor_mention = None  # "will hold a concert later in the day": not on a day already past, but today
        elif tense == "past" and (
            previous_tense == "future" or (previous_tense in _AHEAD_TENSES and draft.period == IN_THE_DAY)
        ):
            # "They will meet again on Wednesday. Later in the day, the Pentagon said ...", "a meeting that had been
            # scheduled for Thursday ... earlier in the day": the day last told of as past ("that day" after a plan
            # still names the plan's day)
            anchor_mention = last_told
        compared_day = (
            draft.period == "compare" and draft.offset == -1 and previous is not None
            and previous_sentence == sentence_start and previous.granularity in _MONTH_OR_FINER
            and not previous.names_a_thing and not _dates_a_saying(text, previous_span[0])
            and publication is not None and previous.day.year >= publication.year - 1
            and (
                phrase(_COMPARED_WITH).search(text, previous_span[1], candidate.start) is not None
                or phrase(_THAN_BEFORE).search(text, max(previous_span[1], candidate.start - 8), candidate.start)
            )
            and not _quarter_since(result, previous_span[1])
            and not (  # "in the quarter ended Sept. 30, up from $42 million in the year-earlier period": the quarter
                candidate.rule.name == "period_comparison" and last_quarter is not None
                and last_quarter_end >= sentence_start
            )
        )  # fmt: skip
        if compared_day:
            # "For the quarter ended Sept. 30, net rose to $133 million from $100 million a year earlier": that day a
            # year before; "Traffic in November fell 3.2% from a year earlier": that month
            draft = replace(draft, relative_to="previous", granularity=previous.granularity)
        elif (
            (draft.period in _QUARTER_TOPIC or candidate.rule.name == "quarter_the")  # "for the period"
            and last_quarter is not None
            and candidate.start - last_quarter_end <= QUARTER_TOPIC_CHARS
            and (previous is None or previous.granularity != "quarter" or passing_quarter)
        ):
            anchor_mention = last_quarter  # "the 1988 period": the quarter under discussion, even a few dates back
        if draft.period == AS_LAST_TOLD:
            # "since then" is the date of this or the previous sentence, as told, whatever the tenses; with none that
            # near, "then" is an event's time the text does not date
            if previous is None or previous_sentence < sentence_starts[max(0, sentence_index - 1)]:
                continue
            anchor_mention = previous
        if same_day_as is not None:
            anchor_mention = same_day_as
        elif (
            candidate.rule.name == "part_of_that_day" and anchor_mention is not None
            and anchor_mention.granularity not in DAY_GRANULARITIES
        ):  # fmt: skip
            # "On Monday, Lehman filed ... founded in 1850. In the morning": no year has a morning; the day told before
            # in the paragraph ("Throughout August 2022, cuts began in the evening" names none: no one day)
            in_paragraph = last_past_day is not None and not PARAGRAPH_BREAK.search(
                text, last_past_day_sentence, candidate.start)
            if in_paragraph:
                anchor_mention = last_past_day
            elif (
                previous_sentence < sentence_start and publication is not None
                and anchor_mention.day.year < publication.year - 1
            ):  # fmt: skip
                anchor_mention = None  # "The bank was founded in 1850. In the morning, staff carried out boxes": today
        forward_untold = (
            draft.kind == "shift" and draft.relative_to == "previous" and draft.offset > 0 and anchor_mention is None
            and tense == "past"
        )  # fmt: skip
        # "Three days later, troops pulled out" with no date told before: not three days after publication
        some_weekday = (
            draft.kind == "calendar" and draft.weekday is not None and draft.month is None and draft.cue is None
            and word_before(text, candidate.start) in context_words()["indefinite_articles"]
            and (word_after(text, candidate.end) in context_words()["some_weekday_followers"]
                 or not next_word(text, candidate.end))
        )  # fmt: skip
        # "Christmas next year falls on a Wednesday", "killed on a Friday in March": some such day, not the nearest
        resolved = resolve(draft, None if forward_untold or some_weekday else publication, anchor_mention, tense)
        if (
            tense == "past" and publication is not None and resolved.value.endswith("T24:00")
            and resolved.value[:10] == publication.isoformat()
        ):  # fmt: skip
            # "took effect at midnight on March 12", said on 12 March: the midnight that began the day, not its end
            resolved = replace(resolved, value=resolved.value[:10] + "T00:00")
        granularity = resolved.granularity
        if draft.type in ("DATE", "TIME"):
            granularity = value_granularity(resolved.value)
            if granularity == "unknown" and draft.granularity != "unknown":
                granularity = draft.granularity
            span = calendar_span(resolved.value)
            if span is not None and position in sections:
                section = Mention(span[0], span[2])  # a heading's day: the section's
            if (
                span is not None
                and draft.period != "compare"
                and len(result) not in dayless  # a clock time dated by publication alone tells no day
                and _can_be_referred_to(text, candidate, resolved.basis, resolved.value)
                and not (told_day and previous_sentence == sentence_start and _dates_a_saying(text, candidate.start))
                # "fell on Tuesday, extending Monday's losses": a day told in passing by its possessive stays aside
                and not (  # not "Police said on Sunday that Saturday's attack, which began at 9 p.m., ...": a saying's
                    previous is not None and not previous.names_a_thing and previous_sentence == sentence_start
                    and possessive_after(text, candidate.end) and not _dates_a_saying(text, previous_span[0])
                    and phrase(_POSSESSIVE_RELATIVE).match(text, candidate.end) is None
                )  # (nor "after Monday's selloff, which ended at 4 p.m.": its own clause tells of it)
            ):
                previous = Mention(span[0], span[2], names_a_thing=_names_a_thing(text, candidate),
                                   clock=clock_of(resolved.value))
                previous_sentence, previous_span = sentence_start, (candidate.start, candidate.end)
                # "today" names the day of writing whatever the clause's tense; a weekday in a future clause a plan
                previous_tense = None if candidate.rule.name in _DEICTIC_RULES else tense
                if previous_tense not in _AHEAD_TENSES:
                    last_told = previous
                if previous.granularity in DAY_GRANULARITIES and publication is not None and span[0] <= publication:
                    last_past_day, last_past_day_sentence = previous, sentence_start
                passing_quarter = (
                    span[2] == "quarter" and not phrase(_RESULTS_AFTER).match(text, candidate.end)
                    and (phrase(_INDEFINITE_BEFORE).search(text, max(0, candidate.start - 24), candidate.start)
                         or phrase(_INDEFINITE_OPENING).match(text, candidate.start)) is not None
                )  # "After a flat second quarter, ... the year-earlier period": a quarter in passing, not the topic
                # (not "a first-quarter profit": the article is the profit's)
                if span[2] == "quarter" and not passing_quarter:
                    last_quarter, last_quarter_end = previous, candidate.end
        if (
            draft.kind == "calendar" and draft.year is None and draft.day is not None and draft.month is not None
            and heads_a_list_item(text, candidate.start, candidate.end)
        ):  # fmt: skip
            list_heads.append(len(result))
        result.append(
            Timex(
                start=candidate.start,
                end=candidate.end,
                text=text[candidate.start : candidate.end],
                type=resolved.type or draft.type,
                value=resolved.value,
                granularity=granularity,
                anchor=resolved.anchor,
                rule=candidate.rule.name,
                basis=resolved.basis,
                mod=draft.mod,
                tense=tense or "",
            )
        )
    result = _overnight_before_saying(text, _chronology_in_one_year(result, list_heads, publication))
    return after_resolution(text, result, dayless)


def _framing_year(
    text: str, candidate: Candidate, result: list[Timex], sentence_start: int, tense: str | None
) -> int | None:
    """The year told just before a date without one that it frames: right before, narrowed after a comma ("In
    2014, on Feb. 27", "A year ago, on the night of Feb. 23-24"), or opening the past clause the date is in ("In
    1992, he visited China in May", "Four years ago, Dukakis led in the polls in August"); not across another
    clause ("since its launch in 2003 and that as of February")."""
    draft = candidate.draft
    if draft.kind != "calendar" or draft.year is not None or not result or not _YEAR_VALUE.fullmatch(result[-1].value):
        return None
    told, between = result[-1], text[result[-1].end : candidate.start]
    if phrase(_COMPARED_RIGHT_BEFORE).search(text, max(0, told.start - 20), told.start):
        return None  # "higher than a year earlier in May": May is this year's, the comparison's baseline a year back
    if draft.month is not None and phrase(_NARROWS_A_YEAR).fullmatch(between):
        return int(told.value[:4])
    fronted = told.start >= sentence_start and _FRONTED_YEAR.fullmatch(text, sentence_start, told.start) is not None
    if (
        tense in ("past", "planned") and draft.weekday is None and (draft.month is not None or draft.period)
        and draft.cue is None and told.start >= sentence_start and (told.basis == "explicit" or told.value.isdigit())
        and ";" not in between and ("," not in between or fronted)
        and not phrase(_FRONTED_FRAME_BREAK if fronted else _FRAME_BREAK).search(between)
        and _frames_a_clause(text, told)
    ):  # fmt: skip
        return int(told.value[:4])
    return None


_TOLD_CUE = r"(?:the\s+)?(?P<cue>%told_cues)\s+|the\s+(?P<next>%told_next)\s+"
_FRONTED_MONTH = r"\W*(?:%month_frame_openers\s+(?:the\s+)?|that\s+)?"
_THAT_OPENED = re.compile(r"[Tt]hat\s")  # "That March, ...": the match itself opens with "that"
_TOLD_GRANULARITIES = frozenset({"year", "season", "month", *DAY_GRANULARITIES})


def _told_year(
    text: str, candidate: Candidate, previous: Mention, result: list[Timex], sentence_start: int, tense: str | None,
    publication: dt.date | None,
) -> int | None:
    """The year of a month or season without one that a story tells relative to the date just told (in this
    sentence or the one before), not to publication:
    - "the following March", "the previous summer", "the next spring": the first such after, or the last before;
    - "That March, ..." opening a sentence: the one in the year just told;
    - "In March, ...", "By August, ..." opening a past clause right after a sentence framed by a year ("In 2014
      the war began. In March, Crimea was annexed."): that year's.
    """
    draft = candidate.draft
    if (
        draft.kind != "calendar" or draft.year is not None or draft.weekday is not None or draft.day is not None
        or previous.names_a_thing or previous.granularity not in _TOLD_GRANULARITIES
    ):  # fmt: skip
        return None
    month = draft.month or SEASON_MONTHS.get(draft.period, (None,))[0]
    if month is None:
        return None
    told, told_month = previous.day.year, previous.day.month
    cue = phrase(_TOLD_CUE).match(text, candidate.start)
    if cue is not None:
        word = (cue.group("cue") or cue.group("next")).lower()
        if word in context_words()["same_cues"]:
            return told
        if word in context_words()["told_next"] or lookup("shift_cues", word) > 0:
            return told + (previous.granularity == "year" or month <= told_month)
        return told - (previous.granularity == "year" or month >= told_month)
    if draft.cue is not None or not phrase(_FRONTED_MONTH).fullmatch(text, sentence_start, candidate.start):
        return None
    if word_before(text, candidate.start) == "that" or _THAT_OPENED.match(text, candidate.start):
        return told
    last = result[-1] if result else None
    if (
        tense == "past" and previous.granularity == "year" and last is not None and last.start < sentence_start
        and _YEAR_VALUE.fullmatch(last.value) and _frames_a_clause(text, last) and _opens_its_sentence(text, last)
        and not _last_year_or_this(told, month, publication)
    ):  # fmt: skip
        return told  # not "Finland applied to join NATO in 2022. In April, it became a member": a year at the end
    return None


def _looks_back(text: str, sentence_start: int, clock_start: int) -> bool:
    """Whether the clause of a small-hours clock looks back from an evening told before it: "Earlier", or a past
    perfect not reaching forward to the clock ("had been drinking since 2 a.m.", not "had ended by 1 a.m.")."""
    if phrase(_EARLIER).search(text, sentence_start, clock_start):
        return True
    limit = word_before(text, clock_start) in context_words()["past_unplacing_prepositions"]
    return not limit and pluperfect_in(text, sentence_start, clock_start)


def _opens_a_paragraph(text: str, sentence_start: int, candidate: Candidate) -> bool:
    """Whether the month frames the paragraph's first sentence ("...on Aug. 2, 1990.\n\nIn November, the council
    gave Baghdad until Jan. 15"): a story told in order goes on across the break, unless the month is a recent one
    ("annexed Crimea in March 2014.\n\nIn June, Ukraine launched its counteroffensive" said in August: this June)."""
    opening = PARAGRAPH_BREAK.search(text, max(0, sentence_start - 4), sentence_start + 1) is not None
    return opening and phrase(_FRONTED_MONTH).fullmatch(text, sentence_start, candidate.start) is not None


def _weekday_fits_told(draft: Draft, told: dt.date, publication: dt.date) -> int | None:
    """The year of a weekday-and-date without a year ("Sunday, July 20") that the date just told gives it, or the
    next year for a month before the told one: only when the weekday fits that year and no year around
    publication."""
    if draft.kind != "calendar" or draft.year is not None or None in (draft.weekday, draft.day, draft.month):
        return None

    def fits(year: int) -> bool:
        try:
            return dt.date(year, draft.month, draft.day).isoweekday() == draft.weekday  # type: ignore[arg-type]
        except ValueError:  # "Friday, February 29" of a common year
            return False

    year = told.year + (draft.month < told.month)  # type: ignore[operator]
    near_publication = any(fits(publication.year + step) for step in (-1, 0, 1))
    return year if fits(year) and not near_publication else None


def _last_year_or_this(told: int, month: int, publication: dt.date | None) -> bool:
    """ "In 2022, Russia invaded Ukraine. In March, the court issued a warrant" said in June 2023: last year's March
    or this year's, which the year alone does not settle (the nearest past March stands)."""
    return publication is not None and told == publication.year - 1 and month < publication.month


_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n\s*)\W*$")


def _opens_its_sentence(text: str, told: Timex) -> bool:
    """ "In 2014 the war began", "In 1992, ...": the year and its preposition open the sentence."""
    preposition = max(0, told.start - len(word_before(text, told.start)) - 1)
    return _SENTENCE_START.search(text, max(0, preposition - 12), preposition) is not None


def _frames_a_clause(text: str, told: Timex) -> bool:
    """ "In 1992, ...", "Four years ago, ...": a year told as when the clause happens, not a name's ("Vision 2030"),
    a noun's ("the 2020 election results"), a comparison's ("from 2021 levels") or a start ("since 2014")."""
    if told.rule.startswith("shift"):
        return True
    noun_next = phrase(_NOUN_NEXT, 0).match(text, told.end)
    return word_before(text, told.start) in context_words()["frame_prepositions"] and (
        noun_next is None or word_after(text, told.end) in context_words()["noun_openers"]  # "In 2014 the war began"
    )


def _overnight_before_saying(text: str, result: list[Timex]) -> list[Timex]:
    """ "Russian forces shelled Kharkiv overnight, the governor said on Thursday": the night before the day of the
    report that closes the sentence, not the night before publication."""
    out = list(result)
    for index, (night, said) in enumerate(itertools.pairwise(result)):
        if (
            night.rule == "overnight" and night.basis == "relative_publication" and night.value.endswith("TNI")
            and _DAY_VALUE.match(said.value) and said.type == "DATE" and _dates_a_saying(text, said.start)
            and not any(mark in text[night.end : said.start] for mark in ".;!?")
        ):  # fmt: skip
            day = dt.date.fromisoformat(said.value[:10]) - dt.timedelta(days=1)
            out[index] = replace(night, value=f"{day}TNI", anchor=said.value[:10], basis="relative_previous")
    return out


TWO_DIGIT_AHEAD = 10  # how many years past publication a year written "'30" may lie; further ones are a century back


def _century_back(draft: Draft, publication: dt.date) -> Draft:
    """A year written with two digits ("'45") lying more than ``TWO_DIGIT_AHEAD`` years past publication is the
    one a century earlier."""
    if draft.kind == "fixed" and draft.value.isdigit() and int(draft.value) > publication.year + TWO_DIGIT_AHEAD:
        return replace(draft, value=f"{int(draft.value) - 100:04d}")
    if draft.year is not None and draft.year > publication.year + TWO_DIGIT_AHEAD:
        return replace(draft, year=draft.year - 100)
    return draft

_TWO_DIGIT_YEAR = re.compile(r"['’]\d\d\b")
RECENT_MONTHS = 6  # a month this many months or fewer before publication's is news, not a story's next paragraph
NARRATIVE_MONTHS_ON = 3  # how many months after the one just told a past clause's bare month may follow it
CHRONOLOGY_ITEMS = 3  # dated list items that make a chronology
CHRONOLOGY_AHEAD_DAYS = 60  # how far past publication a chronology without a year may not run


def _chronology_in_one_year(
    result: list[Timex], list_heads: list[int], publication: dt.date | None
) -> list[Timex]:
    """A chronology of dated list items with no year ("Feb. 24 — Russia invades Ukraine ... Nov. 11 — Ukrainian
    troops enter Kherson") is one stretch of the calendar, which its items' tenses alone do not place:
    - told in the historic present on the war's first anniversary, it starts by publication and would run months
      past it: it is the year just gone, not the one ahead;
    - otherwise it is the year nearest publication over all its items, among those its past-tense items allow:
      the year itself in a review published on 28 December or in June, the next year in a look ahead ("Jan. 20 ...
      Feb. 24 ... Nov. 5") published on 28 December.
    A list with a plan in it ("will") stays as told."""
    if publication is None or len(list_heads) < CHRONOLOGY_ITEMS:
        return result
    items = [result[index] for index in list_heads]
    days = [dt.date.fromisoformat(item.value[:10]) for item in items if _DAY_VALUE.match(item.value)]
    month_days = [(day.month, day.day) for day in days]
    if (
        len(days) < len(items) or month_days != sorted(month_days) or (days[-1] - days[0]).days > 365
        or any(item.tense in _AHEAD_TENSES for item in items)
    ):  # fmt: skip
        return result
    grace = dt.timedelta(days=CHRONOLOGY_AHEAD_DAYS)
    if days == sorted(days) and publication - grace <= days[0] <= publication and days[-1] > publication + grace:
        year = days[0].year - 1
    else:
        told_past = any(item.tense == "past" for item in items)
        years = [
            year for year in range(publication.year - 1, publication.year + 2)
            if (2, 29) not in month_days or calendar.isleap(year)
            if not told_past or _in_year(year, month_days[-1]) <= publication
        ]  # fmt: skip
        if not years:
            return result
        year = min(years, key=lambda y: sum(abs(_in_year(y, md) - publication).days for md in month_days))
    if (2, 29) in month_days and not calendar.isleap(year):
        return result  # no 29 February that year
    shifted = list(result)
    for index, item in zip(list_heads, items, strict=True):
        shifted[index] = replace(item, value=f"{year:04d}{item.value[4:]}")
    return shifted


def _in_year(year: int, month_day: tuple[int, int]) -> dt.date:
    """The day ``month_day`` of ``year`` (29 February in a common year as the 28th, for distances only)."""
    month, day = month_day
    return dt.date(year, month, 28 if (month, day) == (2, 29) and not calendar.isleap(year) else day)


_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d(?:T|$)")
