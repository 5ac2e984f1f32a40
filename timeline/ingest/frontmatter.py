"""Metadata at the top of a .txt/.md article: YAML front matter ("---" ... "---"), or plain header lines
("Title: ...", "published: 2022-02-10") ended by a blank line, as people type them.

The body after the metadata, less ONE blank line, is the article text: every offset the pipeline
reports points into it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

import yaml

from timeline.ingest.fields import ROLES, squash, synonyms

_OPEN = re.compile(r"\A---[ \t]*\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
#: Front matter longer than this is not front matter but a document that starts with a rule.
MAX_FRONT_MATTER_CHARS = 20_000


class FrontMatterError(ValueError):
    """The front matter is not valid YAML; the message says where, so the user can fix it."""


@dataclass(frozen=True)
class Split:
    meta: dict = field(default_factory=dict)
    body: str = ""


def split_front_matter(text: str) -> Split:
    """Separate front matter from the body; text without front matter comes back whole.

    Raises :class:`FrontMatterError` when a front-matter block is present but is not valid YAML.
    A block that parses to something other than a mapping (a Markdown rule, say) is not front matter.
    """
    opening = _OPEN.match(text)
    if not opening:
        return Split({}, text)
    closing = _CLOSE.search(text, opening.end())
    if not closing or closing.start() > MAX_FRONT_MATTER_CHARS:
        return Split({}, text)
    block = text[opening.end() : closing.start()]
    try:
        meta = yaml.safe_load(block) if block.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise FrontMatterError(
            f"the front matter (between the '---' lines) is not valid YAML{where}: {problem}; "
            "fix it, or quote values that contain ':'"
        ) from exc
    if not isinstance(meta, dict):
        return Split({}, text)
    body = text[closing.end() :]
    body = body[1:] if body.startswith("\n") else body  # the closing line's own newline
    body = body[1:] if body.startswith("\n") else body  # and ONE blank line
    return Split({str(k): v for k, v in meta.items()}, body)


_HEADER_LINE = re.compile(r"([A-Za-z][A-Za-z _-]{0,30}):[ \t]*(.*?)[ \t]*")
#: More lines than this at the top are a text, not a header.
MAX_HEADER_LINES = 12


def split_header_lines(text: str) -> Split:
    """Separate plain header lines ("Title: ...", "Date: ...") from the body.

    Every line before the first blank one must be ``name: value`` with a name the record readers know
    (title, published, date, url, source, author, language ...); otherwise, or without the blank line,
    the text comes back whole, so an article opening "Kyiv: troops ..." keeps its first line.
    """
    meta: dict[str, str] = {}
    position = 0
    while len(meta) <= MAX_HEADER_LINES:
        end = text.find("\n", position)
        if end == -1:
            return Split({}, text)
        line = text[position:end].rstrip("\r")
        if not line.strip():
            return Split(meta, text[end + 1 :]) if meta else Split({}, text)
        match = _HEADER_LINE.fullmatch(line)
        if match is None or squash(match.group(1)) not in _header_names():
            return Split({}, text)
        meta[match.group(1).strip()] = match.group(2)
        position = end + 1
    return Split({}, text)


@functools.cache
def _header_names() -> frozenset[str]:
    names = {name for role in ROLES if role != "text" for name in synonyms()[role]}
    return frozenset(names | {"language", "lang"})
