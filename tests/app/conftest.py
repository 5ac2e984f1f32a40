"""AppTest helpers: run app.py in-process, and catch what download buttons would serve."""

from __future__ import annotations

import pytest
from app_helpers import APP, TIMEOUT
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest


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
