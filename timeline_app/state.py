"""Every session-state key the app uses, in one place, with its initial value.

Widget keys double as state keys, so a value restored from a shared link or a project file
is written to the same key the widget reads.
"""

from __future__ import annotations

import streamlit as st

# Sources
USE_DEMO = "src_demo"
UPLOADS = "src_uploads"
PASTE_TEXT = "src_paste_text"
PASTE_TITLE = "src_paste_title"
PASTE_PUBLISHED = "src_paste_published"
PASTED = "src_pasted"  # list of Article | Skipped added from the paste box
LINKS_TEXT = "src_links_text"
FETCHED = "src_fetched"  # list of Article | Skipped fetched from links and feeds
PROJECT_ARTICLES = "src_project_articles"  # articles restored from a project file
PROJECT_FILE = "src_project_file"
OVERRIDE_ON = "src_override_on"
OVERRIDE_DATE = "src_override_date"

# Extraction (sidebar): timeline.pipeline.PipelineSettings
UNDATED = "x_undated"
DAYFIRST = "x_dayfirst"

# Filters (sidebar)
F_DATES = "f_dates"
DATE_BOUNDS = "_date_bounds"  # the data's date span when F_DATES was last drawn: a range equal to it follows the data
F_TYPES = "f_types"
F_STATUS = "f_status"
F_ACTORS = "f_actors"
F_PLACES = "f_places"
F_SOURCES = "f_sources"
F_MIN_CORR = "f_min_corr"
F_TEXT = "f_text"
F_NEGATED = "f_negated"

# View
LANES = "v_lanes"
COLOR = "v_color"
KEY_MODE = "v_key_mode"
SELECTED = "v_selected"  # event_id shown in the detail panel
CHART = "v_chart"
PICK = "v_pick"  # the detail panel's event picker (its widget key: pick_key())
ALL_DATES = "v_all_dates"  # the button that clears the Dates filter
FIGURE = "_figure"  # the timeline figure last drawn (what a click's point index refers to)

# Curation
EDITS = "c_edits"  # list[timeline.curation.Edit], the audit log
EDITOR_VERSION = "c_editor_version"  # bumped after each applied change, to reset the editor
TABLE_IDS = "c_table_ids"  # event ids in the order the editor shows them
CURATOR = "c_curator"
MERGE_SOURCE = "c_merge_source"
MERGE_TARGET = "c_merge_target"
CURATION_ERROR = "c_error"
SHOW_HIDDEN = "c_show_hidden"
TABLE_SORT = "c_table_sort"  # the column the table is sorted by (kept across edits, unlike a header click)
TABLE_DESC = "c_table_desc"

# Bookkeeping
URL_APPLIED = "_url_applied"  # the shared link's view was restored (first run only)
LINK_FRESH = "_link_fresh"  # this run is the one that opened a shared link
LINK_UNMET = "_link_unmet"  # what that link asked for that the loaded articles do not have
FLASH = "_flash"  # one-run messages (e.g. a project was loaded)

KEY_MODES: tuple[str, ...] = ("auto", "on", "off")

INIT: dict[str, object] = {
    USE_DEMO: True,
    UNDATED: "continue",
    DAYFIRST: True,
    PASTED: [],
    FETCHED: [],
    PROJECT_ARTICLES: [],
    OVERRIDE_ON: False,
    F_TYPES: [],
    F_STATUS: [],
    F_ACTORS: [],
    F_PLACES: [],
    F_SOURCES: [],
    F_MIN_CORR: 1,
    F_TEXT: "",
    F_NEGATED: False,
    LANES: "event_type",
    COLOR: "status",
    KEY_MODE: "auto",
    SELECTED: None,
    EDITS: [],
    EDITOR_VERSION: 0,
    TABLE_IDS: [],
    CURATOR: "",
    CURATION_ERROR: "",
    SHOW_HIDDEN: False,
    TABLE_SORT: "start",
    TABLE_DESC: False,
    FLASH: [],
}


def init() -> None:
    """Give every key its initial value once per session (lists copied, never shared)."""
    for key, value in INIT.items():
        if key not in st.session_state:
            st.session_state[key] = list(value) if isinstance(value, list) else value


def pick_key() -> str:
    """The event picker's widget key. It changes with every applied edit: a browser keeps showing the title an
    event had when it was picked, so a corrected title needs a new widget (which starts on the selected event)."""
    key = f"{PICK}_{st.session_state[EDITOR_VERSION]}"
    for stale in [k for k in st.session_state if isinstance(k, str) and k.startswith(f"{PICK}_") and k != key]:
        del st.session_state[stale]
    return key
