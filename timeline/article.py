"""The article record every source kind produces, and the record of an input that was skipped.

Ingestion yields one of these two for every input it is given, so nothing is silently lost.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

#: How an article's publication date was found (closed set, in order of trust).
PUBLISHED_BASES: tuple[str, ...] = ("user", "metadata", "dateline", "url", "inferred", "unknown")

#: Why an input produced no article (closed set): code -> the words a reader sees.
SKIP_REASONS: dict[str, str] = {
    "missing": "not found",
    "empty": "no text",
    "binary": "not text",
    "unsupported": "unsupported kind",
    "too_large": "too large",
    "undecodable": "unknown text encoding",
    "fetch_failed": "download failed",
    "refused": "refused",
    "duplicate": "duplicate",
    "invalid": "not valid",
    "unreadable": "unreadable",
    "limit": "over a limit",
}


def article_id_for(text: str) -> str:
    """A stable id from the article text alone, so re-reading the same text gives the same id."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Article:
    """One news article, ready for temporal tagging.

    ``text`` is the full text after decoding and Unicode normalization; every offset in the
    events frame points into it. ``origin`` is where it was read from (path, archive member,
    URL); ``source`` is the outlet that published it.
    """

    text: str
    title: str = ""
    published: dt.date | None = None
    published_basis: str = "unknown"
    url: str = ""
    source: str = ""
    origin: str = ""
    language: str = "en"
    duplicate_of: str = ""  # article_id of the article this one near-duplicates ("" when none)
    encoding: str = "utf-8"
    lossy: bool = False  # True when undecodable bytes were replaced
    published_detail: str = ""  # exactly where the date came from: "front matter 'date'", "dateline 'KYIV, Feb 24'"
    author: str = ""
    article_id: str = field(default="")

    def __post_init__(self) -> None:
        if self.published_basis not in PUBLISHED_BASES:
            raise ValueError(f"unknown published_basis {self.published_basis!r}; use one of {PUBLISHED_BASES}")
        if not self.article_id:
            object.__setattr__(self, "article_id", article_id_for(self.text))


@dataclass(frozen=True)
class Skipped:
    """An input that produced no article, with the reason a user can act on."""

    origin: str
    reason: str
    detail: str = ""

    def __post_init__(self) -> None:
        if self.reason not in SKIP_REASONS:
            raise ValueError(f"unknown skip reason {self.reason!r}; use one of {tuple(SKIP_REASONS)}")

    def message(self) -> str:
        """One line for stderr or the app's load summary."""
        return f"{self.origin}: skipped ({SKIP_REASONS[self.reason]}){': ' + self.detail if self.detail else ''}"
