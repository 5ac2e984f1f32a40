"""From articles to the events frame.

Per article (pure, picklable, so callers may run articles in parallel):
clean (drop boilerplate lines) -> split sentences -> tag dates once over the whole text (relative
dates anchor across sentences) -> find each sentence's anchors -> cut clauses -> date each clause
(its own anchor, else narrative continuation or the publication date, per the settings) -> status
-> enrichment (actors, places, type, figures, title). Across articles: clustering, then the
schema's validation, so every frame that leaves here honours the contract.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace

import pandas as pd

from timeline import schema
from timeline.article import Article
from timeline.events import actors, dating, referents, segment, status, titles
from timeline.events.cluster import cluster
from timeline.events.dating import Anchor, DatedClause, Narrative
from timeline.events.enrich import enrich
from timeline.events.gazetteer import find_mentions, load_yaml
from timeline.ingest.dateline import find_dateline
from timeline.temporal import Timex, infer_publication_date, tag
from timeline.temporal.calendar import format_date
from timeline.temporal.lists import heads_a_list_item
from timeline.temporal.tense import PARAGRAPH_BREAK
from timeline.text import clean, sentences

#: What to do with a clause that has no date of its own.
UNDATED_MODES: tuple[str, ...] = ("keep", "continue", "drop")


class SettingsError(ValueError):
    """A pipeline setting has a value the pipeline does not know; the message lists the valid ones."""


@dataclass(frozen=True)
class PipelineSettings:
    """How the pipeline treats what the text leaves open.

    ``undated``: "continue" (the default, which the app, the CLI and the evaluator use) continues
    an earlier date when the narrative clearly carries it on (``date_basis`` "continued"; the rules
    are conservative, see :func:`timeline.events.dating.continued`), else dates the clause at
    publication (``date_basis`` "publication"); "keep" always dates it at publication; "drop"
    leaves such clauses out.
    ``dayfirst``: read 03/04/2022 as 3 April (True) or March 4 (False).
    """

    undated: str = "continue"
    dayfirst: bool = True

    def __post_init__(self) -> None:
        if self.undated not in UNDATED_MODES:
            raise SettingsError(f"undated={self.undated!r} is not a mode; use one of {', '.join(UNDATED_MODES)}")


def _event_id(article_id: str, clause: segment.Clause, anchor: Anchor | None) -> str:
    timex = f"{anchor.start}:{anchor.end}" if anchor else "-"
    key = f"{article_id}:{clause.start}:{clause.end}:{timex}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


# A live blog's entry time opening a line ("09:30 U.S. President Joe Biden spoke ...", "14:10" over its entry): when
# the entry was posted, no event of its own and no date of what it reports. A clock and a zone or meridiem at most,
# then the line's end or a sentence after a space, dash or colon.
_ENTRY_TIME = re.compile(r"\d{1,2}[:.]\d{2}(?:\s*[A-Za-z.]{1,5})?")
_ENTRY_END = re.compile(r"[ \t]*(?:[-–—:|][ \t]*)?(?:\n\s*|(?=[A-Z\"“‘'])|$)")
_LINE_START = re.compile(r"(?:^|\n)[ \t]*$")


def _after_entry_time(text: str, start: int, end: int, timexes: list[Timex]) -> int:
    """Where the sentence at ``start`` begins once a live blog's entry time opening it is cut off (``start`` when
    there is none)."""
    first = timexes[0] if timexes else None
    if (
        first is None or first.type != "TIME" or first.basis not in ("relative_publication", "relative_previous")
        or text[start : first.start].strip() or not _LINE_START.search(text, max(0, first.start - 80), first.start)
        or not _ENTRY_TIME.fullmatch(first.text)
    ):  # fmt: skip
        return start
    after = _ENTRY_END.match(text, first.end, end)
    return after.end() if after else start


# A transcript's speaker label opening a line ("ANCHOR:", "CORRESPONDENT:", "JOHN SMITH (CNN):")
_SPEAKER_LABEL = re.compile(r"(?:[A-Z][A-Z.'’-]*[ \t]+){0,3}[A-Z][A-Z.'’-]+(?:[ \t]*\([^)\n]{1,40}\))?:[ \t]+")


def _after_speaker_label(text: str, start: int, end: int) -> int:
    """Where the sentence at ``start`` begins once a transcript's speaker label opening its line is cut off: who
    speaks is no part of the event ("CORRESPONDENT: Zelensky accused Russia ...")."""
    if not _LINE_START.search(text, max(0, start - 80), start):
        return start
    label = _SPEAKER_LABEL.match(text, start, end)
    return label.end() if label else start


def _is_date_only(text: str, start: int, end: int, anchors: list[Anchor]) -> bool:
    """A line that is nothing but a date (a dateline) states no event."""
    rest = text[start:end]
    for anchor in sorted(anchors, key=lambda a: a.start, reverse=True):
        rest = rest[: anchor.start - start] + rest[anchor.end - start :]
    return bool(anchors) and not re.search(r"[A-Za-z]{2,}", rest)


MAX_ATTRIBUTION_WORDS = 4
_QUOTE_BEFORE = re.compile(r"[\"”’'],?\s*$")  # a quotation closed right before the clause
_WORDS = re.compile(r"[\w'’-]+")


def _is_bare_attribution(clause_text: str) -> bool:
    """A clause that only says who said something ("she says.", "the minister said."): after a quotation, no event
    of its own (before its content, "Apple Corps claims | that ...", it is the claim)."""
    if not 0 < len(_WORDS.findall(clause_text)) <= MAX_ATTRIBUTION_WORDS:
        return False
    cues = status.find_cues(clause_text)
    return len(cues) == 1 and cues[0].status == "reported" and not _WORDS.search(clause_text, cues[0].end)


def _provenance(article: Article, published: dt.date | None, basis: str) -> dict:
    return {
        "article_id": article.article_id,
        "article_title": article.title,
        "source": article.source,
        "origin": article.origin,
        "url": article.url,
        "published": published,
        "published_basis": basis,
    }


#: The days a frame can hold (pandas' nanosecond timestamps run from 1677-09-21 to 2262-04-11).
HOLDABLE = (dt.date(1678, 1, 1), dt.date(2261, 12, 31))


def _timex_fields(timex: Timex) -> dict:
    """The columns that say which expression dated a clause (or left it unresolved: "The day" of "the day after the
    invasion"), for provenance."""
    return {
        "timex_text": timex.text,
        "timex_start": timex.start,
        "timex_end": timex.end,
        "timex_type": timex.type,
        "timex_value": timex.value,
        "timex_anchor": timex.anchor,
        "timex_rule": timex.rule,
    }


def _date_fields(anchor: Anchor) -> dict:
    """The date columns of a clause dated by its own expression.

    A date the frame cannot hold ("the 11th century", year 1000) keeps its timex and precision but
    gets no start/end and the basis "unresolved", rather than being dropped or crashing the frame.
    """
    holdable = HOLDABLE[0] <= anchor.first and anchor.last <= HOLDABLE[1]
    return {
        **_timex_fields(anchor.timex),
        # the anchor's words and value take in what joined the expression ("two days after ... 5 January")
        "timex_text": anchor.text,
        "timex_start": anchor.start,
        "timex_end": anchor.end,
        "timex_value": anchor.value,
        "date_basis": anchor.basis if holdable else "unresolved",
        "start": anchor.first if holdable else None,
        "end": anchor.last if holdable else None,
        "precision": anchor.precision,
    }


def _fallback_fields(dated: DatedClause) -> dict:
    return {
        "timex_text": "",
        "timex_start": -1,
        "timex_end": -1,
        "timex_type": "",
        "timex_value": "",
        "timex_anchor": "",
        "timex_rule": "",
        "date_basis": dated.basis,
        "start": dated.first,
        "end": dated.last,
        "precision": dated.precision,
    }


def _undated(
    clause_text: str, tense: str | None, narrative: Narrative, sentence: int, published: dt.date | None, mode: str
) -> DatedClause | None:
    """The date of a clause with no anchor: continued, at publication, unresolved, or None to drop it."""
    if mode == "drop":
        return None
    if mode == "continue":
        previous = dating.continued(narrative, clause_text, tense, sentence, published)
        if previous is not None:
            return DatedClause(previous.first, previous.last, previous.precision, "continued")
    if published is None:
        return DatedClause(None, None, "unknown", "unresolved")
    return DatedClause(published, published, "day", "publication")


def _from_earlier_event(
    text: str, offset: Timex, clause_end: int, earlier: list[dict], referred: list[tuple[str, dict]]
) -> dict | None:
    """The date columns of a clause counted from an event an earlier sentence dated ("Two days after the attack",
    the attack dated before); None when no earlier row is that event. ``referred`` remembers each phrase resolved."""
    counted = dating.event_offset(text, offset, clause_end)
    row = referents.referent(counted.phrase, earlier, referred) if counted else None
    span = dating.shifted_by(row["start"], counted) if counted and row else None
    if counted is None or row is None or span is None:
        return None
    referred.append((counted.phrase, row))
    first, last, precision = span
    return {
        "timex_text": text[offset.start : counted.end],
        "timex_end": counted.end,
        "timex_value": format_date(first, precision),
        "timex_anchor": row["start"].isoformat(),
        "date_basis": "relative_previous",
        "start": first,
        "end": last,
        "precision": precision,
    }


def _since_earlier_event(
    text: str, sentence: _Sentence, earlier: list[dict], referred: list[tuple[str, dict]]
) -> Anchor | None:
    """ "8 million have fled since the invasion", the invasion dated in an earlier sentence: a date like "since 24
    February" (the clause then runs from it to publication). None when the phrase names no earlier row."""
    span = dating.since_event(text, sentence.start, sentence.end)
    if span is None or any(a.start < span[1] and span[0] < a.end for a in sentence.anchors):
        return None
    return _on_earlier_row(text, span, text[span[0] : span[1]], earlier, referred)


def _soon_after_earlier_event(
    text: str, sentence: _Sentence, earlier: list[dict], referred: list[tuple[str, dict]]
) -> Anchor | None:
    """ "Obama spoke at the White House shortly after the ruling", the ruling dated in an earlier sentence: the
    clause is on the ruling's day (its month, if that is all the article gives). None when no earlier row is it."""
    found = dating.soon_after_event(text, sentence.start, sentence.end)
    if found is None or any(a.start < found[1] and found[0] < a.end for a in sentence.anchors):
        return None
    start, end, (event_start, event_end) = found
    return _on_earlier_row(text, (start, end), text[event_start:event_end], earlier, referred)


def _on_earlier_row(
    text: str, span: tuple[int, int], named: str, earlier: list[dict], referred: list[tuple[str, dict]]
) -> Anchor | None:
    """An anchor at ``span`` with the date of the earlier row that the event phrase ``named`` names, or None."""
    row = referents.referent(named, earlier, referred)
    if row is None:
        return None
    try:
        value = format_date(row["start"], row["precision"])
    except ValueError:  # a season or other span with no single TIMEX3 period
        return None
    referred.append((named, row))
    start, end = span
    timex = Timex(start, end, text[start:end], "DATE", value, row["precision"], row["start"].isoformat(),
                  referents.RULE, "relative_previous")  # fmt: skip
    return Anchor(start, end, timex.text, timex, row["start"], row["end"], row["precision"], value,
                  "relative_previous")  # fmt: skip


def _publication(article: Article) -> tuple[dt.date | None, str]:
    if article.published is not None:
        return article.published, article.published_basis
    inferred = infer_publication_date(article.text)
    if inferred is None:
        return None, "unknown"
    return inferred.date, "inferred"


@dataclass(frozen=True)
class _Sentence:
    index: int
    start: int
    end: int
    timexes: list[Timex]
    anchors: list[Anchor]
    heading: bool = False  # a date alone on its line over a paragraph ("Monday", "2022"): it dates what follows


def _sentences(text: str, timexes: list[Timex], published: dt.date | None, title: str = "") -> list[_Sentence]:
    """The article's content sentences with their timexes and anchors (the headline and datelines left out)."""
    out = []
    ordered = sorted(timexes, key=lambda t: t.start)
    starts = [t.start for t in ordered]
    spans = _without_dateline(text, _without_headline(text, clean.content_spans(text), title))

    def dated(start: int, end: int) -> bool:
        return bisect.bisect_left(starts, start) < bisect.bisect_left(starts, end)

    for index, (opening, end) in enumerate(sentences.join_quotations(text, sentences.split(text, spans), dated)):
        candidates = ordered[bisect.bisect_left(starts, opening) : bisect.bisect_left(starts, end)]
        in_sentence = [t for t in candidates if t.end <= end]
        start = _after_speaker_label(text, _after_entry_time(text, opening, end, in_sentence), end)
        if start >= end or segment.is_phatic(text, start, end) or clean.is_boilerplate(text[start:end]):
            continue  # a live blog's entry time on a line of its own, a greeting ("Good morning and welcome to our
            # live coverage. The dam was destroyed ...": furniture within a line of reporting)
        in_sentence = [t for t in in_sentence if t.start >= start]
        if text[start:end].rstrip("\"'”’)").endswith("?"):
            continue  # a question ("When does the deal expire?", an explainer's heading) states no event
        anchors = dating.find_anchors(text, in_sentence, published)
        if not _is_date_only(text, start, end, anchors):
            out.append(_Sentence(index, start, end, in_sentence, anchors))
        elif _own_line(text, start) and _BLANK_LINE_AFTER.match(text, end):
            out.append(_Sentence(index, start, end, in_sentence, anchors, heading=True))
    return out


def _own_line(text: str, start: int) -> bool:
    return not text[text.rfind("\n", 0, start) + 1 : start].strip()


def _headline_words(line: str) -> str:
    return " ".join(re.findall(r"\w+", line.lower()))


def _without_headline(text: str, spans: list[tuple[int, int]], title: str) -> list[tuple[int, int]]:
    """The content lines without a first line that repeats the article's title (a saved page's headline): a
    headline restates the story, it is no event of its own."""
    if spans and title and _headline_words(text[spans[0][0] : spans[0][1]]) == _headline_words(title):
        return spans[1:]
    return spans


_AFTER_DATELINE = re.compile(r"[\s*_]*[-–—/|:•·]?\s*")
def _without_dateline(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The content lines with a dateline that opens one ("KYIV, March 9 (Reuters) - Russian forces ...") cut off:
    it says where and when the story was filed, which is no event."""
    dateline = find_dateline(text)
    if dateline is None:
        return _without_place_line(text, spans)
    if not dateline.filed:  # "March 9, 2022: Russia bombed ...": a chronology's own date
        return spans
    end = text.find(dateline.text, dateline.start) + len(dateline.text)
    end = _AFTER_DATELINE.match(text, end).end()
    kept = []
    for start, stop in spans:
        if start <= dateline.start < stop:
            if end >= stop:
                continue  # the line is nothing but the dateline
            start = max(start, end)
        kept.append((start, stop))
    return kept


# "NEW YORK (AP) — ", "FORT MYERS, Fla. (AP) — ", "WASHINGTON - ": a place in capitals (and a state), an agency,
# a dash: a dateline without a date, which opens the story's first line
_PLACE_LINE = re.compile(
    r"(?P<place>[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3})(?:, [A-Z][A-Za-z.]{1,15})?\s*"
    r"(?:\([^()\n]{1,40}\)\s*(?:—|–|--| - )|(?:—|–|--|-(?=\s)))\s*(?=[A-Z])"  # an agency, or a dash; a sentence after
)


PLACE_LINE_REACH = 4  # lines from the top that may hold a dateline in capitals

# "Kyiv — ": a known place in title case before a long dash (not "Putin — a former spy — said")
_TITLE_PLACE_LINE = re.compile(r"(?P<place>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,2})\s*(?:—|–|--)\s*(?=[A-Z])")
_PLACE_CATEGORIES = frozenset({"city", "country", "region"})
_CITY = frozenset({"city"})  # a dateline below the first line: a city, as wire datelines name (not "US", "EU")


def _names_a_place(words: str, categories: frozenset[str]) -> bool:
    """Whether ``words`` are, whole, one known place of ``categories`` ("Kyiv", "MOSCOW" as "Moscow"; not "NATO")."""
    mentions = find_mentions(words)
    if len(mentions) != 1 or mentions[0].text != words:
        return False
    # a city-state's capital is named as its country is ("LUXEMBOURG - ", "SINGAPORE - ")
    return mentions[0].category in categories or (
        "city" in categories and words in load_yaml("places.yaml")["dateline_city_states"]
    )


def _without_place_line(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The content lines with a dateless dateline opening the first one cut off (or one of the first few, in capitals:
    a headline and an update line may stand above "MOSCOW - ...")."""
    if not spans:
        return spans
    start, stop = spans[0]
    found = _PLACE_LINE.match(text, start, stop)
    if found is None:
        for index, (line_start, line_stop) in enumerate(spans[1:PLACE_LINE_REACH], start=1):
            below = _PLACE_LINE.match(text, line_start, line_stop)
            if below is not None and below.end() < line_stop and _names_a_place(below["place"].title(), _CITY):
                return [*spans[:index], (below.end(), line_stop), *spans[index + 1 :]]
    if found is None and (titled := _TITLE_PLACE_LINE.match(text, start, stop)):
        found = titled if _names_a_place(titled["place"], _PLACE_CATEGORIES) else None
    if found is None or found.end() >= stop:
        return spans
    return [(found.end(), stop), *spans[1:]]


# "in recent weeks", "in the coming days", "the months ahead": a stretch next to publication, of no known length
_NEAR_PUBLICATION_RULES = frozenset({"duration_recent"})


def _near_publication(timexes: list[Timex], clause: segment.Clause) -> bool:
    """Whether the clause places itself in a vague stretch next to publication: then it continues no earlier date."""
    return any(t.rule in _NEAR_PUBLICATION_RULES and clause.start <= t.start < clause.end for t in timexes)


def _heads_a_list_line(text: str, anchor: Anchor) -> int | None:
    """Where the line starts when ``anchor`` heads it as a dated list item ("Feb 24 - Putin announces ..."), else
    None: every sentence of that line tells of that date, whatever its tense."""
    if not heads_a_list_item(text, anchor.start, anchor.end):
        return None
    return text.rfind("\n", 0, anchor.start) + 1


MAX_HEADING_WORDS = 10
_BLANK_LINE_AFTER = re.compile(r"[ \t]*\n[ \t]*\n")


def _is_heading(text: str, start: int, end: int) -> bool:
    """A line with no verb of its own that ends in a colon ("Key events in the run-up to the war:"), or a short one
    with no closing punctuation set off by a blank line after it ("Key dates"): a heading over the lines after it,
    no event. Not the items of a list ("includes:\n30,000 troops\nTwo battalions of S-400s"): they say what."""
    line = text[start:end].rstrip()
    if dating.clause_tense(line) is not None:
        return False
    if line.endswith(":"):
        return True
    own_line = start == 0 or text[start - 1] == "\n"
    return (
        own_line
        and _BLANK_LINE_AFTER.match(text, end) is not None
        and len(line.split()) <= MAX_HEADING_WORDS
        and not line.endswith((".", "!", "?", '"', "”"))
    )


def _tense(text: str, clause: segment.Clause, timexes: list[Timex]) -> str | None:
    present_refs = [
        t.start - clause.start
        for t in timexes
        if t.value == "PRESENT_REF" and clause.start <= t.start < clause.end and not dating.is_attributive(text, t)
    ]
    return dating.clause_tense(text[clause.start : clause.end], present_refs)


SENTENCE_PARAGRAPHS_SHARE = 0.75  # of an article's paragraphs holding one sentence each, in Wikinews's and wire style
MIN_PARAGRAPHS = 4


def _paragraphs_are_sentences(text: str, found: list[_Sentence]) -> bool:
    """Whether the article writes (nearly) one sentence per paragraph: then a blank line is no turn of the story, and
    the story's date goes on across it as it does within a paragraph."""
    sizes: list[int] = []
    last_end = 0
    for sentence in found:
        if not sizes or PARAGRAPH_BREAK.search(text, last_end, sentence.start):
            sizes.append(0)
        sizes[-1] += 1
        last_end = sentence.end
    return len(sizes) >= MIN_PARAGRAPHS and sizes.count(1) >= SENTENCE_PARAGRAPHS_SHARE * len(sizes)


def extract_article(article: Article, settings: PipelineSettings | None = None) -> list[dict]:
    """One article's event rows (dicts with the schema's columns), one per clause."""
    settings = settings or PipelineSettings()
    text = article.text
    published, published_basis = _publication(article)
    provenance = _provenance(article, published, published_basis)
    found = _sentences(text, tag(text, published, dayfirst=settings.dayfirst), published, article.title)
    told = [s for s in found if not s.heading]
    narrative = dating.start_narrative(
        [a for s in told for a in s.anchors], published, [text[s.start : s.end] for s in told for _a in s.anchors]
    )
    rows: list[dict] = []
    referred: list[tuple[str, dict]] = []  # event phrases resolved to earlier rows ("the Pahalgam attack")
    item: tuple[int, DatedClause] | None = None  # the list line a date heads ("Feb 24 - ..."), and its date
    last_end = 0
    sentence_paragraphs = _paragraphs_are_sentences(text, told)
    heading: tuple[int, DatedClause] | None = None  # a heading line's date, and where its paragraph starts
    for sentence in found:
        if not sentence_paragraphs and PARAGRAPH_BREAK.search(text, last_end, sentence.start):
            narrative = dating.paragraph_break(narrative)
        last_end = sentence.end
        if sentence.heading:
            fields = _date_fields(sentence.anchors[0])
            heading = -1, DatedClause(fields["start"], fields["end"], sentence.anchors[0].precision, "continued")
            continue
        if heading is not None and heading[0] < 0:  # the first sentence under it opens its paragraph
            heading = sentence.start, heading[1]
        elif heading is not None and PARAGRAPH_BREAK.search(text, heading[0], sentence.start):
            heading = None
        anchors = sentence.anchors
        for to_earlier_event in (_since_earlier_event, _soon_after_earlier_event):
            if referred_to := to_earlier_event(text, sentence, rows, referred):
                anchors = sorted([*anchors, referred_to], key=lambda a: a.start)
        sentence_text = text[sentence.start : sentence.end]
        if not anchors and (
            _is_heading(text, sentence.start, sentence.end) or segment.is_signpost(sentence_text)
        ):
            continue  # "Key events in the run-up to the war:", "Here is how the conflict unfolded.": no event
        clauses = segment.split_clauses(text, sentence.start, sentence.end, [(a.start, a.end) for a in anchors])
        ids = [_event_id(article.article_id, c, anchors[c.anchors[0]] if c.anchors else None) for c in clauses]
        kept: set[int] = set()
        sentence_rows: list[tuple[segment.Clause, dict, tuple[Anchor, ...]]] = []
        for k, clause in enumerate(clauses):
            clause_text = text[clause.start : clause.end]
            anchor = anchors[clause.anchors[0]] if clause.anchors else None
            tense = _tense(text, clause, sentence.timexes)
            bound = offset = None
            if anchor is not None and dating.bounds_only(text, clause.start, clause.end, anchor, tense):
                bound, anchor = anchor, None
            if anchor is not None and dating.ends_a_state(text, anchor, tense, published):
                anchor = None
            running = False  # "the drills run until Feb. 20": under way at publication, not only ahead
            if anchor is not None:
                stretched = dating.to_publication(text, anchor, tense, published, reported=clause.role == "content")
                running = tense == "present" and stretched.first < anchor.first
                anchor = stretched
            if anchor is not None:
                fields = _date_fields(anchor)
                dated = DatedClause(fields["start"], fields["end"], anchor.precision, fields["date_basis"])
                if (line_start := _heads_a_list_line(text, anchor)) is not None:
                    item = line_start, dated
                if not segment.opens_relative(clause_text) and clause.role != "background":  # about a noun
                    narrative = dating.observe(narrative, dated, sentence.index, published, tense, sentence_text)
            else:
                continuing = settings.undated == "continue"
                if continuing and item is not None and "\n" not in text[item[0] : clause.start]:
                    undated = replace(item[1], basis="continued")  # "Feb 24 - Putin announces ... Missiles strike"
                elif continuing and heading is not None:
                    undated = heading[1]  # "Monday\n\nRussia's defence ministry said ...": the paragraph's day
                elif continuing and published is not None and _near_publication(sentence.timexes, clause):
                    undated = DatedClause(published, published, "day", "publication")  # "in the coming days"
                else:
                    undated = _undated(clause_text, tense, narrative, sentence.index, published, settings.undated)
                if undated is None:
                    continue
                if bound is not None and undated.first is not None and undated.first >= bound.first:
                    undated = DatedClause(None, None, "unknown", "unresolved")  # "before 24 February", no nearer date
                elif offset := dating.offset_from_undated_event(text, clause.start, clause.end, sentence.timexes):
                    undated = DatedClause(None, None, "unknown", "unresolved")  # "the day after the invasion"
                elif bound is None and dating.opens_before_undated_event(clause_text):
                    undated = DatedClause(None, None, "unknown", "unresolved")  # "Before the war, ..."
                elif dating.opens_vaguely_later(clause_text):
                    undated = DatedClause(None, None, "unknown", "unresolved")  # "Days later, ..."
                fields = _fallback_fields(undated) | (_timex_fields(offset) if offset else {})
                if offset and (counted := _from_earlier_event(text, offset, clause.end, rows, referred)):
                    fields |= counted  # "the day after the Pahalgam attack", dated in an earlier sentence
                    undated = DatedClause(fields["start"], fields["end"], fields["precision"], fields["date_basis"])
                    narrative = dating.observe(narrative, undated, sentence.index, published, tense, sentence_text)
                if undated.basis == "continued":  # a continued clause carries the narrative on
                    narrative = dating.observe(narrative, undated, sentence.index, published, tense, sentence_text)
            if (
                not clause.anchors and _QUOTE_BEFORE.search(text, max(0, clause.start - 4), clause.start)
                and _is_bare_attribution(clause_text)
            ):  # fmt: skip
                continue  # '"..., we thought it would be over in a week," | she says.': who said the quote
            if _is_date_only(text, clause.start, clause.end, [anchors[i] for i in clause.anchors]):
                continue  # "A year later, | as the war enters ...": a date cut off alone dates the story, not a row
            masked = [
                (a.start - clause.start, a.end - clause.start) for a in anchors if clause.start <= a.start < clause.end
            ]
            future_date = (
                anchor is not None and published is not None and not running and dating.lies_ahead(anchor, published)
            )
            past_date = anchor is not None and published is not None and anchor.last < published
            event_status, cue = status.classify(clause_text, masked, tense, future_date, past_date)
            kept.add(k)
            row = {
                **provenance,
                "event_id": ids[k],
                "sentence": clause_text,
                "char_start": clause.start,
                "char_end": clause.end,
                **fields,
                "status": event_status,
                "status_cue": cue,
            }
            sentence_rows.append((clause, row, _listed(anchor)))
        previous_title, after_description, described = "", False, ""
        enriched_rows = []
        for clause, row, listed in sentence_rows:
            row["parent_event_id"] = ids[clause.parent] if clause.parent in kept else ""
            titled = {**row, "timex_end": listed[-1].end} if listed else row  # the title leaves out all the days
            enriched = {**enrich(titled, article), "timex_end": row.get("timex_end")}
            enriched["title"] = titles.with_shared_subject(enriched["title"], enriched["sentence"], previous_title,
                                                           after_description=after_description, subject=described)
            previous_title = enriched["title"]
            after_description = clause.role == "background" or segment.ends_describing(enriched["sentence"])
            described = titles.described_subject(enriched["sentence"], find_mentions(enriched["sentence"])) if (
                clause.role == "background"
            ) else ""
            enriched_rows.append(enriched)
            enriched_rows += _listed_days(enriched, listed, article.article_id, clause)
        rows += _say_what(enriched_rows)
    return _name_pronouns(rows, [sentence.start for sentence in found])


def _listed(anchor: Anchor | None) -> tuple[Anchor, ...]:
    """The further days listed after a day that dates a clause (days only: "in March and June" and "the agreements
    of 2014 and 2015" name other things as often)."""
    if anchor is None or anchor.precision != "day":
        return ()
    return tuple(day for day in anchor.listed if day.precision == "day")


def _listed_days(row: dict, listed: tuple[Anchor, ...], article_id: str, clause: segment.Clause) -> list[dict]:
    """ "walk out on Tuesday, Thursday and Saturday": the same event on each further day listed, each its own row."""
    return [{**row, **_date_fields(day), "event_id": _event_id(article_id, clause, day)} for day in listed]


def _say_what(rows: list[dict]) -> list[dict]:
    """A bare saying ("Sullivan said") takes the title of the first content it reports, within its sentence (a
    description of a noun it reports on is not what was said)."""
    first_content: dict[str, str] = {}
    for row in rows:
        if row["parent_event_id"] and not segment.ends_describing(row["sentence"]):  # not "the bridge, which ...,"
            first_content.setdefault(row["parent_event_id"], row["title"])
    for row in rows:
        row["title"] = titles.with_what_was_said(row["title"], first_content.get(row["event_id"], ""))
    return rows


_PRONOUN_TITLE = re.compile(r"^(?:He|She)\b")


PRONOUN_REACH = 4  # sentences back that a "he" or "she" may name a person from


def _name_pronouns(rows: list[dict], sentence_starts: list[int]) -> list[dict]:
    """Titles that open with "He" or "She" name the person last mentioned before ("He spoke in
    Washington" -> "Blinken spoke in Washington"): the first person named in the latest row that names one
    (the subject of English news sentences comes first), within the last four sentences (``sentence_starts``, in
    text order, tell which sentence a row's clause is in) and with no unnamed person told of since ("said a Western
    diplomat. He did not expect ..." is the diplomat's); else the title stays as it is. The person named joins the
    row's actors first, so the actor filter finds what "he" did."""
    last: dict | None = None
    last_sentence = -1
    for row in rows:
        sentence = bisect.bisect_right(sentence_starts, row["char_start"]) - 1
        if last and sentence - last_sentence > PRONOUN_REACH:
            last = None
        if last and _PRONOUN_TITLE.match(row["title"]):
            surname = last["name"].split()[-1]
            row["title"] = titles.finish(_PRONOUN_TITLE.sub(surname, row["title"].rstrip("…"), count=1))
            named = row.get("actors") or []
            if all(actor["name"] != last["name"] for actor in named):
                row["actors"] = [dict(last), *named]
        people = [a for a in row.get("actors") or [] if a.get("kind") == "person" and a.get("normalized")]
        if people:
            last, last_sentence = people[0], sentence
        elif actors.tells_of_an_unnamed_person(row["sentence"]):
            last = None
    return rows


def frame_from_rows(rows: list[dict], duplicates: Mapping[str, str] | None = None) -> pd.DataFrame:
    """The validated events frame for rows from any number of articles, clustered across them.

    ``duplicates`` maps an article_id to the article_id it copies (ingestion's ``duplicate_of``), so
    a wire story and its copies count as one outlet.
    """
    return schema.validate(cluster(schema.from_records(_unique_ids(rows)), duplicates))


def _unique_ids(rows: list[dict]) -> list[dict]:
    """Rows whose ``event_id`` is unique, even when one text came in twice (two copies of a file).

    An event id hashes the article's text id and offsets, so identical texts give identical ids.
    Rows come article by article; the second and later copies of a text get their ids (and
    parent ids) salted with the copy's origin and number. The first copy keeps the stable id.
    """
    copies: dict[str, int] = {}  # article_id -> copies seen so far
    seen: set[str] = set()
    block_ids: set[str] = set()
    current: tuple | None = None
    salt = ""
    out = []
    for row in rows:
        key = (row.get("article_id"), row.get("origin"), row.get("source"), row.get("url"))
        if key != current or row["event_id"] in block_ids:
            current, block_ids = key, set()
            number = copies.get(row.get("article_id"), 0)
            copies[row.get("article_id")] = number + 1
            salt = f"{row.get('origin')}:{number}" if number else ""
        block_ids.add(row["event_id"])
        if salt or row["event_id"] in seen:
            row = {**row, "event_id": _salted(row["event_id"], salt)}
            if row.get("parent_event_id"):
                row["parent_event_id"] = _salted(row["parent_event_id"], salt)
        seen.add(row["event_id"])
        out.append(row)
    return out


def _salted(event_id: str, salt: str) -> str:
    return hashlib.sha1(f"{event_id}:{salt}".encode()).hexdigest()[:16]


def extract_events(
    articles: Iterable[Article],
    settings: PipelineSettings | None = None,
    progress: Callable[[int, Article], None] | None = None,
) -> pd.DataFrame:
    """The events frame for all ``articles``; ``progress(i, article)`` is called after each one."""
    rows: list[dict] = []
    duplicates: dict[str, str] = {}
    for index, article in enumerate(articles):
        rows.extend(extract_article(article, settings))
        if article.duplicate_of:
            duplicates[article.article_id] = article.duplicate_of
        if progress is not None:
            progress(index, article)
    return frame_from_rows(rows, duplicates)
