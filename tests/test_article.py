"""Article and Skipped records: stable ids and closed sets."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.article import Article, Skipped, article_id_for


def test_article_id_is_stable_and_depends_on_text_only():
    a = Article(text="Troops arrived on Wednesday.", origin="a.txt")
    b = Article(text="Troops arrived on Wednesday.", origin="b.txt", published=dt.date(2022, 2, 10))
    assert a.article_id == b.article_id == article_id_for("Troops arrived on Wednesday.")
    assert Article(text="Other text.").article_id != a.article_id


def test_unknown_basis_and_reason_are_refused():
    with pytest.raises(ValueError, match="published_basis"):
        Article(text="x", published_basis="guess")
    with pytest.raises(ValueError, match="skip reason"):
        Skipped(origin="x", reason="whatever")


def test_skipped_message_names_origin_and_reason():
    assert Skipped("a.bin", "binary", "looks like a PNG").message() == "a.bin: skipped (not text): looks like a PNG"
