"""The Markdown chronology: calendar order, honest date headings, one item per happening, inert article text."""

import datetime as dt
import re

from frames import XSS_SENTENCE, event, small_frame

from timeline.export import to_chronology
from timeline.figures import date_label
from timeline.schema import from_records


def _headings(text: str) -> list[str]:
    return [line[3:] for line in text.splitlines() if line.startswith("## ")]


def test_headings_follow_the_calendar_and_keep_precision():
    frame = small_frame()
    text = to_chronology(frame, title="Ukraine")
    dated = frame[frame["start"].notna()]
    first_day: dict[str, object] = {}
    for row in dated.sort_values("start").itertuples():
        first_day.setdefault(date_label(row.start, row.end, row.precision), row.start)
    headings = [h.replace("\\", "") for h in _headings(text)]  # escapes off: compare with the labels
    assert headings == sorted(first_day, key=first_day.get) + ["Undated"]
    assert text.startswith("# Ukraine\n") and f"{len(frame)} events" in text


def test_every_event_is_listed_with_its_outlet_and_sentence():
    frame = small_frame()
    text = to_chronology(frame)
    for row in frame.itertuples():
        assert f"](<{row.url}>)" in text
    assert text.count("  - ") >= len(frame)  # one report line per event at least


def test_reports_of_one_happening_are_one_item_and_finer_dates_come_first():
    month = dict(start=dt.date(2022, 2, 1), end=dt.date(2022, 2, 28), precision="month", timex_value="2022-02")
    frame = from_records([
        event(1, title="Drills begin", cluster_id="c1", status="scheduled"),
        event(2, title="Drills begin (other wording)", cluster_id="c1", source="BBC", url=""),
        event(3, title="Talks in February", cluster_id="c3", **month),
        event(4, title="Same day, later", cluster_id="c4", char_start=900),
        event(5, title="First of the month", cluster_id="c5", start=dt.date(2022, 2, 1), end=dt.date(2022, 2, 1)),
    ])  # fmt: skip
    text = to_chronology(frame)
    assert text.count("- **Drills begin**") == 1 and "Drills begin (other wording)" not in text
    assert "- **Drills begin** *(scheduled)* · 2 outlets" in text
    assert "  - BBC, 10 Feb 2022: “Sentence 2 about troops on Wednesday.”" in text  # no link: plain outlet
    assert _headings(text) == ["Tue 1 Feb 2022", "February 2022 (month)", "Wed 9 Feb 2022"]
    assert text.index("Drills begin") < text.index("Same day, later")


def test_article_text_cannot_become_markdown_or_html():
    frame = from_records([
        event(1, title="# [click](javascript:alert(1)) *now*", sentence=XSS_SENTENCE, url="javascript:alert(1)"),
    ])  # fmt: skip
    text = to_chronology(frame, title="<b>x</b>")
    assert "javascript:" in text and "(javascript:" in text  # only as escaped text, never a link target
    assert not re.search(r"(?<!\\)\]\(", text.split("\n", 1)[1])  # no unescaped "](" : no link from article text
    assert "\\[click\\]" in text and "\\*now\\*" in text
    assert not re.search(r"(?<!\\)<", text) and "\\<img" in text and "\\<script\\>" in text
    assert text.startswith("# \\<b\\>x\\</b\\>")
