"""YAML front matter at the top of a .txt/.md article ("---" ... "---").

The body after the closing line, less ONE blank line, is the article text: every offset the
pipeline reports points into it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

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
