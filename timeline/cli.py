"""The command line: ``python -m timeline extract PATH_OR_URL... [options]``.

Reads every input through :mod:`timeline.ingest` (streaming), extracts each article's events
(optionally in worker processes), and writes the validated events frame as JSON Lines, JSON or
CSV. Every input that yields no article gets one line on stderr; a summary closes the run.
Exit status: 0 when at least one article was read, 2 when none (or the command line is wrong).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import functools
import io
import json
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from timeline.article import Article, Skipped
from timeline.ingest import IngestOptions, LoadSummary, load
from timeline.ingest.fetch import PRIVATE_REFUSAL
from timeline.pipeline import UNDATED_MODES, PipelineSettings

if TYPE_CHECKING:
    import pandas as pd

FORMATS = ("jsonl", "json", "csv", "md")
#: Articles handed to the worker pool ahead of the results read back: bounds memory on big folders.
QUEUE_PER_WORKER = 4
#: Cells a spreadsheet would run as a formula get a leading apostrophe (article text is untrusted).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

#: Added to a refused link in the terminal (the app, which cannot offer the option, says only what to do).
PRIVATE_HOST_HINT = " (or pass --allow-private-hosts if you trust the link)"


class OutputError(OSError):
    """The output file cannot be written; the message says which and why."""


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date as YYYY-MM-DD (e.g. 2022-02-10)") from None


def _workers(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of workers") from None
    if value < 0:
        raise argparse.ArgumentTypeError("the number of workers cannot be negative (0 means one per CPU)")
    return value or (os.cpu_count() or 1)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m timeline", description="Crisis Timeline from the command line.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    extract = sub.add_parser(
        "extract",
        help="extract dated events from articles",
        description="Extract dated events from articles: files (.txt .md .html .json .jsonl .csv, RSS/Atom), "
        "folders (recursive), .zip archives and http(s) links.",
    )
    extract.add_argument("inputs", nargs="+", metavar="PATH_OR_URL", help="files, folders, .zip archives or links")
    extract.add_argument(
        "--published", type=_iso_date, metavar="YYYY-MM-DD", help="publication date of every article (overrides all)"
    )
    extract.add_argument("--format", choices=FORMATS, default="jsonl", help="output format (default: jsonl)")
    extract.add_argument("-o", "--output", type=Path, metavar="FILE", help="write here instead of stdout")
    extract.add_argument(
        "--workers", type=_workers, default=1, metavar="N", help="worker processes (default 1; 0: one per CPU)"
    )
    for role in ("text", "title", "published", "url", "source"):
        extract.add_argument(
            f"--{role}-field",
            metavar="F",
            help=f"record field holding the {role} (JSON/JSONL/CSV; default: common names)",
        )
    extract.add_argument(
        "--allow-private-hosts",
        action="store_true",
        help="fetch links to local or private addresses (refused by default: only for links you trust)",
    )
    order = extract.add_mutually_exclusive_group()
    order.add_argument(
        "--dayfirst", dest="dayfirst", action="store_true", default=True, help="read 03/04/2022 as 3 April (default)"
    )
    order.add_argument("--monthfirst", dest="dayfirst", action="store_false", help="read 03/04/2022 as March 4")
    extract.add_argument(
        "--undated",
        choices=UNDATED_MODES,
        default=PipelineSettings.undated,
        help="clauses with no date of their own: keep (dated at publication, marked), continue (carry the "
        "previous date on when the narrative clearly continues it, else publication), drop (default: keep)",
    )
    extract.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    return parser


def options_from(args: argparse.Namespace) -> IngestOptions:
    return IngestOptions(
        published=args.published,
        text_field=args.text_field,
        title_field=args.title_field,
        published_field=args.published_field,
        url_field=args.url_field,
        source_field=args.source_field,
        allow_private_hosts=args.allow_private_hosts,
        dayfirst=args.dayfirst,
    )


def settings_from(args: argparse.Namespace) -> PipelineSettings:
    return PipelineSettings(undated=args.undated, dayfirst=args.dayfirst)


def _extract_one(article: Article, settings: PipelineSettings) -> tuple[str, list[dict] | str]:
    """One article's rows, or the error's text: one failing article must not end the run."""
    from timeline.pipeline import extract_article

    try:
        return article.origin, extract_article(article, settings)
    except Exception as exc:  # report it against the article and go on with the others
        return article.origin, f"{type(exc).__name__}: {exc}"


def _mapped(
    func: Callable[[Article], tuple[str, list[dict] | str]], items: Iterable[Article], workers: int
) -> Iterator[tuple[str, list[dict] | str]]:
    """``func`` over ``items`` in order; with workers, at most QUEUE_PER_WORKER articles each in flight."""
    if workers <= 1:
        yield from map(func, items)
        return
    # spawn, not fork: the progress bar runs a thread, and forking a threaded process can deadlock
    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        pending: deque = deque()
        for item in items:
            pending.append(pool.apply_async(func, (item,)))
            if len(pending) >= workers * QUEUE_PER_WORKER:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


class _Reporter:
    """stderr lines and an optional rich progress display that does not garble them."""

    def __init__(self, show_progress: bool) -> None:
        self.progress = None
        if show_progress:
            from rich.console import Console
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self.progress = Progress(
                SpinnerColumn(),
                TextColumn(
                    "{task.fields[articles]} articles, {task.fields[events]} events, {task.fields[skipped]} skipped"
                ),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self.task = self.progress.add_task("extract", total=None, articles=0, events=0, skipped=0)

    def __enter__(self) -> _Reporter:
        if self.progress is not None:
            self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.progress is not None:
            self.progress.stop()

    def line(self, text: str) -> None:
        if self.progress is not None:
            self.progress.console.print(text, markup=False, highlight=False, soft_wrap=True)
        else:
            print(text, file=sys.stderr, flush=True)

    def update(self, **counts: int) -> None:
        if self.progress is not None:
            self.progress.update(self.task, **counts)


def extract(args: argparse.Namespace) -> int:
    from timeline.pipeline import frame_from_rows

    if args.output is not None and not args.output.parent.is_dir():
        print(
            f"{args.output}: the folder {args.output.parent} does not exist; create it or choose another file",
            file=sys.stderr,
        )
        return 2
    summary = LoadSummary()
    rows: list[dict] = []
    duplicates: dict[str, str] = {}  # article_id -> the article it near-duplicates, for corroboration
    show = not args.quiet and sys.stderr.isatty()
    with _Reporter(show) as report:

        def articles() -> Iterator[Article]:
            for result in load(args.inputs, options_from(args)):
                summary.add(result)
                if isinstance(result, Skipped):
                    hint = PRIVATE_HOST_HINT if PRIVATE_REFUSAL in result.detail else ""
                    report.line(result.message() + hint)
                else:
                    if result.lossy:
                        report.line(summary.messages[-1])
                    if result.duplicate_of:
                        duplicates[result.article_id] = result.duplicate_of
                    yield result
                report.update(articles=summary.read, skipped=sum(summary.skipped.values()), events=len(rows))

        extract_one = functools.partial(_extract_one, settings=settings_from(args))
        for origin, result in _mapped(extract_one, articles(), args.workers):
            if isinstance(result, str):
                report.line(f"{origin}: events could not be extracted: {result}")
                continue
            rows.extend(result)
            report.update(events=len(rows))
    frame = frame_from_rows(rows, duplicates=duplicates)
    try:
        write(frame, args.format, args.output)
    except OutputError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    if not args.quiet:
        for line in summary.lines(messages=False):
            print(line, file=sys.stderr)
        print(f"{len(frame)} events", file=sys.stderr)
    return 0 if summary.read else 2


def render(frame: pd.DataFrame, fmt: str) -> str:
    """The frame as text: JSON Lines (one event per line), a JSON list, CSV (lists as JSON text), or a Markdown
    chronology (``md``: dated headings, one item per happening with every report).

    Dates are YYYY-MM-DD (null/empty when absent).
    """
    from timeline.export.chronology import to_chronology
    from timeline.export.json import records

    if fmt == "md":
        return to_chronology(frame)
    rows = records(frame)
    if fmt == "jsonl":
        return "".join(json.dumps(row, ensure_ascii=False, default=str) + "\n" for row in rows)
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=1, default=str) + "\n"
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(frame.columns), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: _csv_cell(value) for key, value in row.items()})
    return buffer.getvalue()


def _csv_cell(value: object) -> object:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write(frame: pd.DataFrame, fmt: str, output: Path | None) -> None:
    """To ``output``, or to stdout when None."""
    text = render(frame, fmt)
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        output.write_text(text, encoding="utf-8", newline="")
    except OSError as exc:
        raise OutputError(f"{output}: cannot write the output: {exc.strerror or exc}") from exc


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "extract":
        return extract(args)
    return 2
