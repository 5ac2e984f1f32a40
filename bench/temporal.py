"""Throughput of the temporal tagger against dateparser's search_dates, and growth on hostile input.

Run by hand: ``.venv/bin/python bench/temporal.py [--chars N]``. Prints chars/s for each tagger on the same texts
(TBAQ documents when ../shared is present, and a synthetic news text), their ratio (target >= 5), and the time
growth from 100 KB to 1 MB of adversarial text (target near 10, i.e. linear). Times are CPU seconds, best of three.
"""

from __future__ import annotations

import argparse
import datetime
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timeline.evaluate.timex import iter_documents  # noqa: E402
from timeline.temporal import tag  # noqa: E402

TBAQ = ROOT.parent / "shared" / "data" / "tbaq"

SENTENCES = [
    "Russian troops arrived in Belarus on Wednesday, officials said.",
    "Joint drills are set to begin on Thursday, 10 February, and last 10 days.",
    "In August 2020, protests erupted after the election.",
    "The ministers will meet again next week in Geneva.",
    "Crimea was annexed in 2014; sanctions followed two weeks later.",
    "About 30,000 troops and 1,000 vehicles may be involved, the report said.",
    "Talks are expected to resume in mid-March or early April 2022.",
    "Prices rose 5% in the third quarter from a year earlier.",
    "The embassy said on Feb. 12, 2022 that staff would leave within 48 hours.",
    "Shelling continued overnight and into Thursday morning, local time 5 a.m.",
]


def synthetic_news(chars: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    while size < chars:
        sentence = rng.choice(SENTENCES)
        parts.append(sentence)
        size += len(sentence) + 1
    return " ".join(parts)


def adversarial(chars: int) -> str:
    """Long digit runs, thousands of month names, repeated "of the", runs with no whitespace, and dense real
    expressions (every guard that looks back must look only a little way back, or the growth shows it)."""
    blocks = [
        " It will last 3 days, the past two weeks, on 24 February at 05:00, next Thursday; $5 a year." * 60,
        "1" * 5000,
        " ".join(["May March June"] * 400),
        " of the" * 800,
        "x" * 5000,
        "10/10/10/10/" * 400,
        "Thursday,10February" * 250,
        "-" * 3000 + "2022" + "," * 3000,
    ]
    text = ""
    index = 0
    while len(text) < chars:
        text += blocks[index % len(blocks)] + "\n"
        index += 1
    return text[:chars]


REPEATS = 3  # best of three: the machine is shared, so single timings are noisy


def best_time(function, texts: list[str]) -> float:
    """Least CPU time (process_time: other processes' load does not count) over ``REPEATS`` runs."""
    best = float("inf")
    for _ in range(REPEATS):
        start = time.process_time()
        for text in texts:
            function(text)
        best = min(best, time.process_time() - start)
    return max(best, 1e-9)


def throughput(function, texts: list[str]) -> float:
    return sum(len(t) for t in texts) / best_time(function, texts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--chars", type=int, default=60_000, help="characters of each corpus given to dateparser")
    args = parser.parse_args()
    corpora: dict[str, list[str]] = {"synthetic news": [synthetic_news(args.chars)]}
    if TBAQ.exists():
        texts, size = [], 0
        for document in iter_documents([str(TBAQ / "timebank"), str(TBAQ / "aquaint")]):
            texts.append(document.text)
            size += len(document.text)
            if size >= args.chars:
                break
        corpora["TBAQ"] = texts
    try:
        from dateparser.search import search_dates
    except ImportError:  # the comparison needs dateparser; the growth test does not
        search_dates = None
    tag(SENTENCES[0], "2022-02-10")  # load and compile the rules once, outside the timing
    base = {"RELATIVE_BASE": datetime.datetime(2022, 2, 10)}
    for name, texts in corpora.items():
        ours = throughput(lambda text: tag(text, "2022-02-10"), texts)
        print(f"{name}: {sum(map(len, texts))} chars; timeline.temporal {ours:,.0f} chars/s", end="")
        if search_dates is not None:
            theirs = throughput(lambda text: search_dates(text, languages=["en"], settings=base), texts)
            print(f"; dateparser.search_dates {theirs:,.0f} chars/s; ratio {ours / theirs:.1f}x")
        else:
            print("; dateparser not installed")
    timings = {}
    for size in (100_000, 1_000_000):
        text = adversarial(size)
        timings[size] = best_time(lambda text: tag(text, "2022-02-10"), [text])
        print(f"adversarial {size:,} chars: {timings[size]:.2f} s ({size / timings[size]:,.0f} chars/s)")
    print(f"growth 100 KB -> 1 MB: {timings[1_000_000] / timings[100_000]:.1f}x (linear = 10)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
