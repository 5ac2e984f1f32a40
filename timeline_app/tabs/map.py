"""The Map tab: places sized by how many of the shown events name them."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from timeline.figures import map_figure, place_table
from timeline_app.text import counted

#: Served by Streamlit's static file serving (server.enableStaticServing), so the base map
#: draws without internet access; plotly fetches it from its CDN otherwise.
TOPOJSON_URL = "app/static/topojson/"


def show(shown: pd.DataFrame) -> None:
    places = place_table(shown)
    named = f"{counted(len(places), 'place')} named by {counted(len(shown), 'event')}"
    st.caption(f"{named}. Marker size: number of events.")
    st.plotly_chart(map_figure(shown), width="stretch", config={"displaylogo": False, "topojsonURL":
                    TOPOJSON_URL})  # fmt: skip
    if len(places):
        st.dataframe(places, hide_index=True, width="stretch")
