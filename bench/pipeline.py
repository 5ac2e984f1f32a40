"""Per-stage time of the pipeline, and enrichment's cost against temporal tagging (target: at most 3x).

Run by hand: ``.venv/bin/python bench/pipeline.py [--repeat N]``. Runs the whole pipeline over the demo
corpus (``data/demo/``) and the TBAQ texts (``../shared/data/tbaq/*/*.tml``, when present), timing each
stage (tagging and enrichment by wrapping the functions the pipeline calls; clustering on the frame of each
corpus), and prints seconds per stage and the ratio
enrichment / tagging. Gazetteers and lexicons are compiled before the clock starts (their one-off load
time is printed on its own line), since a running app pays it once per process.
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

from timeline import pipeline, schema  # noqa: E402
from timeline.article import Article  # noqa: E402
from timeline.evaluate.timex import iter_documents  # noqa: E402
from timeline.events import enrich as enrich_module  # noqa: E402
from timeline.events.cluster import cluster  # noqa: E402
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


def _holdable(rows: list[dict]) -> tuple[list[dict], int]:
    """Rows whose dates pandas can hold (1678-2261); the others are counted, not hidden."""
    import pandas as pd

    def ok(value: object) -> bool:
        return value is None or pd.Timestamp.min.date() < value < pd.Timestamp.max.date()  # type: ignore[operator]

    kept = [r for r in rows if ok(r.get("start")) and ok(r.get("end"))]
    return kept, len(rows) - len(kept)


def run(articles: list[Article], repeat: int) -> tuple[dict[str, float], float, int, int, int]:
    clock: dict[str, float] = defaultdict(float)
    originals = {"tag": pipeline.tag, "enrich": pipeline.enrich}
    pipeline.tag = timed("tag", originals["tag"], clock)
    pipeline.enrich = timed("enrich", originals["enrich"], clock)
    try:
        start = time.perf_counter()
        rows: list[dict] = []
        dropped = 0
        for _ in range(repeat):
            rows = [row for article in articles for row in pipeline.extract_article(article)]
            rows, dropped = _holdable(rows)
            repeated = len(rows) - len({r["event_id"] for r in rows})
            rows = list({r["event_id"]: r for r in rows}.values())
            frame = schema.from_records(rows)
            began = time.perf_counter()
            cluster(frame)
            clock["cluster"] += time.perf_counter() - began
        total = time.perf_counter() - start
    finally:
        pipeline.tag, pipeline.enrich = originals["tag"], originals["enrich"]
    return clock, total, len(rows), dropped, repeated


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
        clock, total, rows, dropped, repeated = run(articles, args.repeat)
        for stage in STAGES:
            overall[stage] += clock[stage]
        other = total - sum(clock[s] for s in STAGES)
        stages = " ".join(f"{s}={clock[s]:.3f}s" for s in STAGES)
        ratio = clock["enrich"] / clock["tag"] if clock["tag"] else float("nan")
        print(
            f"{name}: {len(articles)} articles, {chars:,} chars, {rows} events, x{args.repeat} | {stages} "
            f"other={other:.3f}s total={total:.3f}s | enrichment/tagging = {ratio:.2f}"
        )
        if dropped:
            print(f"  note: {dropped} rows with dates outside pandas' range (1678-2261) left out of the frame")
        if repeated:
            print(f"  note: {repeated} rows repeating an event_id left out of the frame")
    ratio = overall["enrich"] / overall["tag"] if overall["tag"] else float("nan")
    verdict = "within" if ratio <= 3 else "OVER"
    print(f"all: tag={overall['tag']:.3f}s enrich={overall['enrich']:.3f}s cluster={overall['cluster']:.3f}s | "
          f"enrichment/tagging = {ratio:.2f} ({verdict} the 3x target)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
