"""The last step every loader shares: a decoded text and its metadata become an Article (or a Skipped)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import PurePosixPath

from timeline.article import Article, Skipped
from timeline.ingest.dateline import wire_agency
from timeline.ingest.options import IngestOptions
from timeline.ingest.pubdate import resolve


def make_article(
    text: str,
    *,
    origin: str,
    options: IngestOptions,
    title: str = "",
    url: str = "",
    source: str = "",
    author: str = "",
    metadata_dates: Iterable[tuple[dt.date | None, str]] = (),
    fallback_dates: Iterable[tuple[dt.date | None, str, str]] = (),
    encoding: str = "utf-8",
    lossy: bool = False,
    language: str = "",
) -> Article | Skipped:
    """An Article with its publication date resolved through the chain; Skipped("empty") when no text."""
    if not text.strip():
        return Skipped(origin, "empty", "no article text")
    if len(text) > options.max_article_chars:
        return Skipped(origin, "too_large", f"{len(text):,} characters of text, over the {options.max_article_chars:,} "
                       "one article may hold; split it into articles (one file each, or one row each in a CSV)")
    found = resolve(text, options=options, metadata=metadata_dates, url=url, fallback=fallback_dates)
    return Article(
        text=text,
        title=" ".join(title.split()),
        published=found.date,
        published_basis=found.basis,
        published_detail=found.detail,
        url=url,
        source=_outlet(source.strip(), origin, text),
        author=author.strip(),
        origin=origin,
        language=language or "en",
        encoding=encoding,
        lossy=lossy,
    )


def _outlet(source: str, origin: str, text: str) -> str:
    """The outlet: the one the file names; else the agency a wire story's dateline credits ("KYIV, Feb 24 (Reuters)
    -"); else what the loader gave, which for a file with no outlet is its own name."""
    if source and source != PurePosixPath(origin).name:
        return source
    return wire_agency(text) or source
