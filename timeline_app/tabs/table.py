"""The Table tab: the shown events, sortable, editable (date, title, type, status, hide), merge, audit log."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from timeline.curation import CurationError, audit_frame, edits_from_changes, merge_edit
from timeline.export.links import safe_url
from timeline.figures import date_label
from timeline.schema import PRECISIONS, STATUSES, names
from timeline_app import state
from timeline_app.tabs.columns import link_column
from timeline_app.text import counted

EDITABLE_COLUMNS = ["hidden", "title", "start", "end", "precision", "event_type", "status"]

#: Columns the "Sort by" box offers, with their labels.
SORTS: dict[str, str] = {"start": "date", "title": "title", "event_type": "type", "status": "status",
                         "outlets": "outlets", "source": "source"}  # fmt: skip


def _editor_key() -> str:
    return f"editor_{st.session_state[state.EDITOR_VERSION]}"


def table_frame(frame: pd.DataFrame, hidden: set[str]) -> pd.DataFrame:
    """The rows the editor shows: readable lists, dates as dates, http(s) links only."""
    return pd.DataFrame({
        "hidden": frame["event_id"].isin(hidden),
        "date": [date_label(s, e, p) for s, e, p in zip(frame["start"], frame["end"], frame["precision"], strict=True)],
        "title": frame["title"],
        "start": frame["start"].dt.date,
        "end": frame["end"].dt.date,
        "precision": frame["precision"],
        "event_type": frame["event_type"],
        "status": frame["status"],
        "actors": frame["actors"].map(lambda c: ", ".join(names(c))),
        "places": frame["places"].map(lambda c: ", ".join(names(c))),
        "source": frame["source"],
        "outlets": frame["corroboration"],
        "link": frame["url"].map(lambda u: safe_url(u) or None),
        "sentence": frame["sentence"],
        "event_id": frame["event_id"],
    }).reset_index(drop=True)  # fmt: skip


def sorted_table(table: pd.DataFrame, by: str, descending: bool) -> pd.DataFrame:
    """``table`` in the order the user chose (stable, so ties keep the frame's order; missing values last)."""
    if by not in table.columns:
        return table
    key = (lambda column: column.str.casefold()) if pd.api.types.is_string_dtype(table[by]) else None
    ordered = table.sort_values(by, ascending=not descending, kind="stable", na_position="last", key=key)
    return ordered.reset_index(drop=True)


def _on_edit() -> None:
    """Turn the editor's changed cells into audit-logged edits, then reset the editor on the new data."""
    changed = st.session_state.get(_editor_key(), {}).get("edited_rows", {})
    table: pd.DataFrame = st.session_state.get("_table")
    if not changed or table is None:
        return
    changes = {table.iloc[int(pos)]["event_id"]: dict(cells) for pos, cells in changed.items()}
    who = st.session_state[state.CURATOR] or "anonymous"
    try:
        edits = edits_from_changes(table, changes, who=who)
    except CurationError as exc:
        st.session_state[state.CURATION_ERROR] = f"Change not saved: {exc}"
    else:
        st.session_state[state.EDITS] = [*st.session_state[state.EDITS], *edits]
        st.session_state[state.CURATION_ERROR] = ""
    st.session_state[state.EDITOR_VERSION] += 1


def _on_merge() -> None:
    source, target = st.session_state.get(state.MERGE_SOURCE), st.session_state.get(state.MERGE_TARGET)
    table: pd.DataFrame = st.session_state.get("_table")
    try:
        if not source or not target:
            raise CurationError("pick both events to merge")
        edit = merge_edit(table, source, target, who=st.session_state[state.CURATOR] or "anonymous")
    except CurationError as exc:
        st.session_state[state.CURATION_ERROR] = f"Merge not made: {exc}"
        return
    st.session_state[state.EDITS] = [*st.session_state[state.EDITS], edit]
    st.session_state[state.MERGE_SOURCE] = st.session_state[state.MERGE_TARGET] = None
    st.session_state[state.CURATION_ERROR] = ""
    st.session_state[state.EDITOR_VERSION] += 1


def show(shown: pd.DataFrame, hidden: set[str]) -> None:
    """``shown``: the filtered events (hidden ones included when the user asks to see them)."""
    top = st.columns([2, 1])
    top[0].text_input("Your name (for the audit log)", key=state.CURATOR, placeholder="anonymous")
    top[1].toggle("Show hidden events", key=state.SHOW_HIDDEN)
    if st.session_state[state.CURATION_ERROR]:
        st.error(st.session_state[state.CURATION_ERROR])
    if st.session_state[state.EDITS]:
        st.warning(f"{counted(len(st.session_state[state.EDITS]), 'edit')} in this browser tab only: a shared link "
                   "does not carry them and reloading the page starts over. Keep them with Project file → Save "
                   "project (.json) in the sidebar.")  # fmt: skip
    sort_col, desc_col = st.columns([2, 1])
    by = sort_col.selectbox("Sort by", list(SORTS), format_func=SORTS.get, key=state.TABLE_SORT)
    descending = desc_col.toggle("Descending", key=state.TABLE_DESC)
    table = sorted_table(table_frame(shown, hidden), by, descending)
    st.session_state["_table"] = table  # what the editor shows, row for row: edits are read back by position
    types = sorted(set(table["event_type"]) | {"other"})
    st.caption(f"{counted(len(table), 'event')}. Edit title, dates, precision, type or status in place, or tick "
               "'hidden'. 'Sort by' keeps its order after an edit; a click on a column header sorts until the "
               "next edit.")  # fmt: skip
    st.data_editor(
        table,
        key=_editor_key(),
        on_change=_on_edit,
        hide_index=True,
        width="stretch",
        num_rows="fixed",
        disabled=[c for c in table.columns if c not in EDITABLE_COLUMNS],
        column_config={
            "hidden": st.column_config.CheckboxColumn("hidden", help="Hide from chart, map and exports"),
            "title": st.column_config.TextColumn("title", max_chars=80, required=True),
            "start": st.column_config.DateColumn("start", format="YYYY-MM-DD"),
            "end": st.column_config.DateColumn("end", format="YYYY-MM-DD"),
            "precision": st.column_config.SelectboxColumn("precision", options=list(PRECISIONS), required=True),
            "event_type": st.column_config.SelectboxColumn("type", options=types, required=True),
            "status": st.column_config.SelectboxColumn("status", options=list(STATUSES), required=True),
            "link": link_column(table["link"]),
            "outlets": st.column_config.NumberColumn("outlets", help="Distinct outlets reporting this event"),
        },
    )
    with st.expander("Merge two events (the same happening reported twice)"):
        labels = {eid: f"{day} · {title}" for eid, day, title in zip(table["event_id"], table["date"], table["title"],
                                                                     strict=True)}  # fmt: skip
        left, right = st.columns(2)
        left.selectbox("Merge this event…", list(labels), key=state.MERGE_SOURCE, index=None,
                       format_func=labels.get)  # fmt: skip
        right.selectbox("…into this one", list(labels), key=state.MERGE_TARGET, index=None, format_func=labels.get)
        st.button("Merge", on_click=_on_merge)
        st.caption("The merged event leaves the chart and the table; its report stays listed under the event it "
                   "joined (Timeline tab, event details), where Un-merge brings it back.")  # fmt: skip
    edits = st.session_state[state.EDITS]
    st.markdown(f"**Audit log** ({len(edits)} change{'s' if len(edits) != 1 else ''})")
    if edits:
        st.dataframe(audit_frame(edits), hide_index=True, width="stretch")
