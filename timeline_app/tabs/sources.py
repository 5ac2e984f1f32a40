"""The Sources tab: every article read, with its publication date and how it was found, and the load summary."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from timeline.article import Article, Skipped
from timeline.export.links import safe_url
from timeline.ingest import LoadSummary
from timeline_app.tabs.columns import link_column
from timeline_app.text import md, origin_label

ARTICLE_COLUMNS = ("title", "source", "published", "basis", "events", "link", "read from", "near-duplicate of")


def articles_table(articles: list[Article], frame: pd.DataFrame) -> pd.DataFrame:
    counts = frame["article_id"].value_counts()
    published = frame.drop_duplicates("article_id").set_index("article_id")[["published", "published_basis"]]
    rows = []
    for a in articles:
        found = published.loc[a.article_id] if a.article_id in published.index else None
        rows.append({
            "title": a.title,
            "source": a.source,
            "published": found["published"] if found is not None else pd.Timestamp(a.published) if a.published
            else pd.NaT,
            "basis": found["published_basis"] if found is not None else a.published_basis,
            "events": int(counts.get(a.article_id, 0)),
            "link": safe_url(a.url) or None,
            "read from": origin_label(a.origin),
            "near-duplicate of": a.duplicate_of or "",
        })  # fmt: skip
    return pd.DataFrame(rows, columns=list(ARTICLE_COLUMNS))  # the columns even with no article


def show(articles: list[Article], results: list[Article | Skipped], frame: pd.DataFrame, summary: LoadSummary) -> None:
    st.markdown("\n".join(f"- {md(line)}" for line in summary.lines(messages=False)))
    table = articles_table(articles, frame)
    st.caption("One row per article read. `events`: every event extracted from it, before the filters and the "
               "curation (negated and hidden ones included), so the column may add up to more than the table shows.")
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        column_config={
            "link": link_column(table["link"]),
            "published": st.column_config.DateColumn("published", format="YYYY-MM-DD"),
        },
    )
    skipped = [r for r in results if isinstance(r, Skipped)]
    if skipped or summary.messages:
        st.markdown("**Inputs that need attention**")
        st.dataframe(pd.DataFrame({"message": summary.messages or [s.message() for s in skipped]}), hide_index=True,
                     width="stretch")  # fmt: skip
