"""The page, top to bottom: sources -> articles -> events -> curation -> filters -> tabs.

Each step calls one ``timeline`` package function; this module only decides the order and
passes results along.
"""

from __future__ import annotations

import streamlit as st

from timeline.article import Skipped
from timeline.curation import apply_edits, hidden_ids, project_to_json, unmatched
from timeline.filters import apply, outside_dates, to_dict
from timeline_app import loading, sidebar, state, url_state
from timeline_app.tabs import export, sources, table, timeline
from timeline_app.tabs import map as map_tab
from timeline_app.text import counted, md

TITLE = "Crisis Timeline"


def run() -> None:
    st.set_page_config(page_title=TITLE, page_icon="🗓️", layout="wide")
    state.init()
    url_state.restore_once()
    st.title(TITLE)
    groups = sidebar.sources()
    articles, results = loading.combine(groups)
    articles = loading.with_overrides(articles, sidebar.publication_overrides(articles))
    extraction = sidebar.extraction_settings()
    summary = loading.summary(results, articles)
    with st.expander(" · ".join(summary.lines(messages=False)) or "No articles", expanded=False):
        st.text("\n".join(summary.lines()))
    # One container for whatever this run has to say (progress, failures, hints): the tabs below then
    # keep their place in the page on every run, so a rerun never sends the user back to the first tab.
    notices = st.container()
    done = st.session_state.setdefault("_extracted", set())
    with notices:
        frame, failures = loading.extract(articles, done, extraction)
    if failures:
        notices.error(f"{len(failures)} article(s) could not be processed; their events are missing from the timeline.")
        notices.expander("Which articles, and why").text("\n".join(failures))
    edits = st.session_state[state.EDITS]
    idle = unmatched(frame, edits)
    if idle:
        ids = ", ".join(sorted({e.event_id for e in idle})[:5])
        notices.warning(
            f"{counted(len(idle), 'edit')} match no event now ({ids}): the articles or their publication dates "
            "changed, so their sentences were read again with other ids. The edits stay in the audit log and apply "
            "again if those events come back; make them again on the new rows if needed."
        )
    curated = apply_edits(frame, edits)
    view_filters, bounds = sidebar.filters(curated)
    shown = apply(curated, view_filters)
    unmet = url_state.unmet_notice(set(curated["event_id"]))
    if unmet:
        notices.info(md(unmet))
    skipped = [r for r in results if isinstance(r, Skipped)]
    if not articles and skipped:  # the user gave inputs and none could be read: say why, not "no articles yet"
        reasons = "\n".join(f"- {md(s.message())}" for s in skipped[:20])
        notices.warning(f"None of the inputs gave an article:\n\n{reasons}")
    elif skipped:  # some inputs gave nothing: say so where it is seen, not only in the collapsed summary
        notices.warning(f"{counted(len(skipped), 'input')} gave no article (the others were read): "
                        + "; ".join(md(s.message()) for s in skipped[:3]) + ("; …" if len(skipped) > 3 else "")
                        + ". The Sources tab lists every one.")  # fmt: skip
    elif not articles:
        notices.info("No articles yet: switch on the demo corpus, upload files, paste text or fetch links "
                     "in the sidebar.")
    zoom = (view_filters.date_from, view_filters.date_to) if view_filters.date_from else None
    tabs = st.tabs(["Timeline", "Map", "Table", "Sources", "Export"])
    with tabs[0]:
        timeline.show(shown, curated, zoom, "", apply_edits(frame, edits, keep_merged=True),
                      outside_dates(curated, view_filters))  # fmt: skip
    with tabs[1]:
        map_tab.show(shown)
    with tabs[2]:
        hidden = hidden_ids(edits)
        editable = apply(apply_edits(frame, edits, keep_hidden=True), view_filters)
        table.show(editable if st.session_state[state.SHOW_HIDDEN] else shown, hidden)
    with tabs[3]:
        sources.show(articles, results, frame, summary)
    with tabs[4]:
        export.show(shown, st.session_state[state.LANES], st.session_state[state.COLOR], edits, TITLE)
    settings = {"filters": to_dict(view_filters),
                "view": {k: st.session_state[k] for k in (state.LANES, state.COLOR, state.KEY_MODE)},
                "extraction": {"undated": extraction.undated, "dayfirst": extraction.dayfirst}}  # fmt: skip
    sidebar.project_box(project_to_json(articles, settings, edits))
    url_state.write(bounds)
