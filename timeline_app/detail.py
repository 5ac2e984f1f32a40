"""The detail panel of one event: its sentence with the date highlighted, how the date was
resolved, its article, the other reports of the same happening, any conflict, and a small form
to correct it. Everything from the article goes through :func:`timeline_app.text.md` or
``st.text``: shown as text, never as markup.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from timeline.curation import EDITABLE, CurationError, edits_from_changes, merges, unmerge_edit
from timeline.events.types import type_ids
from timeline.export.links import safe_url
from timeline.figures import date_label
from timeline.schema import PRECISIONS, STATUSES, names
from timeline_app import state
from timeline_app.text import highlighted, md, origin_label

_BASIS = {
    "explicit": "the expression names the date itself",
    "relative_publication": "resolved against the article's publication date",
    "relative_previous": "resolved against an earlier date in the text",
    "continued": "no date of its own: continues the previous sentence's date",
    "publication": "no date of its own: dated at publication (fallback)",
    "unresolved": "a date expression was found but could not be placed on the calendar",
}


def _facts(pairs: list[tuple[str, object]]) -> None:
    st.markdown("\n".join(f"- **{label}:** {md(value) if value not in ('', None) else '–'}" for label, value in pairs))


def _edit_form(row: pd.Series) -> None:
    with st.form(f"edit_{row['event_id']}"):
        st.markdown("**Correct this event** (kept in the audit log; survives re-extraction)")
        title = st.text_input("Title", value=row["title"], max_chars=80)
        left, right = st.columns(2)
        start = left.date_input("Start", value=row["start"] if pd.notna(row["start"]) else None)
        end = right.date_input("End", value=row["end"] if pd.notna(row["end"]) else None)
        precision = left.selectbox("Precision", PRECISIONS, index=PRECISIONS.index(row["precision"]))
        status = right.selectbox("Status", STATUSES, index=STATUSES.index(row["status"]))
        kinds = list(dict.fromkeys([*type_ids(), row["event_type"]]))  # only known types: no typo makes a new lane
        event_type = st.selectbox("Event type", kinds, index=kinds.index(row["event_type"]))
        hide = st.checkbox("Hide this event")
        if st.form_submit_button("Save correction"):
            wanted = {"title": title, "start": start, "end": end, "precision": precision, "status": status,
                      "event_type": event_type}  # fmt: skip
            changes = {k: v for k, v in wanted.items() if v is not None and k in EDITABLE}
            if start is not None and pd.notna(row["start"]) and start == row["start"].date():
                changes.pop("start")  # unchanged: do not re-pin a month event to its first day
            if end is not None and pd.notna(row["end"]) and end == row["end"].date():
                changes.pop("end")  # unchanged: a one-day event whose start moves keeps being one day, as in the table
            if precision == row["precision"]:
                changes.pop("precision")  # untouched: a new start pins a month event to that day, as in the table
            if hide:
                changes["hidden"] = True
            who = st.session_state[state.CURATOR] or "anonymous"
            try:
                edits = edits_from_changes(pd.DataFrame([row]), {row["event_id"]: changes}, who=who)
            except CurationError as exc:
                st.error(str(exc))
                return
            st.session_state[state.EDITS] = [*st.session_state[state.EDITS], *edits]
            st.session_state[state.EDITOR_VERSION] += 1
            st.rerun()


def _unmerge(event_id: str) -> None:
    edits = st.session_state[state.EDITS]
    edit = unmerge_edit(edits, event_id, who=st.session_state[state.CURATOR] or "anonymous")
    st.session_state[state.EDITS] = [*edits, edit]
    st.session_state[state.EDITOR_VERSION] += 1


def _other_reports(row: pd.Series, reports: pd.DataFrame) -> None:
    """The other reports of the same happening, those merged into this event by a user included, each of those
    with a button that undoes its merge."""
    same = (reports["cluster_id"] == row["cluster_id"]) & (reports["event_id"] != row["event_id"])
    others = reports[same] if row["cluster_id"] else reports.iloc[0:0]
    st.markdown(f"**Other reports of this event:** {len(others)} (reported by {row['corroboration']} outlet(s))")
    if not len(others):
        return
    merged = merges(st.session_state[state.EDITS])
    st.dataframe(
        others.assign(
            date=[date_label(s, e, p) for s, e, p in zip(others["start"], others["end"], others["precision"],
                                                         strict=True)],
            merged=["merged by hand" if eid in merged else "matched by the app" for eid in others["event_id"]],
        )[["date", "source", "title", "status", "merged", "sentence"]],
        hide_index=True,
        width="stretch",
    )  # fmt: skip
    for event_id, title in zip(others["event_id"], others["title"], strict=True):
        if event_id in merged:
            st.button(f"Un-merge “{title}”", key=f"unmerge_{event_id}", on_click=_unmerge, args=(event_id,),
                      help="Show this report as an event of its own again (kept in the audit log)")  # fmt: skip


def show(frame: pd.DataFrame, event_id: str, reports: pd.DataFrame | None = None) -> None:
    """Draw the panel for ``event_id`` of ``frame`` (the curated frame, all events). ``reports``: the curated frame
    with the events merged into others kept (defaults to ``frame``)."""
    match = frame[frame["event_id"] == event_id]
    if match.empty:
        st.info("This event is not in the current data (hidden, merged, or its article was removed).")
        return
    row = match.iloc[0]
    st.markdown(f"#### {md(row['title'])}")
    st.caption(md(f"{date_label(row['start'], row['end'], row['precision'])} · {row['status']} · {row['event_type']}"))
    sentence = row["sentence"]
    local = (row["timex_start"] - row["char_start"], row["timex_end"] - row["char_start"])
    st.markdown("> " + highlighted(sentence, *local) if row["timex_start"] >= 0 else "> " + md(sentence))
    if row["conflict"]:
        st.warning("Sources disagree: " + md(row["conflict"]))
    left, right = st.columns(2)
    with left:
        st.markdown("**How the date was resolved**")
        _facts([
            ("Expression", row["timex_text"]),
            ("TIMEX3 value", row["timex_value"]),
            ("Anchor", row["timex_anchor"]),
            ("Basis", f"{row['date_basis']}: {_BASIS.get(row['date_basis'], '')}"),
            ("Rule", row["timex_rule"]),
            ("Status cue", row["status_cue"]),
        ])  # fmt: skip
        st.markdown("**Who and where**")
        _facts([("Actors", ", ".join(names(row["actors"]))), ("Places", ", ".join(names(row["places"]))),
                ("Type cue", row["type_cue"])])  # fmt: skip
    with right:
        st.markdown("**Article**")
        published = row["published"].strftime("%d %b %Y") if pd.notna(row["published"]) else "unknown"
        _facts([
            ("Title", row["article_title"]),
            ("Outlet", row["source"]),
            ("Published", f"{published} (found by: {row['published_basis']})"),
            ("Read from", origin_label(row["origin"])),
        ])  # fmt: skip
        url = safe_url(row["url"])
        if url:
            st.link_button("Open the article", url)
        elif row["url"]:
            st.caption("The article's link is not an http(s) address and is not shown as a link.")
    _other_reports(row, frame if reports is None else reports)
    if row["parent_event_id"]:
        parent = frame[frame["event_id"] == row["parent_event_id"]]
        if len(parent):
            st.caption("Reported in: " + md(parent.iloc[0]["title"]))
    _edit_form(row)
