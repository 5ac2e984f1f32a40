"""The publication-date chain: which source of a date wins, and the record of how it was found.

Order of trust: the user's date; metadata the loader found (front matter, HTML meta/JSON-LD/
<time>, feed entry, record field); a dateline at the top of the text; a date in the link; a date
inferred from the text by the temporal tagger; otherwise unknown (the app asks the user).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from timeline.ingest.dateline import Dateline, find_dateline
from timeline.ingest.dates import MIN_PUBLISHED, plausible
from timeline.ingest.options import IngestOptions
from timeline.ingest.urldate import url_date, url_year

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PubDate:
    """A publication day (None when unknown), its basis (Article.published_basis) and what exactly gave it."""

    date: dt.date | None
    basis: str
    detail: str = ""


UNKNOWN = PubDate(None, "unknown", "no date in metadata, dateline, link or text")


def resolve(
    text: str,
    *,
    options: IngestOptions,
    metadata: Iterable[tuple[dt.date | None, str]] = (),
    url: str = "",
    fallback: Iterable[tuple[dt.date | None, str, str]] = (),
) -> PubDate:
    """Walk the chain and return the first plausible day.

    ``metadata`` holds (day, where) pairs in the loader's order of trust; ``fallback`` holds
    (day, basis, where) candidates tried after the link and before text inference (e.g. a date
    printed in a saved page's text). Candidates are evaluated lazily, so pass generators for
    costly ones.
    """
    if options.published is not None:
        return PubDate(options.published, "user", "given by the user")
    unusable = []  # a field named for the date whose value is no usable day ("2022-02-30", "2031-02-03")
    for day, where in metadata:
        if plausible(day):
            return PubDate(day, "metadata", where)
        if day is None and where.startswith(_NAMED_FIELDS):
            unusable.append(where)
    found = _after_metadata(text, options=options, url=url, fallback=fallback)
    if found is UNKNOWN and unusable:
        return PubDate(None, "unknown", f"{unusable[0]} holds no usable day (not a calendar date, in the future, or "
                       f"before {MIN_PUBLISHED.year}); give the date")  # fmt: skip
    return found


#: How loaders name a date field the user wrote (front matter, a header line, a spreadsheet column).
_NAMED_FIELDS = ("front matter", "record field")


def _after_metadata(
    text: str, *, options: IngestOptions, url: str, fallback: Iterable[tuple[dt.date | None, str, str]]
) -> PubDate:
    """The chain after the loader's metadata: dateline, link, fallback candidates, the text itself."""
    dateline = find_dateline(text, dayfirst=options.dayfirst)
    unknown = UNKNOWN
    if dateline is not None:
        found = _dateline_day(dateline, text, url)
        if found:
            return found
        if dateline.year is None:  # tell the user which day the file names, so only the year is left to give
            unknown = PubDate(None, "unknown", f"dateline {dateline.text!r} names no year; give the date")
    in_url = url_date(url)
    if in_url:
        return PubDate(in_url[0], "url", f"link path {in_url[1]!r}")
    for day, basis, where in fallback:
        if plausible(day):
            return PubDate(day, basis, where)
    inferred = infer_from_text(text)
    if inferred:
        return inferred
    return unknown


def _dateline_day(dateline: Dateline, text: str, url: str) -> PubDate | None:
    if dateline.year is not None:
        day = dateline.date()
        return PubDate(day, "dateline", f"dateline {dateline.text!r}") if plausible(day) else None
    year = url_year(url)
    if year is not None:
        day = dateline.date(year)
        source = "the link"
    else:
        inferred = infer_from_text(text)
        day = _nearest(dateline, inferred.date) if inferred and inferred.date else None
        source = "the text"
    if plausible(day):
        return PubDate(day, "dateline", f"dateline {dateline.text!r}, year from {source}")
    return None


def _nearest(dateline: Dateline, near: dt.date) -> dt.date | None:
    """The dateline's month and day in the year that puts it closest to ``near`` ("Jan 3" near 30 Dec 2021 is 2022)."""
    days = [d for d in (dateline.date(near.year + k) for k in (-1, 0, 1)) if d is not None]
    return min(days, key=lambda d: abs(d - near), default=None)


def infer_from_text(text: str) -> PubDate | None:
    """The temporal tagger's inference (weekday-date pairs and tenses), with its evidence as the detail."""
    try:
        from timeline.temporal import infer_publication_date
    except ImportError:  # the tagger is optional for ingestion: without it, this step finds nothing
        return None
    try:
        inferred = infer_publication_date(text)
    except Exception as exc:  # a tagger bug must not lose the article
        log.warning("publication-date inference failed: %s", exc)
        return None
    if inferred is None or not plausible(inferred.date):
        return None
    return PubDate(inferred.date, "inferred", f"inferred from the text: {inferred.evidence}")
