"""Reading articles and extracting events, cached so a rerun (a filter change) costs nothing.

Ingestion and the pipeline are pure functions of their inputs, so their results are cached by
content: an article's rows are keyed by its id (a hash of its text) and its metadata; an upload
by its name and bytes. Progress is drawn outside the cached functions (a cached function may not
touch elements created outside it), one step per article not yet extracted in this session.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd
import streamlit as st

from timeline.article import Article, Skipped
from timeline.ingest import IngestOptions, LoadSummary, load, load_bytes, load_text
from timeline.pipeline import PipelineSettings, extract_article, frame_from_rows
from timeline_app.text import md

DEMO_DIR = Path(__file__).resolve().parents[1] / "data" / "demo"

#: Files accepted in one upload (the project's own limit; the size limit per file is
#: ``server.maxUploadSize`` in .streamlit/config.toml).
MAX_UPLOAD_FILES = 50

#: Links fetched in one go.
MAX_LINKS = 20

Result = Article | Skipped


def _demo_fingerprint() -> tuple:
    return tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(DEMO_DIR.glob("*.md")))


@st.cache_data(show_spinner=False)
def _demo_results(fingerprint: tuple) -> list[Result]:
    return list(load([DEMO_DIR / name for name, _, _ in fingerprint]))


def demo_results() -> list[Result]:
    """The bundled demo corpus (re-read when its files change)."""
    return _demo_results(_demo_fingerprint())


@st.cache_data(show_spinner=False, max_entries=500)
def upload_results(name: str, data: bytes, dayfirst: bool = True) -> list[Result]:
    """Articles from one uploaded file (any kind ingestion reads, zip archives included); ``dayfirst`` reads a
    spreadsheet's or feed's 03/02/2022 as 3 February (False: March 2)."""
    return list(load_bytes(name, data, IngestOptions(dayfirst=dayfirst)))


def paste_result(text: str, title: str, published: dt.date | None) -> Result:
    """One article from the paste box."""
    return load_text(text, title=title.strip(), published=published, source="pasted")


def fetch_results(links: Iterable[str], dayfirst: bool = True) -> list[Result]:
    """Articles from links and feeds, fetched under ingestion's SSRF rules (public hosts only)."""
    return list(load(list(links), IngestOptions(allow_private_hosts=False, dayfirst=dayfirst)))


def parse_links(text: str) -> tuple[list[str], list[Skipped]]:
    """The http(s) links in the box (one per line), and a refusal for anything else."""
    links, refused = [], []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if line.lower().startswith(("http://", "https://")):
            links.append(line)
        else:
            refused.append(Skipped(line[:80], "invalid", "only http(s) links and feed URLs can be fetched"))
    if len(links) > MAX_LINKS:
        refused += [Skipped(x, "limit", f"at most {MAX_LINKS} links per fetch") for x in links[MAX_LINKS:]]
        links = links[:MAX_LINKS]
    return links, refused


def combine(groups: Sequence[Sequence[Result]]) -> tuple[list[Article], list[Result]]:
    """Articles from every source, exact duplicates (same text) dropped and recorded as skipped."""
    seen: dict[str, Article] = {}
    results: list[Result] = []
    for group in groups:
        for result in group:
            if isinstance(result, Article) and result.article_id in seen:
                first = seen[result.article_id]
                results.append(Skipped(result.origin or result.title, "duplicate", f"same text as {first.origin}"))
                continue
            if isinstance(result, Article):
                seen[result.article_id] = result
            results.append(result)
    return list(seen.values()), results


def with_overrides(articles: Iterable[Article], overrides: dict[str, dt.date]) -> list[Article]:
    """Articles with the user's publication dates (basis "user") where one was given."""
    out = []
    for article in articles:
        day = overrides.get(article.article_id)
        if day is not None:
            article = dataclasses.replace(article, published=day, published_basis="user")
        out.append(article)
    return out


def summary(results: Iterable[Result], articles: Iterable[Article] = ()) -> LoadSummary:
    """What was read. ``articles``: the same articles after the user's publication dates, which replace them (an
    article given a date no longer "has no publication date")."""
    dated = {article.article_id: article for article in articles}
    return LoadSummary.from_results(
        dated.get(r.article_id, r) if isinstance(r, Article) else r for r in results
    )


def _key(article: Article, settings: PipelineSettings) -> tuple:
    return (article.article_id, article.published, article.published_basis, article.title, article.url,
            article.source, article.origin, settings.undated, settings.dayfirst)  # fmt: skip


@st.cache_data(show_spinner=False, max_entries=5000)
def _article_rows(key: tuple, _article: Article, _settings: PipelineSettings) -> list[dict]:
    return extract_article(_article, _settings)


@st.cache_data(show_spinner=False, max_entries=20)
def _frame(keys: tuple, _rows: list[list[dict]]) -> pd.DataFrame:
    return frame_from_rows([row for rows in _rows for row in rows])


def _rows_or_error(key: tuple, article: Article, settings: PipelineSettings, failures: list[str]) -> list[dict]:
    """An article's rows; a pipeline failure on one article is reported, never fatal to the page."""
    try:
        return _article_rows(key, article, settings)
    except Exception as exc:  # noqa: BLE001 - any bug in one article must not hide all the others
        name = article.title or article.origin
        failures.append(f"{name}: events could not be extracted ({type(exc).__name__}: {exc})")
        return []


def extract(
    articles: Sequence[Article], done: set[tuple], settings: PipelineSettings
) -> tuple[pd.DataFrame, list[str]]:
    """The events frame of ``articles`` under ``settings`` and one message per article that failed.

    Articles not yet in ``done`` (session state: keys extracted earlier in this session) get a
    progress step each; a rerun that only changes a filter draws no progress at all.
    """
    keys = [_key(a, settings) for a in articles]
    todo = [i for i, key in enumerate(keys) if key not in done]
    rows: list[list[dict] | None] = [None for _ in articles]
    failures: list[str] = []
    if todo:
        label = f"Extracting events from {len(todo)} article{'s' if len(todo) != 1 else ''}…"
        with st.status(label, expanded=True) as status:  # open: the progress bar inside must be seen
            bar = st.progress(0.0)
            for step, i in enumerate(todo, start=1):
                article = articles[i]
                bar.progress(step / len(todo), text=md(f"{step}/{len(todo)} · {article.title or article.origin}"[:120]))
                rows[i] = _rows_or_error(keys[i], article, settings, failures)
                done.add(keys[i])
            status.update(label=f"Extracted events from {len(todo)} article{'s' if len(todo) != 1 else ''}",
                          state="error" if failures else "complete", expanded=False)  # fmt: skip
    for i, article in enumerate(articles):
        if rows[i] is None:
            rows[i] = _rows_or_error(keys[i], article, settings, failures)
    return _frame(tuple(keys), rows), failures
