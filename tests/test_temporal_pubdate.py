"""Publication date inferred from the text when there is no date line."""

from __future__ import annotations

import datetime as dt

from timeline.temporal import infer_publication_date


def test_seed_article_is_dated_9_or_10_february_2022(seed_path):
    inferred = infer_publication_date(seed_path.read_text(encoding="utf-8"))
    assert inferred is not None
    assert inferred.date in (dt.date(2022, 2, 9), dt.date(2022, 2, 10))
    assert "2022" in inferred.evidence and "Thursday, 10 February" in inferred.evidence


def test_weekday_date_pair_and_tense():
    text = "The summit is set to open on Monday, 7 March. Ministers met on Friday to prepare it."
    inferred = infer_publication_date(text, today=dt.date(2023, 1, 1))
    assert inferred is not None
    assert inferred.date.year == 2022 and dt.date(2022, 3, 4) <= inferred.date <= dt.date(2022, 3, 7)


def test_pair_year_is_no_earlier_than_years_mentioned():
    text = "Protests began in 2019. The rally is planned for Thursday, 10 February."
    inferred = infer_publication_date(text, today=dt.date(2023, 1, 1))
    assert inferred is not None and inferred.date.year == 2022


def test_explicit_full_date_in_past_sentence():
    inferred = infer_publication_date("The agreement was signed on 3 March 2021 in Geneva.", today=dt.date(2023, 1, 1))
    assert inferred is not None and inferred.date >= dt.date(2021, 3, 3)


def test_no_evidence_gives_none():
    assert infer_publication_date("Troops arrived on Wednesday. Talks continue.") is None
    assert infer_publication_date("Crimea was annexed in 2014.") is None
    assert infer_publication_date("") is None


def test_pair_with_no_consistent_year_gives_none():
    text = "On Monday, 10 February the talks opened. On Monday, 11 February they closed."
    assert infer_publication_date(text, today=dt.date(2023, 1, 1)) is None
