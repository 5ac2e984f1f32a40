"""The publication-date accuracy command, on pages made here and (when present) on the shared set."""

from __future__ import annotations

import datetime as dt
import gzip
import json

from ingest_fixtures import page
from project_paths import shared_path

from timeline.evaluate.__main__ import main
from timeline.evaluate.pubdate import gold_in_metadata


def write_pages(path, pages: list[dict]) -> None:
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for p in pages:
            fh.write(json.dumps(p) + "\n")


def test_counts_on_made_pages(tmp_path, capsys):
    pages = [
        {"id": "p1", "url": "https://e.x/a", "published": "2022-02-10",
         "html": page('<meta property="article:published_time" content="2022-02-10">')},
        {"id": "p2", "url": "https://e.x/2022/02/09/b", "published": "2022-02-09", "html": page()},
        {"id": "p3", "url": "https://e.x/c", "published": "2022-02-08",
         "html": page('<meta property="article:published_time" content="2022-01-01">')},
    ]  # fmt: skip
    path = tmp_path / "pages.jsonl.gz"
    write_pages(path, pages)
    assert main(["pubdate", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "exact day: 1/3 = 33.3%" in out
    assert "no date found: 1" in out
    assert out[-1].startswith("pubdate: exact day 33.3% (1/3), 100.0% (1/1) where")
    assert main(["pubdate", str(path), "--with-url"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "exact day: 2/3 = 66.7%" in out
    assert out[-1].startswith("pubdate --with-url: exact day 66.7% (2/3), 100.0% (2/2) where")
    assert main(["pubdate", str(tmp_path)]) == 0  # the folder holding the file will do
    assert capsys.readouterr().out.splitlines()[-1].startswith("pubdate: exact day 33.3% (1/3)")


def test_missing_file(tmp_path, capsys):
    assert main(["pubdate", str(tmp_path / "none.jsonl.gz")]) == 2
    assert main(["pubdate", str(tmp_path)]) == 2 and "not found" in capsys.readouterr().out  # a folder without it


def test_gold_in_metadata():
    assert gold_in_metadata(page('<meta name="date" content="2022-02-10T08:00">'), dt.date(2022, 2, 10))
    assert not gold_in_metadata(page(), dt.date(2022, 2, 10))


def test_shared_pages_first_twenty(capsys):
    path = shared_path("data", "pubdate", "pages.jsonl.gz")
    assert main(["pubdate", str(path), "--limit", "20"]) == 0
    last = capsys.readouterr().out.splitlines()[-1]
    assert last.startswith("pubdate: exact day ")
