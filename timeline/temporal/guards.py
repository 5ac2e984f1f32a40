"""Context checks that keep words which only look like dates out: "may" the verb, "2014 troops", "the fall of".

Each guard is named by a rule's ``guard`` field and answers: is this match really a temporal expression?
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable

from timeline.temporal.lexicon import alternation, context_words, lexicon, macros, phrase, year_value
from timeline.temporal.lists import heads_a_list_item
from timeline.temporal.tense import base_form_follows

_WORD_BEFORE = re.compile(r"([A-Za-z][\w'’-]*)[\s,(\"“-]*$")  # past an opening quote: 'last "days'"
_WORD_AFTER = re.compile(r"^[\s,]*([A-Za-z][\w'’-]*)")


def word_before(text: str, start: int) -> str:
    match = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return match.group(1).lower() if match else ""


def possessive_after(text: str, end: int) -> bool:
    """ "Wednesday's ruling": the expression ending at ``end`` is a possessive."""
    return text.startswith(("'s", "’s"), end)


def possessive_before(text: str, start: int) -> bool:
    """ "Gazprom's Q2": a possessive right before ``start``."""
    return text.endswith(("'s ", "’s ", "s' "), max(0, start - 3), start)


_NEXT_WORD = re.compile(r"[ \t]*([A-Za-z][\w'’-]*)")


def next_word(text: str, end: int) -> str:
    """The word right after ``end`` on the same line with nothing but spaces before it ("" past punctuation), unlike
    ``word_after``, which skips commas."""
    match = _NEXT_WORD.match(text, end)
    return match.group(1) if match else ""


def word_after(text: str, end: int) -> str:
    match = _WORD_AFTER.match(text[end : end + 40])
    return match.group(1) if match else ""


def original(text: str, match: re.Match[str], group: str | int = 0) -> str:
    """The caller's text of a group: rules match case-folded text, case checks need the original letters."""
    return text[match.start(group) : match.end(group)]


def _month_word_ok(text: str, match: re.Match[str]) -> bool:
    """Ambiguous month names ("may", "march") and weekday abbreviations ("sat", "wed") must be capitalized to
    count; a full name followed by a period inside the match ends a sentence ("between March and May. 10 days of
    drills"): only "Sept." and the like are abbreviations."""
    word = original(text, match, "month")
    if _period_ends_sentence(text, match, "month") or _period_ends_sentence(text, match, "weekday"):
        return False
    weekday = match.groupdict().get("weekday")
    if weekday and weekday in lexicon()["ambiguous_weekdays"] and not original(text, match, "weekday")[0].isupper():
        return False  # "we sat 3 March": a verb, not "Sat"; the date alone is found from the next character
    if word.rstrip(".").lower() in lexicon()["ambiguous_months"]:
        return word[0].isupper()
    return True


@functools.cache
def full_names() -> frozenset[str]:
    """The longest name of each month and weekday ("may", "september", "thursday"): never abbreviations."""
    names = set()
    for table in ("months", "weekdays"):
        longest: dict[int, str] = {}
        for name, number in lexicon()[table].items():
            if len(name) > len(longest.get(number, "")):
                longest[number] = name
        names.update(longest.values())
    return frozenset(names)


def _period_ends_sentence(text: str, match: re.Match[str], group: str) -> bool:
    """A full name, a period, and more of the match after it, without a year to show it is one date ("May. 1,
    2000", as some feeds write every month, stays a date)."""
    if match.groupdict().get(group) is None or match.groupdict().get("year") is not None:
        return False
    end = match.end(group)
    return text[end : end + 1] == "." and match.end() > end + 1 and text[match.start(group) : end].lower() in (
        full_names()
    )


def _ending_with(words: list[str]) -> re.Pattern[str]:
    """Text that ends with one of ``words`` and a space or hyphen ("mid-", "the end of ")."""
    return re.compile(r"(?<![\w-])(?:" + alternation(words)[3:-1] + r")[\s-]+$", re.IGNORECASE)


@functools.cache
def _span_mod_before() -> re.Pattern[str]:
    return _ending_with(lexicon()["span_mods"])


@functools.cache
def _position_mod_before() -> re.Pattern[str]:
    """ "mid-", "early", "the end of" right before: a modifier that places a date within its period (not "some",
    "more than", which count things as readily as years)."""
    return _ending_with([word for word, mod in lexicon()["mods"].items() if mod in ("START", "MID", "END")])


def month_case(text: str, match: re.Match[str]) -> bool:
    return _month_word_ok(text, match)


def bare_month(text: str, match: re.Match[str]) -> bool:
    """A month name alone: capitalized, and for "May"/"March" introduced by a preposition or cue."""
    word = original(text, match, "month")
    if not word[0].isupper():
        return False
    bare = word.rstrip(".").lower()
    short = len(bare) <= 4 and not word.endswith(".") and bare not in full_names()  # "Jan", not "May", "June"
    if bare not in lexicon()["months"] or short:
        return False  # abbreviations ("Jan", "Dec") stand alone only with a period
    cue = (match.groupdict().get("cue") or "").lower()
    if _cue_a_preposition(text, match) or not _that_opens(text, match):
        return False
    if cue or match.groupdict().get("mod") or match.groupdict().get("that"):
        return True
    if bare in lexicon()["ambiguous_months"]:
        if _span_mod_before().search(text, max(0, match.start() - 24), match.start()):
            return True  # "mid-March", "by early May", "the end of March": a modifier only a date takes
        return (
            _after_date_preposition(text, match.start()) or _names_an_event(text, match)
            or _after_an_opening_that(text, match.start())
            or (
                heads_a_list_item(text, match.start(), match.end()) and not word.isupper()
                and _among_dated_lines(text, match)
            )
        )  # "March: Russian forces besiege Mariupol" among other dated lines (not a speaker: "MAY: I thank ...")
    return not _first_name(text, match)


def _cue_a_preposition(text: str, match: re.Match[str]) -> bool:
    """ "the strike could go past September", "could stretch past Thanksgiving": the cue is a preposition and the
    date is found on its own; not in "will stay well past March's peak", a reading behind us."""
    cue = (match.groupdict().get("cue") or "").lower()
    return (
        cue in context_words()["preposition_cues"]
        and _after_a_going_verb(text, match.start())
        and not possessive_after(text, match.end())
    )


def _after_a_going_verb(text: str, start: int) -> bool:
    """Whether a verb of going on stands right before ``start``, or before "on"/"well" there ("could drag on", "run
    well")."""
    words = context_words()
    found = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if found is not None and found.group(1).lower() in words["preposition_cue_bridges"]:
        found = _WORD_BEFORE.search(text, max(0, found.start(1) - 40), found.start(1))
    return found is not None and found.group(1).lower() in words["preposition_cue_openers"]


DATED_LINES_REACH = 1500  # characters either side searched for the other lines of a dated list
OTHER_DATED_LINES = 2  # a list of dated lines around a month heading a line: at least this many others


@functools.cache
def _dated_line() -> re.Pattern[str]:
    day, month = macros()["day"], macros()["month"]
    return re.compile(
        rf"(?:^|\n)[ \t]*(?:[-*•·][ \t]*)?(?:{day}[ \t]+)?{month}\b\.?(?:[ \t]+{day})?,?[ \t]*[-–—:]", re.IGNORECASE
    )


def _among_dated_lines(text: str, match: re.Match[str]) -> bool:
    """Whether two other lines near the month's own open with a month or a date and a separator ("April - ...")."""
    line_start = text.rfind("\n", 0, match.start()) + 1
    line_end = text.find("\n", match.end())
    pattern = _dated_line()
    windows = [(max(0, line_start - DATED_LINES_REACH), max(0, line_start - 1))]
    if line_end >= 0:
        windows.append((line_end, line_end + DATED_LINES_REACH))
    found = (match for start, end in windows for match in pattern.finditer(text, start, end))
    return len(list(itertools.islice(found, OTHER_DATED_LINES))) == OTHER_DATED_LINES  # stop at the second


def _names_an_event(text: str, match: re.Match[str]) -> bool:
    """ "the Fed's May meeting", "at the March summit": "May"/"March" between a determiner and an event's noun, or
    before the noun of a month's figures ("May retail sales were strong")."""
    words = context_words()
    opened = word_before(text, match.start()) in words["noun_openers"] or possessive_before(text, match.start())
    after = word_after(text, match.end()).lower()
    if after in words["month_data_nouns"]:  # "the company's May sales", "May retail sales were strong"
        return opened or _opens_a_sentence(text, match.start())
    return opened and (after in words["event_nouns"] or after in words["scheduled_after_possessive"])


_CAPITALIZED_NEXT = re.compile(r" ([A-Z][a-z]+)\b")


def _first_name(text: str, match: re.Match[str]) -> bool:
    """ "April Ryan asked", "chief August Hanning said": a month right before a capitalized word, with no word
    dates take before it, is a first name."""
    after = _CAPITALIZED_NEXT.match(text, match.end())
    if after is None or after.group(1).lower() in lexicon()["months"] or after.group(1).lower() in (
        lexicon()["weekdays"]
    ):
        return False
    return not _after_date_preposition(text, match.start())


def after_a_date_preposition(text: str, match: re.Match[str]) -> bool:
    """ "in '96": a two-digit year only after a preposition dates take (not "'96 people died'"), and not an opening
    quote before a count ("an attack by '40 drones'")."""
    counted = next_word(text, match.end()).lower().rstrip("'’") in context_words()["counted_nouns"]
    return _after_date_preposition(text, match.start()) and not counted


def _after_date_preposition(text: str, start: int) -> bool:
    """ "in May", "on March 8": a preposition dates take, and not one that makes "may"/"march" a verb."""
    before = word_before(text, start)
    words = context_words()
    return before in words["date_prepositions"] and before not in words["ambiguous_month_not_after"]


def bare_year(text: str, match: re.Match[str]) -> bool:
    """A four-digit number is a year unless it counts things ("2014 troops") or is clearly not one."""
    year = year_value(match.group("year"))
    if text[max(0, match.start() - 1) : match.start()] == "/" or _PATH_NEXT.match(text, match.end()):
        return False  # a piece of a link or path ("example.com/2022/02/story"), not a year in the text
    if _CITATION_PAGE.search(text, max(0, match.start() - 6), match.start()):
        return False  # a page of a citation ("J Am Geriatr Soc. 2010;58(10):2043-4"), after its volume and issue
    if _DIGIT_GROUP_BEFORE.search(text, max(0, match.start() - 8), match.start()) or _DIGIT_GROUP_AFTER.match(
        text, match.end()
    ):
        return False  # a group of a phone or account number ("+48 22 523 2000", "0800 123 1990")
    if phrase(_STREET_AFTER, 0).match(text, match.end()) and word_before(text, match.start()) not in (
        context_words()["address_free_prepositions"] | context_words()["noun_openers"]  # "The 2008 Wall Street crash"
    ):
        return False  # a house number ("1600 Pennsylvania Avenue", "2000 Main St."), not "In 1999 Main Street was"
    before = word_before(text, match.start())
    coded = _CODE_BEFORE.search(text, max(0, match.start() - 30), match.start())
    if coded and coded.group(1).lower() in context_words()["not_year_before"]:
        return False  # "flight SU 2022", "route M 2019": an identifier after its code
    introduced = (
        before in context_words()["date_prepositions"]
        or bool(match.groupdict().get("mod"))
        or bool(_position_mod_before().search(text, max(0, match.start() - 24), match.start()))
    )
    if 1900 <= year <= 2099 and not text.startswith("-", match.end()):
        # "a 1996 law", "the company's 1989 results": a year used as an adjective
        adjective = (
            before in context_words()["indefinite_articles"] or before in context_words()["noun_openers"]
            or possessive_before(text, match.start())
        )  # fmt: skip
        introduced = introduced or adjective
    if before in context_words()["not_year_before"]:
        return False
    if year < 1800 and not introduced:
        return False
    after = word_after(text, match.end())
    if after and after[0].islower() and after not in context_words()["year_followers"] and not introduced:
        return False
    # "2014 troops" counts; "In 2014, troops entered" dates: only a noun right after the number counts it
    return next_word(text, match.end()).lower() not in context_words()["counted_nouns"]


_CITATION_PAGE = re.compile(r"[\d)]:\s?$")
_STREET_AFTER = r"(?:\s+[A-Z][a-z]+){1,2}\s+(?i:%street_words)\b"
_PATH_NEXT = re.compile(r"/(?:[A-Za-z]|\w+/)")
_CODE_BEFORE = re.compile(r"\b([A-Za-z]+)\s+[A-Z][A-Z0-9]{1,2}\s+$")
_DIGIT_GROUP_BEFORE = re.compile(r"(?<![\d,.])\d{2,4}[ \t]$")
_DIGIT_GROUP_AFTER = re.compile(r"[ \t]\d{2,4}(?![\d,.])")


def numeric_date(text: str, match: re.Match[str]) -> bool:
    return word_before(text, match.start()) not in context_words()["not_year_before"]


def short_date(text: str, match: re.Match[str]) -> bool:
    """ "on 24/2" is a date; "won 3/1", "a 1/3 share" are scores and fractions."""
    return word_before(text, match.start()) in context_words()["short_date_before"]


def season(text: str, match: re.Match[str]) -> bool:
    """Season words are also verbs and nouns ("the fall of Kabul", "spring water") and parts of names ("the Winter
    Olympics"): need a cue, year or preposition, and no capitalised name following a capitalised season."""
    word = original(text, match, "season")
    following = word_after(text, match.end())
    if word[0].isupper() and following[:1].isupper() and not match.groupdict().get("year"):
        return False  # "the Winter Olympics", "Summer Games", "the Winter Palace": part of a name
    if not _that_opens(text, match):
        return False
    if any(match.groupdict().get(name) for name in ("cue", "mod", "year")):
        return True
    before = word_before(text, match.start())
    after = word_after(text, match.end()).lower()
    words = context_words()
    timed = before in words["season_before"] and before not in words["season_before_noun"]  # "in the fall in Donbas"
    year_after = phrase(_YEAR_AFTER_IN, 0).match(text, match.end())
    untimed_in = after in words["season_timed_followers"] and not (timed or year_after)
    if after in words["season_noun_followers"] or untimed_in:
        return False  # "the fall of Kabul", "the fall in exports", "the spring in his step": nouns, not seasons
    if after in words["season_attributive_nouns"] and phrase(_ARTICLE_OPENING).match(match.group()):
        return False  # "for the fall semester": "the" is the semester's; the season is found alone
    if match.groupdict().get("that"):
        return True  # "That summer, ..."
    if before in words["season_links"]:  # "in summer and autumn": a second season after a first
        return phrase(_SEASON_THEN_LINK).search(text, max(0, match.start() - 20), match.start()) is not None
    if word[0].isupper() and after in words["season_subject_verbs"] and _opens_a_sentence(text, match.start()):
        return True  # "Spring arrived early this year", "Summer is coming"
    return before in words["season_before"] or _after_an_opening_that(text, match.start())


_SENTENCE_OPENING = re.compile(r"(?:^|[.!?]\s+|\n\s*)$")


def _opens_a_sentence(text: str, start: int) -> bool:
    """Whether ``start`` opens the text or a sentence (a few characters back only: "^" matches at the real start)."""
    return _SENTENCE_OPENING.search(text, max(0, start - 12), start) is not None


def _that_opens(text: str, match: re.Match[str]) -> bool:
    """A "that" a month or season match starts with must open its sentence and the clause ("That summer, ...",
    "That March the rebels ...", "That summer was the hottest"); in "said that summer was over" it is a conjunction,
    and in "That August meeting" it belongs to the noun: the name is judged alone (from the next character)."""
    if not match.groupdict().get("that"):
        return True
    following = word_after(text, match.end()).lower()
    words = context_words()
    after = (
        text[match.end() : match.end() + 1] == "," or bool(match.groupdict().get("year"))
        or possessive_after(text, match.end())  # "That summer's heat wave"
        or following in words["clause_openers_after_that"]
        or following in words["season_subject_verbs"]  # "That summer was the hottest"
    )
    return after and _opens_a_sentence(text, match.start())


def _after_an_opening_that(text: str, start: int) -> bool:
    """ "That spring offensive failed": a name after a sentence-opening "that" that goes with a noun after it (the
    name alone is the date)."""
    that = _THAT_BEFORE.search(text, max(0, start - 12), start)
    return that is not None and _opens_a_sentence(text, that.start())


_THAT_BEFORE = re.compile(r"\b[Tt]hat\s+$")


_YEAR_AFTER_IN = r"\s+%year_in_words\s+\d{4}\b"


_ARTICLE_OPENING = r"(?:%articles)\s"
_SEASON_THEN_LINK = r"%seasons\s+%season_links\s+$"


def reference(text: str, match: re.Match[str]) -> bool:
    word = match.groupdict().get("ref").lower()
    after = word_after(text, match.end()).lower()
    words = context_words()
    if word in words["ref_adjectives"] and after in words["ref_adjective_not_before"]:
        return False
    if word in words["counting_refs"] and phrase(r"\s+(?:\d|%numbers\b)").match(text, match.end()):
        return False  # "each of the past two seasons": a count of things follows, the reference is no date
    noun = _NOUN_AFTER.match(text, match.end())
    if (
        word in words["counting_refs"] and noun and noun.group(1) not in words["year_followers"]
        and word_before(text, match.start()) not in words["date_prepositions"]
    ):  # fmt: skip
        return False  # "the past president", "the future king": an adjective of the noun after it
    if after in words["ref_frame_words"] and word_before(text, match.start()) == after:
        return False  # "as recently as August": the date is August's
    if word_before(text, match.start()) in words["ref_superlatives"] and phrase(_DATE_LATER_IN_CLAUSE).match(
        text, match.end()
    ):
        return False  # "most recently last October", "most recently at a summit in March": the date is the time (not
        # "most recently at the embassy")
    if word not in words["discourse_refs"]:
        return True
    if _DISCOURSE_NOW.match(text, match.end()) and _opens_sentence(text, match.start()):
        return False  # "Now, he says, ...": a discourse marker opening the sentence, not a time
    return not (after in words["discourse_ref_not_before"] and word_before(text, match.start()) == "")


_DISCOURSE_NOW = re.compile(r"\s*,")
_NOUN_AFTER = re.compile(r"[ \t]+([a-z]+)\b(?![ \t]*[,.;:!?])")
_SENTENCE_START = re.compile(r"[.!?:\n][\"'”’)]*\s*[\"'“‘`]*\s*$")
_TEXT_START = re.compile(r"[\s\"'“‘`]*$")


def _opens_sentence(text: str, start: int) -> bool:
    """Whether only quotes and spaces stand between ``start`` and the end of the previous sentence (or the text)."""
    window = text[max(0, start - 12) : start]
    return bool(_SENTENCE_START.search(window)) or (start <= 12 and bool(_TEXT_START.match(window)))


def vague_unit(text: str, match: re.Match[str]) -> bool:
    """ "for years", "in months": a bare plural after a word that makes it a stretch of time ("decades-long" is
    one by itself)."""
    if match.group().endswith("-long"):
        return True
    words = context_words()
    before = word_before(text, match.start())
    if _OF_NEXT.match(text, match.end()):  # "after months of talks", not "days of the week"
        return before in words["vague_unit_before_of"]
    if before in words["measure_prepositions"]:  # "the first election in years", not "age in years", "years past"
        measured = phrase(_MEASURED_IN).search(text, max(0, match.start() - 30), match.start())
        return not measured and word_after(text, match.end()).lower() not in words["vague_unit_not_before"]
    if before in words["vague_unit_base_verbs"]:  # "would last months", not "in the last months"
        verb_start = match.start() - len(before) - 1
        return word_before(text, max(0, verb_start)) in words["vague_unit_verb_openers"]
    if word_after(text, match.end()).lower() in words["vague_unit_signals_after"]:
        return True  # "could be years away": a stretch from now
    if before in words["vague_unit_links"] and phrase(_UNIT_BEFORE_LINK).search(text, max(0, match.start() - 24),
                                                                                 match.start()):
        return True  # "weeks, not months", "for days or weeks": a second stretch after the first ("recent weeks and
        # months" is one expression in TimeBank)
    return before in words["vague_unit_before"]


_UNIT_BEFORE_LINK = r"\b%units,?\s+%vague_unit_links\s+$"  # "weeks, not ", "days or "


_MEASURED_IN = r"\b%measure_verbs\s+%measure_prepositions\s+$"  # "age in", "measured in" before the unit


def duration(text: str, match: re.Match[str]) -> bool:
    """Counts of units, but not money rates ("$5 a day" is a frequency) nor fractions ("three-quarters of")."""
    unit = (match.groupdict().get("unit") or "").lower()
    count = (match.groupdict().get("num") or "").lower()
    words = context_words()
    one = count in words["indefinite_articles"]
    fraction = word_after(text, match.end()).lower() in words["fraction_followers"]
    if unit in words["fraction_units"] and (fraction or one):
        return False
    if "unit" in match.groupdict() and match.group("unit") and original(text, match, "unit")[0].isupper():
        return False  # "60 Minutes": a title
    if unit in words["ordinal_units"] and one and word_after(text, match.end()):
        return False  # "a second time", "a second round": an ordinal, not one second
    if (one or count in words["single_counts"]) and unit.endswith("s") and not unit.endswith("ss"):
        return False  # "a decades-long feud": the article belongs to the noun, the plural is no count of one
    before = word_before(text, match.start())
    if one and (before in words["rate_words"] or _after_amount(text, match.start())):
        return False  # "$5 a year", "700 seats a week": a rate, tagged as a frequency (SET) instead
    if (match.groupdict().get("cue") or "").lower() in words["verb_cues"] and base_form_follows(text, match.start()):
        return False  # "will last one day": the verb; the count alone is found after it
    if (match.groupdict().get("num_low") or (count.isdigit() and not unit.endswith("s"))) and _month_before().search(
        text, max(0, match.start() - 12), match.start()
    ):  # "sentenced on Dec. 30 to 10 years", "the July 4 weekend": the figure is a date's day, not a count
        return False
    return text[max(0, match.start() - 1) : match.start()] not in ("$", "£", "€", "#")


@functools.cache
def _month_before() -> re.Pattern[str]:
    return re.compile(r"\b" + alternation(lexicon()["months"]) + r"\.?\s+$", re.IGNORECASE)


def frequency(text: str, match: re.Match[str]) -> bool:
    """ "a year" is a frequency only after an amount ("$5 a year", "twice a week"); "daily" is one on its own."""
    words = context_words()
    if match.group("freq").lower() in words["clause_end_frequencies"] and (
        _CLAUSE_GOES_ON.match(text, match.end()) or original(text, match)[0].isupper()
    ):
        return False  # "the quarterly dividend", "the China Quarterly": a report, a name; "pays quarterly." a set
    if match.group("freq").lower().split()[0] not in words["rate_words"]:
        return not _titled(text, match)
    if word_after(text, match.end()).lower() in words["rate_not_before"]:  # "meets a day later than usual": an offset
        return False
    if word_before(text, match.start()) in words["speed_units"]:  # "12 miles an hour": a speed
        return False
    return _after_amount(text, match.start())


_CLAUSE_GOES_ON = re.compile(r"[ \t]+[\w$]")
_DATE_LATER_IN_CLAUSE = r"[^,;.!?]{0,48}?\b(?:%ref_superlative_followers\s+\w|%months\b|%weekdays\b|\d{1,4}\b)"


def _titled(text: str, match: re.Match[str]) -> bool:
    """ "the Daily Telegraph", "writing in the Weekly Standard": a capitalized frequency word before a capitalized
    word inside a sentence is the first word of a name."""
    capitalized = original(text, match)[0].isupper() and _CAPITALIZED_NEXT.match(text, match.end()) is not None
    return capitalized and not _opens_sentence(text, match.start())


@functools.cache
def _amount_before() -> re.Pattern[str]:
    words = alternation(sorted(context_words()["rate_amount_before"]))
    # "200,000 tons of coke", "eight million barrels of oil"
    counted_goods = r"|(?:\d[\d,.]*|\b" + words + r")\s+(?:[a-z]+\s+)?[a-z]+s\s+of(?:\s+[a-z]+){1,2}"
    return re.compile(r"(?:\d%?|\b" + words + r"|[a-z]+s" + counted_goods + r")\s*$")


def _after_amount(text: str, start: int) -> bool:
    """Whether an amount ends just before ``start`` ("$1.76 a year", "twice a week", "700 seats a week", "200,000
    tons of coke a year")."""
    if word_before(text, start) in context_words()["not_amount_before"]:
        return False  # "as long as a month", "it takes a week"
    return bool(_amount_before().search(text[max(0, start - 45) : start].lower()))


def not_a_title(text: str, match: re.Match[str]) -> bool:
    """ "This Week" with both words capitalized mid-sentence is a programme or column title, not a date."""
    words = original(text, match).split()
    if len(words) < 2 or not all(w[0].isupper() for w in words):
        return True
    before = text[max(0, match.start() - 3) : match.start()]
    return not re.search(r"[\"“'’]\s*$|[a-z]\s+$", before)


_SEQUENCE_AFTER = r"\s+%sequence_after\b"


def shift_unit(text: str, match: re.Match[str]) -> bool:
    """Not a title ("This Week") and not the last of a sequence ("the last decade in which ...")."""
    if not not_a_title(text, match):
        return False
    words = original(text, match).lower().split()
    opening = " ".join([word_before(text, match.start()), *words][:3])
    the_last = phrase(r"\b%last_of_sequence\b").search(opening) is not None
    return not (the_last and phrase(_SEQUENCE_AFTER).match(text, match.end()))


def clock_24h(text: str, match: re.Match[str]) -> bool:
    """ "at 17:30", "10.32 GMT" are clock times; "finished in 2:03:59", "ran 1500m in 4:05" are race times."""
    before = word_before(text, match.start())
    if before in context_words()["not_year_before"]:
        return False
    if match.group("zone") is None and before in context_words()["elapsed_before"]:
        return False
    preposition_start = text.rfind(" ", 0, match.start() - 1) + 1  # of the "at" before "09.50"
    dotted = "." in match.group() and match.group("zone") is None
    if dotted and word_before(text, preposition_start) in context_words()["price_verbs"]:
        return False  # "shares closed at 09.50 in London": a price
    return int(match.group("hour")) <= 24


def clock_part_of_day(text: str, match: re.Match[str]) -> bool:
    """ "at 7 tonight" is a clock time; "killed 5 this morning" a count: a bare hour needs "at" (or the like)
    before it, unless minutes or "o'clock" make it a time."""
    if match.group("minute") or match.group("part") or phrase(r"%clock_words").search(match.group()):
        return True
    return word_before(text, match.start()) in context_words()["clock_prepositions"]


def half_of_year(text: str, match: re.Match[str]) -> bool:
    """ "second-half earnings" is a half-year; "a second-half goal", "scored twice in the second half" a match's."""
    if word_after(text, match.end()).lower() in context_words()["match_words"]:
        return False
    return bool(match.groupdict().get("year") or match.groupdict().get("unit")) or not _in_a_game(text, match)


def quarter_of_year(text: str, match: re.Match[str]) -> bool:
    """ "profit rose in the third quarter" is a quarter of the year; "scored 12 points in the third quarter" one of
    a game."""
    return bool(match.groupdict().get("year")) or not _in_a_game(text, match)


GAME_REACH = 100  # characters either side of a bare half or quarter searched for words of a game


def _in_a_game(text: str, match: re.Match[str]) -> bool:
    return phrase(r"\b%game_words\b").search(
        text, max(0, match.start() - GAME_REACH), min(len(text), match.end() + GAME_REACH)
    ) is not None


def clock_4digit(text: str, match: re.Match[str]) -> bool:
    """ "at 1900 GMT" is a clock time; "worked 2000 hours" is an amount: "hours" needs "at" before it."""
    if match.group("zone").lower() in context_words()["hours_words"]:
        return word_before(text, match.start()) in context_words()["clock_links"]
    return word_before(text, match.start()) not in context_words()["not_year_before"]


def quarter_code_bare(text: str, match: re.Match[str]) -> bool:
    """ "in Q3", "Gazprom's Q2 profit" are quarters; "the Audi Q3", "Q4 hall" are not."""
    words = context_words()
    if not original(text, match)[0].isupper():
        return False
    before = word_before(text, match.start())
    if before in words["quarter_code_before"] or possessive_before(text, match.start()):
        return True
    return word_after(text, match.end()).lower() in words["quarter_code_followers"]


def overnight(text: str, match: re.Match[str]) -> bool:
    """ "overnight" the adverb, not the adjective ("an overnight curfew", "works overnight shifts") or the figure
    ("almost overnight")."""
    words = context_words()
    if match.end() - match.start() == len("overnight") and word_after(text, match.end()).lower() in (
        words["overnight_nouns"]
    ):
        return False
    return word_before(text, match.start()) not in words["overnight_not_after"]


def holiday(text: str, match: re.Match[str]) -> bool:
    """Holiday names are proper nouns: "easter" in lower case is more likely a typo of "eastern" than a date."""
    return original(text, match, "holiday")[0].isupper() and not_a_name(text, match)


def not_a_name(text: str, match: re.Match[str]) -> bool:
    """ "the Sunday Times", "the Good Friday Agreement", "Bloody Sunday", "USA Today", "The Mail on Sunday" are
    names, not days; in "could drag past Friday" the day is found without the cue."""
    if _cue_a_preposition(text, match):
        return False
    words = context_words()
    after = word_after(text, match.end())
    joined = text[match.end() : match.end() + 1] == " "  # "Sunday Times", not "Sunday, Times ..."
    told = original(text, match)
    # a weekday is always capitalised: only its head shows a name ("the Sunday Times", not "filed Monday show")
    capitalised = after[:1].isupper() if told.lower() in lexicon()["weekdays"] else told[0].isupper()
    if joined and capitalised and after.lower() in words["name_heads_after_day"]:
        return False
    before = _WORD_BEFORE_NAME.search(text, max(0, match.start() - 20), match.start())
    if before and before.group(1)[0].isupper() and before.group(1).lower() in words["name_words_before_day"]:
        return False
    title = phrase(r"\b%titles_on_day $").search(text, max(0, match.start() - 24), match.start())
    return not (title and title.group().split()[1][0].isupper())  # "The Mail on Sunday", not "the mail on Sunday"


_WORD_BEFORE_NAME = re.compile(r"([A-Za-z]+) $")
_OF_NEXT = re.compile(r"\s+of\b")


def unit_not_a_name(text: str, match: re.Match[str]) -> bool:
    """ "the start of the Year of the Snake", "the end of the Decade of Action": a capitalised unit before "of"
    heads a name."""
    return not (original(text, match, "unit")[0].isupper() and _OF_NEXT.match(text, match.end()))


def ordinal_date(text: str, match: re.Match[str]) -> bool:
    """ "March eighth" is a date; "May first be heard" is a verb and a word: with a spelled-out day, "May" and
    "March" need a weekday, a year after them or a date preposition before them."""
    if not _month_word_ok(text, match):
        return False
    month = original(text, match, "month").rstrip(".").lower()
    if month not in context_words()["verb_months"] or match.group("weekday") or match.groupdict().get("year"):
        return True
    return _after_date_preposition(text, match.start())


_MODAL_BEFORE = r"\b%someday_modals\s+(?:[a-z]+\s+)?$"


def someday(text: str, match: re.Match[str]) -> bool:
    """ "will one day be", "hopes he one day follows", "may join NATO one day.": a time to come; "in the job one
    day" and "may stay for one day" are durations."""
    if word_before(text, match.start()) in context_words()["length_before"]:
        return False
    if phrase(_MODAL_BEFORE).search(text, max(0, match.start() - 30), match.start()):
        return True
    closing = _CLAUSE_END.match(text, match.end())
    return closing is not None and bool(phrase(_MODAL_IN_CLAUSE).search(text, max(0, match.start() - 50),
                                                                           match.start()))


_CLAUSE_END = re.compile(r"\s*(?:[.,;!?]|$)")
_MODAL_IN_CLAUSE = r"\b%someday_modals\b[^.,;!?]*$"


def noon(text: str, match: re.Match[str]) -> bool:
    """ "High Noon", "high noon comes today": the idiom and the film are no clock time; nor is "Noon" after a
    capitalized word other than a preposition ("the exercise Steadfast Noon", but "Polls Close At Noon")."""
    before = word_before(text, match.start())
    words = context_words()
    if before in words["noon_not_after"]:
        return False
    if match.groupdict().get("dayword") or match.groupdict().get("weekday") or before in words["noon_numbers"]:
        return True  # "Polls Close Noon Sunday", "at Twelve Noon": a headline's or a formal clock time
    named = original(text, match, "noon")[0].isupper() and _CAPITALIZED_WORD_BEFORE.search(
        text, max(0, match.start() - 40), match.start()
    )
    return not named or before in words["clock_prepositions"]


def midyear(text: str, match: re.Match[str]) -> bool:
    """ "by midyear" is a time; "the Mid-Year Economic and Fiscal Outlook" a title."""
    if not match.groupdict().get("mid"):
        return True
    return not (original(text, match, "mid")[0].isupper() and word_after(text, match.end())[:1].isupper())


_CAPITALIZED_WORD_BEFORE = re.compile(r"\b[A-Z][\w'’-]*\s+$")


def day_alone(text: str, match: re.Match[str]) -> bool:
    """ "on the 24th" is a day; "on the 24th floor", "the 5th century", "in the 3rd round" are not: a date preposition
    before it and, after it, punctuation or a linking word."""
    words = context_words()
    if word_before(text, match.start()) not in words["day_alone_before"]:
        return False
    following = next_word(text, match.end())
    return not following or following.lower() in words["day_alone_followers"]


def then_told(text: str, match: re.Match[str]) -> bool:
    """ "since then", "until then" point back at a date; "and then", "then-President", "back then" do not."""
    if text.startswith("-", match.end()):
        return False
    return word_before(text, match.start()) in context_words()["then_before"]


GUARDS: dict[str, Callable[[str, re.Match[str]], bool]] = {
    "month_case": month_case,
    "bare_month": bare_month,
    "bare_year": bare_year,
    "numeric_date": numeric_date,
    "short_date": short_date,
    "season": season,
    "reference": reference,
    "duration": duration,
    "vague_unit": vague_unit,
    "frequency": frequency,
    "clock_24h": clock_24h,
    "shift_unit": shift_unit,
    "clock_part_of_day": clock_part_of_day,
    "half_of_year": half_of_year,
    "quarter_of_year": quarter_of_year,
    "after_a_date_preposition": after_a_date_preposition,
    "clock_4digit": clock_4digit,
    "quarter_code_bare": quarter_code_bare,
    "overnight": overnight,
    "midyear": midyear,
    "holiday": holiday,
    "noon": noon,
    "someday": someday,
    "ordinal_date": ordinal_date,
    "day_alone": day_alone,
    "then_told": then_told,
    "not_a_name": not_a_name,
    "unit_not_a_name": unit_not_a_name,
}
