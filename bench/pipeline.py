"""Per-stage time of the pipeline, and enrichment's cost against temporal tagging (target: at most 3x).

Run by hand: ``.venv/bin/python bench/pipeline.py [--repeat N]``. Runs the whole pipeline over the demo
corpus (``data/demo/``) and the TBAQ texts (``../shared/data/tbaq/*/*.tml``, when present), timing each
stage (tagging and enrichment by wrapping the functions the pipeline calls; clustering on the frame of each
corpus), and prints seconds per stage and the ratio
enrichment / tagging. Gazetteers and lexicons are compiled before the clock starts (their one-off load
time is printed on its own line), since a running app pays it once per process. Last, one long article made of
the demo texts is run at ~200 KB and ~1 MB, and the growth printed (linear = 5x).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timeline import pipeline  # noqa: E402
from timeline.article import Article  # noqa: E402
from timeline.evaluate.timex import iter_documents  # noqa: E402
from timeline.events import enrich as enrich_module  # noqa: E402
from timeline.ingest import load  # noqa: E402

DEMO = ROOT / "data" / "demo"
TBAQ = ROOT.parent / "shared" / "data" / "tbaq"

STAGES = ("tag", "enrich", "cluster")


def timed(name: str, fn: Callable, clock: dict[str, float]) -> Callable:
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            clock[name] += time.perf_counter() - start

    return wrapper


def corpora() -> dict[str, list[Article]]:
    out: dict[str, list[Article]] = {}
    if DEMO.exists():
        out["demo"] = [a for a in load([DEMO]) if isinstance(a, Article)]
    if TBAQ.exists():
        docs = iter_documents([str(p) for p in sorted(TBAQ.iterdir()) if p.is_dir()])
        out["tbaq"] = [
            Article(text=d.text, title=d.name, source=d.name, published=_date(d.dct), published_basis="metadata")
            for d in docs
        ]
    return out


def _date(value: str):
    import datetime as dt

    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def warm_up() -> float:
    """Compile every gazetteer and lexicon once; returns the seconds it took."""
    start = time.perf_counter()
    probe = Article(text="Putin met Macron in Paris on Monday; 30,000 troops massed near Kharkiv.")
    row = {"sentence": probe.text, "char_start": 0, "char_end": len(probe.text), "timex_start": -1, "timex_end": -1}
    enrich_module.enrich(row, probe)
    return time.perf_counter() - start


def run(articles: list[Article], repeat: int) -> tuple[dict[str, float], float, int, int]:
    """Per-stage seconds, total seconds, events and rows without a holdable date, over ``repeat`` runs."""
    clock: dict[str, float] = defaultdict(float)
    originals = {"tag": pipeline.tag, "enrich": pipeline.enrich, "cluster": pipeline.cluster}
    for stage, fn in originals.items():
        setattr(pipeline, stage, timed(stage, fn, clock))
    try:
        start = time.perf_counter()
        frame = None
        for _ in range(repeat):
            rows = [row for article in articles for row in pipeline.extract_article(article)]
            frame = pipeline.frame_from_rows(rows)  # validates: unique ids, every date holdable
        total = time.perf_counter() - start
    finally:
        for stage, fn in originals.items():
            setattr(pipeline, stage, fn)
    assert frame is not None
    unplaced = int((frame["date_basis"] == "unresolved").sum())
    return clock, total, len(frame), unplaced


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs over each corpus (default 3)")
    args = parser.parse_args(argv)
    print(f"gazetteers and lexicons compiled once: {warm_up():.2f}s")
    found = corpora()
    if not found:
        print("no corpus found (data/demo/ or ../shared/data/tbaq/)", file=sys.stderr)
        return 2
    overall: dict[str, float] = defaultdict(float)
    for name, articles in found.items():
        chars = sum(len(a.text) for a in articles)
        clock, total, rows, unplaced = run(articles, args.repeat)
        for stage in STAGES:
            overall[stage] += clock[stage]
        other = total - sum(clock[s] for s in STAGES)
        stages = " ".join(f"{s}={clock[s]:.3f}s" for s in STAGES)
        ratio = clock["enrich"] / clock["tag"] if clock["tag"] else float("nan")
        print(
            f"{name}: {len(articles)} articles, {chars:,} chars, {rows} events, x{args.repeat} | {stages} "
            f"other={other:.3f}s total={total:.3f}s | enrichment/tagging = {ratio:.2f}"
        )
        if unplaced:
            print(f"  note: {unplaced} rows kept without a calendar date (no publication date, or outside 1678-2261)")
    ratio = overall["enrich"] / overall["tag"] if overall["tag"] else float("nan")
    verdict = "within" if ratio <= 3 else "OVER"
    print(f"all: tag={overall['tag']:.3f}s enrich={overall['enrich']:.3f}s cluster={overall['cluster']:.3f}s | "
          f"enrichment/tagging = {ratio:.2f} ({verdict} the 3x target)")
    if "demo" in found:
        print(long_article_growth(found["demo"]))
    return 0


def long_article_growth(articles: list[Article]) -> str:
    """Seconds for one article of ~200 KB and of five times that, made of the demo texts end to end: a user may
    upload one long file, and its time must grow with its length, not faster (linear = 5x)."""
    body = "\n\n".join(a.text for a in articles)
    published = articles[0].published
    times = []
    for size in (200_000, 1_000_000):
        text = (body * (size // len(body) + 1))[:size]
        start = time.perf_counter()
        pipeline.extract_article(Article(text=text, published=published, published_basis="metadata"))
        times.append(time.perf_counter() - start)
    return (f"one long article: 200 KB {times[0]:.1f}s, 1 MB {times[1]:.1f}s, growth {times[1] / times[0]:.1f}x "
            "(linear = 5)")


if __name__ == "__main__":
    raise SystemExit(main())
