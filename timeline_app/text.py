"""Article text as Markdown that renders literally: no markup, link, address, formula or directive survives.

Streamlit's ``st.markdown`` never renders raw HTML without ``unsafe_allow_html`` (which this app
never uses), but Markdown itself would still turn ``*``, ``[..](..)``, ``$..$`` or ``:red[..]`` in
an article into formatting or links. CommonMark lets a backslash escape any ASCII punctuation, so
escaping all of it shows the text exactly as written.
"""

from __future__ import annotations

import re
from pathlib import Path

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")

#: Where Streamlit's renderer would still turn plain text into a link (it links "http://", "www." and e-mail
#: addresses in the rendered text, after escapes and character references are resolved): an invisible word
#: joiner there keeps an address in an article or an error message as text, never a link to click.
_AUTOLINK = re.compile(r"(?<=:/)(?=/)|(?i:(?<=\bwww)(?=\.))|(?=@)")
_WORD_JOINER = "\u2060"


def md(text: object) -> str:
    """``text`` escaped for Markdown, on one line."""
    return _PUNCTUATION.sub(r"\\\1", _AUTOLINK.sub(_WORD_JOINER, " ".join(str(text).split())))


def highlighted(sentence: str, start: int, end: int) -> str:
    """The sentence as Markdown with characters ``start:end`` (the date expression) highlighted."""
    if not 0 <= start < end <= len(sentence):
        return md(sentence)
    before, expr, after = sentence[:start], sentence[start:end], sentence[end:]
    lead = " " if before[-1:].isspace() else ""
    trail = " " if after[:1].isspace() else ""
    return f"{md(before)}{lead}:orange-background[**{md(expr)}**]{trail}{md(after)}"


_ROOT = Path(__file__).resolve().parents[1]


def origin_label(origin: str) -> str:
    """Where an article was read from, without the server's own folders (a path under the app shows
    relative to it, any other local path as its file name; URLs and archive members unchanged)."""
    if "://" in origin or not origin.startswith("/"):
        return origin
    path = Path(origin.split("!", 1)[0])
    member = origin.split("!", 1)[1] if "!" in origin else ""
    shown = str(path.relative_to(_ROOT)) if path.is_relative_to(_ROOT) else path.name
    return shown + (f"!{member}" if member else "")


def counted(n: int, noun: str) -> str:
    """ "1 event", "2 events": a count with its noun in the right number (regular plurals only)."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
