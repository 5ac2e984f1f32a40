"""Publication-date detection: exact-day accuracy of ingestion on saved web pages with a known date.

Each page's HTML goes through the project's own ingestion (``load_bytes``), without its URL unless
``--with-url`` is given (a saved page loses its address, so the bar is measured without it).

"Has a date in metadata, dateline or URL" is decided from the gold day itself, independently of
the method measured: the page carries that day (ISO, compact or slashed form) in a ``<meta>``
content, a JSON-LD block, a ``datetime``/``content`` attribute of ``<time>`` or an itemprop
element; or the first lines of its text carry it as a dateline; or (with ``--with-url``) its URL
path does.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import time
from collections import Counter
from pathlib import Path

import lxml.html

from timeline.article import Article, Skipped
from timeline.ingest import IngestOptions, load_bytes
from timeline.ingest.dateline import find_dateline
from timeline.ingest.urldate import url_date

DEFAULT = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "pubdate" / "pages.jsonl.gz"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT, help=f"pages.jsonl(.gz) (default {DEFAULT})")
    parser.add_argument("--with-url", action="store_true", help="give ingestion each page's URL too")
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages (0: all)")
    parser.add_argument("--show-errors", action="store_true", help="list every page whose day is wrong or missing")


def read_pages(path: Path) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def gold_forms(day: dt.date) -> tuple[str, ...]:
    return (day.isoformat(), day.strftime("%Y%m%d"), day.strftime("%Y/%m/%d"))


def gold_in_metadata(html: str, day: dt.date) -> bool:
    """The gold day appears in the page's structured date places (meta, JSON-LD, time/itemprop attributes)."""
    try:
        root = lxml.html.document_fromstring(html.encode("utf-8"))
    except (ValueError, lxml.etree.ParserError):
        return False
    values = root.xpath("//meta/@content")
    values += root.xpath("//script[contains(@type, 'ld+json')]/text()")
    values += root.xpath("//time/@datetime | //*[@itemprop]/@content | //*[@itemprop]/@datetime | //abbr/@title")
    forms = gold_forms(day)
    return any(form in str(value) for value in values for form in forms)


def run(args: argparse.Namespace) -> int:
    if args.file.is_dir():  # the folder of the gold file: take the file it holds
        held = [args.file / name for name in ("pages.jsonl.gz", "pages.jsonl") if (args.file / name).is_file()]
        args.file = held[0] if held else args.file / "pages.jsonl.gz"
    if not args.file.exists():
        print(f"{args.file}: not found; give the path to pages.jsonl.gz (see ../shared/data/pubdate/README.md)")
        return 2
    pages = read_pages(args.file)
    if args.limit:
        pages = pages[: args.limit]
    options = IngestOptions()
    right = no_date = has = has_right = 0
    bases: Counter[str] = Counter()
    elapsed = 0.0
    for page in pages:
        gold = dt.date.fromisoformat(page["published"])
        url = page["url"] if args.with_url else ""
        start = time.perf_counter()
        results = list(load_bytes(f"{page['id']}.html", page["html"].encode("utf-8"), options, url=url))
        article = next((r for r in results if isinstance(r, Article)), None)
        elapsed += time.perf_counter() - start
        found = article.published if article else None
        bases[article.published_basis if article else "skipped"] += 1
        ok = found == gold
        right += ok
        no_date += found is None
        dateline = find_dateline(article.text) if article else None
        in_dateline = dateline is not None and dateline.date(gold.year) == gold
        in_url = bool(url) and (url_date(url) or (None,))[0] == gold
        if gold_in_metadata(page["html"], gold) or in_dateline or in_url:
            has += 1
            has_right += ok
        if not ok and args.show_errors:
            why = (
                f"{article.published_basis}: {article.published_detail}"
                if article
                else "; ".join(r.message() for r in results if isinstance(r, Skipped)) or "no article"
            )
            print(f"  {page['id']} gold {gold} found {found} ({why})")
    n = len(pages)
    print(f"pages: {n}{' (with url)' if args.with_url else ' (html only, no url)'}")
    print(f"exact day: {right}/{n} = {right / n:.1%}")
    print(f"no date found: {no_date}")
    print(
        f"pages with the gold day in metadata, dateline or url: {has}; exact day on them: {has_right}/{has} = "
        f"{has_right / max(has, 1):.1%} (target 95%)"
    )
    print("basis: " + ", ".join(f"{b} {c}" for b, c in bases.most_common()))
    print(f"time: {elapsed / n * 1000:.1f} ms/page")
    print(
        f"pubdate{' --with-url' if args.with_url else ''}: exact day {right / n:.1%} ({right}/{n}), "
        f"{has_right / max(has, 1):.1%} ({has_right}/{has}) where metadata/dateline/url has the date, "
        f"{no_date} without a date, {elapsed / n * 1000:.1f} ms/page"
    )
    return 0
