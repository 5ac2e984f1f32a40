"""Records (JSON, JSON Lines, CSV) with odd field names, and RSS/Atom feeds."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from frames import small_frame
from ingest_fixtures import ATOM, RSS

from timeline.article import Article, Skipped
from timeline.export import to_csv, to_json
from timeline.ingest import IngestOptions, load_bytes

STORY = "Russian and Belarusian forces began joint drills on Thursday near the border."


def articles(results) -> list[Article]:
    return [r for r in results if isinstance(r, Article)]


def test_json_list_with_api_style_fields():
    data = {
        "status": "ok",
        "articles": [
            {"Headline": "Drills", "publishedAt": "2022-02-10T08:00:00Z", "Body Text": STORY,
             "source": {"id": None, "name": "Example Wire"}, "link": "https://example.com/a"},
            {"headline": "Talks", "pub_date": "09/02/2022", "content": "<p>Diplomats met in Brussels.</p>"},
        ],
    }  # fmt: skip
    first, second = articles(load_bytes("news.json", json.dumps(data).encode()))
    assert (first.title, first.text, first.source, first.url) == (
        "Drills",
        STORY,
        "Example Wire",
        "https://example.com/a",
    )
    assert (first.published, first.published_basis) == (dt.date(2022, 2, 10), "metadata")
    assert first.published_detail == "record field 'publishedAt'"
    assert first.origin == "news.json#1"
    assert second.text == "Diplomats met in Brussels."
    assert second.published == dt.date(2022, 2, 9)  # day first by default
    assert second.source == "news.json"  # no outlet field: the file name


def test_single_json_object():
    [article] = load_bytes("one.json", json.dumps({"text": STORY, "date": "2022-02-10"}).encode())
    assert isinstance(article, Article) and article.published == dt.date(2022, 2, 10)


def test_month_first_option():
    data = json.dumps({"text": STORY, "date": "02/10/2022"}).encode()
    [article] = load_bytes("one.json", data, IngestOptions(dayfirst=False))
    assert article.published == dt.date(2022, 2, 10)


def test_jsonl_with_a_bad_line():
    lines = [json.dumps({"story": STORY, "time": "2022-02-10"}), "{not json", json.dumps({"story": "Second story."})]
    results = list(load_bytes("feed.jsonl", "\n".join(lines).encode()))
    assert [type(r).__name__ for r in results] == ["Article", "Skipped", "Article"]
    assert results[1].origin == "feed.jsonl#2" and results[1].reason == "invalid"


def test_csv_with_semicolons_and_configured_fields():
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(["Überschrift", "Volltext", "Datum", "Medium"])
    writer.writerow(["Manöver", STORY, "10.02.2022", "Beispielzeitung"])
    options = IngestOptions(text_field="volltext", title_field="Überschrift", published_field="Datum",
                            source_field="Medium")  # fmt: skip
    [article] = load_bytes("export.csv", buffer.getvalue().encode("utf-8"), options)
    assert (article.title, article.text, article.source) == ("Manöver", STORY, "Beispielzeitung")
    assert article.published == dt.date(2022, 2, 10)


def test_an_unclosed_quote_that_swallows_later_rows_is_named_not_read():
    data = (
        'title,date,text\nA,2022-03-01,"Unclosed quote: troops moved on Monday.\n'
        "B,2022-03-05,Talks were held on Tuesday.\nC,2022-03-07,Shelling resumed on Sunday.\n"
    )
    [skipped] = load_bytes("quote.csv", data.encode())
    assert isinstance(skipped, Skipped) and skipped.reason == "invalid" and "never closed" in skipped.detail
    # a quoted text of several paragraphs is no such thing
    good = 'title,date,text\nA,2022-03-01,"Troops moved on Monday.\n\nTalks, it seems, followed, they said."\n'
    [article] = load_bytes("good.csv", good.encode())
    assert isinstance(article, Article) and "it seems" in article.text


def test_a_date_column_keeps_one_day_order_that_any_of_its_values_shows():
    us = "title,date,text\nA,03/04/2022,Troops moved.\nB,03/15/2022,Talks were held.\nC,12/03/2022,Shelling.\n"
    assert [a.published for a in load_bytes("us.csv", us.encode())] == [
        dt.date(2022, 3, 4), dt.date(2022, 3, 15), dt.date(2022, 12, 3)
    ]
    eu = "title,date,text\nA,03/04/2022,Troops moved.\nB,15/03/2022,Talks were held.\n"
    options = IngestOptions(dayfirst=False)  # the setting says month-first; 15/03 shows the file is not
    days = [a.published for a in load_bytes("eu.csv", eu.encode(), options)]
    assert days == [dt.date(2022, 4, 3), dt.date(2022, 3, 15)]


def test_records_without_text_are_reported_once_with_their_fields():
    rows = "\n".join(json.dumps({"doc": i, "mention": "x"}) for i in range(50))
    results = list(load_bytes("gold.jsonl", rows.encode()))
    assert len(results) == 1
    [skipped] = results
    assert skipped.reason == "invalid" and "all 50 records" in skipped.detail and "doc, mention" in skipped.detail


def test_headers_holding_a_common_name_are_found_and_a_blank_text_cell_is_named():
    data = ("Headline,Pub. Date (US),Story Body,Outlet\n"
            "Kherson liberated,11/11/2022,Ukrainian troops entered Kherson on Friday.,Odd Post\n"
            "Blank,11/12/2022,,Odd Post\n")  # fmt: skip
    article, blank = load_bytes("odd.csv", data.encode(), IngestOptions(dayfirst=False))
    assert isinstance(article, Article) and (article.title, article.published) == ("Kherson liberated",
                                                                                    dt.date(2022, 11, 11))
    assert isinstance(blank, Skipped) and (blank.origin, blank.reason) == ("odd.csv#2", "empty")
    assert "'Story Body' field is empty" in blank.detail


def test_invalid_json_names_the_position():
    [skipped] = load_bytes("bad.json", b'{"text": "x",,}')
    assert isinstance(skipped, Skipped) and skipped.reason == "invalid" and "line 1" in skipped.detail


def test_rss_entries_become_articles_with_their_dates():
    first, second = articles(load_bytes("wire.rss", RSS.encode()))
    assert first.text == "Russian and Belarusian forces began joint drills on Thursday.\nTalks go on."
    assert (first.published, first.published_basis) == (dt.date(2022, 2, 10), "metadata")
    assert first.published_detail == "feed entry published"
    assert (first.source, first.url, first.origin) == ("Example Wire", "https://example.com/a", "wire.rss#1")
    assert second.published == dt.date(2022, 2, 9)


def test_atom_entry_prefers_published_over_updated():
    [entry] = articles(load_bytes("feed.xml", ATOM.encode()))
    assert entry.published == dt.date(2022, 2, 8)
    assert entry.author == "A. Writer" and entry.title == "Troops on standby"


def test_feed_is_sniffed_without_extension():
    assert len(articles(load_bytes("download", RSS.encode()))) == 2


def test_xml_that_is_not_a_feed_is_unsupported():
    [skipped] = load_bytes("data.xml", b"<?xml version='1.0'?><config><a>1</a></config>")
    assert skipped.reason == "unsupported"


def test_relative_dates_in_saved_files_are_not_guessed():
    [article] = load_bytes("saved.json", json.dumps({"text": STORY, "date": "2 days ago"}).encode())
    assert article.published is None or article.published_basis != "metadata"


def test_records_holding_whole_pages_are_read_as_saved_pages():
    page = ("<html><head><title>Page title</title></head><body><article><h1>Drills begin</h1>"
            + "<p>Russia and Belarus began joint drills on Thursday near the border, officials said.</p>" * 4
            + "</article></body></html>")  # fmt: skip
    record = {"id": 1, "url": "https://news.example/drills", "published": "2022-02-10", "site": "Example News",
              "html": page}  # fmt: skip
    [article] = load_bytes("crawl.jsonl", json.dumps(record).encode())
    assert isinstance(article, Article)
    assert "began joint drills on Thursday" in article.text and "<p>" not in article.text
    assert (article.published, article.published_basis) == (dt.date(2022, 2, 10), "metadata")
    assert article.published_detail == "record field 'published'"
    assert (article.url, article.source, article.origin) == ("https://news.example/drills", "Example News",
                                                             "crawl.jsonl#1")  # fmt: skip


def _workbook(rows: list[list[object]]) -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_an_excel_workbook_is_read_by_its_header_and_keeps_date_cells():
    data = _workbook([
        ["Headline", "Date", "Story text", "Outlet"],
        ["Kherson", dt.datetime(2022, 11, 11), "Ukrainian troops entered Kherson on Friday.", "Le Monde"],
        ["Blank", dt.datetime(2022, 11, 12), None, "Le Monde"],
        [None, None, None, None],
    ])  # fmt: skip
    article, blank = load_bytes("export.xlsx", data)
    assert isinstance(article, Article) and (article.title, article.published, article.source) == (
        "Kherson", dt.date(2022, 11, 11), "Le Monde"
    )
    assert article.origin == "export.xlsx#1"
    assert isinstance(blank, Skipped) and blank.reason == "empty"  # the empty last row is no record at all


def test_a_broken_workbook_says_so():
    (skipped,) = [r for r in load_bytes("broken.xlsx", b"PK\x03\x04 not really a workbook") if isinstance(r, Skipped)]
    assert "not a readable .xlsx workbook" in skipped.message()


def test_the_apps_own_exports_are_named_not_read_as_articles():
    exports = (("crisis-timeline.csv", to_csv(small_frame())), ("crisis-timeline.json", to_json(small_frame())))
    for name, data in exports:
        [skipped] = load_bytes(name, data.encode())
        assert isinstance(skipped, Skipped) and "Open a project" in skipped.detail, name
