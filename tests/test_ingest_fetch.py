"""Links: the SSRF guard, schemes, redirects, size cap and time-outs, against a local http.server."""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from ingest_fixtures import RSS, page

from timeline.article import Article, Skipped
from timeline.ingest import IngestOptions, load
from timeline.ingest.fetch import _public

ALLOW = IngestOptions(allow_private_hosts=True, connect_timeout=2, read_timeout=2)
PAGE = page('<meta property="article:published_time" content="2022-02-10">').encode()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep test output clean
        pass

    def send(self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8", **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        path = self.path
        if path == "/story":
            self.send(200, PAGE)
        elif path == "/ua":
            self.send(200, f"Agent: {self.headers.get('User-Agent')}. Troops moved on Thursday.".encode(), "text/plain")
        elif path == "/records.json":
            body = [{"text": "Troops moved.", "date": "2 days ago"}, {"text": "Talks went on.", "date": "May 2022"}]
            self.send(200, json.dumps(body).encode(), "application/json")
        elif path == "/feed":
            self.send(200, RSS.encode(), "application/rss+xml")
        elif path.startswith("/hop/"):
            left = int(path.rsplit("/", 1)[1])
            self.send(302, b"", Location="/story" if left == 0 else f"/hop/{left - 1}")
        elif path == "/to-file":
            self.send(302, b"", Location="file:///etc/passwd")
        elif path == "/big":
            self.send(200, b"x" * 5000, "text/plain")
        elif path == "/slow":
            time.sleep(1.5)
            self.send(200, PAGE)
        else:
            self.send(404, b"not here")


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:  # the timed-out client hung up
        pass


@pytest.fixture(scope="module")
def server():
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


def only(url: str, options: IngestOptions = ALLOW) -> Article | Skipped:
    results = list(load([url], options))
    assert len(results) == 1, results
    return results[0]


def test_loopback_is_refused_by_default(server):
    skipped = only(f"{server}/story", IngestOptions())
    assert isinstance(skipped, Skipped) and skipped.reason == "refused"
    assert "127.0.0.1" in skipped.detail and "save the page" in skipped.detail
    assert "--allow-private-hosts" not in skipped.detail  # the app shows this message too: no CLI flags in it


def test_fetched_when_allowed(server):
    article = only(f"{server}/story")
    assert isinstance(article, Article)
    assert (article.published, article.published_basis) == (dt.date(2022, 2, 10), "metadata")
    assert article.origin == f"{server}/story" and article.url == f"{server}/story"
    assert "joint military drills" in article.text


def test_user_agent_is_sent(server):
    article = only(f"{server}/ua")
    assert IngestOptions().user_agent in article.text


def test_feed_link(server):
    assert len([r for r in load([f"{server}/feed"], ALLOW) if isinstance(r, Article)]) == 2


def test_redirects_are_followed_up_to_the_limit(server):
    assert isinstance(only(f"{server}/hop/2"), Article)
    skipped = only(f"{server}/hop/9", IngestOptions(allow_private_hosts=True, max_redirects=3))
    assert skipped.reason == "fetch_failed" and "3 redirects" in skipped.detail


def test_redirect_to_another_scheme_is_refused(server):
    assert only(f"{server}/to-file").reason == "refused"


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/story.txt", "gopher://example.com/x"])
def test_other_schemes_are_refused(url):
    skipped = only(url, IngestOptions())
    assert skipped.reason == "refused" and "http" in skipped.detail


def test_http_errors_name_the_status(server):
    skipped = only(f"{server}/nothing")
    assert skipped.reason == "fetch_failed" and "404" in skipped.detail


def test_size_cap(server):
    skipped = only(f"{server}/big", IngestOptions(allow_private_hosts=True, max_fetch_bytes=1000))
    assert skipped.reason == "too_large"


def test_read_timeout(server):
    skipped = only(f"{server}/slow", IngestOptions(allow_private_hosts=True, read_timeout=0.3))
    assert skipped.reason == "fetch_failed" and "timed out" in skipped.detail


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("8.8.8.8", True),
        ("2001:4860:4860::8888", True),
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("192.168.0.10", False),
        ("169.254.169.254", False),  # cloud metadata service
        ("224.0.0.1", False),
        ("0.0.0.0", False),
        ("::1", False),
        ("fe80::1", False),
        ("::ffff:127.0.0.1", False),
    ],
)
def test_public_addresses(address, public):
    assert _public(ipaddress.ip_address(address)) is public


def test_relative_record_dates_count_from_the_fetch(server):
    records = [r for r in load([f"{server}/records.json"], ALLOW) if isinstance(r, Article)]
    assert [r.published for r in records] == [dt.datetime.now(dt.UTC).date() - dt.timedelta(days=2), None]
