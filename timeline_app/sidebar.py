"""The sidebar: where articles come from, their publication dates, the filters, and the project file."""

from __future__ import annotations

import datetime as dt
import functools

import pandas as pd
import streamlit as st

from timeline.article import Article, Skipped
from timeline.curation import ProjectFileError, project_from_json
from timeline.filters import Filters, date_bounds, from_dict, options
from timeline.ingest.pubdate import UNKNOWN
from timeline.pipeline import UNDATED_MODES, PipelineSettings
from timeline.schema import STATUSES
from timeline.temporal import infer_publication_date
from timeline_app import loading, state
from timeline_app.loading import MAX_UPLOAD_FILES
from timeline_app.text import counted, md

_HELP_UPLOAD = (
    "Text (.txt, .md), web pages (.html), records (.json, .jsonl, .csv, Excel .xlsx), RSS/Atom feeds, or a .zip or "
    ".gz of them. "
    f"Up to {MAX_UPLOAD_FILES} files at once; the size limit per file is shown below the box."
)


def _add_paste() -> None:
    text = st.session_state.get(state.PASTE_TEXT, "")
    if not text.strip():
        st.session_state[state.FLASH] = [("warning", "Paste an article's text first.")]
        return
    result = loading.paste_result(text, st.session_state.get(state.PASTE_TITLE, ""),
                                  st.session_state.get(state.PASTE_PUBLISHED))  # fmt: skip
    pasted = [r for r in st.session_state[state.PASTED] if isinstance(r, Article)]
    if isinstance(result, Article) and any(r.text == result.text for r in pasted):
        flash = ("warning", "That text was pasted already: nothing added.")
    else:
        st.session_state[state.PASTED] = [*st.session_state[state.PASTED], result]
        flash = ("success", f"Added “{result.title or 'pasted text'}”.") if isinstance(result, Article) else (
            "error", result.message())  # fmt: skip
    # every field clears, the date too, even after a refusal: a date left in the box would silently date the next paste
    st.session_state[state.PASTE_TEXT] = ""
    st.session_state[state.PASTE_TITLE] = ""
    st.session_state[state.PASTE_PUBLISHED] = None
    st.session_state[state.FLASH] = [flash]


def _fetch() -> None:
    links, refused = loading.parse_links(st.session_state.get(state.LINKS_TEXT, ""))
    fetched = loading.fetch_results(links, st.session_state[state.DAYFIRST]) if links else []
    st.session_state[state.FETCHED] = [*st.session_state[state.FETCHED], *refused, *fetched]
    read = sum(isinstance(r, Article) for r in fetched)
    problems = [r.message() for r in [*refused, *fetched] if isinstance(r, Skipped)]
    st.session_state[state.FLASH] = [("success" if read else "warning", f"Fetched {read} article(s).")] + [
        ("error", p) for p in problems
    ]


def _load_project() -> None:
    upload = st.session_state.get(state.PROJECT_FILE)
    if upload is None:
        return
    try:
        project = project_from_json(upload.getvalue())
    except ProjectFileError as exc:
        st.session_state[state.FLASH] = [("error", f"Project not loaded: {exc}")]
        return
    st.session_state[state.PROJECT_ARTICLES] = list(project.articles)
    st.session_state[state.EDITS] = list(project.edits)
    st.session_state[state.USE_DEMO] = False
    st.session_state[state.PASTED] = []
    st.session_state[state.FETCHED] = []
    st.session_state[state.EDITOR_VERSION] += 1
    view = project.settings.get("view", {})
    for key in (state.LANES, state.COLOR, state.KEY_MODE):
        if view.get(key) is not None:
            st.session_state[key] = view[key]
    _restore_filters(from_dict(project.settings.get("filters") or {}))
    extraction = project.settings.get("extraction", {})
    if extraction.get("undated") in UNDATED_MODES:
        st.session_state[state.UNDATED] = extraction["undated"]
    if isinstance(extraction.get("dayfirst"), bool):
        st.session_state[state.DAYFIRST] = extraction["dayfirst"]
    st.session_state[state.FLASH] = [
        ("success", f"Project loaded: {len(project.articles)} articles, {len(project.edits)} edits.")
    ]


def _restore_filters(saved: Filters) -> None:
    """A project's saved filters back in their widgets (values the loaded articles lack are reported as for a
    shared link)."""
    for key, values in ((state.F_TYPES, saved.event_type), (state.F_STATUS, saved.status),
                        (state.F_ACTORS, saved.actors), (state.F_PLACES, saved.places),
                        (state.F_SOURCES, saved.source)):  # fmt: skip
        st.session_state[key] = list(values)
    if saved.date_from and saved.date_to:
        st.session_state[state.F_DATES] = (saved.date_from, saved.date_to)
    st.session_state[state.F_MIN_CORR] = saved.min_corroboration
    st.session_state[state.F_TEXT] = saved.text
    st.session_state[state.F_NEGATED] = saved.show_negated


def sources() -> list[list[loading.Result]]:
    """Draw the source widgets; the results of every source that is switched on."""
    bar = st.sidebar
    bar.header("Articles")
    bar.toggle("Demo corpus: Russia–Ukraine, Nov 2021 – Mar 2022", key=state.USE_DEMO)
    files = bar.file_uploader("Upload articles", accept_multiple_files=True, key=state.UPLOADS, help=_HELP_UPLOAD)
    with bar.expander("Paste an article"):
        st.text_area("Article text", key=state.PASTE_TEXT, height=150,
                     placeholder="published: 2022-02-10\n\nOn Wednesday, ...")  # fmt: skip
        st.text_input("Title (optional)", key=state.PASTE_TITLE)
        st.date_input("Publication date (optional)", value=None, key=state.PASTE_PUBLISHED,
                      min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1))  # fmt: skip
        st.button("Add pasted article", on_click=_add_paste, width="stretch")
        if st.session_state[state.PASTED]:
            st.button(f"Remove {len(st.session_state[state.PASTED])} pasted", key="rm_pasted",
                      on_click=lambda: st.session_state.update({state.PASTED: []}))  # fmt: skip
    with bar.expander("Links and feeds"):
        st.text_area("One http(s) link or feed URL per line", key=state.LINKS_TEXT, height=100,
                     help="Fetched from public hosts only (no private or local addresses).")  # fmt: skip
        st.button("Fetch", on_click=_fetch, width="stretch")
        if st.session_state[state.FETCHED]:
            st.button("Remove fetched articles", key="rm_fetched",
                      on_click=lambda: st.session_state.update({state.FETCHED: []}))  # fmt: skip
    for kind, message in st.session_state[state.FLASH]:
        getattr(bar, kind)(md(message))
    st.session_state[state.FLASH] = []
    groups: list[list[loading.Result]] = []
    if st.session_state[state.USE_DEMO]:
        demo = loading.demo_results()
        if not demo:
            bar.warning(f"The demo corpus is missing ({loading.DEMO_DIR} has no .md files).")
        groups.append(demo)
    files = list(files or [])
    if len(files) > MAX_UPLOAD_FILES:
        bar.error(f"{len(files)} files uploaded: only the first {MAX_UPLOAD_FILES} are read. "
                  "Put more articles in a .zip archive, or upload them in batches.")  # fmt: skip
        groups.append([Skipped(f.name, "limit", f"over {MAX_UPLOAD_FILES} files per upload")
                       for f in files[MAX_UPLOAD_FILES:]])  # fmt: skip
        files = files[:MAX_UPLOAD_FILES]
    for upload in files:
        groups.append(loading.upload_results(upload.name, upload.getvalue(), st.session_state[state.DAYFIRST]))
    groups += [st.session_state[state.PASTED], st.session_state[state.FETCHED],
               st.session_state[state.PROJECT_ARTICLES]]  # fmt: skip
    return groups


_UNDATED_LABELS = {
    "continue": "Carry on the story's last date, else publication day",
    "keep": "Date them on the publication day",
    "drop": "Leave them out",
}


def extraction_settings() -> PipelineSettings:
    """How sentences without a date of their own are treated, and how 03/04/2022 is read."""
    with st.sidebar.expander("Sentences without a date"):
        st.radio("Sentences that name no date", UNDATED_MODES, key=state.UNDATED,
                 format_func=_UNDATED_LABELS.__getitem__,
                 help="A sentence such as “Troops crossed the border” has no date of its own. The first choice "
                      "continues a date the story just gave when the narrative clearly carries it on; rows say "
                      "which basis was used (date basis: continued or publication).")  # fmt: skip
        st.checkbox("Read 03/04/2022 as 3 April (day first)", key=state.DAYFIRST,
                    help="Switch off for month-first sources: 03/04/2022 is then March 4.")
    return PipelineSettings(undated=st.session_state[state.UNDATED], dayfirst=st.session_state[state.DAYFIRST])


@functools.lru_cache(maxsize=2048)
def _inferred(text: str) -> dt.date | None:
    found = infer_publication_date(text)
    return found.date if found else None


def publication_overrides(articles: list[Article]) -> dict[str, dt.date]:
    """A date input for each article without a publication date; the dates the user gave."""
    undated = [a for a in articles if a.published is None]
    overrides: dict[str, dt.date] = {}
    if not undated:
        return overrides
    given = sum(st.session_state.get(f"pub_{a.article_id}") is not None for a in undated[:50])
    label = (f"Publication dates: {given} of {len(undated)} given" if given
             else f"Publication dates: {counted(len(undated), 'article')} without one")  # fmt: skip
    with st.sidebar.expander(label, expanded=False):
        st.caption("Relative dates (\"on Wednesday\") are resolved against the publication date. Give one where "
                   "the text does not say; the date the text suggests is shown when there is one.")  # fmt: skip
        for article in undated[:50]:
            guess = _inferred(article.text)
            hint = f"the text suggests {guess:%d %b %Y}" if guess else "no date found in the text"
            if article.published_detail != UNKNOWN.detail:  # why a date the file names was not taken
                hint = f"{article.published_detail.split(';')[0]}; {hint}"
            day = st.date_input(md(f"{(article.title or article.origin)[:60]} ({hint})"), value=None,
                                key=f"pub_{article.article_id}", min_value=dt.date(1900, 1, 1),
                                max_value=dt.date(2100, 1, 1))  # fmt: skip
            if day is not None:
                overrides[article.article_id] = day
        if len(undated) > 50:
            st.caption(f"{len(undated) - 50} more: set their date in the file's front matter (published: YYYY-MM-DD).")
    return overrides


def _multiselect(label: str, key: str, values: list[str]) -> list[str]:
    """A multiselect whose stored choice is trimmed to what the data still offers."""
    kept = [v for v in st.session_state.get(key, []) if v in values]
    if kept != st.session_state.get(key):
        if st.session_state.get(state.LINK_FRESH):  # a shared link asked for values these articles lack
            missing = [v for v in st.session_state.get(key, []) if v not in values]
            st.session_state[state.LINK_UNMET] = [*st.session_state.get(state.LINK_UNMET, []),
                                                  *(f"{label.lower()} “{v}”" for v in missing)]  # fmt: skip
        st.session_state[key] = kept
    return st.sidebar.multiselect(label, values, key=key)


def _clip(first: dt.date | None, last: dt.date | None, bounds: tuple[dt.date, dt.date]) -> tuple[dt.date, dt.date]:
    """A date range brought inside the data's span: reversed ends swapped, a missing end open, and a range that
    misses the data altogether widened to all of it (never squeezed onto one edge day)."""
    first, last = first or bounds[0], last or bounds[1]
    first, last = min(first, last), max(first, last)
    if last < bounds[0] or first > bounds[1]:
        return bounds
    return max(first, bounds[0]), min(last, bounds[1])


def filters(frame: pd.DataFrame) -> tuple[Filters, tuple[dt.date, dt.date] | None]:
    """Draw the filter widgets for ``frame``; the resulting view and the data's date bounds."""
    bar = st.sidebar
    bar.header("Filters")
    bounds = date_bounds(frame)
    date_from = date_to = None
    if bounds:
        current = st.session_state.get(state.F_DATES)
        if current is not None and tuple(current) == st.session_state.get(state.DATE_BOUNDS):
            current = None  # never narrowed: it follows the data, so new articles' events are not left outside
        st.session_state[state.DATE_BOUNDS] = bounds
        if isinstance(current, (tuple, list)) and len(current) == 2:
            lo, hi = _clip(current[0], current[1], bounds)
            if (lo, hi) != tuple(current):
                if st.session_state.get(state.LINK_FRESH):  # a shared link's dates outside these articles' span
                    asked = " – ".join(d.isoformat() if d else "…" for d in current)
                    st.session_state[state.LINK_UNMET] = [*st.session_state.get(state.LINK_UNMET, []),
                                                          f"dates {asked} (shown: {lo} – {hi})"]  # fmt: skip
                st.session_state[state.F_DATES] = (lo, hi)
        else:
            st.session_state[state.F_DATES] = bounds
        picked = bar.date_input("Dates (the chart zooms to them)", value=bounds, min_value=bounds[0],
                                max_value=bounds[1], key=state.F_DATES, format="YYYY-MM-DD")  # fmt: skip
        if isinstance(picked, (tuple, list)) and len(picked) == 2 and tuple(picked) != bounds:
            date_from, date_to = picked
    types = _multiselect("Event type", state.F_TYPES, options(frame, "event_type"))
    statuses = _multiselect("Status", state.F_STATUS, [s for s in STATUSES if s in set(frame["status"])])
    actors = _multiselect("Actor", state.F_ACTORS, options(frame, "actors"))
    places = _multiselect("Place", state.F_PLACES, options(frame, "places"))
    outlets = _multiselect("Source", state.F_SOURCES, options(frame, "source"))
    top = int(frame["corroboration"].max()) if len(frame) else 1
    if st.session_state[state.F_MIN_CORR] > max(top, 1):
        st.session_state[state.F_MIN_CORR] = 1
    min_corr = bar.number_input("Reported by at least N outlets", min_value=1, max_value=max(top, 1), step=1,
                                key=state.F_MIN_CORR)  # fmt: skip
    text = bar.text_input("Search titles, sentences and headlines", key=state.F_TEXT, placeholder="e.g. drills Belarus")
    negated = bar.checkbox("Show events reported as not happening", key=state.F_NEGATED)
    view = Filters(date_from=date_from, date_to=date_to, event_type=tuple(types), status=tuple(statuses),
                   actors=tuple(actors), places=tuple(places), source=tuple(outlets), min_corroboration=int(min_corr),
                   text=text, show_negated=negated)  # fmt: skip
    return view, bounds


def project_box(project_json: str) -> None:
    """Save the project (articles, settings, edits) to one file, or load one."""
    with st.sidebar.expander("Project file"):
        st.download_button("Save project (.json)", project_json, file_name="crisis-timeline-project.json",
                           mime="application/json", width="stretch", on_click="ignore")  # fmt: skip
        st.file_uploader("Open a project", type=["json"], key=state.PROJECT_FILE, on_change=_load_project)
