"""Figures parsed into numbers, and numbers that are not figures."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.events.figures import parse_figures


def one(text: str) -> dict:
    found = parse_figures(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "kind", "value", "low", "high"),
    [
        ("30,000 troops", "troops", 30000, 30000, 30000),
        ("The UK has ordered 1,000 troops to be standby to deploy", "troops", 1000, 1000, 1000),
        ("between one and five million people could face war-induced displacement", "displaced", None, 1e6, 5e6),
        ("Washington announced a $600 million aid package", "money", 6e8, 6e8, 6e8),
        ("at least 352 civilians killed", "casualties", 352, 352, None),
        ("more than 1 million refugees have fled", "displaced", 1e6, 1e6, None),
        ("up to 5,000 soldiers", "troops", 5000, None, 5000),
        ("some 100,000 Russian troops", "troops", 100000, None, None),
        ("thousands of troops", "troops", None, 2000, 9999),
        ("Two battalions of S-400s", "weapons", 2, 2, 2),
        ("the EU pledged €1.2bn in aid", "money", 1.2e9, 1.2e9, 1.2e9),
    ],
)
def test_figures(text, kind, value, low, high):
    figure = one(text)
    assert figure["kind"] == kind
    assert figure["value"] == value
    assert figure["low"] == low
    assert figure["high"] == high
    assert figure["text"] in text


def test_units_and_currency_codes():
    assert one("30,000 troops")["unit"] == "troops"
    assert one("a $600 million package")["unit"] == "USD"
    assert one("5 billion euros")["unit"] == "EUR"


@pytest.mark.parametrize(
    "text",
    [
        "S-400 systems were moved to the border",  # a designation, not a figure
        "Russia snatched Crimea from Ukraine in 2014.",
        "10 days of joint military drills on Thursday, 10 February",
        "The MH17 report was published in 2016.",
        "Inflation rose 20% in March.",
        "between one and five",
        "7,000 kilometres of border",
    ],
)
def test_not_figures(text):
    assert parse_figures(text) == []


def test_seed_mobilisation_list():
    listing = "30,000 troops\nTwo battalions of S-400s\nFighter jets into Belarus"
    assert [f["value"] for f in parse_figures(listing)] == [30000, 2]


@given(st.integers(min_value=2, max_value=999_999_999))
def test_round_trip_digits_with_commas(n):
    figure = one(f"officials counted {n:,} troops at the border")
    assert figure["value"] == n
    assert figure["kind"] == "troops"


@given(st.text(max_size=300))
def test_never_raises_on_arbitrary_text(text):
    for figure in parse_figures(text):
        assert set(figure) == {"kind", "value", "low", "high", "unit", "text"}
        assert figure["text"] in text
