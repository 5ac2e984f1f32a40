"""Which loader reads an input: files, folders, archives and links, streamed one article at a time.

Kinds are decided by extension for files, by Content-Type for links, and by sniffing the bytes
when neither says. Every input ends as Article or Skipped; the run-wide limits (file count,
total bytes) are kept by :class:`Budget`.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from timeline.article import Article, Skipped
from timeline.ingest.archive import Member, gunzip, members
from timeline.ingest.decode import NotText, decode
from timeline.ingest.feeds import feed_articles, looks_like_feed
from timeline.ingest.fetch import FetchError, fetch, is_url
from timeline.ingest.html import html_article
from timeline.ingest.options import IngestOptions
from timeline.ingest.records import csv_records, json_records, jsonl_records, record_articles, xlsx_records
from timeline.ingest.textfile import text_article

EXTENSIONS: dict[str, str] = {
    **dict.fromkeys((".txt", ".text", ".md", ".markdown"), "text"),
    **dict.fromkeys((".html", ".htm", ".xhtml", ".shtml"), "html"),
    ".json": "json",
    **dict.fromkeys((".jsonl", ".ndjson"), "jsonl"),
    **dict.fromkeys((".csv", ".tsv"), "csv"),
    ".xlsx": "xlsx",
    **dict.fromkeys((".rss", ".atom", ".xml"), "feed"),
    ".zip": "zip",
    ".gz": "gzip",
}
_CONTENT_TYPES: dict[str, str] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/rdf+xml": "feed",
    "application/xml": "feed",
    "text/xml": "feed",
    "application/json": "json",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "text/csv": "csv",
    "text/plain": "text",
    "text/markdown": "text",
    "application/zip": "zip",
    "application/gzip": "gzip",
    "application/x-gzip": "gzip",
}
SUPPORTED = "use .txt, .md, .html, .json, .jsonl, .csv, .xlsx, RSS/Atom feeds, .zip, .gz, folders or http(s) links"


class Budget:
    """Run-wide limits: number of files and bytes read, across every input of one load."""

    def __init__(self, options: IngestOptions) -> None:
        self.options = options
        self.files = 0
        self.bytes = 0

    def admit(self, origin: str, size: int) -> Skipped | None:
        """Count a file about to be read, or say which limit it is past."""
        if self.files + 1 > self.options.max_files:
            return Skipped(origin, "limit", f"past the limit of {self.options.max_files:,} files in one run")
        if self.bytes + size > self.options.max_total_bytes:
            return Skipped(origin, "limit", f"past the limit of {self.options.max_total_bytes:,} bytes in one run")
        self.files += 1
        self.bytes += size
        return None


def kind_of(name: str, data: bytes, content_type: str = "") -> str | None:
    """The loader for these bytes: by declared type, then extension, then a look at the bytes."""
    declared = _CONTENT_TYPES.get(content_type)
    suffix = PurePosixPath(name).suffix.lower()
    kind = declared or EXTENSIONS.get(suffix)
    if kind == "feed" and not looks_like_feed(data):
        return "html" if _looks_like_html(data) else None  # XML that is not a feed
    if kind == "text" and declared and _looks_like_html(data):
        return "html"
    if kind:
        return kind
    if suffix and not content_type:
        return None  # a file's unknown extension is not guessed at: .py, .docx, .jpg are not articles
    if data.startswith(b"PK\x03\x04"):
        return "zip"
    if data.startswith(b"\x1f\x8b"):
        return "gzip"
    if looks_like_feed(data):
        return "feed"
    if _looks_like_html(data):
        return "html"
    head = data.lstrip()[:1]
    if head in (b"{", b"["):
        return "json"
    return "text"


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def declared_charset(data: bytes) -> str | None:
    """The charset a saved page names in its <meta> (a hint: strict UTF-8 is still tried first)."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def _looks_like_html(data: bytes) -> bool:
    head = data[:4096].lower()
    return any(marker in head for marker in (b"<!doctype html", b"<html", b"<head", b"<body"))


def from_bytes(
    name: str,
    data: bytes,
    *,
    origin: str,
    options: IngestOptions,
    budget: Budget,
    url: str = "",
    content_type: str = "",
    charset: str | None = None,
    depth: int = 0,
    fetched_at: dt.datetime | None = None,
) -> Iterator[Article | Skipped]:
    """Every article in one input's bytes (several for feeds, records and archives).

    ``fetched_at`` (for a link) is the base for relative metadata dates such as "2 hours ago".
    """
    kind = kind_of(name, data, content_type)
    if kind is None:
        what = PurePosixPath(name).suffix or content_type or "this kind of"
        yield Skipped(origin, "unsupported", f"{what} files are not read; {SUPPORTED}")
        return
    if not data.strip():
        yield Skipped(origin, "empty", "the file is empty")
        return
    if kind == "zip":
        yield from _archive(io.BytesIO(data), origin=origin, options=options, budget=budget, depth=depth)
        return
    if kind == "xlsx":  # a zip of XML: read as a workbook, not as an archive of files
        source = PurePosixPath(name).name
        yield from record_articles(xlsx_records(data), origin=origin, options=options, source=source,
                                   fetched_at=fetched_at)  # fmt: skip
        return
    if kind == "gzip":
        yield from _gzip(name, data, origin=origin, options=options, budget=budget, depth=depth, url=url)
        return
    source = PurePosixPath(name).name
    if kind == "feed":
        yield from feed_articles(data, origin=origin, options=options, source=source)
        return
    if kind == "html" and charset is None:
        charset = declared_charset(data)
    try:
        decoded = decode(data, declared=charset)
    except NotText as exc:
        yield Skipped(origin, exc.reason, exc.detail)
        return
    text, extra = decoded.text, {"encoding": decoded.encoding, "lossy": decoded.lossy}
    if kind == "html":
        yield html_article(text, origin=origin, options=options, url=url, source=source, **extra)
    elif kind == "text":
        yield text_article(text, origin=origin, options=options, source=source, url=url, fetched_at=fetched_at, **extra)
    else:
        yield from _records(kind, text, origin=origin, options=options, source=source, fetched_at=fetched_at)


def _records(
    kind: str, text: str, *, origin: str, options: IngestOptions, source: str, fetched_at: dt.datetime | None
) -> Iterator[Article | Skipped]:
    if kind == "csv":
        records = csv_records(text, max_field=options.max_file_bytes)
    elif kind == "jsonl":
        records = jsonl_records(text)
    else:
        try:
            records = iter(list(json_records(text)))
        except json.JSONDecodeError as exc:
            yield Skipped(origin, "invalid", f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})")
            return
    yield from record_articles(records, origin=origin, options=options, source=source, fetched_at=fetched_at)


def _archive(
    source: str | io.BytesIO, *, origin: str, options: IngestOptions, budget: Budget, depth: int
) -> Iterator[Article | Skipped]:
    if depth >= options.max_archive_depth:
        yield Skipped(origin, "limit", f"archives nested deeper than {options.max_archive_depth} are not opened")
        return
    for member in members(source, origin=origin, options=options):
        if isinstance(member, Skipped):
            yield member
            continue
        yield from _member(member, options=options, budget=budget, depth=depth)


def _gzip(
    name: str, data: bytes, *, origin: str, options: IngestOptions, budget: Budget, depth: int, url: str
) -> Iterator[Article | Skipped]:
    """ "pages.jsonl.gz": the file inside is read as what its own name says (JSON Lines here)."""
    if depth >= options.max_archive_depth:
        yield Skipped(origin, "limit", f"archives nested deeper than {options.max_archive_depth} are not opened")
        return
    inner = gunzip(data, origin=origin, options=options)
    if isinstance(inner, Skipped):
        yield inner
        return
    inner_name = name[:-3] if name.lower().endswith(".gz") else name
    yield from from_bytes(inner_name, inner, origin=origin, options=options, budget=budget, url=url, depth=depth + 1)


def _member(member: Member, *, options: IngestOptions, budget: Budget, depth: int) -> Iterator[Article | Skipped]:
    refused = budget.admit(member.origin, len(member.data))
    if refused:
        yield refused
        return
    yield from from_bytes(
        member.name, member.data, origin=member.origin, options=options, budget=budget, depth=depth + 1
    )


def from_input(item: str | os.PathLike, *, options: IngestOptions, budget: Budget) -> Iterator[Article | Skipped]:
    """A path (file or folder) or an http(s) link."""
    name = os.fspath(item)
    if isinstance(name, bytes):
        name = os.fsdecode(name)
    if not name.strip():
        yield Skipped(repr(name), "missing", "an empty path")
        return
    if is_url(name):
        yield from _link(name, options=options, budget=budget)
        return
    path = Path(name)
    if path.is_dir():
        yield from _folder(path, origin=name, options=options, budget=budget)
    elif path.exists():
        yield from _file(path, origin=name, options=options, budget=budget)
    else:
        yield Skipped(name, "missing", "no such file or folder")


def _folder(root: Path, *, origin: str, options: IngestOptions, budget: Budget) -> Iterator[Article | Skipped]:
    """Files under ``root`` in path order, walked lazily; hidden entries and symlinked folders are left out."""
    found = False
    for path in _walk(root):
        found = True
        if isinstance(path, Skipped):
            yield path
            continue
        yield from _file(path, origin=os.path.join(origin, os.path.relpath(path, root)), options=options, budget=budget)
    if not found:
        yield Skipped(origin, "empty", "the folder holds no files")


def _walk(folder: Path) -> Iterator[Path | Skipped]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield Skipped(str(folder), "unreadable", f"cannot list the folder: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path))
        elif not entry.is_dir():
            yield Path(entry.path)


def _file(path: Path, *, origin: str, options: IngestOptions, budget: Budget) -> Iterator[Article | Skipped]:
    try:
        size = path.stat().st_size
    except OSError as exc:
        yield Skipped(origin, "unreadable", exc.strerror or str(exc))
        return
    if not path.is_file():
        yield Skipped(origin, "unsupported", "not a regular file")
        return
    if size == 0:
        yield Skipped(origin, "empty", "the file is empty")
        return
    is_zip = path.suffix.lower() == ".zip"
    if not is_zip and size > options.max_file_bytes:
        yield Skipped(origin, "too_large", f"{size:,} bytes, over the {options.max_file_bytes:,}-byte limit per file")
        return
    if is_zip:  # members count against the budget one by one, the archive itself does not
        yield from _archive(str(path), origin=origin, options=options, budget=budget, depth=0)
        return
    refused = budget.admit(origin, size)
    if refused:
        yield refused
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Skipped(origin, "unreadable", f"cannot read the file: {exc.strerror or exc}")
        return
    yield from from_bytes(path.name, data, origin=origin, options=options, budget=budget)


def _link(url: str, *, options: IngestOptions, budget: Budget) -> Iterator[Article | Skipped]:
    fetched_at = dt.datetime.now(dt.UTC)
    try:
        fetched = fetch(url, options)
    except FetchError as exc:
        yield Skipped(url, exc.reason, exc.detail)
        return
    refused = budget.admit(url, len(fetched.data))
    if refused:
        yield refused
        return
    name = unquote(PurePosixPath(urlsplit(fetched.url).path).name)
    yield from from_bytes(
        name,
        fetched.data,
        origin=url,
        options=options,
        budget=budget,
        url=fetched.url,
        content_type=fetched.content_type,
        charset=fetched.charset,
        fetched_at=fetched_at,
    )
