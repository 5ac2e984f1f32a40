"""Short chart labels built from actor, verb and object ("Gerasimov arrived in Belarus").

No parser: known names are first swapped for placeholders (so "The Chief of the General Staff of the
Russian Army, Valery Gerasimov," can shrink to "Gerasimov"), the date expression is cut with its
preposition, and the clause is split at clause boundaries; the part holding the date (else the main part)
is read as subject + verb group + object, using the small lexicons in ``resources/enrich/titles.yaml``.
When that reading fails the title is the trimmed clause, never empty and never over 80 characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from timeline.events.dating import participles
from timeline.events.gazetteer import Mention, load_yaml
from timeline.events.phrases import phrase, word_lists
from timeline.events.segment import relative_opening
from timeline.events.status import RELATIVE_CLAUSE, not_until, quoted_spans
from timeline.temporal.tense import not_past_forms, tense_cues

MAX_TITLE = 80
MAX_SUBJECT_WORDS = 8  # longer subjects are cut at their first preposition ("Senators from both ...")
_OPEN, _CLOSE, _TIMEX = "\ue000", "\ue001", "\ue002"
_SLOT = re.compile(f"{_OPEN}(\\d+){_CLOSE}")
_TOKEN = re.compile(f"{_OPEN}\\d+{_CLOSE}|{_TIMEX}|\\d[\\d,./]*\\d[\\w'’-]*|[\\w'’.-]+|[^\\w\\s]")  # "2021/22", "$60bn"


@dataclass(frozen=True)
class _Lexicon:
    aux: frozenset[str]
    future: re.Pattern[str]
    perfect: frozenset[str]
    verbs_s: frozenset[str]  # third-person forms
    verbs_past: frozenset[str]
    speech: frozenset[str]
    not_asserting: frozenset[str]  # speech verbs a title keeps ("denied")
    boundary: re.Pattern[str]
    openers: re.Pattern[str]
    leading: re.Pattern[str]
    intro: re.Pattern[str]  # "In the first weeks of the war, ": a scene-setting phrase up to its comma
    intro_relative: re.Pattern[str]  # "that ", "where ": a relative clause in or after that phrase
    aside: re.Pattern[str]  # ", including Italy's Giorgia Meloni,"
    aside_opener: re.Pattern[str]  # an aside's first words ("including"): it goes between dashes, verb or not
    head_cut: frozenset[str]
    determiners: frozenset[str]
    pronouns: frozenset[str]
    clause_subordinators: frozenset[str]
    event_prepositions: frozenset[str]  # of them, those that also take the event as a noun ("before a summit")
    date_preps: re.Pattern[str]
    titles: re.Pattern[str]


def _words(items: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(items, key=len, reverse=True))


def _inflect(base: str) -> tuple[str, str]:
    """(third person, past) of a regular verb."""
    if base.endswith(("s", "sh", "ch", "x", "z")):
        third = base + "es"
    elif base.endswith("y") and base[-2:-1] not in "aeiou":
        third = base[:-1] + "ies"
    else:
        third = base + "s"
    if base.endswith("e"):
        past = base + "d"
    elif base.endswith("y") and base[-2:-1] not in "aeiou":
        past = base[:-1] + "ied"
    else:
        past = base + "ed"
    return third, past


@cache
def lexicon() -> _Lexicon:
    data = load_yaml("titles.yaml")
    thirds, pasts = set(), set(data["irregular"])
    for base in data["verbs"]:
        third, past = _inflect(base)
        thirds.add(third)
        pasts.add(past)
        if re.search(r"[^aeiou][aeiou][pbtgm]$", base):
            pasts.add(base + base[-1] + "ed")  # "snatch" no, "ban" -> "banned"
    subordinators = load_yaml("event_types.yaml")["leading_subordinators"]
    titles = load_yaml("people.yaml").get("titles") or []
    return _Lexicon(
        aux=frozenset(data["auxiliaries"]),
        future=re.compile(rf"^(?:{_words(data['future'])})\b", re.I),
        perfect=frozenset(data["perfect"]),
        verbs_s=frozenset(thirds),
        verbs_past=frozenset(pasts),
        speech=frozenset(data["speech"]),
        not_asserting=frozenset(data["speech_not_asserting"]),
        boundary=re.compile(rf"(?:,\s*|\s+)(?:{_words(data['boundaries'])})\b", re.I),
        openers=re.compile(rf"^\s*(?:(?:{_words(data['openers'])})\b\s*,?\s*)+", re.I),
        # "After X, ...": the phrase up to its comma, not one inside a number ("killed 1,300 people")
        leading=re.compile(rf"^\s*(?:{_words(subordinators)})\b((?:[^,]|(?<=\d),(?=\d)){{0,120}}),(?!\d)", re.I),
        intro=re.compile(rf"^((?:{_words(data['intro_prepositions'])})\s[^,]{{1,80}}),\s+", re.I),
        intro_relative=re.compile(rf"\b(?:{_words(data['intro_relatives'])})\s+", re.I),
        aside=re.compile(rf",\s*(?:{_words(data['aside_openers'])})\s+[^,]+,", re.I),
        aside_opener=re.compile(rf"\s*(?:{_words(data['aside_openers'])})\s", re.I),
        head_cut=frozenset(data["head_cut"]),
        determiners=frozenset(data["determiners"]),
        pronouns=frozenset(data["pronouns"]),
        date_preps=re.compile(rf"(?:\b(?:{_words(data['date_prepositions'])})\s+)*{_TIMEX}", re.I),
        titles=re.compile(rf"(?:(?:{_words(titles)})\s+)+$", re.I),
        clause_subordinators=frozenset(data["clause_subordinators"]),
        event_prepositions=frozenset(data["event_prepositions"]),
    )


_DANGLING_THAT = r"\s+<complementizers>$"
_DATE_BEFORE = r"\b(?:<earlier_words>|<later_words>)\s+$"
# "2014 and 2015", "December 1 or 2", "1994-96 and 1999-2009", "March 24-25": more years or days that go with the
# date
_DATE_AFTER = (
    r"(?:[-–/]\d{2,4}\b)?\s*(?:,\s*)?<list_connectors>\s+\d{1,4}\b(?:[-–/]\d{2,4}\b)?"
    r"|[-–]\d{1,2}\b(?![-–/.,]?\d)"  # "March 24-25": the range's closing day
    r"|['’]s\b"  # "Last year's floods": the possessive goes with the date
)
# "The day after the invasion, Poland opened ...": a fronted offset's event goes with the date, up to the comma
_FRONTED_OFFSET = r"\s+<fronted_offset_links>\s+[^,;:]{1,80}(?=,)"


def make_title(text: str, timex: tuple[int, int] | None, mentions: list[Mention], antecedent: str = "") -> str:
    """A label of at most 80 characters for the clause ``text``.

    ``timex`` is the date expression's span within ``text`` (None when the clause has none);
    ``mentions`` are the accepted gazetteer mentions, as spans of ``text``. ``antecedent`` is the noun a
    relative clause cut off its sentence describes ("Crimea" for "which Russia annexed in 2014"): the title
    names it ("Russia annexed Crimea").
    """
    if antecedent:
        text, timex, mentions = _with_antecedent(text, timex, mentions, antecedent)
    if timex and not_until(text, timex[0]):
        timex = None  # "did not reopen until Monday": without its date the title would deny what happened
    marked, slots = _mark(text, timex, mentions)
    try:
        title = _structured(marked, slots)
    except (IndexError, ValueError):  # a reading that does not fit: fall back, never fail
        title = ""
    if len(title.split()) < 2:
        title = _fallback(marked, slots)
    return _finish(title) or _finish(" ".join(text.split())) or "(untitled)"


def _with_antecedent(
    text: str, timex: tuple[int, int] | None, mentions: list[Mention], antecedent: str
) -> tuple[str, tuple[int, int] | None, list[Mention]]:
    """The relative clause as a sentence about its noun: "who was elected in 2000" after "Putin" reads "Putin
    was elected in 2000", "which Russia annexed in 2014" after "Crimea" reads "Russia annexed in 2014 Crimea"
    (the date leaves the title)."""
    opening = relative_opening().match(text)
    cut = opening.end() if opening else 0
    rest = text[cut:]
    words = rest.split(None, 2)
    # "where Blinken hosted the ministers"
    if opening is not None and opening.group().strip().lower() in word_lists()["relative_adverbs"]:
        new, shift = rest, -cut  # a clause of its own: the place is no part of it
    elif opening is None or (words and _is_verb(words[0].lower())):  # the noun is the subject
        new, shift = f"{antecedent} {rest}", len(antecedent) + 1 - cut
    elif len(words) > 1 and words[0][0].isupper() and _is_verb(words[1].lower()):  # "which Russia annexed"
        new, shift = f"{rest.rstrip(' .;')} {antecedent}", -cut  # the noun is the object: after the verb
    else:  # "which he said involved ...": a reading too long to turn around; the clause without "which"
        new, shift = rest, -cut
    moved = [replace(m, start=m.start + shift, end=m.end + shift) for m in mentions if m.start >= cut]
    return new, (timex[0] + shift, timex[1] + shift) if timex and timex[0] >= cut else None, moved


def _mark(text: str, timex: tuple[int, int] | None, mentions: list[Mention]) -> tuple[str, list[Mention]]:
    spans: list[tuple[int, int, str]] = []
    quoted = timex is not None and (
        any(s <= timex[0] and timex[1] <= e for s, e in quoted_spans(text)) or _in_open_quote(text, timex[0])
    )
    if timex and 0 <= timex[0] < timex[1] <= len(text) and not quoted and not _heads_the_subject(text, *timex):
        start, end = _date_words(text, *timex)
        # a possessive date is the noun's determiner: "in Sunday's EU poll" -> "in the EU poll"
        spans.append((start, end, "the" if text.endswith(("'s", "’s"), start, end) else _TIMEX))
    slots: list[Mention] = []
    for m in mentions:
        if any(m.start < e and s < m.end for s, e, _ in spans) or m.category == "outlet":
            continue
        spans.append((m.start, m.end, f"{_OPEN}{len(slots)}{_CLOSE}"))
        slots.append(m)
    out = text
    for start, end, token in sorted(spans, reverse=True):
        out = out[:start] + token + out[end:]
    return " ".join(out.split()), slots


_DETERMINER_BEFORE = r"\b<subject_determiners>\s+$"
_VERB_AFTER = r"\s+(?:<be_have_auxiliaries>|<perfect_modals>|<subject_adverbs>)\b"


def _heads_the_subject(text: str, start: int, end: int) -> bool:
    """ "The autumn also brought bad news", "The July 4 weekend is expected to break records": the date is the
    subject's noun, and taking it out would leave "The also brought"; it stays in the title."""
    return bool(
        phrase(_DETERMINER_BEFORE).search(text, max(0, start - 6), start) and phrase(_VERB_AFTER).match(text, end)
    )


def _in_open_quote(text: str, at: int) -> bool:
    """ '"Last year we were firefighting', 'this year we are building,"' (a quotation cut at its semicolon): ``at``
    follows a quote never closed, or comes before a closing one never opened."""
    head, tail = text[:at], text[at:]
    return (
        head.count('"') % 2 == 1 or head.count("“") > head.count("”")
        or tail.count("”") > tail.count("“") or (tail.count('"') % 2 == 1 and head.count('"') % 2 == 0)
    )


def _date_words(text: str, start: int, end: int) -> tuple[int, int]:
    """The date expression with the words that only make sense with it: "earlier" before "this week", a second day
    or year listed after it ("December 1 or 2", "2014 and 2015"), and the event a fronted offset counts from ("The
    day after the invasion, ...")."""
    before = phrase(_DATE_BEFORE).search(text, 0, start)
    after = phrase(_DATE_AFTER, 0).match(text, end)
    if after is None and not text[:start].strip(" \t\n\"'“‘"):
        after = phrase(_FRONTED_OFFSET).match(text, end)
    return (before.start() if before else start), (after.end() if after else end)


#: Mention categories whose name before a person's title says whose office it is ("NATO Secretary General").
_OFFICE_HOLDERS = frozenset({"country", "demonym", "government", "organisation"})


def _render(text: str, slots: list[Mention]) -> str:
    """Placeholders back to names; a person loses the titles and country before it ("US President Joe
    Biden" -> "Biden")."""
    lex = lexicon()

    def name(m: re.Match[str]) -> str:
        mention = slots[int(m.group(1))]
        return mention.entities[0].label if mention.category == "person" else mention.text

    def strip_titles(m: re.Match[str]) -> str:
        head = text[: m.start()]
        cut = lex.titles.search(head)
        if cut:
            head = head[: cut.start()]
            # "US President Joe Biden", "Ukraine's Foreign Minister", "NATO Secretary General": whose office it is
            country = re.search(f"{_OPEN}(\\d+){_CLOSE}(?:['’]s)?\\s*$", head)
            if country and slots[int(country.group(1))].category in _OFFICE_HOLDERS:
                head = head[: country.start()]
        return head

    # strip titles before each person, working right to left so offsets stay valid
    for m in reversed(list(_SLOT.finditer(text))):
        if slots[int(m.group(1))].category == "person":
            text = strip_titles(m) + text[m.start() :]
    text = _SLOT.sub(name, text)
    return text.replace(_TIMEX, "")


_AGENT_ASIDE = r",\s*(?:\w+ed|<aside_participles>)\s+<agent_prepositions>\s+[^,]+,"  # ", led by Putin,"
_SPACED_DASH = re.compile(r"\s[-–—](?:\s|$)")
MAX_ASIDE = 100  # characters between two dashes that may be an aside


def _without_dash_asides(text: str) -> str:
    """ "officials in four regions - Luhansk, Donetsk, Kherson and Zaporizhzhia - said": an aside between spaced
    dashes with no verb leaves, and so does one opening with "including" ("Engineers - including a team that reviewed
    the data - said"); a clause between a dateline's dash and an aside's stays ("WASHINGTON - The Senate
    passed the bill - a victory for Dole - after ..." loses only "a victory for Dole")."""
    dashes = list(_SPACED_DASH.finditer(text))
    kept, cursor, index = [], 0, 0
    while index + 1 < len(dashes):
        opening, closing = dashes[index], dashes[index + 1]
        inner = text[opening.end() : closing.start()]
        if len(inner) <= MAX_ASIDE and (not tense_cues(inner) or lexicon().aside_opener.match(inner)):
            kept.append(text[cursor : opening.start()] + " ")
            cursor, index = closing.end(), index + 2
        else:
            index += 1
    return "".join(kept) + text[cursor:]


_AGE = re.compile(r"\b([A-Z][a-z]+),\s*\d{1,3},(?=\s)")  # "Tur, 38, has been fighting": a person's age


def _clean(text: str) -> str:
    lex = lexicon()
    text = lex.date_preps.sub("", text)
    text = _AGE.sub(r"\1", text)
    text = re.sub(r"\([^)]*\)", "", text)
    text = _without_dash_asides(text)
    text = phrase(_AGENT_ASIDE).sub(" ", text)
    text = lex.aside.sub(" ", text)
    text = _ROLE_APPOSITION.sub(_without_role, text)
    text = _bare_participle().sub(" ", text)  # "The referendums, held [from Sept. 23-27], were denounced"
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    return " ".join(text.split())


# A role between commas right after a name, then the verb: "Pushilin, head of the Moscow-backed Donetsk People's
# Republic, said", "Stoltenberg, NATO's secretary general, warned"
_ROLE_APPOSITION = re.compile(f"({_SLOT.pattern}),\\s*((?:[a-z]|{_OPEN})[^,]{{1,80}}),\\s+(?=([a-z]+))")


def _without_role(match: re.Match[str]) -> str:
    """The name alone when the apposition has no verb and a verb follows it."""
    role, verb = match.group(3), match.group(4)
    if tense_cues(_SLOT.sub("X", role)) or not tense_cues(verb):
        return match.group(0)
    return match.group(1) + " "


@cache
def _bare_participle() -> re.Pattern[str]:
    """A participle left alone between commas once its date went, before the main verb: ", held , were"."""
    return re.compile(rf",\s*(?:{participles()})\s*,(?=\s*\w)")


# The rest of a list of names after its first item's comma: "Unilever and Danone", "Unilever, Danone and Nestle"
_NAME = r"[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*)*"
_LIST_GOES_ON = rf"{_NAME}(?:\s*,\s*{_NAME})*,?\s+<list_connectors>\s+[A-Z]"


# "One year after Russian tanks crossed into Ukraine, sirens sounded": a fronted counted offset sets the scene
_FRONTED_OFFSET = r"^\s*(?:[\w-]+\s+){0,2}<offset_units>\s+<fronted_offset_links>\s[^,]{1,120},\s+"


def _strip_openers(text: str) -> str:
    lex = lexicon()
    previous = None
    while previous != text:
        previous = text
        text = lex.openers.sub("", text)
        lead = lex.leading.match(text) or phrase(_FRONTED_OFFSET).match(text)
        if lead and len(text[lead.end() :].split()) >= 3:
            text = text[lead.end() :]
        text = text.lstrip(" ,;:-–—")
        text = _without_lone_subordinator(text)
        # a short introductory phrase ending in a comma ("In all likelihood, ...")
        intro = re.match(r"^([A-Z][\w']*(?:\s+[\w']+){0,3}),\s+", text)
        listed = (  # the first name of a list, not a phrase before it
            intro is not None and all(word[0].isupper() for word in intro.group(1).split())
            and phrase(_LIST_GOES_ON, 0).match(text, intro.end()) is not None
        )
        if intro and not listed and _find_verb(["", *_tokens(intro.group(1))]) is None and not _apposed_subject(
            text, intro
        ):
            text = text[intro.end() :]  # not "The defenders surrendered, ...", nor "Nestle, Unilever and Danone"
        text = text[_scene_setting(text) :]
    return text


_COMMA = re.compile(r",\s*")
_APPOSITION_THEN_WORD = re.compile(r"(?:(?:[^,]|(?<=\d),(?=\d)){1,80},\s+)?([a-z]+)\b")  # "400,000" is one number


def _apposed_subject(text: str, intro: re.Match[str]) -> bool:
    """ "The Moskva, flagship of Russia's Black Sea Fleet, sinks", "The city's mayor, Igor Kolykhaev, said": a subject
    before its apposition and verb, not an opening phrase ("In all likelihood, ...", "On Tuesday, ...")."""
    if lexicon().intro.match(text):
        return False
    then = _APPOSITION_THEN_WORD.match(text, intro.end())
    return then is not None and _is_verb(then.group(1))


def _scene_setting(text: str) -> int:
    """Where the clause goes on after an opening phrase that only sets the scene, 0 when there is none: "In the first
    weeks of the war, ", "During talks in Istanbul that lasted three hours, ", "In Kharkiv, where shelling killed
    five, ". Not a phrase with a verb of its own before any relative word, nor one leaving under three words."""
    lex = lexicon()
    intro = lex.intro.match(text)
    if intro is None:
        return 0
    phrase = intro.group(1)
    relative = lex.intro_relative.search(phrase)
    head = phrase[: relative.start()] if relative else phrase
    if any(w in lex.aux or w in lex.verbs_past for w in map(str.lower, _tokens(head))):
        return 0  # "By the time troops arrived, ...": a clause ("talks" after "during" is a noun, not a verb)
    end = intro.end()
    if lex.intro_relative.match(text, end) and (comma := _COMMA.search(text, end)):
        end = comma.end()  # "In Kharkiv, where shelling killed five, "
    return end if len(text[end:].split()) >= 3 else 0


def _without_lone_subordinator(text: str) -> str:
    """A clause that is all subordinate ("after Hamas gunmen killed 1,300 people", cut off its main clause) is titled
    by what it tells: the event is the killing. One with a main clause after its comma keeps it (see ``leading``)."""
    lex = lexicon()
    first, _, rest = text.partition(" ")
    if first.lower() not in lex.clause_subordinators or lex.leading.match(text):
        return text
    tokens = _tokens(rest)
    verb = _find_verb(tokens)
    if len(tokens) >= 3 and verb is not None and verb > 0:
        return rest
    if first.lower() in lex.event_prepositions and tokens and tokens[0].lower() in lex.determiners:
        return rest  # "before a G7 meeting in Germany from June 26 to 28": the meeting is the event
    return text


def _focus(text: str) -> str:
    """The part of the clause the title describes: the one holding the date if it has a verb, else the main."""
    lex = lexicon()
    described = phrase(_DESCRIBED).match(text)
    if (
        described and not text[described.end() :].rstrip(" ,.;").count(",")  # the clause is one description
        and _find_verb(_tokens(described.group(1))) is None  # of a noun, not "Russia holds an election on ..., which"
    ):  # fmt: skip
        candidate = _strip_openers(_clean(_relative_as_clause(text[described.end(1) :], described.group(1))))
        if _find_verb(_tokens(candidate)) is not None:
            return candidate  # "Twitter, which Musk bought in October," -> "Musk bought Twitter"
    text = _drop_descriptions(text)
    lead = lex.leading.match(text)
    parts: list[str] = []
    rest = text
    if lead:
        parts.append(rest[: lead.end()])
        rest = rest[lead.end() :]
    cuts = [m.start() for m in lex.boundary.finditer(rest) if not _counted_offset(rest, m)]
    bounds = [0, *cuts, len(rest)]
    parts.extend(rest[a:b] for a, b in zip(bounds, bounds[1:], strict=False) if rest[a:b].strip())
    main_index = 1 if lead and len(parts) > 1 else 0
    main = _strip_openers(_clean(parts[main_index] if parts else text))
    # "When Russia withdrew in November, its forces blew up the bridge": the main clause's event is as dated
    same_time = bool(lead) and text.split(None, 1)[0].lower() in word_lists()["simultaneous_subordinators"]
    if same_time and _tells_an_act(main):
        return main
    for i, part in enumerate(parts):
        if _TIMEX in part and i != main_index and not _dates_an_attribution(part):
            candidate = _strip_openers(_strip_boundary(_clean(_relative_as_clause(part, parts[i - 1] if i else ""))))
            if len(candidate.split()) < 3:
                continue
            if _find_verb(_tokens(candidate)) is not None or (_OPEN in candidate and _OPEN not in main):
                return candidate
    return main


def _tells_an_act(clause: str) -> bool:
    """Whether a main clause tells an act of its own, with a subject that is no pronoun ("its forces blew up the
    bridge", not "It blew up the bridge") and a verb that is no bare "be" ("hundreds of shoppers were inside")."""
    tokens = _tokens(clause)
    verb = _find_verb(tokens)
    if verb is None or not tokens or tokens[0].lower() in lexicon().pronouns:
        return False
    after = tokens[verb + 1].lower() if verb + 1 < len(tokens) else ""
    state = tokens[verb].lower() in word_lists()["passive_auxiliaries"] and not (
        after.endswith("ed") or after in lexicon().verbs_past
    )
    return not state


_COUNT_BEFORE = r"\b(?:[\w-]+\s+)?<offset_units>\s*$"  # "a day", "two weeks", "hours"


def _counted_offset(text: str, boundary: re.Match[str]) -> bool:
    """ "The strikes came a day | after the ministers met": "after" here says how far from what, and the event it
    names belongs to the title; only a bare "after" opens a clause of its own."""
    link = boundary.group().strip(" ,").lower()
    counted = phrase(_COUNT_BEFORE).search(text, 0, boundary.start()) is not None
    return counted and link in word_lists()["fronted_offset_links"]


_ATTRIBUTION_END = re.compile(rf",\s*(?:\S+\s+){{1,5}}?(\w+)\s+(?:\w+\s+)?{_TIMEX}\W*$")


def _dates_an_attribution(part: str) -> bool:
    """ "..., AFP reported on Saturday.": the date closing the part is the report's, so the part tells nothing of the
    event the title names."""
    tail = _ATTRIBUTION_END.search(part)
    return tail is not None and tail.group(1).lower() in lexicon().speech


_NAME_AT_END = re.compile(f"({_OPEN}\\d+{_CLOSE})\\W*$")


def _relative_as_clause(part: str, before: str) -> str:
    """ "Gerasimov, | who arrived in Belarus on Wednesday, inspected troops": the dated part is the relative clause
    up to its closing comma, with the name it follows as its subject ("Gerasimov arrived in Belarus")."""
    opening = relative_opening().match(part.lstrip(" ,"))
    name = _NAME_AT_END.search(before)
    noun = name.group(1) if name else before.strip(" ,")  # "The trial, which began in October, lasted ..."
    if opening is None or not noun or len(noun.split()) > 4:
        return part
    body = part.lstrip(" ,")[opening.end() :].split(",")[0]
    tokens = _tokens(body)
    verb = _find_verb(["", *tokens])
    if verb is not None and verb > 1:  # "which Russian forces left in November": the noun is the object
        group, rest = _verb_group(tokens[verb - 1 :])
        return " ".join([*tokens[: verb - 1], *group, noun, *rest])
    return f"{noun} {body}"


_PARTITIVE = re.compile(r",\s+\w+\s+of\s")


def _drop_descriptions(text: str) -> str:
    """ "Ukraine's team, which included X and Y, demanded ...": a relative clause between the subject and its verb
    describes; the title goes on without it, as it does without one between dashes. One that holds the date, or ends
    where another clause begins ("in Mariupol, where hundreds sheltered, the council said"), stays."""

    def drop(match: re.Match[str]) -> str:
        following = text[match.end() :].split(None, 1)
        verb_next = bool(following) and _is_verb(following[0].lower().rstrip(".,;:!?"))
        between_dashes = match.group().lstrip()[:1] in "-–—"  # an aside whatever follows
        partitive = _PARTITIVE.match(match.group()) is not None  # ", many of whom ...,": about the noun before
        return " " if (verb_next or between_dashes or partitive) and _TIMEX not in match.group() else match.group()

    return phrase(RELATIVE_CLAUSE).sub(drop, text)


def _strip_boundary(text: str) -> str:
    m = lexicon().boundary.match(" " + text.lstrip(", "))
    return (" " + text.lstrip(", "))[m.end() :] if m else text


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _is_verb(word: str) -> bool:
    lex = lexicon()
    return word in lex.aux or word in lex.verbs_past or word in lex.verbs_s


def _find_verb(tokens: list[str]) -> int | None:
    """Index of the verb group: the first auxiliary or past form, else the first -s form (which is often a
    plural noun: "Russian forces attacked")."""
    lex = lexicon()
    lowered = [t.lower() for t in tokens]

    def plausible(i: int) -> bool:
        prev = lowered[i - 1] if i else ""
        nxt = lowered[i + 1] if i + 1 < len(lowered) else ""
        return (
            i > 0 and prev not in lex.determiners and prev not in word_lists()["infinitive_markers"]
            and nxt not in word_lists()["agent_prepositions"] and tokens[i].islower()
            and not tokens[i].startswith("-")  # "Moscow-backed": a compound's second half, no verb
        )  # fmt: skip

    relatives = {*word_lists()["relative_pronouns"], *word_lists()["relative_adverbs"]}
    # "hits the drama theatre in Mariupol, where hundreds were sheltering": the relative clause's verb comes last
    main = next((i for i in range(1, len(lowered)) if lowered[i - 1] == "," and lowered[i] in relatives), len(tokens))
    for limit in dict.fromkeys((main, len(tokens))):
        for i, word in enumerate(lowered[:limit]):
            past = word in lex.verbs_past or (len(word) > 4 and word.endswith("ed"))
            if (word in lex.aux or past) and plausible(i):
                # "Officials say the corridor will reopen": a saying before the auxiliary is the clause's verb
                return next((j for j in range(1, i) if lowered[j] in lex.speech and plausible(j)), i)
        for i, word in enumerate(lowered[:limit]):
            if word in lex.verbs_s and plausible(i):
                return i
    return None


def _structured(marked: str, slots: list[Mention]) -> str:
    lex = lexicon()
    quote = re.match(r'^\s*["“](.+?)[,.!?]?["”]\s*,?\s*(.*)$', marked)
    opened = re.match(r'^\s*["“]([^"”]+?)[,.;!?]?\s*$', marked) or re.match(r'^\s*([^"“]+?)[,.;!?]?["”]\W*$', marked)
    if quote is None and opened:  # a quotation cut at its semicolon: '"Last year we were firefighting'
        return f"“{_render(_clean(opened.group(1)), slots).strip(' ,.;')}”"
    if quote:
        attribution = quote.group(2).split(",")[0]  # not "..., when asked about the Russian advance"
        speaker = next(
            (slots[int(i)] for i in _SLOT.findall(attribution) if slots[int(i)].category not in _NO_SPEAKERS), None
        )
        said = _render(_clean(quote.group(1)), slots).strip(" ,.")
        inverted = _speaker_after_verb(quote.group(2), slots)
        if speaker is None and inverted:
            return f"{inverted[1]}: “{said}”"  # '"It's over," said Maria, 62, a retired nurse'
        if speaker is None:
            return f"“{said}”"
        return f"{_render(_SLOT.search(attribution).group(0), slots)}: “{said}”"
    clause = _focus(marked)
    tokens = _tokens(clause)
    if inverted := _speaker_after_verb(clause, slots):
        return f"{inverted[1]} {inverted[0]}"  # '"...," said one trader in London': "One trader in London said"
    v = _find_verb(tokens)
    if v is None:
        return _render(clause, slots)
    subject = _subject(tokens[:v], slots)
    group, rest = _verb_group(tokens[v:], pronoun=subject.lower() in lexicon().pronouns)
    if not subject:
        return _render(clause, slots)
    if rest and rest[0].lower() in word_lists()["complementizers"] and group and group[-1].lower() in lex.speech:
        said_tokens = _object(rest[1:])
        if _find_verb(said_tokens) is None:  # "said that the bridge": what was said goes on in the next clause
            return f"{subject} {' '.join(group)}"
        said = _render(_join(said_tokens), slots)
        if group[-1].lower() in lex.not_asserting:  # "Moscow denied it was responsible", never "Moscow: it was ..."
            return f"{subject} {' '.join(group)} {said}"
        return f"{subject}: {said}"
    obj = _object(rest)
    if not obj:
        return f"{subject} {' '.join(group)}" if _ends_in_verb(group) else subject
    title = f"{subject} {' '.join(group)} {_render(_join(obj), slots)}"
    short = _object(rest, lists=False)
    if short != obj and len(title) > MAX_TITLE:  # a list too long to show: its first item, marked as cut
        return f"{subject} {' '.join(group)} {_render(_join(short), slots)}…"
    return title


_VERB_THEN_SPEAKER = re.compile(r"^\W*([a-z]+)\s+([^,]+)")  # lower case: "State of the Union" is no saying


def _speaker_after_verb(text: str, slots: list[Mention]) -> tuple[str, str] | None:
    """(verb, speaker) of a saying whose speaker follows its verb ("said one trader in London", "said Maria, 62, a
    retired nurse"), up to the first comma; None when no saying verb opens ``text`` or a verb follows it ("said it
    was a matter of regret")."""
    found = _VERB_THEN_SPEAKER.match(text)
    if found is None or found.group(1) not in lexicon().speech or found.group(1) in lexicon().aux:
        return None
    if _find_verb(["", *_tokens(found.group(2))]) is not None:
        return None
    speaker = _render(_clean(found.group(2)), slots).strip(" ,.;:")
    return (found.group(1), speaker) if speaker else None


def _ends_in_verb(group: list[str]) -> bool:
    """Whether a verb group with no object still says what happened: "Talks ended", "The bridge to reopen",
    "The bridge was destroyed", "Tur has been fighting" (an auxiliary alone, "Russia has", does not)."""
    lex = lexicon()
    words = [w.lower() for w in group if not w.lower().endswith("ly")]  # "has largely dispersed": the adverb aside
    if len(words) >= 2 and words[-2] in word_lists()["infinitive_markers"]:
        return words[-1] not in lex.aux
    passive = len(words) >= 2 and words[-2] in lex.aux and len(words[-1]) > 4 and words[-1].endswith("ed")
    # "Tur has been fighting", "Talks are continuing"
    progressive = len(words) >= 2 and words[-2] in lex.aux and len(words[-1]) > 5 and words[-1].endswith("ing")
    present = len(words) == 1 and words[0] in lex.verbs_s  # "The Moskva sinks": a chronology's historic present
    past = bool(words) and (words[-1] in lex.verbs_past or (len(words[-1]) > 4 and words[-1].endswith("ed")))
    return bool(words) and (past or passive or present or progressive) and all(
        w in lex.aux or w in word_lists()["not_words"] for w in words[:-1]
    )


def _join(tokens: list[str]) -> str:
    """Tokens as text: no space before punctuation, nor inside "15-year", "Moscow-backed", "50.9%", "$5.23"."""
    joined = re.sub(r"\s+([,.;:!?'’])", r"\1", " ".join(tokens)).replace(" 's", "'s")
    joined = re.sub(r"([$£€¥₴₽])\s+(?=\d)", r"\1", joined)  # "$5.23", not "$ 5.23"
    joined = re.sub(r'"\s+([^"]*?)\s+"', r'"\1"', joined)  # '"complete siege"', not '" complete siege "'
    joined = re.sub(r"“\s+", "“", re.sub(r"\s+”", "”", joined))
    return re.sub(r"\s+(?=-\w|%)", "", joined)


def _subject(tokens: list[str], slots: list[Mention]) -> str:
    """The subject, shrunk to the names it holds when it is long or an apposition names a person."""
    lex = lexicon()
    closed = bool(tokens) and tokens[-1] == ","  # "The Moskva, flagship of the fleet," before its verb
    while tokens and tokens[-1] in ",;:":
        tokens = tokens[:-1]
    ids = [int(m.group(1)) for t in tokens for m in [_SLOT.fullmatch(t)] if m]
    people = [i for i in ids if slots[i].category == "person"]
    text = _join(tokens)
    if people:
        last = tokens.index(f"{_OPEN}{people[-1]}{_CLOSE}")
        apposition = last > 0 and tokens[last - 1] == ","
        bare = _render(text, slots).strip()
        if apposition or bare == slots[people[-1]].entities[0].label:
            return slots[people[-1]].entities[0].label
        return bare
    if apposed := _apposed_name(tokens):
        return apposed  # "The mayor of Melitopol, Ivan Fedorov" -> "Fedorov"
    listed = any(t.lower() in word_lists()["list_connectors"] for t in tokens)
    if len(tokens) > 2 and tokens[1] == "," and _SLOT.fullmatch(tokens[0]) and not listed:
        return _render(tokens[0], slots)  # "Mariupol, a city of 400,000 people," -> "Mariupol"
    if listed and _list_end(tokens, 1) == len(tokens):
        return _render(text, slots)  # "Russia, Belarus and Syria"
    comma = tokens.index(",") if "," in tokens else 0
    if (
        closed and 0 < comma <= 3 and tokens[0].lower() in word_lists()["possessive_pronouns"]
        and comma + 2 < len(tokens) and tokens[comma + 1].lower() in word_lists()["definite_articles"]
        and any(token[:1].isupper() for token in tokens[comma + 2 :])  # a name in it, not "the eldest of three"
    ):  # fmt: skip
        # "Its flagship, the cruiser Moskva," -> "The cruiser Moskva": the apposition names what "its" leaves open
        apposition = _render(_join(tokens[comma + 1 :]), slots)
        return apposition[:1].upper() + apposition[1:]
    if closed and 0 < comma <= 4 and not listed and comma + 1 < len(tokens) and tokens[comma + 1][:1].islower():
        return _render(_join(tokens[:comma]), slots)  # "The Moskva, flagship of the fleet" -> "The Moskva"
    if len(tokens) == 2 and tokens[0].lower() in lex.determiners and _SLOT.fullmatch(tokens[1]):
        return _render(tokens[1], slots)  # "the US" -> "US"
    if len(tokens) <= MAX_SUBJECT_WORDS:
        return _render(text, slots)
    for i, word in enumerate(tokens):
        if i and word.lower() in lex.head_cut:
            return _render(_join(tokens[:i]), slots)
    named = [slots[i] for i in ids if slots[i].category in ("country", "organisation", "government")]
    if named and not any(t in ("'s", "’s") for t in tokens):
        *others, last_name = dict.fromkeys(m.text for m in named)
        return f"{', '.join(others)} and {last_name}" if others else last_name
    return _render(text, slots)


def _apposed_name(tokens: list[str]) -> str:
    """The surname of a person no gazetteer holds, named in apposition at the end of a subject ("The head of the
    regional administration, Oleh Synehubov"): two or three capitalised words after a comma, after a lower-case
    word ("the mayor of Melitopol, Ivan Fedorov"; not a list of places "Ukraine, Moldova and Georgia")."""
    if "," not in tokens:
        return ""
    comma = len(tokens) - 1 - tokens[::-1].index(",")
    name, before = tokens[comma + 1 :], tokens[:comma]
    if not 2 <= len(name) <= 3 or not all(w[:1].isupper() and w.isalpha() for w in name):
        return ""
    return name[-1] if any(w.islower() for w in before) else ""


def _verb_group(tokens: list[str], pronoun: bool = False) -> tuple[list[str], list[str]]:
    """Split the verb group from the rest; rewrite future and perfect forms headline-style (not after a
    pronoun: "He will speak")."""
    lex = lexicon()
    text = " ".join(tokens)
    future = None if pronoun else lex.future.match(text)
    if future:
        rest = _tokens(text[future.end() :])
        negated = bool(rest) and rest[0].lower() in word_lists()["not_words"]  # "will not give up" -> "not to give up"
        if negated:
            rest = rest[1:]
        if rest:
            return (["not", "to", rest[0]] if negated else ["to", rest[0]]), rest[1:]
    i = 0
    while i < len(tokens) and (
        tokens[i].lower() in lex.aux or tokens[i].lower() in word_lists()["verb_group_adverbs"]
        or tokens[i].lower().endswith("ly")
    ):
        i += 1
    group = (
        tokens[: i + 1]
        if i < len(tokens)
        and _is_verb(tokens[i].lower())
        or (i < len(tokens) and tokens[i].lower().endswith(("ed", "ing")))
        else tokens[: max(i, 1)]
    )
    rest = tokens[len(group) :]
    if len(group) == 2 and group[0].lower() in lex.perfect and group[1].lower().endswith("ed"):
        group = group[1:]
    return group, rest


_QUOTES = frozenset({'"', "“", "”"})
_NO_SPEAKERS = frozenset({"region", "city"})  # '"It's over," said Maria, a nurse from Bakhmut': not Bakhmut


_OBJECT_ENDS = frozenset({",", ";", ":", "(", ")", "—", "–", "."})
MAX_LIST_ITEM_TOKENS = 3  # "Kyiv, Lviv and Odesa", "banks, oligarchs and top officials": short names, no clauses


def _list_item(tokens: list[str], start: int) -> int | None:
    """Where a short list item starting at ``start`` ends (exclusive), or None when it is no item: empty, long, or
    holding a verb ("Russia struck Kyiv, killing three, and the UN condemned it")."""
    end = start
    while end < len(tokens) and tokens[end] not in _OBJECT_ENDS and tokens[end] != _TIMEX:
        if tokens[end].lower() in word_lists()["list_connectors"]:
            break
        end += 1
    words = [t.lower() for t in tokens[start:end]]
    if not words or len(words) > MAX_LIST_ITEM_TOKENS or any(_is_verb(w) or w.endswith(("ing", "ed")) for w in words):
        return None
    return end


def _list_end(tokens: list[str], comma: int) -> int | None:
    """ "struck Kyiv, Lviv and Odesa": where the list that the comma at ``comma`` continues ends, or None when the
    comma ends the object instead."""
    at = comma
    while at < len(tokens) and tokens[at] == ",":
        start = at + 1
        if start < len(tokens) and tokens[start].lower() in word_lists()["list_connectors"]:  # "Kyiv, Lviv, and Odesa"
            return _list_item(tokens, start + 1)
        at = _list_item(tokens, start)
        if at is None:
            return None
        if at < len(tokens) and tokens[at].lower() in word_lists()["list_connectors"]:
            return _list_item(tokens, at + 1)
    return None


def _object(tokens: list[str], lists: bool = True) -> list[str]:
    """The object up to the next punctuation, without trailing function words; a list of short items stays ("struck
    Kyiv, Lviv and Odesa"), and so does a quoted phrase inside it ('ordered a "complete siege" of the enclave'); a
    quote left open ends it."""
    lex = lexicon()
    out: list[str] = []
    at = 0
    while at < len(tokens):
        token = tokens[at]
        if token == "," and out and lists and (end := _list_end(tokens, at)) is not None:
            out += tokens[at:end]
            at = end
            continue
        if token in _OBJECT_ENDS or token == _TIMEX:
            break
        out.append(token)
        at += 1
    if sum(token in _QUOTES for token in out) % 2:
        out = out[: max(i for i, token in enumerate(out) if token in _QUOTES)]
    while out and (out[-1].lower() in lex.determiners or out[-1].lower() in word_lists()["dangling_words"]):
        out.pop()
    return out


def _fallback(marked: str, slots: list[Mention]) -> str:
    return _render(_strip_openers(_clean(marked)), slots)


def finish(title: str) -> str:
    """A title tidied and cut to at most 80 characters (at a word, with "…")."""
    return _finish(title)


def with_what_was_said(title: str, content_title: str) -> str:
    """ "Sullivan said" with content "Steps the West had held back were on the table" reads "Sullivan: Steps the West
    had held back were on the table", so the saying tells what was said; "Moscow denied" keeps its verb ("Moscow
    denied it was responsible"). Only a bare saying ("<who> <speech verb>", at most five words); any other title
    stays as it is."""
    words = title.split()
    if not content_title or not 2 <= len(words) <= 5 or words[-1].lower() not in lexicon().speech:
        return title
    lex = lexicon()
    head = words[:-1]
    while head and head[-1].islower() and (head[-1] in lex.aux or head[-1].endswith("ly")):
        head = head[:-1]  # "Russia has said": the speaker is "Russia"; "Theresa May said" keeps "May"
    speaker = " ".join(head)
    if not speaker or speaker.lower() in lex.pronouns:
        return title
    content = content_title.rstrip("…")
    if words[-1].lower() in lex.not_asserting:  # "Moscow denied it was responsible", never "Moscow: it was ..."
        first = content.split(maxsplit=1)[0] if content else ""
        if first.lower() in lex.pronouns | lex.determiners:
            content = first.lower() + content[len(first) :]
        return finish(f"{' '.join(words)} {content}")
    return finish(f"{speaker}: {content}")  # headline style: capital after the colon


_COORDINATED = r"^\W*<coordinators>\s+"


_GAPPED = r"^\W*(?:<and_words>\s+)?(<gap_prepositions>)\s"


def _gapped(title: str, clause_text: str, previous_title: str) -> str | None:
    """ "Scholz will travel to Kyiv on Monday and | to Moscow on Tuesday": the second clause leaves out the first's
    subject and verb, so "To Moscow ..." becomes "Scholz to travel to Moscow ..."."""
    gap = phrase(_GAPPED).match(clause_text)
    words = title.split()
    if gap is None or not words or words[0].lower() != gap.group(1).lower():
        return None
    before = previous_title.split()
    # the first title's own phrase with that preposition is its last one: "Scholz to travel |to Kyiv"
    lead = max((i for i in range(2, len(before)) if before[i].lower() == words[0].lower()), default=None)
    if lead is None or ":" in previous_title:
        return None
    return finish(" ".join(before[:lead]) + " " + words[0].lower() + title[len(words[0]) :])


def with_shared_subject(
    title: str, clause_text: str, previous_title: str, *, after_description: bool = False, subject: str = ""
) -> str:
    """ "NATO leaders met on Thursday | and extended Stoltenberg's term until 2023": the second clause's subject is
    the first's, so its title "Extended Stoltenberg's term" becomes "NATO leaders extended Stoltenberg's term";
    "... and | to Moscow on Tuesday" takes the first's subject and verb too. Only a clause joined by
    "and"/"but"/"then" (or following a description of the subject, ``after_description``) whose title opens with its
    verb, or a gapped one opening with the same preposition as the first; else ``title`` unchanged. ``subject``, when
    given, is the noun the description was about ("Kherson, which Russian forces left in November, | came under
    fire": Kherson came under fire, not the forces)."""
    gapped = _gapped(title, clause_text, previous_title)
    if gapped:
        return gapped
    words = title.split()
    first = words[0].lower() if words else ""
    lex = lexicon()
    opens_with_verb = (
        first in lex.aux
        or first in lex.verbs_past
        or (len(first) > 4 and first.endswith("ed") and first not in not_past_forms())  # not "Allied leaders"
    )
    # "The war, which started in 2014, | has killed ...": after a description of its subject, the clause goes on
    continues = after_description or phrase(_COORDINATED).match(clause_text)
    if not continues or not opens_with_verb:  # not an -s form: "Talks resumed" has a subject
        return title
    if subject:
        return finish(f"{subject} {words[0].lower()}{title[len(words[0]):]}")
    before = previous_title.split()
    verb = _find_verb(before)
    if not verb or verb > 4 or before[0].lower() in lex.aux or any(":" in w for w in before[:verb]):
        return title
    return finish(" ".join(before[:verb]) + " " + words[0].lower() + title[len(words[0]) :])


_DESCRIBED = r"^\s*(.{1,80}?),\s+(?:<relative_pronouns>)\s"


def described_subject(description: str, mentions: list[Mention]) -> str:
    """The noun a description between commas is about, as a title would name it: "Kherson" for "Kherson, which
    Russian forces left in November,", "Johnson" for "Britain's Prime Minister Boris Johnson, who travelled to Kyiv
    in April,"; "" when the clause opens with no such noun."""
    found = phrase(_DESCRIBED).match(description)
    if found is None:
        return ""
    inside = [m for m in mentions if m.end <= found.end(1)]
    marked, slots = _mark(found.group(1), None, inside)
    return _subject(_tokens(marked), slots)


# Markdown that must not reach a chart label: emphasis and code marks, heading and quote marks, table pipes.
_MARKUP = re.compile(r"[*`]+|(?<!\w)_+|_+(?!\w)|^\s*(?:#{1,6}|>)\s+|\s*\|\s*")


def _finish(title: str) -> str:
    title = _MARKUP.sub(" ", title.replace(_TIMEX, ""))
    title = " ".join(title.split()).strip(" ,;:-–—")
    title = re.sub(r"\s+([,.;:!?])", r"\1", title)
    title = phrase(_DANGLING_THAT).sub("", title.rstrip("."))  # "Zelenskyy said that" -> "Zelenskyy said"
    if not title:
        return ""
    title = title[0].upper() + title[1:]
    if len(title) <= MAX_TITLE:
        return title
    cut = title[: MAX_TITLE - 1]
    if " " in cut:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:-–—") + "…"
