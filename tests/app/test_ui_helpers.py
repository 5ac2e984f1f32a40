"""The UI's pure helpers: Markdown escaping, the sentence highlight, and the URL encoding of a view."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from timeline_app import state
from timeline_app.text import highlighted, md, origin_label
from timeline_app.url_state import decode, encode

MARKUP = '<img src=x onerror="alert(1)"> **bold** [link](javascript:alert(1)) $x$ :red[y] `code` <script>'


def test_md_escapes_every_markup_character():
    out = md(MARKUP)
    assert not re.search(r"(?<!\\)[<>*\[\]()$:`\"=]", out)  # every markup character is backslash-escaped
    assert out.replace("\\", "") == MARKUP  # nothing lost: only backslashes added


@given(st.text(max_size=60))
def test_md_is_lossless_on_any_text(text):
    def seen(shown: str) -> str:
        return shown.replace("\\", "").replace("\u2060", "")

    assert seen(md(text)) == seen(" ".join(text.split()))  # only backslashes and invisible word joiners added


def test_md_keeps_addresses_from_becoming_links():
    out = md("Forms at http://10.0.0.5/admin, https://x.org, WWW.example.org and help@example.org.")
    # the renderer links "://", "www." and "@" in the text it shows: a joiner sits inside each
    shown = out.replace("\\", "")
    assert "://" not in shown and "www." not in shown.lower() and "p@" not in shown
    assert shown.count("\u2060") == 4 and shown.replace("\u2060", "").startswith("Forms at http://10.0.0.5/admin")


def test_highlight_marks_only_the_date_expression():
    sentence = "Troops arrived on Wednesday <b>in</b> Minsk."
    start = sentence.index("Wednesday")
    out = highlighted(sentence, start, start + len("Wednesday"))
    assert ":orange-background[**Wednesday**]" in out and "<b>" not in out
    assert highlighted(sentence, 5, 500) == md(sentence)  # offsets outside the sentence: no highlight


def test_origin_label_hides_server_folders():
    assert origin_label("https://example.org/a") == "https://example.org/a"
    assert origin_label("/home/someone/secret/file.txt") == "file.txt"
    assert origin_label("/tmp/x/upload.zip!inner/a.md") == "upload.zip!inner/a.md"


def test_view_round_trips_through_the_query_string():
    values = {
        state.F_TYPES: ["military", "a,b"], state.F_ACTORS: ["NATO"], state.F_MIN_CORR: 2, state.F_TEXT: "drills",
        state.F_NEGATED: True, state.LANES: "actors", state.COLOR: "source", state.KEY_MODE: "on",
        state.SELECTED: "abc123", state.F_DATES: (dt.date(2022, 2, 1), dt.date(2022, 2, 28)),
        state.UNDATED: "drop", state.DAYFIRST: False,
    }  # fmt: skip
    params = encode(values, bounds=(dt.date(2021, 11, 1), dt.date(2022, 3, 31)))
    as_lists = {k: v if isinstance(v, list) else [v] for k, v in params.items()}
    assert decode(as_lists) == values


def test_defaults_stay_out_of_the_link_and_garbage_is_ignored():
    bounds = (dt.date(2021, 11, 1), dt.date(2022, 3, 31))
    assert encode({**state.INIT, state.F_DATES: bounds}, bounds) == {}
    assert decode({"lanes": ["<script>"], "minc": ["x"], "from": ["not-a-date"], "key": ["maybe"],
                   "undated": ["sometimes"], "dayfirst": ["yes"]}) == {}  # fmt: skip


def test_no_code_path_renders_raw_html():
    root = Path(__file__).resolve().parents[2]
    sources = [root / "app.py", *sorted((root / "timeline_app").rglob("*.py"))]
    for path in sources:
        code = path.read_text(encoding="utf-8")
        assert not re.search(r"unsafe_allow_html\s*=\s*True|\bst\.html\(|components\.v1|\.html\(\s*\w", code), path


def test_a_dragged_box_gives_its_days_in_order():
    from timeline_app.tabs.timeline import dragged_period

    box = {"type": "rect", "x": ["2022-03-03 10:12:00.5", "2022-02-02 04:00"], "y": [0, 5]}
    assert dragged_period([box]) == (dt.date(2022, 2, 2), dt.date(2022, 3, 3))
    assert dragged_period([]) is None
    assert dragged_period([{"x": ["2022-02-02"]}, {"x": ["not a date", "x"]}]) is None


def test_a_link_with_reversed_or_outside_dates_still_shows_events():
    from timeline_app.sidebar import _clip

    assert decode({"from": ["2022-03-01"], "to": ["2022-01-01"]})[state.F_DATES] == (
        dt.date(2022, 1, 1), dt.date(2022, 3, 1))  # fmt: skip
    bounds = (dt.date(2021, 11, 1), dt.date(2022, 3, 31))
    assert _clip(dt.date(2030, 1, 1), dt.date(2030, 2, 1), bounds) == bounds  # misses the data: all of it, not 1 day
    assert _clip(dt.date(2022, 3, 1), dt.date(2022, 1, 1), bounds) == (dt.date(2022, 1, 1), dt.date(2022, 3, 1))
    assert _clip(dt.date(2022, 2, 1), dt.date(2030, 1, 1), bounds) == (dt.date(2022, 2, 1), dt.date(2022, 3, 31))
    assert _clip(None, dt.date(2022, 1, 15), bounds) == (dt.date(2021, 11, 1), dt.date(2022, 1, 15))


def test_an_old_link_naming_events_without_an_actor_still_selects_them():
    assert decode({"actor": ["(none)", "NATO"], "place": ["(none)"]}) == {
        state.F_ACTORS: ["No actor named", "NATO"], state.F_PLACES: ["No place named"]}  # fmt: skip


def test_the_table_sorts_by_the_chosen_column_with_missing_values_last():
    import pandas as pd

    from timeline_app.tabs.table import sorted_table

    table = pd.DataFrame({"title": ["beta", "Alpha", "gamma"], "start": [dt.date(2022, 2, 3), None,
                          dt.date(2022, 1, 5)], "outlets": [2, 3, 1]})  # fmt: skip
    assert sorted_table(table, "title", False)["title"].tolist() == ["Alpha", "beta", "gamma"]  # case aside
    assert sorted_table(table, "start", False)["title"].tolist() == ["gamma", "beta", "Alpha"]  # undated last
    assert sorted_table(table, "outlets", True)["outlets"].tolist() == [3, 2, 1]
    assert sorted_table(table, "title", False).index.tolist() == [0, 1, 2]  # positions are what edits refer to
