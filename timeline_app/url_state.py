"""The view in the URL: filters, lanes, colour, zoom (date range), selected event and extraction settings.

A copied link reopens the same view: on the first run of a session the query string is written
into the widgets' session-state keys (before any widget exists); on every run the current view
is written back, leaving out what is at its default so links stay short.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from timeline.figures import CHOICES
from timeline.filters import current_values
from timeline.pipeline import UNDATED_MODES
from timeline_app import state

#: query parameter -> session-state key, for multi-valued filters (repeated parameters).
LISTS: dict[str, str] = {
    "type": state.F_TYPES,
    "status": state.F_STATUS,
    "actor": state.F_ACTORS,
    "place": state.F_PLACES,
    "source": state.F_SOURCES,
}

#: query parameter -> the events-frame facet it filters (for the label of "no value").
FACET_OF: dict[str, str] = {"type": "event_type", "status": "status", "actor": "actors", "place": "places",
                            "source": "source"}  # fmt: skip


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def decode(params: dict[str, list[str]]) -> dict[str, object]:
    """Session-state values from query parameters (each a list of strings); bad values are dropped."""
    out: dict[str, object] = {}
    for name, key in LISTS.items():
        if params.get(name):
            out[key] = list(current_values(FACET_OF[name], [v for v in params[name] if v]))  # an old "(none)" too
    first = {name: values[0] for name, values in params.items() if values}
    start, end = _date(first.get("from")), _date(first.get("to"))
    if start and end and end < start:  # a hand-edited link with its ends reversed
        start, end = end, start
    if start or end:
        out[state.F_DATES] = (start, end)
    if first.get("minc", "").isdigit():
        out[state.F_MIN_CORR] = max(1, int(first["minc"]))
    if "q" in first:
        out[state.F_TEXT] = first["q"][:200]
    if first.get("neg") == "1":
        out[state.F_NEGATED] = True
    if first.get("lanes") in CHOICES:
        out[state.LANES] = first["lanes"]
    if first.get("color") in CHOICES:
        out[state.COLOR] = first["color"]
    if first.get("key") in state.KEY_MODES:
        out[state.KEY_MODE] = first["key"]
    if first.get("event"):
        out[state.SELECTED] = first["event"][:64]
    if first.get("undated") in UNDATED_MODES:
        out[state.UNDATED] = first["undated"]
    if first.get("dayfirst") in ("0", "1"):
        out[state.DAYFIRST] = first["dayfirst"] == "1"
    return out


def encode(values: dict[str, object], bounds: tuple[dt.date, dt.date] | None) -> dict[str, str | list[str]]:
    """Query parameters for the current view (session-state values); defaults are left out."""
    params: dict[str, str | list[str]] = {}
    for name, key in LISTS.items():
        if values.get(key):
            params[name] = [str(v) for v in values[key]]
    dates = values.get(state.F_DATES)
    if isinstance(dates, (tuple, list)) and len(dates) == 2 and all(dates) and tuple(dates) != tuple(bounds or ()):
        params["from"], params["to"] = dates[0].isoformat(), dates[1].isoformat()
    if int(values.get(state.F_MIN_CORR) or 1) > 1:
        params["minc"] = str(values[state.F_MIN_CORR])
    if values.get(state.F_TEXT):
        params["q"] = str(values[state.F_TEXT])
    if values.get(state.F_NEGATED):
        params["neg"] = "1"
    for name, key in (("lanes", state.LANES), ("color", state.COLOR), ("key", state.KEY_MODE)):
        if values.get(key) is not None and values.get(key) != state.INIT[key]:
            params[name] = str(values[key])
    if values.get(state.SELECTED):
        params["event"] = str(values[state.SELECTED])
    if values.get(state.UNDATED) not in (None, state.INIT[state.UNDATED]):
        params["undated"] = str(values[state.UNDATED])
    if values.get(state.DAYFIRST) is False:
        params["dayfirst"] = "0"
    return params


def restore_once() -> None:
    """On a session's first run, put the shared link's view into session state."""
    if st.session_state.get(state.URL_APPLIED):
        return
    st.session_state[state.URL_APPLIED] = True
    params = {name: st.query_params.get_all(name) for name in st.query_params}
    restored = decode(params)
    for key, value in restored.items():
        st.session_state[key] = value
    st.session_state[state.LINK_FRESH] = bool(restored)
    st.session_state[state.LINK_UNMET] = []


def unmet_notice(event_ids: set[str]) -> str:
    """On the run that opened a shared link: what the link asked for that the loaded articles do not have (filter
    values, the selected event), as one message for the user; "" when nothing is missing. Said once."""
    if not st.session_state.pop(state.LINK_FRESH, False):
        return ""
    unmet = list(st.session_state.pop(state.LINK_UNMET, []))
    selected = st.session_state.get(state.SELECTED)
    if selected and selected not in event_ids:
        unmet.append(f"event {selected}")
        st.session_state[state.SELECTED] = None
    if not unmet:
        return ""
    return ("This link's view names what the articles loaded here do not have: " + "; ".join(unmet) + ". A link "
            "keeps the view, not uploaded files: load the same articles, then open the link again.")


def write(bounds: tuple[dt.date, dt.date] | None) -> None:
    """Put the current view in the URL (only when it changed, so the browser history stays clean)."""
    wanted = encode({key: st.session_state.get(key) for key in state.INIT | {state.F_DATES: None}}, bounds)
    current = {name: st.query_params.get_all(name) for name in st.query_params}
    normalized = {name: value if isinstance(value, list) else [value] for name, value in wanted.items()}
    if normalized != current:
        st.query_params.from_dict(wanted)
