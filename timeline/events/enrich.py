"""Enrichment of one event row: actors, places, event type, figures and title.

The pipeline calls :func:`enrich` once per row. The article is scanned once (cached) so that a row whose
``sentence`` is the article's own text at ``char_start:char_end`` reuses the article-wide mentions; the
article also supplies context: a surname like "Johnson" counts only if the article names Boris Johnson,
and a city name resolves to a country the article talks about.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from functools import lru_cache

from timeline.article import Article
from timeline.events.actors import Support, accepted, actors_from, article_support
from timeline.events.figures import parse_figures
from timeline.events.gazetteer import Mention, find_mentions
from timeline.events.phrases import phrase
from timeline.events.places import places_from
from timeline.events.segment import opens_relative
from timeline.events.titles import make_title
from timeline.events.types import classify

#: Columns :func:`enrich` writes.
WRITES: tuple[str, ...] = ("actors", "places", "event_type", "type_cue", "figures", "title")


@dataclass(frozen=True)
class _ArticleContext:
    mentions: tuple[Mention, ...]
    support: Support
    starts: tuple[int, ...]  # of ``mentions``, which are sorted by start


@lru_cache(maxsize=64)
def _context(article: Article) -> _ArticleContext:
    mentions = find_mentions(article.text)
    return _ArticleContext(tuple(mentions), article_support(mentions, article.text), tuple(m.start for m in mentions))


def _int(value: object, default: int = -1) -> int:
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return default


def _clause_mentions(text: str, start: int, end: int, article: Article, ctx: _ArticleContext) -> list[Mention]:
    """Mentions inside the clause, in clause coordinates; rescans when the row's text is not the article's."""
    if 0 <= start <= end <= len(article.text) and article.text[start:end] == text:
        first = bisect.bisect_left(ctx.starts, start)  # mentions are sorted: only those from the clause's start on
        found = []
        for m in ctx.mentions[first:]:
            if m.start >= end:
                break
            if m.end <= end:
                found.append(replace(m, start=m.start - start, end=m.end - start))
        return found
    return find_mentions(text)


def _outside(mentions: list[Mention], span: tuple[int, int] | None) -> list[Mention]:
    """The mentions outside the date expression: "6 a.m. Moscow time" names a clock, not a place of the event."""
    return mentions if span is None else [m for m in mentions if not (span[0] <= m.start and m.end <= span[1])]


def enrich(row: dict, article: Article) -> dict:
    """A copy of ``row`` with actors, places, event_type, type_cue, figures and title filled.

    Reads ``sentence``, ``char_start``/``char_end`` (the clause's span in ``article.text``) and
    ``timex_start``/``timex_end`` (the date expression, cut from the title). Never raises on odd text.
    """
    out = dict(row)
    text = str(row.get("sentence") or "")
    start, end = _int(row.get("char_start"), 0), _int(row.get("char_end"), 0)
    ctx = _context(article)
    mentions = accepted(_clause_mentions(text, start, end, article, ctx), text, ctx.support)
    t_start, t_end = _int(row.get("timex_start")), _int(row.get("timex_end"))
    timex = (t_start - start, t_end - start) if 0 <= t_start - start < t_end - start <= len(text) else None
    event_type, cue = classify(text)
    out.update(
        actors=actors_from(mentions, text, ctx.support),
        places=places_from(_outside(mentions, timex), text, ctx.support),
        event_type=event_type,
        type_cue=cue,
        figures=parse_figures(text),
        title=make_title(text, timex, mentions, _antecedent(article.text, start) if opens_relative(text) else ""),
    )
    return out


# "Crimea, which ...", "the Black Sea grain deal, which ...": up to three capitalised words, and after an article up
# to two lower-case ones that are no link ("from Russia and from Crimea" is two nouns), then the noun
_ANTECEDENT = (
    r"((?:<definite_articles>\s+(?:[A-Z][\w'’-]*\s+){0,3}(?:(?!<dangling_words>\b)[a-z][\w'’-]*\s+){0,2}"
    r"|(?:[A-Z][\w'’-]*\s+){0,3})[\w'’-]+)\s*,\s*$"
)


def _antecedent(text: str, start: int) -> str:
    """The noun just before a relative clause that starts at ``start`` ("... from Crimea, | which ...")."""
    found = phrase(_ANTECEDENT, 0).search(text, max(0, start - 80), start) if 0 < start <= len(text) else None
    return found.group(1) if found else ""
