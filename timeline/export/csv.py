"""CSV of the events frame, for spreadsheets.

Lists become readable cells (actor and place names joined by "; "; figures as JSON), dates are
ISO. Text cells that a spreadsheet would run as a formula (starting with = + - @ or a control
character) get a leading apostrophe: an article must not be able to plant a formula in a
journalist's spreadsheet.
"""

from __future__ import annotations

import json

import pandas as pd

from timeline.schema import COLUMNS, names

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def _flat(frame: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame(index=frame.index)
    for col in COLUMNS:
        series = frame[col.name]
        if col.name in ("actors", "places"):
            out[col.name] = series.map(lambda cell: _cell("; ".join(names(cell))))
        elif col.kind == "list":
            out[col.name] = series.map(lambda cell: json.dumps(cell, ensure_ascii=False, default=str))
        elif col.kind == "date":
            out[col.name] = series.dt.strftime("%Y-%m-%d").fillna("")
        elif col.kind == "str":
            out[col.name] = series.map(_cell)
        else:
            out[col.name] = series
    return out


def to_csv(frame: pd.DataFrame) -> str:
    """The frame as CSV text, one row per event, the schema's columns in order."""
    return _flat(frame).to_csv(index=False, lineterminator="\n")


def audit_to_csv(audit: pd.DataFrame) -> str:
    """The curation audit log as CSV (same formula guard: old/new values may be article text)."""
    return audit.map(lambda v: _cell(v) if isinstance(v, str) else v).to_csv(index=False, lineterminator="\n")
