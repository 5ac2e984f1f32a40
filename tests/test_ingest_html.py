"""Saved web pages: text through trafilatura, and each publication-date convention with its basis."""

from __future__ import annotations

import datetime as dt

import pytest
from ingest_fixtures import page

from timeline.article import Article, Skipped
from timeline.ingest import IngestOptions, load_bytes
from timeline.ingest.html import fragment_text

DAY = dt.date(2022, 2, 10)


def one(html: str, url: str = "", options: IngestOptions | None = None) -> Article:
    results = list(load_bytes("page.html", html.encode("utf-8"), options or IngestOptions(), url=url))
    assert len(results) == 1 and isinstance(results[0], Article), results
    return results[0]


@pytest.mark.parametrize(
    "head",
    [
        '<meta property="article:published_time" content="2022-02-10T09:15:00+02:00">',
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
        '"headline": "Drills begin near the border", "datePublished": "2022-02-10T09:15:00Z"}</script>',
    ],
    ids=["meta", "json-ld"],
)
def test_metadata_dates(head):
    article = one(page(head))
    assert (article.published, article.published_basis) == (DAY, "metadata")
    assert "metadata" in article.published_detail
    assert "joint military drills" in article.text
    assert article.title == "Drills begin near the border"


def test_time_element():
    html = page().replace("<article>", '<article><time datetime="2022-02-10">10 February 2022</time>')
    article = one(html)
    assert article.published == DAY
    assert article.published_basis in ("metadata", "dateline")


def test_dateline_only():
    article = one(page(first="KYIV, Feb. 10, 2022 (Reuters) - Ukraine said on Thursday it was ready."))
    assert (article.published, article.published_basis) == (DAY, "dateline")
    assert "KYIV" in article.published_detail


def test_url_only_and_not_without_it():
    article = one(page(), url="https://news.example.com/world/2022/02/10/drills-begin.html")
    assert (article.published, article.published_basis) == (DAY, "url")
    assert article.url.endswith("drills-begin.html")
    assert article.source == "news.example.com"
    assert one(page()).published is None


def test_metadata_beats_dateline_and_url():
    article = one(
        page('<meta property="article:published_time" content="2022-02-09">', first="February 10, 2022 / Wire -"),
        url="https://example.com/2022/02/11/x",
    )
    assert (article.published, article.published_basis) == (dt.date(2022, 2, 9), "metadata")


def test_user_date_overrides_everything():
    options = IngestOptions(published=dt.date(2022, 3, 1))
    article = one(page('<meta property="article:published_time" content="2022-02-09">'), options=options)
    assert (article.published, article.published_basis) == (dt.date(2022, 3, 1), "user")


def test_site_name_is_the_source():
    article = one(page('<meta property="og:site_name" content="Example News">'))
    assert article.source == "Example News"


def test_page_without_text_is_skipped():
    results = list(load_bytes("empty.html", b"<html><head><title>x</title></head><body></body></html>"))
    assert [r.reason for r in results if isinstance(r, Skipped)] == ["empty"]


def test_fragment_text_keeps_blocks_and_order():
    assert fragment_text("<p>x<b>y<i>z</i>w</b>v</p><p>A &amp; B<br>C</p><script>no()</script>") == "xyzwv\nA & B\nC"
    assert fragment_text("no markup at all") == "no markup at all"


def test_microdata_published_beats_a_generic_date_meta():
    html = page('<meta name="date" content="2022-01-21">').replace(
        "<article>", '<article><time itemprop="datePublished" datetime="2022-02-10">10 Feb</time>'
    )
    article = one(html)
    assert (article.published, article.published_basis) == (DAY, "metadata")
    assert "itemprop" in article.published_detail


def test_utc_stamp_is_read_as_the_outlets_local_day():
    html = page('<meta name="video:upload" content="2022-02-09T21:11:03-05:00">').replace(
        "<article>", '<article><meta itemprop="datePublished" content="2022-02-10T02:11:03+00:00">'
    )
    assert one(html).published == dt.date(2022, 2, 9)
