"""Datelines, front matter, link dates and metadata date strings; property tests for the parsers."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.ingest.dateline import find_dateline
from timeline.ingest.dates import parse_date_value
from timeline.ingest.frontmatter import FrontMatterError, split_front_matter, split_header_lines
from timeline.ingest.urldate import url_date, url_year

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]  # fmt: skip
DAYS = st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2025, 12, 31))


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("KYIV, Feb 24 (Reuters) - Russian forces", (None, 2, 24)),
        ("GAZA/JERUSALEM, Oct 12 (Reuters) - Israel pounded Gaza", (None, 10, 12)),
        ("WASHINGTON, Feb. 10, 2022 /PRNewswire/ -- A statement", (2022, 2, 10)),
        ("February 10, 2022 / Staff report", (2022, 2, 10)),
        ("10 February 2022", (2022, 2, 10)),
        ("Thursday, 10 February 2022", (2022, 2, 10)),
        ("Published: 10. Februar 2022 12:30", (2022, 2, 10)),
        ("Kyiv, Ukraine, March 3 (AP) — Shelling", (None, 3, 3)),
        ("2022-02-10 | Example News", (2022, 2, 10)),
        ("Brussels, 3 June 2022.", (2022, 6, 3)),  # a press release's own line
        ("Washington, D.C., June 3, 2022.", (2022, 6, 3)),
    ],
)
def test_datelines(line, expected):
    found = find_dateline(f"{line}\nThe body of the article follows here.")
    assert found is not None
    assert (found.year, found.month, found.day) == expected


@pytest.mark.parametrize(
    "text",
    [
        "February 10, 2022 was a cold day in Kyiv.",
        "Russia and Belarus are set to begin drills on Thursday, 10 February, as the threat looms.",
        "LONDON (Reuters) - No date in this dateline.",
        "On Thursday, 10 February, troops moved.",
        "February 30, 2022 / impossible day",
        "Russia invaded Ukraine, 24 February 2022.",  # a sentence ending in a date
    ],
)
def test_not_datelines(text):
    assert find_dateline(text) is None


def test_dateline_only_in_the_first_lines():
    text = "\n".join(f"Line {i} of the story." for i in range(10)) + "\nFebruary 10, 2022 / late"
    assert find_dateline(text) is None


def test_numeric_dateline_follows_day_order():
    assert find_dateline("03/04/2022 - Kyiv\nx").date() == dt.date(2022, 4, 3)
    assert find_dateline("03/04/2022 - Kyiv\nx", dayfirst=False).date() == dt.date(2022, 3, 4)


@settings(max_examples=150, deadline=None)
@given(
    day=DAYS,
    template=st.sampled_from(
        [
            "{PLACE}, {Mon} {d}, {Y} (Reuters) - Troops moved.",
            "{Month} {d}, {Y} / Press release",
            "{d} {Month} {Y}",
            "{Weekday}, {d} {Month} {Y} - Kyiv",
            "Published: {Y}-{m:02d}-{d:02d}",
            "{PLACE}, {Month} {d}, {Y} — Shelling resumed.",
        ]
    ),
    place=st.sampled_from(["KYIV", "WASHINGTON", "Kyiv, Ukraine", "NEW YORK", "Minsk"]),
    lead=st.sampled_from(["", "\n", "advertisement\n", "  "]),
)
def test_rendered_datelines_parse_back(day, template, place, lead):
    line = template.format(
        PLACE=place,
        Mon=MONTHS[day.month - 1][:3],
        Month=MONTHS[day.month - 1],
        Weekday=day.strftime("%A"),
        d=day.day,
        m=day.month,
        Y=day.year,
    )
    found = find_dateline(lead + line + "\nBody text.")
    assert found is not None, line
    assert found.date() == day


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_dateline_never_raises_and_stays_in_the_text(text):
    found = find_dateline(text)
    if found is not None:
        assert 0 <= found.start < len(text)
        assert 1 <= found.month <= 12


# Front matter ---------------------------------------------------------------------------------------------------


def test_front_matter_is_split_and_one_blank_line_dropped():
    text = "---\ntitle: Drills\npublished: 2022-02-10\n---\n\nKyiv said.\n\nMore."
    split = split_front_matter(text)
    assert split.meta == {"title": "Drills", "published": dt.date(2022, 2, 10)}
    assert split.body == "Kyiv said.\n\nMore."


def test_text_without_front_matter_comes_back_whole():
    for text in ("Just text.\n---\nnot front matter", "--- not a block\nx", "---\n- a list\n- not a mapping\n---\nx"):
        split = split_front_matter(text)
        assert split.meta == {} and split.body == text


def test_broken_front_matter_says_where():
    with pytest.raises(FrontMatterError, match="line 4"):
        split_front_matter("---\ntitle: ok\nurl: [unclosed\n---\nBody")


@settings(max_examples=150, deadline=None)
@given(
    title=st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=60),
    day=DAYS,
    body=st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\x85\u2028\u2029"), max_size=200),
)
def test_front_matter_round_trip(title, day, body):
    header = yaml.safe_dump({"title": title, "published": day}, allow_unicode=True, width=10_000)
    split = split_front_matter(f"---\n{header}---\n\n{body}")
    assert split.meta == {"title": title, "published": day}
    assert split.body == body


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_front_matter_never_loses_text(text):
    try:
        split = split_front_matter(text)
    except FrontMatterError:
        return
    assert text.endswith(split.body)


def test_plain_header_lines_are_metadata():
    split = split_header_lines("Title: Drills begin\npublished: 2022-02-10\n\nKyiv said.\n\nMore.")
    assert split.meta == {"Title": "Drills begin", "published": "2022-02-10"}
    assert split.body == "Kyiv said.\n\nMore."


@pytest.mark.parametrize(
    "text",
    [
        "Kyiv: troops massed at the border.\n\nMore.",  # a first sentence with a colon
        "Title: Drills\nKyiv: troops massed.\n\nMore.",  # one line is not a header line
        "Title: Drills\npublished: 2022-02-10",  # no blank line: no body follows
        "\nTitle: Drills\n\nBody",  # the text starts with a blank line
    ],
)
def test_text_that_only_looks_like_a_header_comes_back_whole(text):
    split = split_header_lines(text)
    assert split.meta == {} and split.body == text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_header_lines_never_lose_text(text):
    split = split_header_lines(text)
    assert text.endswith(split.body) and (split.meta or split.body == text)


# Links and metadata values ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.com/world/2022/02/10/drills.html", dt.date(2022, 2, 10)),
        ("https://example.com/news/2022-02-10-drills", dt.date(2022, 2, 10)),
        ("https://example.com/20220210/drills", dt.date(2022, 2, 10)),
        ("https://web.archive.org/web/20230101000000/https://example.com/story", None),
        ("https://example.com/2022/13/45/x", None),
        ("https://example.com/item/123456789", None),
    ],
)
def test_url_dates(url, expected):
    found = url_date(url)
    assert (found[0] if found else None) == expected


def test_url_year():
    assert url_year("https://example.com/2022/kyiv-story") == 2022
    assert url_year("https://example.com/kyiv-story") is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-02-10T23:30:00-05:00", dt.date(2022, 2, 10)),
        ("Thu, 10 Feb 2022 12:00:00 GMT", dt.date(2022, 2, 10)),
        ("10. Februar 2022", dt.date(2022, 2, 10)),
        ("10 février 2022", dt.date(2022, 2, 10)),
        (1644500000, dt.date(2022, 2, 10)),
        (dt.datetime(2022, 2, 10, 8), dt.date(2022, 2, 10)),
        ("February 2022", None),  # a month is not a day
        ("2 days ago", None),  # relative, and no fetch time to count from
        ("1850-01-01", None),  # implausible
        ("", None),
        (True, None),
    ],
)
def test_parse_date_value(value, expected):
    assert parse_date_value(value) == expected


def test_relative_metadata_needs_a_base():
    base = dt.datetime(2022, 2, 10, 12)
    assert parse_date_value("il y a 2 jours", relative_base=base) == dt.date(2022, 2, 8)
    assert parse_date_value("03/04/2022", dayfirst=False) == dt.date(2022, 3, 4)


def test_yearless_dateline_takes_the_nearest_year_to_the_inferred_date(monkeypatch):
    from timeline.ingest import pubdate
    from timeline.ingest.options import IngestOptions

    monkeypatch.setattr(pubdate, "infer_from_text", lambda text: pubdate.PubDate(dt.date(2021, 12, 30), "inferred"))
    found = pubdate.resolve("KYIV, Jan 3 (Reuters) - Troops moved.", options=IngestOptions())
    assert (found.date, found.basis) == (dt.date(2022, 1, 3), "dateline")
    assert "year from the text" in found.detail
    found = pubdate.resolve("KYIV, Jan 3 (Reuters) - Troops.", options=IngestOptions(), url="https://e.x/2020/story")
    assert (found.date, found.detail.endswith("year from the link")) == (dt.date(2020, 1, 3), True)


def test_yearless_dateline_without_any_year_is_not_used(monkeypatch):
    from timeline.ingest import pubdate
    from timeline.ingest.options import IngestOptions

    monkeypatch.setattr(pubdate, "infer_from_text", lambda text: None)
    found = pubdate.resolve("KYIV, Jan 3 (Reuters) - Troops moved.", options=IngestOptions())
    assert (found.date, found.basis) == (None, "unknown")
    assert found.detail == "dateline 'KYIV, Jan 3 (Reuters)' names no year; give the date"  # the user sees the day


@settings(max_examples=100, deadline=None)
@given(
    day=DAYS,
    template=st.sampled_from(
        [
            "https://e.x/{Y}/{m:02d}/{d:02d}/story.html",
            "https://e.x/news/{Y}-{m:02d}-{d:02d}-kyiv",
            "http://e.x/{Y}{m:02d}{d:02d}/a",
        ]
    ),
)
def test_rendered_url_dates_parse_back(day, template):
    found = url_date(template.format(Y=day.year, m=day.month, d=day.day))
    assert found is not None and found[0] == day


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_url_date_never_raises(text):
    found = url_date("https://e.x/" + text)
    assert found is None or found[0].year >= 1990


def test_filed_names_the_place_or_agency_and_is_empty_for_a_bare_date():
    for text, filed in [
        ("KYIV, March 9 (Reuters) - Russian forces shelled Mykolaiv.", "KYIV"),
        ("Mon Feb 21, 2022 (AP) - Putin spoke.", "AP"),
        ("Washington, D.C., Feb. 21 - Biden spoke.", "Washington, D.C."),
        ("March 9, 2022: Russia bombed a hospital.", ""),
        ("Monday, 21 February 2022: Putin recognised two regions.", ""),
    ]:
        found = find_dateline(text)
        assert found is not None and found.filed == filed, text


def test_a_wire_story_names_its_agency_as_the_outlet(tmp_path):
    from timeline.ingest import load
    from timeline.ingest.dateline import wire_agency

    assert wire_agency("KHARKIV, Ukraine, Oct 14 (Reuters) - Drones struck.") == "Reuters"
    assert wire_agency("Malawi votes\n\nLILONGWE, Malawi (AP) — Voters queued.") == "AP"
    assert wire_agency("Talks (in Geneva) - failed.") == "" and wire_agency("KYIV, Feb 24 - Troops.") == ""
    path = tmp_path / "wire.txt"
    path.write_text("KYIV, Feb 24, 2022 (Reuters) - Russian forces attacked.\n", encoding="utf-8")
    [article] = load([path])
    assert article.source == "Reuters"
    path.write_text("---\nsource: Kyiv Independent\n---\nKYIV, Feb 24, 2022 (Reuters) - Troops.\n", encoding="utf-8")
    [article] = load([path])
    assert article.source == "Kyiv Independent"  # the file's own outlet wins
