"""The last step every loader shares: a decoded text and its metadata become an Article (or a Skipped)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from timeline.article import Article, Skipped
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
    found = resolve(text, options=options, metadata=metadata_dates, url=url, fallback=fallback_dates)
    return Article(
        text=text,
        title=" ".join(title.split()),
        published=found.date,
        published_basis=found.basis,
        published_detail=found.detail,
        url=url,
        source=source.strip(),
        author=author.strip(),
        origin=origin,
        language=language or "en",
        encoding=encoding,
        lossy=lossy,
    )
