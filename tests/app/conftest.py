"""AppTest helpers: run app.py in-process, and catch what download buttons would serve."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

APP = Path(__file__).resolve().parents[2] / "app.py"
TIMEOUT = 180  # a cold first run extracts the whole demo corpus on a shared 2-core machine


@pytest.fixture
def app() -> AppTest:
    """A fresh session of the app (extraction results are cached across sessions in this process)."""
    return AppTest.from_file(str(APP), default_timeout=TIMEOUT)


@pytest.fixture
def served(monkeypatch) -> dict:
    """file name -> bytes/str (or a callable, for deferred downloads) of every download the page offers."""
    files: dict = {}
    add, add_deferred = MediaFileManager.add, MediaFileManager.add_deferred

    def capture(self, data, mimetype, coordinates, file_name=None, is_for_static_download=False):
        files[file_name] = data
        return add(self, data, mimetype, coordinates, file_name, is_for_static_download)

    def capture_deferred(self, data_callable, mimetype, coordinates, file_name=None, *, element_id=""):
        files[file_name] = data_callable
        return add_deferred(self, data_callable, mimetype, coordinates, file_name, element_id=element_id)

    monkeypatch.setattr(MediaFileManager, "add", capture)
    monkeypatch.setattr(MediaFileManager, "add_deferred", capture_deferred)
    return files


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
