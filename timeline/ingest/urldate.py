"""A publication day written in a link's path (/2022/02/10/, /2022-02-10-, /20220210/)."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

from timeline.ingest.dates import plausible

_PATTERNS = (
    re.compile(r"/(\d{4})/(\d{1,2})/(\d{1,2})(?=/|$|[-_.])"),
    re.compile(r"[/_-](\d{4})-(\d{2})-(\d{2})(?=/|$|[-_.])"),
    re.compile(r"/(\d{4})(\d{2})(\d{2})(?=/|$|[-_.])"),
)
#: web.archive.org snapshot links carry the crawl time, not the publication date: read the archived link.
_ARCHIVE = re.compile(r"^https?://web\.archive\.org/web/\d+[a-z_]*/", re.IGNORECASE)


def url_date(url: str) -> tuple[dt.date, str] | None:
    """The first plausible full day in the link's path, with the matched text; None when none."""
    if not url:
        return None
    url = _ARCHIVE.sub("", url)
    path = urlsplit(url if "//" in url else "//" + url).path
    for pattern in _PATTERNS:
        for match in pattern.finditer(path):
            try:
                day = dt.date(*(int(g) for g in match.groups()))
            except ValueError:
                continue
            if plausible(day):
                return day, match.group(0)
    return None


def url_year(url: str) -> int | None:
    """A plausible year as a path segment (/2022/), to complete a dateline that names only month and day."""
    found = url_date(url)
    if found:
        return found[0].year
    match = re.search(r"/((?:19|20)\d{2})/", urlsplit(_ARCHIVE.sub("", url or "")).path)
    return int(match.group(1)) if match and plausible(dt.date(int(match.group(1)), 1, 1)) else None
