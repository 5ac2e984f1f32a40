"""Shared table column settings."""

from __future__ import annotations

import pandas as pd

from timeline_app.tabs.columns import link_column


def test_a_link_column_is_hidden_when_no_row_has_a_link():
    assert link_column(pd.Series([None, None], dtype=object)) is None
    shown = link_column(pd.Series([None, "https://example.org/a"], dtype=object))
    assert shown is not None and shown["type_config"]["type"] == "link"
