"""Ingestion: any article a journalist has (files, folders, archives, feeds, records, links) as
:class:`~timeline.article.Article` records with their publication date and how it was found.

Every input yields an Article or a :class:`~timeline.article.Skipped` with a reason, so nothing
is silently lost. :func:`load` streams: articles come out one at a time, never all in memory.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import replace

from timeline.article import Article, Skipped
from timeline.ingest.decode import normalize
from timeline.ingest.dedup import Deduplicator
from timeline.ingest.options import IngestOptions
from timeline.ingest.sources import Budget, from_bytes, from_input
from timeline.ingest.summary import LoadSummary
from timeline.ingest.textfile import text_article

__all__ = ["IngestOptions", "LoadSummary", "load", "load_bytes", "load_text", "Deduplicator"]

_DEFAULT = IngestOptions()
log = logging.getLogger(__name__)


def load(inputs: Iterable[str | os.PathLike], options: IngestOptions = _DEFAULT) -> Iterator[Article | Skipped]:
    """Articles from files, folders (recursive), .zip archives and http(s) links, one at a time.

    A generator: nothing is read before the first item is asked for, and a folder of 10,000
    files is read file by file. Near-duplicates are linked (``duplicate_of``) as they stream.
    """
    dedup = Deduplicator(options.near_duplicate_threshold)
    budget = Budget(options)
    for item in inputs:
        results = from_input(item, options=options, budget=budget)
        for result in _guarded(results, os.fsdecode(item) if isinstance(item, bytes) else str(item)):
            yield dedup.check(result) if isinstance(result, Article) else result


def load_bytes(
    name: str, data: bytes, options: IngestOptions = _DEFAULT, *, url: str = "", content_type: str = ""
) -> Iterator[Article | Skipped]:
    """Articles from an upload (any supported kind, including .zip), named ``name``.

    ``url`` is where the bytes came from, when known (a saved page loses it: leave it empty).
    An archive's members count against the limits one by one, as on disk.
    """
    dedup = Deduplicator(options.near_duplicate_threshold)
    budget = Budget(options)
    if not name.lower().endswith(".zip"):
        if len(data) > options.max_file_bytes:
            limit = options.max_file_bytes
            yield Skipped(name, "too_large", f"{len(data):,} bytes, over the {limit:,}-byte limit per file")
            return
        refused = budget.admit(name, len(data))
        if refused:
            yield refused
            return
    results = from_bytes(name, data, origin=name, options=options, budget=budget, url=url, content_type=content_type)
    for result in _guarded(results, name):
        yield dedup.check(result) if isinstance(result, Article) else result


def _guarded(results: Iterator[Article | Skipped], origin: str) -> Iterator[Article | Skipped]:
    """A bug or a library failure on one input becomes a Skipped line for it, not the end of the run."""
    try:
        yield from results
    except Exception as exc:
        log.exception("failed to read %s", origin)
        yield Skipped(origin, "invalid", f"could not be read ({type(exc).__name__}: {exc}); please report this input")


def load_text(
    text: str,
    *,
    title: str = "",
    published: dt.date | None = None,
    source: str = "pasted",
    options: IngestOptions = _DEFAULT,
) -> Article | Skipped:
    """One article from pasted text (front matter allowed); ``published`` and ``title``, typed by the user, override
    any date or title found in the text."""
    if published is not None:
        options = replace(options, published=published)
    found = text_article(normalize(text), origin=source, options=options, source=source, title=title)
    title = " ".join(title.split())
    return replace(found, title=title) if title and isinstance(found, Article) else found
