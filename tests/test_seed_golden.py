"""The seed article (The Quint, February 2022, no date line) must come out with these dates (issue 3).

Run with the default settings and no publication date: the pipeline infers it from the text.
"""

from __future__ import annotations

import datetime as dt

import pytest
from project_paths import shared_path

from timeline import schema
from timeline.article import Article
from timeline.pipeline import extract_article, frame_from_rows

D = dt.date


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    seed = shared_path("seed", "000_b53da4b4a8ff433b.txt")
    return extract_article(Article(text=seed.read_text(encoding="utf-8"), source="The Quint", origin=str(seed)))


def _row(rows: list[dict], words: str) -> dict:
    found = [r for r in rows if words in r["sentence"]]
    assert len(found) == 1, f"{words!r} is in {len(found)} rows"
    return found[0]


def test_publication_date_is_inferred(rows):
    assert {r["published_basis"] for r in rows} == {"inferred"}
    assert rows[0]["published"] in (D(2022, 2, 9), D(2022, 2, 10))


def test_the_dated_events(rows):
    drills = _row(rows, "10 days of joint military drills")
    assert (drills["start"], drills["end"], drills["precision"], drills["status"]) == (
        D(2022, 2, 10),
        D(2022, 2, 19),
        "day",
        "scheduled",
    )
    arrived = _row(rows, "arrived in Belarus on Wednesday")
    assert (arrived["start"], arrived["end"], arrived["status"]) == (D(2022, 2, 9), D(2022, 2, 9), "occurred")
    crimea = _row(rows, "snatched Crimea")
    assert (crimea["start"], crimea["end"], crimea["precision"]) == (D(2014, 1, 1), D(2014, 12, 31), "year")
    protests = _row(rows, "protests erupted in Belarus")
    assert (protests["start"], protests["end"], protests["precision"]) == (D(2020, 8, 1), D(2020, 8, 31), "month")
    trip = _row(rows, "trip to NATO headquarters")
    assert (trip["start"], trip["end"], trip["precision"]) == (D(2022, 2, 10), D(2022, 2, 10), "day")
    said = _row(rows, "Boris Johnson said on Wednesday")
    assert (said["start"], said["status"], said["status_cue"]) == (D(2022, 2, 9), "reported", "said")


def test_sentences_without_a_date_are_dated_at_publication_and_say_so(rows):
    for words in (
        "30,000 troops",
        "Two battalions of S-400s",
        "1,000 troops to be standby",
        "between one and five million",
        "clashing over intelligence",
        "wrote a joint letter",
        "That equation may have changed now",
    ):
        row = _row(rows, words)
        assert (row["start"], row["date_basis"], row["timex_text"]) == (row["published"], "publication", ""), words


def test_nothing_else_gets_a_wrong_date(rows):
    published = rows[0]["published"]
    allowed = {
        (published, published),
        (D(2022, 2, 10), D(2022, 2, 19)),
        (D(2022, 2, 9), D(2022, 2, 9)),
        (D(2022, 2, 10), D(2022, 2, 10)),
        (D(2014, 1, 1), D(2014, 12, 31)),
        (D(2020, 8, 1), D(2020, 8, 31)),
    }
    for row in rows:
        assert (row["start"], row["end"]) in allowed, row["sentence"]
    assert not {"may", "one and five", "S-400s", "30,000"} & {r["timex_text"] for r in rows}


def test_boilerplate_makes_no_events(rows):
    text = " ".join(r["sentence"] for r in rows)
    for furniture in ("advertisement", "With inputs from", "becoming a member today"):
        assert furniture not in text


def test_statuses(rows):
    assert _row(rows, "will conduct joint exercises")["status"] == "scheduled"
    assert _row(rows, "That equation may have changed")["status"] == "possible"
    assert _row(rows, "An advisor to President Zelensky said")["status"] == "reported"


def test_the_frame_validates(rows):
    schema.validate(frame_from_rows(rows))
