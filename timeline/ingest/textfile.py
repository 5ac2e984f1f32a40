"""Plain-text and Markdown articles, with optional YAML front matter or header lines (title, published, url,
source)."""

from __future__ import annotations

import datetime as dt
import re

from timeline.article import Article, Skipped
from timeline.ingest.assemble import make_article
from timeline.ingest.dates import parse_date_value
from timeline.ingest.fields import as_text, find_field
from timeline.ingest.frontmatter import FrontMatterError, split_front_matter, split_header_lines
from timeline.ingest.options import IngestOptions


def text_article(
    text: str,
    *,
    origin: str,
    options: IngestOptions,
    source: str = "",
    title: str = "",
    url: str = "",
    encoding: str = "utf-8",
    lossy: bool = False,
    fetched_at: dt.datetime | None = None,
) -> Article | Skipped:
    """One article from decoded text; front-matter values win over the caller's defaults."""
    try:
        split = split_front_matter(text)
    except FrontMatterError as exc:
        return Skipped(origin, "invalid", str(exc))
    if not split.meta:
        split = split_header_lines(text)
    meta = split.meta

    def field(role: str) -> tuple[str, object]:
        key = find_field(meta, role)
        return (key, meta[key]) if key is not None else ("", None)

    body = split.body
    title = as_text(field("title")[1]) or title
    if not title:
        title, body = _headline(body)
    date_key, date_value = field("published")
    dates = []
    if date_key:
        day = parse_date_value(date_value, dayfirst=options.dayfirst, relative_base=fetched_at)
        dates.append((day, f"front matter {date_key!r}"))
    return make_article(
        body,
        origin=origin,
        options=options,
        title=title,
        url=as_text(field("url")[1]) or url,
        source=as_text(field("source")[1]) or source,
        author=as_text(field("author")[1]),
        language=as_text(meta.get("language") or meta.get("lang")),
        metadata_dates=dates,
        encoding=encoding,
        lossy=lossy,
    )


_HEADLINE = re.compile(r"\A[ \t]*([^\n]{3,120}?)[ \t]*\n[ \t]*\n")
# A headline right over its first paragraph: the next line is longer and ends a sentence
_HEADLINE_OVER_BODY = re.compile(r"\A[ \t]*([^\n]{3,120}?)[ \t]*\n(?=[ \t]*([^\n]+?[.!?][\"'”’)]*)[ \t]*(?:\n|\Z))")
_LIST_ITEM = re.compile(r"[-*•·\d]|[^\n]{0,30}?\s[-–—]\s")  # "- ...", "1. ...", "Feb 24 - ...": a list, no headline


def _headline(body: str) -> tuple[str, str]:
    """A plain text file's first line as its title when it reads as a headline: one short line on its own (or right
    over a longer first paragraph), no sentence end, no list item ("Mariupol siege: evacuation corridor fails
    again"), so it is no event of the story; a Markdown heading's marks are no part of it."""
    match = _HEADLINE.match(body)
    if match is None:
        over = _HEADLINE_OVER_BODY.match(body)
        first = over.group(1).strip() if over else ""
        headline = len(first.split()) >= 3 and not _LIST_ITEM.match(first)  # not a dateline's "Kyiv"
        match = over if over and headline and len(over.group(2)) > len(first) else None
    if match is None or match.group(1).rstrip().endswith((".", "!", "?", '"', "”", ":")):
        return "", body
    return match.group(1).strip().lstrip("#").strip(), body[match.end() :]  # "# Headline" in Markdown
