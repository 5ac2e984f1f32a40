"""The command line: outputs, one stderr line per bad input, the summary and the exit codes."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest
from project_paths import ROOT

from timeline import cli, pipeline, schema
from timeline.article import Article

WIRE = "KYIV, Feb 10, 2022 (Reuters) - Russian forces began joint drills with Belarus on Thursday, officials said."


def fake_rows(article: Article, settings=None) -> list[dict]:
    """One event per article, dated at publication: enough to test the command line alone."""
    return [
        {
            "event_id": article.article_id[:8] + "e1",
            "article_id": article.article_id,
            "origin": article.origin,
            "published": article.published,
            "published_basis": article.published_basis,
            "sentence": article.text.splitlines()[0],
            "date_basis": "publication",
            "start": article.published,
            "end": article.published,
            "precision": "day" if article.published else "unknown",
            "status": "occurred",
            "title": "=cmd|' /C calc'!A0" if "formula" in article.text else "Drills",
            "event_type": "other",
            "actors": [{"name": "Vladimir Putin", "kind": "person"}],
        }
    ]


def fake_frame(rows: list[dict], duplicates=None):
    return schema.validate(schema.from_records(rows))


@pytest.fixture
def fake_pipeline(monkeypatch):
    monkeypatch.setattr(pipeline, "extract_article", fake_rows)
    monkeypatch.setattr(pipeline, "frame_from_rows", fake_frame)


@pytest.fixture
def files(tmp_path):
    (tmp_path / "good.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "other.md").write_text("---\npublished: 2022-02-09\n---\n\nformula: talks in Brussels.\n")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    return tmp_path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_jsonl_output_and_bad_inputs_reported_once_each(fake_pipeline, files, capsys):
    code, out, err = run(capsys, "extract", str(files / "good.txt"), str(files / "empty.txt"),
                         str(files / "image.txt"), str(files / "missing.txt"), "--format", "jsonl")  # fmt: skip
    assert code == 0
    [row] = [json.loads(line) for line in out.splitlines()]
    assert row["published"] == row["start"] == "2022-02-10"
    assert row["published_basis"] == "dateline"
    assert row["actors"] == [{"name": "Vladimir Putin", "kind": "person"}]
    lines = err.splitlines()
    for name, reason in (("empty.txt", "no text"), ("image.txt", "not text"), ("missing.txt", "not found")):
        assert sum(name in line for line in lines) == 1
        assert any(name in line and f"({reason})" in line for line in lines)
    assert "Read 1 article" in err and "Skipped 3 inputs" in err


def test_no_article_read_exits_2(fake_pipeline, files, capsys):
    code, out, err = run(capsys, "extract", str(files / "empty.txt"), str(files / "nothing.txt"))
    assert code == 2
    assert "Read 0 articles" in err and out == ""


def test_refused_private_link_names_the_option_in_the_terminal(fake_pipeline, capsys):
    code, _out, err = run(capsys, "extract", "http://127.0.0.1:9/story")  # refused before any connection
    assert code == 2
    assert "127.0.0.1" in err and "--allow-private-hosts" in err


def test_argument_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["extract", "x.txt", "--published", "10/02/2022"])
    assert info.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        cli.main(["extract"])
    assert info.value.code == 2


def test_published_option_and_json_list(fake_pipeline, files, capsys):
    code, out, _ = run(capsys, "extract", str(files), "--published", "2022-03-01", "--format", "json", "-q")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 2
    assert {r["published"] for r in rows} == {"2022-03-01"} and {r["published_basis"] for r in rows} == {"user"}


def test_csv_to_file_with_lists_as_json_and_formula_guard(fake_pipeline, files, capsys, tmp_path):
    target = tmp_path / "out.csv"
    code, out, err = run(capsys, "extract", str(files / "good.txt"), str(files / "other.md"), "--format", "csv",
                         "-o", str(target))  # fmt: skip
    assert code == 0 and out == ""
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert list(rows[0]) == list(schema.COLUMN_NAMES)
    assert json.loads(rows[0]["actors"]) == [{"name": "Vladimir Putin", "kind": "person"}]
    assert rows[1]["published"] == "2022-02-09"
    assert rows[1]["title"].startswith("'=")


def test_markdown_chronology(fake_pipeline, files, capsys):
    code, out, _ = run(capsys, "extract", str(files / "good.txt"), str(files / "other.md"), "--format", "md", "-q")
    assert code == 0 and out.startswith("# Crisis timeline\n") and "2 events" in out
    assert out.count("\n## ") == 2 and out.count("\n- **") == 2


def test_output_folder_must_exist(fake_pipeline, files, capsys, tmp_path):
    code, _, err = run(capsys, "extract", str(files / "good.txt"), "-o", str(tmp_path / "no" / "out.jsonl"))
    assert code == 2 and "does not exist" in err


def test_quiet_prints_only_bad_inputs(fake_pipeline, files, capsys):
    code, _, err = run(capsys, "extract", str(files / "good.txt"), str(files / "nothing.txt"), "--quiet")
    assert code == 0 and err.strip().splitlines() == [
        f"{files / 'nothing.txt'}: skipped (not found): no such file or folder"
    ]


def test_record_field_options_reach_ingestion(fake_pipeline, tmp_path, capsys):
    (tmp_path / "r.csv").write_text("Story,When\n" + '"Troops moved on Thursday.",2022-02-10\n', encoding="utf-8")
    code, out, err = run(
        capsys, "extract", str(tmp_path / "r.csv"), "--text-field", "Story", "--published-field", "When"
    )
    assert code == 0, err
    assert json.loads(out)["published"] == "2022-02-10"


def test_a_failing_article_is_reported_and_the_rest_go_on(monkeypatch, files, capsys):
    def flaky(article: Article, settings=None) -> list[dict]:
        if "formula" in article.text:
            raise RuntimeError("tagger exploded")
        return fake_rows(article)

    monkeypatch.setattr(pipeline, "extract_article", flaky)
    monkeypatch.setattr(pipeline, "frame_from_rows", fake_frame)
    code, out, err = run(capsys, "extract", str(files / "good.txt"), str(files / "other.md"))
    assert code == 0 and len(out.splitlines()) == 1
    assert "other.md: events could not be extracted: RuntimeError: tagger exploded" in err


def test_worker_pool_keeps_input_order():
    """Worker processes (spawned) return results in input order; abs is cheap to run in a child."""
    items = [-5, 3, -1, 8, -13, 21, -34]
    assert list(cli._mapped(abs, iter(items), workers=2)) == [abs(i) for i in items]


def test_seed_article_through_the_command_line(seed_path):
    """The real pipeline, as a user runs it: python -m timeline extract SEED --format jsonl."""
    result = subprocess.run([sys.executable, "-m", "timeline", "extract", str(seed_path), "--format", "jsonl"],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)  # fmt: skip
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and {r["published_basis"] for r in rows} == {"inferred"}
    gerasimov = next(r for r in rows if "Gerasimov" in r["sentence"])
    assert gerasimov["start"] == "2022-02-09"
    assert "Read 1 article" in result.stderr


def test_options_reach_ingestion():
    args = cli.build_parser().parse_args(
        ["extract", "a.csv", "--monthfirst", "--allow-private-hosts", "--title-field", "Head", "--url-field", "Link",
         "--source-field", "Outlet", "--published", "2022-02-10"]
    )  # fmt: skip
    options = cli.options_from(args)
    assert (options.dayfirst, options.allow_private_hosts) == (False, True)
    assert (options.title_field, options.url_field, options.source_field) == ("Head", "Link", "Outlet")
    assert str(options.published) == "2022-02-10"


def test_undated_option_reaches_the_pipeline(monkeypatch, files, capsys):
    seen = []

    def recording(article: Article, settings=None) -> list[dict]:
        seen.append(settings.undated)
        return fake_rows(article)

    monkeypatch.setattr(pipeline, "extract_article", recording)
    monkeypatch.setattr(pipeline, "frame_from_rows", fake_frame)
    code, _, err = run(capsys, "extract", str(files / "good.txt"), "--undated", "drop")
    assert code == 0, err
    assert seen == ["drop"]
