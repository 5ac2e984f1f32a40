"""The Export tab: what the filters show, as CSV, JSON (the schema), TimelineJS JSON, standalone HTML and a
Markdown chronology."""

from __future__ import annotations

import dataclasses
import json

import pandas as pd
import streamlit as st

from timeline.curation import Edit, audit_frame
from timeline.export import audit_to_csv, to_chronology, to_csv, to_html, to_json, to_timelinejs
from timeline.figures import timeline_figure
from timeline_app.text import counted, origin_label


def show(shown: pd.DataFrame, lanes: str, color: str, edits: list[Edit], title: str) -> None:
    st.caption(f"Every export holds the {counted(len(shown), 'event')} the filters show, with the curation applied.")
    shown = shown.assign(origin=shown["origin"].map(origin_label))  # never the server's own folders
    audit = [dataclasses.asdict(e) for e in edits]
    cols = st.columns(5)
    cols[0].download_button("CSV", to_csv(shown), "crisis-timeline.csv", "text/csv", on_click="ignore",
                            width="stretch", help="One row per event; opens in any spreadsheet")  # fmt: skip
    cols[1].download_button("JSON (schema)", to_json(shown, audit), "crisis-timeline.json", "application/json",
                            on_click="ignore", width="stretch",
                            help="The events frame and the audit log, every column kept (for scripts)")  # fmt: skip
    cols[2].download_button("TimelineJS JSON", json.dumps(to_timelinejs(shown, title=title), ensure_ascii=False),
                            "crisis-timeline.timelinejs.json", "application/json", on_click="ignore",
                            width="stretch", help="Load in TimelineJS3 as is")  # fmt: skip
    def page() -> str:  # built only when clicked: it inlines plotly.js (about 5 MB)
        return to_html(timeline_figure(shown, lanes=lanes, color=color, title=title), shown, title=title)

    cols[3].download_button("Interactive HTML", page,
                            "crisis-timeline.html", "text/html", on_click="ignore", width="stretch",
                            help="The chart and its events in one file that works offline")  # fmt: skip
    cols[4].download_button("Chronology (Markdown)", to_chronology(shown, title=title), "crisis-timeline.md",
                            "text/markdown", on_click="ignore", width="stretch",
                            help="Dated headings, one item per happening with every outlet and sentence: "
                            "paste into an article or briefing")  # fmt: skip
    if edits:
        st.download_button("Audit log (CSV)", audit_to_csv(audit_frame(edits)), "crisis-timeline-audit.csv",
                           "text/csv", on_click="ignore")  # fmt: skip
