"""RSS and Atom feeds through feedparser: one article per entry, from its content or summary, with its date."""

from __future__ import annotations

import io
from collections.abc import Iterator

import feedparser

from timeline.article import Article, Skipped
from timeline.ingest.assemble import make_article
from timeline.ingest.dates import parse_date_value
from timeline.ingest.html import fragment_text
from timeline.ingest.options import IngestOptions

#: Bytes at the start of a document that mark it as a feed.
FEED_MARKERS = (b"<rss", b"<feed", b"<rdf:rdf")


def looks_like_feed(data: bytes) -> bool:
    head = data[:2048].lower()
    return any(marker in head for marker in FEED_MARKERS)


def feed_articles(data: bytes, *, origin: str, options: IngestOptions, source: str = "") -> Iterator[Article | Skipped]:
    """Every entry of the feed; a document with no entries is skipped with feedparser's complaint."""
    # A file object, never bytes or str: feedparser would treat those as a path or a link to open itself.
    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=False)
    if not parsed.entries:
        problem = f": {parsed.bozo_exception}" if parsed.get("bozo") else ""
        yield Skipped(origin, "empty" if not problem else "invalid", f"the feed has no entries{problem}")
        return
    outlet = parsed.feed.get("title", "") or source
    for number, entry in enumerate(parsed.entries, start=1):
        yield _entry_article(entry, origin=f"{origin}#{number}", options=options, outlet=outlet)


def _entry_article(entry: dict, *, origin: str, options: IngestOptions, outlet: str) -> Article | Skipped:
    bodies = [c.get("value", "") for c in entry.get("content", [])] + [entry.get("summary", "")]
    text = max((fragment_text(b) for b in bodies if b), key=len, default="")
    # dict.get, not entry.get: feedparser's own lookup passes "updated" off as "published" when one is missing
    dates = [
        (parse_date_value(dict.get(entry, key)), f"feed entry {label}")
        for key, label in (
            ("published_parsed", "published"),
            ("created_parsed", "created"),
            ("updated_parsed", "updated"),
        )
        if dict.get(entry, key)
    ]
    source = entry.get("source", {}).get("title", "") if isinstance(entry.get("source"), dict) else ""
    return make_article(
        text,
        origin=origin,
        options=options,
        title=fragment_text(entry.get("title", "")),
        url=entry.get("link", ""),
        source=source or outlet,
        author=entry.get("author", ""),
        metadata_dates=dates,
    )
