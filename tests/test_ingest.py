"""load(), load_bytes(), load_text() and LoadSummary: every input gives an article or a reason, lazily."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import replace

import pytest
from ingest_fixtures import BODY, text_article

from timeline.article import Article, Skipped
from timeline.ingest import IngestOptions, LoadSummary, load, load_bytes, load_text
from timeline.ingest.dedup import Deduplicator

WIRE = (
    "Russian and Belarusian forces began ten days of joint military drills near the Ukrainian border on Thursday, "
    "officials in Minsk said, as western governments warned that Moscow could invade at any moment. The exercises "
    "involve thousands of troops, fighter jets and two battalions of air-defence systems, according to the defence "
    "ministry, which published a video of tanks moving through snow-covered fields near Brest."
)


def write(path, text: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))


def test_front_matter_article(tmp_path):
    write(tmp_path / "a.md", "---\ntitle: Drills\ndate: 2022-02-10\nsource: Example Wire\nurl: https://e.x/a\n---\n\n"
          + text_article())  # fmt: skip
    [article] = load([tmp_path / "a.md"])
    assert (article.title, article.source, article.url) == ("Drills", "Example Wire", "https://e.x/a")
    assert (article.published, article.published_basis) == (dt.date(2022, 2, 10), "metadata")
    assert article.published_detail == "front matter 'date'"
    assert article.text == text_article()
    assert article.origin == str(tmp_path / "a.md")


def test_header_lines_without_fences_are_metadata_not_text(tmp_path):
    write(tmp_path / "a.txt", "published: 2022-02-10\ntitle: Drills\nSource: Example Wire\n\n" + text_article())
    [article] = load([tmp_path / "a.txt"])
    assert (article.title, article.source, article.published) == ("Drills", "Example Wire", dt.date(2022, 2, 10))
    assert article.published_basis == "metadata" and article.text == text_article()


def test_plain_text_takes_the_dateline_agency_or_the_file_name_as_source_and_a_dateline_date(tmp_path):
    write(tmp_path / "wire.txt", "KYIV, Feb 10, 2022 (Reuters) - " + WIRE)
    [article] = load([tmp_path / "wire.txt"])
    assert article.source == "Reuters"
    assert (article.published, article.published_basis) == (dt.date(2022, 2, 10), "dateline")
    write(tmp_path / "plain.txt", "KYIV, Feb 10, 2022 - " + WIRE)
    [article] = load([tmp_path / "plain.txt"])
    assert article.source == "plain.txt"


def test_a_plain_text_headline_is_the_title_not_the_first_event(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text("Mariupol siege: evacuation corridor fails again\n\nThe evacuation was halted on Sunday.\n")
    [article] = load([path])
    assert article.title == "Mariupol siege: evacuation corridor fails again"
    assert article.text.startswith("The evacuation was halted")
    path.write_text("Troops crossed the border.\n\nTalks followed on Monday.\n")  # a sentence is no headline
    [article] = load([path])
    assert article.title == "" and article.text.startswith("Troops crossed")
    path.write_text("Timeline: key events of the war\nFeb 24 - Putin announces a special military operation.\n")
    [article] = load([path])  # a headline right over a longer first paragraph
    assert article.title == "Timeline: key events of the war" and article.text.startswith("Feb 24 - Putin")
    path.write_text("Feb 24 - Putin announces the operation\nFeb 26 - The West cuts banks off from SWIFT.\n")
    [article] = load([path])  # a list item is no headline
    assert article.title == "" and article.text.startswith("Feb 24 - Putin")
    path = tmp_path / "article.md"
    path.write_text("# EU agrees new sanctions\n\nAmbassadors agreed on Wednesday.\n")  # a Markdown heading
    [article] = load([path])
    assert article.title == "EU agrees new sanctions"


def test_user_date_wins(tmp_path):
    write(tmp_path / "a.md", "---\ndate: 2022-02-10\n---\n\n" + WIRE)
    [article] = load([tmp_path / "a.md"], IngestOptions(published=dt.date(2022, 1, 1)))
    assert (article.published, article.published_basis) == (dt.date(2022, 1, 1), "user")


def test_every_bad_input_has_a_reason(tmp_path):
    write(tmp_path / "good.txt", WIRE)
    write(tmp_path / "empty.txt", b"")
    write(tmp_path / "blank.md", "\n\n   \n")
    write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n" + bytes(300))
    write(tmp_path / "big.txt", b"word " * 400)
    write(tmp_path / "notes.docx", b"PK\x03\x04 whatever")
    write(tmp_path / "bad.md", "---\ntitle: [oops\n---\n\nBody.")
    write(tmp_path / ".hidden.txt", WIRE)
    results = list(load([tmp_path, tmp_path / "nowhere.txt"], IngestOptions(max_file_bytes=1000)))
    reasons = {os.path.basename(r.origin): r.reason for r in results if isinstance(r, Skipped)}
    assert reasons == {
        "bad.md": "invalid",
        "big.txt": "too_large",
        "blank.md": "empty",
        "empty.txt": "empty",
        "image.txt": "binary",
        "notes.docx": "unsupported",
        "nowhere.txt": "missing",
    }
    assert [os.path.basename(r.origin) for r in results if isinstance(r, Article)] == ["good.txt"]


def test_folder_is_walked_recursively_in_order(tmp_path):
    for name in ("b/2.txt", "a/1.txt", "a/sub/3.md", "c.txt"):
        write(tmp_path / name, f"{name}: " + WIRE.replace("ten", name))
    origins = [os.path.relpath(a.origin, tmp_path) for a in load([tmp_path])]
    assert origins == ["a/1.txt", "a/sub/3.md", "b/2.txt", "c.txt"]


def test_load_is_lazy(tmp_path):
    write(tmp_path / "a.txt", WIRE)
    stream = load([tmp_path / "a.txt", tmp_path / "later.txt"])
    write(tmp_path / "later.txt", WIRE.replace("Minsk", "Brest"))  # created after load() was called
    assert len([r for r in stream if isinstance(r, Article)]) == 2


def test_load_streams_one_input_at_a_time():
    seen: list[str] = []

    def inputs():
        for i in range(3):
            seen.append(str(i))
            yield f"/nonexistent/{i}.txt"

    stream = load(inputs())
    assert seen == []
    first = next(stream)
    assert seen == ["0"] and first.reason == "missing"


def test_file_count_and_total_size_limits(tmp_path):
    for i in range(4):
        write(tmp_path / f"{i}.txt", f"Story {i}. " + WIRE)
    results = list(load([tmp_path], IngestOptions(max_files=3)))
    assert [r.reason for r in results if isinstance(r, Skipped)] == ["limit"]
    results = list(load([tmp_path], IngestOptions(max_total_bytes=2 * len(WIRE) + 40)))
    assert sum(isinstance(r, Article) for r in results) == 2


def test_near_duplicates_are_kept_and_linked(tmp_path):
    write(tmp_path / "1.txt", "KYIV (Reuters) - " + WIRE + " Reporting by A. Writer.")
    write(tmp_path / "2.txt", "From our wire service.\n" + WIRE + "\nRead more on our website.")
    write(tmp_path / "3.txt", text_article())
    write(tmp_path / "4.txt", "KYIV (Reuters) - " + WIRE + " Reporting by A. Writer.")  # exact repeat
    first, second, third, fourth = load([tmp_path])
    assert first.duplicate_of == "" and second.duplicate_of == first.article_id
    assert third.duplicate_of == ""
    assert isinstance(fourth, Skipped) and fourth.reason == "duplicate" and "1.txt" in fourth.detail


def test_duplicate_chain_links_to_the_first():
    dedup = Deduplicator()
    a = dedup.check(Article(text=WIRE, origin="a"))
    b = dedup.check(Article(text=WIRE + " Extra sentence one.", origin="b"))
    c = dedup.check(Article(text=WIRE + " Extra sentence one. Extra sentence two.", origin="c"))
    assert b.duplicate_of == c.duplicate_of == a.article_id


def test_different_stories_are_not_linked():
    dedup = Deduplicator()
    dedup.check(Article(text=WIRE))
    other = dedup.check(Article(text=" ".join(BODY)))
    assert other.duplicate_of == ""


def test_load_bytes_reads_uploads_and_checks_size():
    [article] = load_bytes("upload.md", ("---\ntitle: Up\n---\n\n" + WIRE).encode())
    assert article.title == "Up" and article.origin == "upload.md"
    [skipped] = load_bytes("upload.txt", WIRE.encode(), IngestOptions(max_file_bytes=10))
    assert skipped.reason == "too_large"


def test_load_text():
    article = load_text(WIRE + "\r\n", title="Pasted", published=dt.date(2022, 2, 10))
    assert isinstance(article, Article)
    assert (article.title, article.source, article.published_basis) == ("Pasted", "pasted", "user")
    assert article.text == WIRE + "\n"
    assert load_text("   ").reason == "empty"


def test_summary_counts_and_lines(tmp_path):
    write(tmp_path / "1.txt", WIRE)
    write(tmp_path / "2.txt", WIRE + " And one more sentence.")
    write(tmp_path / "3.txt", b"")
    summary = LoadSummary.from_results(load([tmp_path, tmp_path / "none.txt"]))
    assert (summary.read, summary.duplicates, summary.skipped) == (2, 1, {"empty": 1, "missing": 1})
    lines = summary.lines()
    assert lines[0] == "Read 2 articles (1 near-duplicate of earlier ones, linked)"
    assert lines[1] == "Skipped 2 inputs: 1 no text, 1 not found"
    assert any("none.txt: skipped (not found)" in line for line in lines)
    assert summary.lines(messages=False) == lines[: len(lines) - len(summary.messages)]


def test_lossy_decode_is_reported():
    data = ("Troops arrived on Wednesday in the border town. " * 3).encode() + bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D])
    results = list(load_bytes("odd.txt", data))
    summary = LoadSummary.from_results(results)
    if results[0].lossy:
        assert any("could not be decoded" in m for m in summary.messages)
    else:
        assert "Troops arrived" in results[0].text


@pytest.mark.parametrize("field", ["published_basis"])
def test_articles_are_frozen_and_valid(tmp_path, field):
    write(tmp_path / "a.txt", WIRE)
    [article] = load([tmp_path / "a.txt"])
    with pytest.raises(AttributeError):
        article.title = "x"  # type: ignore[misc]
    assert replace(article, title="x").article_id == article.article_id
    assert getattr(article, field) == "unknown" or article.published is not None


def test_empty_path_is_not_the_current_folder():
    [skipped] = load([""])
    assert skipped.reason == "missing"


def test_seed_publication_date_is_inferred(seed_path):
    [article] = load([seed_path])
    assert article.published_basis == "inferred"
    assert article.published in (dt.date(2022, 2, 9), dt.date(2022, 2, 10))
    assert article.published_detail.startswith("inferred from the text")


def test_a_loader_failure_is_one_skipped_line_and_the_run_goes_on(tmp_path, monkeypatch):
    from timeline.ingest import sources

    def broken(*args, **kwargs):
        raise RuntimeError("parser bug")

    monkeypatch.setattr(sources, "html_article", broken)
    write(tmp_path / "a.html", "<html><body><p>x</p></body></html>")
    write(tmp_path / "b.txt", WIRE)
    first, second = load([tmp_path / "a.html", tmp_path / "b.txt"])
    assert first.reason == "invalid" and "RuntimeError: parser bug" in first.detail
    assert isinstance(second, Article)


def test_a_header_date_that_is_no_publication_day_says_why():
    for written in ("2022-02-30", "2031-02-03"):
        (article,) = load_bytes("a.txt", f"published: {written}\n\nTroops moved on Monday.\n".encode())
        assert article.published is None
        assert "'published' holds no usable day" in article.published_detail, written


def test_a_typed_title_and_date_win_over_the_pasted_text_s_own():
    text = "title: Dam breach\npublished: 2023-05-30\n\nThe dam broke on Monday."
    article = load_text(text, title="Box title", published=dt.date(2023, 6, 1))
    assert (article.title, article.published, article.published_basis) == ("Box title", dt.date(2023, 6, 1), "user")
    article = load_text(text)
    assert (article.title, article.published) == ("Dam breach", dt.date(2023, 5, 30))


def test_a_text_too_long_for_one_article_is_skipped_with_advice():
    skipped = load_text("On Monday troops moved. " * 30_000)
    assert skipped.reason == "too_large" and "split it into articles" in skipped.detail
