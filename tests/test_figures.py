"""Figures: what is drawn how, escaping, one trace per category, aggregation at scale."""

import datetime as dt
import json

import pandas as pd
from frames import XSS_TITLE, event, small_frame, synthetic

from timeline.figures import (
    AGGREGATE_ABOVE,
    OTHER_LABEL,
    date_label,
    density,
    event_at,
    focus_range,
    key_events,
    map_figure,
    place_table,
    timeline_figure,
)
from timeline.filters import Filters, apply
from timeline.schema import from_records


def traces_with(fig, event_id):
    return [t for t in fig.data if t.customdata is not None and event_id in list(t.customdata)]


def test_each_kind_is_drawn_its_way():
    frame = apply(small_frame(), Filters())
    fig = timeline_figure(frame, lanes="event_type", color="status")
    (point,) = traces_with(fig, "ev0001")
    assert point.type == "scattergl"
    (span,) = traces_with(fig, "ev0002")
    assert span.type == "bar" and span.orientation == "h"
    i = list(span.customdata).index("ev0002")
    assert span.base[i] == "2022-02-10" and span.x[i] == 10 * 86_400_000  # 10 days, inclusive end
    (month,) = traces_with(fig, "ev0003")
    assert month.type == "bar" and month.marker.opacity < 0.5  # a faint band, not a point on the 1st
    j = list(month.customdata).index("ev0003")
    assert month.base[j] == "2020-08-01" and month.x[j] == 31 * 86_400_000
    (possible,) = traces_with(fig, "ev0007")
    assert possible.marker.symbol[list(possible.customdata).index("ev0007")] == "circle-open"
    assert not traces_with(fig, "ev0006")  # undated: table only


def test_one_trace_group_per_category_and_all_events_present():
    frame = apply(small_frame(), Filters())
    fig = timeline_figure(frame, color="status")
    event_traces = [t for t in fig.data if t.customdata is not None]
    shown = {eid for t in event_traces for eid in t.customdata}
    assert shown == set(frame.dropna(subset=["start"])["event_id"])
    assert len(event_traces) <= 3 * frame["status"].nunique()


def test_no_two_named_colour_categories_share_a_colour():
    frame = from_records([event(i, source=f"Outlet {i}") for i in range(1, 41)])  # 40 outlets, 16 colours
    fig = timeline_figure(frame, color="source")
    colours: dict[str, set[str]] = {}
    for trace in fig.data:
        if trace.customdata is not None and trace.legendgroup:
            colours.setdefault(trace.marker.color, set()).add(trace.legendgroup)
    assert all(len(groups) == 1 for groups in colours.values()), colours
    assert any(OTHER_LABEL in groups for groups in colours.values())  # the rest, together


def test_article_text_is_escaped_everywhere():
    frame = apply(small_frame(), Filters())
    for lanes in ("source", "event_type"):
        payload = timeline_figure(frame, lanes=lanes, color="source").to_json()
        assert "<img" not in payload and "<script" not in payload and "<b>Evil" not in payload
        assert "&lt;img src=x" in payload
    (trace,) = traces_with(timeline_figure(frame), "ev0007")
    hover = trace.hovertext[list(trace.customdata).index("ev0007")]
    assert hover.startswith("<b>&lt;img") and XSS_TITLE not in hover


def test_lanes_by_actor_repeat_multi_actor_events():
    frame = apply(small_frame(), Filters())
    fig = timeline_figure(frame, lanes="actors")
    lanes = list(fig.layout.yaxis.ticktext)
    assert {"Russia", "Belarus", "NATO", "(none)"} <= set(lanes)
    (span,) = traces_with(fig, "ev0002")
    assert list(span.customdata).count("ev0002") == 2  # drills in the Russia lane and the Belarus lane


def test_event_at_and_selected_ring():
    frame = apply(small_frame(), Filters())
    fig = timeline_figure(frame, selected="ev0008")
    (trace,) = traces_with(fig, "ev0008")
    curve = list(fig.data).index(trace)
    assert event_at(fig, curve, list(trace.customdata).index("ev0008")) == "ev0008"
    assert event_at(fig, 99, 0) is None
    assert any(t.name == "selected" for t in fig.data)


def test_date_labels_keep_precision():
    ts = pd.Timestamp
    assert date_label(ts("2022-02-09"), ts("2022-02-09"), "day") == "Wed 9 Feb 2022"
    assert date_label(ts("2020-08-01"), ts("2020-08-31"), "month") == "August 2020 (month)"
    assert date_label(ts("2014-01-01"), ts("2014-12-31"), "year") == "2014 (year)"
    assert "span" in date_label(ts("2022-02-10"), ts("2022-02-19"), "day")


def test_date_labels_name_part_of_a_period():
    ts = pd.Timestamp
    assert date_label(ts("2023-01-01"), ts("2023-04-30"), "year") == "early 2023 (1 Jan – 30 Apr)"
    assert date_label(ts("2021-12-21"), ts("2021-12-31"), "month") == "late December 2021 (21–31 Dec)"
    assert date_label(ts("2022-01-11"), ts("2022-01-20"), "month") == "mid January 2022 (11–20 Jan)"
    # "later this month" said on the 10th: most of the month, not its end
    assert date_label(ts("2022-02-10"), ts("2022-02-28"), "month") == "part of February 2022 (10–28 Feb)"


def test_a_period_running_past_itself_is_a_span_from_it():
    ts = pd.Timestamp  # "Russia has held Crimea since 2014", published 27 November 2021
    assert date_label(ts("2014-01-01"), ts("2021-11-27"), "year") == "2014 – 27 Nov 2021 (span)"
    assert date_label(ts("2022-01-01"), ts("2022-03-17"), "month") == "January 2022 – 17 Mar 2022 (span)"


def test_density_counts_only_day_events():
    frame = small_frame()
    strip = density(frame, "D")
    assert int(strip["events"].sum()) == int(((frame["precision"] == "day") & frame["start"].notna()).sum())
    assert dt.date(2020, 8, 1) not in set(strip["period"].dt.date)


def test_key_events_top_per_week():
    frame = synthetic(400)
    top = key_events(frame, per="W", top=2)
    weeks = top["start"].dt.to_period("W")
    assert weeks.value_counts().max() <= 2
    best = frame.loc[frame["start"].dt.to_period("W") == weeks.iloc[0], "salience"].max()
    assert top.loc[weeks == weeks.iloc[0], "salience"].max() == best


def test_aggregates_when_crowded_and_stays_small():
    frame = synthetic(AGGREGATE_ABOVE * 2)
    fig = timeline_figure(frame)
    points = sum(len(t.x) for t in fig.data if t.type == "scattergl")
    assert points < len(frame) / 3
    assert len(json.dumps(fig.to_plotly_json(), default=str)) < 2_000_000
    small = timeline_figure(synthetic(200))
    assert sum(len(t.x) for t in small.data if t.type == "scattergl") > 100  # not aggregated


def test_empty_view_explains_itself():
    fig = timeline_figure(small_frame().iloc[0:0])
    assert "No dated events" in fig.layout.annotations[0].text


def test_map_sizes_places_by_events_and_escapes():
    frame = apply(small_frame(), Filters())
    table = place_table(frame)
    assert table.iloc[0]["name"] in {"Minsk", "Kyiv"} and table["events"].sum() == 6
    fig = map_figure(frame)
    assert fig.data[0].type == "scattergeo" and len(fig.data[0].lat) == 2
    assert "No events with a located place" in map_figure(frame.iloc[0:0]).layout.annotations[0].text


def test_the_default_view_keeps_the_first_dispatches_and_drops_far_background():
    first = [event(i, start=dt.date(2021, 11, 10), end=dt.date(2021, 11, 10)) for i in range(1, 4)]
    crisis = [event(i, start=dt.date(2021, 12, 1) + dt.timedelta(days=i), end=dt.date(2021, 12, 1)
                    + dt.timedelta(days=i)) for i in range(4, 200)]  # fmt: skip
    background = [event(200, start=dt.date(1997, 5, 1), end=dt.date(1997, 5, 31), precision="month")]
    lo, hi = focus_range(from_records(first + crisis + background))
    assert lo <= pd.Timestamp("2021-11-10") and lo > pd.Timestamp("2021-01-01")
