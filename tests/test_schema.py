"""The events frame contract: dtypes, closed sets, cross-column rules, and the README table."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd
import pytest

from timeline import schema

ROOT = Path(__file__).resolve().parents[1]


def _row(**overrides) -> dict:
    row = {
        "event_id": "e1",
        "article_id": "a1",
        "published_basis": "metadata",
        "sentence": "Talks were held on Monday.",
        "date_basis": "relative_publication",
        "start": dt.date(2022, 2, 7),
        "end": dt.date(2022, 2, 7),
        "precision": "day",
        "status": "occurred",
        "title": "Talks held",
        "event_type": "diplomacy",
    }
    row.update(overrides)
    return row


def test_empty_frame_is_valid_and_typed():
    frame = schema.empty_frame()
    assert list(frame.columns) == list(schema.COLUMN_NAMES)
    schema.validate(frame)
    assert str(frame["start"].dtype) == "datetime64[ns]"
    assert frame["char_start"].dtype == "int64"


def test_from_records_fills_defaults_and_coerces_dates():
    frame = schema.validate(schema.from_records([_row(start="2022-02-07", end=dt.date(2022, 2, 8))]))
    row = frame.iloc[0]
    assert row["start"] == pd.Timestamp("2022-02-07") and row["end"] == pd.Timestamp("2022-02-08")
    assert row["timex_start"] == -1 and row["corroboration"] == 1
    assert row["actors"] == [] and row["url"] == ""


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"status": "happened"}, "status"),
        ({"precision": "fortnight"}, "precision"),
        ({"date_basis": ""}, "date_basis"),
        ({"title": "x" * 81}, "titles longer"),
        ({"start": dt.date(2022, 2, 9), "end": dt.date(2022, 2, 8)}, "start after end"),
        ({"end": None}, "start but no end"),
        ({"char_start": 10, "char_end": 5}, "char_start after char_end"),
        ({"corroboration": 0}, "corroboration"),
    ],
)
def test_validate_rejects(overrides, message):
    frame = schema.from_records([_row(**overrides)])
    with pytest.raises(schema.SchemaError, match=message):
        schema.validate(frame)


def test_validate_rejects_duplicate_ids_and_wrong_columns():
    with pytest.raises(schema.SchemaError, match="not unique"):
        schema.validate(schema.from_records([_row(), _row()]))
    with pytest.raises(schema.SchemaError, match="columns differ"):
        schema.validate(schema.empty_frame().drop(columns=["title"]))
    frame = schema.from_records([_row()])
    frame["char_start"] = frame["char_start"].astype("float64")
    with pytest.raises(schema.SchemaError, match="char_start: dtype"):
        schema.validate(frame)


def test_names_reads_dicts_and_strings():
    assert schema.names([{"name": "Russia", "kind": "country"}, "NATO"]) == ["Russia", "NATO"]


def test_published_bases_match_article_module():
    from timeline.article import PUBLISHED_BASES

    assert schema.PUBLISHED_BASES == PUBLISHED_BASES


def test_readme_documents_every_column():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = re.findall(r"^\| `([a-z_]+)` \|", readme, flags=re.MULTILINE)
    assert documented == list(schema.COLUMN_NAMES), "README's events-frame table is out of step with timeline/schema.py"
