"""enrich(): the seed's actors, places, types and figures; robustness on any text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.article import Article
from timeline.events.enrich import WRITES, enrich
from timeline.events.types import type_ids

_SEED_DATES = re.compile(r"Thursday, 10 February|Wednesday|in 2014|August 2020")


def seed_rows(text: str) -> list[dict]:
    """One row per line, dated roughly as the pipeline would (the dating is not under test here)."""
    rows = []
    for m in re.finditer(r"[^\n]+", text):
        timex = _SEED_DATES.search(m.group(0))
        rows.append(
            {
                "sentence": m.group(0),
                "char_start": m.start(),
                "char_end": m.end(),
                "timex_text": timex.group(0) if timex else "",
                "timex_start": m.start() + timex.start() if timex else -1,
                "timex_end": m.start() + timex.end() if timex else -1,
                "status": "occurred",
            }
        )
    return rows


@pytest.fixture
def seed(seed_path):
    text = seed_path.read_text(encoding="utf-8")
    article = Article(text=text, title="Russia, Belarus drills", source="The Quint")
    return [enrich(row, article) for row in seed_rows(text)]


def find(rows: list[dict], needle: str) -> dict:
    return next(r for r in rows if needle in r["sentence"])


def actor_names(row: dict) -> set[str]:
    return {a["name"] for a in row["actors"]}


def place_names(row: dict) -> set[str]:
    return {p["name"] for p in row["places"]}


def test_seed_actors(seed):
    everyone = set().union(*(actor_names(r) for r in seed))
    for name in ("Russia", "Belarus", "Valery Gerasimov", "Boris Johnson", "NATO", "Vladimir Putin",
                 "Alexander Lukashenko", "Volodymyr Zelenskyy", "Joe Biden"):
        assert name in everyone, name
    assert {"Russia", "Belarus"} <= actor_names(find(seed, "set to begin"))
    assert "Valery Gerasimov" in actor_names(find(seed, "arrived in Belarus"))
    assert "Boris Johnson" in actor_names(find(seed, "Boris Johnson said"))


def test_seed_places(seed):
    assert "Belarus" in place_names(find(seed, "arrived in Belarus"))
    assert {"Crimea", "Ukraine"} <= place_names(find(seed, "snatched Crimea"))
    assert "Poland" in place_names(find(seed, "trip to NATO headquarters"))
    for row in seed:
        for place in row["places"]:
            assert place["lat"] is not None and place["lon"] is not None, place


def test_seed_types(seed):
    assert find(seed, "set to begin")["event_type"] == "military"
    assert find(seed, "set to begin")["type_cue"] == "drills"
    assert find(seed, "Boris Johnson said")["event_type"] == "statement"
    assert find(seed, "protests erupted")["event_type"] == "protest"
    assert find(seed, "war-induced displacement")["event_type"] == "humanitarian"


def test_seed_figures(seed):
    assert find(seed, "30,000 troops")["figures"][0] | {} == {
        "kind": "troops", "value": 30000, "low": 30000, "high": 30000, "unit": "troops", "text": "30,000 troops"
    }
    standby = find(seed, "1,000 troops")["figures"]
    assert [(f["kind"], f["value"]) for f in standby] == [("troops", 1000)]
    displaced = find(seed, "one and five million")["figures"]
    assert [(f["kind"], f["low"], f["high"]) for f in displaced] == [("displaced", 1_000_000, 5_000_000)]
    assert find(seed, "snatched Crimea")["figures"] == []  # 2014 is a year


def test_seed_titles_are_labels_not_sentence_starts(seed):
    assert find(seed, "arrived in Belarus")["title"].startswith("Gerasimov arrived in Belarus")
    for row in seed:
        assert 0 < len(row["title"]) <= 80


def test_enrich_returns_a_copy_with_the_promised_columns():
    article = Article(text="Putin met Macron in Moscow on Monday.")
    row = {"sentence": article.text, "char_start": 0, "char_end": len(article.text), "timex_start": 30,
           "timex_end": 36, "status": "occurred", "start": None}
    out = enrich(row, article)
    assert "actors" not in row  # the input is untouched
    assert set(WRITES) <= set(out)
    assert out["event_type"] in type_ids()
    assert {a["name"] for a in out["actors"]} == {"Vladimir Putin", "Emmanuel Macron"}
    assert all(set(a) == {"name", "kind", "country", "normalized"} for a in out["actors"])
    assert [p["name"] for p in out["places"]] == ["Moscow"]
    assert all(set(p) == {"name", "kind", "country", "lat", "lon"} for p in out["places"])


def test_a_place_inside_the_date_expression_is_no_place_of_the_event():
    text = "Putin spoke at 6 a.m. Moscow time in Novo-Ogaryovo."
    start = text.index("6 a.m.")
    row = {"sentence": text, "char_start": 0, "char_end": len(text), "timex_start": start,
           "timex_end": start + len("6 a.m. Moscow time")}
    assert "Moscow" not in [p["name"] for p in enrich(row, Article(text=text))["places"]]


def test_clause_text_that_is_not_the_article_slice_is_scanned_directly():
    article = Article(text="Something else entirely.")
    out = enrich({"sentence": "Lavrov arrived in Minsk.", "char_start": 0, "char_end": 5}, article)
    assert {a["name"] for a in out["actors"]} == {"Sergei Lavrov"}
    assert [p["name"] for p in out["places"]] == ["Minsk"]


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300), st.integers(-5, 400), st.integers(-5, 400))
def test_enrich_never_raises_on_arbitrary_text(text, t_start, t_end):
    article = Article(text=text or " ")
    row = {"sentence": text, "char_start": 0, "char_end": len(text), "timex_start": t_start, "timex_end": t_end}
    out = enrich(row, article)
    assert out["title"] and len(out["title"]) <= 80
    assert out["event_type"] in type_ids()
