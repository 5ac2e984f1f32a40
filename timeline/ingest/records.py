"""Records: JSON (one object, a list, or a list under a key such as "articles"), JSON Lines, CSV and Excel (.xlsx).

Each record with text becomes an article; field names are found by role (see ``fields.py``) or
given by the user. A record without text is skipped with the field names it does have, so the
user can point ``--text-field`` at the right one.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import re
import zipfile
from collections.abc import Iterator, Mapping

import openpyxl

from timeline.article import Article, Skipped
from timeline.ingest.assemble import make_article
from timeline.ingest.dates import parse_date_value
from timeline.ingest.fields import as_text, find_field, named_but_empty, squash
from timeline.ingest.html import fragment_text, html_article
from timeline.ingest.options import IngestOptions

#: Keys under which APIs and exports put their list of records.
_LIST_KEYS = ("articles", "items", "records", "results", "data", "entries", "documents", "docs", "posts", "hits")


def json_records(text: str) -> Iterator[Mapping[str, object] | str]:
    """The records of a JSON document (a str item is an error message for that position)."""
    data = json.loads(text)
    if isinstance(data, Mapping):
        for key in _LIST_KEYS:
            if isinstance(data.get(key), list):
                data = data[key]
                break
        else:
            data = [data]
    if not isinstance(data, list):
        yield "the JSON is neither an object nor a list of objects"
        return
    for item in data:
        yield item if isinstance(item, Mapping) else f"not an object but {type(item).__name__}"


def jsonl_records(text: str) -> Iterator[Mapping[str, object] | str]:
    for line in text.split("\n"):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            yield f"not valid JSON ({exc.msg})"
            continue
        yield item if isinstance(item, Mapping) else f"not an object but {type(item).__name__}"


def xlsx_records(data: bytes) -> Iterator[Mapping[str, object] | str]:
    """Rows of an Excel workbook's first sheet as records keyed by its header row (cells keep their types: a date
    cell is a date, so no day/month order is guessed). A workbook that cannot be opened yields one message."""
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        yield f"not a readable .xlsx workbook ({exc})"
        return
    try:
        rows = workbook.worksheets[0].iter_rows(values_only=True) if workbook.worksheets else iter(())
        header = next(rows, None)
        if header is None:
            return
        names = [str(cell).strip() if cell is not None else f"column {i + 1}" for i, cell in enumerate(header)]
        for row in rows:
            if any(cell not in (None, "") for cell in row):
                yield {name: cell for name, cell in zip(names, row, strict=False)}
    finally:
        workbook.close()  # a read-only workbook keeps its archive open until closed


def csv_records(text: str, *, max_field: int) -> Iterator[Mapping[str, object] | str]:
    """CSV or TSV with a header row; the delimiter is sniffed from the first lines."""
    sample = text[:8192]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    csv.field_size_limit(max(max_field, 131072))
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    unbalanced = text.count(dialect.quotechar or '"') % 2 == 1  # a quote opened and never closed somewhere
    try:
        for row in reader:
            swallowed = unbalanced and _swallowed_rows(row, len(reader.fieldnames or ()), dialect.delimiter)
            if swallowed:
                yield (
                    f"CSV record ending at line {reader.line_num}: a quote opened in field {swallowed[0]!r} is never "
                    f"closed, so {swallowed[1]} later line(s) that look like rows of their own were read into it; "
                    "close the quote (or double it inside the text) and load the file again"
                )
                continue
            yield {k: v for k, v in row.items() if k is not None}
    except csv.Error as exc:
        yield f"CSV error at line {reader.line_num}: {exc}"


def _swallowed_rows(row: Mapping[str, object], columns: int, delimiter: str) -> tuple[str, int] | None:
    """(field, count) when a field holds later lines with as many delimiters as a row has: in a file with an odd
    number of quotes, the sign of the unclosed quote that swallowed the rest of the file."""
    if columns < 2:
        return None
    for name, value in row.items():
        if not isinstance(value, str) or "\n" not in value:
            continue
        rows = sum(line.count(delimiter) >= columns - 1 for line in value.split("\n")[1:])
        if rows:
            return str(name), rows
    return None


def record_articles(
    records: Iterator[Mapping[str, object] | str],
    *,
    origin: str,
    options: IngestOptions,
    source: str,
    fetched_at: dt.datetime | None = None,
) -> Iterator[Article | Skipped]:
    """One Article (or Skipped) per record, numbered from 1 in ``origin`` ("file.csv#3").

    Records with no text field are reported once for the whole file, with the fields they have,
    instead of once per record (a wrong file or a field name to give: either way one message).
    """
    count = 0
    textless: list[int] = []
    fields: list[str] = []
    records = list(records)  # a file's worth (ingestion caps file size): read its date column once for its order
    first = next((r for r in records if not isinstance(r, str)), None)
    own = first is not None and (set(first) >= _EVENTS_EXPORT or str(first.get("format", "")).startswith(_OWN_FORMAT))
    if own:
        yield Skipped(origin, "invalid", "a Crisis Timeline export or project, not articles: to reopen your work, "
                      "use Project file → Open a project (a project file; an events export cannot be read back)")
        return
    order = _numeric_day_order(records, options.published_field)
    if order is not None and order != options.dayfirst:
        options = dataclasses.replace(options, dayfirst=order)  # "03/15/2022" in the column: the file is month-first
    for number, record in enumerate(records, start=1):
        count = number
        where = f"{origin}#{number}"
        if isinstance(record, str):
            yield Skipped(where, "invalid", record)
            continue
        if find_field(record, "text", options.text_field) is None:
            page = _html_field(record) if not options.text_field else None
            if page is not None:  # a crawl export: the whole page, read as a saved page is
                yield _record_page(record, page, origin=where, options=options, source=source, fetched_at=fetched_at)
                continue
            blank = named_but_empty(record, "text", options.text_field)
            if blank is not None:  # the column is there, the cell is empty: say so for this record
                yield Skipped(where, "empty", f"the record's {blank!r} field is empty")
                continue
            textless.append(number)
            fields = fields or [str(k) for k in record]
            continue
        yield _record_article(record, origin=where, options=options, source=source, fetched_at=fetched_at)
    if count == 0:
        yield Skipped(origin, "empty", "no records")
    elif textless:
        wanted = f"field {options.text_field!r}" if options.text_field else "text field (text, body, content, ...)"
        which = "all" if len(textless) == count else f"{len(textless)} of"
        yield Skipped(
            origin,
            "invalid",
            f"{which} {count} records have no {wanted}, e.g. record {textless[0]} with fields "
            f"{', '.join(fields[:12]) or 'none'}; rename the column that holds the article text to \"text\" "
            "(on the command line, --text-field NAME names it)",
        )


#: Columns only this app's own events exports have (CSV or JSON): such a file holds sentences, not articles.
_EVENTS_EXPORT = frozenset({"event_id", "timex_value", "date_basis", "sentence"})
_OWN_FORMAT = "crisis-timeline/"  # the "format" of its JSON exports and project files

_NUMERIC_DATE = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}\b")


def _numeric_day_order(records: list[Mapping[str, object] | str], override: str | None) -> bool | None:
    """Whether a file's numeric dates are day-first (True) or month-first (False), when one value shows it ("15/03"
    or "03/15"); None when none does or the column holds both. A file keeps one order for every row."""
    day_first = month_first = False
    keys: dict[tuple[str, ...], str | None] = {}  # the field found once per header, not once per row
    for record in records:
        if isinstance(record, str):
            continue
        header = tuple(record)
        if header not in keys:
            keys[header] = find_field(record, "published", override)
        key = keys[header]
        match = _NUMERIC_DATE.match(str(record[key])) if key is not None and record[key] is not None else None
        if match:
            first, second = int(match.group(1)), int(match.group(2))
            day_first |= first > 12 >= second
            month_first |= second > 12 >= first
    return None if day_first == month_first else day_first


#: Field names (squashed) under which crawl exports keep a whole page's HTML.
_HTML_FIELDS = frozenset({"html", "rawhtml", "pagehtml", "contenthtml", "bodyhtml", "htmlcontent", "sourcehtml"})


def _html_field(record: Mapping[str, object]) -> str | None:
    """The key of a record field holding a whole HTML page, if the record has one."""
    for key, value in record.items():
        if squash(key) in _HTML_FIELDS and isinstance(value, str) and "<" in value[:2000]:
            return str(key)
    return None


def _field(record: Mapping[str, object], role: str, override: str | None = None) -> tuple[str | None, object]:
    """(key, value) of the record field that plays ``role`` ((None, None) when none does)."""
    key = find_field(record, role, override)
    return key, (record[key] if key is not None else None)


def _record_page(
    record: Mapping[str, object],
    key: str,
    *,
    origin: str,
    options: IngestOptions,
    source: str,
    fetched_at: dt.datetime | None,
) -> Article | Skipped:
    """A record that carries a page's HTML: the page read as a saved page, with the record's own url, source,
    title and date winning over what the page says (whoever exported the record chose them)."""
    url = as_text(_field(record, "url", options.url_field)[1])
    outlet = as_text(_field(record, "source", options.source_field)[1])
    article = html_article(str(record[key]), origin=origin, options=options, url=url, source=outlet or source)
    if isinstance(article, Skipped):
        return article
    title = fragment_text(as_text(_field(record, "title", options.title_field)[1]))
    article = dataclasses.replace(article, title=title or article.title, source=outlet or article.source)
    date_key, date_value = _field(record, "published", options.published_field)
    day = parse_date_value(date_value, dayfirst=options.dayfirst, relative_base=fetched_at) if date_key else None
    if day is not None and article.published_basis != "user":
        article = dataclasses.replace(article, published=day, published_basis="metadata",
                                      published_detail=f"record field {date_key!r}")  # fmt: skip
    return article


def _record_article(
    record: Mapping[str, object], *, origin: str, options: IngestOptions, source: str, fetched_at: dt.datetime | None
) -> Article | Skipped:
    text_key, text = _field(record, "text", options.text_field)
    if not as_text(text):
        return Skipped(origin, "empty", f"the record's {text_key!r} field is empty")
    date_key, date_value = _field(record, "published", options.published_field)
    dates = []
    if date_key is not None:
        day = parse_date_value(date_value, dayfirst=options.dayfirst, relative_base=fetched_at)
        dates.append((day, f"record field {date_key!r}"))
    return make_article(
        fragment_text(as_text(text)),
        origin=origin,
        options=options,
        title=fragment_text(as_text(_field(record, "title", options.title_field)[1])),
        url=as_text(_field(record, "url", options.url_field)[1]),
        source=as_text(_field(record, "source", options.source_field)[1]) or source,
        author=as_text(_field(record, "author")[1]),
        metadata_dates=dates,
    )
