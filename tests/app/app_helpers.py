"""Helpers for the AppTest tests: where the app is, and how to read what a run drew."""

from __future__ import annotations

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = Path(__file__).resolve().parents[2] / "app.py"
TIMEOUT = 180  # a cold first run extracts the whole demo corpus on a shared 2-core machine


def chart_spec(at: AppTest, index: int = 0) -> dict:
    """The plotly figure the page sent to the browser."""
    return json.loads(at.get("plotly_chart")[index].proto.spec)


def chart_event_ids(at: AppTest) -> set[str]:
    """Every event id drawn on the timeline chart (traces carry them in customdata)."""
    spec = chart_spec(at)
    return {eid for trace in spec["data"] if trace.get("name") != "selected" for eid in trace.get("customdata") or []}


def editor_table(at: AppTest):
    """The Table tab's editable events table (the dataframe holding an event_id column)."""
    return next(df.value for df in at.dataframe if "event_id" in df.value.columns)


def widget(elements, label: str):
    return next(e for e in elements if e.label == label)
