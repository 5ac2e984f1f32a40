"""Exports: each format parses, keeps what it must, and never lets article markup become live."""

import csv
import datetime as dt
import io
import json
import re

from frames import XSS_SENTENCE, event, small_frame

from timeline.export import audit_to_csv, from_json, to_csv, to_html, to_json, to_timelinejs
from timeline.export.json import EventsFileError
from timeline.export.links import safe_url
from timeline.figures import timeline_figure
from timeline.filters import Filters, apply
from timeline.schema import COLUMN_NAMES, from_records


def test_csv_has_schema_columns_and_readable_lists():
    frame = small_frame()
    rows = list(csv.DictReader(io.StringIO(to_csv(frame))))
    assert list(rows[0]) == list(COLUMN_NAMES) and len(rows) == len(frame)
    drills = next(r for r in rows if r["event_id"] == "ev0002")
    assert drills["actors"] == "Russia; Belarus" and drills["start"] == "2022-02-10" and drills["end"] == "2022-02-19"
    assert next(r for r in rows if r["event_id"] == "ev0006")["start"] == ""


def test_csv_defuses_spreadsheet_formulas():
    frame = from_records([event(1, title="=HYPERLINK(\"http://evil\")", sentence="+1 troops")])
    row = next(csv.DictReader(io.StringIO(to_csv(frame))))
    assert row["title"].startswith("'=") and row["sentence"] == "'+1 troops"


def test_json_round_trips_and_rejects_other_files():
    frame = small_frame()
    doc = json.loads(to_json(frame, audit=[{"who": "me"}]))
    assert doc["columns"] == list(COLUMN_NAMES) and doc["audit"] == [{"who": "me"}]
    assert from_json(to_json(frame)).equals(frame)
    for bad in ("[1, 2]", "{not json", '{"format": "other"}'):
        try:
            from_json(bad)
        except EventsFileError as exc:
            assert "events" in str(exc) or "JSON" in str(exc)
        else:
            raise AssertionError(f"{bad!r} accepted")


def check_timelinejs_date(date: dict) -> None:
    assert set(date) <= {"year", "month", "day", "hour", "minute", "second", "millisecond", "display_date"}
    assert isinstance(date["year"], int)
    if "day" in date:
        assert "month" in date and 1 <= date["day"] <= 31
    if "month" in date:
        assert 1 <= date["month"] <= 12


def test_timelinejs_documented_shape_and_precision():
    frame = apply(small_frame(), Filters())
    doc = json.loads(json.dumps(to_timelinejs(frame, title="Ukraine <2022>")))
    assert set(doc) == {"title", "events"} and doc["title"]["text"]["headline"] == "Ukraine &lt;2022&gt;"
    assert len(doc["events"]) == frame["start"].notna().sum()
    for ev in doc["events"]:
        check_timelinejs_date(ev["start_date"])
        if "end_date" in ev:
            check_timelinejs_date(ev["end_date"])
        assert set(ev["text"]) == {"headline", "text"} and ev["unique_id"].startswith("ev-")
    by_id = {ev["unique_id"]: ev for ev in doc["events"]}
    assert by_id["ev-ev0003"]["start_date"] == {"year": 2020, "month": 8}  # a month, not 1 August
    assert by_id["ev-ev0004"]["start_date"] == {"year": 2014}
    assert by_id["ev-ev0002"]["end_date"] == {"year": 2022, "month": 2, "day": 19}
    xss = by_id["ev-ev0007"]
    assert "<img" not in json.dumps(xss) and "<script" not in json.dumps(xss)
    assert "&lt;script&gt;" in xss["text"]["text"]


def without_plotly_js(page: str) -> str:
    """The page minus the inlined plotly.js library (the only script over 1 MB)."""
    return re.sub(r"<script[^>]*>.*?</script>", lambda m: "" if len(m.group(0)) > 1_000_000 else m.group(0), page,
                  flags=re.S)  # fmt: skip


def test_html_is_standalone_and_inert():
    frame = apply(small_frame(), Filters())
    page = to_html(timeline_figure(frame), frame, title="<script>t</script>")
    assert "cdn.plot.ly/plotly" not in page and "Plotly.newPlot" in page  # plotly.js inlined: works offline
    scripts = re.findall(r"<script[^>]*>", page)
    assert scripts and all("src=" not in s for s in scripts)
    assert page.count("</script>") == len(scripts)  # no article text closes or opens a script
    ours = without_plotly_js(page)
    assert len(ours) < 100_000
    assert "<img" not in ours and "onerror=\"" not in ours and "<script>t" not in ours
    assert "&lt;script&gt;window.__xss=2&lt;/script&gt;" in page
    assert XSS_SENTENCE not in page


def test_html_chart_title_has_room_of_its_own_and_says_how_many_events_when():
    frame = apply(small_frame(), Filters())
    fig = timeline_figure(frame, title="Ukraine <2022>")
    page = to_html(fig, frame, title="Ukraine <2022>")
    title = fig.layout.title
    # at the container's top with automargin, plotly stacks the title above the legend; in the top margin (the
    # default) the horizontal legend is drawn over it
    assert (title.yref, title.yanchor, title.y, title.automargin) == ("container", "top", 1, True)
    assert title.text == "Ukraine &lt;2022&gt;" and fig.layout.legend.yanchor == "bottom"
    dated = frame.dropna(subset=["start"])
    first, last = dated["start"].min(), dated["end"].max()
    subtitle = f"{len(dated)} dated events · {first.day} {first:%b %Y} – {last.day} {last:%b %Y}"
    assert title.subtitle.text == subtitle and json.dumps(subtitle)[1:-1] in page
    assert fig.layout.height > timeline_figure(frame).layout.height  # the title block does not squeeze the lanes


def test_only_http_links_are_kept():
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in ("javascript:alert(1)", "data:text/html,x", "/relative", "http://", "https://a b.org", " "):
        assert safe_url(bad) == ""
    frame = from_records([event(1, url="javascript:alert(1)")])
    assert "javascript:" not in json.dumps(to_timelinejs(frame))
    assert "javascript:" not in without_plotly_js(to_html(timeline_figure(frame), frame))


def test_audit_csv_defuses_formulas():
    import pandas as pd

    text = audit_to_csv(pd.DataFrame([{"who": "me", "old": "=1+1", "new": "ok"}]))
    assert "'=1+1" in text


def test_timelinejs_gives_a_stretch_since_a_year_its_end():
    frame = from_records([event(1, start=dt.date(2014, 1, 1), end=dt.date(2021, 11, 27), precision="year")])
    (item,) = to_timelinejs(frame)["events"]
    assert item["start_date"] == {"year": 2014}
    assert item["end_date"] == {"year": 2021, "month": 11, "day": 27}
    assert item["display_date"] == "2014 – 27 Nov 2021 (span)"
