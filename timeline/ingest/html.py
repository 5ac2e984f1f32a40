"""Saved web pages (and fetched ones): main text and metadata through trafilatura, dates through htmldate.

The page's own metadata (``<meta>``, JSON-LD, ``<time>``: htmldate's quick search) is trusted
first. A date htmldate finds only by scanning the page's text (its extensive search, the one
trafilatura runs) comes after the dateline and the link in the chain, with basis "inferred".
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterator
from urllib.parse import urlsplit

import lxml.html
from htmldate import find_date
from lxml.etree import ParserError, XMLSyntaxError
from trafilatura import bare_extraction, baseline

from timeline.article import Article, Skipped
from timeline.ingest.assemble import make_article
from timeline.ingest.dates import parse_date_value
from timeline.ingest.decode import normalize
from timeline.ingest.htmldates import microdata_date
from timeline.ingest.options import IngestOptions

log = logging.getLogger(__name__)
_BLOCKS = {"p", "div", "br", "li", "ul", "ol", "tr", "table", "blockquote", "section", "article", "pre", "hr"}
_BLOCKS |= {f"h{i}" for i in range(1, 7)}
_LOOKS_LIKE_HTML = re.compile(r"<(?:p|br|div|a|b|i|em|strong|span|img|ul|li|h\d)\b[^>]*>", re.IGNORECASE)


def html_article(
    html: str,
    *,
    origin: str,
    options: IngestOptions,
    url: str = "",
    source: str = "",
    encoding: str = "utf-8",
    lossy: bool = False,
) -> Article | Skipped:
    """One article from a whole HTML page. ``url`` is where it was fetched from ("" for a saved file)."""
    try:
        doc = bare_extraction(html, url=url or None, with_metadata=True, include_comments=False)
    except (ValueError, TypeError, ParserError, XMLSyntaxError) as exc:
        return Skipped(origin, "invalid", f"could not parse the HTML page: {exc}")
    text = normalize(doc.text or "") if doc is not None else ""
    if not text.strip():
        _, text, _ = baseline(html)  # trafilatura found no main text: fall back to all the page's text
        text = normalize(text or "")
    if not text.strip():
        return Skipped(origin, "empty", "no article text found in the page")
    page_url = url or (doc.url if doc is not None and doc.url else "")

    def metadata_dates() -> Iterator[tuple[dt.date | None, str]]:
        labelled = microdata_date(html)
        if labelled:
            yield labelled[0], f"page metadata ({labelled[1]})"
        yield parse_date_value(_quick_date(html)), "page metadata (htmldate: meta tags, JSON-LD or <time>)"

    def fallback_dates() -> Iterator[tuple[dt.date | None, str, str]]:
        if doc is not None and doc.date:
            yield parse_date_value(doc.date), "inferred", "a date printed in the page (htmldate text search)"

    return make_article(
        text,
        origin=origin,
        options=options,
        title=(doc.title if doc is not None else "") or "",
        url=page_url,
        source=(doc.sitename if doc is not None else "") or _host(page_url) or source,
        author=(doc.author if doc is not None else "") or "",
        language=(doc.language if doc is not None else "") or "",
        metadata_dates=metadata_dates(),
        fallback_dates=fallback_dates(),
        encoding=encoding,
        lossy=lossy,
    )


def _quick_date(html: str) -> str | None:
    """htmldate's search of structured places only (no URL, no text scan): the page's own claim."""
    try:
        return find_date(html, extensive_search=False, original_date=True)
    except (ValueError, TypeError) as exc:
        log.debug("htmldate failed: %s", exc)
        return None


def _host(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def looks_like_html(text: str) -> bool:
    """Feed summaries and record fields often carry HTML markup."""
    return bool(_LOOKS_LIKE_HTML.search(text[:5000]))


def fragment_text(fragment: str) -> str:
    """Visible text of an HTML fragment, one line per block element (feed content, record fields)."""
    if not looks_like_html(fragment):
        return normalize(fragment).strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ParserError, XMLSyntaxError, ValueError):
        return normalize(fragment).strip()
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    for node in root.iter():
        if node.tag in _BLOCKS:  # a block starts and ends a line
            node.text = "\n" + (node.text or "")
            node.tail = "\n" + (node.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return normalize("\n".join(line for line in lines if line))
