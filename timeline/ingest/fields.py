"""Finding a role (text, title, published, url, source, author) among a record's field names.

Exports from news APIs, scrapers and spreadsheets name the same thing many ways ("publishedAt",
"pub_date", "Date"); the common names live in ``resources/ingest/fields.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from importlib import resources

import yaml

ROLES: tuple[str, ...] = ("text", "title", "published", "url", "source", "author")


def squash(name: str) -> str:
    """Compare names by letters and digits only: "Published At" == "published_at" == "publishedAt"."""
    return re.sub(r"[\W_]+", "", str(name)).lower()


@cache
def synonyms() -> dict[str, tuple[str, ...]]:
    """Role -> common field names (squashed), in order of preference."""
    with resources.files("timeline.resources").joinpath("ingest/fields.yaml").open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return {role: tuple(squash(n) for n in data[role]) for role in ROLES}


def find_field(record: Mapping[str, object], role: str, override: str | None = None) -> str | None:
    """The key of ``record`` that plays ``role``: ``override`` if given (exact, else ignoring case and
    punctuation), otherwise the first common name present with a non-empty value, else the first header that
    holds a common name of four letters or more ("Story Body", "Pub. Date (US)")."""
    by_squashed: dict[str, str] = {}
    for key in record:
        by_squashed.setdefault(squash(key), key)
    if override:
        if override in record:
            return override
        return by_squashed.get(squash(override))
    for name in synonyms()[role]:
        key = by_squashed.get(name)
        if key is not None and _present(record[key]):
            return key
    for name in synonyms()[role]:  # "Story Body", "Pub. Date (US)": a header holding a common name
        key = next((k for squashed, k in by_squashed.items() if _holds_name(squashed, {name}) and _present(record[k])),
                   None)  # fmt: skip
        if key is not None:
            return key
    return None


def named_but_empty(record: Mapping[str, object], role: str, override: str | None = None) -> str | None:
    """The key of a field named for ``role`` whose value is empty (a spreadsheet's blank cell), if any."""
    names = {squash(override)} if override else set(synonyms()[role])
    return next((k for k in record if not _present(record[k]) and _holds_name(squash(k), names)), None)


def _holds_name(squashed: str, names: set[str]) -> bool:
    return squashed in names or any(len(name) >= 4 and name in squashed for name in names)


def _present(value: object) -> bool:
    return value not in (None, "", [], {}) and not (isinstance(value, str) and not value.strip())


def as_text(value: object) -> str:
    """A field value as one string: lists joined ("authors"), {"name": ...} objects by name (NewsAPI "source")."""
    if value is None:
        return ""
    if isinstance(value, Mapping):
        for key in ("name", "title", "text", "value", "href", "url"):
            if key in value:
                return as_text(value[key])
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(t for t in (as_text(v) for v in value) if t)
    return str(value).strip()
