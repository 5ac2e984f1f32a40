"""Column settings the tabs' tables share."""

from __future__ import annotations

import pandas as pd
import streamlit as st


def link_column(links: pd.Series) -> st.column_config.LinkColumn | None:
    """An "open" link column, or None (which hides it) when no row has a link: a column of blanks says nothing."""
    return st.column_config.LinkColumn("link", display_text="open") if links.notna().any() else None
