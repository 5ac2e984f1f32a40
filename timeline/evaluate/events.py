"""Event dating accuracy against SemEval-2015 Task 4 gold timelines (``python -m timeline.evaluate events DIR``).

The measure is the one defined in ``shared/data/semeval2015-timeline/README.md``: for every distinct
gold mention with a known date, the pipeline row whose clause contains the mention (the one whose
date expression is nearest when several do) must give the gold date at the gold's granularity.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from timeline.article import Article, Skipped
from timeline.ingest import load
from timeline.pipeline import UNDATED_MODES, PipelineSettings, extract_article
from timeline.temporal import calendar_span, tag

#: Precisions a system date may have to match a gold date of each granularity (README rule 4).
ACCEPTED = {
    "day": ("day",),
    "month": ("day", "week", "month"),
    "year": ("day", "week", "month", "quarter", "season", "half", "year"),
}
#: Ways to date events besides the pipeline, to check the scorer against the README's reference figures.
BASELINES = ("publication", "first")


class GoldError(ValueError):
    """The gold folder is missing files or does not match its articles; the message says which."""


@dataclass(frozen=True)
class Mention:
    doc: str
    start: int
    end: int
    text: str
    dates: frozenset[str]


@dataclass
class Outcome:
    mention: Mention
    correct: bool
    error: str = ""
    row: dict | None = None
    granularity: str = ""


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)
    unknown_gold: Counter = field(default_factory=Counter)

    def accuracy(self, granularity: str | None = None) -> tuple[int, int]:
        chosen = [o for o in self.outcomes if granularity is None or o.granularity == granularity]
        return sum(o.correct for o in chosen), len(chosen)


def granularity(date: str) -> str:
    return {10: "day", 7: "month", 4: "year"}[len(date)]


def read_gold(folder: Path) -> dict[str, list[Mention]]:
    """Distinct gold mentions per document; a mention's dates are its known dates on every timeline."""
    path = folder / "gold.jsonl"
    if not path.is_file():
        raise GoldError(f"{path} not found: pass a folder holding gold.jsonl and the articles' .txt files")
    merged: dict[tuple[str, int, int], tuple[str, set[str]]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            key = (item["doc"], int(item["char_start"]), int(item["char_end"]))
            mention, date = item["mention"], item["date"]
        except (ValueError, KeyError) as exc:
            raise GoldError(f"{path}:{number}: not a gold line ({exc}); see the data README for the format") from exc
        text, dates = merged.setdefault(key, (mention, set()))
        if not date.startswith("X"):
            dates.add(date)
    by_doc: dict[str, list[Mention]] = defaultdict(list)
    for (doc, start, end), (text, dates) in sorted(merged.items()):
        by_doc[doc].append(Mention(doc, start, end, text, frozenset(dates)))
    return by_doc


def read_article(path: Path) -> Article:
    results = list(load([path]))
    articles = [r for r in results if isinstance(r, Article)]
    if len(articles) != 1:
        reasons = "; ".join(r.message() for r in results if isinstance(r, Skipped)) or "no article"
        raise GoldError(f"{path}: could not be read as one article ({reasons})")
    return articles[0]


def baseline_rows(article: Article, kind: str, settings: PipelineSettings) -> list[dict]:
    """Rows of a reference method: each line at publication ("publication"), or dated by its first
    calendar date expression, else publication ("first")."""
    timexes = tag(article.text, article.published, dayfirst=settings.dayfirst) if kind == "first" else []
    spans = [(t, span) for t in timexes if t.type in ("DATE", "TIME") and (span := calendar_span(t.value))]
    rows = []
    offset = 0
    for line in article.text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        row = {
            "char_start": start,
            "char_end": end,
            "sentence": line,
            "timex_text": "",
            "start": article.published,
            "precision": "day",
        }
        first = next(((t, span) for t, span in spans if start <= t.start < end), None)
        if first:
            timex, (day, _last, precision) = first
            row.update(timex_text=timex.text, start=day, precision=precision)
        rows.append(row)
    return rows


def _distance(row: dict, mention: Mention) -> float:
    """Characters between the mention and the nearest occurrence of the row's timex_text in its sentence."""
    needle = row.get("timex_text") or ""
    if not needle:
        return float("inf")
    best = float("inf")
    sentence = row["sentence"]
    at = sentence.find(needle)
    while at >= 0:
        s = row["char_start"] + at
        e = s + len(needle)
        best = min(best, max(s - mention.end, mention.start - e, 0))
        at = sentence.find(needle, at + 1)
    return best


def _as_date(value) -> dt.date | None:
    if value is None or value != value:  # None or NaN/NaT
        return None
    return value.date() if isinstance(value, dt.datetime) else value


def matches(start: dt.date, precision: str, gold: str) -> bool:
    """README rule 4: the system date equals the gold date at the gold's granularity, with a fine enough precision."""
    level = granularity(gold)
    if precision not in ACCEPTED[level]:
        return False
    return start.isoformat()[: len(gold)] == gold


def _error_class(row: dict | None, mention: Mention) -> str:
    if row is None:
        return "no row covers the mention"
    start = _as_date(row.get("start"))
    if start is None:
        return "row has no date"
    basis = row.get("date_basis", "")
    coarse = all(
        start.isoformat()[: len(g)] == g and row["precision"] not in ACCEPTED[granularity(g)] for g in mention.dates
    )
    if coarse:
        return "right period, too coarse"
    if basis == "publication":
        return "publication date, gold differs"
    if basis == "continued":
        return "continued a wrong date"
    if basis in ("explicit", "relative_publication", "relative_previous"):
        return f"own date wrong ({basis})"
    return f"other ({basis or 'baseline'})"


def score_document(mentions: list[Mention], rows: list[dict], report: Report) -> None:
    for mention in mentions:
        if not mention.dates:
            report.unknown_gold[_unknown_outcome(mention, rows)] += 1
            continue
        candidates = [r for r in rows if r["char_start"] <= mention.start and mention.end <= r["char_end"]]
        row = min(candidates, key=lambda r: _distance(r, mention)) if candidates else None
        start = _as_date(row.get("start")) if row else None
        golds = sorted(mention.dates)
        correct = start is not None and any(matches(start, row["precision"], g) for g in golds)
        level = min((granularity(g) for g in golds), key=("day", "month", "year").index)
        error = "" if correct else _error_class(row, mention)
        report.outcomes.append(Outcome(mention, correct, error, row, level))


def _unknown_outcome(mention: Mention, rows: list[dict]) -> str:
    candidates = [r for r in rows if r["char_start"] <= mention.start and mention.end <= r["char_end"]]
    if not candidates:
        return "no row"
    basis = candidates[0].get("date_basis", "")
    return basis or "baseline"


def evaluate(folders: Iterable[Path], settings: PipelineSettings, baseline: str | None = None) -> Report:
    report = Report()
    for folder in folders:
        for doc, mentions in read_gold(folder).items():
            article = read_article(folder / doc)
            for m in mentions:
                if article.text[m.start : m.end] != m.text:
                    raise GoldError(f"{folder / doc}: offset {m.start} does not hold {m.text!r}; is the text altered?")
            rows = baseline_rows(article, baseline, settings) if baseline else extract_article(article, settings)
            score_document(mentions, rows, report)
    return report


def _pct(correct: int, total: int) -> str:
    return f"{100 * correct / total:.1f}% ({correct}/{total})" if total else "n/a (0/0)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folders", nargs="+", type=Path, metavar="DIR", help="folders with gold.jsonl and .txt")
    parser.add_argument(
        "--undated",
        choices=UNDATED_MODES,
        default=PipelineSettings().undated,
        help=f"how the pipeline dates clauses with no date of their own (default: {PipelineSettings().undated})",
    )
    parser.add_argument("--baseline", choices=BASELINES, help="score a reference method instead of the pipeline")
    parser.add_argument("--errors", action="store_true", help="print the error classes with counts and examples")
    parser.add_argument("--examples", type=int, default=3, help="examples per error class with --errors")


def run(args: argparse.Namespace) -> int:
    settings = PipelineSettings(undated=args.undated, dayfirst=False)
    try:
        report = evaluate(args.folders, settings, args.baseline)
    except GoldError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    method = f"baseline {args.baseline}" if args.baseline else f"pipeline (undated={args.undated})"
    correct, total = report.accuracy()
    print(f"event dating, {method}: {_pct(correct, total)} of gold mentions with a known date")
    for level in ("day", "month", "year"):
        print(f"  {level:<6} {_pct(*report.accuracy(level))}")
    unknown = sum(report.unknown_gold.values())
    if unknown:
        detail = ", ".join(f"{k} {v}" for k, v in report.unknown_gold.most_common())
        print(f"gold mentions with no date (not scored): {unknown}; system basis: {detail}")
    if args.errors:
        errors = Counter(o.error for o in report.outcomes if not o.correct)
        print("errors by class:")
        for error, count in errors.most_common():
            print(f"  {count:>4}  {error}")
            shown = [o for o in report.outcomes if o.error == error][: args.examples]
            for o in shown:
                row = o.row or {}
                got = _as_date(row.get("start"))
                gold = "|".join(sorted(o.mention.dates))
                print(
                    f"        {o.mention.doc}@{o.mention.start} {o.mention.text!r} gold {gold}"
                    f" got {got} {row.get('precision', '')} via {row.get('timex_text', '')!r}"
                    f" in {row.get('sentence', '')[:100]!r}"
                )
    levels = " ".join(f"{lv} {_pct(*report.accuracy(lv)).split(' ')[0]}" for lv in ("day", "month", "year"))
    print(f"SUMMARY events {method}: accuracy {_pct(correct, total)}; {levels}")
    return 0
