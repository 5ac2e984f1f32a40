"""The Timeline tab: lanes, colour and key-events controls, the chart, and the clicked event's detail."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from timeline.figures import AGGREGATE_ABOVE, CHOICES, event_at, key_events, timeline_figure
from timeline_app import detail, state
from timeline_app.text import counted

#: Events in view above which "auto" switches to key events.
CROWDED = 1000
KEY_PER_WEEK = 5


def _choice(label: str, key: str, column) -> str:
    if st.session_state.get(key) not in CHOICES:
        st.session_state[key] = state.INIT[key]
    return column.selectbox(label, list(CHOICES), format_func=CHOICES.get, key=key)


def _on_select() -> None:
    """A drag across the chart sets the Dates filter to the dragged period (so the link keeps the zoom); a click
    selects that event (the figure's customdata names it)."""
    chosen = st.session_state.get(state.CHART)
    selection = chosen.selection if chosen and chosen.selection else {}
    period = dragged_period(selection.get("box", []))
    if period is not None:
        st.session_state[state.F_DATES] = period  # the sidebar keeps it within the data's dates
        return
    points = selection.get("points", [])
    figure = st.session_state.get(state.FIGURE)
    for point in points:
        event_id = event_at(figure, point.get("curve_number", -1), point.get("point_index", -1)) if figure else None
        if event_id:
            st.session_state[state.SELECTED] = event_id
            st.session_state[state.pick_key()] = event_id
            return


def dragged_period(boxes: list[dict]) -> tuple[dt.date, dt.date] | None:
    """The days a horizontal box selection covers (its x ends are dates), or None without a usable box."""
    for box in boxes:
        ends = box.get("x") or []
        if len(ends) < 2:
            continue
        try:
            first, last = sorted(pd.Timestamp(x).date() for x in ends[:2])
        except (TypeError, ValueError):
            continue
        return first, last
    return None


def _all_dates() -> None:
    st.session_state[state.F_DATES] = None  # the sidebar resets it to the data's whole span


def _on_pick() -> None:
    st.session_state[state.SELECTED] = st.session_state.get(state.pick_key())


def chart_frame(shown: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """What the chart draws: every event, or the key events per week when crowded (and why)."""
    mode = st.session_state[state.KEY_MODE]
    crowded = len(shown) > CROWDED
    if mode == "on" or (mode == "auto" and crowded):
        top = key_events(shown, per="W", top=KEY_PER_WEEK)
        return top, f"Key events: the {KEY_PER_WEEK} most salient per week ({len(top)} of {len(shown)} events)."
    return shown, ""


def show(
    shown: pd.DataFrame,
    curated: pd.DataFrame,
    view: tuple[dt.date, dt.date] | None,
    title: str,
    reports: pd.DataFrame | None = None,
    outside: int = 0,
) -> None:
    """Draw the tab. ``shown``: filtered events; ``curated``: all events (for the detail panel); ``reports``: those
    with the events merged into others kept (the detail lists them); ``outside``: events the other filters keep that
    the dates leave out."""
    lanes_col, color_col, key_col = st.columns(3)
    lanes = _choice("Lanes", state.LANES, lanes_col)
    color = _choice("Colour", state.COLOR, color_col)
    key_col.radio("Key events", state.KEY_MODES, horizontal=True, key=state.KEY_MODE,
                  format_func={"auto": f"auto (>{CROWDED})", "on": "on", "off": "off"}.get)  # fmt: skip
    drawn, note = chart_frame(shown)
    dated = int(drawn["start"].notna().sum())
    if dated > AGGREGATE_ABOVE:
        note += (f" Over {AGGREGATE_ABOVE} events in view are drawn as counts per period (hover a marker for its "
                 "count and top event); narrow the dates or the filters to see each event.")
    st.caption(
        f"{counted(dated, 'dated event')} drawn · {len(shown) - int(shown['start'].notna().sum())} undated (table "
        "only) · "
        "points: one day · bars: several days · faint bands: known only to the week, month or year · "
        "hollow/hatched: scheduled or possible · size: outlets reporting it. Click a point for its sources. Drag to "
        "zoom; with the Box Select tool (top right) a drag sets the Dates filter instead, which the link keeps."
        + (f" {note}" if note else "")
    )
    if view is not None:
        if outside:  # e.g. a new article's events fell outside the dates picked earlier: say so, never hide it
            st.info(f"{counted(outside, 'event')} outside the dates shown ({view[0]:%Y-%m-%d} – {view[1]:%Y-%m-%d}) "
                    "match the other filters.")  # fmt: skip
        st.button(f"All dates (now {view[0]:%Y-%m-%d} – {view[1]:%Y-%m-%d})", on_click=_all_dates, key=state.ALL_DATES)
    figure = timeline_figure(drawn, lanes=lanes, color=color, view=view, selected=st.session_state.get(state.SELECTED),
                             title=title)  # fmt: skip
    st.session_state[state.FIGURE] = figure
    st.plotly_chart(figure, key=state.CHART, on_select=_on_select, selection_mode=("points", "box"),
                    width="stretch", config={"displaylogo": False})  # fmt: skip
    ids = list(curated["event_id"])
    if not ids:
        return
    labels = dict(zip(curated["event_id"], curated["title"], strict=True))
    pick = state.pick_key()
    if st.session_state.get(pick) not in labels:
        st.session_state[pick] = st.session_state.get(state.SELECTED) if st.session_state.get(
            state.SELECTED) in labels else None  # fmt: skip
    picked = st.selectbox("Event details", ids, key=pick, index=None, placeholder="Click a point, or pick here",
                          format_func=lambda eid: labels.get(eid, eid), on_change=_on_pick)  # fmt: skip
    if picked:
        with st.container(border=True):
            detail.show(curated, picked, reports)
