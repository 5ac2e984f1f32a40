"""Which links may be shown or written: only absolute http(s) URLs with a host.

A ``javascript:``, ``data:`` or relative link taken from an article must never become clickable.
"""

from __future__ import annotations

from urllib.parse import urlsplit


def safe_url(url: str) -> str:
    """``url`` when it is an absolute http(s) URL with a host, else ``""``."""
    url = (url or "").strip()
    if any(ch.isspace() or ord(ch) < 32 for ch in url):
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    return url if parts.scheme.lower() in ("http", "https") and parts.hostname else ""
