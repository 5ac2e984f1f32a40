"""JSON of the events frame: the schema itself, so a file round-trips to the same frame.

Shape: ``{"format": "crisis-timeline/events", "version": 1, "columns": [...], "events": [...],
"audit": [...]}`` with dates as ISO strings (null when absent).
"""

from __future__ import annotations

import json

import pandas as pd

from timeline.schema import COLUMN_NAMES, COLUMNS, from_records, validate

FORMAT = "crisis-timeline/events"
VERSION = 1


class EventsFileError(ValueError):
    """A file given as an events JSON is not one; the message says what is wrong."""


def records(frame: pd.DataFrame) -> list[dict]:
    """Plain JSON-ready row dicts (dates ISO or None)."""
    dates = [c.name for c in COLUMNS if c.kind == "date"]
    out = []
    for row in frame.to_dict("records"):
        for name in dates:
            row[name] = None if pd.isna(row[name]) else row[name].strftime("%Y-%m-%d")
        out.append(row)
    return out


def to_json(frame: pd.DataFrame, audit: list[dict] | None = None, *, indent: int | None = 1) -> str:
    """The frame (and, when given, the curation audit log) as JSON text."""
    doc = {"format": FORMAT, "version": VERSION, "columns": list(COLUMN_NAMES), "events": records(frame)}
    if audit is not None:
        doc["audit"] = audit
    return json.dumps(doc, ensure_ascii=False, indent=indent, default=str)


def from_json(text: str) -> pd.DataFrame:
    """Read a file written by :func:`to_json` back into a validated frame."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise EventsFileError(f"not JSON ({exc}); export events with the JSON button and load that file") from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT or not isinstance(doc.get("events"), list):
        raise EventsFileError(f"not a Crisis Timeline events file (expected format {FORMAT!r} with an events list)")
    return validate(from_records(doc["events"]))
